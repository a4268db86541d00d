// PDF exports and settings in the real renderer, against `vetted serve --demo`: the files the
// browser downloads are read back with pdftotext (poppler-utils).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Download, Page } from 'playwright-core';
import { tempDir } from '../helpers/tmp';
import { callApi, openApp, screenshot, startServe, type Served } from './harness';

interface PdfFile {
  fileName: string;
  /** pdftotext output with every run of whitespace made one space (lines wrap anywhere). */
  text: string;
}

/** Saves a download, checks it is a PDF and returns its text. */
async function readPdf(download: Download): Promise<PdfFile> {
  const fileName = download.suggestedFilename();
  assert.match(fileName, /\.pdf$/i, `a .pdf file name, got ${fileName}`);
  const file = path.join(tempDir('vetted-export-'), fileName);
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', 'the download is a PDF');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { fileName, text: text.replace(/\s+/g, ' ') };
}

/** The export dialogs, by the button that opens them. */
const DIALOGS: Record<string, string> = {
  'Export PDF…': 'Export the review report',
  'Export subprocessor list…': 'Export the subprocessor list',
};

/** Opens an export's dialog with its button, exports with the defaults and returns the PDF it downloads. */
async function exportWith(page: Page, buttonName: keyof typeof DIALOGS): Promise<PdfFile> {
  await page.getByRole('button', { name: buttonName, exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('dialog', { name: DIALOGS[buttonName] }).getByRole('button', { name: 'Export PDF' }).click(),
  ]);
  return readPdf(download);
}

/** Approves a provider's open review through the API: an approved provider is what the list names. */
async function approve(served: Served, name: string): Promise<void> {
  const current = await callApi<{ review: { id: string } }>(served, 'review.current', { vendorId: await vendorId(served, name) });
  for (const to of ['in_review', 'approved']) {
    await callApi(served, 'review.transition', { reviewId: current.review.id, to, by: 'Setup Script' });
  }
}

/** Exports the review report through its dialog (the route given adds warnings). */
async function exportWithWarnings(page: Page): Promise<Download> {
  await page.getByRole('button', { name: 'Export PDF…', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('dialog', { name: 'Export the review report' }).getByRole('button', { name: 'Export PDF' }).click(),
  ]);
  return download;
}

async function vendorId(served: Served, name: string): Promise<string> {
  const vendors = await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {});
  const found = vendors.find((v) => v.name === name);
  assert.ok(found, `demo provider ${name}`);
  return found.id;
}

async function openProvider(page: Page, served: Served, name: string): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#/vendor/${encodeURIComponent(await vendorId(served, name))}`);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

