// The register's two backends, for tests that must hold on both (issue 22): each yields an open
// Store on a fresh, empty register.
import path from 'node:path';
import Database from 'better-sqlite3';
import { after } from 'node:test';
import { PgStore } from '../../electron/core/db/store/pg-store';
import type { Store } from '../../electron/core/db/store/sql';
import { SqliteStore } from '../../electron/core/db/store/sqlite-store';
import { freshDatabase } from './postgres';
import { tempDir } from './tmp';

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: readonly Backend[] = ['sqlite', 'postgres'];

/** A second, separate connection to the same database as `store` (another process, in effect). */
export function secondHandle(store: Store): Store {
  let other: Store;
  if (store instanceof SqliteStore) {
    const db = new Database(store.location);
    db.pragma('busy_timeout = 5000');
    other = new SqliteStore(db, store.location);
  } else {
    other = new PgStore((store as PgStore).url);
  }
  after(() => other.close());
  return other;
}

/** An empty database of that kind behind a Store, closed when the file ends. */
export async function emptyStore(backend: Backend): Promise<Store> {
  let store: Store;
  if (backend === 'sqlite') {
    const file = path.join(tempDir(), 'store.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    store = new SqliteStore(db, file);
  } else {
    store = new PgStore((await freshDatabase()).url);
  }
  after(() => store.close());
  return store;
}
