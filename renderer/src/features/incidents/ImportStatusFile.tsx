// "Import status page file…": a status page's history the user saved (Statuspage incidents.json or
// summary.json, an Atom or RSS history feed, an Instatus summary). A dry run first shows what it
// would do, then "Import" does it; the register takes all of the file or none of it.
import { useId, useRef, useState } from 'react';
import { MAX_STATUS_IMPORT_CHARS, type StatusImport } from '../../../../shared/api';
import { api } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { errorText } from '../../lib/errorText';
import { importSummary, StatusImportPreview } from './StatusImportPreview';

type Phase =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'preview'; fileName: string; text: string; dry: StatusImport }
  | { step: 'importing'; fileName: string; text: string; dry: StatusImport };

interface Props {
  vendorId: string;
  vendorName: string;
  onImported(): void;
}

const asSentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** A file this many bytes long cannot be under the character limit; it is refused unread. */
const MAX_BYTES = MAX_STATUS_IMPORT_CHARS * 4;

export function ImportStatusFile({ vendorId, vendorName, onImported }: Props) {
  const uid = useId();
  const fileId = `${uid}-file`;
  const headingId = `${uid}-heading`;
  const fileRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const reset = () => {
    setPhase({ step: 'idle' });
    if (fileRef.current) fileRef.current.value = '';
  };

  const refuse = (message: string) => {
    setProblem(message);
    reset();
    requestAnimationFrame(() => fileRef.current?.focus());
  };

  const choose = async () => {
    setProblem(null);
    setDone(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setPhase({ step: 'idle' });
      return;
    }
    if (file.size > MAX_BYTES) {
      refuse(`“${file.name}” is too large for a status page file (at most ${MAX_STATUS_IMPORT_CHARS / 1024 / 1024} MB). Nothing was imported.`);
      return;
    }
    setPhase({ step: 'checking', fileName: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch {
      refuse(`“${file.name}” could not be read. Nothing was imported.`);
      return;
    }
    const result = await api['status.import']({ vendorId, fileName: file.name, text, dryRun: true });
    if (!result.ok) {
      refuse(`“${file.name}” was refused: ${asSentence(errorText(result.error))} Nothing was imported.`);
      return;
    }
    setPhase({ step: 'preview', fileName: file.name, text, dry: result.value });
  };

  const confirm = async () => {
    if (phase.step !== 'preview') return;
    setPhase({ ...phase, step: 'importing' });
    const result = await api['status.import']({ vendorId, fileName: phase.fileName, text: phase.text });
    if (!result.ok) {
      refuse(`“${phase.fileName}” was refused: ${asSentence(errorText(result.error))} Nothing was imported.`);
      return;
    }
    setDone(`Imported “${phase.fileName}”: ${importSummary(result.value)}`);
    reset();
    onImported();
  };

  const busy = phase.step === 'checking' || phase.step === 'importing';

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
