// The maintenance calendar in the real renderer, against `vetted serve` on a fresh register: two
// critical-path providers whose weekly windows in different zones overlap (Sunday 02:00–04:00
// Europe/Berlin and Saturday 20:00–23:00 America/New_York are the same early Sunday hours in
// UTC), seen from a browser in Asia/Tokyo (so no zone in play is the grid's): the rows, the
// overlap marks, the warnings, the blackout shading, the filter and the view kept in the address,
// the keyboard and its tooltips, the month view, the .ics export, and the empty state.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { WindowView } from '../../shared/api';
import type { Vendor } from '../../shared/domain/vendor';
import { tempDir } from '../helpers/tmp';
import { callApi, launchBrowser, screenshot, startServe, type Served } from './harness';

const ZONE = 'Asia/Tokyo';
/** A Wednesday: the week shown is Mon 7 – Sun 13 December 2026 (winter time in Berlin and New York). */
const DAY = '2026-12-09';

async function openCalendar(served: Served, hash: string, colorScheme: 'light' | 'dark' = 'light') {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, colorScheme, timezoneId: ZONE });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(served.url);
  await page.evaluate((h) => (location.hash = h), hash);
  await page.getByRole('heading', { name: 'Maintenance calendar', level: 1 }).waitFor();
  return { context, page, problems };
}

