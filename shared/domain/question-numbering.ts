// Question numbers ("3.5": section 3, question 5 of the template) stay the template's own, so a
// number means the same question in the app, the report and a conversation whatever is answered.
// Where a conditional question is hidden the numbering skips; skippedNotes says why, in words
// that name questions by number and options by label. Pure.
import type { Condition, Question, Section } from './template';

/** A question's number in its template: section position, then position in the section (1-based). */
export function questionNumbers(sections: readonly Pick<Section, 'questions'>[]): Map<string, string> {
  const numbers = new Map<string, string>();
  sections.forEach((section, si) => section.questions.forEach((q, qi) => numbers.set(q.id, `${si + 1}.${qi + 1}`)));
  return numbers;
}

type ConditionQuestion = Pick<Question, 'id' | 'kind' | 'options'>;

/** A showWhen condition as a reader says it: "3.4 is “Yes” or “Partly”", "2.1 includes “SSO”". */
export function conditionInWords(condition: Condition, numbers: ReadonlyMap<string, string>, byId: ReadonlyMap<string, ConditionQuestion>): string {
  const part = (c: Condition, of: readonly Condition[]) => (of.length > 1 && ('all' in c || 'any' in c) ? `(${conditionInWords(c, numbers, byId)})` : conditionInWords(c, numbers, byId));
  if ('all' in condition) return condition.all.map((c) => part(c, condition.all)).join(' and ');
  if ('any' in condition) return condition.any.map((c) => part(c, condition.any)).join(' or ');
  if ('not' in condition) {
    const inner = condition.not;
    return 'q' in inner ? leafWords(inner, numbers, byId, true) : `not (${conditionInWords(inner, numbers, byId)})`;
  }
  return leafWords(condition, numbers, byId, false);
}

function leafWords(condition: Extract<Condition, { q: string }>, numbers: ReadonlyMap<string, string>, byId: ReadonlyMap<string, ConditionQuestion>, negated: boolean): string {
  const name = numbers.get(condition.q) ?? condition.q;
  if ('answered' in condition) return `${name} is ${negated ? 'not ' : ''}answered`;
  const target = byId.get(condition.q);
  const labels = condition.is.map((id) => `“${target?.options?.find((o) => o.id === id)?.label ?? id}”`);
  const list = labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} ${negated ? 'nor' : 'or'} ${labels[labels.length - 1]}`;
  if (target?.kind === 'multi') return negated ? `${name} includes none of ${labels.join(', ')}` : `${name} includes ${list}`;
  return negated ? `${name} is neither ${list}`.replace(/^(.*) is neither (“[^”]*”)$/, '$1 is not $2') : `${name} is ${list}`;
}

export interface SkippedNote {
  /** The id of the first visible question after the skipped ones, or null at the end of the section. */
  beforeId: string | null;
  /** The skipped questions' ids, in order. */
  questionIds: string[];
  text: string;
}

/** Above this many different conditions in one run, the note says so instead of listing each. */
const MAX_LISTED = 3;

/**
 * One note for every run of hidden questions in a section: "3.6 is not asked: it applies only when
 * 3.5 is “Credits, applied automatically” or “Target only”." Questions of a run that share a
 * condition are named together; a long run of different conditions is summed up.
 */
export function skippedNotes(
  section: Pick<Section, 'questions'>,
  visible: ReadonlySet<string>,
  numbers: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, ConditionQuestion>,
): SkippedNote[] {
  const notes: SkippedNote[] = [];
  let run: Question[] = [];
  const close = (beforeId: string | null) => {
    if (run.length > 0) notes.push({ beforeId, questionIds: run.map((q) => q.id), text: runWords(run, numbers, byId) });
    run = [];
  };
  for (const question of section.questions) {
    if (visible.has(question.id)) close(question.id);
    else run.push(question);
  }
  close(null);
  return notes;
}

/** "3.6", "3.6 and 3.7", "3.6 to 3.9" for a consecutive run, else "3.6, 3.8 and 3.9". */
function numberList(ids: readonly string[], numbers: ReadonlyMap<string, string>, consecutive: boolean): string {
  const names = ids.map((id) => numbers.get(id) ?? id);
  if (names.length === 1) return names[0]!;
  if (consecutive && names.length > 2) return `${names[0]} to ${names[names.length - 1]}`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function runWords(run: readonly Question[], numbers: ReadonlyMap<string, string>, byId: ReadonlyMap<string, ConditionQuestion>): string {
  // Group by condition, keeping the run's order.
  const groups = new Map<string, { condition: Condition | undefined; ids: string[] }>();
  for (const q of run) {
    const key = JSON.stringify(q.showWhen ?? null);
    const group = groups.get(key) ?? { condition: q.showWhen, ids: [] };
    group.ids.push(q.id);
    groups.set(key, group);
  }
  const all = numberList(run.map((q) => q.id), numbers, true);
  const verb = run.length === 1 ? 'is' : 'are';
  if (groups.size === 1) {
    const { condition } = [...groups.values()][0]!;
    const when = condition ? conditionInWords(condition, numbers, byId) : 'an earlier answer calls for it';
    return `${all} ${verb} not asked: ${run.length === 1 ? 'it applies' : 'they apply'} only when ${when}.`;
  }
  if (groups.size > MAX_LISTED) return `${all} are not asked: each applies only when an earlier answer calls for it.`;
  const parts = [...groups.values()].map(({ condition, ids }) => `${numberList(ids, numbers, false)} only when ${condition ? conditionInWords(condition, numbers, byId) : 'an earlier answer calls for it'}`);
  return `${all} are not asked for these answers: ${parts.join('; ')}.`;
}
