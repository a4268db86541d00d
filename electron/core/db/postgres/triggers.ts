// The PostgreSQL register's triggers (issue 22): the same score stamps and the same audit trail the
// SQLite triggers of migrations 002–012 write, generated from one description per table, plus the
// trail's own guard and hash chain. test/integration/pg-triggers.test.ts makes the same writes on
// both backends and compares the trails they leave.
import { AUDIT_GENESIS } from '../audit-chain';

interface Audited {
  table: string;
  entity: string;
  /** The audit row's entity_id and vendor_id, over a row called R (OLD or NEW). */
  entityId: string;
  vendorId: string;
  /** The columns recorded, in order; JSON ones are embedded as JSON, the rest as values. */
  columns: readonly string[];
  json?: readonly string[];
}

/** What each audited table records: as SQLite's audit triggers do (002-lifecycle.ts onwards). */
export const AUDITED: readonly Audited[] = [
  {
    table: 'vendors',
    entity: 'vendor',
    entityId: 'R.id',
    vendorId: 'R.id',
    columns: ['name', 'legal_name', 'service', 'category', 'website', 'owner', 'status', 'critical_path', 'business_impact', 'data_categories', 'data_locations', 'tenancy', 'monthly_cost', 'cost_period', 'currency', 'build_effort_days', 'links', 'notes', 'notes_confidential'],
    json: ['data_categories', 'data_locations', 'links'],
  },
  {
    table: 'reviews',
    entity: 'review',
    entityId: 'R.id',
    vendorId: 'R.vendor_id',
    columns: ['template_id', 'template_version', 'status', 'reviewer', 'completed_at', 'due_override'],
  },
  {
    table: 'answers',
    entity: 'answer',
    entityId: "R.review_id || '/' || R.question_id",
    vendorId: '(SELECT vendor_id FROM reviews WHERE id = R.review_id)',
    columns: ['question_id', 'value', 'comment', 'na', 'comment_confidential', 'provider_comment', 'answered_by'],
    json: ['value', 'answered_by'],
  },
  { table: 'settings', entity: 'setting', entityId: 'R.key', vendorId: 'NULL', columns: ['value'], json: ['value'] },
  {
    table: 'findings',
    entity: 'finding',
    entityId: 'R.id',
    vendorId: 'R.vendor_id',
    columns: ['review_id', 'question_id', 'title', 'severity', 'description', 'owner', 'remediation', 'due_date', 'status'],
  },
  {
    table: 'acceptances',
    entity: 'acceptance',
    entityId: 'R.id',
    vendorId: 'R.vendor_id',
    columns: ['finding_id', 'review_id', 'justification', 'accepted_by', 'expires_on', 'revoked_at'],
  },
  {
    table: 'evidence',
    entity: 'evidence',
    entityId: 'R.id',
    vendorId: 'R.vendor_id',
    columns: ['review_id', 'question_id', 'kind', 'title', 'file_name', 'media_type', 'bytes', 'sha256', 'issued_on', 'expires_on', 'notes', 'confidential'],
  },
  {
    table: 'maintenance_windows',
    entity: 'window',
    entityId: 'R.id',
    vendorId: 'R.vendor_id',
    columns: ['title', 'schedule', 'impact', 'source', 'status', 'announced_at', 'source_uid', 'sequence', 'notes'],
    json: ['schedule'],
  },
  { table: 'blackout_periods', entity: 'blackout', entityId: 'R.id', vendorId: 'NULL', columns: ['name', 'schedule', 'notes'], json: ['schedule'] },
  {
    table: 'incidents',
    entity: 'incident',
    entityId: 'R.id',
    vendorId: 'R.vendor_id',
    columns: ['title', 'impact', 'components', 'started_at', 'first_update_at', 'resolved_at', 'updates', 'postmortem', 'source', 'on_status_page', 'source_uid', 'sequence', 'link', 'notes'],
    json: ['components', 'updates', 'postmortem'],
  },
  {
    table: 'status_settings',
    entity: 'status',
    entityId: 'R.vendor_id',
    vendorId: 'R.vendor_id',
    columns: ['components_used', 'refreshed_at', 'refreshed_from'],
    json: ['components_used'],
  },
  {
    table: 'questionnaire_requests',
    entity: 'request',
    entityId: 'R.id',
    vendorId: 'R.vendor_id',
    columns: ['template_id', 'template_version', 'template_hash', 'contact', 'due_on', 'prefilled', 'sent_at', 'sent_by', 'received_at', 'received_sha256'],
  },
  {
    table: 'upstreams',
    entity: 'upstream',
    entityId: 'R.id',
    vendorId: 'R.vendor_id',
    columns: ['party', 'catalogue_id', 'kind', 'regions', 'purpose', 'location', 'source', 'note'],
    json: ['regions'],
  },
];

