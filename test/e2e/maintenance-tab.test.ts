// A provider's Maintenance tab in the real renderer against `vetted serve`: a weekly window added
// with the recurrence builder (its words shown as it is typed), a bad zone and time refused on
// their fields, the window edited and deleted (after a question), the questionnaire's notice
// claim contradicted by a scheduled maintenance on record (beside the answer and on the tab), and
// a maintenance file the register refuses, which changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ReviewDetail, WindowView } from '../../shared/api';
import { callApi, openApp, screenshot, startServe } from './harness';

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test('maintenance tab: a weekly window is added with its words, a bad zone and time are refused on their fields, then it is edited and deleted', async () => {
  const served = await startServe();
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Ledgerline Storage', category: 'database' });
  const started = await callApi<ReviewDetail>(served, 'review.start', { vendorId: vendor.id });
  // The provider promised three days' notice; the maintenance on record was announced 12 hours ahead.
  await callApi(served, 'answer.save', { reviewId: started.review.id, questionId: 'mnt_notice_hours', value: 72 });
  const start = Math.floor((Date.now() - 10 * DAY) / HOUR) * HOUR;
  await callApi<WindowView>(served, 'window.add', {
    vendorId: vendor.id,
    title: 'Storage firmware upgrade',
    schedule: { kind: 'once', start: iso(start), end: iso(start + 2 * HOUR), timeZone: 'Europe/Berlin' },
    impact: 'degraded',
    announcedAt: iso(start - 12 * HOUR),
  });

  const { page, problems } = await openApp(served);
  await go(page, `#/vendor/${vendor.id}/maintenance`);
  await page.getByRole('heading', { name: 'Maintenance windows' }).waitFor();
  const list = page.getByRole('list', { name: 'Maintenance windows', exact: true });
  const upgrade = list.getByTestId('window-item').filter({ hasText: 'Storage firmware upgrade' });
  await upgrade.waitFor();
  assert.match((await upgrade.getByTestId('window-notice').textContent()) ?? '', /12 hours.*less than the 72 hours the provider promised/, 'the notice it gave, short of the promise');

  // The claim check on the tab: the notice promise is contradicted by the record.
  const claims = page.getByTestId('claim-checks');
  const notice = claims.getByTestId('claim-check').filter({ hasText: 'Notice before maintenance' });
  assert.equal(await notice.getAttribute('data-verdict'), 'contradicted', 'the promised notice is contradicted');
  await notice.getByText('The record disagrees').waitFor();
  await screenshot(page, 'maintenance-tab-claims');

  // Add a weekly window: the words follow what is typed.
  await page.getByRole('button', { name: 'Add window' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add maintenance window' });
  await dialog.waitFor();
  const words = dialog.getByTestId('schedule-words');
  await words.getByText('Shown here once the schedule is complete.').waitFor();
  await screenshot(page, 'maintenance-add-empty');
  await dialog.getByLabel('Title (optional)').fill('Patch window');
  await dialog.getByLabel('Sunday').check();
  await dialog.getByLabel('Start time', { exact: true }).fill('02:00');
  await dialog.getByLabel('hours', { exact: true }).fill('2');
  await dialog.getByLabel('Time zone').fill('Europe/Berlin');
  await dialog.getByLabel('First day').fill('2026-01-04');
  await words.getByText('Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)').waitFor();
  await dialog.getByLabel('Saturday').check();
  await words.getByText('Every Saturday and Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)').waitFor();
  await dialog.getByLabel('Saturday').uncheck();
  await screenshot(page, 'maintenance-add-weekly');

  // A zone that does not exist and a time past midnight: refused on their fields, nothing stored.
  await dialog.getByLabel('Time zone').fill('Mars/Olympus_Mons');
  await dialog.getByLabel('Start time', { exact: true }).fill('25:00');
  await words.getByText('Shown here once the schedule is complete.').waitFor();
  await dialog.getByRole('button', { name: 'Add window' }).click();
  const zone = dialog.getByLabel('Time zone');
  const time = dialog.getByLabel('Start time', { exact: true });
  assert.equal(await zone.getAttribute('aria-invalid'), 'true', 'the zone is marked');
  assert.equal(await time.getAttribute('aria-invalid'), 'true', 'the time is marked');
  await dialog.getByText('“Mars/Olympus_Mons” is not a time zone: choose one from the list, such as Europe/Berlin or UTC.').waitFor();
  await dialog.getByText('Give the start time as HH:MM, from 00:00 to 23:59 (such as 02:00).').waitFor();
  const zoneError = await zone.getAttribute('aria-describedby');
  assert.ok(zoneError?.includes(`${await zone.getAttribute('id')}-error`), 'the zone names its error');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')), 'true', 'the first field at fault has the focus');
  await screenshot(page, 'maintenance-add-refused');
  assert.equal((await callApi<WindowView[]>(served, 'window.list', { vendorId: vendor.id })).length, 1, 'nothing was stored');

  await zone.fill('Europe/Berlin');
  await time.fill('2:00');
  assert.equal(await zone.getAttribute('aria-invalid'), null, 'typing clears the mark');
  await dialog.getByRole('button', { name: 'Add window' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const patch = list.getByTestId('window-item').filter({ hasText: 'Patch window' });
  await patch.getByTestId('window-words').getByText('Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)').waitFor();
  await page.getByRole('status').filter({ hasText: 'Added “Patch window”.' }).waitFor();
  await patch.getByText('Outage').waitFor();
  await screenshot(page, 'maintenance-tab-added');
  const stored = (await callApi<WindowView[]>(served, 'window.list', { vendorId: vendor.id })).find((w) => w.title === 'Patch window');
  assert.deepEqual(
    stored?.schedule,
    { kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120, timeZone: 'Europe/Berlin', from: '2026-01-04', until: null, count: null, exDates: [] },
    'the schedule stored is the one typed',
  );

  // Edit: monthly on the last Saturday, 90 minutes, twelve times, one date skipped.
  await patch.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit maintenance window' });
  await edit.getByLabel('Repeats', { exact: true }).selectOption('monthly');
  await edit.getByLabel('On the').selectOption({ label: 'last' });
  await edit.getByLabel('Weekday of the month').selectOption({ label: 'Saturday' });
  await edit.getByLabel('hours', { exact: true }).fill('');
  await edit.getByLabel('minutes', { exact: true }).fill('90');
  await edit.getByLabel('After a number of times').check();
  await edit.getByLabel('Number of occurrences').fill('12');
  await edit.getByLabel('Date to skip').fill('2026-12-26');
  await edit.getByRole('button', { name: 'Skip this date' }).click();
  await edit.getByLabel('Impact').selectOption({ label: 'Degraded' });
  const editWords = 'The last Saturday of every month, 02:00–03:30 Europe/Berlin (12 times from 2026-01-04; except 2026-12-26)';
  await edit.getByTestId('schedule-words').getByText(editWords).waitFor();
  await screenshot(page, 'maintenance-edit-monthly');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await edit.waitFor({ state: 'hidden' });
  await patch.getByTestId('window-words').getByText(editWords).waitFor();
  await patch.getByText('Degraded', { exact: true }).waitFor();

  // Delete asks first; Cancel keeps it.
  await patch.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this maintenance window?' });
  await confirm.getByText(/“Patch window” .* is removed from Ledgerline Storage’s record/).waitFor();
  await screenshot(page, 'maintenance-delete-confirm');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await confirm.waitFor({ state: 'hidden' });
  await patch.waitFor();
  await patch.getByRole('button', { name: 'Delete' }).click();
  await confirm.getByRole('button', { name: 'Delete window' }).click();
  await patch.waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: 'Deleted “Patch window”.' }).waitFor();
  assert.deepEqual(
    (await callApi<WindowView[]>(served, 'window.list', { vendorId: vendor.id })).map((w) => w.title),
    ['Storage firmware upgrade'],
    'only the deleted window is gone',
  );

  // The questionnaire shows the contradicted claim beside the notice answer; its three notes share
  // the read the tab made, and a fresh opening of the provider reads the windows once.
  let reads = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/window.list')) reads++;
  });
  await go(page, `#/vendor/${vendor.id}`);
  const question = page.locator('[data-question-id="mnt_notice_hours"]');
  await question.scrollIntoViewIfNeeded();
  const note = question.getByTestId('claim-note');
  await note.getByText('The record disagrees:').waitFor();
  assert.match((await note.textContent()) ?? '', /Promised 72 hours of notice; the one scheduled maintenance on record had less \(12 hours\)/, 'the note says what the record shows');
  await screenshot(page, 'questionnaire-claim-note');
  assert.equal(reads, 0, 'going back to the questionnaire reads no windows again');
  await page.reload();
  await question.getByTestId('claim-note').waitFor();
  assert.equal(reads, 1, 'opening the provider reads its windows once for the three answers');
  assert.equal(await page.locator('[data-question-id="mnt_duration_minutes"]').getByTestId('claim-note').count(), 0, 'an unanswered claim has no note');
  assert.deepEqual(problems, [], 'no console errors');
});

