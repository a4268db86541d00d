// The one door into the services: validates input against the contract, runs the handler,
// and turns every outcome into a Result. No exception and no stack trace leaves here.
import { contract, isOperationName, type OperationName, type OutputOf, type ParsedInputOf } from '../../shared/api';
import { fail, ok, VettedError, type Result } from '../../shared/result';
import { describeIssues, summarizeProblems } from '../../shared/validation';
import { busyError, isBusyError } from './db/busy';

export type Handlers = {
  [K in OperationName]: (input: ParsedInputOf<K>) => OutputOf<K> | Promise<OutputOf<K>>;
};

export type Dispatch = (operation: unknown, input: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** Where unexpected errors are written in full (the caller only gets a short message). */
  logError?: (operation: string, error: unknown) => void;
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  const logError = options.logError ?? ((op, error) => console.error(`[vetted] ${op} failed:`, error));
  return async (operation, input) => {
    if (!isOperationName(operation)) {
      return fail('unknown_operation', `Unknown operation ${nameForMessage(operation)}.`);
    }
    const parsed = contract[operation].input.safeParse(input);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error.issues);
      return fail('validation', summarizeProblems(problems), problems);
    }
    try {
      const handler = handlers[operation] as (i: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      return toFailure(operation, error, logError);
    }
  };
}

/** The name as given, for the message: only a string is quoted (String() of some objects throws). */
function nameForMessage(operation: unknown): string {
  return typeof operation === 'string' ? JSON.stringify(operation).slice(0, 80) : `of type ${operation === null ? 'null' : typeof operation}`;
}

function toFailure(operation: string, error: unknown, logError: (op: string, e: unknown) => void): Result<never> {
  if (error instanceof VettedError) {
    const failure = fail(error.code, error.message, error.details);
    if (error.version !== undefined && !failure.ok) failure.error.version = error.version;
    return failure;
  }
  const code = (error as { code?: unknown })?.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return fail('conflict', 'That would duplicate something already in the register.');
  }
  // Another process holding the lock is never a bug (so not 'internal') nor a clash with stored data
  // (so not 'conflict', which makes the app read the review again): the caller may simply try again.
  if (isBusyError(error)) {
    const busy = busyError();
    return fail(busy.code, busy.message);
  }
  logError(operation, error);
  return fail('internal', `Something went wrong in ${operation}. The details were written to the log.`);
}
