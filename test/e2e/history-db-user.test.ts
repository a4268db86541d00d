// The database role in a provider's History (issue 22): a register moved to a team register, where a
// reviewer changed a provider as their own PostgreSQL role, and moved back to a file. The entry the
// server wrote names that role on its row; the file's own entries name none. Needs the renderer built.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { PgStore } from '../../electron/core/db/store/pg-store';
import { cliRegister, runCliAsync } from '../helpers/cli';
import { freshDatabase, teamMemberUrl } from '../helpers/postgres';
import { callApi, historyRowsOf, openApp, screenshot, startServe } from './harness';

test('History names the database role of an entry a team register wrote', async () => {
  const source = cliRegister('vetted-e2e-dbuser-');
  source.ok('demo');
  const { name, url } = await freshDatabase('vetted_e2e_team');
  assert.equal((await runCliAsync(['migrate-register', '--from', source.db, '--to', url])).status, 0);

  // On the server: a reviewer, signed in as herself, changes a provider.
  const reviewer = `dana_${name}`;
  const dana = new PgStore(await teamMemberUrl(url, reviewer, 'reviewer', 'dana-pw'));
  try {
    await dana.run("UPDATE vendors SET notes = 'Checked the DPA on the team register' WHERE name = 'Tidewater Postgres'");
  } finally {
    await dana.close();
  }

  const back = path.join(source.dir, 'back.db');
  const moved = await runCliAsync(['migrate-register', '--from', url, '--to', back], source.env);
  assert.equal(moved.status, 0, moved.stderr);

  const served = await startServe({ dbPath: back, env: source.env });
  const vendors = await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {});
  assert.ok(vendors.some((v) => v.name === 'Tidewater Postgres'));
  const { page, problems } = await openApp(served);
  const rows = await historyRowsOf(page, 'Tidewater Postgres');
  await rows.nth(1).waitFor();
  assert.match((await rows.nth(0).textContent()) ?? '', new RegExp(`database role ${reviewer}`), 'the server’s entry names the role');
  assert.doesNotMatch((await rows.nth(1).textContent()) ?? '', /database role/, 'the file’s own entries name none');
  await screenshot(page, 'history-database-role');
  const verified = await callApi<{ ok: boolean }>(served, 'audit.verify', {});
  assert.equal(verified.ok, true, 'the moved trail verifies');
  assert.deepEqual(problems, []);
});
