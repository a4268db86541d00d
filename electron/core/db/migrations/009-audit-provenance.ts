import type { Migration } from './types';

// Written out as it shipped (see 002-lifecycle.ts for why migrations do not share trigger builders).

const ACTOR = `COALESCE((SELECT json_extract(value, '$') FROM settings WHERE key = 'userName'), '')`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const GENESIS = '0'.repeat(64);
const COLUMNS = ['id', 'at', 'actor', 'entity', 'entity_id', 'vendor_id', 'action', 'old_value', 'new_value', 'imported_from'];

function settingEntry(action: string, r: 'NEW' | 'OLD', oldJson: string, newJson: string): string {
  return `INSERT INTO audit_log (at, actor, entity, entity_id, vendor_id, action, old_value, new_value)
    VALUES (${NOW}, ${ACTOR}, 'setting', ${r}.key, NULL, '${action}', ${oldJson}, ${newJson});`;
}

/**
 * Where each audit entry came from, and settings in the trail (#17 review):
 * - imported_from: an entry copied in by a register import names the export it came from, and the
 *   chain hashes that (audit-chain.ts), so an entry a file brings can never pass for one this
 *   register wrote, however it is dated;
 * - a settings row's every change is an entry (entity 'setting'): separation of duties switched
 *   off for one approval, the user name changed to sign as someone else, leave a trace.
 */
export const auditProvenance: Migration = {
  version: 9,
  name: 'audit-provenance',
  up(db) {
    const unchanged = COLUMNS.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN imported_from TEXT;
      DROP TRIGGER audit_log_no_update;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL AND ${unchanged}) BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
      END;
      DROP TRIGGER audit_log_chain;
      CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log BEGIN
        UPDATE audit_log SET hash = vetted_audit_hash(
          COALESCE((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), '${GENESIS}'),
          NEW.at, NEW.actor, NEW.entity, NEW.entity_id, NEW.vendor_id, NEW.action, NEW.old_value, NEW.new_value, NEW.imported_from
        ) WHERE id = NEW.id;
      END;
      CREATE TRIGGER audit_settings_insert AFTER INSERT ON settings BEGIN
        ${settingEntry('create', 'NEW', 'NULL', `json_object('value', json(NEW.value))`)}
      END;
      CREATE TRIGGER audit_settings_update AFTER UPDATE ON settings WHEN OLD.value IS NOT NEW.value BEGIN
        ${settingEntry('update', 'NEW', `json_object('value', json(OLD.value))`, `json_object('value', json(NEW.value))`)}
      END;
      CREATE TRIGGER audit_settings_delete AFTER DELETE ON settings BEGIN
        ${settingEntry('delete', 'OLD', `json_object('value', json(OLD.value))`, 'NULL')}
      END;
    `);
  },
};
