// Opens a register by where it is: a postgres:// URL is a team register on a server, anything else
// a file. Either way it comes back migrated to this Vetted's schema (a newer one is refused).
import type { OpenOptions } from '../open';
import { openRegister } from '../open';
import { migratePostgres } from '../postgres/migrate';
import { PgStore } from './pg-store';
import type { Store } from './sql';
import { SqliteStore } from './sqlite-store';

/** Whether a --db / VETTED_DB value names a PostgreSQL register rather than a file. */
export function isServerLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export interface StoreOptions extends OpenOptions {
  /** A team register login's password (PgStoreOptions.password); a file has none. */
  password?: string;
}

export async function openStore(location: string, options: StoreOptions = {}): Promise<Store> {
  if (isServerLocation(location)) {
    const store = new PgStore(location, options.password === undefined ? {} : { password: options.password });
    try {
      await migratePostgres(store);
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }
  const register = openRegister(location, options);
  return new SqliteStore(register.db, register.path);
}
