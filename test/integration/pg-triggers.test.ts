// The PostgreSQL register's triggers do what the file register's do (issue 22): the same writes
// leave the same audit trail (who, what, which provider, the values before and after), a chain that
// verifies with the JavaScript rule `vetted audit verify` uses, and new score stamps. And the trail
// stays append-only and unforked when several connections write at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditRowHash, AUDIT_GENESIS, type ChainedContent } from '../../electron/core/db/audit-chain';
import { openRegister } from '../../electron/core/db/open';
import { migratePostgres } from '../../electron/core/db/postgres/migrate';
import { PgStore } from '../../electron/core/db/store/pg-store';
import type { Sql, Store } from '../../electron/core/db/store/sql';
import { SqliteStore } from '../../electron/core/db/store/sqlite-store';
import { freshDatabase } from '../helpers/postgres';
import { tempDbPath } from '../helpers/tmp';

async function fileRegister(): Promise<Store> {
  const register = openRegister(tempDbPath());
  return new SqliteStore(register.db, register.path);
}

async function teamRegister(): Promise<PgStore> {
  const store = new PgStore((await freshDatabase()).url, { max: 8 });
  await migratePostgres(store);
  return store;
}

const T = '2026-12-01T10:00:00.000Z';

/** One history of writes, in SQL both databases take. */
async function history(sql: Sql): Promise<void> {
  await sql.run("INSERT INTO settings (key, value) VALUES ('userName', ?)", [JSON.stringify('Ada Reviewer')]);
  await sql.run('INSERT INTO templates (id, version, name, definition, built_in, added_at) VALUES (?, ?, ?, ?, ?, ?)', ['t', 1, 'T', '{}', 0, T]);
  const vendor = (id: string, name: string, cost: number | null) =>
    sql.run(
      `INSERT INTO vendors (id, name, category, status, critical_path, business_impact, data_categories, data_locations, tenancy, monthly_cost, links, created_at, updated_at)
       VALUES (?, ?, 'database', 'active', 1, 'high', '["personal"]', '["eu-central-1"]', 'shared', ?, '{"status":"https://status.example"}', ?, ?)`,
      [id, name, cost, T, T],
    );
  await vendor('v1', 'Cinder DB', 380);
  await vendor('v2', 'Burrow MQ', 12.5);
  await sql.run('UPDATE vendors SET name = ?, monthly_cost = ? WHERE id = ?', ['Cinder DB Pro', 0.1, 'v1']);
  // A change to nothing the trail records (the timestamp only) writes no audit row.
  await sql.run('UPDATE vendors SET updated_at = ? WHERE id = ?', ['2026-12-02T00:00:00.000Z', 'v1']);
  await sql.run("INSERT INTO reviews (id, vendor_id, template_id, template_version, status, started_at, updated_at) VALUES ('r1', 'v1', 't', 1, 'draft', ?, ?)", [T, T]);
  await sql.run("INSERT INTO answers (review_id, question_id, value, updated_at) VALUES ('r1', 'q1', ?, ?)", [JSON.stringify({ choice: 'yes', n: 3 }), T]);
  await sql.run("INSERT INTO answers (review_id, question_id, value, comment, updated_at) VALUES ('r1', 'q2', NULL, 'later', ?)", [T]);
  await sql.run("UPDATE answers SET value = ?, na = 0, comment = ? WHERE review_id = 'r1' AND question_id = 'q1'", [JSON.stringify({ choice: 'no' }), 'see “the contract”\n\ttab']);
  await sql.run("DELETE FROM answers WHERE review_id = 'r1' AND question_id = 'q2'");
  await sql.run(
    "INSERT INTO findings (id, vendor_id, review_id, title, severity, status, created_at, updated_at) VALUES ('f1', 'v1', 'r1', 'Backups untested', 'high', 'open', ?, ?)",
    [T, T],
  );
  await sql.run(
    "INSERT INTO upstreams (id, vendor_id, party, kind, regions, source, created_at, updated_at) VALUES ('u1', 'v2', 'AWS', 'hosting', '[\"eu-central-1\"]', 'entered', ?, ?)",
    [T, T],
  );
  await sql.run("UPDATE reviews SET status = 'approved', completed_at = ? WHERE id = 'r1'", [T]);
  await sql.run("UPDATE settings SET value = ? WHERE key = 'userName'", [JSON.stringify('Grace Approver')]);
  await sql.run("DELETE FROM vendors WHERE id = 'v2'");
}

interface TrailRow extends ChainedContent {
  id: number;
  hash: string;
}

async function trail(sql: Sql): Promise<TrailRow[]> {
  return sql.all<TrailRow>('SELECT id, at, actor, entity, entity_id, vendor_id, action, old_value, new_value, imported_from, db_user, hash FROM audit_log ORDER BY id');
}

/** What a reader of the trail sees: the values parsed, the time left out (each database stamps its own). */
function readable(rows: TrailRow[]) {
  return rows.map((r) => ({
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    vendorId: r.vendor_id,
    action: r.action,
    old: r.old_value === null ? null : JSON.parse(String(r.old_value)),
    new: r.new_value === null ? null : JSON.parse(String(r.new_value)),
  }));
}

