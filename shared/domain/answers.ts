// Answer values per question kind: checking them, reading them from text, naming them.
import { isIsoDate } from './dates';
import type { AnswerValue } from './review';
import type { ChoiceOption, Question } from './template';

/** What checking and naming an answer reads of a question: the app's Question and the provider page's SentQuestion alike. */
export interface AnswerShape {
  kind: Question['kind'];
  unit?: string;
  options?: readonly Pick<ChoiceOption, 'id' | 'label' | 'exclusive'>[];
}


/**
 * One meaning for "no answer" wherever a value comes from (app, CLI, import): whitespace-only
 * text is stored as null, so completion and scores agree everywhere. An empty selection is an
 * answer ("none of these", scoring model 2), not a missing one: it is kept as [].
 */
export function normalizeAnswerValue(value: AnswerValue): AnswerValue {
  if (typeof value === 'string' && value.trim() === '') return null;
  return value;
}

function hasOption(question: AnswerShape, id: string): boolean {
  // A plain loop: this runs for every answer of every review the register scores.
  for (const o of question.options ?? []) if (o.id === id) return true;
  return false;
}

const optionList = (question: AnswerShape) => (question.options ?? []).map((o) => o.id).join(', ');

/** Null when the value fits the question; otherwise what was expected, in words. */
export function checkAnswerValue(question: AnswerShape, value: AnswerValue): string | null {
  if (value === null) return null;
  switch (question.kind) {
    case 'yesno':
    case 'single':
      return typeof value === 'string' && hasOption(question, value) ? null : `expected one of: ${optionList(question)}`;
    case 'multi':
      if (!Array.isArray(value)) return `expected a list of: ${optionList(question)}`;
      if (new Set(value).size !== value.length) return 'lists an option twice';
      for (const v of value) if (!hasOption(question, v)) return `"${v}" is not one of: ${optionList(question)}`;
      if (value.length > 1) {
        const alone = question.options?.find((o) => o.exclusive === true && value.includes(o.id));
        if (alone) return `"${alone.label}" is chosen alone, not with other options`;
      }
      return null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'expected a number';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : 'expected a date as YYYY-MM-DD';
    case 'text':
      return typeof value === 'string' && value.length <= 1000 ? null : 'expected a short text (up to 1000 characters)';
    case 'longtext':
      return typeof value === 'string' ? null : 'expected a text';
  }
}

/**
 * Reads an answer typed on a command line: option ids (or labels) for choices, comma-separated
 * for multi, numbers, dates, text. Throws an Error whose message says what was expected.
 */
export function parseAnswerText(question: AnswerShape, text: string): AnswerValue {
  const trimmed = text.trim();
  const findOption = (t: string) =>
    question.options?.find((o) => o.id === t || o.label.toLowerCase() === t.toLowerCase())?.id ?? t;
  let value: AnswerValue;
  switch (question.kind) {
    case 'yesno':
    case 'single':
      value = findOption(trimmed);
      break;
    case 'multi':
      value = trimmed === '' ? [] : trimmed.split(',').map((t) => findOption(t.trim()));
      break;
    case 'number':
      value = trimmed === '' || !/^-?\d+(\.\d+)?$/.test(trimmed) ? NaN : Number(trimmed);
      break;
    default:
      value = question.kind === 'date' ? trimmed : text;
  }
  const problem = checkAnswerValue(question, typeof value === 'number' && Number.isNaN(value) ? 'NaN' : value);
  if (problem) throw new Error(problem);
  return value;
}

/**
 * A number with its unit as a person writes it: "1 day", not "1 days" (a one-word plural unit is
 * singular for exactly one); "99.5 %", "3 per month" as they are.
 */
export function quantity(value: number, unit: string | undefined): string {
  if (!unit) return String(value);
  const singular = Math.abs(value) === 1 && /^[a-z]+s$/i.test(unit) ? unit.slice(0, -1) : unit;
  return `${value} ${singular}`;
}

/** The answer as a person reads it: option labels, numbers with their unit. */
export function answerLabel(question: AnswerShape, value: AnswerValue, na = false): string {
  if (na) return 'Not applicable';
  if (value === null || (Array.isArray(value) && value.length === 0 && question.kind !== 'multi')) return 'Not answered';
  const label = (id: string) => question.options?.find((o) => o.id === id)?.label ?? id;
  if (Array.isArray(value)) return value.length === 0 ? 'None selected' : value.map(label).join('; ');
  if (typeof value === 'number') return quantity(value, question.unit);
  if (question.kind === 'yesno' || question.kind === 'single') return label(value);
  return value;
}
