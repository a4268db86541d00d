import { toAnswerMap } from '../../../shared/domain/review';
import { scoreReview } from '../../../shared/scoring';
import type { ScoreResult } from '../../../shared/scoring/types';
import type { Context } from '../context';
import { currentReview } from './reviews';
import { getVendor } from './vendors';

/** The newest review's score with its explanation, or null when no review was started. */
export function scoreVendor(ctx: Context, vendorId: string): ScoreResult | null {
  const vendor = getVendor(ctx, vendorId);
  const current = currentReview(ctx, vendorId);
  if (!current) return null;
  return scoreReview(current.template, toAnswerMap(current.answers), vendor);
}
