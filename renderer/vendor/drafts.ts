// What the provider has filled in, and what follows from it: which questions are shown, how many
// are answered, which answers go into the file. Pure, and by the app's rules (shared/domain).
import { checkAnswerValue, normalizeAnswerValue } from '../../shared/domain/answers';
import { visibleQuestionIds } from '../../shared/domain/conditions';
import type { AnswerMap, AnswerValue } from '../../shared/domain/review';
import type { SentQuestion as Question, SentTemplate as Template } from '../../shared/exchange/sent-template';
import { MAX_PROVIDER_COMMENT_CHARS, type PrefilledAnswer, type ProviderAnswer } from '../../shared/domain/vendor-exchange';

/** One question as the provider left it. */
export interface Draft {
  value: AnswerValue;
  /** The "Not applicable" box is ticked (it counts once a reason is written in the comment). */
  na: boolean;
  comment: string;
  /** Still the answer sent with the page (request.prefill), not changed since. */
  prefilled: boolean;
}

export type Drafts = Readonly<Record<string, Draft>>;

export const EMPTY_DRAFT: Draft = { value: null, na: false, comment: '', prefilled: false };

export function draftsFromPrefill(prefill: readonly PrefilledAnswer[]): Record<string, Draft> {
  const drafts: Record<string, Draft> = {};
  for (const p of prefill) drafts[p.questionId] = { value: p.value, na: p.na, comment: p.comment, prefilled: true };
  return drafts;
}

/**
 * N/A counts only where the template allows it and with its reason written (the app asks for the
 * reason too); until then the question stays unanswered, and the file says so.
 */
export function effectiveNa(question: Question, draft: Draft): boolean {
  return draft.na && question.allowNa === true && draft.comment.trim() !== '';
}

/** The value as it would be stored: blank text is no answer, a value that does not fit is none. */
export function effectiveValue(question: Question, draft: Draft): AnswerValue {
  const value = normalizeAnswerValue(draft.value);
  return value !== null && checkAnswerValue(question, value) === null ? value : null;
}

/** The answers as showWhen reads them. */
export function answerMap(template: Template, drafts: Drafts): AnswerMap {
  const map: Record<string, { value: AnswerValue; na: boolean }> = {};
  for (const section of template.sections) {
    for (const q of section.questions) {
      const draft = drafts[q.id];
      if (draft) map[q.id] = { value: effectiveValue(q, draft), na: effectiveNa(q, draft) };
    }
  }
  return map;
}

export function shownQuestionIds(template: Template, drafts: Drafts): Set<string> {
  return visibleQuestionIds(template, answerMap(template, drafts));
}

/**
 * Answered as the app's completion counts it (scoreQuestion's status is not 'unanswered'): an
 * allowed N/A, or a value that fits the question.
 */
export function isAnswered(question: Question, draft: Draft | undefined): boolean {
  if (!draft) return false;
  if (draft.na) return effectiveNa(question, draft);
  return effectiveValue(question, draft) !== null;
}

export interface Completion {
  answered: number;
  total: number;
}

/** Like the app's completion: the shown questions that are not optional, and how many are answered. */
export function completion(template: Template, drafts: Drafts, shown: ReadonlySet<string>): Completion {
  let answered = 0;
  let total = 0;
  for (const section of template.sections) {
    for (const q of section.questions) {
      if (!shown.has(q.id) || q.optional) continue;
      total += 1;
      if (isAnswered(q, drafts[q.id])) answered += 1;
    }
  }
  return { answered, total };
}

/** Shown questions in template order that still need an answer; required ones first, as in the app. */
export function nextUnanswered(template: Template, drafts: Drafts, shown: ReadonlySet<string>, afterId: string | null): string | null {
  const order = template.sections.flatMap((s) => s.questions).filter((q) => shown.has(q.id));
  const open = order.filter((q) => !isAnswered(q, drafts[q.id]));
  const position = new Map(order.map((q, i) => [q.id, i]));
  const start = afterId ? (position.get(afterId) ?? -1) : -1;
  const pick = (list: Question[]) => list.find((q) => (position.get(q.id) ?? -1) > start) ?? list[0];
  return (pick(open.filter((q) => !q.optional)) ?? pick(open.filter((q) => q.optional)))?.id ?? null;
}

/**
 * What goes into the answers file: the shown questions with an answer or a comment. Answers to
 * hidden questions are left out, as are values that do not fit (the page never writes them).
 */
export function providerAnswers(template: Template, drafts: Drafts, shown: ReadonlySet<string>): ProviderAnswer[] {
  const out: ProviderAnswer[] = [];
  for (const section of template.sections) {
    for (const q of section.questions) {
      const draft = drafts[q.id];
      if (!draft || !shown.has(q.id)) continue;
      const na = effectiveNa(q, draft);
      const value = na ? null : effectiveValue(q, draft);
      const comment = draft.comment.trim();
      if (value === null && !na && comment === '') continue;
      out.push({ questionId: q.id, value, na, comment: draft.comment.slice(0, MAX_PROVIDER_COMMENT_CHARS) });
    }
  }
  return out;
}