test('maintenance import: a file the register refuses shows its message on the file field and changes nothing', async () => {
  const served = await startServe();
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Northwind Cloud', category: 'hosting' });
  const { page, problems } = await openApp(served);
  await go(page, `#/vendor/${vendor.id}/maintenance`);
  await page.getByText('No maintenance windows on record.').waitFor();
  await screenshot(page, 'maintenance-tab-empty');

  const file = page.getByLabel('Maintenance file');
  // A VEVENT without its end and with a start that is no date.
  const bad = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Northwind//Status//EN\r\nBEGIN:VEVENT\r\nUID:nw-1\r\nDTSTART:tomorrow\r\nSUMMARY:Network maintenance\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
  await file.setInputFiles({ name: 'northwind-bad.ics', mimeType: 'text/calendar', buffer: Buffer.from(bad) });
  const error = page.getByText(/^“northwind-bad\.ics” was refused: .+ Nothing was imported\.$/);
  await error.waitFor();
  assert.equal(await file.getAttribute('aria-invalid'), 'true', 'the file field is marked');
  assert.equal(await page.getByTestId('import-preview').count(), 0, 'no preview of a refused file');
  await screenshot(page, 'maintenance-import-refused');
  assert.equal((await callApi<WindowView[]>(served, 'window.list', { vendorId: vendor.id })).length, 0, 'nothing was stored');
  await page.getByText('No maintenance windows on record.').waitFor();
  assert.deepEqual(problems, [], 'no console errors');
});

