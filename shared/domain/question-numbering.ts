// Question numbers ("3.5": section 3, question 5 of the template) stay the template's own, so a
// number means the same question in the app, the report and a conversation whatever is answered.
// Where a conditional question is hidden the numbering skips; skippedNotes says why, in words
// that name questions by number and options by label. Pure.
import { conditionRefs } from './conditions';
import type { Condition, Question, Section } from './template';

/** A question's number in its template: section position, then position in the section (1-based). */
const numbersBySections = new WeakMap<object, ReadonlyMap<string, string>>();

/**
 * Built once per template's sections: scoring names open must-haves by number for every review
 * the register lists, and the questionnaire asks per section.
 */
export function questionNumbers(sections: readonly Pick<Section, 'questions'>[]): ReadonlyMap<string, string> {
  let numbers = numbersBySections.get(sections);
  if (!numbers) {
    const map = new Map<string, string>();
    sections.forEach((section, si) => section.questions.forEach((q, qi) => map.set(q.id, `${si + 1}.${qi + 1}`)));
    numbersBySections.set(sections, (numbers = map));
  }
  return numbers;
}

type ConditionQuestion = Pick<Question, 'id' | 'kind' | 'options'>;

/** A showWhen condition as a reader says it: "3.4 is “Yes” or “Partly”", "2.1 includes “SSO”". */
export function conditionInWords(condition: Condition, numbers: ReadonlyMap<string, string>, byId: ReadonlyMap<string, ConditionQuestion>): string {
  // Inside "and"/"or", a part that has an "or"/"and"/"nor" of its own gets brackets, so
  // "6.1 is “Yes” and (6.2 is “A” or “B”)" cannot be misread.
  const part = (c: Condition, of: readonly Condition[]) => {
    const words = conditionInWords(c, numbers, byId);
    return of.length > 1 && / (or|and|nor) /.test(words) ? `(${words})` : words;
  };
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
  // N/A does not count as an answer here (evaluateCondition), so the words say so.
  if ('answered' in condition) return negated ? `${name} has no answer (or is N/A)` : `${name} has an answer other than N/A`;
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
    if (run.length > 0) notes.push({ beforeId, questionIds: run.map((q) => q.id), text: runWords(run, visible, numbers, byId) });
    run = [];
  };
  for (const question of section.questions) {
    if (visible.has(question.id)) close(question.id);
    else run.push(question);
  }
  close(null);
  return notes;
}

/** "1.1", "1.1 and 2.3", "1.1, 2.3 and 2.5". */
export function listWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "3.6", "3.6 and 3.7", "3.6 to 3.9" for a consecutive run, else "3.6, 3.8 and 3.9". */
function numberList(ids: readonly string[], numbers: ReadonlyMap<string, string>, consecutive: boolean): string {
  const names = ids.map((id) => numbers.get(id) ?? id);
  if (consecutive && names.length > 2) return `${names[0]} to ${names[names.length - 1]}`;
  return listWords(names);
}

/**
 * Why one hidden question is hidden, as isVisible decides it: a question its condition reads is
 * itself not asked (whatever answer that one still holds), or else the condition does not hold.
 */
function hiddenBecause(question: Question, visible: ReadonlySet<string>, numbers: ReadonlyMap<string, string>, byId: ReadonlyMap<string, ConditionQuestion>): { key: string; alone: string; inList: string } {
  const condition = question.showWhen;
  if (!condition) return { key: 'none', alone: 'it is not shown for these answers', inList: 'not shown for these answers' };
  const hiddenRefs = [...new Set(conditionRefs(condition))].filter((id) => !visible.has(id));
  if (hiddenRefs.length > 0) {
    const names = numberList(hiddenRefs, numbers, false);
    const verb = hiddenRefs.length === 1 ? 'is' : 'are';
    return { key: `parents:${hiddenRefs.join(',')}`, alone: `it depends on ${names}, which ${verb} not asked either`, inList: `because ${names} ${verb} not asked` };
  }
  const when = conditionInWords(condition, numbers, byId);
  return { key: `when:${JSON.stringify(condition)}`, alone: `it applies only when ${when}`, inList: `only when ${when}` };
}

function runWords(run: readonly Question[], visible: ReadonlySet<string>, numbers: ReadonlyMap<string, string>, byId: ReadonlyMap<string, ConditionQuestion>): string {
  // Group by reason, keeping the run's order.
  const groups = new Map<string, { reason: ReturnType<typeof hiddenBecause>; ids: string[] }>();
  for (const q of run) {
    const reason = hiddenBecause(q, visible, numbers, byId);
    const group = groups.get(reason.key) ?? { reason, ids: [] };
    group.ids.push(q.id);
    groups.set(reason.key, group);
  }
  const all = numberList(run.map((q) => q.id), numbers, true);
  if (groups.size === 1) {
    const { reason } = [...groups.values()][0]!;
    const text = run.length === 1 ? reason.alone : reason.alone.replace(/^it applies/, 'they apply').replace(/^it depends/, 'they depend').replace(/^it is/, 'they are');
    return `${all} ${run.length === 1 ? 'is' : 'are'} not asked: ${text}.`;
  }
  if (groups.size > MAX_LISTED) return `${all} are not asked for these answers: each depends on another answer.`;
  const parts = [...groups.values()].map(({ reason, ids }) => `${numberList(ids, numbers, false)} ${reason.inList}`);
  return `${all} are not asked for these answers: ${parts.join('; ')}.`;
}
