// `vetted migrate-register` (issue 22): a register moved from a file to PostgreSQL and back is the
// same register, row for row, with the same audit chain; a trail that does not verify, or a target
// that is not empty, is refused with nothing written.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { loadDemo } from '../../electron/core/demo';
import { openVetted } from '../../electron/core/vetted';
import { openStore } from '../../electron/core/db/store/open-store';
import { COPIED_TABLES, moveRegister, tableCheck } from '../../electron/core/services/register-move';
import { VettedError } from '../../shared/result';
import { freshDatabase } from '../helpers/postgres';
import { tempDir } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';

/** The demo register, with some evidence bytes, a sealed-free history and a trail: a realistic file. */
async function demoFile(dir: string): Promise<string> {
  const file = path.join(dir, 'demo.db');
  const vetted = await openVetted(file, { logError: () => {} });
  try {
    await loadDemo(vetted.ctx);
    const [first] = unwrap(await vetted.api['vendor.list']({}));
    unwrap(await vetted.api['settings.update']({ userName: 'Ada Reviewer' }));
    unwrap(await vetted.api['vendor.update']({ id: first!.id, patch: { notes: 'moved to the team register' } }));
  } finally {
    vetted.close();
  }
  return file;
}

async function checks(location: string) {
  const store = await openStore(location);
  try {
    const tables = [];
    for (const { table, orderBy } of COPIED_TABLES) tables.push(await tableCheck(store, table, orderBy));
    const audit = await store.all<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id');
    return { tables, audit };
  } finally {
    await store.close();
  }
}

test('a file register moved to PostgreSQL and back is the same register, with the same verified trail', async () => {
  const dir = tempDir();
  const original = await demoFile(dir);
  const { url } = await freshDatabase();
  const back = path.join(dir, 'back.db');

  for (const [from, to] of [
    [original, url],
    [url, back],
  ] as const) {
    const source = await openStore(from);
    const target = await openStore(to);
    try {
      const report = await moveRegister(source, target);
      assert.ok(report.auditRows > 20, `${report.auditRows} audit rows`);
      assert.ok(report.tables.find((t) => t.table === 'vendors')!.rows >= 5);
      assert.ok(report.tables.find((t) => t.table === 'answers')!.rows > 50);
      assert.equal(report.to.includes(':****@') || !report.to.startsWith('postgres'), true, 'no password in the report');
    } finally {
      await source.close();
      await target.close();
    }
  }

  const [a, b, c] = [await checks(original), await checks(url), await checks(back)];
  assert.deepEqual(b.tables, a.tables);
  assert.deepEqual(c.tables, a.tables);
  assert.deepEqual(b.audit, a.audit);
  assert.deepEqual(c.audit, a.audit);

  // The round-tripped file is a working register: the same providers and scores, a trail that verifies.
  const before = await openVetted(original, { logError: () => {} });
  const after = await openVetted(back, { logError: () => {} });
  try {
    assert.deepEqual(unwrap(await after.api['vendor.list']({})), unwrap(await before.api['vendor.list']({})));
    const verified = unwrap(await after.api['audit.verify']({}));
    assert.equal(verified.ok, true, JSON.stringify(verified));
  } finally {
    before.close();
    after.close();
  }
});

test('a trail that does not verify is not moved, and the target is left empty', async () => {
  const dir = tempDir();
  const file = await demoFile(dir);
  // Tamper with one row behind the app's back (the file's guard triggers removed first).
  const raw = new Database(file);
  raw.exec('DROP TRIGGER audit_log_no_update');
  raw.prepare("UPDATE audit_log SET actor = 'Mallory' WHERE id = 3").run();
  raw.close();

  const { url } = await freshDatabase();
  const source = await openStore(file);
  const target = await openStore(url);
  try {
    await assert.rejects(
      moveRegister(source, target),
      (e: unknown) => e instanceof VettedError && /does not verify at row 3/.test(e.message) && /nothing was written/.test(e.message),
    );
    assert.deepEqual(await target.get('SELECT count(*) AS n FROM vendors'), { n: 0 });
    assert.deepEqual(await target.get('SELECT count(*) AS n FROM audit_log'), { n: 0 });
  } finally {
    await source.close();
    await target.close();
  }
});

test('a register is only moved into an empty one', async () => {
  const dir = tempDir();
  const file = await demoFile(dir);
  const other = path.join(dir, 'other.db');
  const vetted = await openVetted(other, { logError: () => {} });
  unwrap(await vetted.api['vendor.create']({ name: 'Already here', category: 'database', status: 'active', businessImpact: 'low', tenancy: 'dedicated', criticalPath: false, dataCategories: [], dataLocations: [] } as never));
  vetted.close();
  const source = await openStore(file);
  const target = await openStore(other);
  try {
    await assert.rejects(moveRegister(source, target), (e: unknown) => e instanceof VettedError && /already holds a register/.test(e.message));
    assert.deepEqual(await target.get('SELECT count(*) AS n FROM vendors'), { n: 1 });
  } finally {
    await source.close();
    await target.close();
  }
});
