// A record edited by a read, a merge of the change asked for, and a write of the whole record: on
// a team register two members can both read it before either writes, and the second write would
// put back what the first one changed (a lost update). Locking the row first makes the second wait
// for the first to commit, then read the record as the first left it, so each change is merged on
// top of the other. On a file the register's write lock already makes the read and the write one step.
import { forUpdate } from './dialect';
import type { Sql } from './sql';

/** The tables whose records are edited by read-merge-write, keyed by `id`. */
export type EditedTable = 'vendors' | 'findings' | 'evidence' | 'maintenance_windows' | 'incidents' | 'upstreams' | 'blackout_periods';

/** Holds the record's row until the write transaction `sql` belongs to ends (nothing on a file). */
export async function lockToEdit(sql: Sql, table: EditedTable, id: string): Promise<void> {
  if (sql.dialect !== 'postgres') return;
  await sql.get(`SELECT id FROM ${table} WHERE id = ?${forUpdate(sql)}`, [id]);
}
