// While the services move to the async Store (issue 22), some code still opens better-sqlite3
// transactions directly on the connection the SQLite store shares. Inside one of the store's own
// transactions that is right (a savepoint of the same operation); from another operation, while a
// store transaction waits between two statements, it would silently join that transaction and
// commit or roll back with it. The store says here which transaction holds the connection, so the
// synchronous path can refuse loudly instead (db/transactions.ts).
import type { Database } from 'better-sqlite3';

const holders = new WeakMap<Database, () => boolean>();

/** Registered by the SQLite store: whether a transaction of another operation holds `db` now. */
export function registerTurns(db: Database, heldByAnother: () => boolean): void {
  holders.set(db, heldByAnother);
}

/** Whether the connection is inside a store transaction this code is not part of. */
export function heldByAnother(db: Database): boolean {
  return db.inTransaction && holders.get(db)?.() === true;
}

/** Throws when the connection is inside a store transaction this code is not part of. */
export function refuseForeignTransaction(db: Database): void {
  if (heldByAnother(db)) {
    throw new Error('a transaction of another operation holds the register connection (a synchronous transaction may not join it)');
  }
}
