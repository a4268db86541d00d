// What importing a maintenance file would do, from the dry run: counts, warnings and the
// maintenances it touches, with the buttons that import it or leave everything as it is.
import type { WindowImport } from '../../../../shared/api';
import { CountList } from '../../components/CountList';

interface Props {
  fileName: string;
  vendorName: string;
  dry: WindowImport;
  busy: boolean;
  onImport(): void;
  onCancel(): void;
}

const FORMAT_NAMES: Record<WindowImport['format'], string> = { ical: 'iCalendar', statuspage: 'Statuspage' };
/** The file's maintenances listed before "and n more". */
const SHOWN = 8;

export function ImportPreview({ fileName, vendorName, dry, busy, onImport, onCancel }: Props) {
  const changes = dry.added + dry.updated;
  const lines = [
    { n: dry.added, text: 'new: added' },
    { n: dry.updated, text: 'newer versions: replace what is stored' },
    { n: dry.cancelled, text: 'of those, cancelled by the provider' },
    { n: dry.unchanged, text: 'already stored as they are: left alone' },
    { n: dry.older, text: 'older than the version stored: the stored one is kept' },
  ];
  return (
    <div className="import-preview" role="group" aria-label={`What importing ${fileName} would do`} data-testid="import-preview">
      <p className="import-preview-lead">
        <strong>{fileName}</strong> ({FORMAT_NAMES[dry.format]}): what importing it into {vendorName}’s record would do —
      </p>
      <CountList lines={lines} />
      {dry.warnings.length > 0 && (
        <div className="import-warnings">
          <p className="import-warnings-title">
            <span aria-hidden="true">⚠ </span>
            {dry.warnings.length === 1 ? 'One thing does not carry over exactly:' : `${dry.warnings.length} things do not carry over exactly:`}
          </p>
          <ul>
            {dry.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {dry.windows.length > 0 && (
        <ul className="import-windows" aria-label="Maintenances in the file">
          {dry.windows.slice(0, SHOWN).map((w) => (
            <li key={w.id}>
              <span className="import-window-title">{w.title}</span> <span className="muted">{w.words}</span>
            </li>
          ))}
          {dry.windows.length > SHOWN && <li className="muted">and {dry.windows.length - SHOWN} more</li>}
        </ul>
      )}
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
