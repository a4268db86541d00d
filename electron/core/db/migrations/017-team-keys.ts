import type { Migration } from './types';

/**
 * A team data key wrapped per member (issue 22). On a file the data key comes from the user's own
 * key source (key file, keychain, passphrase). On a team register every member needs it, each from
 * a secret of their own, and a member who leaves must not be able to open what is sealed after.
 *
 * - member_keys: each member's X25519 public key (crypto/member-key.ts), whose private half is
 *   derived from a secret only they hold; key_id and kdf_salt name that secret in their key source.
 *   Row-level security: everyone reads all, each writes only their own row.
 * - team_key_generations: the data key's renewals. Generation 1 is the register's key (crypto_keys,
 *   migration 003); each renewal (a member removed) adds one, with its own key check, and values
 *   sealed from then on use it. Only the owner writes it (no member is granted it).
 * - team_key_wraps: a generation's key wrapped to one member's public key by a member who held it.
 *   Everyone reads them (each opens only with its member's private key); a member adds wraps in
 *   their own name only; nobody but the owner deletes one. A wrap that does not open to a key
 *   passing the generation's check is ignored by the client, so a member writing a false one can
 *   delay a colleague's access, never hand them a key of the writer's choosing.
 *
 * Every row added is on the trail (entity "team-key"). A file has one user: nothing changes there.
 */
export const teamKeys: Migration = {
  version: 17,
  name: 'team-keys',
  up() {
    // A register file's key comes from its user's key source alone.
  },
  postgres: `
    CREATE TABLE member_keys (
      db_role    text PRIMARY KEY DEFAULT session_user,
      key_id     text NOT NULL,
      kdf_salt   text NOT NULL,
      public_key text NOT NULL CHECK (public_key ~ '^[A-Za-z0-9+/]{43}=$'),
      created_at text NOT NULL
    );
    ALTER TABLE member_keys ENABLE ROW LEVEL SECURITY;
    CREATE POLICY member_keys_read ON member_keys FOR SELECT USING (true);
    CREATE POLICY member_keys_insert ON member_keys FOR INSERT WITH CHECK (db_role = session_user);
    CREATE POLICY member_keys_update ON member_keys FOR UPDATE USING (db_role = session_user) WITH CHECK (db_role = session_user);
    CREATE POLICY member_keys_delete ON member_keys FOR DELETE USING (db_role = session_user);

    CREATE TABLE team_key_generations (
      generation integer PRIMARY KEY CHECK (generation >= 2),
      key_check  text NOT NULL,
      reason     text NOT NULL,
      created_by text NOT NULL DEFAULT session_user,
      created_at text NOT NULL
    );

    CREATE TABLE team_key_wraps (
      db_role    text NOT NULL,
      public_key text NOT NULL,
      generation integer NOT NULL CHECK (generation >= 1),
      wrapped_by text NOT NULL DEFAULT session_user,
      wrapped    text NOT NULL CHECK (length(wrapped) <= 200),
      created_at text NOT NULL,
      PRIMARY KEY (db_role, public_key, generation, wrapped_by)
    );
    ALTER TABLE team_key_wraps ENABLE ROW LEVEL SECURITY;
    CREATE POLICY team_key_wraps_read ON team_key_wraps FOR SELECT USING (true);
    CREATE POLICY team_key_wraps_insert ON team_key_wraps FOR INSERT WITH CHECK (wrapped_by = session_user);

    -- As member_names (migration 016): usable before the owner runs \`vetted team setup\` again.
    GRANT SELECT, INSERT, UPDATE, DELETE ON member_keys TO PUBLIC;
    GRANT SELECT, INSERT ON team_key_wraps TO PUBLIC;
    GRANT SELECT ON team_key_generations TO PUBLIC;

    CREATE FUNCTION vetted_audit_team_keys() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $fn$
    DECLARE
      r record;
      about text;
      old_value text;
      new_value text;
    BEGIN
      IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
      IF TG_TABLE_NAME = 'member_keys' THEN
        IF TG_OP = 'UPDATE' AND OLD.public_key IS NOT DISTINCT FROM NEW.public_key THEN RETURN NULL; END IF;
        about := r.db_role;
        IF TG_OP <> 'INSERT' THEN old_value := json_build_object('publicKey', OLD.public_key)::text; END IF;
        IF TG_OP <> 'DELETE' THEN new_value := json_build_object('publicKey', NEW.public_key)::text; END IF;
      ELSIF TG_TABLE_NAME = 'team_key_wraps' THEN
        about := r.db_role;
        IF TG_OP <> 'INSERT' THEN old_value := json_build_object('generation', OLD.generation, 'publicKey', OLD.public_key, 'wrappedBy', OLD.wrapped_by)::text; END IF;
        IF TG_OP <> 'DELETE' THEN new_value := json_build_object('generation', NEW.generation, 'publicKey', NEW.public_key, 'wrappedBy', NEW.wrapped_by)::text; END IF;
      ELSE
        about := 'generation ' || r.generation;
        IF TG_OP <> 'INSERT' THEN old_value := json_build_object('generation', OLD.generation, 'reason', OLD.reason)::text; END IF;
        IF TG_OP <> 'DELETE' THEN new_value := json_build_object('generation', NEW.generation, 'reason', NEW.reason)::text; END IF;
      END IF;
      INSERT INTO audit_log (at, actor, entity, entity_id, vendor_id, action, old_value, new_value)
        VALUES (to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), vetted_actor(), 'team-key', about, NULL,
                CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END, old_value, new_value);
      RETURN NULL;
    END $fn$;
    CREATE TRIGGER audit_member_keys AFTER INSERT OR UPDATE OR DELETE ON member_keys FOR EACH ROW EXECUTE FUNCTION vetted_audit_team_keys();
    CREATE TRIGGER audit_team_key_wraps AFTER INSERT OR UPDATE OR DELETE ON team_key_wraps FOR EACH ROW EXECUTE FUNCTION vetted_audit_team_keys();
    CREATE TRIGGER audit_team_key_generations AFTER INSERT OR UPDATE OR DELETE ON team_key_generations FOR EACH ROW EXECUTE FUNCTION vetted_audit_team_keys();

    -- As every function of the register (migration 014): names resolve in pg_catalog and the
    -- register's schema only, whatever search path a member's session set.
    DO $do$
    BEGIN
      EXECUTE format('ALTER FUNCTION vetted_audit_team_keys() SET search_path = pg_catalog, %I', current_schema());
    END $do$;
  `,
};