test('Export PDF… on a provider page downloads its review report; without a review the button says why it is off', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres' }).waitFor();
  await openProvider(page, served, 'Tidewater Postgres');

  const pdf = await exportWith(page, 'Export PDF…');
  assert.match(pdf.text, /Tidewater Postgres/, 'the report names the provider');
  assert.match(pdf.text, /\bscore\b/i, 'the report shows the score');
  await page.getByRole('status').filter({ hasText: pdf.fileName }).waitFor();
  const button = page.getByRole('button', { name: 'Export PDF…', exact: true });
  assert.equal(await button.isEnabled(), true, 'the button is back after the export');
  await screenshot(page, 'provider-export');

  // A provider nobody has reviewed yet: the button is off, and the page says why.
  await callApi(served, 'vendor.create', { name: 'Nimbus Cache', category: 'other' });
  await openProvider(page, served, 'Nimbus Cache');
  assert.equal(await button.isDisabled(), true, 'no review: no report');
  assert.match((await button.getAttribute('title')) ?? '', /no review yet/i);
  await page.getByText(/No review yet: answer a question/).waitFor();
  await screenshot(page, 'provider-export-unavailable');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('approved, then reopened: the app exports the decided review with its standing, and the register says the same', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);
  // The register's row: the last decision and the overdue reassessment, by the one rule.
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Logjam Cloud' }) });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /overdue/i, 'the register shows the reassessment overdue');
  await openProvider(page, served, 'Logjam Cloud');
  // Exported with the dialog's defaults: the decided review, not the draft opened since.
  const pdf = await exportWith(page, 'Export PDF…');
  assert.match(pdf.text, /Approved on \d{4}-\d{2}-\d{2} by Sam Okafor\./, 'the decision it rests on');
  assert.match(pdf.text, /Reassessment in progress since \d{4}-\d{2}-\d{2} \(draft, not decided as of \d{4}-\d{2}-\d{2}\)\./, 'the reassessment opened since');
  assert.match(pdf.text, /Reassessment overdue since \d{4}-\d{2}-\d{2}\./, 'and overdue');
  assert.doesNotMatch(pdf.text, /Not yet approved|DRAFT/, 'not the draft');
  assert.match(pdf.fileName, /^vetted-review-logjam-cloud-/);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('the export button is busy while the PDF is generated, and warnings and errors are shown in words', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Gaugeworks' }).waitFor();
  await openProvider(page, served, 'Gaugeworks');

  // Slow the export down: the request waits until the test lets it go.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested!: () => void;
  const arrived = new Promise<void>((resolve) => (requested = resolve));
  await page.route('**/api/report.vendor', async (route) => {
    requested();
    await released;
    await route.continue();
  });
  const downloaded = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Export PDF…', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the review report' });
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  await arrived;
  const busy = page.getByTestId('export-pdf');
  assert.equal((await busy.textContent())?.trim(), 'Exporting…');
  assert.equal(await busy.isDisabled(), true, 'disabled while it runs');
  assert.equal(await busy.getAttribute('aria-busy'), 'true');
  const dialogButton = dialog.getByRole('button', { name: 'Exporting…' });
  assert.equal(await dialogButton.isDisabled(), true, 'the dialog waits for the file');
  await page.getByRole('status').filter({ hasText: 'Exporting the review report of Gaugeworks' }).waitFor({ state: 'attached' });
  await screenshot(page, 'provider-export-busy');
  release();
  const pdf = await readPdf(await downloaded);
  assert.match(pdf.text, /Gaugeworks/);
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Export PDF…', exact: true }).waitFor();
  assert.equal(await busy.isEnabled(), true);
  await page.unroute('**/api/report.vendor');

  // The generator's warnings reach the user, and the file is still saved.
  await page.route('**/api/report.vendor', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value: { warnings: string[] } };
    body.value.warnings = ['2 characters in “Notes” cannot be shown by any installed font: 𝔘𝔫'];
    await route.fulfill({ response, json: body });
  });
  await readPdf(await exportWithWarnings(page));
  const outcome = page.getByRole('region', { name: 'Review report exported' });
  const warning = outcome.getByText(/cannot be shown by any installed font/);
  await warning.waitFor();
  await outcome.getByText('Exported with a warning:').waitFor();
  await outcome.getByRole('button', { name: 'Dismiss' }).click();
  await outcome.waitFor({ state: 'detached' });
  await page.unroute('**/api/report.vendor');

  // An API error is an alert; nothing is downloaded.
  await page.route('**/api/report.vendor', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'not_found', message: 'Gaugeworks has no review yet.' } } }),
  );
  let unexpected = false;
  page.on('download', () => (unexpected = true));
  await page.getByRole('button', { name: 'Export PDF…', exact: true }).click();
  await dialog.getByRole('button', { name: 'Export PDF' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'The report was not exported: Gaugeworks has no review yet.' }).waitFor();
  assert.equal(unexpected, false, 'a failed export downloads nothing');
  await screenshot(page, 'provider-export-error');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('the subprocessor list lists approved active providers with personal data, and opens with the introduction from Settings', async () => {
  const served = await startServe({ demo: true });
  await approve(served, 'Tidewater Postgres');
  await approve(served, 'Gaugeworks');
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres' }).waitFor();

  const before = await exportWith(page, 'Export subprocessor list…');
  assert.match(before.text, /Subprocessors/);
  assert.match(before.text, /Tidewater Postgres/, 'approved, active, processes personal data');
  assert.doesNotMatch(before.text, /Gaugeworks/, 'processes telemetry only');

  // Settings: change the introduction, save, and find it again after a reload.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  const intro = page.getByRole('textbox', { name: 'Subprocessor list introduction' });
  await intro.waitFor();
  const sentence = `Our auditors reviewed every entry below on rotation ${Date.now().toString(36)}.`;
  await page.getByRole('textbox', { name: 'Organisation' }).fill('Example Shipping Ltd');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Robin Auditor');
  await intro.fill(sentence);
  await page.getByTestId('settings-save-status').filter({ hasText: 'Unsaved changes' }).waitFor();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-save-status').filter({ hasText: /^Saved$/ }).waitFor();
  await screenshot(page, 'settings');

  await page.reload();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await page.getByRole('textbox', { name: 'Subprocessor list introduction' }).filter({ hasText: sentence }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Subprocessor list introduction' }).inputValue(), sentence);
  assert.equal(await page.getByRole('textbox', { name: 'Organisation' }).inputValue(), 'Example Shipping Ltd');
  assert.equal(await page.getByRole('textbox', { name: 'Your name' }).inputValue(), 'Robin Auditor');

  await page.getByRole('link', { name: 'Vetted' }).click();
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres' }).waitFor();
  const after = await exportWith(page, 'Export subprocessor list…');
  assert.ok(after.text.includes(sentence), `the introduction opens the list:\n${after.text.slice(0, 600)}`);
  assert.match(after.text, /Tidewater Postgres/);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('settings are checked field by field, and nothing typed is lost when saving fails', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served, { path: '#/settings' });
  const intro = page.getByRole('textbox', { name: 'Subprocessor list introduction' });
  await intro.waitFor();

  // Too long: refused in place, before anything is sent.
  await intro.fill('x'.repeat(5001));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Subprocessor list introduction can be at most 5,000 characters.').waitFor();
  assert.equal(await intro.getAttribute('aria-invalid'), 'true');
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA'); // focus moves to the field at fault

  // The API is down: the message is shown and the text stays.
  await intro.fill('Kept while the server is away.');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Sam');
  await page.route('**/api/settings.update', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-save-status').filter({ hasText: /Not saved/ }).waitFor();
  await page.getByRole('alert').filter({ hasText: /not saved/i }).first().waitFor();
  assert.equal(await intro.inputValue(), 'Kept while the server is away.');
  assert.equal(await page.getByRole('textbox', { name: 'Your name' }).inputValue(), 'Sam');
  await page.unroute('**/api/settings.update');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-save-status').filter({ hasText: /^Saved$/ }).waitFor();
  const stored = await callApi<{ userName: string; subprocessorIntro: string }>(served, 'settings.get', {});
  assert.equal(stored.userName, 'Sam');
  assert.equal(stored.subprocessorIntro, 'Kept while the server is away.');

  // The name is recorded as the reviewer of reviews started from now on.
  await callApi(served, 'vendor.create', { name: 'Nimbus Cache', category: 'other' });
  const review = await callApi<{ review: { reviewer: string } }>(served, 'review.start', { vendorId: await vendorId(served, 'Nimbus Cache') });
  assert.equal(review.review.reviewer, 'Sam');
  assert.deepEqual(problems.filter((p) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(p)), []);
});

test('Electron menu commands: Preferences opens Settings, Export exports what the page shows', async () => {
  const served = await startServe({ demo: true });
  const { context, page, problems } = await openApp(served);
  // A stand-in for the preload bridge: API calls go to the HTTP bridge, menu commands come from the
  // test. Given as source text: tsx would add helpers to a serialised function that the page lacks.
  await context.addInitScript({
    content: `
      window.vetted = new Proxy({}, {
        get(_target, name) {
          if (name === 'onMenuCommand') return (listener) => { window.__menu = listener; return () => undefined; };
          if (typeof name !== 'string' || !name.includes('.')) return undefined;
          return async (input) => {
            const res = await fetch('/api/' + name, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' }, // the page's session cookie goes along
              body: JSON.stringify(input),
            });
            return res.json();
          };
        },
      });`,
  });
  await page.reload();
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres' }).waitFor();
  const menu = (command: string) => page.evaluate((c) => (window as unknown as { __menu: (c: string) => void }).__menu(c), command);

  await menu('preferences');
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  assert.match(page.url(), /#\/settings$/);

  await page.getByRole('link', { name: 'Vetted' }).click();
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres' }).waitFor();
  // Export opens the dialog of what the page shows, with the same options as its button.
  await menu('export');
  const listDialog = page.getByRole('dialog', { name: 'Export the subprocessor list' });
  const [list] = await Promise.all([page.waitForEvent('download'), listDialog.getByRole('button', { name: 'Export PDF' }).click()]);
  assert.match((await readPdf(list)).text, /Subprocessors/);

  await openProvider(page, served, 'Burrow MQ');
  await menu('export');
  const reportDialog = page.getByRole('dialog', { name: 'Export the review report' });
  const [report] = await Promise.all([page.waitForEvent('download'), reportDialog.getByRole('button', { name: 'Export PDF' }).click()]);
  assert.match((await readPdf(report)).text, /Burrow MQ/);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
