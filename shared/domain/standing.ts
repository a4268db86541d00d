// What the register says about a provider as of a date D: the one rule every report, the
// subprocessor list, the app and the CLI use. A provider's standing is its latest review *decided*
// on or before D (answers and score frozen at that decision), plus what happened to the next review
// by D: opened, overdue. Anything recorded after D is invisible. Dates are compared as the UTC
// calendar day of the stored instant, so the same register and the same D give the same answer on
// every machine.
import { REVIEW_STATUS_LABELS } from './labels';
import { addMonths, type ReassessmentMonths } from './reassessment';
import type { Review, ReviewStatus } from './review';
import type { Tier } from './tier';
import { isApproval, isDecision, type ReviewStep } from './workflow';

/** One review of the provider with what the rule reads. */
export interface StandingReview {
  review: Review;
  /** Its workflow steps, in any order. */
  steps: readonly ReviewStep[];
  /** The tier frozen at its decision (from the snapshot), if it was decided. */
  decidedTier: Tier | null;
  /** A next-review date set by hand on this (approved) review. */
  dueOverride: string | null;
}

export interface DecidedReview {
  review: Review;
  /** The step that decided it (for a decision recorded without steps: one made from the review's status). */
  decision: ReviewStep;
  /**
   * False when the register holds the decision only as the review's status and completion time
   * (a review imported from an exchange file, which carries no sign-off steps): who decided is unknown.
   */
  signOffRecorded: boolean;
  /** YYYY-MM-DD (UTC) of the decision. */
  decidedOn: string;
  tier: Tier | null;
}

export interface OpenReview {
  review: Review;
  /** Its status as of D (a later step is not seen). */
  status: ReviewStatus;
  /** YYYY-MM-DD it was opened. */
  since: string;
}

export interface Standing {
  asOf: string;
  /** The latest review decided on or before D, or null. */
  decided: DecidedReview | null;
  /** A review opened on or before D, after the decided one, and not decided by D. */
  open: OpenReview | null;
  /** When the next review is due, counted from `decided` when it is an approval; null otherwise. */
  nextReviewDue: string | null;
  /** True when the next review was due before D and no decision was made since. */
  overdue: boolean;
  /** The standing in sentences, as every document prints it. */
  lines: string[];
}

/** The UTC calendar day of an ISO instant ("2026-03-01T23:30:00.000Z" → "2026-03-01"). */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** Happened on or before the day D (an instant or a date). */
export function onOrBefore(iso: string | null | undefined, asOf: string): boolean {
  return typeof iso === 'string' && iso !== '' && dayOf(iso) <= asOf;
}

/** The steps of a review taken on or before D, oldest first. */
export function stepsAsOf(steps: readonly ReviewStep[], asOf: string): ReviewStep[] {
  return [...steps].filter((s) => onOrBefore(s.at, asOf)).sort((a, b) => a.at.localeCompare(b.at));
}

/** A review's status on D: the last step taken by then, else a draft. Null when it was opened after D. */
export function statusAsOf(entry: StandingReview, asOf: string): ReviewStatus | null {
  if (!onOrBefore(entry.review.startedAt, asOf)) return null;
  return stepsAsOf(entry.steps, asOf).at(-1)?.to ?? 'draft';
}

function decisionAsOf(entry: StandingReview, asOf: string): DecidedReview | null {
  const decision = stepsAsOf(entry.steps, asOf).find((s) => isDecision(s.to));
  if (decision) return { review: entry.review, decision, decidedOn: dayOf(decision.at), tier: entry.decidedTier, signOffRecorded: true };
  // Decided, but no step says so (imported): the status and the completion time are the record.
  const { review } = entry;
  if (!isDecision(review.status) || !review.completedAt || !onOrBefore(review.completedAt, asOf)) return null;
  const recorded: ReviewStep = { reviewId: review.id, from: 'in_review', to: review.status, by: '', at: review.completedAt, note: '' };
  return { review, decision: recorded, decidedOn: dayOf(review.completedAt), tier: entry.decidedTier, signOffRecorded: false };
}

function dueFrom(decided: DecidedReview, entry: StandingReview | undefined, months: ReassessmentMonths): string | null {
  if (!isApproval(decided.decision.to)) return null;
  return entry?.dueOverride ?? addMonths(decided.decidedOn, months[decided.tier ?? 'critical']);
}

const decisionWords = (status: ReviewStatus): string => REVIEW_STATUS_LABELS[status];
const by = (step: ReviewStep): string => (step.by.trim() ? ` by ${step.by.trim()}` : '');

/** The rule itself. `reviews` are all of one provider's reviews, in any order. */
export function standingAsOf(reviews: readonly StandingReview[], asOf: string, months: ReassessmentMonths): Standing {
  const decisions = reviews
    .map((entry) => decisionAsOf(entry, asOf))
    .filter((d): d is DecidedReview => d !== null)
    .sort((a, b) => a.decision.at.localeCompare(b.decision.at) || a.review.startedAt.localeCompare(b.review.startedAt));
  const decided = decisions.at(-1) ?? null;

  const openCandidates = reviews
    .filter((entry) => entry.review.id !== decided?.review.id)
    .map((entry) => ({ entry, status: statusAsOf(entry, asOf) }))
    .filter((c): c is { entry: StandingReview; status: ReviewStatus } => c.status !== null && !isDecision(c.status))
    .filter((c) => !decided || c.entry.review.startedAt >= decided.review.startedAt)
    .sort((a, b) => a.entry.review.startedAt.localeCompare(b.entry.review.startedAt));
  const latestOpen = openCandidates.at(-1);
  const open: OpenReview | null = latestOpen
    ? { review: latestOpen.entry.review, status: latestOpen.status, since: dayOf(latestOpen.entry.review.startedAt) }
    : null;

  const nextReviewDue = decided ? dueFrom(decided, reviews.find((r) => r.review.id === decided.review.id), months) : null;
  const overdue = nextReviewDue !== null && nextReviewDue < asOf;

  const lines: string[] = [];
  if (decided) {
    const unrecorded = decided.signOffRecorded ? '' : ' (recorded without its sign-off steps: who decided is not known)';
    lines.push(`${decisionWords(decided.decision.to)} on ${decided.decidedOn}${by(decided.decision)}${unrecorded}.`);
  } else {
    lines.push(`No review of this provider was decided on or before ${asOf}.`);
  }
  if (open) {
    const what = decided ? 'Reassessment' : 'Review';
    lines.push(`${what} in progress since ${open.since} (${REVIEW_STATUS_LABELS[open.status].toLowerCase()}, not decided as of ${asOf}).`);
  }
  if (nextReviewDue) {
    lines.push(overdue ? `Reassessment overdue since ${nextReviewDue}.` : `Next review due ${nextReviewDue}.`);
  }
  return { asOf, decided, open, nextReviewDue, overdue, lines };
}
