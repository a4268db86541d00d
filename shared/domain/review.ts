// A review is one pass of a template over one provider; answers belong to a review.
import { z } from 'zod';
import type { AnsweredBy } from './vendor-exchange';

export const REVIEW_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'approved_with_conditions',
  'rejected',
] as const;
export const ReviewStatus = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export interface Review {
  id: string;
  vendorId: string;
  templateId: string;
  templateVersion: number;
  status: ReviewStatus;
  reviewer: string;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/**
 * An answer's value by question kind: yesno/single → option id; multi → option ids;
 * number → number; date → YYYY-MM-DD; text/longtext → string. null means "not answered yet"
 * (a comment may still be kept).
 */
export const AnswerValue = z.union([
  z.string().max(20000),
  z.array(z.string().max(120)).max(200),
  z.number().finite(),
  z.null(),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export interface Answer {
  questionId: string;
  value: AnswerValue;
  comment: string;
  /** The reviewer marked the question not applicable to this provider. */
  na: boolean;
  updatedAt: string;
  /** The comment is confidential: stored encrypted, left out of reports and exports unless asked for. */
  confidential?: boolean;
  /** The comment is confidential and the key is not available: `comment` is empty, not the text. */
  locked?: boolean;
  /** The provider's own comment, from an answers file they sent (kept apart from the reviewer's `comment`). */
  providerComment?: string;
  /** The value was answered by the provider (an accepted answers file) and not changed here since. */
  answeredBy?: AnsweredBy;
}

/** An answer as a save stored it, with the version the next change must be made on (answer.save's basedOn). */
export interface SavedAnswer extends Answer {
  version: number;
}

/** Answers keyed by question id: the form scoring and conditions read. */
export type AnswerMap = Readonly<Record<string, Pick<Answer, 'value' | 'na'> | undefined>>;

export function toAnswerMap(answers: readonly Answer[]): AnswerMap {
  const map: Record<string, Pick<Answer, 'value' | 'na'>> = {};
  for (const a of answers) map[a.questionId] = { value: a.value, na: a.na };
  return map;
}
