// A provider's Incidents tab in the real renderer against `vetted serve`: a Statuspage
// incidents.json imported after a dry run, the timeline, the measures and the review's
// first-update claim (10 minutes) contradicted by the record, "Create finding" in one click, an
// incident typed in that the status page never showed (a bad time refused on its field first),
// the refresh from a status page served on loopback (never the internet), the period chooser, the
// record beside the questionnaire's answers and in the score panel, the register's incident
// column and Needs attention.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { FindingView, IncidentView, ReviewDetail } from '../../shared/api';
import { REPO_ROOT } from '../helpers/cli';
import { callApi, openApp, screenshot, SCREENSHOTS, startServe } from './harness';

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * The Statuspage v2 fixture (5 incidents, the first update 31 to 55 minutes after each start, one
 * still open), with every time moved so its page was last updated five days ago: the test reads
 * the same record whatever the day it runs.
 */
function fixture(): string {
  const own = path.join(REPO_ROOT, 'test/fixtures/status-e2e/incidents.json');
  const text = fs.readFileSync(own, 'utf8');
  const anchor = Date.parse((JSON.parse(text) as { page: { updated_at: string } }).page.updated_at);
  const shift = Math.round((Date.now() - 5 * DAY - anchor) / MINUTE) * MINUTE;
  return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z/g, (t) => new Date(Date.parse(t) + shift).toISOString());
}

