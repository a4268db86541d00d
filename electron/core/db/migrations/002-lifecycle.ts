import type { Migration } from './types';

// Everything here is written out as it shipped: a later change to shared code must never change
// what this migration does to a register, so the trigger builder lives in this file.

interface AuditedTable {
  table: string;
  entity: string;
  /** SQL for the row's id and its provider, with R standing for NEW or OLD. */
  id: string;
  vendor: string;
  /** Columns recorded; an update that changes none of them writes no row (autosave repeats, touches). */
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

const AUDITED: AuditedTable[] = [
  {
    table: 'vendors',
    entity: 'vendor',
    id: 'R.id',
    vendor: 'R.id',
    columns: [
      'name', 'service', 'category', 'website', 'owner', 'status', 'critical_path', 'business_impact',
      'data_categories', 'data_locations', 'tenancy', 'monthly_cost', 'currency', 'build_effort_days', 'links', 'notes',
    ],
    json: ['data_categories', 'data_locations', 'links'],
  },
  {
    table: 'reviews',
    entity: 'review',
    id: 'R.id',
    vendor: 'R.vendor_id',
    columns: ['template_id', 'template_version', 'status', 'reviewer', 'completed_at', 'due_override'],
  },
  {
    table: 'answers',
    entity: 'answer',
    // The answer's id names its review and question.
    id: `R.review_id || '/' || R.question_id`,
    vendor: '(SELECT vendor_id FROM reviews WHERE id = R.review_id)',
    columns: ['question_id', 'value', 'comment', 'na'],
    json: ['value'],
  },
  {
    table: 'findings',
    entity: 'finding',
    id: 'R.id',
    vendor: 'R.vendor_id',
    columns: ['review_id', 'question_id', 'title', 'severity', 'description', 'owner', 'remediation', 'due_date', 'status'],
  },
  {
    table: 'acceptances',
    entity: 'acceptance',
    id: 'R.id',
    vendor: 'R.vendor_id',
    columns: ['finding_id', 'review_id', 'justification', 'accepted_by', 'expires_on', 'revoked_at'],
  },
  {
    table: 'evidence',
    entity: 'evidence',
    id: 'R.id',
    vendor: 'R.vendor_id',
    columns: ['review_id', 'question_id', 'kind', 'title', 'file_name', 'media_type', 'bytes', 'sha256', 'issued_on', 'expires_on', 'notes'],
  },
];

/**
 * The review lifecycle: workflow steps and frozen snapshots, findings, risk acceptances, evidence
 * files and the audit trail. Existing reviews and answers are kept as they are (they stay drafts).
 */
export const lifecycle: Migration = {
  version: 2,
  name: 'lifecycle',
  up(db) {
    db.exec(`
      -- Set when a decision closes the review: JSON ReviewSnapshot (answers, score, template version).
      ALTER TABLE reviews ADD COLUMN snapshot TEXT;
      -- A next-review date set by hand on an approved review (YYYY-MM-DD).
      ALTER TABLE reviews ADD COLUMN due_override TEXT;

      CREATE TABLE review_steps (
        id          INTEGER PRIMARY KEY,
        review_id   TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
        from_status TEXT NOT NULL,
        to_status   TEXT NOT NULL,
        by          TEXT NOT NULL,
        at          TEXT NOT NULL,
        note        TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX review_steps_review ON review_steps (review_id, id);

      CREATE TABLE findings (
        id          TEXT PRIMARY KEY,
        vendor_id   TEXT NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
        review_id   TEXT REFERENCES reviews (id) ON DELETE SET NULL,
        question_id TEXT,
        title       TEXT NOT NULL,
        severity    TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
        description TEXT NOT NULL DEFAULT '',
        owner       TEXT NOT NULL DEFAULT '',
        remediation TEXT NOT NULL DEFAULT '',
        due_date    TEXT,
        status      TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'accepted')),
        created_by  TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE INDEX findings_vendor ON findings (vendor_id, created_at);

      CREATE TABLE acceptances (
        id            TEXT PRIMARY KEY,
        vendor_id     TEXT NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
        finding_id    TEXT REFERENCES findings (id) ON DELETE CASCADE,
        review_id     TEXT REFERENCES reviews (id) ON DELETE CASCADE,
        justification TEXT NOT NULL,
        accepted_by   TEXT NOT NULL,
        accepted_at   TEXT NOT NULL,
        expires_on    TEXT NOT NULL,
        revoked_at    TEXT,
        CHECK ((finding_id IS NULL) <> (review_id IS NULL))
      );
      CREATE INDEX acceptances_vendor ON acceptances (vendor_id, accepted_at);
      CREATE INDEX acceptances_finding ON acceptances (finding_id);

      CREATE TABLE evidence (
        id          TEXT PRIMARY KEY,
        vendor_id   TEXT NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
        review_id   TEXT REFERENCES reviews (id) ON DELETE SET NULL,
        question_id TEXT,
        kind        TEXT NOT NULL,
        title       TEXT NOT NULL DEFAULT '',
        file_name   TEXT NOT NULL,
        media_type  TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        issued_on   TEXT,
        expires_on  TEXT,
        notes       TEXT NOT NULL DEFAULT '',
        added_by    TEXT NOT NULL DEFAULT '',
        added_at    TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );
      CREATE INDEX evidence_vendor ON evidence (vendor_id, added_at);
      -- The bytes apart, so listing evidence never reads them.
      CREATE TABLE evidence_files (
        evidence_id TEXT PRIMARY KEY REFERENCES evidence (id) ON DELETE CASCADE,
        content     BLOB NOT NULL
      );

      CREATE TABLE audit_log (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        entity     TEXT NOT NULL,
        entity_id  TEXT NOT NULL,
        vendor_id  TEXT,
        action     TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        old_value  TEXT,
        new_value  TEXT
      );
      CREATE INDEX audit_log_vendor ON audit_log (vendor_id, id);
      -- Append-only: the database itself refuses to rewrite history.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
      END;
      ${AUDITED.map(auditTriggers).join('\n')}
    `);
  },
};
