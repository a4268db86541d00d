import type { DueState, Reassessment } from '../../../../shared/domain/reassessment';
import { formatDay, relativeDay } from '../attention/dates';

// Shorter than the filter's words (DUE_STATE_LABELS), so the column stays narrow enough for every
// column to fit a 1280-pixel window (columnLayout.ts); the date above says when.
const CELL_LABELS: Readonly<Record<DueState, string>> = {
  overdue: 'Overdue',
  due_soon: 'Due soon',
  scheduled: 'Scheduled',
  not_approved: 'No approval yet',
};

/** The next review date with its state: overdue and due soon stand out; no approval says so. */
export function NextReviewCell({ reassessment }: { reassessment: Reassessment }) {
  if (reassessment.state === 'not_approved' || reassessment.due === null) {
    return (
      <span className="two-line-cell">
        <span aria-hidden="true">—</span>
        <span className="cell-note">{CELL_LABELS.not_approved}</span>
      </span>
    );
  }
  const flagged = reassessment.state === 'overdue' || reassessment.state === 'due_soon';
  return (
    <span className="two-line-cell" title={reassessment.source === 'manual' ? 'Date set by hand' : undefined}>
      <span className={flagged ? 'due-date due-flagged' : 'due-date'}>{formatDay(reassessment.due)}</span>
      {flagged ? (
        <span className={`due-badge due-${reassessment.state}`}>
          {CELL_LABELS[reassessment.state]}
          <span className="visually-hidden"> ({relativeDay(reassessment.due)})</span>
        </span>
      ) : (
        <span className="cell-note">{relativeDay(reassessment.due)}</span>
      )}
    </span>
  );
}
