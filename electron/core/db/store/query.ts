// A statement a repository keeps, bound to the Sql it was made for (the store, or one transaction):
// the shape of better-sqlite3's prepared statements (`get`, `all`, `run` with the values spread out),
// answered by promises, so repositories read the same on both backends.
import type { Sql } from './sql';

export interface Query<P extends unknown[], R> {
  get(...params: P): Promise<R | undefined>;
  all(...params: P): Promise<R[]>;
  run(...params: P): Promise<{ changes: number }>;
  /** The same statement answering each row as its values in column order (for hot, wide reads). */
  raw(): Query<P, R extends readonly unknown[] ? R : unknown[]>;
}

/** `text` with `?` values in order, or one object of `@name` values. */
export function query<P extends unknown[] = unknown[], R = unknown>(sql: Sql, text: string): Query<P, R> {
  const values = (params: unknown[]) =>
    params.length === 1 && params[0] !== null && typeof params[0] === 'object' && !Array.isArray(params[0]) && !(params[0] instanceof Uint8Array)
      ? (params[0] as Record<string, unknown>)
      : params;
  return {
    get: (...params) => sql.get<R>(text, values(params)),
    all: (...params) => sql.all<R>(text, values(params)),
    run: (...params) => sql.run(text, values(params)),
    raw: () => {
      type Row = R extends readonly unknown[] ? R : unknown[];
      const rows = query<P, Record<string, unknown>>(sql, text);
      const asList = (row: Record<string, unknown> | undefined) => (row === undefined ? undefined : (Object.values(row) as Row));
      return {
        get: async (...params) => asList(await rows.get(...params)),
        all: async (...params) => (await rows.all(...params)).map((row) => Object.values(row) as Row),
        run: rows.run,
        raw: () => {
          throw new Error('raw() of raw()');
        },
      };
    },
  };
}
