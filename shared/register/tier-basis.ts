// The tier the register shows for a provider, and what kind of tier it is. A provider nobody has
// reviewed yet still has a risk known from its profile (its inherent risk), and a new provider
// should be triaged by it; but that tier must never pass for the outcome of a review. The app's
// register and the register CSV both read this one rule, so the two never disagree.
import type { ReviewStatus } from '../domain/review';
import type { Tier } from '../domain/tier';
import { isOpenStatus } from '../domain/workflow';

/**
 * - decided: the tier a decision froze (approved, approved with conditions or rejected);
 * - not_decided: the tier the answers give, in a review still open (it may change until sign-off);
 * - inherent: no review ever decided and the open one gives no tier yet: the profile's inherent risk.
 */
export type TierBasis = 'decided' | 'not_decided' | 'inherent';

export interface TierFacts {
  /** The newest review's status; null when no review has started. */
  reviewStatus: ReviewStatus | null;
  /** The newest review's tier (frozen when decided; set by knock-outs alone when incomplete), or null. */
  tier: Tier | null;
  /** When a review of this provider was last decided; null when none ever was. */
  lastDecidedAt: string | null;
  /** From the provider's profile (shared/scoring/inherent.ts). */
  inherentTier: Tier;
}

export interface ShownTier {
  /** Null: no tier to show (an incomplete reassessment, or a decided review that was not rated). */
  tier: Tier | null;
  /** Null only for an incomplete reassessment of a provider reviewed before. */
  basis: TierBasis | null;
}

export function registerTier(facts: TierFacts): ShownTier {
  const { reviewStatus, tier, lastDecidedAt, inherentTier } = facts;
  if (reviewStatus !== null && !isOpenStatus(reviewStatus)) return { tier, basis: 'decided' };
  if (tier !== null) return { tier, basis: 'not_decided' };
  // A provider reviewed before keeps "Incomplete" while its reassessment is filled in: its
  // inherent risk labelled "not reviewed" would be false, and the old tier is History's to show.
  if (lastDecidedAt !== null) return { tier: null, basis: null };
  return { tier: inherentTier, basis: 'inherent' };
}

/** What registerTier reads of a register row (the API's VendorSummary has these fields). */
export interface TierRow {
  reviewStatus: ReviewStatus | null;
  tier: Tier | null;
  lastReviewed: string | null;
  inherentTier: Tier;
}

/** The tier a register row shows, and its kind: the app's table, its filter and `vetted list` alike. */
export function shownTierOfRow(row: TierRow): ShownTier {
  return registerTier({ reviewStatus: row.reviewStatus, tier: row.tier, lastDecidedAt: row.lastReviewed, inherentTier: row.inherentTier });
}

/** Words for a tier's kind, in the register CSV's "Tier basis" column and the app's tooltips. */
export const TIER_BASIS_LABELS: Readonly<Record<TierBasis, string>> = {
  decided: 'Decided review',
  not_decided: 'Review not decided yet',
  inherent: 'Inherent risk (not reviewed yet)',
};
