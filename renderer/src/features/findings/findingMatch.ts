// Which finding belongs to a question of the review on screen.
import type { FindingView } from '../../../../shared/api';

/**
 * The finding to show beside a question: one raised from it in this review, else one still being
 * acted on from an earlier review (the same weakness carried into the new review is not raised twice).
 */
export function findingForQuestion(
  findings: readonly FindingView[],
  reviewId: string | null,
  questionId: string,
): FindingView | null {
  let earlier: FindingView | null = null;
  for (const finding of findings) {
    if (finding.questionId !== questionId) continue;
    if (finding.reviewId === reviewId) return finding;
    if (earlier === null && finding.effectiveStatus !== 'resolved') earlier = finding;
  }
  return earlier;
}
