// The only two ways the app opens a transaction. In WAL mode a deferred transaction that reads and
// then writes cannot wait for the write lock (SQLite would have to break its snapshot), so it
// fails with SQLITE_BUSY at once and busy_timeout never helps. A write transaction therefore takes
// the write lock first (BEGIN IMMEDIATE), where busy_timeout does wait; a read-only one stays
// deferred so it never blocks a writer. test/unit/transactions-lint.test.ts keeps every
// `.transaction(` call in this file.
import type { Database } from 'better-sqlite3';
import { busyError, isBusyError } from './busy';
import { pastDeadlineError, writeDeadline } from './deadline';
import { heldByAnother, refuseForeignTransaction } from './store/turns';

/**
 * How long a write keeps asking for the lock after busy_timeout (5 s, set in open.ts) ran out,
 * before it gives up as 'busy': with the last attempt's own wait, at most about 30 s in all.
 */
export const WRITE_WAIT_MS = 25_000;
let writeWaitMs = WRITE_WAIT_MS;

/**
 * Bounds the retries of every write in this process (the CLI's $VETTED_BUSY_WAIT_MS; tests): one
 * setting per process, since the CLI opens one register and its first write happens while opening.
 * Returns the bound it replaced.
 */
export function setWriteWait(ms: number): number {
  const before = writeWaitMs;
  writeWaitMs = ms;
  return before;
}

/** The bound set by setWriteWait, for the Store's own transactions (store/sqlite-store.ts). */
export function writeWaitBudget(): number {
  return writeWaitMs;
}

/**
 * Runs `work` in one IMMEDIATE transaction (a savepoint when already inside one).
 *
 * The retry lives here and nowhere else, because only here is "nothing happened yet" certain: a
 * BEGIN IMMEDIATE that failed took no lock and never called `work`, so trying it again is the same
 * as having waited longer. Around a whole operation (the dispatcher) a retry could repeat a file
 * already written or a transaction already committed. Once `work` has started, a busy error is
 * not retried (the transaction was rolled back; it is reported as 'busy'), and neither is a nested
 * call: a savepoint runs inside a lock the outer transaction already holds or decided about.
 * better-sqlite3 is synchronous, so the pauses block this process as busy_timeout's own wait does;
 * they are jittered so two processes that both timed out do not ask again in step.
 *
 * Inside withWriteDeadline (a browser request that said when its sender stops waiting) the whole
 * wait also ends by that deadline, busy_timeout's own included (see boundLockWait): past it the
 * caller has already shown the write as failed, so committing it then would make its Retry a
 * duplicate. No write begins once the deadline has passed.
 */
/**
 * The work of a synchronous transaction: a promise here would be returned (and the transaction
 * committed) before the work it stands for has run, so the type refuses one.
 */
export type NotPromise<T> = T extends PromiseLike<unknown> ? never : T;

export function writeTransaction<T>(db: Database, work: () => NotPromise<T>): T {
  refuseForeignTransaction(db);
  if (db.inTransaction) return db.transaction(work).immediate();
  const deadline = writeDeadline();
  const startedAt = Date.now();
  if (deadline !== undefined && deadline <= startedAt) throw pastDeadlineError();
  const budgetMs = deadline === undefined ? writeWaitMs : Math.min(writeWaitMs, deadline - startedAt);
  for (let attempt = 0; ; attempt++) {
    // The last pause may end just past the deadline: do not begin after it.
    if (attempt > 0 && deadline !== undefined && Date.now() >= deadline) throw busyError(Date.now() - startedAt);
    let started = false;
    const restoreLockWait = deadline === undefined ? () => undefined : boundLockWait(db, deadline - Date.now());
    try {
      return db
        .transaction(() => {
          // The lock is ours: what follows (the work, COMMIT) waits for nothing in WAL mode.
          restoreLockWait();
          started = true;
          return work();
        })
        .immediate();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      const waitedMs = Date.now() - startedAt;
      if (started) throw busyError();
      if (waitedMs >= budgetMs) throw busyError(waitedMs);
      pause(Math.min(backoffMs(attempt), budgetMs - waitedMs));
    } finally {
      restoreLockWait();
    }
  }
}

/**
 * Lowers the connection's busy_timeout (5 s, open.ts) to the time left before the deadline, for one
 * BEGIN IMMEDIATE; returns what puts it back (safe to call twice). busy_timeout is per connection
 * and SQLite's own wait cannot be cut short from outside, so without this a write begun 1 s before
 * its deadline could still wait 5 s for the lock and commit 4 s after its sender gave up. With it,
 * the wait ends at the deadline to within SQLite's polling step, and the sender's margin
 * (renderer/src/api/client.ts) only has to cover the work itself and the answer's way back.
 */
function boundLockWait(db: Database, remainingMs: number): () => void {
  const usual = db.pragma('busy_timeout', { simple: true }) as number;
  const bounded = Math.max(0, Math.min(usual, Math.floor(remainingMs)));
  if (bounded === usual) return () => undefined;
  db.pragma(`busy_timeout = ${bounded}`);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    db.pragma(`busy_timeout = ${usual}`);
  };
}

/** 50 ms doubling up to 1 s, each drawn between half and all of it (jitter). */
export function backoffMs(attempt: number): number {
  const ceiling = Math.min(1000, 50 * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function pause(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * Runs `work`, which must only read, in one deferred transaction: one consistent snapshot. The
 * connection is query-only meanwhile, so a write slipped into a read path fails loudly here
 * (SQLITE_READONLY) instead of failing as "busy" only when another process happens to write.
 */
export function readTransaction<T>(db: Database, work: () => NotPromise<T>): T {
  refuseForeignTransaction(db);
  const wasQueryOnly = db.pragma('query_only', { simple: true }) === 1;
  if (!wasQueryOnly) db.pragma('query_only = ON');
  try {
    return db.transaction(work).deferred();
  } finally {
    if (!wasQueryOnly) db.pragma('query_only = OFF');
  }
}

/**
 * Runs `work` in one IMMEDIATE transaction if the write lock is free right now; otherwise (another
 * connection holds it, or the register is read-only) does nothing and returns false, at once: no
 * busy_timeout wait, no retry. For writes nobody asked for and nobody waits for — the register's
 * score cache (services/score-cache-store.ts) — which must never delay or fail the operation that
 * made them. Inside a transaction `work` runs as a savepoint (in a read transaction it is refused
 * as read-only, and so skipped).
 */
export function writeTransactionIfFree<T>(db: Database, work: () => NotPromise<T>): boolean {
  // Another operation's store transaction holds the connection: not free, and nobody waits for this.
  if (heldByAnother(db)) return false;
  if (db.readonly) return false;
  const usual = db.inTransaction ? undefined : (db.pragma('busy_timeout', { simple: true }) as number);
  if (usual !== undefined && usual !== 0) db.pragma('busy_timeout = 0');
  try {
    db.transaction(work).immediate();
    return true;
  } catch (error) {
    if (isBusyError(error) || isReadOnlyError(error)) return false;
    throw error;
  } finally {
    if (usual !== undefined && usual !== 0) db.pragma(`busy_timeout = ${usual}`);
  }
}

/** SQLITE_READONLY and its extended codes: a read-only file or connection, or a query_only one. */
function isReadOnlyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_'));
}
