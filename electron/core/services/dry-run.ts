// A dry run does all the work of a write inside its transaction and then rolls it back, so what
// it reports is exactly what the real run would do.
import type { Context } from '../context';

/** Thrown inside the transaction to roll a dry run back; never leaves `writeOrRehearse`. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run');
  }
}

/**
 * Runs `work` in an IMMEDIATE transaction; with `dryRun` the result is returned and every write
 * undone.
 */
export async function writeOrRehearse<T>(ctx: Context, dryRun: boolean, work: (ctx: Context) => Promise<T>): Promise<T> {
  try {
    return await ctx.write(async (ctx) => {
      const result = await work(ctx);
      if (dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.result as T;
    throw error;
  }
}