/** Waits until the browser has painted what the last change rendered. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

const row = (page: Page, vendorId: string) => page.locator(`[role=row][data-vendor-id="${vendorId}"]`);
const bars = (page: Page, vendorId: string) => row(page, vendorId).locator('a.cal-bar');
const focusedLabel = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label') ?? '');

async function createVendor(served: Served, name: string, criticalPath: boolean): Promise<Vendor> {
  return callApi<Vendor>(served, 'vendor.create', { name, category: 'database', status: 'active', criticalPath });
}

let icsText = '';

test('the maintenance calendar: rows, overlaps, warnings, filter, keyboard, month view and export', async () => {
  const served = await startServe();
  const db = await createVendor(served, 'Hosted DB', true);
  const queue = await createVendor(served, 'Queue Co', true);
  const status = await createVendor(served, 'Status Board', false);
  await callApi<WindowView>(served, 'window.add', {
    vendorId: db.id,
    title: 'Patching',
    schedule: { kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120, timeZone: 'Europe/Berlin', from: '2026-01-04', until: null, count: null, exDates: [] },
  });
  await callApi<WindowView>(served, 'window.add', {
    vendorId: queue.id,
    title: 'Broker upgrades',
    impact: 'degraded',
    schedule: { kind: 'recurring', freq: 'weekly', byDay: ['SA'], setPos: null, interval: 1, startTime: '20:00', durationMinutes: 180, timeZone: 'America/New_York', from: '2026-01-03', until: null, count: null, exDates: [] },
  });
  await callApi<WindowView>(served, 'window.add', {
    vendorId: status.id,
    title: 'Page refresh',
    impact: 'none',
    schedule: { kind: 'recurring', freq: 'weekly', byDay: ['WE'], setPos: null, interval: 1, startTime: '10:00', durationMinutes: 60, timeZone: 'UTC', from: '2026-01-07', until: null, count: null, exDates: [] },
  });
  // A release freeze over the Sunday night (UTC): Hosted DB falls inside it, Queue Co partly.
  await callApi(served, 'blackout.add', {
    name: 'Release freeze',
    schedule: { kind: 'once', start: '2026-12-12T22:00:00Z', end: '2026-12-13T02:00:00Z', timeZone: 'UTC' },
  });

  const { page, problems } = await openCalendar(served, `#/calendar?date=${DAY}`);
  await page.getByTestId('calendar-range').filter({ hasText: '7–13 Dec 2026' }).waitFor();
  const zone = (await page.getByTestId('calendar-zone').textContent()) ?? '';
  assert.equal(zone, 'Times in Asia/Tokyo (UTC+09:00)', 'the grid says which zone it is drawn in');

  // One row per provider with windows, critical-path providers first, marked with a symbol and words.
  const grid = page.getByRole('grid');
  await row(page, db.id).waitFor();
  const names = await grid.getByRole('rowheader').allTextContents();
  assert.deepEqual(
    names.map((n) => n.replace(/\s+/g, ' ').trim()),
    ['Hosted DB◆ Critical path', 'Queue Co◆ Critical path', 'Status Board'],
    'critical-path providers first, each marked "◆ Critical path"',
  );

  // The two Sunday windows overlap: both bars carry the ⚠ mark (and the overlap colour).
  assert.equal(await bars(page, db.id).count(), 1, 'Hosted DB: one window this week');
  assert.equal(await bars(page, queue.id).count(), 1, 'Queue Co: one window this week');
  for (const id of [db.id, queue.id]) {
    const bar = bars(page, id).first();
    assert.equal(await bar.getAttribute('data-overlap'), 'true', 'the bar is marked as overlapping');
    assert.equal((await bar.locator('.cal-bar-mark').textContent())?.trim(), '⚠', 'the overlap has a symbol, not only a colour');
    assert.match((await bar.getAttribute('aria-label')) ?? '', /⚠ overlaps (Hosted DB|Queue Co)/, 'the bar names who it overlaps');
  }
  assert.equal(await bars(page, status.id).first().getAttribute('data-overlap'), null, 'the Wednesday window overlaps nothing');

  // Placed in the user's zone: Sunday 13 Dec 01:00 UTC is 10:00 in Tokyo, on the week's last day.
  const dbLabel = (await bars(page, db.id).first().getAttribute('aria-label')) ?? '';
  assert.ok(
    dbLabel.startsWith('Hosted DB — Patching: Sun 13 Dec 02:00–04:00 Europe/Berlin (01:00–03:00 UTC) · outage'),
    `the provider's own zone and UTC in the bar's name: ${dbLabel}`,
  );
  assert.ok(dbLabel.includes('your time Sun 13 Dec 10:00–12:00 Asia/Tokyo'), `and the user's time: ${dbLabel}`);
  const box = await bars(page, db.id).first().boundingBox();
  const track = await row(page, db.id).getByRole('gridcell').boundingBox();
  assert.ok(box && track, 'the bar and its row are on screen');
  const x = (box.x - track.x) / track.width;
  // 6 days and 10 hours into a 7-day week.
  assert.ok(Math.abs(x - (6 + 10 / 24) / 7) < 0.01, `the bar starts at Sunday 10:00 Tokyo time (at ${x.toFixed(3)} of the week)`);

  // The blackout period is shaded, named in the legend and over the grid.
  await page.locator('.cal-blackout').first().waitFor();
  await page.getByTestId('calendar-legend').getByText('Blackout period (hatched): Release freeze').waitFor();

  // The warnings for the week: the overlap names both providers and the time (in the user's zone).
  // The API answers for whole UTC days (6–13 Dec here), which also hold Sunday 6 Dec 01:00 UTC:
  // that is the week before in Tokyo, so the list counts the overlap once.
  const overlap = page.getByTestId('calendar-overlap');
  await overlap.first().waitFor();
  assert.equal(await overlap.count(), 1, 'one pair of providers overlaps');
  const overlapText = ((await overlap.first().textContent()) ?? '').replace(/\s+/g, ' ');
  assert.ok(overlapText.includes('Hosted DB') && overlapText.includes('Queue Co'), `the warning names both providers: ${overlapText}`);
  assert.ok(overlapText.includes('Sun 13 Dec 10:00–12:00'), `and when, in the user's zone: ${overlapText}`);
  assert.ok(overlapText.includes('overlap once this week, 120 minutes in all'), `counted in the week shown only: ${overlapText}`);
  assert.ok(overlapText.includes('Both on the critical path'), overlapText);
  const hits = ((await page.getByTestId('calendar-blackout-hits').textContent()) ?? '').replace(/\s+/g, ' ');
  assert.ok(hits.includes('Hosted DB') && hits.includes('Release freeze'), `Hosted DB's window falls in the freeze: ${hits}`);
  await page.mouse.move(0, 0);
  await settle(page);
  await screenshot(page, 'calendar-week');

  // Hover: the tooltip gives the provider's zone, UTC and the user's time.
  await bars(page, queue.id).first().hover();
  const tooltip = page.getByTestId('calendar-tooltip');
  await tooltip.filter({ hasText: 'Queue Co — Broker upgrades' }).waitFor();
  const hoverText = (await tooltip.textContent()) ?? '';
  assert.ok(hoverText.includes('Sat 12 Dec 20:00–23:00 America/New_York (Sun 13 Dec 01:00–04:00 UTC)'), `provider zone and UTC: ${hoverText}`);
  assert.ok(hoverText.includes('Your time: Sun 13 Dec 10:00–13:00 Asia/Tokyo'), `the user's time: ${hoverText}`);
  assert.ok(hoverText.includes('Degraded service'), `the impact: ${hoverText}`);
  await settle(page);
  await screenshot(page, 'calendar-week-hover');
  await page.mouse.move(0, 0);
  await tooltip.waitFor({ state: 'detached' });

  // Keyboard: Tab reaches the first window; ↓/↑ move between providers, →/← in time.
  await page.getByRole('checkbox', { name: 'Critical path only' }).focus();
  await page.keyboard.press('Tab');
  assert.match(await focusedLabel(page), /^Hosted DB — Patching: .*Europe\/Berlin/, 'Tab lands on the first provider’s window');
  await tooltip.filter({ hasText: 'Europe/Berlin' }).waitFor();
  await settle(page);
  await screenshot(page, 'calendar-week-focus');
  await page.keyboard.press('ArrowDown');
  assert.match(await focusedLabel(page), /^Queue Co — Broker upgrades: .*America\/New_York/, '↓ moves to the provider below');
  await tooltip.filter({ hasText: 'America/New_York' }).waitFor();
  await page.keyboard.press('ArrowDown');
  assert.match(await focusedLabel(page), /^Status Board — Page refresh: Wed 9 Dec 10:00–11:00 UTC/, '↓ again: the next provider');
  await page.keyboard.press('ArrowRight');
  assert.match(await focusedLabel(page), /^Status Board/, '→ at the row’s last window stays on it');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.match(await focusedLabel(page), /^Hosted DB/, '↑↑ back to the first provider');
  const tabStops = await grid.locator('[tabindex="0"]').count();
  assert.equal(tabStops, 1, 'the grid is one tab stop');

  // Enter opens the provider's Maintenance tab.
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.hash === `#/vendor/${id}/maintenance`, db.id);
  await page.goBack();
  await row(page, db.id).waitFor();

  // Critical path only: kept in the address and across a reload.
  await page.getByRole('checkbox', { name: 'Critical path only' }).check();
  await page.waitForFunction(() => /critical=1/.test(location.hash));
  await row(page, status.id).waitFor({ state: 'detached' });
  assert.equal(await grid.getByRole('rowheader').count(), 2, 'only the two critical-path providers');
  await page.reload();
  await row(page, db.id).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Critical path only' }).isChecked(), true, 'the filter survives a reload');
  assert.equal(await row(page, status.id).count(), 0, 'still filtered after the reload');
  await page.getByTestId('calendar-range').filter({ hasText: '7–13 Dec 2026' }).waitFor();

  // Month view: four Sundays in December, each overlapping.
  await page.getByRole('radio', { name: 'Month' }).check();
  await page.waitForFunction(() => /view=month/.test(location.hash));
  await page.getByTestId('calendar-range').filter({ hasText: 'December 2026' }).waitFor();
  assert.equal(await bars(page, db.id).count(), 4, 'Hosted DB: four Sundays in December');
  assert.equal(await bars(page, queue.id).count(), 4, 'Queue Co: four Saturday nights (Sunday mornings in Tokyo)');
  assert.equal(await row(page, db.id).locator('a.cal-bar[data-overlap="true"]').count(), 4, 'each one overlaps');
  // Home/End and →/← move along the row in time.
  await bars(page, db.id).nth(1).focus();
  await page.keyboard.press('End');
  assert.match(await focusedLabel(page), /^Hosted DB — Patching: Sun 27 Dec/, 'End: the row’s last window');
  await page.keyboard.press('Home');
  assert.match(await focusedLabel(page), /^Hosted DB — Patching: Sun 6 Dec/, 'Home: the row’s first window');
  await page.keyboard.press('ArrowRight');
  assert.match(await focusedLabel(page), /^Hosted DB — Patching: Sun 13 Dec/, '→: the next window in time');
  await page.keyboard.press('Control+End');
  assert.match(await focusedLabel(page), /^Queue Co — Broker upgrades: Sat 26 Dec/, 'Ctrl+End: the grid’s last window');
  const monthOverlap = ((await overlap.first().textContent()) ?? '').replace(/\s+/g, ' ');
  assert.ok(monthOverlap.includes('overlap 4 times this month'), monthOverlap);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  await settle(page);
  await screenshot(page, 'calendar-month');
  await page.reload();
  await page.getByTestId('calendar-range').filter({ hasText: 'December 2026' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Month' }).isChecked(), true, 'the view survives a reload');

  // Previous / Next / Today move the range and keep the view.
  await page.getByRole('button', { name: 'Next month' }).click();
  await page.getByTestId('calendar-range').filter({ hasText: 'January 2027' }).waitFor();
  await page.getByRole('button', { name: 'Previous month' }).click();
  await page.getByTestId('calendar-range').filter({ hasText: 'December 2026' }).waitFor();

  // Export .ics: the range shown, with the filter, read back from the download.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name: 'Export .ics' }).click()]);
  const file = path.join(tempDir('vetted-calendar-'), download.suggestedFilename());
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /^vetted-maintenance-critical-path-2026-11-30-to-2026-12-31\.ics$/, 'named for the filter and the UTC days covering December in Tokyo');
  icsText = fs.readFileSync(file, 'utf8');
  assert.ok(icsText.startsWith('BEGIN:VCALENDAR\r\n'), `an iCalendar file: ${icsText.slice(0, 40)}`);
  assert.ok(icsText.trimEnd().endsWith('END:VCALENDAR'), 'a whole calendar');
  await page.getByText(`Downloaded “${download.suggestedFilename()}”.`).waitFor();

  // Dark mode, as the team sees it at night.
  const dark = await openCalendar(served, `#/calendar?date=${DAY}`, 'dark');
  await row(dark.page, db.id).waitFor();
  await dark.page.getByTestId('calendar-overlap').first().waitFor();
  await settle(dark.page);
  await screenshot(dark.page, 'calendar-week-dark');
  await bars(dark.page, db.id).first().focus();
  await dark.page.getByTestId('calendar-tooltip').waitFor();
  await screenshot(dark.page, 'calendar-week-dark-focus');
  await dark.page.getByRole('radio', { name: 'Month' }).check();
  await dark.page.getByTestId('calendar-range').filter({ hasText: 'December 2026' }).waitFor();
  await dark.page.mouse.move(0, 0);
  await dark.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await settle(dark.page);
  await screenshot(dark.page, 'calendar-month-dark');

  assert.deepEqual([...problems, ...dark.problems], [], 'no console errors');
});

// The file the first test downloaded, read back.
test('the exported .ics holds one VEVENT per occurrence shown', () => {
  assert.ok(icsText !== '', 'the first test downloaded the file');
  const events = icsText.split('BEGIN:VEVENT').length - 1;
  // December 2026 in Tokyo, critical path only: 4 Sundays of Hosted DB and 4 Saturday nights of Queue Co.
  assert.equal(events, 8, `eight occurrences, got ${events}`);
  const unfolded = icsText.replace(/\r\n[ \t]/g, '');
  assert.ok(unfolded.includes('Hosted DB'), 'the events name Hosted DB');
  assert.ok(unfolded.includes('Queue Co'), 'and Queue Co');
  assert.ok(!unfolded.includes('Status Board'), 'not the provider the filter hides');
});

test('no windows yet: the calendar says so and opens a provider’s Maintenance tab', async () => {
  const served = await startServe();
  const vendor = await createVendor(served, 'Tidewater Postgres', true);
  const { page, problems } = await openCalendar(served, '#/calendar');
  const empty = page.getByTestId('calendar-empty');
  await empty.getByRole('heading', { name: 'No maintenance windows yet' }).waitFor();
  await empty.getByRole('combobox', { name: 'Provider' }).waitFor();
  const link = empty.getByRole('link', { name: 'Open its Maintenance tab' });
  assert.equal(await link.getAttribute('href'), `#/vendor/${vendor.id}/maintenance`);
  assert.equal(await page.getByRole('button', { name: 'Export .ics' }).isDisabled(), true, 'nothing to export yet');
  await screenshot(page, 'calendar-empty');
  await link.click();
  await page.waitForFunction((id) => location.hash === `#/vendor/${id}/maintenance`, vendor.id);
  assert.deepEqual(problems, [], 'no console errors');
});
