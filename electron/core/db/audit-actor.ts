// Who an audit row names. The audited tables' triggers (migrations 002–009) record the user name in
// Settings as the actor of every change: the person at the keyboard. A change a signed step makes
// on its own (approving a review makes a proposed provider active) is the signer's act, and the
// trail must name the signer, as the step does, even when no user name is set.
import type { Database } from 'better-sqlite3';
import { withActorNamed, withAuditMuted } from './audit-mute';
import type { Sql } from './store/sql';

/**
 * Runs `work` with the triggers reading `actor` as the user name, then puts the stored name back as
 * it was, byte for byte (or absent). Swapping the name and restoring it write no audit rows (muted on
 * this connection only), and it all happens inside the caller's write transaction (`sql` is that
 * transaction), so no other connection ever sees the borrowed name and a failure rolls everything
 * back together.
 */
export async function writeAsActor<T>(db: Database | null, sql: Sql, actor: string, work: () => Promise<T>): Promise<T> {
  // A team register's trail names the actor vetted_actor() gives (migration 016): a name this
  // transaction borrows comes first, for any member, and nothing stored is touched.
  if (sql.dialect === 'postgres') return withActorNamed(sql, actor, work);
  if (db && !db.inTransaction) throw new Error('writeAsActor runs only inside a write transaction');
  const store = (value: string) =>
    sql.run("INSERT INTO settings (key, value) VALUES ('userName', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [value]);
  const stored = (await sql.get<{ value: string }>("SELECT value FROM settings WHERE key = 'userName'"))?.value;
  await withAuditMuted(sql, db, true, () => store(JSON.stringify(actor)));
  try {
    return await work();
  } finally {
    await withAuditMuted(sql, db, true, () => (stored === undefined ? sql.run("DELETE FROM settings WHERE key = 'userName'") : store(stored)));
  }
}
