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
  return withSettings(sql, { 'vetted.audit_muted': muted ? 'on' : 'off' }, work);
}

/**
 * On a team register, writes the trail's rows an import brings (muted or not around them): with
 * `copied`, as the file has them, its database role included (vetted.audit_copy, honoured for the
 * owner only, as for a moved register); otherwise as any new row, in the session's role.
 */
export function withTrailWritten<T>(sql: Sql, copied: boolean, work: () => Promise<T>): Promise<T> {
  return withSettings(sql, { 'vetted.audit_muted': 'off', 'vetted.audit_copy': copied ? 'on' : 'off' }, work);
}

/** On a team register, the trail names `actor` for the changes `work` makes (vetted.actor, migration 016). */
export function withActorNamed<T>(sql: Sql, actor: string, work: () => Promise<T>): Promise<T> {
  return withSettings(sql, { 'vetted.actor': actor }, work);
}

/** Transaction-local server settings for the length of `work`, then as they were. */
async function withSettings<T>(sql: Sql, values: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const was: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    was[name] = (await sql.get<{ value: string | null }>('SELECT current_setting(?, true) AS value', [name]))?.value ?? '';
    await sql.get('SELECT set_config(?, ?, true)', [name, value]);
  }
  // Put back only after work that succeeded: after an error the transaction is aborted (and the
  // setting, local to it, goes with it), and a statement there would hide the error behind its own.
  const result = await work();
  for (const [name, value] of Object.entries(was)) await sql.get('SELECT set_config(?, ?, true)', [name, value]);
  return result;
}
