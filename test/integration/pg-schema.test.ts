// A PostgreSQL register has the file register's schema (issue 22): the same tables, columns in the
// same order, types, NOT NULLs, defaults, keys, checks and indexes. The PostgreSQL side is written
// out separately (electron/core/db/postgres/baseline.ts), so this is what keeps the two one schema.
import { INSERTION_ORDERED } from '../../electron/core/db/migrations/015-insertion-order';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openRegister } from '../../electron/core/db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { BASELINE_VERSION } from '../../electron/core/db/postgres/baseline';
import { migratePostgres, postgresSchemaVersion } from '../../electron/core/db/postgres/migrate';
import { PgStore } from '../../electron/core/db/store/pg-store';
import { VettedError } from '../../shared/result';
import { freshDatabase } from '../helpers/postgres';
import { tempDbPath } from '../helpers/tmp';

interface TableShape {
  columns: string[];
  primaryKey: string[];
  foreignKeys: string[];
  checks: number;
  indexes: string[];
}

const TYPES: Record<string, string> = { TEXT: 'text', INTEGER: 'bigint', REAL: 'double precision', BLOB: 'bytea' };
const normaliseDefault = (d: string | null) => (d === null ? 'none' : d.replace(/::(text|bigint|integer|double precision)$/, ''));

function sqliteShapes(): Map<string, TableShape> {
  const register = openRegister(tempDbPath());
  try {
    const db = register.db;
    const shapes = new Map<string, TableShape>();
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string; sql: string }[];
    for (const { name, sql } of tables) {
      const info = db.prepare(`PRAGMA table_info(${name})`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
      const fks = db.prepare(`PRAGMA foreign_key_list(${name})`).all() as { id: number; table: string; from: string; to: string; on_delete: string }[];
      const byId = new Map<number, typeof fks>();
      for (const fk of fks) byId.set(fk.id, [...(byId.get(fk.id) ?? []), fk]);
      const indexes = (db.prepare(`PRAGMA index_list(${name})`).all() as { name: string; unique: number; origin: string; partial: number }[])
        .filter((i) => i.origin === 'c')
        .map((i) => {
          const cols = (db.prepare(`PRAGMA index_xinfo(${i.name})`).all() as { name: string | null; key: number; coll: string }[])
            .filter((c) => c.key === 1)
            .map((c) => (c.coll === 'NOCASE' ? `nocase(${c.name})` : String(c.name)));
          return `${i.name} ${i.unique ? 'unique ' : ''}(${cols.join(', ')})${i.partial ? ' partial' : ''}`;
        });
      // A rowid table whose key is INTEGER PRIMARY KEY numbers its rows itself: so does the other side.
      // The order rows were added: SQLite's hidden rowid, a numbered column on PostgreSQL (migration 015).
      const rowid = (INSERTION_ORDERED as readonly string[]).includes(name) ? ['rowid bigint not null default none'] : [];
      shapes.set(name, {
        columns: [...info.map((c) => `${c.name} ${TYPES[c.type.toUpperCase()] ?? c.type}${c.notnull || c.pk ? ' not null' : ''} default ${normaliseDefault(c.dflt_value)}`), ...rowid],
        primaryKey: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
        foreignKeys: [...byId.values()]
          .map((parts) => `(${parts.map((p) => p.from).join(', ')}) → ${parts[0]!.table} (${parts.map((p) => p.to ?? '').join(', ')}) on delete ${parts[0]!.on_delete.toLowerCase()}`)
          .sort(),
        checks: (sql.match(/\bCHECK\s*\(/gi) ?? []).length,
        indexes: indexes.sort(),
      });
    }
    return shapes;
  } finally {
    register.close();
  }
}

async function postgresShapes(store: PgStore): Promise<Map<string, TableShape>> {
  const shapes = new Map<string, TableShape>();
  // Not the file's: the schema version, the trail's chain row, the members' names (migration 016) and keys (017).
  const tables = await store.all<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('vetted_schema', 'vetted_chain', 'member_names', 'member_keys', 'team_key_generations', 'team_key_wraps') ORDER BY tablename",
  );
  const ON_DELETE: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };
  for (const { name } of tables) {
    const columns = await store.all<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_identity: string }>(
      'SELECT column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position',
      [name],
    );
    const constraints = await store.all<{ contype: string; def: string; cols: string[] | null }>(
      `SELECT c.contype, pg_get_constraintdef(c.oid) AS def,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS cols
         FROM pg_constraint c WHERE c.conrelid = ?::regclass`,
      [name],
    );
    const fks = await store.all<{ cols: string[]; ref: string; refcols: string[]; confdeltype: string }>(
      `SELECT (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS cols,
              c.confrelid::regclass::text AS ref,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS refcols,
              c.confdeltype
         FROM pg_constraint c WHERE c.conrelid = ?::regclass AND c.contype = 'f'`,
      [name],
    );
    const indexes = await store.all<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? AND indexname NOT LIKE '%_pkey'",
      [name],
    );
    shapes.set(name, {
      columns: columns.map(
        (c) => `${c.column_name} ${c.data_type}${c.is_nullable === 'NO' ? ' not null' : ''} default ${c.is_identity === 'YES' ? 'none' : normaliseDefault(c.column_default)}`,
      ),
      primaryKey: constraints.find((c) => c.contype === 'p')?.cols ?? [],
      foreignKeys: fks.map((f) => `(${f.cols.join(', ')}) → ${f.ref} (${f.refcols.join(', ')}) on delete ${ON_DELETE[f.confdeltype]}`).sort(),
      checks: constraints.filter((c) => c.contype === 'c').length,
      indexes: indexes
        .map((i) => {
          const m = /^CREATE (UNIQUE )?INDEX \S+ ON \S+ USING btree \((.*?)\)( WHERE .*)?$/.exec(i.indexdef);
          assert.ok(m, i.indexdef);
          const cols = m[2]!.replace(/vetted_nocase\((\w+)\)/g, 'nocase($1)');
          return `${i.indexname} ${m[1] ? 'unique ' : ''}(${cols})${m[3] ? ' partial' : ''}`;
        })
        .sort(),
    });
  }
  return shapes;
}

