import type { Database } from 'better-sqlite3';
import { AUDIT_GENESIS, auditRowHash, type ChainedContent } from '../audit-chain';
import type { Migration } from './types';

// Written out as it shipped, bar the hash rule itself, which lives in ../audit-chain.ts because it
// is a file format that the app and `vetted audit verify` must share (see there).

const CONTENT = ['at', 'actor', 'entity', 'entity_id', 'vendor_id', 'action', 'old_value', 'new_value'];
const PAGE = 1000;

/** Hashes the rows already in the trail, oldest first (in pages, so a long trail never sits in memory). */
function chainExistingRows(db: Database): void {
  const page = db.prepare<[number, number], ChainedContent & { id: number }>(
    `SELECT id, ${CONTENT.join(', ')} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`,
  );
  const setHash = db.prepare<[string, number]>('UPDATE audit_log SET hash = ? WHERE id = ?');
  let previous = AUDIT_GENESIS;
  let after = 0;
  for (;;) {
    const rows = page.all(after, PAGE);
    if (rows.length === 0) return;
    for (const row of rows) {
      previous = auditRowHash(previous, row);
      setHash.run(previous, row.id);
      after = row.id;
    }
  }
}

/**
 * The tamper-evident audit trail: every row gains a hash over its content and the previous row's
 * hash, set by the database as the row is written (vetted_audit_hash, registered on each
 * connection by openRegister). The trail stays append-only; the one update allowed is the one
 * that fills a new row's hash, and it may change nothing else. vetted_audit_muted() lets an
 * import into an empty register write the file's own trail instead of the triggers' rows.
 */
export const auditChain: Migration = {
  version: 8,
  name: 'audit-chain',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
      DROP TRIGGER audit_log_no_update;
    `);
    chainExistingRows(db);
    const unchanged = ['id', ...CONTENT].map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
    db.exec(`
      -- Append-only, bar filling in a new row's hash (rows never rest without one: the chain
      -- trigger below sets it within the statement that inserts the row).
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL AND ${unchanged}) BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
      END;
      -- While an import writes the file's own trail, the audited tables' triggers write nothing.
      CREATE TRIGGER audit_log_muted BEFORE INSERT ON audit_log WHEN vetted_audit_muted() BEGIN
        SELECT RAISE(IGNORE);
      END;
      -- A row inserted with a hash of its own is refused by audit_log_no_update (its hash is not NULL).
      CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log BEGIN
        UPDATE audit_log SET hash = vetted_audit_hash(
          COALESCE((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), '${AUDIT_GENESIS}'),
          NEW.at, NEW.actor, NEW.entity, NEW.entity_id, NEW.vendor_id, NEW.action, NEW.old_value, NEW.new_value
        ) WHERE id = NEW.id;
      END;
    `);
  },
};
