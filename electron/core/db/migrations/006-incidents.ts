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
 * The incident record: each provider's incidents (from its status page, or typed in, including
 * those the status page never showed), with their public updates and postmortem as JSON checked
 * on every read, which fields of an imported incident were edited here, imported incidents deleted
 * here, and per provider which status page components you use. Audited like the rest.
 */
export const incidents: Migration = {
  version: 6,
  name: 'incidents',
  up(db) {
    db.exec(`
      CREATE TABLE incidents (
        id              TEXT PRIMARY KEY,
        vendor_id       TEXT NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
        title           TEXT NOT NULL,
        impact          TEXT NOT NULL CHECK (impact IN ('none', 'minor', 'major', 'critical')),
        components      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(components)),
        started_at      TEXT NOT NULL,
        first_update_at TEXT,
        resolved_at     TEXT,
        updates         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(updates)),
        postmortem      TEXT CHECK (postmortem IS NULL OR json_valid(postmortem)),
        source          TEXT NOT NULL CHECK (source IN ('entered', 'statuspage', 'feed', 'instatus')),
        on_status_page  INTEGER NOT NULL CHECK (on_status_page IN (0, 1)),
        source_uid      TEXT,
        sequence        INTEGER,
        link            TEXT,
        notes           TEXT NOT NULL DEFAULT '',
        -- Fields of an imported incident changed here: a later import from the source leaves them.
        edited_fields   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(edited_fields)),
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      );
      CREATE INDEX incidents_vendor_started ON incidents (vendor_id, started_at);
      -- One row per provider incident: a later import of the same id updates it.
      CREATE UNIQUE INDEX incidents_source ON incidents (vendor_id, source, source_uid) WHERE source_uid IS NOT NULL;

      -- An imported incident deleted here: a later import or refresh does not bring it back.
      CREATE TABLE incident_tombstones (
        vendor_id  TEXT NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
        source     TEXT NOT NULL,
        source_uid TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        PRIMARY KEY (vendor_id, source, source_uid)
      );

      CREATE TABLE status_settings (
        vendor_id        TEXT PRIMARY KEY REFERENCES vendors (id) ON DELETE CASCADE,
        components_used  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(components_used)),
        refreshed_at     TEXT,
        refreshed_from   TEXT
      );
      ${auditTriggers({
        table: 'incidents',
        entity: 'incident',
        id: 'R.id',
        vendor: 'R.vendor_id',
        columns: ['title', 'impact', 'components', 'started_at', 'first_update_at', 'resolved_at', 'updates', 'postmortem', 'source', 'on_status_page', 'source_uid', 'sequence', 'link', 'notes'],
        json: ['components', 'updates', 'postmortem'],
      })}
      ${auditTriggers({
        table: 'status_settings',
        entity: 'status',
        id: 'R.vendor_id',
        vendor: 'R.vendor_id',
        columns: ['components_used', 'refreshed_at', 'refreshed_from'],
        json: ['components_used'],
      })}
    `);
  },
};
