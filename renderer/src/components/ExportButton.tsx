import { useId } from 'react';

interface Props {
  label: string;
  busy: boolean;
  onExport(): void;
  /** Why the export cannot run yet; shown under the button and as its description. */
  unavailable?: string;
  /** What the export contains (a tooltip and the button's description). */
  description?: string;
  /** What the status region announces while the export runs. */
  busyAnnouncement: string;
  testId?: string;
  primary?: boolean;
}

/**
 * A button that generates a file: "Exporting…" with a spinner, aria-busy and disabled while it
 * runs; disabled with the reason beside it when the export cannot run yet.
 */
export function ExportButton({ label, busy, onExport, unavailable, description, busyAnnouncement, testId, primary }: Props) {
  const id = useId();
  const reasonId = `${id}-reason`;
  const descriptionId = `${id}-description`;
  const describedBy = unavailable ? reasonId : description ? descriptionId : undefined;
  return (
    <div className="export-action">
      <button
        type="button"
        className={`button export-button${primary ? ' button-primary' : ''}`}
        onClick={onExport}
        disabled={busy || Boolean(unavailable)}
        aria-busy={busy || undefined}
        aria-describedby={describedBy}
        title={unavailable ?? description}
        data-testid={testId}
      >
        {busy ? (
          <span className="spinner" aria-hidden="true" />
        ) : (
          <svg className="button-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M8 2v8m0 0L4.8 6.8M8 10l3.2-3.2M2.5 11v2.5h11V11" />
          </svg>
        )}
        {busy ? 'Exporting…' : label}
      </button>
      {description && !unavailable && (
        <span id={descriptionId} hidden>
          {description}
        </span>
      )}
      {unavailable && (
        <p id={reasonId} className="hint export-reason">
          {unavailable}
        </p>
      )}
      <span className="visually-hidden" role="status">
        {busy ? busyAnnouncement : ''}
      </span>
    </div>
  );
}
