// The renderer is split per page (renderer/src/app/lazyPages.ts): the register paints without the
// other pages' code, a page whose code is still on its way says "Loading…" (never a blank screen)
// and takes focus on its heading once it arrives, and a page whose code cannot be fetched says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser, startServe } from './harness';

const PAGE_CHUNK = /\/assets\/(Provider|Settings|Templates|Calendar|Compare)Page-[\w-]+\.js$/;

test('the register paints while every other page’s code is held back; Settings shows Loading… until its code arrives', async () => {
  const served = await startServe({ demo: true });
  const context = await (await launchBrowser()).newContext({ viewport: { width: 1280, height: 800 } });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await context.route(PAGE_CHUNK, async (route) => {
    held.push(new URL(route.request().url()).pathname);
    await released;
    await route.continue();
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(served.url);

  const rows = page.getByRole('table', { name: 'Providers' }).locator('tbody tr');
  await rows.first().waitFor();
  assert.ok((await rows.count()) >= 5, 'the register shows its providers with no page chunk delivered');

  await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Settings' }).click();
  const loading = page.getByRole('status').filter({ hasText: 'Loading…' });
  await loading.waitFor();
  assert.ok(held.some((p) => p.includes('SettingsPage-')), `the Settings page's code was asked for (held: ${held.join(', ')})`);

  release();
  const heading = page.getByRole('heading', { level: 1, name: 'Settings' });
  await heading.waitFor();
  assert.equal(await loading.count(), 0, 'the loading line is gone once the page is there');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.ok(await heading.evaluate((h) => h === document.activeElement), 'focus lands on the page heading, as on any page change');
  assert.deepEqual(problems, [], 'no console errors or CSP violations (the chunks load under the CSP)');
  await context.close();
});

test('a page whose code cannot be fetched says so, with Reload, and the register still works', async () => {
  const served = await startServe({ demo: true });
  const context = await (await launchBrowser()).newContext({ viewport: { width: 1280, height: 800 } });
  await context.route(/\/assets\/TemplatesPage-[\w-]+\.js$/, (route) => route.abort('connectionrefused'));
  const page = await context.newPage();
  await page.goto(served.url);
  await page.getByRole('table', { name: 'Providers' }).locator('tbody tr').first().waitFor();

  await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Templates' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await alert.waitFor();
  assert.ok(await alert.getByRole('button', { name: 'Reload' }).isVisible(), 'the failure offers a reload');

  await page.getByRole('link', { name: 'Vetted' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Providers' }).waitFor();
  assert.equal(await alert.count(), 0, 'leaving the page clears the failure');
  await context.close();
});
