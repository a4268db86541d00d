import type { Migration } from './types';

// Written out as it ships (see 002-lifecycle.ts for why migrations do not share trigger builders).

interface AuditedTable {
  table: string;
  entity: string;
  /** SQL for the row's id and its provider, with R standing for NEW or OLD. */
  id: string;
  vendor: string;
  /** Columns recorded; an update that changes none of them writes no row. */
  columns: string[];
  /** Columns holding JSON text, embedded as JSON rather than as a string. */
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
 * Fourth parties (issue 21): each provider's own upstream dependencies — its hosting cloud and
 * regions, CDN, DNS, e-mail, payment, identity (shared/domain/upstream.ts). Regions are JSON (each
 * region code with the uses that depend on it), checked on every write by the domain schema. A
 * provider's upstreams go with it (ON DELETE CASCADE), and every change is in the audit trail
 * under the provider (vendor_id), so a provider's history shows what it was said to run on.
 * Indexed for the two questions asked of it: one provider's upstreams, and every provider on one
 * party (by catalogue id, or by name for a party typed in).
 */
export const upstreams: Migration = {
  version: 11,
  name: 'upstreams',
  up(db) {
    db.exec(`
      CREATE TABLE upstreams (
        id           TEXT PRIMARY KEY,
        vendor_id    TEXT NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
        party        TEXT NOT NULL CHECK (party <> ''),
        catalogue_id TEXT,
        kind         TEXT NOT NULL CHECK (kind IN ('hosting', 'cdn', 'dns', 'email', 'payment', 'identity', 'other')),
        regions      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(regions) AND json_type(regions) = 'array'),
        purpose      TEXT NOT NULL DEFAULT '',
        location     TEXT NOT NULL DEFAULT '',
        source       TEXT NOT NULL CHECK (source IN ('entered', 'subprocessor_list', 'status_components')),
        note         TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX upstreams_vendor ON upstreams (vendor_id, created_at);
      CREATE INDEX upstreams_catalogue ON upstreams (catalogue_id) WHERE catalogue_id IS NOT NULL;
      CREATE INDEX upstreams_party ON upstreams (party COLLATE NOCASE);
      ${auditTriggers({
        table: 'upstreams',
        entity: 'upstream',
        id: 'R.id',
        vendor: 'R.vendor_id',
        columns: ['party', 'catalogue_id', 'kind', 'regions', 'purpose', 'location', 'source', 'note'],
        json: ['regions'],
      })}
    `);
  },
};
