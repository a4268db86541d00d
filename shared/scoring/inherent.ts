// Inherent risk: how much could go wrong with this provider before looking at its controls.
// Computed from the provider's profile only (never from answers). docs/scoring.md quotes
// INHERENT_POINTS, so the numbers live in exactly one place.
import type { Tier } from '../domain/tier';
import type { BusinessImpact, DataCategory } from '../domain/vendor';
import type { RiskProfile } from './types';

/** What inherent risk reads of a profile (never where the data is kept). */
export type InherentProfile = Pick<RiskProfile, 'criticalPath' | 'businessImpact' | 'dataCategories'>;

export interface InherentPointTable {
  /** Added when the provider sits on the critical path. */
  criticalPath: number;
  businessImpact: Readonly<Record<BusinessImpact, number>>;
  /** Added once per data category the provider holds (a category listed twice counts once). */
  dataCategories: Readonly<Record<DataCategory, number>>;
  /** The total never exceeds this (it bounds the displayed number; the tiers stop below it). */
  cap: number;
  /** Tiers by points, lowest first: the first row whose `below` exceeds the points wins. */
  tiers: readonly { tier: Tier; below: number }[];
}

export const INHERENT_POINTS: InherentPointTable = {
  criticalPath: 2,
  businessImpact: { low: 0, medium: 1, high: 2 },
  dataCategories: {
    'credentials-secrets': 2,
    'special-personal-data': 2,
    'payment-data': 2,
    'personal-data': 1,
    'customer-content': 1,
    'logs-telemetry': 0.5,
  },
  cap: 10,
  tiers: [
    { tier: 'low', below: 2 },
    { tier: 'medium', below: 4 },
    { tier: 'high', below: 6 },
    { tier: 'critical', below: Infinity },
  ],
};

export interface InherentContribution {
  factor: 'criticalPath' | 'businessImpact' | DataCategory;
  points: number;
}

export interface InherentRisk {
  /** Capped sum of the contributions. */
  points: number;
  tier: Tier;
  /** What the points are made of, in table order (uncapped; factors worth 0 are left out). */
  contributions: InherentContribution[];
}

/** The tier for a number of inherent points. */
export function inherentTierForPoints(points: number, table: InherentPointTable = INHERENT_POINTS): Tier {
  for (const row of table.tiers) if (points < row.below) return row.tier;
  return table.tiers[table.tiers.length - 1]!.tier;
}

/** Inherent risk of a provider profile: points, tier and what they are made of. */
export function inherentRisk(profile: InherentProfile, table: InherentPointTable = INHERENT_POINTS): InherentRisk {
  const contributions: InherentContribution[] = [];
  const add = (factor: InherentContribution['factor'], points: number) => {
    if (points !== 0) contributions.push({ factor, points });
  };
  if (profile.criticalPath) add('criticalPath', table.criticalPath);
  add('businessImpact', table.businessImpact[profile.businessImpact]);
  const held = new Set(profile.dataCategories);
  for (const category of Object.keys(table.dataCategories) as DataCategory[]) {
    if (held.has(category)) add(category, table.dataCategories[category]);
  }
  const sum = contributions.reduce((total, c) => total + c.points, 0);
  const points = Math.min(table.cap, sum);
  return { points, tier: inherentTierForPoints(points, table), contributions };
}

/** Inherent tier of a provider profile. */
export function inherentTier(profile: InherentProfile): Tier {
  return inherentRisk(profile).tier;
}
