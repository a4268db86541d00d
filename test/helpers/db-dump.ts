import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Tables that hold no record, only what a read computed: a listing stores the scores it computed
 * (migration 012), whatever the command around it did, so a refused command may leave some there.
 */
const CACHES = new Set(['listed_scores']);

/** Every row of every table but caches, for "nothing changed" assertions. */
export function dumpRegister(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const dump: Record<string, unknown[]> = {};
    for (const { name } of tables.filter((t) => !CACHES.has(t.name))) dump[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
    return dump;
  } finally {
    db.close();
  }
}

/**
 * The same for a register wherever it is: a file, or (a postgres:// URL) a team register, read as
 * the tests' admin. For the files that run on both backends (scripts/test-on-postgres.mjs).
 */
export async function dumpAnyRegister(location: string): Promise<Record<string, unknown[]>> {
  if (!/^postgres(ql)?:\/\//i.test(location)) return dumpRegister(location);
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const dump: Record<string, unknown[]> = {};
    for (const { name } of tables.rows.filter((t) => !CACHES.has(t.name))) {
      // In a fixed order whatever the table's shape (some have one column).
      const rows = (await client.query(`SELECT * FROM "${name}"`)).rows as unknown[];
      dump[name] = rows.map((row) => [JSON.stringify(row), row] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
    }
    return dump;
  } finally {
    await client.end();
  }
}
