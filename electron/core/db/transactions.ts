// The only two ways the app opens a transaction. In WAL mode a deferred transaction that reads and
// then writes cannot wait for the write lock (SQLite would have to break its snapshot), so it
// fails with SQLITE_BUSY at once and busy_timeout never helps. A write transaction therefore takes
// the write lock first (BEGIN IMMEDIATE), where busy_timeout does wait; a read-only one stays
// deferred so it never blocks a writer. test/unit/transactions-lint.test.ts keeps every
// `.transaction(` call in this file.
import type { Database } from 'better-sqlite3';
import { busyError, isBusyError } from './busy';

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
 */
export function writeTransaction<T>(db: Database, work: () => T): T {
  if (db.inTransaction) return db.transaction(work).immediate();
  const budgetMs = writeWaitMs;
  const startedAt = Date.now();
  for (let attempt = 0; ; attempt++) {
    let started = false;
    try {
      return db
        .transaction(() => {
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
    }
  }
}

/** 50 ms doubling up to 1 s, each drawn between half and all of it (jitter). */
function backoffMs(attempt: number): number {
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
export function readTransaction<T>(db: Database, work: () => T): T {
  const wasQueryOnly = db.pragma('query_only', { simple: true }) === 1;
  if (!wasQueryOnly) db.pragma('query_only = ON');
  try {
    return db.transaction(work).deferred();
  } finally {
    if (!wasQueryOnly) db.pragma('query_only = OFF');
  }
}
