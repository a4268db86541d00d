// The deadline a browser-mode request carries (#17, item 1). The renderer stops waiting for an
// answer after its own limit; a request the server runs after that moment could still commit, and
// the user, told it failed, would save it again. So the renderer says when it stops listening, and
// the server neither starts such a request nor keeps waiting for the register's lock past it.
// Both ends run on one machine, so one clock: the deadline is a plain epoch-milliseconds time.

/** Epoch milliseconds after which the sender no longer waits for the answer. */
export const DEADLINE_HEADER = 'X-Vetted-Deadline';

/** The header's value as a time, or null when it is not a whole, positive number of milliseconds. */
export function parseDeadline(value: string): number | null {
  if (!/^\d{1,16}$/.test(value.trim())) return null;
  const ms = Number(value.trim());
  return Number.isSafeInteger(ms) && ms > 0 ? ms : null;
}
