// Residual risk: inherent risk after the provider's controls (its overall score) are taken
// into account. Both tables are data so docs/scoring.md, the UI and the code agree.
import type { Tier } from '../domain/tier';

export const CONTROL_BANDS = ['strong', 'adequate', 'weak', 'poor'] as const;
export type ControlBand = (typeof CONTROL_BANDS)[number];

/** Lowest overall score (0..100) of each band, best band first; `poor` takes everything below. */
export const CONTROL_BAND_MIN: Readonly<Record<ControlBand, number>> = {
  strong: 90,
  adequate: 75,
  weak: 55,
  poor: -Infinity,
};

/**
 * Scores are never rounded, so a score that is mathematically on a boundary may come out a
 * hair under it (89.99999999999999). Boundaries are compared with this tolerance.
 */
export const BAND_TOLERANCE = 1e-9;

/** The control band of an overall score (0..100). */
export function controlBand(overall: number): ControlBand {
  for (const band of CONTROL_BANDS) if (overall >= CONTROL_BAND_MIN[band] - BAND_TOLERANCE) return band;
  return 'poor'; // NaN
}

/**
 * Residual tier by inherent tier (rows) and control band (columns). Model 2: high and critical
 * inherent risk need strong controls to come down to medium (docs/scoring.md, section 9).
 */
export const RESIDUAL_MATRIX: Readonly<Record<Tier, Readonly<Record<ControlBand, Tier>>>> = {
  low: { strong: 'low', adequate: 'low', weak: 'medium', poor: 'high' },
  medium: { strong: 'low', adequate: 'medium', weak: 'high', poor: 'high' },
  high: { strong: 'medium', adequate: 'high', weak: 'high', poor: 'critical' },
  critical: { strong: 'medium', adequate: 'high', weak: 'critical', poor: 'critical' },
};

export function residualTier(inherent: Tier, band: ControlBand): Tier {
  return RESIDUAL_MATRIX[inherent][band];
}
