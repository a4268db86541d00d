// Import the provider's published subprocessor list (a CSV with a header row, or a JSON array of
// objects): the file is read, the register's dry run shows which column gives the name, purpose and
// location (each changeable) and what every row would become; nothing changes until "Import".
import { useId, useRef, useState } from 'react';
import type { UpstreamImport } from '../../../../shared/api';
import { VettedError } from '../../../../shared/result';
import { MAX_SUBPROCESSOR_FILE_CHARS, readSubprocessorFile, type SubprocessorMapping } from '../../../../shared/upstream/subprocessor-file';
import { api } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { errorText } from '../../lib/errorText';
import { SubprocessorPreview } from './SubprocessorPreview';

interface Props {
  vendorId: string;
  vendorName: string;
  onImported(): void;
}

/** A file chosen and read: its columns, the mapping asked for (null: guessed), and the dry run's answer. */
export interface ChosenList {
  fileName: string;
  content: string;
  headers: string[];
  mapping: SubprocessorMapping | null;
  dry: UpstreamImport | null;
  /** The dry run's problem with the mapping ("no column looks like the name"), shown at the mapping. */
  mappingProblem: string | null;
}

export function ImportSubprocessors({ vendorId, vendorName, onImported }: Props) {
  const uid = useId();
  const fileId = `${uid}-file`;
  const fileRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<ChosenList | null>(null);
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const clear = () => {
    setChosen(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const refuse = (message: string) => {
    setProblem(message);
    clear();
    requestAnimationFrame(() => fileRef.current?.focus());
  };

  const run = (list: Pick<ChosenList, 'content' | 'mapping'>, dryRun: boolean) =>
    api['upstream.import']({ vendorId, content: list.content, dryRun, ...(list.mapping ? { mapping: list.mapping } : {}) });

  /** Asks for the dry run of this file with this mapping, and shows it (or the mapping's problem). */
  const preview = async (next: Omit<ChosenList, 'dry' | 'mappingProblem'>) => {
    setBusy('checking');
    const result = await run(next, true);
    setBusy(null);
    if (result.ok) return setChosen({ ...next, dry: result.value, mappingProblem: null });
    const mappingDetail = result.error.details?.find((d) => d.path.startsWith('mapping'));
    if (mappingDetail) return setChosen({ ...next, dry: null, mappingProblem: errorText({ ...result.error, details: [mappingDetail] }) });
    refuse(`“${next.fileName}” was refused: ${errorText(result.error)} Nothing was imported.`);
  };

  const choose = async () => {
    setProblem(null);
    setDone(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return clear();
    if (file.size > MAX_SUBPROCESSOR_FILE_CHARS * 4) return refuse(`“${file.name}” is too large for a subprocessor list. Nothing was imported.`);
    let content: string;
    let headers: string[];
    try {
      content = await file.text();
      // Read here too, for the columns to choose from even when none looks like a name.
      headers = readSubprocessorFile(content).headers;
    } catch (error) {
      const why = error instanceof VettedError ? errorText({ code: 'validation', message: error.message, details: error.details }) : 'it could not be read.';
      return refuse(`“${file.name}” was refused: ${why} Nothing was imported.`);
    }
    await preview({ fileName: file.name, content, headers, mapping: null });
  };

  const remap = (mapping: SubprocessorMapping) => {
    if (chosen) void preview({ ...chosen, mapping });
  };

  const confirm = async () => {
    if (!chosen?.dry) return;
    setBusy('importing');
    const result = await run(chosen, false);
    setBusy(null);
    if (!result.ok) return refuse(`“${chosen.fileName}” was refused: ${errorText(result.error)} Nothing was imported.`);
    const r = result.value;
    setDone(`Imported “${chosen.fileName}”: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped.`);
    clear();
    onImported();
  };

  return (
    <section className="side-panel window-import" aria-labelledby={`${uid}-heading`}>
      <h2 id={`${uid}-heading`}>Import subprocessor list</h2>
      <p className="muted side-panel-intro">
        The list {vendorName} publishes, saved as a CSV file (with a header row) or a JSON array of name, purpose and location.
        You see what each row would become before anything is stored.
      </p>
      <div className="field">
        <label htmlFor={fileId}>List file (CSV or JSON)</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          className="file-input"
          accept=".csv,.json,text/csv,application/json"
          disabled={busy !== null}
          onChange={() => void choose()}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${fileId}-error` : undefined}
          data-testid="subprocessor-file"
        />
        <FieldError id={`${fileId}-error`} message={problem ?? undefined} />
      </div>
      {busy === 'checking' && (
        <p className="muted loading" role="status">
          Checking the list…
        </p>
      )}
      {chosen && <SubprocessorPreview list={chosen} vendorName={vendorName} busy={busy} onRemap={remap} onImport={() => void confirm()} onCancel={clear} />}
      <p className="save-note save-saved" role="status" data-testid="subprocessor-done">
        {done}
      </p>
    </section>
  );
}
