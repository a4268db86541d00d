// Findings: weak points a review found (or someone noted by hand) that get fixed or accepted.
import { z } from 'zod';
import { IsoDate } from './dates';
import { TIERS, type Tier } from './tier';

export const FINDING_SEVERITIES = TIERS;
export const FindingSeverity = z.enum(FINDING_SEVERITIES);
export type FindingSeverity = Tier;

export const FINDING_STATUSES = ['open', 'in_progress', 'resolved', 'accepted'] as const;
export const FindingStatus = z.enum(FINDING_STATUSES);
export type FindingStatus = z.infer<typeof FindingStatus>;

/** Statuses a finding can be given directly; "accepted" needs a risk acceptance (acceptance.create). */
export const SettableFindingStatus = z.enum(['open', 'in_progress', 'resolved']);

const fields = {
  title: z.string().trim().min(1, 'give the finding a title').max(200),
  severity: FindingSeverity,
  description: z.string().trim().max(5000),
  owner: z.string().trim().max(200),
  remediation: z.string().trim().max(5000),
  dueDate: IsoDate.nullable(),
  status: SettableFindingStatus,
};

export const FindingPatch = z.object(fields).partial().strict();
export type FindingPatch = z.input<typeof FindingPatch>;

export const FindingInput = z
  .object({
    vendorId: z.string().min(1).max(100),
    /** The review and question it was found in; both or neither. */
    reviewId: z.string().min(1).max(100).optional(),
    questionId: z.string().min(1).max(120).optional(),
    ...fields,
    description: fields.description.optional(),
    owner: fields.owner.optional(),
    remediation: fields.remediation.optional(),
    dueDate: fields.dueDate.optional(),
    status: fields.status.optional(),
  })
  .strict()
  .refine((f) => f.questionId === undefined || f.reviewId !== undefined, {
    message: 'a question needs its review',
    path: ['reviewId'],
  });
export type FindingInput = z.input<typeof FindingInput>;

/** A finding from an answer that lost points: what is not given comes from the loss (shared/domain/answer-finding.ts). */
export const FindingFromAnswer = z
  .object({
    reviewId: z.string().min(1).max(100),
    questionId: z.string().min(1).max(120),
    title: fields.title.optional(),
    severity: fields.severity.optional(),
    owner: fields.owner.optional(),
    dueDate: fields.dueDate.optional(),
  })
  .strict();
export type FindingFromAnswer = z.input<typeof FindingFromAnswer>;

export interface Finding {
  id: string;
  vendorId: string;
  reviewId: string | null;
  questionId: string | null;
  title: string;
  severity: FindingSeverity;
  description: string;
  owner: string;
  remediation: string;
  dueDate: string | null;
  status: FindingStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A stored acceptance as the finding rules read it. */
interface AcceptanceLike {
  expiresOn: string;
  revokedAt: string | null;
}

/**
 * The status to act on: an "accepted" finding whose acceptance expired (or was revoked, or is
 * missing) is open again.
 */
export function effectiveFindingStatus(finding: Pick<Finding, 'status'>, acceptance: AcceptanceLike | null, today: string): FindingStatus {
  if (finding.status !== 'accepted') return finding.status;
  if (!acceptance || acceptance.revokedAt !== null || acceptance.expiresOn < today) return 'open';
  return 'accepted';
}

/** Open or in progress past its due date (the due date itself is still in time). */
export function isFindingOverdue(dueDate: string | null, status: FindingStatus, today: string): boolean {
  return (status === 'open' || status === 'in_progress') && dueDate !== null && dueDate < today;
}
