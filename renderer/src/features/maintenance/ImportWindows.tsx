// Import a provider's maintenance feed (an iCalendar file or a Statuspage
// scheduled-maintenances.json): a dry run first shows what it would do, then "Import" does it.
// The register takes all of the file or none of it; a refused file is named with its problem.
import { useId, useRef, useState } from 'react';
import { MAX_WINDOW_IMPORT_CHARS, type WindowImport } from '../../../../shared/api';
import { api } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { errorText } from '../../lib/errorText';
import { ImportPreview } from './ImportPreview';

type Phase =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'preview'; fileName: string; text: string; dry: WindowImport }
  | { step: 'importing'; fileName: string; text: string; dry: WindowImport };

interface Props {
  vendorId: string;
  vendorName: string;
  onImported(): void;
}

/** The register's message as a sentence, whatever punctuation it came with. */
const asSentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** A file this many bytes long cannot be under the character limit; it is refused unread. */
const MAX_BYTES = MAX_WINDOW_IMPORT_CHARS * 4;

export function ImportWindows({ vendorId, vendorName, onImported }: Props) {
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
    // The message names the file; emptied, the field takes the same file again once it is fixed.
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
      refuse(`“${file.name}” is too large for a maintenance feed (at most ${MAX_WINDOW_IMPORT_CHARS / 1024 / 1024} MB). Nothing was imported.`);
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
    const result = await api['window.import']({ vendorId, fileName: file.name, text, dryRun: true });
    if (!result.ok) {
      refuse(`“${file.name}” was refused: ${asSentence(errorText(result.error))} Nothing was imported.`);
      return;
    }
    setPhase({ step: 'preview', fileName: file.name, text, dry: result.value });
  };

  const confirm = async () => {
    if (phase.step !== 'preview') return;
    setPhase({ ...phase, step: 'importing' });
    const result = await api['window.import']({ vendorId, fileName: phase.fileName, text: phase.text });
    if (!result.ok) {
      refuse(`“${phase.fileName}” was refused: ${asSentence(errorText(result.error))} Nothing was imported.`);
      return;
    }
    const r = result.value;
    setDone(`Imported “${phase.fileName}”: ${r.added} added, ${r.updated} updated${r.cancelled > 0 ? ` (${r.cancelled} now cancelled)` : ''}.`);
    reset();
    onImported();
  };

  const busy = phase.step === 'checking' || phase.step === 'importing';

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
