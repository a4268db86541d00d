// Fourth parties read from a provider's status page components in the real renderer against
// `vetted serve` (issue 21): the button shows the preview (what each catalogued party becomes, with
// its regions and the components it came from, and the components naming none), which changes
// nothing; Import adds them with source "From its status page". axe-core checks the preview.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UpstreamView } from '../../shared/api';
import { graveAxeViolations } from '../helpers/axe';
import { callApi, openApp, screenshot, startServe } from './harness';

test('read from status page components: the preview changes nothing, then Import adds and updates', async () => {
  const served = await startServe();
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Burrow MQ', category: 'other', criticalPath: true });
  await callApi(served, 'incident.add', {
    vendorId: vendor.id, title: 'Elevated errors', impact: 'major', startedAt: '2026-11-20T10:00:00Z', resolvedAt: '2026-11-20T11:00:00Z',
    components: ['AWS us-east-1', 'Amazon Web Services - EC2 (eu-west-1)', 'Third-party: Stripe', 'Dashboard'],
  });
  await callApi(served, 'upstream.add', { vendorId: vendor.id, party: 'AWS', kind: 'hosting', regions: [{ code: 'us-east-1', uses: 'EU customers' }] });
  const { page, problems } = await openApp(served);
  await page.evaluate((h) => (location.hash = h), `#/vendor/${vendor.id}/upstreams`);
  await page.getByTestId('upstream-item').first().waitFor();

  await page.getByRole('button', { name: 'Read from status page components' }).click();
  const preview = page.getByTestId('from-status-preview');
  await preview.waitFor();
  const actions = await preview.getByTestId('from-status-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
  assert.deepEqual(actions.sort(), ['add', 'update'], 'AWS (recorded) gets a region, Stripe is new');
  await preview.getByTestId('from-status-row').filter({ hasText: 'AWS' }).getByText('regions added: eu-west-1', { exact: false }).waitFor();
  await preview.getByTestId('from-status-unmatched').getByText('“Dashboard”', { exact: false }).waitFor();
  await preview.getByRole('button', { name: 'Import' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'upstreams-from-status-preview');
  assert.deepEqual(await graveAxeViolations(page, 'status components preview'), [], 'the preview passes axe');
  assert.equal((await callApi<UpstreamView[]>(served, 'upstream.list', { vendorId: vendor.id })).length, 1, 'the preview changed nothing');

  await preview.getByRole('button', { name: 'Import' }).click();
  await page.getByTestId('from-status-done').getByText('Read from the status page components: 1 added, 1 updated, 0 unchanged, 0 skipped.').waitFor();
  const after = await callApi<UpstreamView[]>(served, 'upstream.list', { vendorId: vendor.id });
  assert.deepEqual(after.find((u) => u.catalogueId === 'aws')?.regions.map((r) => r.code), ['us-east-1', 'eu-west-1'], 'AWS got the region it lacked');
  assert.equal(after.find((u) => u.catalogueId === 'stripe')?.source, 'status_components', 'Stripe added from the status page');
  await page.getByTestId('upstream-item').filter({ hasText: 'Stripe' }).getByText('From its status page').waitFor();
  await screenshot(page, 'upstreams-from-status-imported');
  assert.deepEqual(problems, [], 'no console errors');
});
