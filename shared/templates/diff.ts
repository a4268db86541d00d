// What changed between two versions of a template: questions and risk flags added, removed or
// changed (and in what), and changes to the template's name, description or sections. Pure; the
// import says it, the CLI prints it, the app lists it.
import type { Question, RiskFlag, Section, Template } from '../domain/template';

/** What about a question changed; `conditions` is its showWhen, `section` a move to another section. */
export type QuestionAspect =
  | 'kind'
  | 'text'
  | 'help'
  | 'options'
  | 'bands'
  | 'unit'
  | 'plausible'
  | 'weight'
  | 'optional'
  | 'mustHave'
  | 'allowNa'
  | 'combine'
  | 'conditions'
  | 'tips'
  | 'section';
/** What about a risk flag changed; `conditions` is its `when`. */
export type FlagAspect = 'name' | 'conditions' | 'severity' | 'why' | 'todo' | 'section';
/** Template-level changes: `sections` when one was added, removed, renamed, reweighted or moved. */
export type TemplateAspect = 'name' | 'description' | 'sections';

export interface TemplateItemRef {
  id: string;
  /** The question's text or the flag's name (in the newer version, for a changed one). */
  text: string;
  sectionId: string;
}
export interface QuestionChange extends TemplateItemRef {
  changed: QuestionAspect[];
}
export interface FlagChange extends TemplateItemRef {
  changed: FlagAspect[];
}

export interface TemplateChanges {
  fromVersion: number;
  toVersion: number;
  template: TemplateAspect[];
  questions: { added: TemplateItemRef[]; removed: TemplateItemRef[]; changed: QuestionChange[] };
  flags: { added: TemplateItemRef[]; removed: TemplateItemRef[]; changed: FlagChange[] };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const QUESTION_FIELDS: readonly [QuestionAspect, (q: Question) => unknown][] = [
  ['kind', (q) => q.kind],
  ['text', (q) => q.text],
  ['help', (q) => q.help],
  ['options', (q) => q.options ?? []],
  ['bands', (q) => q.bands ?? []],
  ['unit', (q) => q.unit],
  ['plausible', (q) => q.plausible],
  ['weight', (q) => q.weight],
  ['optional', (q) => q.optional],
  ['mustHave', (q) => q.mustHave],
  ['allowNa', (q) => q.allowNa],
  ['combine', (q) => q.combine],
  ['conditions', (q) => q.showWhen],
  ['tips', (q) => q.tips ?? []],
];

const FLAG_FIELDS: readonly [FlagAspect, (f: RiskFlag) => unknown][] = [
  ['name', (f) => f.name],
  ['conditions', (f) => f.when],
  ['severity', (f) => f.severity],
  ['why', (f) => f.why],
  ['todo', (f) => f.todo],
];

interface Placed<T> {
  item: T;
  section: Section;
}

function byId<T extends { id: string }>(template: Template, items: (s: Section) => readonly T[] | undefined): Map<string, Placed<T>> {
  const map = new Map<string, Placed<T>>();
  for (const section of template.sections) for (const item of items(section) ?? []) if (!map.has(item.id)) map.set(item.id, { item, section });
  return map;
}

function compare<T extends { id: string }, A extends string>(
  before: Map<string, Placed<T>>,
  after: Map<string, Placed<T>>,
  fields: readonly [A, (item: T) => unknown][],
  text: (item: T) => string,
): { added: TemplateItemRef[]; removed: TemplateItemRef[]; changed: (TemplateItemRef & { changed: (A | 'section')[] })[] } {
  const ref = ({ item, section }: Placed<T>): TemplateItemRef => ({ id: item.id, text: text(item), sectionId: section.id });
  const added: TemplateItemRef[] = [];
  const changed: (TemplateItemRef & { changed: (A | 'section')[] })[] = [];
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) {
      added.push(ref(now));
      continue;
    }
    const aspects: (A | 'section')[] = fields.filter(([, get]) => !same(get(was.item), get(now.item))).map(([aspect]) => aspect);
    if (was.section.id !== now.section.id) aspects.push('section');
    if (aspects.length > 0) changed.push({ ...ref(now), changed: aspects });
  }
  const removed = [...before].filter(([id]) => !after.has(id)).map(([, was]) => ref(was));
  return { added, removed, changed };
}

