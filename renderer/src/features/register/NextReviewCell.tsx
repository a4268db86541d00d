import type { Reassessment } from '../../../../shared/domain/reassessment';
import { DUE_STATE_LABELS } from '../../../../shared/domain/labels';
import { formatDay, relativeDay } from '../attention/dates';

/** The next review date with its state: overdue and due soon stand out; no approval says so. */
export function NextReviewCell({ reassessment }: { reassessment: Reassessment }) {
  if (reassessment.state === 'not_approved' || reassessment.due === null) {
    return (
      <span className="two-line-cell">
        <span aria-hidden="true">—</span>
        <span className="cell-note">{DUE_STATE_LABELS.not_approved}</span>
      </span>
    );
  }
  const flagged = reassessment.state === 'overdue' || reassessment.state === 'due_soon';
  return (
    <span className="two-line-cell" title={reassessment.source === 'manual' ? 'Date set by hand' : undefined}>
      <span className={flagged ? 'due-date due-flagged' : 'due-date'}>{formatDay(reassessment.due)}</span>
      {flagged ? (
        <span className={`due-badge due-${reassessment.state}`}>
          {DUE_STATE_LABELS[reassessment.state]}
          <span className="visually-hidden"> ({relativeDay(reassessment.due)})</span>
        </span>
      ) : (
        <span className="cell-note">{relativeDay(reassessment.due)}</span>
      )}
    </span>
  );
}
