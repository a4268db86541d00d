// VSAQ's answers (its "Save": a flat map of item id → value) onto a VSAQ-imported template.
//
// What VSAQ writes, item by item: a check item "checked" or ""; a yesno item "yes", "no" or "";
// a radiogroup or checkgroup has no value of its own, each of its choices is an item ("checked" or
// ""); line, box and upload items their text. Only items the provider touched are in the map, and
// "" is what an item reads after it was touched and cleared.
//
// How the import named things (shared/templates/vsaq/convert.ts): a question keeps its item's id
// and an option its choice's id, both through sanitizeId; a check or yesno item became a yesno
// question (options "yes"/"no"); a radiogroup a 'single' and a checkgroup a 'multi' question (one
// option per choice), except a radiogroup with one choice, which became a yesno question; line →
// text, box and upload → longtext.
import { checkAnswerValue, parseAnswerText } from '../domain/answers';
import type { AnswerValue } from '../domain/review';
import { questionIndex, type Question, type Template } from '../domain/template';
import type { ProviderAnswer, ReceiveRejection } from '../domain/vendor-exchange';
import { shortText } from './display';

/** What VSAQ writes for a chosen radio, check or checkbox choice. */
const CHECKED = 'checked';
/** The longest text an answer holds (AnswerValue). */
const MAX_TEXT_CHARS = 20000;

/**
 * The id the VSAQ import gave an item or choice. Must stay the same as sanitizeId in
 * shared/templates/vsaq/convert.ts (test/unit/exchange-vsaq-answers.test.ts imports templates
 * with odd ids to keep the two in step). The import adds "-2", "-3"… when two raw ids sanitize to
 * the same one; the template does not keep the raw ids, so such a renamed item cannot be found
 * again here, and its answer is listed as not a question of the template.
 */
export function vsaqItemId(raw: string): string {
  const cleaned = raw.replace(/:/g, '.').replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 110);
  return cleaned === '' ? 'item' : cleaned;
}

export interface VsaqMapping {
  /** Template order; no comments (VSAQ's answers have none), never N/A. */
  answers: ProviderAnswer[];
  /** Keys left out, and why; `questionId` is the key as the file gave it. */
  rejected: ReceiveRejection[];
  /**
   * How many keys named a question or a choice of the template (whatever their value). 0 means
   * the file is not for this template at all: every key is then in `rejected` as "not a question
   * of template …", `answers` is empty, and the caller refuses the file rather than list it.
   */
  matched: number;
}

interface Checked {
  /** The option ids checked, in the order of the file, with the keys that checked them. */
  options: { optionId: string; key: string }[];
}

export function vsaqToProviderAnswers(items: Readonly<Record<string, string>>, template: Template): VsaqMapping {
  const index = questionIndex(template);
  const optionOwner = new Map<string, Question>();
  for (const { question } of index.values()) {
    if (question.kind !== 'single' && question.kind !== 'multi') continue;
    for (const option of question.options ?? []) if (!optionOwner.has(option.id)) optionOwner.set(option.id, question);
  }
  const rejected: ReceiveRejection[] = [];
  const reject = (key: string, given: string, reason: string) => rejected.push({ questionId: shortText(key), given: shortText(given), reason });
  const values = new Map<string, { value: AnswerValue; key: string }>();
  const checked = new Map<string, Checked>();
  let matched = 0;

  for (const [key, given] of Object.entries(items)) {
    const id = key.trim() === '' ? null : vsaqItemId(key);
    const question = id === null ? undefined : index.get(id)?.question;
    const owner = id === null || question ? undefined : optionOwner.get(id);
    if (!question && !owner) {
      reject(key, given, `not a question of template ${template.id} v${template.version}`);
      continue;
    }
    matched += 1;
    if (owner) {
      // A choice of a radiogroup or checkgroup: "" is a choice left unchecked (or unchecked again),
      // which says nothing about the others, so it is not an answer (not even "none of these").
      if (given === CHECKED) {
        const entry = checked.get(owner.id) ?? { options: [] };
        entry.options.push({ optionId: id!, key });
        checked.set(owner.id, entry);
      } else if (given !== '') {
        reject(key, given, `a choice of question ${owner.id}: expected "checked" or "", found ${JSON.stringify(shortText(given, 40))}`);
      }
      continue;
    }
    const outcome = valueFor(question!, given);
    if ('reason' in outcome) {
      reject(key, given, outcome.reason);
      continue;
    }
    if (outcome.value === null) continue;
    const earlier = values.get(question!.id);
    if (earlier) {
      reject(key, given, `answers question ${question!.id} a second time (the file's "${shortText(earlier.key, 60)}" answers it already)`);
      continue;
    }
    values.set(question!.id, { value: outcome.value, key });
  }

  for (const [questionId, { options }] of checked) {
    const question = index.get(questionId)!.question;
    if (values.has(questionId)) {
      reject(options[0]!.key, CHECKED, `answers question ${questionId} a second time`);
      continue;
    }
    if (question.kind === 'single' && options.length > 1) {
      reject(
        questionId,
        options.map((o) => o.key).join(', '),
        `one choice only, but ${options.length} are checked: ${options.map((o) => `"${shortText(o.key, 40)}"`).join(' and ')}`,
      );
      continue;
    }
    const value = question.kind === 'single' ? options[0]!.optionId : options.map((o) => o.optionId);
    values.set(questionId, { value, key: options.map((o) => o.key).join(', ') });
  }

  const answers: ProviderAnswer[] = [];
  for (const section of template.sections) {
    for (const question of section.questions) {
      const found = values.get(question.id);
      if (!found) continue;
      // The last word on fitting is the question's own check (an exclusive option with others…).
      const problem = checkAnswerValue(question, found.value);
      if (problem) {
        reject(found.key, Array.isArray(found.value) ? found.value.join(', ') : String(found.value), problem);
        continue;
      }
      answers.push({ questionId: question.id, value: found.value, na: false, comment: '' });
    }
  }
  return { answers, rejected, matched };
}

/** The answer an item's value gives its question; value null when it gives none. */
function valueFor(question: Question, given: string): { value: AnswerValue } | { reason: string } {
  // "" is what VSAQ writes for an item the provider touched and left (or made) empty. It is not an
  // answer, and for a yes/no item not "no" either: VSAQ writes "no" for no, and a check item's ""
  // (unchecked) cannot be told from a box nobody looked at. Left out: the question stays unanswered.
  if (given.trim() === '') return { value: null };
  switch (question.kind) {
    case 'yesno':
      if (given === 'yes' || given === CHECKED) return { value: 'yes' };
      if (given === 'no') return { value: 'no' };
      return { reason: `expected "yes", "no", "checked" or "", found ${JSON.stringify(shortText(given, 40))}` };
    case 'text':
    case 'longtext':
      if (given.length > (question.kind === 'text' ? 1000 : MAX_TEXT_CHARS)) {
        return { reason: `longer than ${question.kind === 'text' ? 1000 : MAX_TEXT_CHARS} characters (found ${given.length})` };
      }
      return { value: given };
    case 'single':
    case 'multi':
      // VSAQ gives a group no value of its own: its choices carry "checked".
      return { reason: `a choice question: VSAQ's answers check its choices (${(question.options ?? []).map((o) => o.id).join(', ')}), not the question` };
    default:
      // number or date: not a kind the VSAQ import makes, but a template may have them.
      try {
        return { value: parseAnswerText(question, given) };
      } catch (error) {
        return { reason: (error as Error).message };
      }
  }
}
