// What "busy" means for the register: another connection (the app, a CLI command, a second window)
// holds the lock this one needs. SQLite says so with several extended codes; all of them are the
// same thing to a user — wait, then try again — and none of them is a bug.
import { VettedError } from '../../../shared/result';

/**
 * SQLITE_BUSY and its extended codes (_SNAPSHOT: a read transaction that tried to write after
 * another connection wrote; _RECOVERY: another connection is rebuilding the WAL index; _TIMEOUT),
 * and SQLITE_LOCKED (a conflict inside one connection or a shared cache).
 */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED' || code.startsWith('SQLITE_LOCKED_'));
}

/** The one message a busy register gives, in the app and in the CLI: what happened, what to do. */
export function busyError(waitedMs?: number): VettedError {
  const waited = waitedMs === undefined || waitedMs < 1000 ? '' : ` (waited ${Math.round(waitedMs / 1000)} s)`;
  return new VettedError('busy', `Another Vetted is writing the register${waited}; this change was not saved. Try again.`);
}
