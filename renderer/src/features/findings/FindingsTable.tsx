import { useEffect, useRef } from 'react';
import type { FindingView } from '../../../../shared/api';
import { TierBadge } from '../../components/TierBadge';
import { useVetted } from '../../store';
import { FindingDue, FindingStatus } from './FindingStatus';

interface Props {
  findings: readonly FindingView[];
  onEdit(finding: FindingView): void;
  onAccept(finding: FindingView): void;
  onRevoke(finding: FindingView): void;
  onDelete(finding: FindingView): void;
}

/** The provider's findings: overdue ones marked, each with its actions. */
export function FindingsTable({ findings, onEdit, onAccept, onRevoke, onDelete }: Props) {
  const highlighted = useVetted((s) => s.highlightedFinding);
  const highlightRow = useRef<HTMLTableRowElement>(null);

  // Arriving from a question's "Finding: …" link: bring that finding into view.
  useEffect(() => {
    if (highlighted && highlightRow.current) highlightRow.current.scrollIntoView({ block: 'center' });
  }, [highlighted, findings]);

  return (
    <table className="data-table findings-table" aria-label="Findings">
      <thead>
        <tr>
          <th scope="col">Finding</th>
          <th scope="col">Severity</th>
          <th scope="col">Status</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f) => {
          const classes = [f.overdue ? 'is-overdue' : '', f.id === highlighted ? 'is-highlighted' : ''].filter(Boolean).join(' ');
          const accepted = f.effectiveStatus === 'accepted' && f.acceptance !== null;
          return (
            <tr key={f.id} ref={f.id === highlighted ? highlightRow : undefined} className={classes || undefined} data-finding-id={f.id}>
              <th scope="row" className="finding-title-cell">
                <span className="finding-title">{f.title}</span>
                {f.questionText && f.questionText !== f.title && <span className="finding-question muted">From: {f.questionText}</span>}
                {f.description && <span className="finding-description">{f.description}</span>}
                {f.remediation && (
                  <span className="finding-remediation">
                    <span className="finding-label">Remediation:</span> {f.remediation}
                  </span>
                )}
              </th>
              <td>
                <TierBadge tier={f.severity} />
              </td>
              <td>
                <FindingStatus finding={f} />
              </td>
              <td>{f.owner || <span className="muted">Nobody yet</span>}</td>
              <td>
                <FindingDue finding={f} />
              </td>
              <td>
                <div className="row-actions">
                  <button type="button" className="button button-small" onClick={() => onEdit(f)} aria-label={`Edit ${f.title}`}>
                    Edit
                  </button>
                  {accepted ? (
                    <button type="button" className="button button-small" onClick={() => onRevoke(f)} aria-label={`Revoke acceptance: ${f.title}`}>
                      Revoke acceptance
                    </button>
                  ) : (
                    f.effectiveStatus !== 'resolved' && (
                      <button type="button" className="button button-small" onClick={() => onAccept(f)} aria-label={`Accept risk: ${f.title}`}>
                        Accept risk
                      </button>
                    )
                  )}
                  <button type="button" className="button button-small button-quiet-danger" onClick={() => onDelete(f)} aria-label={`Delete ${f.title}`}>
                    Delete
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
