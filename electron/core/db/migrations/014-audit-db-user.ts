import type { Migration } from './types';

// Written out as it ships (see 002-lifecycle.ts for why migrations do not share trigger builders).

const GENESIS = '0'.repeat(64);
const COLUMNS = ['id', 'at', 'actor', 'entity', 'entity_id', 'vendor_id', 'action', 'old_value', 'new_value', 'imported_from', 'db_user'];

/**
 * The database role beside the self-declared name in the audit trail (issue 22). On a team register
 * the database sets db_user to the session's role for every row it writes, whatever the client sends;
 * the chain hashes it (audit-chain.ts: imported_from or null, then db_user, as the tenth and eleventh
 * elements), so it cannot be changed afterwards without breaking the chain. A register file's own
 * rows leave it null and hash as before; rows a file receives from a team register (vetted
 * migrate-register) keep theirs, and the file's chain trigger hashes them the same way.
 *
 * On PostgreSQL only the register's owner moving a register in (vetted.audit_copy, set by
 * migrate-register) may write rows with the db_user they already had. The same migration hardens the
 * team register after a review: the chain's turn is a row lock no member can take by hand, step
 * numbers are the database's, and every function has a fixed search path.
 */
export const auditDbUser: Migration = {
  version: 14,
  name: 'audit-db-user',
  up(db) {
    const unchanged = COLUMNS.map((c) => `NEW.${c} IS OLD.${c}`).join(' AND ');
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN db_user TEXT;
      DROP TRIGGER audit_log_no_update;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL AND ${unchanged}) BEGIN
        SELECT RAISE(ABORT, 'the audit trail is append-only');
      END;
      DROP TRIGGER audit_log_chain;
      CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log BEGIN
        UPDATE audit_log SET hash = vetted_audit_hash(
          COALESCE((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), '${GENESIS}'),
          NEW.at, NEW.actor, NEW.entity, NEW.entity_id, NEW.vendor_id, NEW.action, NEW.old_value, NEW.new_value, NEW.imported_from, NEW.db_user
        ) WHERE id = NEW.id;
      END;
    `);
  },
  postgres: `
    ALTER TABLE audit_log ADD COLUMN db_user text;

    -- The chain's turn is a row lock on a table only the owner may update, taken inside the owner's
    -- trigger function: a member cannot take it by hand (an advisory lock anyone can take, and hold).
    CREATE TABLE vetted_chain (id integer PRIMARY KEY CHECK (id = 1));
    INSERT INTO vetted_chain (id) VALUES (1);

    -- A step's number is the database's, never a client's (a register moved in says OVERRIDING).
    ALTER TABLE review_steps ALTER COLUMN id SET GENERATED ALWAYS;

    DROP FUNCTION vetted_audit_hash(text, text, text, text, text, text, text, text, text, text);
    CREATE FUNCTION vetted_audit_hash(
      previous text, at text, actor text, entity text, entity_id text, vendor_id text, action text,
      old_value text, new_value text, imported_from text, db_user text
    ) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $fn$
      SELECT encode(sha256(convert_to(
        '[' || array_to_string(
          ARRAY(SELECT coalesce(to_json(f)::text, 'null') FROM unnest(
            ARRAY[previous, at, actor, entity, entity_id, vendor_id, action,
                  vetted_canonical_json(old_value), vetted_canonical_json(new_value)]
            || CASE
                 WHEN db_user IS NOT NULL THEN ARRAY[imported_from, db_user]
                 WHEN imported_from IS NOT NULL THEN ARRAY[imported_from]
                 ELSE '{}'::text[]
               END
          ) WITH ORDINALITY AS u(f, ord) ORDER BY ord),
          ','
        ) || ']',
        'UTF8')), 'hex')
    $fn$;

    -- A register being moved in by its owner keeps its rows' own db_user; every other row names the
    -- session's role, whatever the client sent.
    -- Built-ins called by name from pg_catalog: a function of someone else's with a closer match
    -- must never stand in for them (search_path alone does not prevent that).
    CREATE OR REPLACE FUNCTION vetted_audit_copying() RETURNS boolean LANGUAGE sql STABLE AS $fn$
      SELECT COALESCE(pg_catalog.current_setting('vetted.audit_copy', true), '') OPERATOR(pg_catalog.=) 'on'
         AND pg_catalog.pg_has_role(session_user, (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = 'audit_log'::pg_catalog.regclass), 'MEMBER')
    $fn$;
    CREATE OR REPLACE FUNCTION vetted_audit_muted() RETURNS boolean LANGUAGE sql STABLE AS $fn$
      SELECT COALESCE(pg_catalog.current_setting('vetted.audit_muted', true), '') OPERATOR(pg_catalog.=) 'on'
         AND pg_catalog.pg_has_role(session_user, (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = 'audit_log'::pg_catalog.regclass), 'MEMBER')
    $fn$;

    CREATE OR REPLACE FUNCTION vetted_audit_append() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
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
      IF NOT vetted_audit_copying() THEN
        NEW.db_user := session_user;
      END IF;
      PERFORM 1 FROM vetted_chain WHERE id = 1 FOR UPDATE;
      SELECT id, hash INTO last_id, last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
      IF NEW.id IS NULL THEN
        NEW.id := coalesce(last_id, 0) + 1;
      ELSIF NEW.id <= coalesce(last_id, 0) THEN
        RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      NEW.hash := vetted_audit_hash(coalesce(last_hash, '${GENESIS}'), NEW.at, NEW.actor, NEW.entity, NEW.entity_id,
        NEW.vendor_id, NEW.action, NEW.old_value, NEW.new_value, NEW.imported_from, NEW.db_user);
      RETURN NEW;
    END $$;

    -- Every function of the register resolves names in pg_catalog and the register's schema only,
    -- whatever search path the calling session set (a member could otherwise put a function of
    -- their own before pg_catalog's); the trail's values print doubles whatever extra_float_digits
    -- the session chose.
    DO $do$
    DECLARE f regprocedure;
    BEGIN
      FOR f IN SELECT p.oid::regprocedure FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'vetted\\_%' LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, %I', f, current_schema());
        EXECUTE format('ALTER FUNCTION %s SET extra_float_digits = 1', f);
      END LOOP;
    END $do$;
  `,
};
