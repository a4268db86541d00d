import Database from 'better-sqlite3';

/** Every row of every table, for "nothing changed" assertions. */
export function dumpRegister(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const dump: Record<string, unknown[]> = {};
    for (const { name } of tables) dump[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
    return dump;
  } finally {
    db.close();
  }
}