/**
 * Trigger functions that write the trail and the score stamps run with the register owner's rights
 * (a team member's role may not write audit_log itself: docs/team.md), on the owner's search path
 * as it was when the register was created, so a member's own search path cannot redirect them.
 */
const AS_OWNER = 'SECURITY DEFINER SET search_path FROM CURRENT';

const over = (expr: string, row: 'OLD' | 'NEW') => expr.replace(/\bR\./g, `${row}.`);

function values(a: Audited, row: 'OLD' | 'NEW'): string {
  const pairs = a.columns.map((c) => `'${c}', ${row}.${c}${a.json?.includes(c) ? '::json' : ''}`);
  return `json_build_object(${pairs.join(', ')})::text`;
}

/**
 * The trail's time and the self-declared name, as SQLite's triggers write them (the statement's
 * time in UTC to the millisecond; the userName setting, or '').
 */
const AT = `to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const ACTOR = `COALESCE((SELECT value::json #>> '{}' FROM settings WHERE key = 'userName'), '')`;

function auditFunction(a: Audited): string {
  const insert = (row: 'OLD' | 'NEW', action: string, oldValue: string, newValue: string) =>
    `INSERT INTO audit_log (at, actor, entity, entity_id, vendor_id, action, old_value, new_value)
      VALUES (${AT}, ${ACTOR}, '${a.entity}', ${over(a.entityId, row)}, ${over(a.vendorId, row)}, '${action}', ${oldValue}, ${newValue});`;
  const changed = a.columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');
  return `
CREATE OR REPLACE FUNCTION vetted_audit_${a.table}() RETURNS trigger LANGUAGE plpgsql ${AS_OWNER} AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${insert('NEW', 'create', 'NULL', values(a, 'NEW'))}
  ELSIF TG_OP = 'UPDATE' THEN
    IF ${changed} THEN
      ${insert('NEW', 'update', values(a, 'OLD'), values(a, 'NEW'))}
    END IF;
  ELSE
    ${insert('OLD', 'delete', values(a, 'OLD'), 'NULL')}
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER audit_${a.table} AFTER INSERT OR UPDATE OR DELETE ON ${a.table}
  FOR EACH ROW EXECUTE FUNCTION vetted_audit_${a.table}();`;
}

/** Score stamps (SQLite migration 010): random, within JavaScript's exact integers. */
const STAMP = 'floor(random() * 9007199254740991)::bigint';
const stamp = (kind: string, id: string) =>
  `INSERT INTO score_stamps (kind, id, stamp) VALUES ('${kind}', ${id}, ${STAMP})
      ON CONFLICT (kind, id) DO UPDATE SET stamp = excluded.stamp;`;

const SCORE_STAMPS = `
CREATE OR REPLACE FUNCTION vetted_stamp_reviews() RETURNS trigger LANGUAGE plpgsql ${AS_OWNER} AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM score_stamps WHERE kind = 'review' AND id = OLD.id;
  ELSE
    ${stamp('review', 'NEW.id')}
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER score_stamp_reviews AFTER INSERT OR UPDATE OR DELETE ON reviews FOR EACH ROW EXECUTE FUNCTION vetted_stamp_reviews();

CREATE OR REPLACE FUNCTION vetted_stamp_vendors() RETURNS trigger LANGUAGE plpgsql ${AS_OWNER} AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM score_stamps WHERE kind = 'vendor' AND id = OLD.id;
  ELSE
    ${stamp('vendor', 'NEW.id')}
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER score_stamp_vendors AFTER INSERT OR UPDATE OR DELETE ON vendors FOR EACH ROW EXECUTE FUNCTION vetted_stamp_vendors();

CREATE OR REPLACE FUNCTION vetted_stamp_answers() RETURNS trigger LANGUAGE plpgsql ${AS_OWNER} AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    ${stamp('review', 'OLD.review_id')}
  ELSE
    ${stamp('review', 'NEW.review_id')}
    IF TG_OP = 'UPDATE' AND OLD.review_id IS DISTINCT FROM NEW.review_id THEN
      ${stamp('review', 'OLD.review_id')}
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER score_stamp_answers AFTER INSERT OR UPDATE OR DELETE ON answers FOR EACH ROW EXECUTE FUNCTION vetted_stamp_answers();

CREATE OR REPLACE FUNCTION vetted_stamp_templates() RETURNS trigger LANGUAGE plpgsql ${AS_OWNER} AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    ${stamp('template', "OLD.id || '@' || OLD.version")}
  ELSE
    ${stamp('template', "NEW.id || '@' || NEW.version")}
    IF TG_OP = 'UPDATE' AND (OLD.id IS DISTINCT FROM NEW.id OR OLD.version IS DISTINCT FROM NEW.version) THEN
      ${stamp('template', "OLD.id || '@' || OLD.version")}
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER score_stamp_templates AFTER INSERT OR UPDATE OR DELETE ON templates FOR EACH ROW EXECUTE FUNCTION vetted_stamp_templates();
`;

/**
 * The trail itself: append-only, and chained as it is written. SQLite computes the hash after the
 * insert, in id order, and one writer at a time holds the whole file; a server has many writers, so
 * here each new row takes the trail's key (an advisory lock held until its transaction ends), is
 * numbered after the last committed row and hashed on it. Transactions that write the trail take
 * turns from their first audited write to their commit (milliseconds): the chain has no forks and no
 * gaps however many reviewers write at once, and a client that tries to number or hash a row itself
 * is refused. The muting an import uses is a transaction-local setting (vetted.audit_muted), honoured
 * for the register's owner only.
 */
const AUDIT_LOG = `
-- Only the register's owner (who created it, and moves registers in) can mute it: a reviewer's
-- session that sets vetted.audit_muted is still audited.
CREATE OR REPLACE FUNCTION vetted_audit_muted() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('vetted.audit_muted', true), '') = 'on'
     AND pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'MEMBER')
$$;

CREATE OR REPLACE FUNCTION vetted_audit_append() RETURNS trigger LANGUAGE plpgsql ${AS_OWNER} AS $$
DECLARE
  last_id bigint;
  last_hash text;
BEGIN
  IF vetted_audit_muted() THEN
    RETURN NULL;
  END IF;
  IF NEW.hash IS NOT NULL THEN
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('vetted audit_log', 0));
  SELECT id, hash INTO last_id, last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  IF NEW.id IS NULL THEN
    NEW.id := coalesce(last_id, 0) + 1;
  ELSIF NEW.id <= coalesce(last_id, 0) THEN
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  NEW.hash := vetted_audit_hash(coalesce(last_hash, '${AUDIT_GENESIS}'), NEW.at, NEW.actor, NEW.entity, NEW.entity_id,
    NEW.vendor_id, NEW.action, NEW.old_value, NEW.new_value, NEW.imported_from);
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION vetted_audit_append();

CREATE OR REPLACE FUNCTION vetted_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION vetted_audit_refuse();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION vetted_audit_refuse();
`;

export const BASELINE_TRIGGERS = [AUDIT_LOG, SCORE_STAMPS, ...AUDITED.map(auditFunction)].join('\n');
