// A dry run does all the work of a write inside its transaction and then rolls it back, so what
// it reports is exactly what the real run would do.
import type { Transaction } from 'better-sqlite3';

/** Thrown inside the transaction to roll a dry run back; never leaves `writeOrRehearse`. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

/**
 * Runs `work` in an IMMEDIATE transaction; with `dryRun` the result is returned and every write
 * undone. `wrap` is the connection's `transaction` (db.transaction).
 */
export function writeOrRehearse<T>(wrap: <F extends (...args: never[]) => unknown>(fn: F) => Transaction<F>, dryRun: boolean, work: () => T): T {
  try {
    return wrap(() => {
      const result = work();
      if (dryRun) throw new DryRunRollback(result);
      return result;
    }).immediate();
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    throw error;
  }
}
