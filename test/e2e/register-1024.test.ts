// The register at 1024×700 in Chromium (issue #18): nothing is cut without a hint. The columns
// that do not fit are hidden least important first and the page names them; "Show all columns"
// makes the table scroll sideways with a visible cue. A provider never reviewed shows its inherent
// risk, marked as such; "Last reviewed" is empty until a review is decided.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { VendorSummary } from '../../shared/api';
import { callApi, openApp, screenshot, startServe } from './harness';

interface Clipped {
  text: string;
  why: string;
}

/** Headers (and, with `cells`, the body cells on screen) whose text is cut: wider than its box, or outside the scroll box. */
async function clippedCells(page: Page, selector: string): Promise<Clipped[]> {
  return page.evaluate((sel) => {
    const scroller = document.querySelector('[data-testid="register-scroll"]')!;
    const view = scroller.getBoundingClientRect();
    const found: { text: string; why: string }[] = [];
    for (const cell of Array.from(document.querySelectorAll(sel)) as HTMLElement[]) {
      const text = (cell.textContent ?? '').trim();
      if (cell.scrollWidth > cell.clientWidth) found.push({ text, why: `scrollWidth ${cell.scrollWidth} > clientWidth ${cell.clientWidth}` });
      for (const inner of Array.from(cell.querySelectorAll('*')) as HTMLElement[]) {
        if (inner.closest('.visually-hidden')) continue; // for screen readers only, clipped on purpose
        const style = getComputedStyle(inner);
        // Cut with an ellipsis and the whole text in a title: a hint, allowed.
        const hinted = style.textOverflow === 'ellipsis' && inner.closest('[title]') !== null;
        if (inner.scrollWidth > inner.clientWidth && style.overflow !== 'visible' && !hinted) {
          found.push({ text, why: `${inner.className || inner.tagName}: scrollWidth ${inner.scrollWidth} > clientWidth ${inner.clientWidth}` });
        }
      }
      const box = cell.getBoundingClientRect();
      if (box.left < view.left - 0.5 || box.right > view.right + 0.5) found.push({ text, why: `outside the scroll box (${box.left}–${box.right} of ${view.left}–${view.right})` });
    }
    return found;
  }, selector);
}

async function headers(page: Page): Promise<string[]> {
  return page.locator('.register-head [role="columnheader"]').evaluateAll((ths) => ths.map((th) => (th.textContent ?? '').trim()));
}

