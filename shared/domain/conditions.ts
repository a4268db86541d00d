// showWhen: which questions are visible for a given set of answers.
import type { AnswerMap } from './review';
import type { Condition } from './template';

/** What visibility reads of a question: the app's Question and the provider page's SentQuestion alike. */
export interface ConditionalQuestion {
  id: string;
  showWhen?: Condition;
}
/** A template's sections of questions (a Template, or the SentTemplate the provider's page gets). */
export interface QuestionSections<Q extends ConditionalQuestion = ConditionalQuestion> {
  sections: readonly { questions: readonly Q[] }[];
}

export function evaluateCondition(condition: Condition, answers: AnswerMap): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answers));
  if ('not' in condition) return !evaluateCondition(condition.not, answers);
  const answer = answers[condition.q];
  if (!answer || answer.na || answer.value === null) return false;
  if ('answered' in condition) return true;
  const { value } = answer;
  if (Array.isArray(value)) return value.some((v) => condition.is.includes(v));
  return typeof value === 'string' && condition.is.includes(value);
}

/** Question ids a condition reads, for dependency checks. */
export function conditionRefs(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionRefs);
  if ('any' in condition) return condition.any.flatMap(conditionRefs);
  if ('not' in condition) return conditionRefs(condition.not);
  return [condition.q];
}

/**
 * A question is visible when its condition holds and every question the condition reads is
 * itself visible (an answer left behind on a hidden question does not reveal anything).
 */
export function isVisible<Q extends ConditionalQuestion>(question: Q, byId: ReadonlyMap<string, Q>, answers: AnswerMap, seen: ReadonlySet<string> = new Set()): boolean {
  if (!question.showWhen) return true;
  if (seen.has(question.id)) return false; // a cycle never shows (templates are checked for them)
  const nextSeen = new Set(seen).add(question.id);
  const parentsVisible = conditionRefs(question.showWhen).every((id) => {
    const parent = byId.get(id);
    return parent !== undefined && isVisible(parent, byId, answers, nextSeen);
  });
  return parentsVisible && evaluateCondition(question.showWhen, answers);
}

const byIdCache = new WeakMap<object, ReadonlyMap<string, ConditionalQuestion>>();

/** Every question of a template by id, built once per template object (scoring runs per keystroke). */
export function questionsById<Q extends ConditionalQuestion>(template: QuestionSections<Q>): ReadonlyMap<string, Q> {
  let byId = byIdCache.get(template) as ReadonlyMap<string, Q> | undefined;
  if (!byId) {
    const map = new Map<string, Q>();
    for (const s of template.sections) for (const q of s.questions) map.set(q.id, q);
    byIdCache.set(template, (byId = map));
  }
  return byId;
}

const conditionalCache = new WeakMap<object, readonly ConditionalQuestion[]>();

/** The questions with a condition, in template order, found once per template object. */
function conditionalQuestions<Q extends ConditionalQuestion>(template: QuestionSections<Q>): readonly Q[] {
  let found = conditionalCache.get(template) as readonly Q[] | undefined;
  if (!found) {
    found = template.sections.flatMap((s) => s.questions.filter((q) => q.showWhen !== undefined));
    conditionalCache.set(template, found);
  }
  return found;
}

/**
 * Ids of the questions not shown for these answers: the complement of visibleQuestionIds, found by
 * reading only the questions that have a condition (scoring does this for every review listed).
 */
export function hiddenQuestionIds(template: QuestionSections, answers: AnswerMap): Set<string> {
  const byId = questionsById(template);
  const hidden = new Set<string>();
  for (const q of conditionalQuestions(template)) if (!isVisible(q, byId, answers)) hidden.add(q.id);
  return hidden;
}

/** Ids of the questions shown for these answers. */
export function visibleQuestionIds(template: QuestionSections, answers: AnswerMap): Set<string> {
  const byId = questionsById(template);
  const visible = new Set<string>();
  for (const q of byId.values()) if (isVisible(q, byId, answers)) visible.add(q.id);
  return visible;
}
