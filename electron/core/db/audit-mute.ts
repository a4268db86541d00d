// Whether the audited tables' triggers write their rows, for the length of some work inside a write
// transaction: on a file, a flag on its connection (audit-chain.ts); on a team register, a setting
// local to the transaction that the database honours for the register's owner only (migration 014),
// so a member's client cannot silence the trail.
import type { Database } from 'better-sqlite3';
import { setAuditMuted } from './audit-chain';
import type { Sql } from './store/sql';

export async function withAuditMuted<T>(sql: Sql, db: Database | null, muted: boolean, work: () => Promise<T>): Promise<T> {
  if (sql.dialect === 'sqlite') {
    if (!db) throw new Error('a register file without its connection');
    const was = setAuditMuted(db, muted);
    try {
      return await work();
    } finally {
      setAuditMuted(db, was);
    }
  }
  const was = (await sql.get<{ value: string | null }>("SELECT current_setting('vetted.audit_muted', true) AS value"))?.value ?? '';
  await sql.get("SELECT set_config('vetted.audit_muted', ?, true)", [muted ? 'on' : 'off']);
  // Put back only after work that succeeded: after an error the transaction is aborted (and the
  // setting, local to it, goes with it), and a statement there would hide the error behind its own.
  const result = await work();
  await sql.get("SELECT set_config('vetted.audit_muted', ?, true)", [was]);
  return result;
}