function assertChained(rows: TrailRow[]): void {
  let previous = AUDIT_GENESIS;
  rows.forEach((row, i) => {
    assert.equal(row.id, i + 1, 'numbered without gaps');
    assert.equal(row.hash, auditRowHash(previous, row), `row ${row.id} (${row.entity} ${row.action}) hashes as JavaScript says`);
    previous = row.hash;
  });
}

test('the same writes leave the same audit trail on both registers, and both chains verify', async () => {
  const file = await fileRegister();
  const team = await teamRegister();
  try {
    await file.write((tx) => history(tx));
    await team.write((tx) => history(tx));
    const fromFile = await trail(file);
    const fromTeam = await trail(team);
    assert.ok(fromFile.length >= 15, `${fromFile.length} rows`);
    // A cascade (the provider's upstream, deleted with it) may come before or after its parent's row.
    const order = (rows: Awaited<ReturnType<typeof readable>>) => rows.map((r) => JSON.stringify(r)).sort();
    assert.deepEqual(order(readable(fromTeam)), order(readable(fromFile)));
    assert.deepEqual(readable(fromTeam).slice(0, -2), readable(fromFile).slice(0, -2));
    assertChained(fromFile);
    assertChained(fromTeam);
    // The values are the same but not spelled the same (SQLite writes 380.0): the hash rule reads values.
    for (const row of fromTeam) assert.match(String(row.at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  } finally {
    await file.close();
    await team.close();
  }
});

test('score stamps: every write to what a score reads gives a new stamp, on both registers', async () => {
  for (const store of [await fileRegister(), await teamRegister()]) {
    try {
      await store.write((tx) => history(tx));
      const stamps = async () => new Map((await store.all<{ kind: string; id: string; stamp: number }>('SELECT kind, id, stamp FROM score_stamps')).map((s) => [`${s.kind}:${s.id}`, s.stamp]));
      const before = await stamps();
      assert.deepEqual([...before.keys()].sort(), ['review:r1', 'template:t@1', 'vendor:v1'], store.dialect);
      await store.run("UPDATE answers SET comment = 'x' WHERE review_id = 'r1'");
      const after = await stamps();
      assert.notEqual(after.get('review:r1'), before.get('review:r1'), store.dialect);
      assert.equal(after.get('vendor:v1'), before.get('vendor:v1'), store.dialect);
      // SQLite's random() is 64-bit (read rounded); the server's stays within JavaScript's exact integers.
      if (store.dialect === 'postgres') assert.ok(Number.isSafeInteger(after.get('review:r1')));
    } finally {
      await store.close();
    }
  }
});

test('the team register’s trail cannot be changed, deleted, numbered or hashed by a client', async () => {
  const team = await teamRegister();
  try {
    await team.write((tx) => history(tx));
    await assert.rejects(team.run("UPDATE audit_log SET actor = 'someone else' WHERE id = 1"), /append-only/);
    await assert.rejects(team.run('DELETE FROM audit_log WHERE id = 1'), /append-only/);
    await assert.rejects(team.exec('TRUNCATE audit_log'), /append-only/);
    const insert = "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, hash) VALUES (?, 'x', 'x', 'vendor', 'v9', 'create', ?)";
    await assert.rejects(team.run(insert, [1, null]), /append-only/);
    await assert.rejects(team.run(insert, [999, 'f'.repeat(64)]), /append-only/);
    assertChained(await trail(team));
  } finally {
    await team.close();
  }
});

test('many connections writing at once leave one unforked chain with every row', async () => {
  const team = await teamRegister();
  const others = [new PgStore(team['pool'].options.connectionString as string, { max: 4 }), new PgStore(team['pool'].options.connectionString as string, { max: 4 })];
  try {
    await team.write((tx) => history(tx));
    const writers = [team, ...others];
    const writes = Array.from({ length: 60 }, (_, i) =>
      // Disjoint rows only: nothing but the trail's own turn orders these transactions.
      writers[i % writers.length]!.write(async (tx) => {
        await tx.run("INSERT INTO findings (id, vendor_id, title, severity, status, created_at, updated_at) VALUES (?, 'v1', ?, 'low', 'open', ?, ?)", [`f-${i}`, `Finding ${i}`, T, T]);
        await tx.run("INSERT INTO findings (id, vendor_id, title, severity, status, created_at, updated_at) VALUES (?, 'v1', ?, 'low', 'open', ?, ?)", [`g-${i}`, `Finding ${i}b`, T, T]);
      }),
    );
    await Promise.all(writes);
    const rows = await trail(team);
    assertChained(rows);
    const findings = rows.filter((r) => r.entity === 'finding' && r.action === 'create' && /^[fg]-/.test(String(r.entity_id)));
    assert.equal(findings.length, 120);
  } finally {
    for (const o of others) await o.close();
    await team.close();
  }
});
