// The provider's answers against what the review holds: new, changed, unchanged, left empty; and
// what does not fit (listed, left out).
import { answerLabel, checkAnswerValue, normalizeAnswerValue } from '../domain/answers';
import { visibleQuestionIds } from '../domain/conditions';
import type { AnswerMap, AnswerValue } from '../domain/review';
import { questionIndex, type Question, type Template } from '../domain/template';
import {
  MAX_PROVIDER_COMMENT_CHARS,
  RECEIVE_CHANGES,
  type ProviderAnswer,
  type QuestionnaireReceipt,
  type ReceiveChange,
  type ReceiveRejection,
  type ReceiveRow,
} from '../domain/vendor-exchange';
import { profileHeldFigure } from '../templates/profile-held';
import { shownValue } from './display';

/** An answer the review holds, as the diff needs it. */
export interface HeldAnswer {
  value: AnswerValue;
  na: boolean;
  /** The provider comment held ('' when none). */
  providerComment: string;
}

/** Why a given answer cannot be taken; null when it can. The first reason found wins. */
function problemWith(template: Template, question: Question | undefined, given: ProviderAnswer, value: AnswerValue): string | null {
  if (!question) return `not a question of template ${template.id} v${template.version}`;
  // A question an old version asked whose figure the provider profile holds now: an answer to it
  // would be a second, older fee next to the profile's (shared/templates/profile-held.ts).
  if (profileHeldFigure(template.id, question.id) !== null) return 'kept in the provider profile, not in the questionnaire';
  const problem = checkAnswerValue(question, value);
  if (problem) return problem;
  if (given.na && question.allowNa !== true) return 'marked not applicable, which this question does not allow';
  if (given.na && given.comment.trim() === '') return 'marked not applicable without a reason in the comment';
  if (given.comment.length > MAX_PROVIDER_COMMENT_CHARS) return `the comment is longer than ${MAX_PROVIDER_COMMENT_CHARS} characters`;
  return null;
}

/** Equal answer values; lists compared as sets (a multi answer's order means nothing). */
function sameValue(a: AnswerValue, b: AnswerValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const left = new Set(a);
    const right = new Set(b);
    return left.size === right.size && [...left].every((v) => right.has(v));
  }
  return a === b;
}

function changeOf(held: HeldAnswer | undefined, value: AnswerValue, na: boolean): ReceiveChange {
  if (value === null && !na) return 'empty';
  if (!held || (held.value === null && !held.na)) return 'new';
  return sameValue(held.value, value) && held.na === na ? 'unchanged' : 'changed';
}

/**
 * One row per given answer that survives the checks, in template order; the others rejected (in
 * the file's order). `accepted` is false throughout: the service sets it for what it takes.
 */
export function diffProviderAnswers(
  template: Template,
  held: ReadonlyMap<string, HeldAnswer>,
  given: readonly ProviderAnswer[],
): { rows: ReceiveRow[]; rejected: ReceiveRejection[] } {
  const index = questionIndex(template);
  const rejected: ReceiveRejection[] = [];
  const byQuestion = new Map<string, ReceiveRow>();
  // A parsed file never answers a question twice (parseAnswersText refuses it); a caller's list might.
  const seen = new Set<string>();
  for (const answer of given) {
    const found = index.get(answer.questionId);
    const value = normalizeAnswerValue(answer.value);
    const reason = seen.has(answer.questionId) ? 'answered twice in the file' : problemWith(template, found?.question, answer, value);
    seen.add(answer.questionId);
    if (reason !== null || !found) {
      rejected.push({ questionId: answer.questionId, given: shownValue(answer.value, answer.na), reason: reason ?? 'not a question' });
      continue;
    }
    const { question, section } = found;
    const before = held.get(question.id);
    const hasHeld = before !== undefined && !(before.value === null && !before.na);
    const change = changeOf(before, value, answer.na);
    const comment = answer.comment.trim();
    const commentChanged = comment !== (before?.providerComment ?? '');
    const acceptable = change === 'new' || change === 'changed' || (commentChanged && comment !== '');
    byQuestion.set(question.id, {
      questionId: question.id,
      sectionTitle: section.title,
      questionText: question.text,
      change,
      held: hasHeld ? { value: before.value, na: before.na, label: answerLabel(question, before.value, before.na) } : null,
      given: { value, na: answer.na, label: answerLabel(question, value, answer.na) },
      comment,
      commentChanged,
      acceptable,
      accepted: false,
    });
  }
  // An answer to a question its conditions hide (under the review's answers with the provider's
  // laid over them) is not taken: the page never writes one, and a planted one would count the day
  // a parent answer changed, credited to the provider.
  const visible = visibleQuestionIds(template, withProviderAnswers(held, byQuestion.values()));
  const rows: ReceiveRow[] = [];
  for (const section of template.sections) {
    for (const question of section.questions) {
      const row = byQuestion.get(question.id);
      if (!row) continue;
      if (visible.has(question.id)) rows.push(row);
      else rejected.push({ questionId: row.questionId, given: shownValue(row.given.value, row.given.na), reason: 'hidden by the other answers: the question does not apply to them' });
    }
  }
  return { rows, rejected };
}

