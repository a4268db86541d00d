import { FieldError } from '../../components/FieldError';
import { hrefs } from '../../app/router';
import { MAX_NOTICE_HOURS, NOTICE_LABEL } from './noticeDraft';

interface Props {
  idPrefix: string;
  draft: string;
  error: string | undefined;
  onChange(value: string): void;
}

/** "Maintenance": the least notice any provider must give, whatever it promised. */
export function MaintenanceNoticeFields({ idPrefix, draft, error, onChange }: Props) {
  const id = `${idPrefix}-minimum-notice`;
  const hintId = `${id}-hint`;
  return (
    <fieldset className="form-section" aria-describedby={`${idPrefix}-maintenance-intro`}>
      <legend>Maintenance</legend>
      <p id={`${idPrefix}-maintenance-intro`} className="muted section-hint">
        Each provider’s scheduled maintenances are held against the notice it promised in its review. A minimum here
        applies to every provider as well: less notice is listed under Needs attention. The{' '}
        <a href={hrefs.calendar}>maintenance calendar</a> shows every provider’s windows together; blackout periods are
        set below.
      </p>
      <div className="field">
        <label htmlFor={id}>{NOTICE_LABEL}</label>
        <div className="input-with-unit">
          <input
            id={id}
            className="input input-number-short"
            inputMode="numeric"
            value={draft}
            onChange={(e) => onChange(e.target.value)}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={[error ? `${id}-error` : '', hintId].filter(Boolean).join(' ')}
          />
          <span className="muted">hours</span>
        </div>
        <p id={hintId} className="hint">
          Whole hours from 0 to {MAX_NOTICE_HOURS}; empty: no minimum, only each provider’s own promise counts.
        </p>
        <FieldError id={`${id}-error`} message={error} />
      </div>
    </fieldset>
  );
}