/** What changed from `before` to `after` (two versions of one template; any two templates work). */
export function diffTemplates(before: Template, after: Template): TemplateChanges {
  const template: TemplateAspect[] = [];
  if (before.name !== after.name) template.push('name');
  if (before.description !== after.description) template.push('description');
  const shape = (t: Template) => t.sections.map((s) => [s.id, s.title, s.description, s.weight]);
  if (!same(shape(before), shape(after))) template.push('sections');
  return {
    fromVersion: before.version,
    toVersion: after.version,
    template,
    questions: compare(
      byId(before, (s) => s.questions),
      byId(after, (s) => s.questions),
      QUESTION_FIELDS,
      (q) => q.text,
    ),
    flags: compare(
      byId(before, (s) => s.flags),
      byId(after, (s) => s.flags),
      FLAG_FIELDS,
      (f) => f.name,
    ),
  };
}

/** True when nothing a reviewer would notice changed (only the version number, if that). */
export function noTemplateChanges(changes: TemplateChanges): boolean {
  const { questions, flags } = changes;
  return (
    changes.template.length === 0 &&
    questions.added.length + questions.removed.length + questions.changed.length + flags.added.length + flags.removed.length + flags.changed.length === 0
  );
}

const ASPECT_WORDS: Record<QuestionAspect | FlagAspect | TemplateAspect, string> = {
  kind: 'kind',
  text: 'text',
  help: 'help',
  options: 'options',
  bands: 'bands',
  unit: 'unit',
  plausible: 'plausible range',
  weight: 'weight',
  optional: 'optional',
  mustHave: 'must-have',
  allowNa: 'N/A allowed',
  combine: 'combine',
  conditions: 'conditions',
  tips: 'tips',
  section: 'section',
  name: 'name',
  severity: 'severity',
  why: 'why',
  todo: 'to-do',
  description: 'description',
  sections: 'sections',
};

/** Aspects in words: "text, options". */
export function aspectWords(aspects: readonly (QuestionAspect | FlagAspect | TemplateAspect)[]): string {
  return aspects.map((a) => ASPECT_WORDS[a]).join(', ');
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The changes as short lines, e.g. "2 questions added: a, b", "1 question changed: c (text,
 * options)"; one line saying nothing changed when nothing did.
 */
export function describeTemplateChanges(changes: TemplateChanges): string[] {
  const lines: string[] = [];
  const ids = (refs: readonly TemplateItemRef[]) => refs.map((r) => r.id).join(', ');
  const withAspects = (refs: readonly (TemplateItemRef & { changed: readonly (QuestionAspect | FlagAspect)[] })[]) =>
    refs.map((r) => `${r.id} (${aspectWords(r.changed)})`).join(', ');
  const { questions, flags } = changes;
  if (changes.template.length > 0) lines.push(`Template: ${aspectWords(changes.template)} changed`);
  if (questions.added.length > 0) lines.push(`${count(questions.added.length, 'question', 'questions')} added: ${ids(questions.added)}`);
  if (questions.removed.length > 0) lines.push(`${count(questions.removed.length, 'question', 'questions')} removed: ${ids(questions.removed)}`);
  if (questions.changed.length > 0) lines.push(`${count(questions.changed.length, 'question', 'questions')} changed: ${withAspects(questions.changed)}`);
  if (flags.added.length > 0) lines.push(`${count(flags.added.length, 'risk flag', 'risk flags')} added: ${ids(flags.added)}`);
  if (flags.removed.length > 0) lines.push(`${count(flags.removed.length, 'risk flag', 'risk flags')} removed: ${ids(flags.removed)}`);
  if (flags.changed.length > 0) lines.push(`${count(flags.changed.length, 'risk flag', 'risk flags')} changed: ${withAspects(flags.changed)}`);
  const itemsChanged = lines.length - (changes.template.length > 0 ? 1 : 0);
  if (itemsChanged === 0) lines.push('No question or risk flag changed');
  return lines;
}
