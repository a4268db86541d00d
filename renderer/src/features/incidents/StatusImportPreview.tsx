// What a status page file (or a refresh) would do or did: the incidents and the scheduled
// maintenances added, updated, unchanged and older than what is stored, and what did not carry
// over exactly.
import type { StatusImport } from '../../../../shared/api';
import { CountList } from '../../components/CountList';

export const STATUS_FORMAT_NAMES: Readonly<Record<StatusImport['format'], string>> = {
  statuspage: 'Statuspage JSON',
  atom: 'Atom feed',
  rss: 'RSS feed',
  instatus: 'Instatus',
};

type Counts = StatusImport['maintenances'] & { deletedHere?: number };

function CountLines({ counts, noun, dryRun }: { counts: Counts; noun: string; dryRun: boolean }) {
  if (counts.added + counts.updated + counts.unchanged + counts.older + (counts.deletedHere ?? 0) === 0) {
    return (
      <p className="status-counts">
        <span className="status-counts-title">{noun}:</span> <span className="muted">none</span>
      </p>
    );
  }
  const lines = [
    { n: counts.added, text: dryRun ? 'new: added' : 'added' },
    { n: counts.updated, text: dryRun ? 'newer versions: replace what is stored' : 'updated to a newer version' },
    { n: counts.unchanged, text: 'already stored as they are' },
    { n: counts.older, text: 'older than the version stored: the stored one is kept' },
    ...(counts.deletedHere === undefined ? [] : [{ n: counts.deletedHere, text: 'deleted here before: not brought back' }]),
  ];
  return (
    <div className="status-counts">
      <p className="status-counts-title">{noun}</p>
      <CountList lines={lines} label={noun} />
    </div>
  );
}

/** The counts and warnings of a status import, dry run or done. */
export function StatusImportCounts({ result }: { result: StatusImport }) {
  return (
    <>
      <CountLines counts={result.incidents} noun="Incidents" dryRun={result.dryRun} />
      <CountLines counts={result.maintenances} noun="Scheduled maintenances" dryRun={result.dryRun} />
      {result.warnings.length > 0 && (
        <div className="import-warnings">
          <p className="import-warnings-title">
            <span aria-hidden="true">⚠ </span>
            {result.warnings.length === 1 ? 'One thing does not carry over exactly:' : `${result.warnings.length} things do not carry over exactly:`}
          </p>
          <ul>
            {result.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

interface Props {
  fileName: string;
  vendorName: string;
  dry: StatusImport;
  busy: boolean;
  onImport(): void;
  onCancel(): void;
}

export function StatusImportPreview({ fileName, vendorName, dry, busy, onImport, onCancel }: Props) {
  const changes = dry.incidents.added + dry.incidents.updated + dry.maintenances.added + dry.maintenances.updated;
  const page = dry.page.name ?? dry.page.url;
  return (
    <div className="import-preview" role="group" aria-label={`What importing ${fileName} would do`} data-testid="status-import-preview">
      <p className="import-preview-lead">
        <strong>{fileName}</strong> ({STATUS_FORMAT_NAMES[dry.format]}{page ? `, from ${page}` : ''}): what importing it into {vendorName}’s record would do —
      </p>
      <StatusImportCounts result={dry} />
      {changes === 0 && <p className="muted">Nothing would change: importing it adds and updates nothing.</p>}
      <div className="button-row">
        <button type="button" className="button button-primary button-small" disabled={busy || changes === 0} aria-busy={busy || undefined} onClick={onImport}>
          {busy ? 'Importing…' : 'Import'}
        </button>
        <button type="button" className="button button-small" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** "incidents: 3 added, 1 updated, 0 unchanged; scheduled maintenances: …" — what an import did, in one line (maintenances only when the file had any). */
export function importSummary(r: StatusImport): string {
  const part = (c: Counts, noun: string) =>
    `${noun}: ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged${c.older > 0 ? `, ${c.older} older kept as stored` : ''}${c.deletedHere ? `, ${c.deletedHere} deleted here left out` : ''}`;
  const m = r.maintenances;
  const maintenances = m.added + m.updated + m.unchanged + m.older === 0 ? '' : `; ${part(m, 'scheduled maintenances')}`;
  return `${part(r.incidents, 'incidents')}${maintenances}.`;
}
