// A busy register ends a CLI command with its own exit code (75), whatever the command does with
// other failures: a script can tell "run it again" from "the input is wrong" (2).
import { busyError, isBusyError } from '../core/db/busy';
import type { Dispatch } from '../core/dispatcher';
import { setWriteWait } from '../core/db/transactions';
import type { OperationName } from '../../shared/api';
import { VettedError, type Result } from '../../shared/result';
import { busyExit, inputError, type CliError } from './cli-error';

/** The dispatcher, with a 'busy' answer turned into the busy exit before any command sees it. */
export function busyEndsCommand(dispatch: Dispatch): (operation: OperationName, input: unknown) => Promise<Result<unknown>> {
  return async (operation, input) => {
    const result = await dispatch(operation, input);
    if (!result.ok && result.error.code === 'busy') throw busyExit(result.error.message);
    return result;
  };
}

/**
 * The busy exit for a busy error thrown past the API (by SQLite itself while opening the register,
 * or typed by writeTransaction in a command that works on the register directly, like backup).
 */
export function busyExitFor(error: unknown): CliError | undefined {
  if (error instanceof VettedError) return error.code === 'busy' ? busyExit(error.message) : undefined;
  return isBusyError(error) ? busyExit(busyError().message) : undefined;
}

/**
 * $VETTED_BUSY_WAIT_MS: how long a write keeps asking for a lock another Vetted holds (after the
 * 5 s SQLite itself waits) before the command gives up with exit 75; 0 gives up after those 5 s.
 */
export function writeWaitFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env.VETTED_BUSY_WAIT_MS;
  if (text === undefined || text === '') return undefined;
  if (!/^\d{1,7}$/.test(text)) throw inputError(`VETTED_BUSY_WAIT_MS: expected a whole number of milliseconds, got "${text}"`);
  return Number(text);
}

/** Applies $VETTED_BUSY_WAIT_MS to this process's writes, the first one opening the register included. */
export function applyWriteWaitFromEnv(): void {
  const ms = writeWaitFromEnv();
  if (ms !== undefined) setWriteWait(ms);
}
