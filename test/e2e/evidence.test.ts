// The review lifecycle in the real renderer against `vetted serve`: evidence files on the
// provider's Evidence tab (attached, flagged, hashed, saved back byte for byte, refused when too
// large or unreadable), the register's Next review column and Needs attention panel, and the
// reassessment months in Settings.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { EvidenceView, ReviewDetail, VendorSummary } from '../../shared/api';
import { localIsoDate } from '../../shared/domain/dates';
import { MAX_EVIDENCE_BYTES } from '../../shared/domain/evidence';
import type { Settings } from '../../shared/domain/settings';
import { questionIndex } from '../../shared/domain/template';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { tempDir } from '../helpers/tmp';
import { callApi, openApp, screenshot, startServe } from './harness';

/** Today plus `days`, as the app's local calendar date. */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localIsoDate(date);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

const CERTIFICATIONS = questionIndex(INFRASTRUCTURE_TEMPLATE).get('sec_certifications')!.question.text;

test('evidence: attached with an expiry within 30 days, it is flagged, hashed and saved back byte for byte; too large and unreadable files are refused', async () => {
  const served = await startServe();
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Ledgerline Storage', category: 'database' });
  await callApi<ReviewDetail>(served, 'review.start', { vendorId: vendor.id });
  const { page, problems } = await openApp(served);
  await go(page, `#/vendor/${vendor.id}/evidence`);
  const form = page.getByRole('form', { name: 'Attach evidence' });
  await form.waitFor();
  await page.getByText('No evidence yet.').waitFor();

  const bytes = Buffer.from('%PDF-1.4\n% Ledgerline SOC 2 Type II report (test fixture)\n1 0 obj << >> endobj\n%%EOF\n', 'latin1');
  const expiresOn = dayFromToday(12);
  await form.getByLabel('File').setInputFiles({ name: 'ledgerline-soc2.pdf', mimeType: 'application/pdf', buffer: bytes });
  await form.getByLabel('Kind').selectOption({ label: 'SOC 2 report' });
  await form.getByLabel('Title (optional)').fill('SOC 2 Type II 2026');
  await form.getByLabel('Issued on').fill(dayFromToday(-350));
  await form.getByLabel('Expires on').fill(expiresOn);
  await form.getByLabel('Notes').fill('Bridge letter requested.');
  await form.getByLabel('Backs question (optional)').selectOption({ label: CERTIFICATIONS });
  await form.getByRole('button', { name: 'Attach evidence' }).click();
  await form.getByRole('status').filter({ hasText: 'Attached “SOC 2 Type II 2026”.' }).waitFor();

  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'SOC 2 Type II 2026' }) });
  await item.waitFor();
  assert.equal((await item.getByTestId('evidence-state').textContent())?.trim(), 'Expires within 30 days');
  const expected = sha256(bytes);
  const hash = item.locator('code.evidence-hash');
  assert.equal(await hash.getAttribute('title'), expected, 'the full SHA-256 is on the short one');
  assert.ok(expected.startsWith(((await hash.textContent()) ?? '').split('…')[0]!), 'the short hash is the start of the SHA-256');
  await item.getByText(CERTIFICATIONS).waitFor();
  await item.getByText('Bridge letter requested.').waitFor();
  assert.equal(await form.getByLabel('Title (optional)').inputValue(), '', 'the form is empty again for the next file');
  await screenshot(page, 'evidence-tab');

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    item.getByRole('button', { name: 'Save a copy' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'ledgerline-soc2.pdf');
  const saved = path.join(tempDir('vetted-evidence-'), 'copy.pdf');
  await download.saveAs(saved);
  assert.deepEqual(fs.readFileSync(saved), bytes, 'the copy has the stored bytes');

  // Too large: refused with a message as soon as it is chosen, and again on Attach; nothing is sent.
  const dir = tempDir('vetted-evidence-files-');
  const big = path.join(dir, 'full-audit-archive.pdf');
  fs.writeFileSync(big, '');
  fs.truncateSync(big, 21 * 1024 * 1024);
  await form.getByLabel('Title (optional)').fill('Audit archive');
  await form.getByLabel('File').setInputFiles(big);
  await form.getByText(/“full-audit-archive\.pdf” is too large \(21\.0 MB\): evidence files can be at most 20 MB/).waitFor();
  await form.getByRole('button', { name: 'Attach evidence' }).click();
  await form.getByText(/is too large/).waitFor();
  assert.equal(await form.getByLabel('File').getAttribute('aria-invalid'), 'true');

  // Unreadable: chosen, then deleted before Attach; the browser cannot read it.
  const gone = path.join(dir, 'pentest-summary.txt');
  fs.writeFileSync(gone, 'pentest summary');
  await form.getByLabel('File').setInputFiles(gone);
  fs.rmSync(gone);
  await form.getByRole('button', { name: 'Attach evidence' }).click();
  await form.getByText(/“pentest-summary\.txt” could not be read/).waitFor();
  assert.equal(await form.getByLabel('Title (optional)').inputValue(), 'Audit archive', 'what was typed is kept');
  await screenshot(page, 'evidence-refused');
  const stored = await callApi<EvidenceView[]>(served, 'evidence.list', { vendorId: vendor.id });
  assert.equal(stored.length, 1, 'neither refused file was stored');

  // Edit: an expiry in the past flags it expired.
  await item.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit SOC 2 Type II 2026' });
  await edit.getByLabel('Expires on').fill(dayFromToday(-1));
  await screenshot(page, 'evidence-edit');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await item.getByTestId('evidence-state').filter({ hasText: 'Expired' }).waitFor();

  // Delete asks first.
  await screenshot(page, 'evidence-expired');
  await item.getByRole('button', { name: 'Delete' }).click();
  await screenshot(page, 'evidence-delete-confirm');
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.equal(await focused(), 'Cancel', 'the safe answer has the focus');
  await item.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await focused(), 'Delete', 'focus returns to Delete');
  await item.getByRole('button', { name: 'Delete' }).click();
  await item.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByText('No evidence yet.').waitFor();
  assert.deepEqual(await callApi<EvidenceView[]>(served, 'evidence.list', { vendorId: vendor.id }), []);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('evidence: a file of exactly the 20 MB limit is read in chunks, stored and hashed like a small one', async () => {
  const served = await startServe();
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Deepvault Backup', category: 'hosting' });
  const { page, problems } = await openApp(served);
  await go(page, `#/vendor/${vendor.id}/evidence`);
  const form = page.getByRole('form', { name: 'Attach evidence' });
  await form.waitFor();

  // Every byte value, over and over: a base64 chunking mistake would change the hash.
  const bytes = Buffer.alloc(MAX_EVIDENCE_BYTES);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + (i >> 16)) & 0xff;
  const file = path.join(tempDir('vetted-evidence-large-'), 'pentest-full.bin');
  fs.writeFileSync(file, bytes);
  await form.getByLabel('File').setInputFiles(file);
  await form.getByLabel('Kind').selectOption({ label: 'Penetration test' });
  await form.getByRole('button', { name: 'Attach evidence' }).click();
  await form.getByRole('status').filter({ hasText: 'Attached “pentest-full.bin”.' }).waitFor({ timeout: 60_000 });
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'pentest-full.bin' }) });
  assert.equal(await item.locator('code.evidence-hash').getAttribute('title'), sha256(bytes));
  await item.getByText('20.0 MB').waitFor();
  assert.equal((await item.getByTestId('evidence-state').textContent())?.trim(), 'No expiry date');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});


