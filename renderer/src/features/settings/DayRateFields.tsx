import { Field } from '../../components/Field';
import { DAY_RATE_LABELS, type DayRateDraft, type DayRateErrors } from './dayRateDraft';

interface Props {
  idPrefix: string;
  draft: DayRateDraft;
  errors: DayRateErrors;
  onChange(key: keyof DayRateDraft, value: string): void;
}

/** "Buy or build": what one engineer-day costs, for every provider's buy-vs-build line. */
export function DayRateFields({ idPrefix, draft, errors, onChange }: Props) {
  const id = (key: keyof DayRateDraft) => `${idPrefix}-day-rate-${key}`;
  const hintId = `${idPrefix}-day-rate-hint`;
  return (
    <fieldset className="form-section" aria-describedby={hintId}>
      <legend>Buy or build</legend>
      <p id={hintId} className="muted section-hint">
        Each provider’s profile sets its yearly fee against building and running the service yourself: the engineer-days
        a year in its profile times this day rate. Vetted never converts currencies; a fee in another currency is said
        to be incomparable.
      </p>
      <div className="form-grid">
        <Field id={id('amount')} label={DAY_RATE_LABELS.amount} error={errors.amount} hint="What one engineer-day costs you, salary and overheads included. Empty: no day rate.">
          {(p) => <input {...p} className="input" inputMode="decimal" value={draft.amount} onChange={(e) => onChange('amount', e.target.value)} autoComplete="off" />}
        </Field>
        <Field id={id('currency')} label={DAY_RATE_LABELS.currency} error={errors.currency} hint="Three letters, e.g. EUR.">
          {(p) => (
            <input {...p} className="input input-short" maxLength={3} value={draft.currency} onChange={(e) => onChange('currency', e.target.value.toUpperCase())} autoComplete="off" spellCheck={false} />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
