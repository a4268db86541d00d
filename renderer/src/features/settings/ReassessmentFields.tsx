import { SOON_DAYS } from '../../../../shared/domain/reassessment';
import type { Tier } from '../../../../shared/domain/tier';
import { TierBadge } from '../../components/TierBadge';
import { FieldError } from '../../components/FieldError';
import { MAX_MONTHS, MIN_MONTHS, MONTH_TIERS, type MonthsDraft, type MonthsErrors } from './reassessmentDraft';

interface Props {
  idPrefix: string;
  draft: MonthsDraft;
  errors: MonthsErrors;
  onChange(tier: Tier, value: string): void;
}

/** "Reassessment": how many months an approval holds, by the tier that review found. */
export function ReassessmentFields({ idPrefix, draft, errors, onChange }: Props) {
  const hintId = `${idPrefix}-months-hint`;
  return (
    <fieldset className="form-section" aria-describedby={hintId}>
      <legend>Reassessment</legend>
      <p id={hintId} className="muted section-hint">
        Months from an approval to the provider’s next review, by the risk tier the approved review found. The register
        flags a review due within {SOON_DAYS} days and one that is overdue. A date set by hand on a review wins.
      </p>
      <div className="months-grid">
        {MONTH_TIERS.map((tier) => {
          const id = `${idPrefix}-months-${tier}`;
          const error = errors[tier];
          return (
            <div key={tier} className="field months-field">
              <label htmlFor={id} className="months-label">
                <TierBadge tier={tier} />
                <span className="visually-hidden"> tier: months until the next review</span>
              </label>
              <div className="months-input">
                <input
                  id={id}
                  className="input"
                  type="text"
                  inputMode="numeric"
                  value={draft[tier]}
                  onChange={(e) => onChange(tier, e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  autoComplete="off"
                />
                <span className="muted" aria-hidden="true">
                  months
                </span>
              </div>
              <FieldError id={`${id}-error`} message={error} />
            </div>
          );
        })}
      </div>
      <p className="hint">
        Whole months from {MIN_MONTHS} to {MAX_MONTHS}. A change moves every provider’s next review date at once; the
        approvals themselves keep their dates.
      </p>
    </fieldset>
  );
}
