// VSAQ questionnaire → Vetted template. Pure: text in, template and warnings out, or a
// TemplateImportError naming the JSON path at fault. Nothing here knows any particular file.
//
// Layout: the single top-level block is a wrapper (its text becomes the description). A block
// that holds only blocks (and info text) groups sections; any other block is a section, and the
// blocks nested in it are flattened into it, their title becoming help for the next question.
import { Template } from '../../domain/template';
import type { ChoiceOption, Condition, Question, QuestionKind, RiskFlag, RiskFlagSeverity, TemplateInput } from '../../domain/template';
import { RISK_FLAG_SEVERITIES } from '../../domain/template';
import { checkTemplate } from '../check';
import { jsonPath, TemplateImportError, toJsonPath } from '../import-error';
import { CondSyntaxError, parseCond, type CondAst } from './cond';
import { htmlToText } from './html';
import { isJsonObject, own, parseVsaqJson, type JsonObject, type JsonValue } from './parse';

export interface VsaqImportOptions {
  /** The Vetted template id (letters, digits, "_", "-", "."). */
  id: string;
  /** The template name; the wrapper block's text when omitted. */
  name?: string;
  /** VSAQ extension texts (`{"extensions": [{…, "insertAfter": "id"}]}`), applied in order. */
  extensions?: string[];
}

export interface VsaqImportResult {
  template: Template;
  /** What did not carry over exactly (uploads, shortened texts, items never shown…). */
  warnings: string[];
}

const ITEM_TYPES = ['block', 'info', 'line', 'box', 'check', 'checkgroup', 'radiogroup', 'yesno', 'upload', 'tip', 'spacer'] as const;
type ItemType = (typeof ITEM_TYPES)[number];
const QUESTION_TYPES: readonly ItemType[] = ['line', 'box', 'check', 'checkgroup', 'radiogroup', 'yesno', 'upload'];
const ID_PATTERN = /^[A-Za-z0-9_.-]{1,120}$/;

const LIMITS = {
  templateName: 200,
  templateDescription: 4000,
  sectionTitle: 200,
  sectionDescription: 2000,
  questionText: 1000,
  help: 4000,
  optionLabel: 500,
  flagName: 200,
  flagText: 4000,
} as const;

const UPLOAD_NOTE = 'Upload not supported; describe the evidence.';

interface Choice {
  rawId: string;
  label: string;
  path: string;
}

interface Item {
  type: ItemType;
  raw: JsonObject;
  path: string;
  extension: number | undefined;
  parent: Item | null;
  children: Item[];
  rawId: string | undefined;
  choices: Choice[];
}

/** A target of a condition identifier. */
type Target = { item: Item; choice?: Choice };

/** Conditions while converting: constants are folded away before they reach the template. */
type Expr =
  | { t: 'const'; v: boolean }
  | { t: 'leaf'; c: Extract<Condition, { q: string }> }
  | { t: 'all'; xs: Expr[] }
  | { t: 'any'; xs: Expr[] }
  | { t: 'not'; x: Expr };
const TRUE: Expr = { t: 'const', v: true };
const FALSE: Expr = { t: 'const', v: false };

type QuestionInput = TemplateInput['sections'][number]['questions'][number];

function fail(item: { extension: number | undefined }, path: string, message: string): never {
  throw new TemplateImportError(path, message, item.extension);
}

