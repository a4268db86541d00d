import { FieldError } from '../../components/FieldError';
import { hrefs } from '../../app/router';
import { THRESHOLD_LABEL } from './thresholdDraft';

interface Props {
  idPrefix: string;
  draft: string;
  error: string | undefined;
  onChange(value: string): void;
}

/** "Fourth parties": when one fourth party carries too much of the critical path, Needs attention says so. */
export function ConcentrationThresholdFields({ idPrefix, draft, error, onChange }: Props) {
  const id = `${idPrefix}-concentration-threshold`;
  const hintId = `${id}-hint`;
  return (
    <fieldset className="form-section" aria-describedby={`${idPrefix}-concentration-intro`}>
      <legend>Fourth parties</legend>
      <p id={`${idPrefix}-concentration-intro`} className="muted section-hint">
        Providers that run on the same cloud region fail together. The <a href={hrefs.concentration}>Concentration</a> page
        shows how much of your critical path each fourth party carries; above this share it is listed under Needs attention.
      </p>
      <div className="field">
        <label htmlFor={id}>{THRESHOLD_LABEL}</label>
        <div className="input-with-unit">
          <span className="muted">Warn when one fourth party carries more than</span>
          <input
            id={id}
            className="input input-number-short"
            inputMode="decimal"
            value={draft}
            onChange={(e) => onChange(e.target.value)}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={[error ? `${id}-error` : '', hintId].filter(Boolean).join(' ')}
          />
          <span className="muted">% of the critical path</span>
        </div>
        <p id={hintId} className="hint">
          A percentage from 0 to 100. A region counts on its own too: 50 warns when one region holds more than half.
        </p>
        <FieldError id={`${id}-error`} message={error} />
      </div>
    </fieldset>
  );
}