/** A status page on loopback serving the fixture at /api/v2/incidents.json, as Statuspage does. */
async function loopbackStatusPage(body: string): Promise<{ url: string; reads: string[] }> {
  const reads: string[] = [];
  const server = http.createServer((req, res) => {
    reads.push(req.url ?? '');
    if (req.url === '/api/v2/incidents.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, reads };
}

/** "YYYY-MM-DDTHH:MM" in this machine's zone, as a datetime-local input takes it. */
function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The whole tab at desktop width: the app scrolls inside its own frame, so the window is made tall for the picture. */
async function fullScreenshot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 2600 });
  await page.getByRole('heading', { name: 'Incident record' }).scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelectorAll('*').forEach((e) => e.scrollTop > 0 && (e.scrollTop = 0)));
  await screenshot(page, name);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('incidents tab: a status page file imported, the first-update claim contradicted, a finding in one click, an incident the status page never showed', async () => {
  const served = await startServe();
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Northwind Cloud', category: 'hosting', criticalPath: true });
  const started = await callApi<ReviewDetail>(served, 'review.start', { vendorId: vendor.id });
  // The provider says it posts within 10 minutes and keeps its status page up to date.
  await callApi(served, 'answer.save', { reviewId: started.review.id, questionId: 'inc_first_update_minutes', value: 10 });
  await callApi(served, 'answer.save', { reviewId: started.review.id, questionId: 'inc_status_page', value: 'active' });

  const { page, problems } = await openApp(served);
  await page.setViewportSize({ width: 1440, height: 900 });
  await go(page, `#/vendor/${vendor.id}/incidents`);
  await page.getByRole('heading', { name: 'Incident record' }).waitFor();
  await page.getByText('No incidents on record.').waitFor();
  // No status page address in the profile: the one online action says so and cannot be pressed.
  const refresh = page.getByTestId('status-refresh');
  assert.equal(await refresh.getByRole('button', { name: 'Refresh from status page' }).isDisabled(), true, 'no address, no refresh');
  await refresh.getByText(/has no status page address/).waitFor();
  await screenshot(page, 'incidents-tab-empty');

  // Import: the dry run first, then the file.
  const text = fixture();
  await page.getByLabel('Status page file', { exact: true }).setInputFiles({ name: 'incidents.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const preview = page.getByTestId('status-import-preview');
  const refused = page.getByText(/was refused/);
  await preview.or(refused).waitFor();
  assert.equal(await refused.count(), 0, `the file is read, not refused: ${(await refused.allTextContents()).join(' ')}`);
  const incidentCounts = preview.getByRole('list', { name: 'Incidents' });
  assert.match((await incidentCounts.textContent()) ?? '', /5\s*new: added/, 'the dry run would add the five incidents');
  await preview.getByText(/Statuspage JSON, from Northwind Cloud/).waitFor();
  assert.equal((await callApi<IncidentView[]>(served, 'incident.list', { vendorId: vendor.id })).length, 0, 'the dry run stored nothing');
  await screenshot(page, 'incidents-import-preview');
  await preview.getByRole('button', { name: 'Import' }).click();
  await page.getByTestId('status-import-done').getByText(/^Imported “incidents\.json”: incidents: 5 added/).waitFor();

  // The list, newest first, and the timeline with one mark per incident, the open one hollow.
  const items = page.getByTestId('incident-item');
  await items.first().waitFor();
  assert.deepEqual(
    (await items.locator('h4').allTextContents()).map((t) => t.trim()),
    ['Log search returns partial results', 'Delayed webhook deliveries', 'Database failover in eu-west-1', 'Dashboard slow to load', 'Elevated API error rates'],
    'newest first',
  );
  const timeline = page.getByTestId('incident-timeline');
  await timeline.getByText(/^5 incidents from .*: 1 critical, 1 major and 3 minor; 1 still open\.$/).waitFor();
  assert.equal(await timeline.getByTestId('timeline-mark').count(), 5, 'one mark per incident');
  assert.equal(await timeline.locator('[data-testid="timeline-mark"][data-open]').count(), 1, 'the open one is marked');
  assert.equal(await timeline.locator('svg[role="img"]').getAttribute('aria-labelledby') !== null, true, 'the drawing is named by its caption');
  for (const word of ['Critical', 'Major', 'Minor', 'No impact', 'Hollow, dashed: still open', 'Not on their status page']) {
    await timeline.getByRole('list', { name: 'Legend' }).getByText(word, { exact: true }).waitFor();
  }
  await timeline.getByText('The timeline as text').click();
  await timeline.getByRole('list', { name: 'Incidents in the timeline, oldest first' }).getByText(/^◆ Critical: Database failover in eu-west-1, started .*, resolved after 5 h$/).waitFor();
  const open = items.filter({ hasText: 'Log search returns partial results' });
  await open.getByText('Open', { exact: true }).first().waitFor();
  const failover = items.filter({ hasText: 'Database failover in eu-west-1' });
  assert.match((await failover.getByTestId('incident-first-update').textContent()) ?? '', /\(\+48 minutes\)/, 'the first update, minutes after the start');

  // Every update of an incident on demand, as plain text.
  await failover.getByRole('button', { name: 'Show all 4 public updates' }).click();
  await failover.getByRole('list', { name: 'Public updates of Database failover in eu-west-1' }).getByText(/Writes made in the first 4 minutes may need to be retried\./).waitFor();

  // The measures: the median first update is 40 minutes over 5 incidents.
  const measures = page.getByTestId('measures');
  assert.match((await measures.getByTestId('measure-first-update').textContent()) ?? '', /Median 40 minutes, 90th percentile 55 minutes over 5 incidents/);
  assert.match((await measures.getByTestId('measure-incidents').textContent()) ?? '', /5 incidents started in the last 12 months: 1 critical, 1 major and 3 minor\..*1 still open/);
  assert.match((await measures.getByTestId('measure-postmortems').textContent()) ?? '', /50%: 1 of 2 major or critical incidents have one, published a median 5 days after it ended\./);
  await measures.getByTestId('measure-availability').getByText(/worst month/).waitFor();

  // The answers against the record: 10 minutes is contradicted; the status page answer holds so far.
  const claims = page.getByTestId('incident-claims');
  const firstUpdate = claims.locator('[data-question="inc_first_update_minutes"]');
  await firstUpdate.waitFor();
  assert.equal(await firstUpdate.getAttribute('data-verdict'), 'contradicted', 'the 10-minute claim is contradicted');
  await firstUpdate.getByText('The record disagrees').waitFor();
  assert.equal(await claims.locator('[data-question="inc_status_page"]').getAttribute('data-verdict'), 'consistent');
  await fullScreenshot(page, 'incidents-tab-full');
  await page.evaluate(() => document.querySelectorAll('*').forEach((e) => e.scrollTop > 0 && (e.scrollTop = 0)));
  await screenshot(page, 'incidents-tab');

  // Create finding: one click, then a link to it.
  await firstUpdate.getByRole('button', { name: 'Create finding' }).click();
  await firstUpdate.getByRole('status').getByText(/^Finding created/).waitFor();
  const link = firstUpdate.getByTestId('claim-finding');
  await link.waitFor();
  const findings = await callApi<FindingView[]>(served, 'finding.list', { vendorId: vendor.id });
  assert.equal(findings.length, 1, 'one finding');
  assert.equal(findings[0]!.questionId, 'inc_first_update_minutes');
  assert.match(findings[0]!.description, /10/, 'its description is the measured sentence');
  await page.getByTestId('open-findings-count').getByText('1').waitFor();
  await screenshot(page, 'incidents-claim-finding');

  // Add an incident the status page never showed: a resolution before the start is refused on its field first.
  const incidentStart = Math.floor((Date.now() - 3 * DAY) / MINUTE) * MINUTE;
  await page.getByRole('button', { name: 'Add incident' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add incident' });
  await dialog.waitFor();
  await dialog.getByLabel('Title').fill('Private network drops in fra1');
  await dialog.getByLabel('Impact').selectOption({ label: '■ Major' });
  await dialog.getByLabel('Started').fill(localInput(incidentStart));
  await dialog.getByLabel('Resolved (optional)').fill(localInput(incidentStart - 30 * MINUTE));
  await dialog.getByLabel('Components (optional)').fill('Private network, API');
  await dialog.getByLabel('Not on their status page').check();
  await dialog.getByRole('button', { name: 'Add incident' }).click();
  const resolved = dialog.getByLabel('Resolved (optional)');
  assert.equal(await resolved.getAttribute('aria-invalid'), 'true', 'the resolution is marked');
  await dialog.getByText('Resolved must not be before the incident started').waitFor();
  assert.ok((await resolved.getAttribute('aria-describedby'))?.includes(`${await resolved.getAttribute('id')}-error`), 'the field names its error');
  await screenshot(page, 'incidents-add-refused');
  await resolved.fill(localInput(incidentStart + 90 * MINUTE));
  await dialog.getByRole('button', { name: 'Add incident' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: 'Added “Private network drops in fra1”.' }).waitFor();
  const entered = items.filter({ hasText: 'Private network drops in fra1' });
  await entered.getByTestId('not-on-status-page').waitFor();
  await entered.getByText('Entered by hand').waitFor();
  const stored = (await callApi<IncidentView[]>(served, 'incident.list', { vendorId: vendor.id })).find((i) => i.title === 'Private network drops in fra1');
  assert.equal(stored?.onStatusPage, false, 'stored as never on the status page');
  assert.equal(stored?.startedAt, new Date(incidentStart).toISOString().replace('.000Z', 'Z'), 'the local time typed, stored as an instant in UTC');
  assert.deepEqual(stored?.components, ['Private network', 'API']);
  // That contradicts "a status page updated during incidents".
  await claims.locator('[data-question="inc_status_page"][data-verdict="contradicted"]').waitFor();
  await timeline.locator('.tl-not-on-page').first().waitFor();

  // An imported incident is edited in part: its title and times are the status page's.
  const webhooks = items.filter({ hasText: 'Delayed webhook deliveries' });
  await webhooks.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit incident' });
  await edit.waitFor();
  assert.equal(await edit.getByLabel('Title').isDisabled(), true, 'the title stays the status page’s');
  assert.equal(await edit.getByLabel('Started').isDisabled(), true, 'so do its times');
  await edit.getByLabel('Postmortem link').fill('https://status.northwind.example/incidents/h7c2p1/postmortem');
  await edit.getByLabel('Notes (optional)').fill('Our order webhooks retried on their own.');
  await screenshot(page, 'incidents-edit-imported');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await edit.waitFor({ state: 'hidden' });
  await webhooks.getByRole('link', { name: 'Read the postmortem of Delayed webhook deliveries' }).waitFor();
  await webhooks.getByText('Our order webhooks retried on their own.').waitFor();

  // The period: 90 days holds four of the six.
  await page.getByRole('radio', { name: '90 days' }).check();
  await measures.getByTestId('measure-incidents').getByText(/^4 incidents started in the last 90 days/).waitFor();
  await page.getByRole('radio', { name: '12 months' }).check();
  await measures.getByTestId('measure-incidents').getByText(/^6 incidents started in the last 12 months/).waitFor();
  await fullScreenshot(page, 'incidents-tab-after');
  await page.locator('.incident-overview').screenshot({ path: path.join(SCREENSHOTS, 'incidents-overview.png') });

  // Refresh from a status page on loopback: the address is named before, the result after.
  const statusPage = await loopbackStatusPage(text);
  await callApi(served, 'vendor.update', { id: vendor.id, patch: { links: { statusPage: statusPage.url } } });
  await page.reload();
  await page.getByRole('heading', { name: 'Incident record' }).waitFor();
  await refresh.getByText(statusPage.url, { exact: true }).waitFor();
  await refresh.getByRole('button', { name: 'Refresh from status page' }).click();
  const outcome = page.getByTestId('refresh-outcome');
  await outcome.getByText(`${statusPage.url}/api/v2/incidents.json`).waitFor();
  assert.match(
    (await outcome.getByRole('list', { name: 'Incidents' }).textContent()) ?? '',
    /0\s*added.*4\s*already stored as they are\s*1\s*older than the version stored/,
    'the same five: four unchanged, the one edited here kept as edited',
  );
  await refresh.getByText(/^Last refreshed /).waitFor();
  assert.ok(statusPage.reads.includes('/api/v2/incidents.json'), 'the status page was read');
  await screenshot(page, 'incidents-refreshed');

  // The questionnaire: the record beside the answers, and the flag in the score panel.
  await go(page, `#/vendor/${vendor.id}`);
  const question = page.locator('[data-question-id="inc_first_update_minutes"]');
  await question.scrollIntoViewIfNeeded();
  const note = question.getByTestId('record-note');
  await note.waitFor();
  assert.equal(await note.getAttribute('data-verdict'), 'contradicted');
  assert.match((await note.textContent()) ?? '', /^✗Record: The record disagrees\. .*10.*See the incident record$/, (await note.textContent()) ?? '');
  const flag = page.getByTestId('incident-claim-flag');
  await flag.getByText('Claims contradicted by the incident record').waitFor();
  await screenshot(page, 'incidents-questionnaire-note');

  // The register's column, and Needs attention.
  await go(page, '#/');
  const header = page.getByRole('columnheader', { name: 'Incidents (90 days)' });
  await header.waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Northwind Cloud' });
  assert.match((await row.locator('.cell-incidents').textContent()) ?? '', /^4\s*·\s*,?\s*1 open$/, 'four in 90 days, one still open');
  await header.getByRole('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'descending', 'sortable, most first');
  const attention = page.getByTestId('attention');
  await attention.getByText('Open incident on a critical-path provider: Log search returns partial results').waitFor();
  await attention.getByText('No postmortem 14 days after a critical incident: Database failover in eu-west-1').waitFor();
  assert.equal(
    await attention.getByRole('link', { name: /Open incident on a critical-path provider/ }).getAttribute('href'),
    `#/vendor/${vendor.id}/incidents`,
    'the line leads to the Incidents tab',
  );
  await screenshot(page, 'incidents-register-1440');
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'incidents-register');
  // The tab in the dark, for a look at the impact colours there.
  await page.emulateMedia({ colorScheme: 'dark' });
  await go(page, `#/vendor/${vendor.id}/incidents`);
  await page.locator('.incident-overview').getByTestId('measures').waitFor();
  await screenshot(page, 'incidents-tab-dark');

  // Delete asks first.
  const typed = page.getByTestId('incident-item').filter({ hasText: 'Private network drops in fra1' });
  await typed.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this incident?' });
  await confirm.getByText(/“Private network drops in fra1” is removed from Northwind Cloud’s incident record/).waitFor();
  await confirm.getByRole('button', { name: 'Delete incident' }).click();
  await typed.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: 'Deleted “Private network drops in fra1”.' }).waitFor();
  assert.equal((await callApi<IncidentView[]>(served, 'incident.list', { vendorId: vendor.id })).length, 5, 'the five imported ones stay');
  assert.deepEqual(problems, [], 'no console errors');
});

test('incidents tab: a history feed gives no impact, and its incidents say so (never shown as minor)', async () => {
  const served = await startServe();
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Acme Cloud', category: 'hosting' });
  const { page, problems } = await openApp(served);
  await page.setViewportSize({ width: 1440, height: 900 });
  await go(page, `#/vendor/${vendor.id}/incidents`);
  await page.getByText('No incidents on record.').waitFor();
  const feed = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/status/history.atom'));
  await page.getByLabel('Status page file', { exact: true }).setInputFiles({ name: 'history.atom', mimeType: 'application/atom+xml', buffer: feed });
  const preview = page.getByTestId('status-import-preview');
  await preview.getByText(/\(Atom feed/).waitFor();
  await preview.getByText(/do not carry over exactly/).waitFor();
  await screenshot(page, 'incidents-feed-preview');
  await preview.getByRole('button', { name: 'Import' }).click();
  const items = page.getByTestId('incident-item');
  await items.first().waitFor();
  const count = await items.count();
  assert.ok(count > 0, 'the feed’s incidents are listed');
  assert.equal(await page.locator('[data-testid="incident-item"][data-impact="unknown"]').count(), count, 'every one says its impact was not given');
  assert.equal(await items.getByText('Impact not given', { exact: false }).count(), count);
  assert.equal(await items.getByText('Minor', { exact: true }).count(), 0, 'none shown as minor');
  await fullScreenshot(page, 'incidents-feed');
  assert.deepEqual(problems, [], 'no console errors');
});
