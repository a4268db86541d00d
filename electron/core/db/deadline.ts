// A write's deadline: the moment after which whoever asked for it no longer waits for the answer
// (a browser-mode request's X-Vetted-Deadline). writeTransaction waits for the lock no longer than
// this, so a write the caller already gave up on as failed cannot commit afterwards and be saved
// twice when the user tries again. Carried with AsyncLocalStorage rather than passed as an argument
// because it belongs to the request, not to any one service: every writeTransaction reached from a
// dispatched call, however deep, sees it, and no service signature changes.
import { AsyncLocalStorage } from 'node:async_hooks';
import { VettedError } from '../../../shared/result';

const deadlines = new AsyncLocalStorage<number>();

/** Runs `work` (and everything it awaits) with writes bounded by `deadlineMs` (epoch ms); none when null. */
export function withWriteDeadline<T>(deadlineMs: number | null, work: () => T): T {
  return deadlineMs === null ? work() : deadlines.run(deadlineMs, work);
}

/** The deadline of the request being served, if it stated one. */
export function writeDeadline(): number | undefined {
  return deadlines.getStore();
}

/** The answer to a request whose deadline came before it could run: nothing was done. */
export function pastDeadlineError(): VettedError {
  return new VettedError('busy', 'Vetted was busy and could not get to this request in time; nothing was saved. Try again.');
}