test('the register shows Next review and Findings, filters by reassessment state, and lists what is overdue under Needs attention', async () => {
  // The demo register is a year into use: Logjam Cloud's reassessment is overdue, StatusHarbor's
  // due within 30 days, PagerPigeon's knock-out finding past due, one document expired and one expiring.
  const served = await startServe({ demo: true });
  const vendors = await callApi<VendorSummary[]>(served, 'vendor.list', {});
  const byName = (name: string) => vendors.find((v) => v.name === name)!;
  const late = byName('Logjam Cloud');
  const soon = byName('StatusHarbor');
  const flagged = byName('PagerPigeon');
  assert.deepEqual([late.reassessment.state, soon.reassessment.state, flagged.overdueFindings], ['overdue', 'due_soon', 1]);

  const { page, problems } = await openApp(served);
  const table = page.getByRole('table', { name: 'Providers' });
  await table.getByRole('link', { name: late.name }).waitFor();
  await table.getByRole('columnheader', { name: 'Next review' }).waitFor();
  await table.getByRole('columnheader', { name: 'Findings' }).waitFor();
  const lateRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: late.name, exact: true }) });
  await lateRow.getByText('Overdue').waitFor();
  const soonRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: soon.name, exact: true }) });
  await soonRow.getByText('Due soon').waitFor();
  const flaggedRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: flagged.name, exact: true }) });
  await flaggedRow.getByText('1 overdue').waitFor();

  const attention = page.getByRole('region', { name: 'Needs attention' });
  await attention.getByText('1 review overdue').waitFor();
  await attention.getByText('1 review due soon').waitFor();
  const reviewLink = attention.getByRole('link').filter({ hasText: late.name }).filter({ hasText: 'Review overdue' });
  assert.equal(await reviewLink.getAttribute('href'), `#/vendor/${encodeURIComponent(late.id)}`);
  await attention.getByText('1 finding needs action').waitFor();
  // The finding's line (the demo's maintenance lines name PagerPigeon too).
  const findingLink = attention.locator('a[href$="/findings"]').filter({ hasText: flagged.name });
  assert.equal(await findingLink.getAttribute('href'), `#/vendor/${encodeURIComponent(flagged.id)}/findings`);
  await attention.getByText('1 document expired').waitFor();
  await attention.getByText('1 document expiring').waitFor();
  const evidenceLink = attention.getByRole('link').filter({ hasText: 'SOC 2 Type II report' });
  assert.equal(await evidenceLink.getAttribute('href'), `#/vendor/${encodeURIComponent(soon.id)}/evidence`);
  await screenshot(page, 'register-attention');

  // The panel folds to one line of counts.
  await attention.getByRole('button', { name: 'Hide details' }).click();
  assert.equal(await findingLink.isVisible(), false, 'details hidden');
  await attention.getByText('1 review overdue').waitFor();
  await attention.getByRole('button', { name: 'Show details' }).click();
  await findingLink.waitFor();

  // Filter by reassessment state.
  await page.getByLabel('Next review').selectOption({ label: 'Overdue' });
  await page.getByTestId('register-count').filter({ hasText: `Showing 1 of ${vendors.length} providers` }).waitFor();
  await lateRow.waitFor();
  await page.getByLabel('Next review').selectOption({ label: 'No approved review' });
  await page.getByTestId('register-count').filter({ hasText: `Showing ${vendors.length - 2} of ${vendors.length} providers` }).waitFor();
  await page.getByLabel('Next review').selectOption({ label: 'All' });

  // Sorting by Next review puts the soonest (the overdue one) first.
  await table.getByRole('columnheader', { name: 'Next review' }).getByRole('button').click();
  const firstRow = table.getByRole('row').nth(1);
  await firstRow.getByRole('link', { name: late.name, exact: true }).waitFor();

  // A link goes to the provider.
  await reviewLink.click();
  await page.getByRole('heading', { name: late.name, level: 1 }).waitFor();
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

