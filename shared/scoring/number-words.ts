// A number answer in words: which band it falls in and what that band is worth ("91 hours:
// “72 hours or more”, the best band"), and a warning when it lies outside the range the template
// calls plausible (an uptime of 119 %). Pure; the questionnaire and the CLI say the same.
import { quantity } from '../domain/answers';
import { TIER_LABELS } from '../domain/labels';
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

export interface NumberWordsContext {
  /** The question's weight is 0 but risk flags read its answer (shared/templates/flag-fed.ts). */
  flagFed?: boolean;
}

/**
 * The answer and its band in one sentence, or null when the question has no bands to explain
 * (an informational number without bands says nothing beyond the number itself). A band's label
 * was written for the whole numbers the question asks for ("24 hours or less" is 0 to under 25):
 * for a fraction its bounds are said too, so the words stay true. A knock-out band says so, also on
 * a question that is not weighted (its knock-out still sets the tier).
 */
export function numberBandWords(question: NumberQuestion, value: number, context: NumberWordsContext = {}): string | null {
  const bands = question.bands ?? [];
  if (bands.length === 0) return null;
  const said = quantity(value, question.unit);
  const band = findBand(bands, value);
  if (!band) return `${said}: no band of this question covers it, so it is not scored.`;
  const bounds = bandWords(band, question.unit);
  const name = band.label === undefined ? `“${bounds}”` : Number.isInteger(value) ? `“${band.label}”` : `“${band.label}” (${bounds})`;
  const knockout = band.knockout ? ` A knock-out: the tier is at least ${TIER_LABELS[band.knockout]}.` : '';
  if (question.weight === 0) return `${said}: ${name} (${context.flagFed ? 'weighed through the risk flags' : 'not weighted'}).${knockout}`;
  return `${said}: ${name}, ${standing(band, bands)}.${knockout}`;
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
 * whether it was meant. `saved` says the value is in the register (the CLI after its save, the
 * app once the save went through); a frozen answer gets no advice it cannot follow.
 */
export function implausibleWarning(question: NumberQuestion, value: number, state: 'saved' | 'frozen' = 'saved'): string | null {
  const range = question.plausible;
  if (!range) return null;
  const below = range.min !== undefined && value < range.min;
  const above = range.max !== undefined && value > range.max;
  if (!below && !above) return null;
  const fact = `${quantity(value, question.unit)} is outside the plausible range (${plausibleWords(question)})`;
  return state === 'frozen' ? `${fact}.` : `${fact}: check it is not a typing slip. It is saved as typed.`;
}
