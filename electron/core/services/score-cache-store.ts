// The scores a listing computed, written to the register file (migration 012) for the next process
// that opens it: the app's next start, each CLI command. Best effort and never in the listing's way:
// one short IMMEDIATE transaction after the listing's read, only if something was computed, and
// only if the write lock is free at that moment. Busy (another Vetted is writing) or read-only, the
// scores stay in memory and the next listing that computes or finds the lock free writes them.
import type { Context } from '../context';
import { writeTransactionIfFree } from '../db/transactions';
import { ListedScoreRepository } from '../repositories/listed-scores';

// Its statements prepared once per connection (a listing that writes is rare, its statements are not).
const repositories = new WeakMap<Context['db'], ListedScoreRepository>();

function repositoryOf(ctx: Context): ListedScoreRepository {
  let repository = repositories.get(ctx.db);
  if (!repository) {
    repository = new ListedScoreRepository(ctx.db);
    repositories.set(ctx.db, repository);
  }
  return repository;
}

/**
 * Writes the scores computed since the last write, and prunes the rows of reviews that are no
 * longer anyone's newest, in one transaction. Returns whether it wrote (false: nothing to write,
 * or the register was busy or read-only; nothing is lost but time).
 */
export function storeListedScores(ctx: Context): boolean {
  // A team register keeps its scores in each process's memory only: listed_scores is the file's.
  if (ctx.sql.dialect !== 'sqlite') return false;
  const pending = new Map(ctx.scoreCache.toStore());
  if (pending.size === 0) return false;
  const repository = repositoryOf(ctx);
  const written = writeTransactionIfFree(ctx.db, () => {
    repository.store([...pending].map(([reviewId, { key, score }]) => ({ reviewId, key, score })));
    repository.pruneSuperseded();
  });
  if (written) ctx.scoreCache.stored(pending);
  return written;
}