test('the register at 1024×700: every header shown whole, hidden columns named, all columns on request with a scroll cue; inherent risk for the unreviewed', async () => {
  const served = await startServe({ demo: true });
  // Critical path (2) + high impact (2) + personal data (1): high inherent risk, and no review yet.
  await callApi(served, 'vendor.create', { name: 'Quarry Queue', criticalPath: true, businessImpact: 'high', dataCategories: ['personal-data'] });
  const vendors = await callApi<VendorSummary[]>(served, 'vendor.list', {});
  const harbor = vendors.find((v) => v.name === 'StatusHarbor')!;
  assert.ok(harbor.lastReviewed, 'the demo approved StatusHarbor in the past');

  const { page, problems } = await openApp(served);
  await page.setViewportSize({ width: 1024, height: 700 });
  const table = page.getByRole('table', { name: 'Providers' });
  await table.getByRole('link', { name: 'Quarry Queue' }).waitFor();
  // At 700 px the Needs attention panel fills the screen: folded, as one would, the table shows.
  await page.getByRole('region', { name: 'Needs attention' }).getByRole('button', { name: 'Hide details' }).click();
  await page.getByTestId('register-frame').scrollIntoViewIfNeeded();

  // Fitted: the table is no wider than its box, no header or cell on screen is cut.
  const note = page.getByTestId('columns-note');
  await note.getByText(/^Hidden to fit the window:/).waitFor();
  const shownHeaders = await headers(page);
  const noteText = (await note.textContent()) ?? '';
  const hiddenNames = /Hidden to fit the window: (.+)\.Show all columns$/.exec(noteText)?.[1]?.split(', ') ?? [];
  assert.ok(hiddenNames.length > 0, `the note names what is hidden: ${noteText}`);
  for (const name of hiddenNames) assert.ok(!shownHeaders.some((h) => h === name), `${name} is hidden, as the note says`);
  for (const kept of ['Name', 'Tier', 'Next review', 'Findings']) assert.ok(shownHeaders.includes(kept), `${kept} is kept at 1024 px: ${shownHeaders.join(' | ')}`);
  assert.equal(shownHeaders.length + hiddenNames.length, 12, 'every column is either shown or named as hidden');
  const fits = await page.getByTestId('register-scroll').evaluate((el) => el.scrollWidth <= el.clientWidth);
  assert.ok(fits, 'the fitted table does not run past its box');
  assert.deepEqual(await clippedCells(page, '.register-head [role="columnheader"]'), [], 'no header is cut');
  assert.deepEqual(await clippedCells(page, '.register-body [role="cell"]'), [], 'no cell on screen is cut');

  // The provider never reviewed: its inherent risk, outlined and labelled, never a review's tier.
  const quarryRow = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Quarry Queue' }) });
  const quarryTier = quarryRow.locator('.cell-tier');
  assert.equal(await quarryTier.locator('[data-tier-basis]').getAttribute('data-tier-basis'), 'inherent');
  assert.match((await quarryTier.textContent()) ?? '', /^High\s*Inherent risk, not reviewed yet$/);
  assert.match((await quarryTier.locator('.tier-badge').getAttribute('class')) ?? '', /tier-badge-inherent/, 'drawn apart from a reviewed tier');
  // A draft's tier comes from its answers and says it is not decided.
  const tidewaterTier = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Tidewater Postgres' }) }).locator('.cell-tier');
  assert.match((await tidewaterTier.textContent()) ?? '', /Not decided$/);
  await screenshot(page, 'register-1024');

  // The Tier filter finds an inherent tier too (triage), and "Not started" still finds it by state.
  const tierSelect = page.getByRole('combobox', { name: 'Tier' });
  await tierSelect.selectOption({ label: 'High' });
  await table.getByRole('link', { name: 'Quarry Queue' }).waitFor();
  const highRows = await table.locator('.register-body .cell-tier').evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim()));
  assert.ok(highRows.length > 1 && highRows.every((t) => t.startsWith('High')), `"High" lists every row shown as High, reviewed or not: ${highRows.join(' | ')}`);
  await tierSelect.selectOption({ label: 'Not started' });
  await table.getByRole('link', { name: 'Quarry Queue' }).waitFor();
  await tierSelect.selectOption({ label: 'Low' });
  await table.getByRole('link', { name: 'Quarry Queue' }).waitFor({ state: 'detached' });
  await tierSelect.selectOption({ index: 0 });

  // All columns: the table scrolls sideways, the note says so and the right edge is shaded.
  await note.getByRole('button', { name: 'Show all columns' }).click();
  await note.getByText(/the table scrolls sideways/).waitFor();
  assert.equal((await headers(page)).length, 12, 'every column is shown');
  const frame = page.getByTestId('register-frame');
  assert.match((await frame.getAttribute('class')) ?? '', /\bmore-right\b/, 'the cue: more columns to the right');
  // The shade fades in: wait until it has (it never shows without more-right, asserted below).
  await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="register-frame"]')!, '::after').opacity === '1');
  await screenshot(page, 'register-1024-all-columns');

  // "Last reviewed": the approval's day for StatusHarbor, empty for a draft never decided.
  const lastReviewed = async (name: string) =>
    ((await table.getByRole('row').filter({ has: page.getByRole('link', { name }) }).locator('.cell-lastReviewed').textContent()) ?? '').trim();
  assert.notEqual(await lastReviewed('StatusHarbor'), '—', 'an earlier approval is the last review');
  assert.equal(await lastReviewed('Tidewater Postgres'), '—', 'a draft is not a review');
  assert.equal(await lastReviewed('Quarry Queue'), '—');

  await page.getByTestId('register-scroll').evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await page.waitForFunction(() => /\bmore-left\b/.test(document.querySelector('[data-testid="register-frame"]')!.className));
  assert.doesNotMatch((await frame.getAttribute('class')) ?? '', /\bmore-right\b/, 'at the right end, no cue to the right');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid="register-frame"]')!, '::after').opacity === '0');
  await screenshot(page, 'register-1024-scrolled-right');

  await note.getByRole('button', { name: 'Fit columns to the window' }).click();
  await note.getByText(/^Hidden to fit the window:/).waitFor();
  assert.deepEqual(await headers(page), shownHeaders, 'back to the fitted columns');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('at 1280 and 1440 px every column fits: no note, nothing hidden, nothing cut', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);
  for (const [width, height] of [[1280, 800], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.getByRole('table', { name: 'Providers' }).getByRole('link', { name: 'Tidewater Postgres' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.register-head [role="columnheader"]').length === 12);
    assert.equal(await page.getByTestId('columns-note').count(), 0, `${width}: no note when nothing is hidden`);
    assert.deepEqual(await clippedCells(page, '.register-head [role="columnheader"]'), [], `${width}: no header is cut`);
    assert.deepEqual(await clippedCells(page, '.register-body [role="cell"]'), [], `${width}: no cell is cut`);
  }
  await screenshot(page, 'register-1440');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
