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

/** The three audit triggers of a table; `replace` drops the ones it had first. */
function auditTriggers(t: AuditedTable, replace = false): string {
  const sub = (sql: string, r: 'NEW' | 'OLD') => sql.replaceAll('R.', `${r}.`);
  const insert = (action: string, r: 'NEW' | 'OLD', oldJson: string, newJson: string) =>
    `INSERT INTO audit_log (at, actor, entity, entity_id, vendor_id, action, old_value, new_value)
     VALUES (${NOW}, ${ACTOR}, '${t.entity}', ${sub(t.id, r)}, ${sub(t.vendor, r)}, '${action}', ${oldJson}, ${newJson});`;
  const changed = t.columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
  const drop = replace
    ? `DROP TRIGGER audit_${t.table}_insert;
    DROP TRIGGER audit_${t.table}_update;
    DROP TRIGGER audit_${t.table}_delete;`
    : '';
  return `
    ${drop}
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
 * The provider answers the questionnaire itself: each questionnaire sent is kept (so the answers
 * file that comes back can be matched to it), and an answer keeps the provider's own comment apart
 * from the reviewer's, and who answered it while the value is still the provider's. The answers'
 * audit trail records both, so it shows "answered by the provider, accepted by the reviewer".
 */
export const questionnaires: Migration = {
  version: 7,
  name: 'questionnaires',
  up(db) {
    db.exec(`
      CREATE TABLE questionnaire_requests (
        id               TEXT PRIMARY KEY,
        vendor_id        TEXT NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
        template_id      TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        template_hash    TEXT NOT NULL,
        contact          TEXT,
        due_on           TEXT,
        prefilled        INTEGER NOT NULL DEFAULT 0 CHECK (prefilled >= 0),
        sent_at          TEXT NOT NULL,
        sent_by          TEXT NOT NULL DEFAULT '',
        -- The last answers file received for it with something accepted, and its digest.
        received_at      TEXT,
        received_sha256  TEXT,
        FOREIGN KEY (template_id, template_version) REFERENCES templates (id, version)
      );
      CREATE INDEX questionnaire_requests_vendor ON questionnaire_requests (vendor_id, sent_at);

      ALTER TABLE answers ADD COLUMN provider_comment TEXT NOT NULL DEFAULT '';
      -- JSON AnsweredBy: set while the value is the one the provider gave.
      ALTER TABLE answers ADD COLUMN answered_by TEXT CHECK (answered_by IS NULL OR json_valid(answered_by));

      ${auditTriggers({
        table: 'questionnaire_requests',
        entity: 'request',
        id: 'R.id',
        vendor: 'R.vendor_id',
        columns: ['template_id', 'template_version', 'template_hash', 'contact', 'due_on', 'prefilled', 'sent_at', 'sent_by', 'received_at', 'received_sha256'],
      })}
      ${auditTriggers(
        {
          table: 'answers',
          entity: 'answer',
          id: `R.review_id || '/' || R.question_id`,
          vendor: '(SELECT vendor_id FROM reviews WHERE id = R.review_id)',
          columns: ['question_id', 'value', 'comment', 'na', 'comment_confidential', 'provider_comment', 'answered_by'],
          json: ['value', 'answered_by'],
        },
        true,
      )}
    `);
  },
};
