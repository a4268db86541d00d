// Maintenance in Settings and under Needs attention, in the real renderer against `vetted serve`:
// the minimum notice saved with the settings (a bad value refused on its field), blackout periods
// added (a release freeze of whole days, weekday peak hours with the same recurrence builder the
// windows use), edited and deleted after a question; and the register's Needs attention listing
// two critical-path providers whose windows overlap, a window inside a blackout period and a
// maintenance announced with too little notice, each linking to the provider's Maintenance tab.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Attention } from '../../shared/api';
import type { BlackoutPeriod } from '../../shared/domain/maintenance';
import type { Settings } from '../../shared/domain/settings';
import { callApi, openApp, screenshot, startServe } from './harness';

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

test('settings: the minimum notice is saved, and blackout periods are added, edited and deleted', async () => {
  const served = await startServe();
  const { page, problems } = await openApp(served);
  await go(page, '#/settings');
  const form = page.getByRole('form', { name: 'Settings' });
  await form.waitFor();

  // The minimum notice: refused on its field when it is not whole hours, then saved.
  const notice = form.getByLabel('Minimum notice');
  await notice.fill('two days');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await form.getByText('Minimum notice: give whole hours from 0 to 2160, or leave it empty for none (“two days” is not).').waitFor();
  assert.equal(await notice.getAttribute('aria-invalid'), 'true', 'the field is marked');
  assert.equal((await callApi<Settings>(served, 'settings.get', {})).minimumNoticeHours, null, 'nothing was saved');
  await notice.fill('48');
  assert.equal(await notice.getAttribute('aria-invalid'), null, 'typing clears the mark');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-save-status').filter({ hasText: 'Saved' }).waitFor();
  assert.equal((await callApi<Settings>(served, 'settings.get', {})).minimumNoticeHours, 48, 'the minimum notice is stored');

  const section = page.getByRole('region', { name: 'Blackout periods' });
  await section.getByText('No blackout periods yet.').waitFor();
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-maintenance-empty');

  // A release freeze: whole days from one date to another, in a zone.
  await section.getByRole('button', { name: 'Add blackout period' }).click();
  const add = page.getByRole('dialog', { name: 'Add blackout period' });
  await add.getByRole('button', { name: 'Add period' }).click();
  await add.getByText('Name the period (such as “Release freeze” or “Peak hours”).').waitFor();
  await add.getByText('Give the first day.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')), 'true', 'the first field at fault has the focus');
  await screenshot(page, 'blackout-add-refused');
  await add.getByLabel('Name').fill('Release freeze');
  await add.getByLabel('First day: date').fill('2026-12-20');
  await add.getByLabel('Last day: date').fill('2027-01-05');
  await add.getByLabel('Time zone').fill('Europe/Berlin');
  await add.getByTestId('schedule-words').getByText('2026-12-20 to 2027-01-05, whole days, Europe/Berlin').waitFor();
  await screenshot(page, 'blackout-add-freeze');
  await add.getByRole('button', { name: 'Add period' }).click();
  await add.waitFor({ state: 'hidden' });
  const freeze = section.getByTestId('blackout-item').filter({ hasText: 'Release freeze' });
  await freeze.getByText('2026-12-20 to 2027-01-05, whole days, Europe/Berlin').waitFor();

  // Peak hours: Monday to Friday, 08:00 for 12 hours (a weekly rule with five days).
  await section.getByRole('button', { name: 'Add blackout period' }).click();
  await add.getByLabel('Name').fill('Peak hours');
  await add.getByLabel('Repeats (such as peak hours)').check();
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await add.getByLabel(day).check();
  await add.getByLabel('Start time', { exact: true }).fill('08:00');
  await add.getByLabel('hours', { exact: true }).fill('12');
  await add.getByLabel('Time zone').fill('Europe/Berlin');
  await add.getByLabel('First day').fill('2026-01-05');
  const peakWords = 'Every weekday (Monday to Friday), 08:00–20:00 Europe/Berlin (from 2026-01-05)';
  await add.getByTestId('schedule-words').getByText(peakWords).waitFor();
  await screenshot(page, 'blackout-add-peak-hours');
  await add.getByRole('button', { name: 'Add period' }).click();
  await add.waitFor({ state: 'hidden' });
  const peak = section.getByTestId('blackout-item').filter({ hasText: 'Peak hours' });
  await peak.getByText(peakWords).waitFor();
  const stored = await callApi<BlackoutPeriod[]>(served, 'blackout.list', {});
  const peakStored = stored.find((b) => b.name === 'Peak hours')?.schedule;
  assert.ok(peakStored?.kind === 'recurring' && peakStored.durationMinutes === 720, 'peak hours are stored as 720 minutes');
  assert.deepEqual(peakStored.byDay, ['MO', 'TU', 'WE', 'TH', 'FR'], 'on the five weekdays');
  const freezeStored = stored.find((b) => b.name === 'Release freeze')?.schedule;
  assert.deepEqual(freezeStored, { kind: 'once', start: '2026-12-19T23:00:00Z', end: '2027-01-05T23:00:00Z', timeZone: 'Europe/Berlin' }, 'the freeze runs midnight to midnight in Berlin');

  // Edit: the freeze lasts a day longer; the name stays.
  await freeze.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit blackout period' });
  assert.equal(await edit.getByLabel('Last day: date').inputValue(), '2027-01-05', 'the stored last day is shown, not the midnight after it');
  await edit.getByLabel('Last day: date').fill('2027-01-06');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await edit.waitFor({ state: 'hidden' });
  await freeze.getByText('2026-12-20 to 2027-01-06, whole days, Europe/Berlin').waitFor();
  await section.getByRole('status').filter({ hasText: 'Saved “Release freeze”.' }).waitFor();
  await screenshot(page, 'settings-blackouts');

  // Delete asks first.
  await peak.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this blackout period?' });
  await confirm.getByText(/“Peak hours” .* is removed/).waitFor();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await peak.waitFor();
  await peak.getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete period' }).click();
  await peak.waitFor({ state: 'detached' });
  assert.deepEqual(
    (await callApi<BlackoutPeriod[]>(served, 'blackout.list', {})).map((b) => b.name),
    ['Release freeze'],
    'only the deleted period is gone',
  );
  assert.deepEqual(problems, [], 'no console errors');
});

