// "Import status page file…": a status page's history the user saved (Statuspage incidents.json or
// summary.json, an Atom or RSS history feed, an Instatus summary). A dry run first shows what it
// would do, then "Import" does it; the register takes all of the file or none of it.
import { useId } from 'react';
import { MAX_STATUS_IMPORT_CHARS, type StatusImport } from '../../../../shared/api';
import { api } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useDryRunImport } from '../../components/useDryRunImport';
import { importSummary, StatusImportPreview } from './StatusImportPreview';

interface Props {
  vendorId: string;
  vendorName: string;
  onImported(): void;
}

export function ImportStatusFile({ vendorId, vendorName, onImported }: Props) {
  const uid = useId();
  const fileId = `${uid}-file`;
  const headingId = `${uid}-heading`;
  const { fileRef, phase, problem, done, reset, choose, confirm, busy } = useDryRunImport<StatusImport>({
    run: (fileName, text, dryRun) => api['status.import']({ vendorId, fileName, text, dryRun }),
    maxChars: MAX_STATUS_IMPORT_CHARS,
    what: 'status page file',
    summary: importSummary,
    onImported,
  });

  return (
    <section className="side-panel window-import" aria-labelledby={headingId}>
      <h2 id={headingId}>Import status page file…</h2>
      <p className="muted side-panel-intro">
        A status page’s history you saved: Statuspage’s incidents.json or summary.json, an Atom or RSS history feed, or an Instatus
        summary. You see what it would change before anything is stored; scheduled maintenances in it go to the Maintenance tab.
      </p>
      <div className="field">
        <label htmlFor={fileId}>Status page file</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          className="file-input"
          accept=".json,.xml,.atom,.rss,application/json,application/atom+xml,application/rss+xml,text/xml"
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
        <StatusImportPreview
          fileName={phase.fileName}
          vendorName={vendorName}
          dry={phase.dry}
          busy={phase.step === 'importing'}
          onImport={() => void confirm()}
          onCancel={reset}
        />
      )}
      <p className="save-note save-saved" role="status" data-testid="status-import-done">
        {done}
      </p>
    </section>
  );
}
