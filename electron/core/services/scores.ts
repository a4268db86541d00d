import type { ScoreResult } from '../../../shared/scoring/types';
import type { Context } from '../context';
import { entryFor } from './review-entries';
import { getVendor } from './vendor-lookup';

/** The newest review's score with its explanation, or null when no review was started. */
export async function scoreVendor(ctx: Context, vendorId: string): Promise<ScoreResult | null> {
  return (await entryFor(ctx, await getVendor(ctx, vendorId))).score;
}
