// The sign-off workflow of a review: draft → in review → a decision (approved, approved with
// conditions, rejected). A decided review is closed: its answers and score are frozen in a snapshot.
import type { ScoreResult } from '../scoring/types';
import type { Answer, ReviewStatus } from './review';

/** Where a review can go from each status. A decision is final: changes start a new review. */
export const TRANSITIONS: Readonly<Record<ReviewStatus, readonly ReviewStatus[]>> = {
  draft: ['in_review'],
  in_review: ['draft', 'approved', 'approved_with_conditions', 'rejected'],
  approved: [],
  approved_with_conditions: [],
  rejected: [],
};

export const DECISIONS: readonly ReviewStatus[] = ['approved', 'approved_with_conditions', 'rejected'];
export const OPEN_STATUSES: readonly ReviewStatus[] = ['draft', 'in_review'];
/** Decisions that let the provider be used; the next reassessment is counted from them. */
export const APPROVALS: readonly ReviewStatus[] = ['approved', 'approved_with_conditions'];

export const isOpenStatus = (status: ReviewStatus): boolean => OPEN_STATUSES.includes(status);
export const isDecision = (status: ReviewStatus): boolean => DECISIONS.includes(status);
export const isApproval = (status: ReviewStatus): boolean => APPROVALS.includes(status);

export function canTransition(from: ReviewStatus, to: ReviewStatus): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false;
}

/** Decisions that must say why: the conditions, or the reason for rejecting. */
export function noteRequired(to: ReviewStatus): boolean {
  return to === 'approved_with_conditions' || to === 'rejected';
}

/** One step of the workflow: who moved the review, when, and what they wrote. */
export interface ReviewStep {
  reviewId: string;
  from: ReviewStatus;
  to: ReviewStatus;
  by: string;
  at: string;
  note: string;
}

/** What a decision froze: the answers and the score exactly as they were signed off. */
export interface ReviewSnapshot {
  templateId: string;
  templateVersion: number;
  answers: Answer[];
  score: ScoreResult;
  frozenAt: string;
}
