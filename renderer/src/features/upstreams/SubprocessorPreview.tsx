// What importing a subprocessor list would do, from the dry run: which column gives the name,
// purpose and location (each can be changed, and the preview is asked again), the counts, and
// every row with what it would become and why. "Import" does exactly this; "Cancel" leaves all.
import { useId } from 'react';
import type { SubprocessorMapping } from '../../../../shared/upstream/subprocessor-file';
import { FieldError } from '../../components/FieldError';
import type { ChosenList } from './ImportSubprocessors';
import { ROW_ACTION_LABELS } from './labels';
import { PreviewButtons, type PreviewBusy } from './PreviewButtons';
import { CountList } from '../../components/CountList';

interface Props {
  list: ChosenList;
  vendorName: string;
  busy: PreviewBusy;
  onRemap(mapping: SubprocessorMapping): void;
  onImport(): void;
  onCancel(): void;
}

const NONE = '';
const FIELDS: readonly { field: keyof SubprocessorMapping; label: string }[] = [
  { field: 'name', label: 'Name column' },
  { field: 'purpose', label: 'Purpose column' },
  { field: 'location', label: 'Location column' },
];

export function SubprocessorPreview({ list, vendorName, busy, onRemap, onImport, onCancel }: Props) {
  const uid = useId();
  const { dry } = list;
  const current: SubprocessorMapping = dry?.mapping ?? list.mapping ?? { name: '', purpose: null, location: null };
  const changes = dry ? dry.added + dry.updated : 0;

  const choose = (field: keyof SubprocessorMapping, value: string) => {
    const next = { ...current, [field]: value === NONE ? null : value };
    if (next.name === null || next.name === '') return;
    onRemap(next as SubprocessorMapping);
  };

  return (
    <div className="import-preview" role="group" aria-label={`What importing ${list.fileName} would do`} data-testid="subprocessor-preview">
      <p className="import-preview-lead">
        <strong>{list.fileName}</strong>{dry ? ` (${dry.format.toUpperCase()})` : ''}: what importing it into {vendorName}’s fourth parties would do —
      </p>
      <div className="subprocessor-mapping">
        {FIELDS.map(({ field, label }) => {
          const id = `${uid}-${field}`;
          const error = field === 'name' ? (list.mappingProblem ?? undefined) : undefined;
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>{label}</label>
              <select
                id={id}
                className="select"
                value={current[field] ?? NONE}
                disabled={busy !== null}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(e) => choose(field, e.target.value)}
              >
                {field === 'name' ? (current.name === '' && <option value="">Choose a column</option>) : <option value={NONE}>(none)</option>}
                {list.headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
              <FieldError id={`${id}-error`} message={error} />
            </div>
          );
        })}
      </div>
      {dry && (
        <>
          <CountList
            lines={[
              { n: dry.added, text: 'new: added' },
              { n: dry.updated, text: 'already recorded: purpose and location updated' },
              { n: dry.unchanged, text: 'already recorded as they are: left alone' },
              { n: dry.skipped, text: 'skipped (the reason is beside each)' },
            ]}
          />
          <ol className="subprocessor-rows" aria-label="Rows of the file">
            {dry.rows.map((r) => (
              <li key={r.line} className={`subprocessor-row action-${r.action}`} data-testid="subprocessor-row" data-action={r.action}>
                <span className="subprocessor-line muted">{dry.format === 'csv' ? `line ${r.line}` : `#${r.line}`}</span>
                <span className="subprocessor-party">{r.party || <span className="muted">(no name)</span>}</span>
                <span className="subprocessor-action">{ROW_ACTION_LABELS[r.action]}</span>
                {(r.reason || r.purpose || r.location) && (
                  <span className="subprocessor-why muted">{r.reason || [r.purpose, r.location].filter(Boolean).join(' · ')}</span>
                )}
              </li>
            ))}
          </ol>
          {changes === 0 && <p className="muted">Nothing would change: importing it adds and updates nothing.</p>}
        </>
      )}
      <PreviewButtons busy={busy} changes={changes} onImport={onImport} onCancel={onCancel} />
    </div>
  );
}
