// A number answer in words: which band it falls in and what that band is worth ("91 hours:
// “72 hours or more”, the best band"), and a warning when it lies outside the range the template
// calls plausible (an uptime of 119 %). Pure; the questionnaire and the CLI say the same.
import { quantity } from '../domain/answers';
import type { NumberBand, Question } from '../domain/template';
import { findBand } from './score';

export type NumberQuestion = Pick<Question, 'bands' | 'unit' | 'plausible' | 'weight'>;

/** A band's bounds in words when the template gave it no label ("72 hours or more"). */
export function bandWords(band: Pick<NumberBand, 'min' | 'max'>, unit: string | undefined): string {
  if (band.min !== undefined && band.max !== undefined) return `${quantity(band.min, unit)} to under ${quantity(band.max, unit)}`;
  if (band.min !== undefined) return `${quantity(band.min, unit)} or more`;
  if (band.max !== undefined) return `under ${quantity(band.max, unit)}`;
  return 'any number';
}

/** Where the band stands among the question's bands: best, lowest, or its share of the points. */
function standing(band: NumberBand, bands: readonly NumberBand[]): string {
  const scores = bands.map((b) => b.score);
  const best = Math.max(...scores);
  const lowest = Math.min(...scores);
  if (best === lowest) return 'the only score this question gives';
  if (band.score === best) return 'the best band';
  if (band.score === lowest) return band.score === 0 ? 'the lowest band (no points)' : 'the lowest band';
  return `${Math.round(band.score * 100)} % of the points`;
}

/**
 * The answer and its band in one sentence, or null when the question has no bands to explain
 * (an informational number without bands says nothing beyond the number itself).
 */
export function numberBandWords(question: NumberQuestion, value: number): string | null {
  const bands = question.bands ?? [];
  if (bands.length === 0) return null;
  const said = quantity(value, question.unit);
  const band = findBand(bands, value);
  if (!band) return `${said}: no band of this question covers it, so it is not scored.`;
  const name = `“${band.label ?? bandWords(band, question.unit)}”`;
  if (question.weight === 0) return `${said}: ${name} (this question is not scored).`;
  return `${said}: ${name}, ${standing(band, bands)}.`;
}

/** The plausible range in words ("90 to 100 %", "0 or more hours"). */
export function plausibleWords(question: NumberQuestion): string | null {
  const range = question.plausible;
  if (!range || (range.min === undefined && range.max === undefined)) return null;
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return `${min} to ${quantity(max, question.unit)}`;
  if (min !== undefined) return `${quantity(min, question.unit)} or more`;
  return `${quantity(max!, question.unit)} or less`;
}

/**
 * A warning when the value lies outside the template's plausible range (both bounds inclusive),
 * else null. The value is kept as typed: the register records what was said; this only asks
 * whether it was meant.
 */
export function implausibleWarning(question: NumberQuestion, value: number): string | null {
  const range = question.plausible;
  if (!range) return null;
  const below = range.min !== undefined && value < range.min;
  const above = range.max !== undefined && value > range.max;
  if (!below && !above) return null;
  return `${quantity(value, question.unit)} is outside the plausible range (${plausibleWords(question)}): check it is not a typing slip. It is saved as typed.`;
}
