import type { FindingView } from '../../../../shared/api';
import { FINDING_STATUS_LABELS } from '../../../../shared/domain/labels';
import { formatDay } from '../workflow/formatWhen';

/** The status to act on, and why it differs from the stored one (an acceptance that ran out). */
export function FindingStatus({ finding }: { finding: FindingView }) {
  const lapsed = finding.status === 'accepted' && finding.effectiveStatus !== 'accepted';
  return (
    <span className="finding-status">
      <span className={`status-badge finding-${finding.effectiveStatus}`}>{FINDING_STATUS_LABELS[finding.effectiveStatus]}</span>
      {lapsed && (
        <span className="finding-flag finding-flag-expired">
          {finding.acceptance?.state === 'revoked' ? 'Acceptance revoked' : 'Acceptance expired'}
        </span>
      )}
      {finding.effectiveStatus === 'accepted' && finding.acceptance && (
        <span className="muted finding-until">until {formatDay(finding.acceptance.expiresOn)}</span>
      )}
    </span>
  );
}

/** The due date; past it (and not done), said in words as well as in colour. */
export function FindingDue({ finding }: { finding: FindingView }) {
  if (!finding.dueDate) return <span className="muted">—</span>;
  return (
    <span className={finding.overdue ? 'finding-due is-overdue' : 'finding-due'}>
      {formatDay(finding.dueDate)}
      {finding.overdue && <span className="finding-flag finding-flag-overdue">Overdue</span>}
    </span>
  );
}
