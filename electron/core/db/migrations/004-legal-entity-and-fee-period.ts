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
    DROP TRIGGER audit_${t.table}_insert;
    DROP TRIGGER audit_${t.table}_update;
    DROP TRIGGER audit_${t.table}_delete;
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

const VENDORS: AuditedTable = {
  table: 'vendors',
  entity: 'vendor',
  id: 'R.id',
  vendor: 'R.id',
  columns: [
    'name', 'legal_name', 'service', 'category', 'website', 'owner', 'status', 'critical_path', 'business_impact',
    'data_categories', 'data_locations', 'tenancy', 'monthly_cost', 'cost_period', 'currency', 'build_effort_days',
    'links', 'notes', 'notes_confidential',
  ],
  json: ['data_categories', 'data_locations', 'links'],
};

/**
 * What a privacy statement and a cost line need from the profile: the processor's legal entity
 * (the name a contract and a subprocessor list carry, "Acme Cloud GmbH" for "Acme") and the
 * period the recorded fee is for (the column monthly_cost keeps its name; it holds the fee per
 * cost_period). Both audited like every other profile field.
 */
export const legalEntityAndFeePeriod: Migration = {
  version: 4,
  name: 'legal-entity-and-fee-period',
  up(db) {
    db.exec(`
      ALTER TABLE vendors ADD COLUMN legal_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE vendors ADD COLUMN cost_period TEXT NOT NULL DEFAULT 'month' CHECK (cost_period IN ('month', 'year'));
      ${auditTriggers(VENDORS)}
    `);
  },
};