function str(raw: JsonObject, key: string, path: string, extension: number | undefined): string | undefined {
  const value = own(raw, key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TemplateImportError(jsonPath(path, key), `expected a string, found ${describeJson(value)}`, extension);
  return value;
}

function describeJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : 'a boolean'} (${JSON.stringify(value).slice(0, 40)})`;
}

// ---------------------------------------------------------------------------------------------
// Reading the item tree
// ---------------------------------------------------------------------------------------------

function readItems(list: JsonValue | undefined, path: string, parent: Item | null, extension: number | undefined): Item[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new TemplateImportError(path, `expected a list of items, found ${describeJson(list)}`, extension);
  return list.map((value, index) => readItem(value, jsonPath(path, index), parent, extension));
}

function readItem(value: JsonValue, path: string, parent: Item | null, extension: number | undefined): Item {
  if (!isJsonObject(value)) throw new TemplateImportError(path, `expected an item (an object with a "type"), found ${describeJson(value)}`, extension);
  const type = own(value, 'type');
  if (typeof type !== 'string') {
    throw new TemplateImportError(jsonPath(path, 'type'), type === undefined ? 'the item has no "type"' : `expected a string, found ${describeJson(type)}`, extension);
  }
  if (!(ITEM_TYPES as readonly string[]).includes(type)) {
    throw new TemplateImportError(jsonPath(path, 'type'), `unknown item type "${type.slice(0, 40)}" (expected one of: ${ITEM_TYPES.join(', ')})`, extension);
  }
  const rawId = str(value, 'id', path, extension);
  for (const key of ['text', 'cond', 'name', 'why', 'todo', 'severity', 'yes', 'no']) str(value, key, path, extension);
  const item: Item = {
    type: type as ItemType,
    raw: value,
    path,
    extension,
    parent,
    children: [],
    rawId: rawId === undefined || rawId.trim() === '' ? undefined : rawId,
    choices: [],
  };
  if (item.type === 'block') item.children = readItems(own(value, 'items'), jsonPath(path, 'items'), item, extension);
  if (item.type === 'radiogroup' || item.type === 'checkgroup') item.choices = readChoices(value, path, extension);
  return item;
}

function readChoices(raw: JsonObject, path: string, extension: number | undefined): Choice[] {
  const listPath = jsonPath(path, 'choices');
  const list = own(raw, 'choices');
  if (!Array.isArray(list)) {
    throw new TemplateImportError(listPath, list === undefined ? 'a choice item needs "choices"' : `expected a list of choices, found ${describeJson(list)}`, extension);
  }
  if (list.length === 0) throw new TemplateImportError(listPath, 'a choice item needs at least one choice', extension);
  return list.map((entry, index) => {
    const entryPath = jsonPath(listPath, index);
    const keys = isJsonObject(entry) ? Object.keys(entry) : [];
    if (!isJsonObject(entry) || keys.length !== 1) {
      throw new TemplateImportError(entryPath, 'expected a choice as an object with one key, {"choice_id": "label"}', extension);
    }
    const rawId = keys[0]!;
    const label = entry[rawId]!;
    if (rawId.trim() === '') throw new TemplateImportError(entryPath, 'a choice id is empty', extension);
    if (typeof label !== 'string') throw new TemplateImportError(jsonPath(entryPath, rawId), `expected the choice's label (a string), found ${describeJson(label)}`, extension);
    return { rawId, label, path: jsonPath(entryPath, rawId) };
  });
}

function walk(items: readonly Item[], visit: (item: Item) => void): void {
  for (const item of items) {
    visit(item);
    walk(item.children, visit);
  }
}

// ---------------------------------------------------------------------------------------------
// Extensions
// ---------------------------------------------------------------------------------------------

function applyExtension(base: Item[], baseVersion: JsonValue | undefined, text: string, extension: number): void {
  const doc = parseVsaqJson(text, extension);
  if (!isJsonObject(doc)) throw new TemplateImportError('$', `expected an extension object ({"extensions": […]}), found ${describeJson(doc)}`, extension);
  const version = own(doc, 'version');
  if (version !== undefined && baseVersion !== undefined && version !== baseVersion) {
    throw new TemplateImportError('$.version', `the extension is for version ${JSON.stringify(version)}, the base template is version ${JSON.stringify(baseVersion)}`, extension);
  }
  const namespace = str(doc, 'namespace', '$', extension);
  const list = own(doc, 'extensions');
  if (!Array.isArray(list)) {
    throw new TemplateImportError('$.extensions', list === undefined ? 'an extension file needs "extensions"' : `expected a list of items, found ${describeJson(list)}`, extension);
  }
  list.forEach((value, index) => {
    const path = jsonPath('$.extensions', index);
    const item = readItem(value, path, null, extension);
    if (namespace) {
      walk([item], (it) => {
        if (it.rawId !== undefined) it.rawId = `${namespace}:${it.rawId}`;
        for (const choice of it.choices) choice.rawId = `${namespace}:${choice.rawId}`;
      });
    }
    const after = str(item.raw, 'insertAfter', path, extension);
    const before = str(item.raw, 'insertBefore', path, extension);
    if ((after === undefined) === (before === undefined)) {
      throw new TemplateImportError(path, 'an extension item needs exactly one of "insertAfter" and "insertBefore"', extension);
    }
    const target = (after ?? before)!;
    if (!insertInto(base, null, item, target, after !== undefined)) {
      throw new TemplateImportError(jsonPath(path, after !== undefined ? 'insertAfter' : 'insertBefore'), `no item with id "${target}" in the base template`, extension);
    }
  });
}

