// Import a provider's maintenance feed (an iCalendar file or a Statuspage
// scheduled-maintenances.json): a dry run first shows what it would do, then "Import" does it.
// The register takes all of the file or none of it; a refused file is named with its problem.
import { useId } from 'react';
import { MAX_WINDOW_IMPORT_CHARS, type WindowImport } from '../../../../shared/api';
import { api } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useDryRunImport } from '../../components/useDryRunImport';
import { ImportPreview } from './ImportPreview';

interface Props {
  vendorId: string;
  vendorName: string;
  onImported(): void;
}

export function ImportWindows({ vendorId, vendorName, onImported }: Props) {
  const uid = useId();
  const fileId = `${uid}-file`;
  const headingId = `${uid}-heading`;
  const { fileRef, phase, problem, done, reset, choose, confirm, busy } = useDryRunImport<WindowImport>({
    run: (fileName, text, dryRun) => api['window.import']({ vendorId, fileName, text, dryRun }),
    maxChars: MAX_WINDOW_IMPORT_CHARS,
    what: 'maintenance feed',
    summary: (r) => `${r.added} added, ${r.updated} updated${r.cancelled > 0 ? ` (${r.cancelled} now cancelled)` : ''}.`,
    onImported,
  });

  return (
    <section className="side-panel window-import" aria-labelledby={headingId}>
      <h2 id={headingId}>Import from the provider</h2>
      <p className="muted side-panel-intro">
        An iCalendar file (.ics) or a Statuspage scheduled-maintenances.json. You see what it would change before
        anything is stored; a maintenance already on record is updated only by a newer version.
      </p>
      <div className="field">
        <label htmlFor={fileId}>Maintenance file</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          className="file-input"
          accept=".ics,.ical,.json,text/calendar,application/json"
          disabled={busy}
          onChange={() => void choose()}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${fileId}-error` : undefined}
        />
        <FieldError id={`${fileId}-error`} message={problem ?? undefined} />
      </div>
      {phase.step === 'checking' && (
        <p className="muted loading" role="status">
          Checking “{phase.fileName}”…
        </p>
      )}
      {(phase.step === 'preview' || phase.step === 'importing') && (
        <ImportPreview
          fileName={phase.fileName}
          vendorName={vendorName}
          dry={phase.dry}
          busy={phase.step === 'importing'}
          onImport={() => void confirm()}
          onCancel={reset}
        />
      )}
      <p className="save-note save-saved" role="status" data-testid="import-done">
        {done}
      </p>
    </section>
  );
}
