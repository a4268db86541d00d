// The register's first listing is asked for as soon as the app's script runs, when the page opens
// on the register (renderer/src/store/firstListing.ts, issue 20): once, never twice, and never
// reused later — a register shown again after a change asks the server again and shows the change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { callApi, launchBrowser, startServe } from './harness';

function countListings(page: Page): { count: () => number } {
  let n = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/vendor.list') n += 1;
  });
  return { count: () => n };
}

test('opened on the register, the page lists the providers once; shown again later, it asks again and shows what changed', async () => {
  const served = await startServe({ demo: true });
  const context = await (await launchBrowser()).newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // How far React had got when the first listing was asked for: early means before its first
  // commit, while #root is still empty (the page's own effects would ask only after it).
  await page.addInitScript(`{
    const fetchFirst = window.fetch;
    window.__rootAtListing = [];
    window.fetch = function (input, init) {
      const url = typeof input === 'string' ? input : input.url;
      if (url.includes('/api/vendor.list')) window.__rootAtListing.push(document.getElementById('root')?.childElementCount ?? -1);
      return fetchFirst.call(this, input, init);
    };
  }`);
  const listings = countListings(page);
  await page.goto(served.url);
  const table = page.getByRole('table', { name: 'Providers' });
  await table.locator('tbody tr').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(listings.count(), 1, 'one listing for the first paint, not the early one and another');
  assert.deepEqual(await page.evaluate('window.__rootAtListing'), [0], 'asked for before React rendered anything');

  // A change made elsewhere (another window, the CLI) while the page shows the register.
  await callApi(served, 'vendor.create', { name: 'Zz Late Queue', category: 'message-queue' });
  await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.getByRole('link', { name: 'Vetted' }).first().click();
  await table.getByRole('link', { name: 'Zz Late Queue' }).waitFor();
  assert.equal(listings.count(), 2, 'the register shown again asked the server again');
  await context.close();
});

test('opened on another page, nothing is listed early; the register lists when it is first shown', async () => {
  const served = await startServe({ demo: true });
  const context = await (await launchBrowser()).newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const listings = countListings(page);
  const settings = new URL(served.url);
  settings.hash = '#/settings';
  await page.goto(settings.toString());
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(listings.count(), 0, 'the Settings page does not list the register');

  await page.getByRole('link', { name: 'Vetted' }).first().click();
  await page.getByRole('table', { name: 'Providers' }).locator('tbody tr').first().waitFor();
  assert.equal(listings.count(), 1);
  await context.close();
});