/** Inserts next to the first item (depth first, in order) whose id is `target`. */
function insertInto(list: Item[], parent: Item | null, item: Item, target: string, after: boolean): boolean {
  for (let i = 0; i < list.length; i++) {
    const current = list[i]!;
    if (current.rawId === target) {
      item.parent = parent;
      list.splice(after ? i + 1 : i, 0, item);
      return true;
    }
    if (insertInto(current.children, current, item, target, after)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Conversion
// ---------------------------------------------------------------------------------------------

interface SectionPlan {
  block: Item | null;
  /** For sections made of loose items: the block they stand in. */
  home: Item | null;
  items: Item[];
  intro: string[];
}

/** Help text, or a tip (without "warn") whose condition is only known once every id is. */
type Note = string | Item;

type DraftEntry =
  | { kind: 'question'; item: Item; id: string; help: Note[] }
  | { kind: 'flag'; item: Item; id: string };

interface DraftSection {
  plan: SectionPlan;
  id: string;
  title: string;
  description: Note[];
  entries: DraftEntry[];
}

class Converter {
  readonly warnings: string[] = [];
  private readonly targets = new Map<string, Target>();
  private readonly vettedIds = new Map<string, string>();
  private readonly usedIds = new Set<string>();
  private readonly questionIds = new Map<Item, string>();
  /** Choice groups with a single choice become yes/no questions. */
  private readonly singleChoice = new Set<Item>();
  private readonly ownConds = new Map<Item, Expr>();
  private readonly finalConds = new Map<Item, Expr>();
  private readonly inProgress: Item[] = [];
  private readonly condPaths: { path: string; extension: number | undefined }[] = [];

  constructor(private readonly options: VsaqImportOptions) {}

  warn(item: { path: string; extension: number | undefined } | null, message: string): void {
    const where = item ? `${item.extension === undefined ? '' : `extension ${item.extension + 1} `}${item.path}: ` : '';
    this.warnings.push(`${where}${message}`);
  }

  fit(text: string, max: number, item: Item | null, what: string): string {
    if (text.length <= max) return text;
    const cut = text.slice(0, max - 1);
    const space = cut.search(/\s\S*$/);
    this.warn(item, `${what} is longer than ${max} characters and was shortened`);
    return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }

  plain(item: Item, key: string): string {
    const value = own(item.raw, key);
    return typeof value === 'string' ? htmlToText(value) : '';
  }

  convert(baseText: string): Template {
    if (!ID_PATTERN.test(this.options.id)) {
      throw new TemplateImportError('$', `the template id "${this.options.id.slice(0, 60)}" may contain only letters, digits, "_", "-" and "." (1 to 120 characters)`);
    }
    const doc = parseVsaqJson(baseText);
    if (!isJsonObject(doc)) throw new TemplateImportError('$', `expected a VSAQ template object ({"questionnaire": […]}), found ${describeJson(doc)}`);
    if (own(doc, 'questionnaire') === undefined) {
      throw new TemplateImportError('$.questionnaire', own(doc, 'extensions') !== undefined ? 'this is a VSAQ extension, not a template: import it with its base template' : 'a VSAQ template needs "questionnaire"');
    }
    const top = readItems(own(doc, 'questionnaire'), '$.questionnaire', null, undefined);
    (this.options.extensions ?? []).forEach((text, index) => applyExtension(top, own(doc, 'version'), text, index));

    this.registerIds(top);

    // The wrapper: one top-level block.
    const root = top.length === 1 && top[0]!.type === 'block' ? top[0]! : null;
    const rootText = root ? this.plain(root, 'text') : '';
    const name = this.fit(this.options.name?.trim() || rootText.split('\n')[0]!.trim() || this.options.id, LIMITS.templateName, null, 'The template name');

    const plans: SectionPlan[] = [];
    const leftover: string[] = [];
    if (root && !isContainer(root)) plans.push({ block: root, home: null, items: root.children, intro: [] });
    else this.planLevel(root ? root.children : top, root, plans, leftover);

    const drafts = this.draftSections(plans, name);
    const description = this.fit([rootText, ...leftover].filter(Boolean).join('\n\n'), LIMITS.templateDescription, root, 'The template description');

    const sections = this.buildSections(drafts);
    if (sections.length === 0) throw new TemplateImportError('$.questionnaire', 'the questionnaire has no questions to import');

    const versionValue = own(doc, 'version');
    let version = 1;
    if (typeof versionValue === 'number' && Number.isInteger(versionValue) && versionValue >= 1 && versionValue <= 1_000_000) version = versionValue;
    else if (versionValue !== undefined) this.warn(null, `$.version: ${JSON.stringify(versionValue).slice(0, 40)} is not a version number; imported as version 1`);

    const input: TemplateInput = { id: this.options.id, version, name, description, sections };
    const parsed = Template.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new TemplateImportError(toJsonPath(issue.path), `the converted template is not valid: ${issue.message}`);
    }
    const problems = checkTemplate(parsed.data);
    if (problems.length > 0) {
      throw new TemplateImportError(toJsonPath(problems[0]!.path), `the converted template is not sound: ${problems[0]!.message}`);
    }
    return parsed.data;
  }

  // --- ids -------------------------------------------------------------------------------------

  private registerIds(top: Item[]): void {
    const first = new Map<string, string>();
    const claim = (rawId: string, path: string, item: Item, target: Target) => {
      const earlier = first.get(rawId);
      if (earlier !== undefined) fail(item, path, `the id "${rawId.slice(0, 80)}" is used more than once (first at ${earlier})`);
      first.set(rawId, `${item.extension === undefined ? '' : `extension ${item.extension + 1} `}${path}`);
      this.targets.set(rawId, target);
      this.vettedIds.set(rawId, this.unique(sanitizeId(rawId)));
    };
    walk(top, (item) => {
      if (item.rawId !== undefined) claim(item.rawId, jsonPath(item.path, 'id'), item, { item });
      for (const choice of item.choices) claim(choice.rawId, choice.path, item, { item, choice });
    });
  }

  private unique(base: string): string {
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base.slice(0, 110)}-${n}`;
    this.usedIds.add(id);
    return id;
  }

  private idFor(item: Item, generated: string): string {
    return item.rawId !== undefined ? this.vettedIds.get(item.rawId)! : this.unique(generated);
  }

  // --- layout ----------------------------------------------------------------------------------

  private planLevel(items: Item[], home: Item | null, plans: SectionPlan[], intro: string[]): void {
    let loose: Item[] = [];
    const flush = () => {
      if (loose.length > 0) plans.push({ block: null, home, items: loose, intro: intro.splice(0) });
      loose = [];
    };
    for (const item of items) {
      if (item.type === 'block' && isContainer(item)) {
        flush();
        this.planLevel(item.children, item, plans, intro);
      } else if (item.type === 'block') {
        flush();
        plans.push({ block: item, home: null, items: item.children, intro: intro.splice(0) });
      } else if (item.type === 'info' && loose.length === 0) {
        const text = this.plain(item, 'text');
        if (text) intro.push(text);
      } else if (item.type !== 'spacer') {
        loose.push(item);
      }
    }
    flush();
  }

  private draftSections(plans: SectionPlan[], templateName: string): DraftSection[] {
    return plans.map((plan, index) => {
      const block = plan.block;
      const titleSource = block ? this.plain(block, 'text') : plan.home ? this.plain(plan.home, 'text') : '';
      // A block without an id gets one from its title, so that inserting a section elsewhere
      // (an extension) does not renumber it.
      const generated = slug(titleSource) || `section-${index + 1}`;
      const id = block ? this.idFor(block, generated) : this.unique(generated);
      const title = this.fit(titleSource.split('\n')[0]!.trim() || (block ? `Section ${index + 1}` : templateName), LIMITS.sectionTitle, block, 'A section title');
      const draft: DraftSection = { plan, id, title, description: [...plan.intro], entries: [] };
      const pending: Note[] = [];
      let questionNumber = 0;
      let flagNumber = 0;
      let lastQuestion: Extract<DraftEntry, { kind: 'question' }> | null = null;
      const visit = (items: Item[]) => {
        for (const item of items) {
          switch (item.type) {
            case 'block': {
              const heading = this.plain(item, 'text');
              if (heading) pending.push(heading);
              visit(item.children);
              break;
            }
            case 'info': {
              const text = this.plain(item, 'text');
              if (text) pending.push(text);
              break;
            }
            case 'spacer':
              break;
            case 'tip': {
              if (isWarning(item)) {
                flagNumber += 1;
                draft.entries.push({ kind: 'flag', item, id: this.idFor(item, `${id}.flag${flagNumber}`) });
              } else if (this.plain(item, 'text')) {
                // Kept with its condition: a tip on the question before it, else the next one.
                if (lastQuestion) lastQuestion.help.push(item);
                else pending.push(item);
              }
              break;
            }
            default: {
              questionNumber += 1;
              const qid = this.idFor(item, `${id}.q${questionNumber}`);
              this.questionIds.set(item, qid);
              if (item.choices.length === 1) this.singleChoice.add(item);
              lastQuestion = { kind: 'question', item, id: qid, help: pending.splice(0) };
              draft.entries.push(lastQuestion);
            }
          }
        }
      };
      visit(plan.items);
      draft.description.push(...pending);
      return draft;
    });
  }

  private buildSections(drafts: DraftSection[]): TemplateInput['sections'] {
    const sections: TemplateInput['sections'] = [];
    let orphanFlags: RiskFlag[] = [];
    for (const draft of drafts) {
      const questions: QuestionInput[] = [];
      const flags: RiskFlag[] = [];
      const extraDescription: string[] = [];
      for (const entry of draft.entries) {
        if (entry.kind === 'question') {
          const question = this.buildQuestion(entry);
          if (question) questions.push(question);
        } else {
          const flag = this.buildFlag(entry, extraDescription);
          if (flag) flags.push(flag);
        }
      }
      const block = draft.plan.block;
      if (questions.length === 0) {
        this.warn(block ?? draft.plan.items[0] ?? null, `the section "${draft.title}" has no questions that can be shown, so it was left out`);
        const previous = sections[sections.length - 1];
        if (previous) previous.flags = [...(previous.flags ?? []), ...flags];
        else orphanFlags.push(...flags);
        continue;
      }
      const allFlags = [...orphanFlags, ...flags];
      orphanFlags = [];
      const intro = this.resolveNotes(draft.description, null).help;
      const description = this.fit([...intro, ...extraDescription].join('\n\n'), LIMITS.sectionDescription, block, `The description of section "${draft.title}"`);
      sections.push({
        id: draft.id,
        title: draft.title,
        description,
        weight: 1,
        questions,
        ...(allFlags.length > 0 ? { flags: allFlags } : {}),
      });
    }
    if (orphanFlags.length > 0 && sections.length > 0) {
      const last = sections[sections.length - 1]!;
      last.flags = [...(last.flags ?? []), ...orphanFlags];
    }
    return sections;
  }

  private buildQuestion(entry: Extract<DraftEntry, { kind: 'question' }>): QuestionInput | null {
    const { item } = entry;
    const condition = this.finalCond(item);
    if (condition.t === 'const' && !condition.v) {
      this.warn(item, `the question "${entry.id}" can never be shown (its condition is always false), so it was left out`);
      return null;
    }
    const { help, tips } = this.resolveNotes(entry.help, entry.id);
    let text = this.plain(item, 'text');
    if (text.length > LIMITS.questionText) {
      help.unshift(text);
      text = this.fit(text, LIMITS.questionText, item, `The text of question "${entry.id}"`);
    }
    let kind: QuestionKind;
    let options: ChoiceOption[] | undefined;
    const yesNo = (yes: string, no: string): ChoiceOption[] => [
      { id: 'yes', label: yes, score: 1 },
      { id: 'no', label: no, score: 1 },
    ];
    switch (item.type) {
      case 'line':
        kind = 'text';
        break;
      case 'box':
        kind = 'longtext';
        break;
      case 'upload':
        kind = 'longtext';
        help.push(UPLOAD_NOTE);
        this.warn(item, `file uploads are not supported: "${entry.id}" is a long text question asking to describe the evidence`);
        break;
      case 'check':
        kind = 'yesno';
        options = yesNo('Yes', 'No');
        break;
      case 'yesno':
        kind = 'yesno';
        options = yesNo(
          this.fit(this.plain(item, 'yes') || 'Yes', LIMITS.optionLabel, item, 'The "yes" label'),
          this.fit(this.plain(item, 'no') || 'No', LIMITS.optionLabel, item, 'The "no" label'),
        );
        break;
      default: {
        if (this.singleChoice.has(item)) {
          // One choice: either it is chosen or it is not.
          const only = item.choices[0]!;
          kind = 'yesno';
          options = yesNo('Yes', 'No');
          if (!text) text = htmlToText(only.label);
          else help.unshift(htmlToText(only.label));
          this.warn(item, `"${entry.id}" offers a single choice, so it was imported as a yes/no question`);
        } else {
          kind = item.type === 'checkgroup' ? 'multi' : 'single';
          options = item.choices.map((choice) => ({
            id: this.vettedIds.get(choice.rawId)!,
            label: this.fit(htmlToText(choice.label) || choice.rawId, LIMITS.optionLabel, item, `A label of question "${entry.id}"`),
            score: 1,
          }));
        }
      }
    }
    if (!text) {
      text = help.length > 0 && help[0]!.length <= LIMITS.questionText && !help[0]!.includes('\n') ? help.shift()! : fallbackText(kind, entry.id);
    }
    const required = own(item.raw, 'required') === true;
    // The schema's defaults (not a must-have, no N/A, multi answers summed) fill in the rest.
    const question: QuestionInput = {
      id: entry.id,
      kind,
      text: text.trim() || fallbackText(kind, entry.id),
      help: this.fit(help.join('\n\n'), LIMITS.help, item, `The help of question "${entry.id}"`),
      weight: 0,
      optional: !required && (kind === 'text' || kind === 'longtext'),
      ...(options ? { options } : {}),
      ...(condition.t === 'const' ? {} : { showWhen: toCondition(condition) }),
      ...(tips.length > 0 ? { tips } : {}),
    };
    return question;
  }

  /**
   * Notes in order: texts stay help; a tip whose condition always holds is help too ("Tip: …"),
   * one that never holds is left out (with a warning), any other becomes a tip of the question
   * shown only while its condition (enclosing blocks included) holds. Without a question (a
   * section's description) a conditional tip has nowhere to be shown: left out with a warning.
   */
  private resolveNotes(notes: readonly Note[], questionId: string | null): { help: string[]; tips: NonNullable<Question['tips']> } {
    const help: string[] = [];
    const tips: NonNullable<Question['tips']> = [];
    for (const note of notes) {
      if (typeof note === 'string') {
        help.push(note);
        continue;
      }
      const text = this.plain(note, 'text');
      const condition = this.finalCond(note);
      if (condition.t === 'const') {
        if (condition.v) help.push(`Tip: ${text}`);
        else this.warn(note, `the tip ${label(note)} can never be shown (its condition is always false), so it was left out`);
      } else if (questionId === null) {
        this.warn(note, `the tip ${label(note)} has a condition but no question follows it in its section, so it was left out`);
      } else {
        tips.push({ text: this.fit(text, LIMITS.help, note, `The tip ${label(note)} of question "${questionId}"`), when: toCondition(condition) });
      }
    }
    return { help, tips };
  }

  private buildFlag(entry: Extract<DraftEntry, { kind: 'flag' }>, description: string[]): RiskFlag | null {
    const { item } = entry;
    const text = this.plain(item, 'text');
    const condition = this.finalCond(item);
    if (condition.t === 'const') {
      if (!condition.v) {
        this.warn(item, `the warning "${entry.id}" can never be shown (its condition is always false), so it was left out`);
        return null;
      }
      this.warn(item, `the warning "${entry.id}" has no condition (it would always fire), so it was imported as text`);
      if (text) description.push(`Warning: ${text}`);
      return null;
    }
    const rawSeverity = own(item.raw, 'severity');
    let severity: RiskFlagSeverity = 'medium';
    if ((RISK_FLAG_SEVERITIES as readonly unknown[]).includes(rawSeverity)) severity = rawSeverity as RiskFlagSeverity;
    else this.warn(item, `the warning "${entry.id}" has ${rawSeverity === undefined ? 'no severity' : `the severity ${JSON.stringify(rawSeverity).slice(0, 40)}`}; imported as medium`);
    const givenName = this.plain(item, 'name');
    const name = givenName || firstSentence(text) || `Warning ${entry.id}`;
    const why = text && text !== name ? this.fit(text, LIMITS.flagText, item, `The text of warning "${entry.id}"`) : undefined;
    const todoParts = [this.plain(item, 'todo'), this.plain(item, 'why')].filter(Boolean);
    const todo = todoParts.length > 0 ? this.fit(todoParts.join('\n\n'), LIMITS.flagText, item, `The to-do of warning "${entry.id}"`) : undefined;
    return {
      id: entry.id,
      name: this.fit(name, LIMITS.flagName, item, `The name of warning "${entry.id}"`),
      when: toCondition(condition),
      severity,
      ...(why ? { why } : {}),
      ...(todo ? { todo } : {}),
    };
  }

  // --- conditions ------------------------------------------------------------------------------

  /** The item's own `cond`, resolved (true when it has none). */
  private ownCond(item: Item): Expr {
    const memo = this.ownConds.get(item);
    if (memo) return memo;
    const raw = own(item.raw, 'cond');
    const path = jsonPath(item.path, 'cond');
    let result = TRUE;
    if (typeof raw === 'string') {
      let ast: CondAst | null;
      try {
        ast = parseCond(raw);
      } catch (error) {
        if (error instanceof CondSyntaxError) fail(item, path, `${error.message} at character ${error.position + 1} of ${quoteCond(raw)}`);
        throw error;
      }
      if (ast) {
        this.condPaths.push({ path, extension: item.extension });
        try {
          result = this.resolve(ast, raw, item, path);
        } finally {
          this.condPaths.pop();
        }
      }
    }
    this.ownConds.set(item, result);
    return result;
  }

  /** Shown when: every enclosing block's condition and the item's own. */
  private finalCond(item: Item): Expr {
    const memo = this.finalConds.get(item);
    if (memo) return memo;
    const loop = this.inProgress.indexOf(item);
    if (loop >= 0) {
      const cycle = [...this.inProgress.slice(loop), item].map(label);
      const at = this.condPaths[this.condPaths.length - 1] ?? { path: jsonPath(item.path, 'cond'), extension: item.extension };
      throw new TemplateImportError(at.path, `the conditions go round in a circle (${cycle.join(' → ')}), so none of them could ever be shown`, at.extension);
    }
    this.inProgress.push(item);
    try {
      const parts: Expr[] = [];
      for (let block = item.parent; block; block = block.parent) parts.unshift(this.ownCond(block));
      parts.push(this.ownCond(item));
      const result = simplify({ t: 'all', xs: parts });
      this.finalConds.set(item, result);
      return result;
    } finally {
      this.inProgress.pop();
    }
  }

  private resolve(ast: CondAst, source: string, owner: Item, path: string): Expr {
    if (ast.type === 'not') return { t: 'not', x: this.resolve(ast.operand, source, owner, path) };
    if (ast.type !== 'ref') {
      return { t: ast.type === 'and' ? 'all' : 'any', xs: ast.operands.map((a) => this.resolve(a, source, owner, path)) };
    }
    const at = ` (at character ${ast.position + 1} of ${quoteCond(source)})`;
    let name = ast.name;
    if (name === 'false') return FALSE;
    if (name === 'true') return TRUE;
    const visibility = name.startsWith('^');
    if (visibility) name = name.slice(1);
    const suffix = /\/(yes|no|value)$/.exec(name)?.[1];
    if (suffix) name = name.slice(0, -suffix.length - 1);
    const target = this.targets.get(name);
    if (!target) fail(owner, path, `unknown id "${name.slice(0, 80)}"${at}`);
    const { item, choice } = target;
    if (visibility) return this.finalCond(item);
    if (!QUESTION_TYPES.includes(item.type)) {
      fail(owner, path, `"${name.slice(0, 80)}" is a ${item.type}, which has no answer a condition can read (write ^${name.slice(0, 80)} for "is shown")${at}`);
    }
    // A question that can never be shown has no answer: VSAQ reads it as false.
    const shown = this.finalCond(item);
    if (shown.t === 'const' && !shown.v) return FALSE;
    const q = this.questionIds.get(item);
    if (q === undefined) fail(owner, path, `"${name.slice(0, 80)}" is not part of any section${at}`);
    const negate = (x: Expr): Expr => (suffix === 'no' ? { t: 'not', x } : x);
    if (choice) {
      if (this.singleChoice.has(item)) return negate({ t: 'leaf', c: { q, is: ['yes'] } });
      return negate({ t: 'leaf', c: { q, is: [this.vettedIds.get(choice.rawId)!] } });
    }
    if ((item.type === 'check' || item.type === 'yesno') && suffix !== 'value') {
      return { t: 'leaf', c: { q, is: [suffix === 'no' ? 'no' : 'yes'] } };
    }
    return negate({ t: 'leaf', c: { q, answered: true } });
  }
}

function isContainer(block: Item): boolean {
  return block.children.some((c) => c.type === 'block') && block.children.every((c) => c.type === 'block' || c.type === 'info' || c.type === 'spacer');
}

function isWarning(item: Item): boolean {
  const warn = own(item.raw, 'warn');
  return warn === 'yes' || warn === true;
}

function label(item: Item): string {
  return item.rawId !== undefined ? `"${item.rawId.slice(0, 60)}"` : item.path;
}

function quoteCond(source: string): string {
  return JSON.stringify(source.length > 120 ? `${source.slice(0, 117)}…` : source);
}

function sanitizeId(raw: string): string {
  const cleaned = raw.replace(/:/g, '.').replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 110);
  return cleaned === '' ? 'item' : cleaned;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

function firstSentence(text: string): string {
  const line = text.split('\n')[0]!.trim();
  const sentence = /^.+?[.!?](?=\s|$)/.exec(line)?.[0] ?? line;
  return sentence.trim();
}

function fallbackText(kind: QuestionKind, id: string): string {
  if (kind === 'multi') return 'Which of these apply?';
  if (kind === 'single') return 'Which of these applies?';
  return id;
}

/** Folds constants, flattens nested all/any, removes double negation. */
function simplify(e: Expr): Expr {
  if (e.t === 'const' || e.t === 'leaf') return e;
  if (e.t === 'not') {
    const x = simplify(e.x);
    if (x.t === 'const') return { t: 'const', v: !x.v };
    if (x.t === 'not') return x.x;
    return { t: 'not', x };
  }
  const absorbing = e.t === 'any'; // any: true absorbs; all: false absorbs
  const xs: Expr[] = [];
  for (const part of e.xs.map(simplify)) {
    if (part.t === 'const') {
      if (part.v === absorbing) return part;
      continue;
    }
    for (const x of part.t === e.t ? part.xs : [part]) {
      // any(q is a, q is b) → q is [a, b]
      const at = e.t === 'any' && x.t === 'leaf' && 'is' in x.c ? xs.findIndex((y) => y.t === 'leaf' && 'is' in y.c && y.c.q === x.c.q) : -1;
      const merge = xs[at];
      if (merge && merge.t === 'leaf' && 'is' in merge.c && x.t === 'leaf' && 'is' in x.c) {
        // A new leaf: the old one may be shared with other items' conditions.
        xs[at] = { t: 'leaf', c: { q: merge.c.q, is: [...new Set([...merge.c.is, ...x.c.is])] } };
      } else if (!xs.some((y) => sameExpr(y, x))) {
        xs.push(x);
      }
    }
  }
  if (xs.length === 0) return { t: 'const', v: !absorbing };
  if (xs.length === 1) return xs[0]!;
  return { t: e.t, xs };
}

function sameExpr(a: Expr, b: Expr): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function toCondition(e: Expr): Condition {
  switch (e.t) {
    case 'leaf':
      return e.c;
    case 'not':
      return { not: toCondition(e.x) };
    case 'all':
      return { all: e.xs.map(toCondition) };
    case 'any':
      return { any: e.xs.map(toCondition) };
    default:
      throw new Error('constants are folded before conversion');
  }
}

/**
 * Converts a VSAQ template (and its extensions) into a Vetted template that passes
 * `Template.parse` and `checkTemplate`. Throws TemplateImportError, and nothing else, when the
 * text cannot be imported.
 */
export function importVsaq(baseText: string, options: VsaqImportOptions): VsaqImportResult {
  const converter = new Converter(options);
  try {
    const template = converter.convert(baseText);
    return { template, warnings: converter.warnings };
  } catch (error) {
    if (error instanceof TemplateImportError) throw error;
    // A bug or an input deeper than the stack: still one kind of error for the caller.
    throw new TemplateImportError('$', `the template could not be converted: ${(error as Error)?.message ?? String(error)}`);
  }
}
