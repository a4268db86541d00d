import Database from 'better-sqlite3';

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
