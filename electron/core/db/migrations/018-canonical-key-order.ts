import { AUDIT_HASH_FUNCTIONS_SQL } from '../postgres/audit-hash';
import type { Migration } from './types';

/**
 * The audit hash on a team register re-spells each JSON value as JavaScript does
 * (vetted_canonical_json, db/postgres/audit-hash.ts), but kept an object's keys in the order
 * written, where a JavaScript object puts array-index keys ("0", "2", "10") first in numeric order:
 * a value with such keys would hash differently on the server than `vetted audit verify` computes,
 * and the trail would read as tampered. (A property test found it; the register's own values have
 * no such keys, but imported or hand-written JSON may.) The functions are installed again in their
 * corrected form, with the fixed search path and float printing every function here has (migration 014).
 *
 * A file's trail is hashed by JavaScript itself: nothing changes there.
 */
export const canonicalKeyOrder: Migration = {
  version: 18,
  name: 'canonical-key-order',
  up() {
    // The file's hash is JavaScript's own.
  },
  postgres: `
    ${AUDIT_HASH_FUNCTIONS_SQL}
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
