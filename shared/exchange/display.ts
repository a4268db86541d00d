// How a value from a received file is shown in a rejection: one line, short enough for a table.
import type { AnswerValue } from '../domain/review';

/** Display text for a rejection is at most this long. */
export const MAX_SHOWN_CHARS = 120;

/** The text cut to `max` characters (an ellipsis marks the cut); line breaks become spaces. */
export function shortText(text: string, max = MAX_SHOWN_CHARS): string {
  // Cut first: the text may be 20,000 characters of anything.
  const line = text.slice(0, max + 1).replace(/[\r\n\t]+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** An answer as the file gave it, for display: text as is, lists joined, N/A said. */
export function shownValue(value: AnswerValue, na = false): string {
  const text = value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);
  if (na) return shortText(text === '' ? 'N/A' : `N/A (${text})`);
  return shortText(text);
}
