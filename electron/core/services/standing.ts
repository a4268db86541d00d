// A provider's standing as of a date, read from the register: the reviews with their steps,
// decided tiers and due dates, handed to the one rule in shared/domain/standing.ts.
import { standingAsOf, type Standing, type StandingReview } from '../../../shared/domain/standing';
import { isIsoDate } from '../../../shared/domain/dates';
import { dayOf } from '../../../shared/domain/standing';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';

export function standingReviews(ctx: Context, vendorId: string): StandingReview[] {
  const steps = ctx.steps.stepsByReview(vendorId);
  return ctx.reviews.ofVendor(vendorId).map((review) => ({
    review,
    steps: steps.get(review.id) ?? [],
    decidedTier: ctx.steps.snapshot(review.id)?.score.tier ?? null,
    dueOverride: ctx.steps.dueOverride(review.id),
  }));
}

export function standingOf(ctx: Context, vendorId: string, asOf: string): Standing {
  return standingAsOf(standingReviews(ctx, vendorId), asOf, ctx.settings.get().reassessmentMonths);
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
