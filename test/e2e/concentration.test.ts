// Fourth parties and concentration in the real renderer against `vetted serve` (issue 21): upstreams
// entered for three providers on their Upstreams tab (a catalogue pick with ticked regions, a free
// name with a typed region, a bad region refused at its field), the Concentration page's numbers,
// the blast radius of AWS us-east-1 (one provider survives on its stated multi-region failover, one
// goes down), the register-wide PDF read back with pdftotext, and a subprocessor list's mapping
// preview that changes nothing until Import. axe-core checks the new tab, dialog and page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ReviewDetail, UpstreamView } from '../../shared/api';
import { graveAxeViolations } from '../helpers/axe';
import { REPO_ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { callApi, openApp, screenshot, SCREENSHOTS, startServe, type Served } from './harness';

const LONG_PARTY = 'Nordic Regional Colocation and Managed Hosting Services of Northern Europe Oy Ab';
const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/subprocessors/ledgerline-subprocessors.csv');

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** A critical-path provider whose decided review states how widely its resources are spread. */
async function provider(served: Served, name: string, regions: 'multi_region' | 'multi_zone' | 'single_site'): Promise<string> {
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name, category: 'database', criticalPath: true });
  const started = await callApi<ReviewDetail>(served, 'review.start', { vendorId: vendor.id });
  await callApi(served, 'answer.save', { reviewId: started.review.id, questionId: 'ten_regions', value: regions });
  // Decided (a rejection needs no tier): only a decided review's answers decide a blast radius.
  await callApi(served, 'review.transition', { reviewId: started.review.id, to: 'in_review', by: 'Dana Reviewer' });
  await callApi(served, 'review.transition', { reviewId: started.review.id, to: 'rejected', by: 'Dana Reviewer', note: 'Decided for the test: its tenancy answers stand.' });
  return vendor.id;
}

