import type { Migration } from './types';

/**
 * A name per member of a team register (issue 22). The trail's actor, the name each change is
 * recorded under, was the register's one user-name setting: on a file, the person at the keyboard;
 * on a team register the same name for every member (only the owner may change it). Now each
 * member's own name, kept in member_names under the database role the server knows them by, is
 * the actor of their changes, and their "Your name" in Settings. Self-declared, as the setting is:
 * the trail's db_user (migration 014) is the server's word for who it was.
 *
 * - member_names: one row per role. Row-level security lets each member write only their own row
 *   (whatever role a client claims, the key is compared with session_user); everyone reads all.
 *   Changing one's name is on the trail (entity "member").
 * - vetted_actor(): the name a change is recorded under: a name a signed step borrows for its
 *   transaction (vetted.actor, set by writeAsActor: approving makes a proposed provider active in
 *   the signer's name), else the member's own, else the register's user-name setting (a register
 *   moved in from a file, a member who set no name), else ''. Any session can set vetted.actor, as
 *   any member can name themselves anything: the name is self-declared either way, db_user is not. Every audit function is rewritten to
 *   call it in place of the setting's expression, as the functions stand in this register.
 *
 * A file has one user, whose name is the setting: nothing changes there.
 */
export const memberNames: Migration = {
  version: 16,
  name: 'member-names',
  up() {
    // A register file has one user: its user-name setting stays the actor.
  },
  postgres: `
    CREATE TABLE member_names (
      db_role    text PRIMARY KEY DEFAULT session_user,
      name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      updated_at text NOT NULL
    );
    ALTER TABLE member_names ENABLE ROW LEVEL SECURITY;
    CREATE POLICY member_names_read ON member_names FOR SELECT USING (true);
    CREATE POLICY member_names_insert ON member_names FOR INSERT WITH CHECK (db_role = session_user);
    CREATE POLICY member_names_update ON member_names FOR UPDATE USING (db_role = session_user) WITH CHECK (db_role = session_user);
    CREATE POLICY member_names_delete ON member_names FOR DELETE USING (db_role = session_user);

    -- Everyone reads the names, and writes their own row (row-level security), from the start:
    -- a register upgraded before its owner runs \`vetted team setup\` again still lets members work.
    GRANT SELECT, INSERT, UPDATE, DELETE ON member_names TO PUBLIC;

    -- As the register's owner (SECURITY DEFINER): every write's audit row and answer asks it, whatever
    -- the member may read. A borrowed name is cut to a name's length, as a stored one is.
    CREATE OR REPLACE FUNCTION vetted_actor() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER AS $fn$
      SELECT COALESCE(
        NULLIF(pg_catalog.left(pg_catalog.current_setting('vetted.actor', true), 200), ''),
        (SELECT m.name FROM member_names m WHERE m.db_role OPERATOR(pg_catalog.=) session_user),
        (SELECT s.value::json #>> '{}' FROM settings s WHERE s.key OPERATOR(pg_catalog.=) 'userName'),
        '')
    $fn$;

    CREATE OR REPLACE FUNCTION vetted_audit_member_names() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO audit_log (at, actor, entity, entity_id, vendor_id, action, old_value, new_value)
          VALUES (to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), vetted_actor(), 'member', NEW.db_role, NULL,
                  'create', NULL, json_build_object('name', NEW.name)::text);
      ELSIF TG_OP = 'UPDATE' THEN
        IF OLD.name IS DISTINCT FROM NEW.name THEN
          INSERT INTO audit_log (at, actor, entity, entity_id, vendor_id, action, old_value, new_value)
            VALUES (to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), vetted_actor(), 'member', NEW.db_role, NULL,
                    'update', json_build_object('name', OLD.name)::text, json_build_object('name', NEW.name)::text);
        END IF;
      ELSE
        INSERT INTO audit_log (at, actor, entity, entity_id, vendor_id, action, old_value, new_value)
          VALUES (to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), vetted_actor(), 'member', OLD.db_role, NULL,
                  'delete', json_build_object('name', OLD.name)::text, NULL);
      END IF;
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER audit_member_names AFTER INSERT OR UPDATE OR DELETE ON member_names
      FOR EACH ROW EXECUTE FUNCTION vetted_audit_member_names();

    -- Every audit function of this register names vetted_actor() where it read the setting.
    DO $do$
    DECLARE f oid;
    BEGIN
      FOR f IN SELECT p.oid FROM pg_proc p
                WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'vetted\\_audit\\_%'
                  AND p.prosrc LIKE '%FROM settings WHERE key = ''userName''%' LOOP
        EXECUTE replace(pg_get_functiondef(f), $old$COALESCE((SELECT value::json #>> '{}' FROM settings WHERE key = 'userName'), '')$old$, 'vetted_actor()');
      END LOOP;
      IF EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'vetted\\_audit\\_%'
                   AND p.prosrc LIKE '%FROM settings WHERE key = ''userName''%') THEN
        RAISE EXCEPTION 'an audit function still reads the user-name setting itself';
      END IF;
    END $do$;

    -- As every function of the register (migration 014): names resolve in pg_catalog and the
    -- register's schema only, whatever search path a member's session set.
    DO $do$
    DECLARE f regprocedure;
    BEGIN
      FOR f IN SELECT p.oid::regprocedure FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
                 AND p.proname IN ('vetted_actor', 'vetted_audit_member_names') LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, %I', f, current_schema());
      END LOOP;
    END $do$;
  `,
};
