// A provider's standing as of a date, read from the register: the reviews with their steps,
// decided tiers and due dates, handed to the one rule in shared/domain/standing.ts.
import { mapInOrder } from '../in-order';
import type { Settings } from '../../../shared/domain/settings';
import { standingAsOf, type DecidedReview, type Standing, type StandingReview } from '../../../shared/domain/standing';
import { toAnswerMap, type Answer, type Review } from '../../../shared/domain/review';
import { isOpenStatus } from '../../../shared/domain/workflow';
import type { Template } from '../../../shared/domain/template';
import { scoreReview } from '../../../shared/scoring';
import type { ScoreResult } from '../../../shared/scoring/types';
import { isIsoDate } from '../../../shared/domain/dates';
import { dayOf } from '../../../shared/domain/standing';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';

/**
 * A provider's reviews as the rule reads them on the day `asOf`. A next-review date set by hand is
 * the one in force on that day (the audit trail keeps each change): one set later must not move the
 * due date a document dated earlier prints.
 */
export async function standingReviews(ctx: Context, vendorId: string, asOf: string): Promise<StandingReview[]> {
  const steps = await ctx.steps.stepsByReview(vendorId);
  const today = asOf >= documentToday(ctx);
  return mapInOrder(await ctx.reviews.ofVendor(vendorId), async (review) => {
    const current = await ctx.steps.dueOverride(review.id);
    return {
      review,
      steps: steps.get(review.id) ?? [],
      decidedTier: await ctx.steps.decidedTier(review.id),
      // Dated today, the stored date is the one in force; the rule reads it only on decided reviews.
      dueOverride: today || !review.completedAt ? current : await ctx.audit.reviewDueOverrideAsOf(review.id, asOf, current),
    };
  });
}

/** `months` may be given by a caller that reads the standing of many providers (settings read once). */
export async function standingOf(ctx: Context, vendorId: string, asOf: string, monthsGiven?: Settings['reassessmentMonths']): Promise<Standing> {
  const months = monthsGiven ?? (await ctx.settings.get()).reassessmentMonths;
  return standingAsOf(await standingReviews(ctx, vendorId, asOf), asOf, months);
}

/**
 * Today as documents count days: the UTC calendar day, the same convention as every cutoff in
 * shared/domain/standing.ts, so a decision taken "today" is always inside a document dated today.
 */
export function documentToday(ctx: Context): string {
  return dayOf(ctx.now().toISOString());
}

/**
 * The date a document speaks for: today (UTC) when not given. A later date is refused: a document
 * cannot state what the register will hold.
 */
export function documentDate(ctx: Context, date: string | undefined): string {
  const now = documentToday(ctx);
  if (date === undefined) return now;
  if (!isIsoDate(date)) {
    throw new VettedError('validation', 'date: must be a date written YYYY-MM-DD', [{ path: 'date', message: 'must be a date written YYYY-MM-DD' }]);
  }
  if (date > now) {
    const message = `is after today (${now}, UTC): a document can only state what the register held on a past day or today`;
    throw new VettedError('validation', `date: ${message}`, [{ path: 'date', message }]);
  }
  return date;
}

/** What a decided review says: the answers and score its decision froze. */
export interface DecidedContent {
  template: Template;
  answers: Answer[];
  score: ScoreResult;
  /** The instant the answers were frozen; null when the decision was recorded without a snapshot. */
  frozenAt: string | null;
}

/**
 * The content of a decided review, from the snapshot its decision froze. A decision recorded
 * without one (imported) reads its stored answers, which a decided review no longer accepts
 * changes to, scored as they stand. Null when its template is missing from the register.
 */
export async function decidedContent(ctx: Context, decided: DecidedReview): Promise<DecidedContent | null> {
  const { review } = decided;
  const template = (await ctx.templates.get(review.templateId, review.templateVersion))?.template;
  if (!template) return null;
  const snapshot = await ctx.steps.snapshot(review.id);
  if (snapshot) return { template, answers: snapshot.answers, score: snapshot.score, frozenAt: snapshot.frozenAt };
  const answers = await ctx.reviews.answers(review.id);
  const vendor = (await ctx.vendors.get(review.vendorId))!;
  return { template, answers, score: scoreReview(template, toAnswerMap(answers), vendor), frozenAt: null };
}

/**
 * The review a draft document shows: the one in progress on the document's date, else the
 * provider's latest review while it is open (a document then refuses a date before its changes).
 */
export async function reviewInProgress(ctx: Context, vendorId: string, standing: Standing): Promise<Review | null> {
  if (standing.open) return standing.open.review;
  const latest = await ctx.reviews.latest(vendorId);
  return latest && isOpenStatus(latest.status) ? latest : null;
}
