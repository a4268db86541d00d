// The app served straight from a team register (issue 22): `vetted serve --db postgres://…` signed in
// as a reviewer's own PostgreSQL role. The register lists the providers the owner entered; the
// reviewer's save goes through the bridge into the server, and the provider's History names her
// database role on the entry the server wrote. Needs the renderer built.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openVetted } from '../../electron/core/vetted';
import { freshDatabase, teamMemberUrl } from '../helpers/postgres';
import { callApi, historyRowsOf, openApp, screenshot, startServe } from './harness';

test('served from a team register as a reviewer: the register, a save, and History naming her role', async () => {
  const { name, url } = await freshDatabase('vetted_e2e_served');
  const owner = await openVetted(url, { logError: () => {} });
  try {
    const demo = await owner.api['demo.load']({});
    assert.ok(demo.ok, demo.ok ? '' : demo.error.message);
  } finally {
    owner.close();
  }
  const reviewer = `erin_${name}`;
  const served = await startServe({ dbPath: await teamMemberUrl(url, reviewer, 'reviewer', 'erin-pw') });
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres', exact: true }).waitFor();
  const where = `${new URL(url).host}/${name}`;
  await page.getByText(`team register on ${where}`).waitFor();
  assert.equal(await page.getByText('stored on this computer').count(), 0, 'the header never says a team register is on this computer');
  await screenshot(page, 'team-register-served');

  const vendors = await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {});
  const tidewater = vendors.find((v) => v.name === 'Tidewater Postgres')!;
  const current = await callApi<{ review: { id: string }; versions: Record<string, number> }>(served, 'review.current', { vendorId: tidewater.id });
  const questionId = Object.keys(current.versions)[0]!;
  const saved = await callApi<{ version: number }>(served, 'answer.save', {
    reviewId: current.review.id,
    questionId,
    comment: 'Checked on the team register',
    basedOn: current.versions[questionId],
  });
  assert.equal(saved.version, current.versions[questionId]! + 1, 'the server counted the version up');

  const rows = await historyRowsOf(page, 'Tidewater Postgres');
  await rows.first().waitFor();
  assert.match((await rows.first().textContent()) ?? '', new RegExp(`database role ${reviewer}`), 'the reviewer’s entry names her role');
  await screenshot(page, 'team-register-history');
  assert.deepEqual(problems, []);
});

test('a register file says it is stored on this computer', async () => {
  const served = await startServe();
  const { page, problems } = await openApp(served);
  await page.getByText('Infrastructure provider reviews · stored on this computer').waitFor();
  assert.deepEqual(problems, []);
});
