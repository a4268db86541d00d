// How the concentration screens say shares, regions and outcomes.
import type { BlastOutcome } from '../../../../shared/upstream/blast-radius';
import type { RegionRef } from '../../../../shared/upstream/register-index';

/** 0.75 → "75 %" (a whole number unless it would round a real share to 0 or 100). */
export function percent(fraction: number): string {
  const p = fraction * 100;
  if (p > 0 && p < 1) return '<1 %';
  if (p < 100 && p > 99) return '>99 %';
  return `${Math.round(p)} %`;
}

/** "us-east-1 (US East (N. Virginia))", or the code alone outside the catalogue. */
export const regionText = (r: RegionRef) => (r.name ? `${r.code} (${r.name})` : r.code);

/** The outcome in words and a symbol, never by colour alone. */
export const OUTCOME_WORDS: Record<BlastOutcome, { word: string; mark: string }> = {
  survives: { word: 'Survives', mark: '✓' },
  down: { word: 'Down', mark: '✕' },
  unknown: { word: 'Unknown', mark: '?' },
};

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