/** The Reassessment section is the last one, above the sticky Save bar. */
async function scrollToEnd(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('.app-main')?.scrollTo(0, 1e6));
}

test('settings: reassessment months per tier are checked, saved, and still there after a reload', async () => {
  const served = await startServe();
  const { page, problems } = await openApp(served, { path: '#/settings' });
  const months = (tier: string) => page.getByLabel(`${tier} tier: months until the next review`);
  await months('Critical').waitFor();
  assert.equal(await months('Critical').inputValue(), '6');
  assert.equal(await months('Low').inputValue(), '24');

  await months('Critical').fill('3');
  await months('High').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('High: give a whole number of months from 1 to 60 (“0” is not).').waitFor();
  await page.getByTestId('settings-save-status').filter({ hasText: /Not saved/ }).waitFor();
  assert.equal(await months('High').getAttribute('aria-invalid'), 'true');
  await scrollToEnd(page);
  await screenshot(page, 'settings-reassessment-invalid');
  const unchanged = await callApi<Settings>(served, 'settings.get', {});
  assert.deepEqual(unchanged.reassessmentMonths, { critical: 6, high: 12, medium: 18, low: 24 }, 'nothing saved');

  await months('High').fill('9');
  await months('Medium').fill('61');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText(/Medium: give a whole number of months from 1 to 60/).waitFor();
  await months('Medium').fill('15');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-save-status').filter({ hasText: /^Saved$/ }).waitFor();
  await scrollToEnd(page);
  await screenshot(page, 'settings-reassessment');

  await page.reload();
  await months('Critical').waitFor();
  assert.equal(await months('Critical').inputValue(), '3');
  assert.equal(await months('High').inputValue(), '9');
  assert.equal(await months('Medium').inputValue(), '15');
  const stored = await callApi<Settings>(served, 'settings.get', {});
  assert.deepEqual(stored.reassessmentMonths, { critical: 3, high: 9, medium: 15, low: 24 });
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
