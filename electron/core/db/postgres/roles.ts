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
import type { Tx } from '../store/sql';

export const TEAM_ROLES = ['readonly', 'reviewer', 'approver'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Tables a reviewer may change; audit_log and vetted_schema are the owner's (and the triggers'). */
const WRITABLE = [
  'vendors', 'templates', 'reviews', 'answers', 'settings', 'review_steps', 'findings', 'acceptances', 'evidence',
  'evidence_files', 'crypto_keys', 'maintenance_windows', 'blackout_periods', 'incidents', 'incident_tombstones',
  'status_settings', 'questionnaire_requests', 'upstreams', 'listed_scores', 'score_stamps',
];

const DECISIONS = `('approved', 'approved_with_conditions', 'rejected')`;

/** The group role of a team role on this register's database, e.g. vetted_reviewer for database "vetted". */
export async function groupRole(tx: Pick<Tx, 'get'>, role: TeamRole): Promise<string> {
  const row = await tx.get<{ db: string }>('SELECT current_database() AS db');
  return `${row!.db}_${role}`;
}

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
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const name of Object.values(names)) {
    const exists = await tx.get('SELECT 1 AS one FROM pg_roles WHERE rolname = ?', [name]);
    if (!exists) await tx.exec(`CREATE ROLE ${ident(name)} NOLOGIN`);
  }
  const schema = (await tx.get<{ s: string }>('SELECT current_schema() AS s'))!.s;
  const db = (await tx.get<{ db: string }>('SELECT current_database() AS db'))!.db;
  await tx.exec(`
    GRANT ${ident(names.readonly)} TO ${ident(names.reviewer)};
    GRANT ${ident(names.reviewer)} TO ${ident(names.approver)};
    REVOKE ALL ON DATABASE ${ident(db)} FROM PUBLIC;
    GRANT CONNECT ON DATABASE ${ident(db)} TO ${ident(names.readonly)};
    REVOKE ALL ON ALL TABLES IN SCHEMA ${ident(schema)} FROM PUBLIC;
    GRANT USAGE ON SCHEMA ${ident(schema)} TO ${ident(names.readonly)};
    GRANT SELECT ON ALL TABLES IN SCHEMA ${ident(schema)} TO ${ident(names.readonly)};
    GRANT INSERT, UPDATE, DELETE ON ${WRITABLE.map(ident).join(', ')} TO ${ident(names.reviewer)};
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${ident(schema)} TO ${ident(names.reviewer)};

    -- A decision is an approver's (or the owner's): whoever changes a review's status to one, or
    -- records a step to one, must be a member of the approver role.
    CREATE OR REPLACE FUNCTION vetted_may_decide() RETURNS boolean LANGUAGE sql STABLE AS $fn$
      SELECT pg_has_role(session_user, ${sqlText(names.approver)}, 'MEMBER')
          OR pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'reviews'::regclass), 'MEMBER')
    $fn$;
    CREATE OR REPLACE FUNCTION vetted_refuse_decision() RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NOT vetted_may_decide() THEN
        RAISE EXCEPTION 'only an approver may decide a review (the role % is not one)', session_user
          USING ERRCODE = 'insufficient_privilege';
      END IF;
    END $fn$;
    CREATE OR REPLACE FUNCTION vetted_review_decision_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NEW.status IN ${DECISIONS} AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status) THEN
        PERFORM vetted_refuse_decision();
      END IF;
      RETURN NEW;
    END $fn$;
    CREATE OR REPLACE FUNCTION vetted_step_decision_guard() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF NEW.to_status IN ${DECISIONS} THEN
        PERFORM vetted_refuse_decision();
      END IF;
      RETURN NEW;
    END $fn$;
    DROP TRIGGER IF EXISTS reviews_decision_guard ON reviews;
    CREATE TRIGGER reviews_decision_guard BEFORE INSERT OR UPDATE ON reviews FOR EACH ROW EXECUTE FUNCTION vetted_review_decision_guard();
    DROP TRIGGER IF EXISTS review_steps_decision_guard ON review_steps;
    CREATE TRIGGER review_steps_decision_guard BEFORE INSERT OR UPDATE ON review_steps FOR EACH ROW EXECUTE FUNCTION vetted_step_decision_guard();
  `);
  return names;
}

/**
 * Makes an existing login role a member with one team role (taking away the others), or creates
 * the login with a password when `password` is given. A member's password never passes through the
 * register's tables.
 */
export async function addTeamMember(tx: Tx, login: string, role: TeamRole, password?: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_.@-]{0,62}$/i.test(login)) throw new Error(`not a role name: ${login}`);
  const ident = `"${login.replace(/"/g, '""')}"`;
  const exists = await tx.get('SELECT 1 AS one FROM pg_roles WHERE rolname = ?', [login]);
  if (!exists) {
    if (password === undefined) throw new Error(`there is no role ${login}: create it, or give a password`);
    await tx.exec(`CREATE ROLE ${ident} LOGIN PASSWORD ${sqlText(password)}`);
  }
  for (const other of TEAM_ROLES) await tx.exec(`REVOKE "${await groupRole(tx, other)}" FROM ${ident}`);
  await tx.exec(`GRANT "${await groupRole(tx, role)}" TO ${ident}`);
}

/** Takes every team role of this register from a member (their login stays: it may serve other databases). */
export async function removeTeamMember(tx: Tx, login: string): Promise<void> {
  const ident = `"${login.replace(/"/g, '""')}"`;
  for (const role of TEAM_ROLES) await tx.exec(`REVOKE "${await groupRole(tx, role)}" FROM ${ident}`);
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
