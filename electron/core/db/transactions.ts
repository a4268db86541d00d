// The only two ways the app opens a transaction. In WAL mode a deferred transaction that reads and
// then writes cannot wait for the write lock (SQLite would have to break its snapshot), so it
// fails with SQLITE_BUSY at once and busy_timeout never helps. A write transaction therefore takes
// the write lock first (BEGIN IMMEDIATE), where busy_timeout does wait; a read-only one stays
// deferred so it never blocks a writer. test/unit/transactions-lint.test.ts keeps every
// `.transaction(` call in this file.
import type { Database } from 'better-sqlite3';

/** Runs `work` in one IMMEDIATE transaction (a savepoint when already inside one). */
export function writeTransaction<T>(db: Database, work: () => T): T {
  return db.transaction(work).immediate();
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
