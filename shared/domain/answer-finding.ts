// What a finding made from an answer starts with: the score's reason for the lost points names
// the weakness ("No encryption at rest: a stolen disk exposes the data"), where the question text
// only asks about it. The app's dialog prefills from here and the API falls back to the same.
import type { PointLoss } from '../scoring/types';
import type { Tier } from './tier';

/** A finding's title is at most this long (shared/domain/findings.ts). */
const TITLE_MAX = 200;

/** The line of the score's explanation a finding on this question starts from: its biggest loss. */
export function lossOf(explanation: readonly PointLoss[], questionId: string): PointLoss | null {
  // The explanation is ordered biggest loss first.
  return explanation.find((l) => l.questionId === questionId) ?? null;
}

/**
 * The first sentence of the reason, without its closing full stop, shortened at a word to fit a
 * title. A sentence ends at . ! or ? before a capital or an opening quote, so "e.g. logs" stays whole.
 */
export function answerFindingTitle(reason: string): string {
  const text = reason.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+[A-Z“"'‘(])/.exec(text);
  let title = end ? text.slice(0, end.index + 1) : text;
  if (title.endsWith('.')) title = title.slice(0, -1);
  if (title.length <= TITLE_MAX) return title;
  const cut = title.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Severity of a finding made from an answer: the knock-out's tier, else by the points it cost. */
export function answerFindingSeverity(loss: Pick<PointLoss, 'pointsLost' | 'knockout'>): Tier {
  if (loss.knockout) return loss.knockout;
  if (loss.pointsLost >= 5) return 'high';
  return loss.pointsLost >= 2 ? 'medium' : 'low';
}

/** The finding's description: the answer, the reason and what it cost, as the score explains them. */
export function answerFindingDescription(loss: PointLoss): string {
  const cost = loss.knockout
    ? `It is a knock-out: the provider is at least ${loss.knockout} risk.`
    : `It cost ${Math.round(loss.pointsLost * 10) / 10} points of the overall score.`;
  return `Answer: ${loss.answerLabel}. ${loss.reason} ${cost}`.trim().slice(0, 5000);
}
