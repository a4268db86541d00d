// People on a team register (issue 22): three group roles per register database, so the
// separation of duties holds in the database itself, whatever client a member runs.
//
//   <db>_readonly  reads everything (an auditor, a CISO who only looks)
//   <db>_reviewer  + changes providers, reviews, answers, findings, evidence … (not the audit trail)
//   <db>_approver  + decides reviews (approved, approved with conditions, rejected)
//
// Each member logs in as their own PostgreSQL role (password or certificate, over TLS) that is
// granted one of them. The audit trail and score stamps are written by triggers running as the
// register's owner (triggers.ts), so no member needs, or has, the right to write audit_log; a
// review's decision is refused unless the session's role is an approver (or the owner). Roles are
// cluster-wide in PostgreSQL, so their names carry the database's name: two registers on one
// server have separate members.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { VettedError } from '../../../../shared/result';
import type { Tx } from '../store/sql';

export const TEAM_ROLES = ['readonly', 'reviewer', 'approver'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/**
 * What a reviewer may change. Not: the audit trail, score stamps and the chain (the triggers'),
 * the workflow steps once written (added, never changed), the settings (separation of duties, the
 * organisation: the owner's), the key check (the owner's), the listed-score cache (a member could
 * otherwise show a tier nobody computed), and templates (how providers are scored: approvers').
 */
const REVIEWER_WRITES = [
  'vendors', 'reviews', 'answers', 'findings', 'acceptances', 'evidence', 'evidence_files', 'maintenance_windows',
  'blackout_periods', 'incidents', 'incident_tombstones', 'status_settings', 'questionnaire_requests', 'upstreams',
];
const APPROVER_WRITES = ['templates'];

const DECISIONS = `('approved', 'approved_with_conditions', 'rejected')`;
const APPROVALS = `('approved', 'approved_with_conditions')`;

/** The group role of a team role on this register's database, e.g. vetted_reviewer for database "vetted". */
export async function groupRole(tx: Pick<Tx, 'get'>, role: TeamRole): Promise<string> {
  const row = await tx.get<{ db: string }>('SELECT current_database() AS db');
  const name = `${row!.db}_${role}`;
  // PostgreSQL cuts names at 63 bytes: two registers' roles must never end up the same name.
  if (Buffer.byteLength(name, 'utf8') > 63) throw new VettedError('validation', `The database name ${row!.db} is too long for its team roles (at most 54 bytes).`);
  return name;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Creates the three group roles (if missing) and gives them their rights on this register; run by
 * someone who may create roles (the owner with CREATEROLE, or an administrator). Idempotent: run it
 * again after a migration adds a table.
 */
export async function setUpTeamRoles(tx: Tx): Promise<Record<TeamRole, string>> {
  const names = {
    readonly: await groupRole(tx, 'readonly'),
    reviewer: await groupRole(tx, 'reviewer'),
    approver: await groupRole(tx, 'approver'),
  };
  await refuseForeignObjects(tx);
  for (const name of Object.values(names)) {
    const exists = await tx.get('SELECT 1 AS one FROM pg_roles WHERE rolname = ?', [name]);
    if (!exists) await tx.exec(`CREATE ROLE ${ident(name)} NOLOGIN`);
  }
  const schema = (await tx.get<{ s: string }>('SELECT current_schema() AS s'))!.s;
  const db = (await tx.get<{ db: string }>('SELECT current_database() AS db'))!.db;
  const s = ident(schema);
  // Functions here resolve names in pg_catalog and the register's schema only, whatever search path
  // the member's session set; nobody but the owner may create anything in the schema (before
  // PostgreSQL 15 everyone could), so no member can put a function of their own in the way.
  const fixed = `SET search_path = pg_catalog, ${s}`;
  await tx.exec(`
    GRANT ${ident(names.readonly)} TO ${ident(names.reviewer)};
    GRANT ${ident(names.reviewer)} TO ${ident(names.approver)};
    REVOKE ALL ON DATABASE ${ident(db)} FROM PUBLIC;
    GRANT CONNECT ON DATABASE ${ident(db)} TO ${ident(names.readonly)};
    REVOKE CREATE ON SCHEMA ${s} FROM PUBLIC;
    REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM PUBLIC;
    REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${ident(names.readonly)}, ${ident(names.reviewer)}, ${ident(names.approver)};
    GRANT USAGE ON SCHEMA ${s} TO ${ident(names.readonly)};
    GRANT SELECT ON ALL TABLES IN SCHEMA ${s} TO ${ident(names.readonly)};
    GRANT INSERT, UPDATE, DELETE ON ${REVIEWER_WRITES.map(ident).join(', ')} TO ${ident(names.reviewer)};
    GRANT INSERT ON review_steps TO ${ident(names.reviewer)};
    -- Everyone names themselves (migration 016): row-level security keeps each to their own row.
    GRANT INSERT, UPDATE, DELETE ON member_names TO ${ident(names.readonly)};
    GRANT INSERT, UPDATE, DELETE ON member_keys TO ${ident(names.readonly)};
    GRANT INSERT ON team_key_wraps TO ${ident(names.readonly)};
    GRANT INSERT, UPDATE, DELETE ON ${APPROVER_WRITES.map(ident).join(', ')} TO ${ident(names.approver)};
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${s} TO ${ident(names.reviewer)};

    -- A decision is an approver's (or the owner's): whoever changes a review's status to one, or
    -- records a step to one, must be a member of the approver role. A decided review stays decided:
    -- its status, snapshot, template and provider change for nobody but the owner; an approver may
    -- set its next-review date; deleting it (also with its provider) is an approver's.
    CREATE OR REPLACE FUNCTION vetted_is_owner() RETURNS boolean LANGUAGE sql STABLE ${fixed} AS $fn$
      SELECT pg_catalog.pg_has_role(session_user, (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = '${schema.replace(/'/g, "''")}.reviews'::pg_catalog.regclass), 'MEMBER')
    $fn$;
    CREATE OR REPLACE FUNCTION vetted_may_decide() RETURNS boolean LANGUAGE sql STABLE ${fixed} AS $fn$
      SELECT pg_catalog.pg_has_role(session_user, ${sqlText(names.approver)}::pg_catalog.name, 'MEMBER') OR vetted_is_owner()
    $fn$;
    CREATE OR REPLACE FUNCTION vetted_refuse_unless(allowed boolean, what text) RETURNS void LANGUAGE plpgsql ${fixed} AS $fn$
    BEGIN
      IF NOT allowed THEN
        RAISE EXCEPTION 'only an approver may % (the role % is not one)', what, session_user
          USING ERRCODE = 'insufficient_privilege';
      END IF;
    END $fn$;
    -- Separation of duties (Settings), held by the database: the role that submitted a review for
    -- approval (the trail's latest change of it into "in review", whose db_user the server wrote)
    -- may not approve it, whatever name its client signs with.
    CREATE OR REPLACE FUNCTION vetted_submitted_by(review text) RETURNS text LANGUAGE sql STABLE ${fixed} AS $fn$
      SELECT a.db_user FROM audit_log a
       WHERE a.entity = 'review' AND a.entity_id = review AND a.imported_from IS NULL
         AND (a.new_value::json ->> 'status') = 'in_review'
         AND (a.old_value IS NULL OR (a.old_value::json ->> 'status') IS DISTINCT FROM 'in_review')
       ORDER BY a.id DESC LIMIT 1
    $fn$;
    -- An approval must be of a review submitted here, by another role: one never submitted (a
    -- draft approved at once, a review written already approved) or submitted elsewhere (an
    -- import's word) has no submitter the server knows, and is refused too. The owner's writes of
    -- reviews already decided (a register moved or imported in) are not approvals made here.
    --
    -- Nor by a role that changed the review's answers after it was submitted: those answers are then
    -- the approver's own work, whoever submitted the review (the trail's answer rows since the
    -- submission, by the server's db_user).
    CREATE OR REPLACE FUNCTION vetted_hold_separation(review text, was text) RETURNS void LANGUAGE plpgsql ${fixed} AS $fn$
    DECLARE submitter text;
    DECLARE submitted bigint;
    BEGIN
      IF (SELECT value FROM settings WHERE key = 'separationOfDuties') IS DISTINCT FROM 'true' THEN
        RETURN;
      END IF;
      submitter := vetted_submitted_by(review);
      IF was IS DISTINCT FROM 'in_review' OR submitter IS NULL THEN
        RAISE EXCEPTION 'separation of duties is on: a review is approved only after it was submitted for approval here, by another role'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF submitter = session_user THEN
        RAISE EXCEPTION 'separation of duties is on: the role % submitted this review for approval and may not approve it', session_user
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      SELECT max(a.id) INTO submitted FROM audit_log a
       WHERE a.entity = 'review' AND a.entity_id = review AND a.imported_from IS NULL
         AND (a.new_value::json ->> 'status') = 'in_review'
         AND (a.old_value IS NULL OR (a.old_value::json ->> 'status') IS DISTINCT FROM 'in_review');
      IF EXISTS (SELECT 1 FROM audit_log a WHERE a.id > submitted AND a.entity = 'answer' AND a.db_user = session_user
                   AND left(a.entity_id, length(review) + 1) = review || '/') THEN
        RAISE EXCEPTION 'separation of duties is on: the role % changed this review''s answers after it was submitted and may not approve it', session_user
          USING ERRCODE = 'insufficient_privilege';
      END IF;
    END $fn$;
    CREATE OR REPLACE FUNCTION vetted_review_guard() RETURNS trigger LANGUAGE plpgsql ${fixed} AS $fn$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF OLD.status IN ${DECISIONS} THEN PERFORM vetted_refuse_unless(vetted_may_decide(), 'delete a decided review'); END IF;
        RETURN OLD;
      END IF;
      -- A review keeps its id: renamed, it could borrow another review's trail (and its submitter).
      IF TG_OP = 'UPDATE' AND NEW.id IS DISTINCT FROM OLD.id AND NOT vetted_is_owner() THEN
        RAISE EXCEPTION 'a review keeps its id' USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'UPDATE' AND OLD.status IN ${DECISIONS} AND NOT vetted_is_owner() THEN
        IF NEW.status IS DISTINCT FROM OLD.status OR NEW.snapshot IS DISTINCT FROM OLD.snapshot
           OR NEW.template_id IS DISTINCT FROM OLD.template_id OR NEW.template_version IS DISTINCT FROM OLD.template_version
           OR NEW.vendor_id IS DISTINCT FROM OLD.vendor_id OR NEW.completed_at IS DISTINCT FROM OLD.completed_at
           OR NEW.reviewer IS DISTINCT FROM OLD.reviewer THEN
          RAISE EXCEPTION 'a decided review stays as it was decided' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.due_override IS DISTINCT FROM OLD.due_override THEN
          PERFORM vetted_refuse_unless(vetted_may_decide(), 'set a decided review''s next date');
        END IF;
      END IF;
      IF NEW.status IN ${DECISIONS} AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status) THEN
        PERFORM vetted_refuse_unless(vetted_may_decide(), 'decide a review');
      END IF;
      IF NEW.status IN ${APPROVALS} AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status) AND NOT (TG_OP = 'INSERT' AND vetted_is_owner()) THEN
        PERFORM vetted_hold_separation(NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END);
      END IF;
      RETURN NEW;
    END $fn$;
    CREATE OR REPLACE FUNCTION vetted_step_guard() RETURNS trigger LANGUAGE plpgsql ${fixed} AS $fn$
    BEGIN
      IF NEW.to_status IN ${DECISIONS} THEN
        PERFORM vetted_refuse_unless(vetted_may_decide(), 'decide a review');
      END IF;
      IF NEW.to_status IN ${APPROVALS} AND NOT vetted_is_owner() THEN
        PERFORM vetted_hold_separation(NEW.review_id, NEW.from_status);
      END IF;
      RETURN NEW;
    END $fn$;
    -- An answer stays with its review: moved, it would change a submitted review's answers without
    -- an answer row on the trail under that review (what the separation of duties reads).
    CREATE OR REPLACE FUNCTION vetted_answer_guard() RETURNS trigger LANGUAGE plpgsql ${fixed} AS $fn$
    BEGIN
      IF NEW.review_id IS DISTINCT FROM OLD.review_id AND NOT vetted_is_owner() THEN
        RAISE EXCEPTION 'an answer stays with its review' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END $fn$;
    DROP TRIGGER IF EXISTS answers_review_guard ON answers;
    CREATE TRIGGER answers_review_guard BEFORE UPDATE OF review_id ON answers FOR EACH ROW EXECUTE FUNCTION vetted_answer_guard();
    DROP TRIGGER IF EXISTS reviews_decision_guard ON reviews;
    CREATE TRIGGER reviews_decision_guard BEFORE INSERT OR UPDATE OR DELETE ON reviews FOR EACH ROW EXECUTE FUNCTION vetted_review_guard();
    DROP TRIGGER IF EXISTS review_steps_decision_guard ON review_steps;
    CREATE TRIGGER review_steps_decision_guard BEFORE INSERT OR UPDATE ON review_steps FOR EACH ROW EXECUTE FUNCTION vetted_step_guard();
  `);
  return names;
}

/**
 * Refuses to set up roles in a schema holding functions, operators, types or tables someone other
 * than the register's owner created. Before PostgreSQL 15 anyone who could connect could create
 * objects in the public schema; a function of theirs matching a call better than the built-in one
 * would run inside the owner's trigger functions. Setup takes that right away, but cannot make
 * safe what is already there: it names it, for the administrator to remove.
 */
async function refuseForeignObjects(tx: Pick<Tx, 'all'>): Promise<void> {
  const foreign = await tx.all<{ kind: string; name: string; owner: string }>(
    `WITH s AS (SELECT n.oid, n.nspname, c.relowner AS owner FROM pg_namespace n
                  JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = 'audit_log'
                 WHERE n.nspname = current_schema())
     SELECT 'function' AS kind, p.oid::regprocedure::text AS name, pg_get_userbyid(p.proowner)::text AS owner
       FROM pg_proc p, s WHERE p.pronamespace = s.oid AND p.proowner <> s.owner
     UNION ALL SELECT 'operator', o.oid::regoperator::text, pg_get_userbyid(o.oprowner)::text
       FROM pg_operator o, s WHERE o.oprnamespace = s.oid AND o.oprowner <> s.owner
     UNION ALL SELECT 'type', t.oid::regtype::text, pg_get_userbyid(t.typowner)::text
       FROM pg_type t, s WHERE t.typnamespace = s.oid AND t.typowner <> s.owner AND t.typrelid = 0
     UNION ALL SELECT 'table', c.oid::regclass::text, pg_get_userbyid(c.relowner)::text
       FROM pg_class c, s WHERE c.relnamespace = s.oid AND c.relowner <> s.owner`,
  );
  if (foreign.length > 0) {
    const list = foreign.map((f) => `${f.kind} ${f.name} (owned by ${f.owner})`).join(', ');
    throw new VettedError('conflict', `The register's schema holds objects its owner did not create: ${list}. Remove them (they could run with the owner's rights), then set the team up again.`);
  }
}

/**
 * Makes an existing login role a member with one team role (taking away the others), or creates
 * the login with a password when `password` is given. A member's password never passes through the
 * register's tables.
 */
export async function addTeamMember(tx: Tx, login: string, role: TeamRole, password?: string): Promise<'created' | 'existing'> {
  if (!/^[a-z_][a-z0-9_.@-]{0,62}$/i.test(login)) throw new VettedError('validation', `LOGIN: not a role name: ${login}`);
  const exists = await tx.get('SELECT 1 AS one FROM pg_roles WHERE rolname = ?', [login]);
  if (!exists) {
    if (password === undefined) throw new VettedError('validation', `LOGIN: there is no role ${login}: create it, or give a password`);
    // The server gets the SCRAM verifier, never the password: a statement that ends in the server's
    // log (a failed one is logged by default) holds nothing to sign in with.
    await tx.exec(`CREATE ROLE ${ident(login)} LOGIN PASSWORD ${sqlText(scramVerifier(password))}`);
  } else if (password !== undefined) {
    throw new VettedError('validation', `LOGIN: ${login} exists already and keeps its own password (change it on the server, or add without a password)`);
  }
  for (const other of TEAM_ROLES) await tx.exec(`REVOKE ${ident(await groupRole(tx, other))} FROM ${ident(login)}`);
  await tx.exec(`GRANT ${ident(await groupRole(tx, role))} TO ${ident(login)}`);
  return exists ? 'existing' : 'created';
}

/**
 * Takes every team role of this register from a member (their login stays: it may serve other
 * databases), and withdraws their published member key: a later login of that name is someone
 * else, whom nothing should be wrapped for until they publish their own. A login that would still
 * be a member through another role it belongs to is refused, naming it: removing it here would not.
 */
export async function removeTeamMember(tx: Pick<Tx, 'get' | 'run' | 'exec'>, login: string): Promise<void> {
  const exists = await tx.get('SELECT 1 AS one FROM pg_roles WHERE rolname = ?', [login]);
  if (!exists) throw new VettedError('validation', `LOGIN: there is no role ${login}`);
  for (const role of TEAM_ROLES) await tx.exec(`REVOKE ${ident(await groupRole(tx, role))} FROM ${ident(login)}`);
  // Still a member through a role it belongs to (a team role granted to a group, the owner role),
  // or as a superuser: taking the team roles would not remove it.
  const through = await tx.get<{ via: string | null; superuser: boolean }>(
    `SELECT (SELECT string_agg(g.rolname, ', ' ORDER BY g.rolname) FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid
              WHERE a.member = m.oid AND (pg_has_role(g.oid, ?::name, 'MEMBER')
                 OR pg_has_role(g.oid, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'reviews'::regclass), 'MEMBER'))) AS via,
            m.rolsuper AS superuser
       FROM pg_roles m WHERE m.rolname = ?`,
    [await groupRole(tx, 'readonly'), login],
  );
  if (through?.superuser) throw new VettedError('validation', `LOGIN: ${login} is a superuser of the server: no team role makes or unmakes it a member`);
  if (through?.via) throw new VettedError('validation', `LOGIN: ${login} is still a member through ${through.via}; take that role from them first`);
  await tx.run('DELETE FROM member_keys WHERE db_role = ?', [login]);
}

/**
 * A SCRAM-SHA-256 verifier (RFC 5802/7677, as PostgreSQL stores passwords):
 * SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>, all base64. PostgreSQL takes one in
 * CREATE ROLE … PASSWORD and stores it as it is.
 */
export function scramVerifier(password: string, iterations = 4096, salt = randomBytes(16)): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** A string literal for DDL, where parameters cannot go. */
function sqlText(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Every member of this register's team roles, with their role (the highest, where one has several). */
export async function listTeamMembers(tx: Pick<Tx, 'all' | 'get'>): Promise<{ login: string; role: TeamRole }[]> {
  const groups = new Map<string, TeamRole>();
  for (const role of TEAM_ROLES) groups.set(await groupRole(tx, role), role);
  const rows = await tx.all<{ login: string; grp: string }>(
    `SELECT m.rolname AS login, g.rolname AS grp FROM pg_auth_members a
       JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
      WHERE g.rolname IN (?, ?, ?) AND m.rolname NOT IN (?, ?, ?) ORDER BY m.rolname`,
    [...groups.keys(), ...groups.keys()],
  );
  const best = new Map<string, TeamRole>();
  for (const row of rows) {
    const role = groups.get(row.grp)!;
    const had = best.get(row.login);
    if (!had || TEAM_ROLES.indexOf(role) > TEAM_ROLES.indexOf(had)) best.set(row.login, role);
  }
  return [...best].map(([login, role]) => ({ login, role }));
}
