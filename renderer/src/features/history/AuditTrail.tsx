import { useMemo } from 'react';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { questionIndex, type Question } from '../../../../shared/domain/template';
import { ExportButton } from '../../components/ExportButton';
import { useVetted } from '../../store';
import { isExporting } from '../../store/exportSlice';
import { formatInstant } from '../workflow/formatWhen';
import { describeEntry } from './auditText';

const NO_ENTRIES: readonly AuditEntry[] = [];

/** How many changed fields a row lists before "and N more" (the CSV export has them all). */
const FIELDS_SHOWN = 6;

/** The provider's audit trail, newest first: when, who, what changed (old → new). */
export function AuditTrail({ vendorId, vendorName }: { vendorId: string; vendorName: string }) {
  const entries = useVetted((s) => (s.historyVendorId === vendorId ? s.audit : NO_ENTRIES));
  const status = useVetted((s) => s.auditStatus);
  const error = useVetted((s) => s.auditError);
  const hasMore = useVetted((s) => s.auditHasMore);
  const loadAudit = useVetted((s) => s.loadAudit);
  const loadOlder = useVetted((s) => s.loadOlderAudit);
  const template = useVetted((s) => s.template);
  const exporting = useVetted((s) => isExporting(s, `audit:${vendorId}`));
  const exportAudit = useVetted((s) => s.exportAuditTrail);
  const questions = useMemo(() => {
    const map = new Map<string, Question>();
    if (template) for (const [id, { question }] of questionIndex(template)) map.set(id, question);
    return map;
  }, [template]);

  return (
    <section className="lifecycle-section" aria-labelledby="audit-title">
      <div className="lifecycle-header">
        <div>
          <h2 id="audit-title">Audit trail</h2>
          <p className="muted">Every change to this provider, its reviews, answers, findings and evidence, as the register recorded it.</p>
        </div>
        <ExportButton
          label="Export audit trail (CSV)"
          busy={exporting}
          onExport={() => void exportAudit(vendorId)}
          description="The whole audit trail of this provider as a CSV file, oldest first."
          busyAnnouncement={`Exporting the audit trail of ${vendorName}…`}
          testId="export-audit"
        />
      </div>
      {status === 'error' && (
        <div className="form-error" role="alert">
          <p>The audit trail could not be loaded: {error?.message}</p>
          <button type="button" className="button button-small" onClick={() => void loadAudit(vendorId)}>
            Try again
          </button>
        </div>
      )}
      {entries.length === 0 && status === 'ready' && <p className="muted">Nothing recorded yet.</p>}
      {entries.length > 0 && (
        <ol className="audit-list" aria-label="Audit trail entries">
          {entries.map((entry) => (
            <AuditRow key={entry.id} entry={entry} questions={questions} />
          ))}
        </ol>
      )}
      {hasMore && (
        <button type="button" className="button" onClick={() => void loadOlder()} disabled={status === 'loading'}>
          {status === 'loading' ? 'Loading…' : 'Show older'}
        </button>
      )}
      {status === 'loading' && entries.length === 0 && (
        <p className="muted" role="status">
          Loading the audit trail…
        </p>
      )}
    </section>
  );
}

function AuditRow({ entry, questions }: { entry: AuditEntry; questions: ReadonlyMap<string, Question> }) {
  const line = describeEntry(entry, questions);
  const shown = line.changes.slice(0, FIELDS_SHOWN);
  const more = line.changes.length - shown.length;
  return (
    <li className={`audit-row audit-${entry.action}`} data-testid="audit-row">
      <time className="audit-when" dateTime={entry.at}>
        {formatInstant(entry.at)}
      </time>
      <span className="audit-who">
        {entry.actor || <span className="muted">No name set</span>}
        {/* On a team register the database names who wrote it, whatever the name above says. */}
        {entry.dbUser && <span className="muted"> · database role {entry.dbUser}</span>}
      </span>
      <div className="audit-what">
        <p>
          <strong>{line.what}</strong>
          {line.subject && <span className="audit-subject"> · {line.subject}</span>}
        </p>
        {/* The exporter's record, not this register's: said on the row itself, never only in a tooltip. */}
        {entry.importedFrom !== null && (
          <p className="audit-imported" data-testid="audit-imported">
            Imported ({entry.importedFrom}): recorded by the register that exported it, not by this one.
          </p>
        )}
        {shown.length > 0 && (
          <ul className="audit-changes">
            {shown.map((c) => (
              <li key={c.field}>
                <span className="audit-field">{c.field}:</span>{' '}
                {entry.action === 'update' ? (
                  <>
                    <span className="audit-old">{c.old}</span> <span aria-hidden="true">→</span>
                    <span className="visually-hidden"> to </span> <span className="audit-new">{c.new}</span>
                  </>
                ) : (
                  <span className={entry.action === 'delete' ? 'audit-old' : 'audit-new'}>
                    {entry.action === 'delete' ? c.old : c.new}
                  </span>
                )}
              </li>
            ))}
            {more > 0 && <li className="muted">and {more} more</li>}
          </ul>
        )}
      </div>
    </li>
  );
}