test(
  'maintenance import: a good iCalendar file is checked in a dry run, then imported',
  async () => {
    const served = await startServe();
    const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Fernhill Network', category: 'hosting' });
    const { page } = await openApp(served);
    await go(page, `#/vendor/${vendor.id}/maintenance`);
    await page.getByText('No maintenance windows on record.').waitFor();
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Fernhill//Maintenance//EN',
      'BEGIN:VEVENT',
      'UID:fh-2027-01',
      'SEQUENCE:0',
      'DTSTAMP:20261201T090000Z',
      'CREATED:20261201T090000Z',
      'DTSTART:20270110T010000Z',
      'DTEND:20270110T030000Z',
      'SUMMARY:Core router upgrade',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    await page.getByLabel('Maintenance file').setInputFiles({ name: 'fernhill.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    const preview = page.getByTestId('import-preview');
    const refused = page.getByText(/was refused/);
    await preview.or(refused).waitFor();
    assert.equal(await refused.count(), 0, `the file is read, not refused: ${(await refused.allTextContents()).join(' ')}`);
    assert.match((await preview.textContent()) ?? '', /1\s*new: added/, 'the dry run would add the one event');
    assert.equal((await callApi<WindowView[]>(served, 'window.list', { vendorId: vendor.id })).length, 0, 'the dry run stored nothing');
    await screenshot(page, 'maintenance-import-preview');
    await preview.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('import-done').getByText('Imported “fernhill.ics”: 1 added, 0 updated.').waitFor();
    await page.getByTestId('window-item').filter({ hasText: 'Core router upgrade' }).waitFor();
    const stored = await callApi<WindowView[]>(served, 'window.list', { vendorId: vendor.id });
    assert.equal(stored.length, 1, 'the event is stored');
    assert.equal(stored[0]!.source, 'ical', 'from the iCalendar file');
  },
);
