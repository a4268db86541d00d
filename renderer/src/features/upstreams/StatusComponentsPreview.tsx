// What reading the status page components would do, from the dry run: the counts, one row per
// catalogued party with its regions and the components it was read from, and the components that
// name no catalogued party (left out, never guessed). "Import" does exactly this; "Cancel" leaves all.
import type { UpstreamFromStatus } from '../../../../shared/api';
import { ROW_ACTION_LABELS, UPSTREAM_KIND_LABELS } from './labels';
import { PreviewButtons, type PreviewBusy } from './PreviewButtons';
import { CountList } from '../../components/CountList';

interface Props {
  dry: UpstreamFromStatus;
  busy: PreviewBusy;
  onImport(): void;
  onCancel(): void;
}

export function StatusComponentsPreview({ dry, busy, onImport, onCancel }: Props) {
  const changes = dry.added + dry.updated;
  return (
    <div className="import-preview" role="group" aria-label="What reading the status page components would do" data-testid="from-status-preview">
      {dry.components.length === 0 ? (
        <p className="muted">
          No status page component is on record for {dry.vendorName}: import its status page (its incidents name the components) first. Nothing
          would change.
        </p>
      ) : (
        <>
          <p className="import-preview-lead">
            {dry.components.length} component{dry.components.length === 1 ? '' : 's'} on record: what reading them into {dry.vendorName}’s fourth
            parties would do —
          </p>
          <CountList
            lines={[
              { n: dry.added, text: 'new: added' },
              { n: dry.updated, text: 'already recorded: the regions it lacks added' },
              { n: dry.unchanged, text: 'already recorded as they are: left alone' },
              { n: dry.skipped, text: 'skipped (the reason is beside each)' },
            ]}
          />
          {dry.rows.length > 0 && (
            <ol className="subprocessor-rows" aria-label="Fourth parties the components name">
              {dry.rows.map((r) => (
                <li key={r.catalogueId ?? r.party} className={`subprocessor-row action-${r.action}`} data-testid="from-status-row" data-action={r.action}>
                  <span className="subprocessor-party">
                    {r.party}
                    {r.regions.length > 0 && <span className="muted"> · {r.regions.join(', ')}</span>}
                  </span>
                  <span className="subprocessor-action">{ROW_ACTION_LABELS[r.action]}</span>
                  <span className="subprocessor-why muted">
                    {r.reason || UPSTREAM_KIND_LABELS[r.kind]} — from {r.components.map((c) => `“${c}”`).join(', ')}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {dry.unmatched.length > 0 && (
            <p className="muted" data-testid="from-status-unmatched">
              Not matched (they name no party in the catalogue; add one by hand if it is a fourth party):{' '}
              {dry.unmatched.map((c) => `“${c}”`).join(', ')}.
            </p>
          )}
          {changes === 0 && <p className="muted">Nothing would change.</p>}
        </>
      )}
      <PreviewButtons busy={busy} changes={changes} onImport={onImport} onCancel={onCancel} />
    </div>
  );
}
