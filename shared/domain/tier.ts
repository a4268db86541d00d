import { z } from 'zod';

/** Risk tiers, lowest first: the order matters for "at least" comparisons. */
export const TIERS = ['low', 'medium', 'high', 'critical'] as const;
export const Tier = z.enum(TIERS);
export type Tier = z.infer<typeof Tier>;

export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

export function maxTier(a: Tier, b: Tier): Tier {
  return tierRank(a) >= tierRank(b) ? a : b;
}
