// The subprocessor annex as a security lead makes it, in the real renderer against `vetted serve
// --demo`: a provider added fresh and approved in the app becomes active and is in the list read
// back from the downloaded PDF with pdftotext; its transfer mechanism outside the EEA/UK is there;
// internal tiers only when asked; an unsigned DPA is warned about on the page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import type { Download, Page } from 'playwright-core';
import type { ReviewDetail, VendorSummary } from '../../shared/api';
import type { Vendor } from '../../shared/domain/vendor';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { answersFor, answer } from '../helpers/review-fixtures';
import { tempDir } from '../helpers/tmp';
import { callApi, openApp, screenshot, startServe, type Served } from './harness';

interface Annex {
  /** The whole text, whitespace folded. */
  text: string;
  /** The table row whose first line holds `key`, with its wrapped lines (pdftotext -layout). */
  row(key: string): string;
}

async function readAnnex(download: Download): Promise<Annex> {
  const file = path.join(tempDir('vetted-annex-'), download.suggestedFilename());
  await download.saveAs(file);
  const pdftotext = (...flags: string[]) => execFileSync('pdftotext', [...flags, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const lines = pdftotext('-layout').split('\n');
  return {
    text: pdftotext().replace(/\s+/g, ' '),
    row(key) {
      const at = lines.findIndex((l) => l.includes(key));
      assert.ok(at >= 0, `a row for ${key}`);
      return lines.slice(at, at + 4).join(' ').replace(/\s+/g, ' ');
    },
  };
}

async function exportAnnex(page: Page, options: { tiers?: boolean } = {}): Promise<Annex> {
  await page.getByRole('button', { name: 'Export subprocessor list…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the subprocessor list' });
  if (options.tiers) await dialog.getByRole('checkbox', { name: 'Show internal risk tiers' }).check();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), dialog.getByRole('button', { name: 'Export PDF' }).click()]);
  return readAnnex(download);
}

/** A new provider in the US with every question answered (standard contractual clauses), submitted. */
async function addUsProvider(served: Served): Promise<Vendor> {
  const vendor = await callApi<Vendor>(served, 'vendor.create', {
    name: 'Skylark Mail',
    legalName: 'Skylark Mail Inc.',
    service: 'Transactional e-mail',
    category: 'other',
    dataCategories: ['personal-data'],
    dataLocations: ['United States'],
  });
  const { review } = await callApi<ReviewDetail>(served, 'review.start', { vendorId: vendor.id });
  const answers = answersFor(INFRASTRUCTURE_TEMPLATE, {
    prv_personal_data: answer('prv_personal_data', 'users'),
    prv_transfer_mechanism: answer('prv_transfer_mechanism', 'sccs'),
  });
  for (const a of answers) await callApi(served, 'answer.save', { reviewId: review.id, questionId: a.questionId, value: a.value });
  await callApi(served, 'review.transition', { reviewId: review.id, to: 'in_review', by: 'Setup Script' });
  return vendor;
}

test('a provider approved in the app is in the annex, with its legal entity and transfer mechanism; tiers only when asked; an unsigned DPA is warned about', async () => {
  const served = await startServe({ demo: true });
  await callApi(served, 'settings.update', { userName: 'Ana Lead', organisation: 'Example Shop Ltd' });
  const vendor = await addUsProvider(served);
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Skylark Mail' }).waitFor();

  // Before the approval: left out, and the page says why.
  const before = await exportAnnex(page);
  assert.ok(!before.text.includes('Skylark Mail Inc.'), 'not approved yet: not in the annex');
  const panel = page.getByRole('region', { name: 'Subprocessor list exported' });
  await panel.getByText(/^Skylark Mail: proposed, not in use and not approved as of \d{4}-\d{2}-\d{2}/).waitFor();

  // Approve it in the app: the provider becomes active.
  await page.evaluate((hash) => (location.hash = hash), `#/vendor/${encodeURIComponent(vendor.id)}`);
  await page.getByRole('heading', { name: 'Skylark Mail', level: 1 }).waitFor();
  const workflow = page.getByRole('region', { name: 'Review workflow' });
  await workflow.getByRole('button', { name: 'Approve', exact: true }).click();
  const approve = page.getByRole('dialog', { name: 'Approve' });
  assert.equal(await approve.getByRole('checkbox', { name: 'Mark Skylark Mail as active (in use)' }).isChecked(), true);
  await approve.getByRole('button', { name: 'Approve' }).click();
  await approve.waitFor({ state: 'hidden' });
  const summary = (await callApi<VendorSummary[]>(served, 'vendor.list', {})).find((v) => v.id === vendor.id)!;
  assert.equal(summary.status, 'active', 'approval made it active');

  // The annex now lists it, from its decided review and its profile.
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('table').getByRole('link', { name: 'Skylark Mail' }).waitFor();
  const annex = await exportAnnex(page);
  const row = annex.row('Skylark Mail Inc.');
  for (const words of ['Transactional e-mail', 'United States', 'Standard contractual', 'clauses', '(United States)', 'Signed']) {
    assert.ok(row.includes(words), `Skylark's row says "${words}": ${row}`);
  }
  assert.ok(annex.text.includes('Example Shop Ltd · As of'), 'organisation and date on the page');
  assert.ok(!annex.text.includes('Tier'), 'no internal tier in a customer document unless asked');
  // StatusHarbor's DPA is offered, not signed (demo): the page warns and the row says so.
  assert.ok(annex.row('StatusHarbor Inc.').includes('Not signed'), 'the unsigned DPA is in its row');
  await panel.getByText('StatusHarbor: the data processing agreement is offered but not signed.').waitFor();
  await screenshot(page, 'subprocessor-annex-result');

  const withTiers = await exportAnnex(page, { tiers: true });
  assert.ok(withTiers.text.includes('Tier:'), 'tiers printed when asked');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
