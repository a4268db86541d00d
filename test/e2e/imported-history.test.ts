// A provider's History tab after a register import (#17 review): every entry the file brought says,
// on the row itself, which export it came from and that it is that register's record, not this
// one's; a change made here afterwards carries no such line.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { cliRegister } from '../helpers/cli';
import { callApi, historyRowsOf, openApp, screenshot, startServe } from './harness';

test('History marks the entries a register import brought, and only those', async () => {
  const source = cliRegister('vetted-e2e-imported-src-');
  const target = cliRegister('vetted-e2e-imported-dst-');
  source.ok('demo');
  const file = path.join(source.dir, 'export.json');
  source.ok('export', '--out', file);
  target.ok('import', file);

  const served = await startServe({ dbPath: target.db, env: target.env });
  await callApi(served, 'settings.update', { userName: 'Casey Here' });
  const vendors = await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {});
  const tidewater = vendors.find((v) => v.name === 'Tidewater Postgres')!;
  await callApi(served, 'vendor.update', { id: tidewater.id, patch: { notes: 'Changed after the import' } });

  const { page, problems } = await openApp(served);
  const rows = await historyRowsOf(page, 'Tidewater Postgres');
  await rows.nth(1).waitFor();

  const newest = (await rows.nth(0).textContent()) ?? '';
  assert.match(newest, /Casey Here/, 'the newest entry is the change made here');
  assert.doesNotMatch(newest, /Imported from/, 'and it carries no import line');
  const imported = (await rows.nth(1).textContent()) ?? '';
  assert.match(imported, /Imported \(export of \d{4}-\d{2}-\d{2}T[^)]*\): recorded by the register that exported it, not by this one/, imported);
  assert.equal(await rows.filter({ has: page.getByTestId('audit-imported') }).count(), (await rows.count()) - 1, 'every other row on the page is marked');

  await rows.nth(2).scrollIntoViewIfNeeded();
  await screenshot(page, 'history-imported-entries');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