/**
 * The review's answers with these rows' answers laid over them (a row the provider left empty
 * leaves the held answer): what conditions and the score read if the rows were taken.
 */
export function withProviderAnswers(held: ReadonlyMap<string, HeldAnswer>, rows: Iterable<ReceiveRow>): AnswerMap {
  const map: Record<string, { value: AnswerValue; na: boolean }> = {};
  for (const [id, h] of held) map[id] = { value: h.value, na: h.na };
  for (const row of rows) if (row.change !== 'empty') map[row.questionId] = { value: row.given.value, na: row.given.na };
  return map;
}

/** The question ids `accept` takes; throws AcceptError when it names one with nothing to take. */
export class AcceptError extends Error {
  constructor(
    readonly ids: string[],
    message: string,
  ) {
    super(message);
    this.name = 'AcceptError';
  }
}

const NOTHING_TO_TAKE: Record<ReceiveChange, string> = {
  new: 'new',
  changed: 'changed',
  unchanged: 'unchanged',
  empty: 'left empty',
};

/**
 * What to take: 'all' → every acceptable row; 'none' → nothing; a list → exactly those, each of
 * which must be an acceptable row (else AcceptError naming every one that is not, and why). Rows'
 * order (template order), no id twice. `rejected`, when given, lets the message say why an id the
 * file did answer has no row.
 */
export function resolveAccept(
  rows: readonly ReceiveRow[],
  accept: 'all' | 'none' | readonly string[],
  rejected: readonly ReceiveRejection[] = [],
): string[] {
  if (accept === 'none') return [];
  if (accept === 'all') return rows.filter((r) => r.acceptable).map((r) => r.questionId);
  // "a,,b" on a command line: a blank id names nothing.
  const wanted = new Set(accept.map((id) => id.trim()).filter((id) => id !== ''));
  const byId = new Map(rows.map((r) => [r.questionId, r]));
  const bad: string[] = [];
  const why: string[] = [];
  for (const id of wanted) {
    const row = byId.get(id);
    if (row?.acceptable) continue;
    bad.push(id);
    if (row) {
      why.push(`nothing to take for ${id} (${NOTHING_TO_TAKE[row.change]})`);
    } else {
      const refused = rejected.find((r) => r.questionId === id);
      why.push(refused ? `${id} was left out: ${refused.reason}` : `${id} is not an answer in this file`);
    }
  }
  if (bad.length > 0) throw new AcceptError(bad, `cannot accept ${why.join('; ')}`);
  return rows.filter((r) => wanted.has(r.questionId)).map((r) => r.questionId);
}

export function countReceipt(rows: readonly ReceiveRow[], rejected: readonly ReceiveRejection[], accepted: readonly string[]): QuestionnaireReceipt['counts'] {
  const counts = Object.fromEntries(RECEIVE_CHANGES.map((c) => [c, 0])) as Record<ReceiveChange, number>;
  for (const row of rows) counts[row.change] += 1;
  return { ...counts, rejected: rejected.length, accepted: new Set(accepted).size };
}
