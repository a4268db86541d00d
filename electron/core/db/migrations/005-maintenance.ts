import type { Migration } from './types';

// Written out as it shipped (the trigger builder is this file's own copy; see 002).

interface AuditedTable {
  table: string;
  entity: string;
  id: string;
  vendor: string;
  columns: string[];
  json?: string[];
}

const ACTOR = `COALESCE((SELECT json_extract(value, '$') FROM settings WHERE key = 'userName'), '')`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

function rowJson(t: AuditedTable, r: 'NEW' | 'OLD'): string {
  const pairs = t.columns.map((c) => `'${c}', ${t.json?.includes(c) ? `json(${r}.${c})` : `${r}.${c}`}`);
  return `json_object(${pairs.join(', ')})`;
}

function auditTriggers(t: AuditedTable): string {
  const sub = (sql: string, r: 'NEW' | 'OLD') => sql.replaceAll('R.', `${r}.`);
  const insert = (action: string, r: 'NEW' | 'OLD', oldJson: string, newJson: string) =>
    `INSERT INTO audit_log (at, actor, entity, entity_id, vendor_id, action, old_value, new_value)
     VALUES (${NOW}, ${ACTOR}, '${t.entity}', ${sub(t.id, r)}, ${sub(t.vendor, r)}, '${action}', ${oldJson}, ${newJson});`;
  const changed = t.columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  return `
    CREATE TRIGGER audit_${t.table}_insert AFTER INSERT ON ${t.table} BEGIN
      ${insert('create', 'NEW', 'NULL', rowJson(t, 'NEW'))}
    END;
    CREATE TRIGGER audit_${t.table}_update AFTER UPDATE ON ${t.table} WHEN ${changed} BEGIN
      ${insert('update', 'NEW', rowJson(t, 'OLD'), rowJson(t, 'NEW'))}
    END;
    CREATE TRIGGER audit_${t.table}_delete AFTER DELETE ON ${t.table} BEGIN
      ${insert('delete', 'OLD', rowJson(t, 'OLD'), 'NULL')}
    END;`;
}

/**
 * Maintenance as data: each provider's maintenance windows and scheduled maintenances (one table:
 * a scheduled maintenance is a one-off window with the time it was announced) and the company's
 * blackout periods. The schedule is JSON (shared/domain/maintenance.ts), checked on every write.
 * Both tables are audited like the rest of the register.
 */
export const maintenance: Migration = {
  version: 5,
  name: 'maintenance',
  up(db) {
    db.exec(`
      CREATE TABLE maintenance_windows (
        id           TEXT PRIMARY KEY,
        vendor_id    TEXT NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
        title        TEXT NOT NULL DEFAULT '',
        schedule     TEXT NOT NULL CHECK (json_valid(schedule)),
        impact       TEXT NOT NULL CHECK (impact IN ('none', 'degraded', 'outage')),
        source       TEXT NOT NULL CHECK (source IN ('entered', 'ical', 'statuspage')),
        status       TEXT NOT NULL CHECK (status IN ('confirmed', 'tentative', 'cancelled')),
        announced_at TEXT,
        source_uid   TEXT,
        sequence     INTEGER,
        notes        TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX maintenance_windows_vendor ON maintenance_windows (vendor_id);
      -- One row per provider event: a later import of the same UID updates it.
      CREATE UNIQUE INDEX maintenance_windows_source ON maintenance_windows (vendor_id, source, source_uid) WHERE source_uid IS NOT NULL;

      CREATE TABLE blackout_periods (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        schedule   TEXT NOT NULL CHECK (json_valid(schedule)),
        notes      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      ${auditTriggers({
        table: 'maintenance_windows',
        entity: 'window',
        id: 'R.id',
        vendor: 'R.vendor_id',
        columns: ['title', 'schedule', 'impact', 'source', 'status', 'announced_at', 'source_uid', 'sequence', 'notes'],
        json: ['schedule'],
      })}
      ${auditTriggers({
        table: 'blackout_periods',
        entity: 'blackout',
        id: 'R.id',
        vendor: 'NULL',
        columns: ['name', 'schedule', 'notes'],
        json: ['schedule'],
      })}
    `);
  },
};
