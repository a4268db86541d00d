import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Becomes PRAGMA user_version once applied; numbered without gaps from 1. */
  version: number;
  name: string;
  up(db: Database): void;
  /**
   * The same change for a PostgreSQL register (issue 22). A team register starts from the baseline
   * (db/postgres/baseline.ts, schema 12), so migrations up to 12 have none; every later one must
   * have it, and test/integration/pg-schema.test.ts checks that both registers end with the same
   * tables, columns, keys and indexes.
   */
  postgres?: string;
}
