// Brings a PostgreSQL register to this Vetted's schema (issue 22), as migrate.ts does for a file:
// refuses a newer schema, and a database that holds something other than a register, before
// touching anything; then applies what is missing, each step in its own transaction, which also
// records the version. Two Vetteds opening an empty database at once take turns (an advisory lock):
// one creates the register, the other finds it made.
import { VettedError } from '../../../../shared/result';
import { assertNotNewer } from '../migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../migrations';
import type { Store, Tx } from '../store/sql';
import { AUDIT_HASH_FUNCTIONS_SQL } from './audit-hash';
import { BASELINE_FUNCTIONS, BASELINE_TABLES, BASELINE_VERSION } from './baseline';
import { BASELINE_TRIGGERS } from './triggers';

const MIGRATE_KEY = 'vetted migrate';

/** The schema version a PostgreSQL register records (0: none yet). */
export async function postgresSchemaVersion(sql: Pick<Tx, 'get'>): Promise<number> {
  const table = await sql.get<{ found: string | null }>("SELECT to_regclass('vetted_schema')::text AS found");
  if (!table?.found) return 0;
  const row = await sql.get<{ version: number }>('SELECT version FROM vetted_schema');
  return row?.version ?? 0;
}

export async function migratePostgres(store: Store): Promise<number[]> {
  if (store.dialect !== 'postgres') throw new Error('migratePostgres needs a PostgreSQL store');
  // A register already at this schema needs nothing, and takes no lock: members open it every day.
  const found = await postgresSchemaVersion(store);
  assertNotNewer(found, LATEST_SCHEMA_VERSION, store.location);
  if (found === LATEST_SCHEMA_VERSION) return [];
  if (found > 0) {
    const mayMigrate = await store.get<{ may: boolean }>("SELECT has_table_privilege('vetted_schema', 'UPDATE') AS may");
    if (!mayMigrate?.may) {
      throw new VettedError(
        'forbidden',
        `The team register is at schema ${found} and this Vetted needs ${LATEST_SCHEMA_VERSION}: its owner must open it once with this version first.`,
      );
    }
  }
  const applied: number[] = [];
  const steps = [
    { version: BASELINE_VERSION, name: 'baseline', up: baseline },
    ...MIGRATIONS.filter((m) => m.version > BASELINE_VERSION).map((m) => {
      const script = m.postgres;
      if (script === undefined) throw new Error(`migration ${m.version} (${m.name}) has no PostgreSQL part`);
      return { version: m.version, name: m.name, up: (tx: Tx) => tx.exec(script) };
    }),
  ];
  for (const step of steps) {
    const done = await store.write(async (tx) => {
      // Two Vetteds migrating at once take turns: on the version table (only its owner may lock it),
      // or, before there is one, on an advisory key (an empty database has no members yet).
      if (await postgresSchemaVersion(tx)) await tx.exec('LOCK TABLE vetted_schema IN SHARE ROW EXCLUSIVE MODE');
      else await tx.lockKey(MIGRATE_KEY);
      const version = await postgresSchemaVersion(tx);
      assertNotNewer(version, LATEST_SCHEMA_VERSION, store.location);
      if (version >= step.version) return false;
      if (version === 0) await refuseForeign(tx, store.location);
      await step.up(tx);
      await tx.run('UPDATE vetted_schema SET version = ?', [step.version]);
      return true;
    });
    if (done) applied.push(step.version);
  }
  return applied;
}

async function baseline(tx: Tx): Promise<void> {
  await tx.exec(`CREATE TABLE vetted_schema (version bigint NOT NULL);
    INSERT INTO vetted_schema (version) VALUES (0);`);
  await tx.exec(BASELINE_FUNCTIONS);
  await tx.exec(AUDIT_HASH_FUNCTIONS_SQL);
  await tx.exec(BASELINE_TABLES);
  await tx.exec(BASELINE_TRIGGERS);
}

/** A database with tables of its own in the register's schema is not made into a register. */
async function refuseForeign(tx: Tx, location: string): Promise<void> {
  const tables = await tx.get<{ n: number }>(
    'SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema()',
  );
  if ((tables?.n ?? 0) > 0) {
    throw new VettedError('validation', `${location} holds tables that are not a Vetted register; it was left untouched.`);
  }
}
