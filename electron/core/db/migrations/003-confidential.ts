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

// The three tables that gain a confidentiality mark, audited with it. A confidential text is
// stored sealed, so the trail records the sealed form, never the plaintext.
const AUDITED: AuditedTable[] = [
  {
    table: 'vendors',
    entity: 'vendor',
    id: 'R.id',
    vendor: 'R.id',
    columns: [
      'name', 'service', 'category', 'website', 'owner', 'status', 'critical_path', 'business_impact',
      'data_categories', 'data_locations', 'tenancy', 'monthly_cost', 'currency', 'build_effort_days', 'links', 'notes',
      'notes_confidential',
    ],
    json: ['data_categories', 'data_locations', 'links'],
  },
  {
    table: 'answers',
    entity: 'answer',
    id: `R.review_id || '/' || R.question_id`,
    vendor: '(SELECT vendor_id FROM reviews WHERE id = R.review_id)',
    columns: ['question_id', 'value', 'comment', 'na', 'comment_confidential'],
    json: ['value'],
  },
  {
    table: 'evidence',
    entity: 'evidence',
    id: 'R.id',
    vendor: 'R.vendor_id',
    columns: ['review_id', 'question_id', 'kind', 'title', 'file_name', 'media_type', 'bytes', 'sha256', 'issued_on', 'expires_on', 'notes', 'confidential'],
  },
];

/**
 * Confidential data: a mark on answer comments, provider notes and evidence (file and notes), and
 * the key check. The data key is never stored here: only a value sealed with it (to tell a wrong
 * key from the right one) and the salt a passphrase is stretched with.
 */
export const confidential: Migration = {
  version: 3,
  name: 'confidential',
  up(db) {
    db.exec(`
      ALTER TABLE answers ADD COLUMN comment_confidential INTEGER NOT NULL DEFAULT 0 CHECK (comment_confidential IN (0, 1));
      ALTER TABLE vendors ADD COLUMN notes_confidential INTEGER NOT NULL DEFAULT 0 CHECK (notes_confidential IN (0, 1));
      ALTER TABLE evidence ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1));

      CREATE TABLE crypto_keys (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        register_id TEXT NOT NULL,   -- names the key (key file, keychain entry); not secret
        kdf_salt    TEXT NOT NULL,   -- hex; for a passphrase-derived key
        key_check   TEXT NOT NULL,   -- a known text sealed with the key
        source      TEXT NOT NULL,   -- where the key was made: keychain, key-file, passphrase
        created_at  TEXT NOT NULL
      );
      ${AUDITED.map(auditTriggers).join('\n')}
    `);
  },
};
