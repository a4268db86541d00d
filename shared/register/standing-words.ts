// The register's one-line standing of a provider, as `vetted list` prints it: the latest decision
// and its day, whether the next review is overdue, and whether a review is open since. The same
// facts a document dated today states (shared/domain/standing.ts), in a table cell. Pure.
import { REVIEW_STATUS_LABELS } from '../domain/labels';
import type { Reassessment } from '../domain/reassessment';
import type { ReviewStatus } from '../domain/review';
import { isOpenStatus } from '../domain/workflow';

export function standingWords(reassessment: Reassessment, newestReviewStatus: ReviewStatus | null): string {
  const open = newestReviewStatus !== null && isOpenStatus(newestReviewStatus);
  const { decision } = reassessment;
  if (!decision) return open ? 'Not decided yet' : 'Never reviewed';
  const parts = [`${REVIEW_STATUS_LABELS[decision.status]} ${decision.on}`];
  if (reassessment.state === 'overdue') parts.push(`review overdue since ${reassessment.due}`);
  if (open) parts.push('reassessment open');
  return parts.join('; ');
}
