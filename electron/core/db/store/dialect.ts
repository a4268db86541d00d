// The few places the register's SQL differs between SQLite and PostgreSQL, as expressions a
// repository builds its statements with (it knows its Sql's dialect when it is made).
import type { Dialect } from './sql';

/**
 * An expression compared and sorted without regard to ASCII case: SQLite's NOCASE, and on a team
 * register vetted_nocase() (db/postgres/baseline.ts), which folds exactly the same letters, in
 * byte order as SQLite sorts (not the server's locale).
 */
export function nocase(dialect: Dialect, expression: string): string {
  return dialect === 'sqlite' ? `${expression} COLLATE NOCASE` : `vetted_nocase(${expression}) COLLATE "C"`;
}

/**
 * A field of a JSON text column, as text (an object as its JSON), or null where it is absent or
 * JSON null; `path` is the field names, none for the whole value. PostgreSQL reads the column as
 * json (not jsonb), which keeps an object's text as stored, as SQLite does.
 */
export function jsonField(dialect: Dialect, column: string, ...path: string[]): string {
  if (dialect === 'sqlite') return `json_extract(${column}, '${['$', ...path].join('.')}')`;
  return `(${column}::json #>> '{${path.join(',')}}')`;
}

/**
 * Locks the rows a write transaction read to change them, until it ends: on a team register, where
 * writers of other rows go on meanwhile. A file's write lock already makes every writer wait.
 */
export function forUpdate(sql: { dialect: Dialect }): string {
  return sql.dialect === 'postgres' ? ' FOR UPDATE' : '';
}