/** Adds a fourth party on the open Upstreams tab: the name typed or picked, catalogue regions ticked. */
async function addUpstream(page: Page, party: string, regions: readonly string[]): Promise<void> {
  await page.getByRole('button', { name: 'Add fourth party' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add fourth party' });
  await dialog.getByLabel('Fourth party', { exact: true }).fill(party);
  for (const code of regions) await dialog.getByRole('checkbox', { name: new RegExp(`^${code} `) }).check();
  await dialog.getByRole('button', { name: 'Add fourth party' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: `Added “${party}”.` }).waitFor();
}

test('upstreams entered for three providers show on the Concentration page; AWS us-east-1 down: one survives, one is down; the PDF reads back', async () => {
  const served = await startServe();
  const ledgerline = await provider(served, 'Ledgerline Postgres', 'multi_region');
  const quillmail = await provider(served, 'Quillmail Queue', 'multi_zone');
  const fernhill = await provider(served, 'Fernhill Logs', 'single_site');
  const { page, problems } = await openApp(served);

  // Ledgerline: AWS picked from the catalogue, two of its regions ticked.
  await go(page, `#/vendor/${ledgerline}/upstreams`);
  await page.getByRole('heading', { name: 'Fourth parties' }).waitFor();
  await page.getByText('No fourth parties on record.').waitFor();
  await screenshot(page, 'upstreams-empty');
  assert.deepEqual(await graveAxeViolations(page, 'upstreams tab, empty'), [], 'the empty Upstreams tab passes axe');
  await page.getByRole('button', { name: 'Add fourth party' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add fourth party' });
  await dialog.getByLabel('Fourth party', { exact: true }).fill('AWS');
  await dialog.getByText('From the catalogue: Amazon Web Services — tick its regions below.').waitFor();
  await dialog.getByLabel('Find a region of Amazon Web Services').fill('ireland');
  await dialog.getByRole('checkbox', { name: /^eu-west-1 / }).check();
  await dialog.getByLabel('Find a region of Amazon Web Services').fill('');
  await dialog.getByRole('checkbox', { name: /^us-east-1 / }).check();
  await dialog.getByLabel('Uses that depend on us-east-1').fill('US customers’ databases');
  assert.equal(await dialog.getByLabel('Kind').inputValue(), 'hosting', 'the catalogue’s usual kind is picked with the party');
  await screenshot(page, 'upstreams-add-catalogue');
  assert.deepEqual(await graveAxeViolations(page, 'add fourth party dialog'), [], 'the dialog passes axe');
  await dialog.getByRole('button', { name: 'Add fourth party' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const aws = page.getByTestId('upstream-item').filter({ hasText: 'AWS' });
  await aws.getByText('US East (N. Virginia)').waitFor();
  await aws.getByText('— US customers’ databases').waitFor();
  await aws.getByText('Europe (Ireland)').waitFor();
  const [stored] = await callApi<UpstreamView[]>(served, 'upstream.list', { vendorId: ledgerline });
  assert.equal(stored?.catalogueId, 'aws', 'the pick is stored as the catalogue’s party');
  assert.deepEqual(stored?.regions.map((r) => r.code), ['eu-west-1', 'us-east-1'], 'the ticked regions, in the order ticked');

  // Quillmail: the full name, one region.
  await go(page, `#/vendor/${quillmail}/upstreams`);
  await page.getByText('No fourth parties on record.').waitFor();
  await addUpstream(page, 'Amazon Web Services', ['us-east-1']);

  // Fernhill: a party outside the catalogue with a typed region; a bad region is refused at its field.
  await go(page, `#/vendor/${fernhill}/upstreams`);
  await page.getByText('No fourth parties on record.').waitFor();
  await page.getByRole('button', { name: 'Add fourth party' }).click();
  await dialog.getByLabel('Fourth party', { exact: true }).fill('Borealis Colocation');
  await dialog.getByText('Not in the catalogue: kept as typed, and matched with the same name on other providers.').waitFor();
  const typed = dialog.getByLabel('Region code or place');
  await typed.fill('Oslo!');
  await typed.press('Enter');
  await dialog.getByRole('button', { name: 'Add fourth party' }).click();
  await dialog.getByText('The fourth party was not saved: fix the fields marked below.').waitFor();
  assert.equal(await typed.getAttribute('aria-invalid'), 'true', 'the region field is marked');
  await dialog.getByText(/^Region “Oslo!” must be a region code such as us-east-1 or a place name/).waitFor();
  await screenshot(page, 'upstreams-add-refused');
  assert.equal((await callApi<UpstreamView[]>(served, 'upstream.list', { vendorId: fernhill })).length, 0, 'nothing was stored');
  await dialog.getByRole('button', { name: 'Remove Oslo!' }).click();
  await typed.fill('Oslo');
  await dialog.getByRole('button', { name: 'Add region' }).click();
  await dialog.getByRole('button', { name: 'Add fourth party' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByTestId('upstream-item').filter({ hasText: 'Borealis Colocation' }).getByText('Not in the catalogue').waitFor();

  // Two of them had incidents in the same hours two days ago: a signal of the upstream they share.
  const hour = 3_600_000;
  const at = Math.floor((Date.now() - 48 * hour) / hour) * hour;
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  await callApi(served, 'incident.add', { vendorId: ledgerline, title: 'Elevated error rates', impact: 'major', startedAt: iso(at), resolvedAt: iso(at + 2 * hour) });
  await callApi(served, 'incident.add', { vendorId: quillmail, title: 'Queue delays', impact: 'minor', startedAt: iso(at + hour), resolvedAt: iso(at + 3 * hour) });

  // The Concentration page: 3 on the critical path; AWS and us-east-1 carry 2 of them (67 %, above 50 %).
  await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Concentration' }).click();
  await page.getByRole('heading', { name: 'Concentration', level: 1 }).waitFor();
  const table = page.getByTestId('exposure-table');
  await table.waitFor();
  const awsRows = table.locator('[data-testid="exposure-party"][data-party="Amazon Web Services"]');
  const cells = async (row: ReturnType<Page['locator']>) =>
    [await row.getByTestId('exposure-providers').first().textContent(), await row.getByTestId('exposure-critical').first().textContent(), await row.getByTestId('exposure-share').first().textContent()];
  assert.deepEqual(await cells(awsRows.locator('tr.party-row')), ['2', '2', '67 %⚠ above the threshold'], 'AWS: 2 providers, both critical, 67 % — above the threshold');
  assert.deepEqual(await cells(awsRows.locator('[data-region="us-east-1"]')), ['2', '2', '67 %⚠ above the threshold'], 'us-east-1: the same two');
  assert.deepEqual(await cells(awsRows.locator('[data-region="eu-west-1"]')), ['1', '1', '33 %'], 'eu-west-1: Ledgerline alone, not marked');
  assert.deepEqual(
    await cells(table.locator('[data-testid="exposure-party"][data-party="Borealis Colocation"] tr.party-row')),
    ['1', '1', '33 %'],
    'the free-text party counts on its own',
  );
  await page.getByTestId('left-out').getByText('3 providers in the register, 3 of them on the critical path: every share is of those 3.').waitFor();
  await page.getByTestId('left-out').getByText('Every provider records at least one fourth party.').waitFor();
  const signal = page.getByTestId('signal-incidents');
  await signal.getByText(/^Ledgerline Postgres, Quillmail Queue — all open /).waitFor();
  await signal.getByText('Suggests a shared upstream: Amazon Web Services us-east-1.').waitFor();
  await screenshot(page, 'concentration-page');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'concentration-page-full.png'), fullPage: true });
  assert.deepEqual(await graveAxeViolations(page, 'concentration page'), [], 'the Concentration page passes axe');

  // Blast radius: AWS us-east-1 down.
  await page.getByLabel('Fourth party', { exact: true }).selectOption({ label: 'Amazon Web Services' });
  await page.getByLabel('Region down').selectOption({ label: 'us-east-1 (US East (N. Virginia))' });
  await page.getByRole('button', { name: 'Show who is hit' }).click();
  const blast = page.getByTestId('blast-result');
  await blast.getByRole('heading', { name: 'Amazon Web Services — us-east-1 (US East (N. Virginia)) down' }).waitFor();
  const outcomes = await blast.getByTestId('blast-hit').evaluateAll((rows) => rows.map((r) => [r.querySelector('th a')?.textContent, r.getAttribute('data-outcome'), r.querySelector('.blast-outcome')?.textContent]));
  assert.deepEqual(
    outcomes,
    [
      ['Quillmail Queue', 'down', '✕ Down'],
      ['Ledgerline Postgres', 'survives', '✓ Survives'],
    ],
    'the provider in one region goes down, the one with multi-region failover survives — in words, not colour alone',
  );
  assert.match((await blast.getByTestId('blast-counts').textContent()) ?? '', /^2 providers hit \(2 on the critical path\): 1 down, 1 survives, 0 unknown\. 1 provider not hit\.$/, 'the counts');
  await blast.getByText(/eu-west-1/).first().waitFor();
  await blast.scrollIntoViewIfNeeded();
  await screenshot(page, 'concentration-blast-radius');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    assert.deepEqual(await graveAxeViolations(page, `blast radius, ${scheme}`), [], `the page with its blast radius passes axe (${scheme})`);
  }
  await screenshot(page, 'concentration-blast-radius-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Critical path only: the same here (every provider is critical), and the page says it counts only those.
  await page.getByLabel('Critical path only').check();
  await page.getByTestId('left-out').getByText('Critical path only: providers off the critical path are not counted in the rows.').waitFor();
  await page.getByLabel('Critical path only').uncheck();

  // The register-wide PDF, read back.
  const downloaded = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByTestId('export-concentration').click();
  const download = await downloaded;
  const file = path.join(tempDir('vetted-concentration-'), download.suggestedFilename());
  await download.saveAs(file);
  assert.equal(fs.readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-', 'the download is a PDF');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of ['Amazon Web Services', 'us-east-1', 'Ledgerline Postgres', 'Quillmail Queue', 'Borealis Colocation']) {
    assert.ok(text.includes(expected), `the PDF names ${expected}`);
  }
  assert.ok(/67 ?%/.test(text), 'the PDF states the 67 % share');

  // The comparison names the fourth party two of the three share, and the region.
  await go(page, `#/compare?ids=${ledgerline},${quillmail},${fernhill}`);
  const note = page.getByTestId('compare-shared-upstreams');
  await note.waitFor();
  assert.equal(
    (await note.getByRole('listitem').allTextContents()).join('|'),
    'Amazon Web Services: Ledgerline Postgres, Quillmail Queue; in the same region: us-east-1 (Ledgerline Postgres, Quillmail Queue)',
    'the shared party and region, naming the providers; Borealis is not shared',
  );
  await screenshot(page, 'compare-shared-upstreams');

  // Needs attention on the register lists AWS and its region above the threshold, linking here.
  await go(page, '#/');
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await attention.getByText('2 fourth parties over the threshold').waitFor();
  const details = attention.getByRole('button', { name: /^(Show|Hide) details$/ });
  if ((await details.getAttribute('aria-expanded')) === 'false') await details.click();
  const alertLink = attention.getByRole('link').filter({ hasText: 'Amazon Web Services us-east-1' }).filter({ hasText: 'carries 2 of your 3 critical-path providers (67 %)' });
  await alertLink.waitFor();
  await screenshot(page, 'attention-concentration');
  await alertLink.click();
  await page.getByRole('heading', { name: 'Concentration', level: 1 }).waitFor();

  // Settings: the threshold as a percentage; a wrong one is refused at its field, 70 % clears the alerts.
  await go(page, '#/settings');
  const threshold = page.getByLabel('Concentration threshold');
  assert.equal(await threshold.inputValue(), '50', 'the default: more than half');
  await threshold.fill('150');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Concentration threshold: give a percentage from 0 to 100, such as 50 (“150” is not).').waitFor();
  assert.equal(await threshold.getAttribute('aria-invalid'), 'true', 'the threshold field is marked');
  // Centred: the sticky save bar would cover it at the bottom.
  await threshold.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'settings-threshold-refused');
  assert.equal((await callApi<{ concentrationThreshold: number }>(served, 'settings.get', {})).concentrationThreshold, 0.5, 'nothing was saved');
  await threshold.fill('70');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-save-status').getByText('Saved', { exact: true }).waitFor();
  assert.equal((await callApi<{ concentrationThreshold: number }>(served, 'settings.get', {})).concentrationThreshold, 0.7, 'saved as a fraction');
  await go(page, '#/concentration');
  await page.getByTestId('exposure-table').waitFor();
  await page.getByText('Marked when one fourth party or region carries more than 70 % of the critical path').waitFor();
  assert.equal(await page.getByText('above the threshold', { exact: true }).count(), 0, 'nothing is above 70 %');
  assert.deepEqual(problems, [], 'no console errors');
});

test('a subprocessor list: the mapping preview says what each row would become, changes nothing, then Import adds and updates', async () => {
  const served = await startServe();
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Ledgerline Postgres', category: 'database' });
  const { page, problems } = await openApp(served);

  // Before any fourth party is recorded, the Concentration page says where to record them.
  await go(page, '#/concentration');
  await page.getByRole('heading', { name: 'No fourth parties on record' }).waitFor();
  assert.equal(await page.getByTestId('export-concentration').isDisabled(), true, 'nothing to export yet');
  await screenshot(page, 'concentration-empty');
  assert.deepEqual(await graveAxeViolations(page, 'concentration page, empty'), [], 'the empty Concentration page passes axe');

  await callApi(served, 'upstream.add', { vendorId: vendor.id, party: 'Amazon Web Services', catalogueId: 'aws', kind: 'hosting', regions: [{ code: 'us-east-1' }] });
  // A long name outside the catalogue, to see that it wraps rather than overflows.
  await callApi(served, 'upstream.add', {
    vendorId: vendor.id,
    party: LONG_PARTY,
    kind: 'hosting',
    regions: [{ code: 'Helsinki-Vantaa-Datacentre-Campus-North-2', uses: 'Nightly backups of every customer database, and the read replicas that serve reporting' }],
  });
  await go(page, `#/vendor/${vendor.id}/upstreams`);
  await page.getByTestId('upstream-item').first().waitFor();

  await page.getByLabel('List file (CSV or JSON)').setInputFiles(FIXTURE);
  const preview = page.getByTestId('subprocessor-preview');
  await preview.waitFor();
  assert.equal(await preview.getByLabel('Name column').inputValue(), 'Entity Name', 'the name column is guessed from the header');
  assert.equal(await preview.getByLabel('Purpose column').inputValue(), 'Service Description', 'the purpose column too');
  assert.equal(await preview.getByLabel('Location column').inputValue(), 'Country', 'and the location column');
  const actions = async () => preview.getByTestId('subprocessor-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
  assert.deepEqual(await actions(), ['update', 'add', 'skip', 'add'], 'AWS updates the one recorded, SendGrid and Zendesk are new, a row without a name is skipped');
  await preview.getByTestId('subprocessor-row').filter({ hasText: 'line 4' }).getByText('no name in the name column').waitFor();
  await screenshot(page, 'upstreams-subprocessor-preview');
  assert.deepEqual(await graveAxeViolations(page, 'subprocessor preview'), [], 'the preview passes axe');

  // A different mapping is asked again: with no location column, the locations are left out.
  await preview.getByLabel('Location column').selectOption({ label: '(none)' });
  await preview.getByTestId('subprocessor-row').filter({ hasText: 'Twilio SendGrid' }).getByText('Transactional e-mail', { exact: true }).waitFor();
  assert.equal(await preview.getByLabel('Location column').inputValue(), '', 'the mapping shown is the one asked for');
  await preview.getByLabel('Location column').selectOption('Country');
  await preview.getByTestId('subprocessor-row').filter({ hasText: 'Twilio SendGrid' }).getByText('Transactional e-mail · United States').waitFor();

  assert.equal((await callApi<UpstreamView[]>(served, 'upstream.list', { vendorId: vendor.id })).length, 2, 'the preview changed nothing');
  await preview.getByRole('button', { name: 'Import' }).click();
  await page.getByTestId('subprocessor-done').getByText('Imported “ledgerline-subprocessors.csv”: 2 added, 1 updated, 0 unchanged, 1 skipped.').waitFor();
  const after = await callApi<UpstreamView[]>(served, 'upstream.list', { vendorId: vendor.id });
  assert.deepEqual(after.map((u) => u.party).sort(), ['Amazon Web Services', LONG_PARTY, 'Twilio SendGrid', 'Zendesk'], 'the two new ones were added');
  const awsAfter = after.find((u) => u.catalogueId === 'aws');
  assert.equal(awsAfter?.purpose, 'Cloud hosting and storage', 'the recorded one took the list’s purpose');
  assert.deepEqual(awsAfter?.regions.map((r) => r.code), ['us-east-1'], 'and kept the regions entered here');
  await page.getByTestId('upstream-item').filter({ hasText: 'Zendesk' }).getByText('From its subprocessor list').waitFor();
  await screenshot(page, 'upstreams-imported');
  await go(page, '#/concentration');
  await page.getByTestId('exposure-table').waitFor();
  await screenshot(page, 'concentration-long-names');
  assert.deepEqual(problems, [], 'no console errors');
});
