// Words for the workflow: the buttons that move a review, the steps it went through, its decision.
import type { Review, ReviewStatus } from '../../../../shared/domain/review';
import { isDecision, type ReviewStep } from '../../../../shared/domain/workflow';

/** The button that moves a review to this status. */
export const ACTION_LABELS: Readonly<Record<ReviewStatus, string>> = {
  draft: 'Return to draft',
  in_review: 'Submit for review',
  approved: 'Approve',
  approved_with_conditions: 'Approve with conditions',
  rejected: 'Reject',
};

/** A step that moved a review to this status, in the past tense. */
export const STEP_LABELS: Readonly<Record<ReviewStatus, string>> = {
  draft: 'Returned to draft',
  in_review: 'Submitted for review',
  approved: 'Approved',
  approved_with_conditions: 'Approved with conditions',
  rejected: 'Rejected',
};

/** The step that decided the review (the last one into its decided status), if it was decided. */
export function decisionStep(review: Pick<Review, 'status'>, steps: readonly ReviewStep[]): ReviewStep | null {
  if (!isDecision(review.status)) return null;
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]!.to === review.status) return steps[i]!;
  return null;
}