test('needs attention: overlapping windows of two critical-path providers, a window in a blackout and short notice, each linking to the Maintenance tab', async () => {
  const served = await startServe();
  await callApi(served, 'settings.update', { minimumNoticeHours: 48 });
  const aster = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Aster Compute', category: 'hosting', criticalPath: true });
  const birch = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Birch Storage', category: 'database', criticalPath: true });
  const cedar = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Cedar Mail', category: 'other' });
  const today = utcDay(Date.now());
  const weekly = (startTime: string) => ({
    kind: 'recurring',
    freq: 'weekly',
    byDay: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
    setPos: null,
    interval: 1,
    startTime,
    durationMinutes: 120,
    timeZone: 'UTC',
    from: today,
    until: null,
    count: null,
    exDates: [],
  });
  // 02:00–04:00 and 03:00–05:00 UTC every day: they overlap for an hour each night.
  await callApi(served, 'window.add', { vendorId: aster.id, title: 'Host patching', schedule: weekly('02:00') });
  await callApi(served, 'window.add', { vendorId: birch.id, title: 'Storage rollout', schedule: weekly('03:00') });
  // Cedar announces a maintenance for tomorrow noon (48 hours are required) inside a blackout
  // period that keeps clear of the nightly windows above.
  const start = Date.parse(`${utcDay(Date.now() + DAY)}T12:00:00Z`);
  await callApi(served, 'window.add', {
    vendorId: cedar.id,
    title: 'Mail relay upgrade',
    schedule: { kind: 'once', start: iso(start), end: iso(start + 2 * HOUR), timeZone: 'UTC' },
    announcedAt: iso(Date.now() - HOUR),
  });
  await callApi(served, 'blackout.add', {
    name: 'Quarter close',
    schedule: { kind: 'once', start: iso(start - 2 * HOUR), end: iso(start + 4 * HOUR), timeZone: 'UTC' },
  });
  const attention = await callApi<Attention>(served, 'attention.get', {});
  assert.equal(attention.maintenance.overlaps.length, 1, 'the register sees one overlap');
  assert.equal(attention.maintenance.blackouts.length, 1, 'and one window in a blackout');

  const { page, problems } = await openApp(served);
  const panel = page.getByRole('region', { name: 'Needs attention' });
  await panel.getByText('1 maintenance clash on the critical path').waitFor();
  await panel.getByText('2 maintenance warnings').waitFor();
  const group = panel.getByRole('list', { name: 'Maintenance in the next 90 days' });
  const overlap = group.getByRole('listitem').filter({ hasText: 'in maintenance at the same time, both on the critical path' });
  await overlap.getByRole('link', { name: 'Aster Compute' }).waitFor();
  await overlap.getByRole('link', { name: 'Birch Storage' }).waitFor();
  assert.match((await overlap.textContent()) ?? '', /first .*\d{2}:\d{2}.* · \d+ times in 90 days/, 'it says when it first happens and how often');
  assert.equal(await group.getByRole('listitem').first().textContent(), await overlap.textContent(), 'the critical pair comes first');
  await group.getByRole('listitem').filter({ hasText: '“Mail relay upgrade” falls in the blackout period “Quarter close”' }).waitFor();
  const short = group.getByRole('listitem').filter({ hasText: /“Mail relay upgrade” announced with [\d.]+ hours’ notice, 48 needed \(the Settings minimum\)/ });
  await short.waitFor();
  await screenshot(page, 'attention-maintenance');

  await overlap.getByRole('link', { name: 'Birch Storage' }).click();
  await page.waitForURL(new RegExp(`#/vendor/${birch.id}/maintenance$`));
  await page.getByTestId('window-item').filter({ hasText: 'Storage rollout' }).waitFor();
  // The provider page names the other provider it clashes with, from its own side.
  const clash = page.getByTestId('provider-clash');
  await clash.waitFor();
  assert.match((await clash.textContent()) ?? '', /In maintenance with Aster Compute \(critical path\): “Storage rollout” and “Host patching” overlap \d+ times, first .*Both on the critical path\./, 'the overlap, seen from Birch Storage');
  assert.equal(await page.getByTestId('provider-blackout-hit').count(), 0, "Cedar's blackout hit is not Birch's");
  await screenshot(page, 'maintenance-tab-clashes');
  await go(page, '#/');
  await short.getByRole('link').click();
  await page.waitForURL(new RegExp(`#/vendor/${cedar.id}/maintenance$`));
  await page.getByTestId('window-item').filter({ hasText: 'Mail relay upgrade' }).waitFor();
  await page.getByTestId('provider-blackout-hit').filter({ hasText: '“Mail relay upgrade” falls in the blackout period “Quarter close” once' }).waitFor();
  await page.getByTestId('provider-short-notice').filter({ hasText: '“Mail relay upgrade” starts' }).waitFor();
  assert.equal(await page.getByTestId('provider-clash').count(), 0, 'Cedar overlaps nobody');
  assert.deepEqual(problems, [], 'no console errors');
});
