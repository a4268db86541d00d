import type { ReviewStatus } from '../../../../shared/domain/review';
import { REVIEW_STATUS_LABELS } from '../../lib/labels';

/** A review's status in words, coloured by where it is in the workflow (the words carry the meaning). */
export function ReviewStatusBadge({ status, testId }: { status: ReviewStatus | null; testId?: string }) {
  return (
    <span className={`status-badge status-${status ?? 'none'}`} data-testid={testId}>
      {status ? REVIEW_STATUS_LABELS[status] : 'Not started'}
    </span>
  );
}