test('a new PostgreSQL register has the file register’s tables, columns, keys, checks and indexes', async () => {
  const store = new PgStore((await freshDatabase()).url);
  try {
    assert.deepEqual(await migratePostgres(store), [BASELINE_VERSION, ...MIGRATIONS.filter((m) => m.version > BASELINE_VERSION).map((m) => m.version)]);
    assert.equal(await postgresSchemaVersion(store), LATEST_SCHEMA_VERSION);
    const file = sqliteShapes();
    const server = await postgresShapes(store);
    assert.deepEqual([...server.keys()], [...file.keys()]);
    for (const [table, shape] of file) assert.deepEqual(server.get(table), shape, table);
    // Opening it again changes nothing.
    assert.deepEqual(await migratePostgres(store), []);
  } finally {
    await store.close();
  }
});

test('every migration after the PostgreSQL baseline carries its PostgreSQL part', () => {
  for (const m of MIGRATIONS.filter((x) => x.version > BASELINE_VERSION)) assert.equal(typeof m.postgres, 'string', `${m.version} ${m.name}`);
  assert.ok(BASELINE_VERSION <= LATEST_SCHEMA_VERSION);
});

test('a newer register, or a database that holds something else, is refused untouched', async () => {
  const newer = new PgStore((await freshDatabase()).url);
  const other = new PgStore((await freshDatabase()).url);
  try {
    await migratePostgres(newer);
    await newer.run('UPDATE vetted_schema SET version = ?', [LATEST_SCHEMA_VERSION + 1]);
    await assert.rejects(migratePostgres(newer), (e: unknown) => e instanceof VettedError && e.code === 'schema_too_new');

    await other.exec('CREATE TABLE accounts (id text)');
    await assert.rejects(migratePostgres(other), (e: unknown) => e instanceof VettedError && e.code === 'validation' && /not a Vetted register/.test(e.message));
    assert.deepEqual(await other.all("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"), [{ tablename: 'accounts' }]);
  } finally {
    await newer.close();
    await other.close();
  }
});

test('two Vetteds opening the same empty database at once make one register', async () => {
  const { url } = await freshDatabase();
  const a = new PgStore(url);
  const b = new PgStore(url);
  try {
    const [fromA, fromB] = await Promise.all([migratePostgres(a), migratePostgres(b)]);
    assert.equal(fromA.length + fromB.length, LATEST_SCHEMA_VERSION - BASELINE_VERSION + 1);
    assert.equal(await postgresSchemaVersion(a), LATEST_SCHEMA_VERSION);
  } finally {
    await a.close();
    await b.close();
  }
});
