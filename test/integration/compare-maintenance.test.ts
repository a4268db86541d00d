// The comparison's maintenance rows, on a real register, in the CSV and the PDF: the windows in
// words, overlaps among the compared providers, the least notice measured and the claims the
// record contradicts, marked as coming from the register's records rather than the questionnaire,
// and cut to the comparison's date like the review report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Vetted } from '../../electron/core/vetted';
import { MAINTENANCE_SECTION } from '../../shared/compare';
import type { Schedule } from '../../shared/domain/maintenance';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { parseCsv } from '../helpers/csv';
import { pdfText, qpdfCheck, savePdf } from '../helpers/pdf';
import { wordsOffPage } from '../helpers/pdf-columns';
import { answersFor } from '../helpers/review-fixtures';
import { freshVetted, unwrap } from '../helpers/vetted';

const weekly = (over: Partial<Extract<Schedule, { kind: 'recurring' }>> = {}): Schedule => ({
  kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120,
  timeZone: 'Europe/Berlin', from: '2026-01-04', until: null, count: null, exDates: [], ...over,
});

async function approvedReview(api: Vetted['api'], vendorId: string, criticalPath: boolean, on: (day: string) => void) {
  const { review } = unwrap(await api['review.start']({ vendorId }));
  for (const a of answersFor(INFRASTRUCTURE_TEMPLATE)) {
    if (a.value !== null) unwrap(await api['answer.save']({ reviewId: review.id, questionId: a.questionId, value: a.value }));
  }
  const claims = { prv_personal_data: 'users', mnt_notice_hours: 72, mnt_duration_minutes: 90, mnt_frequency_per_month: 4, ext_critical_path: criticalPath ? 'no' : 'yes' };
  for (const [questionId, value] of Object.entries(claims)) unwrap(await api['answer.save']({ reviewId: review.id, questionId, value }));
  on('2026-11-05');
  unwrap(await api['review.transition']({ reviewId: review.id, to: 'in_review', by: 'Ana Auditor', note: '' }));
  on('2026-11-10');
  unwrap(await api['review.transition']({ reviewId: review.id, to: 'approved', by: 'Ben Boardman', note: '' }));
  on('2026-11-01');
}

/** Hosted DB and Queue Co (both critical path) meet on Sundays; Quiet CDN has no windows; New Vendor no review. */
async function register() {
  let now = new Date('2026-11-01T09:00:00Z');
  const vetted = await freshVetted({ now: () => now });
  const on = (day: string) => {
    now = new Date(`${day}T12:00:00Z`);
  };
  const { api } = vetted;
  const profile = { dataCategories: ['personal-data' as const], dataLocations: ['Germany'], criticalPath: true };
  const db = unwrap(await api['vendor.create']({ name: 'Hosted DB', category: 'database', ...profile }));
  const queue = unwrap(await api['vendor.create']({ name: 'Queue Co', category: 'message-queue', ...profile }));
  const cdn = unwrap(await api['vendor.create']({ name: 'Quiet CDN', category: 'other', ...profile, criticalPath: false }));
  const fresh = unwrap(await api['vendor.create']({ name: 'New Vendor', category: 'other' }));
  for (const v of [db, queue, cdn]) await approvedReview(api, v.id, v.criticalPath, on);

  on('2026-11-15');
  unwrap(await api['window.add']({ vendorId: db.id, title: 'Patching', schedule: weekly() }));
  unwrap(await api['window.add']({ vendorId: queue.id, title: 'Broker upgrades', schedule: weekly({ byDay: ['SA'], startTime: '20:00', durationMinutes: 180, timeZone: 'America/New_York' }) }));
  on('2026-11-27');
  unwrap(
    await api['window.add']({
      vendorId: db.id, title: 'Storage upgrade', announcedAt: '2026-11-27T12:00:00Z',
      schedule: { kind: 'once', start: '2026-11-28T22:00:00Z', end: '2026-11-28T23:00:00Z', timeZone: 'UTC' },
    }),
  );
  on('2026-12-01');
  unwrap(
    await api['window.add']({
      vendorId: db.id, title: 'Network maintenance', impact: 'degraded', announcedAt: '2026-12-01T00:00:00Z',
      schedule: { kind: 'once', start: '2026-12-10T22:00:00Z', end: '2026-12-10T23:30:00Z', timeZone: 'Asia/Tokyo' },
    }),
  );
  on('2026-12-04');
  return { ...vetted, ids: [db.id, queue.id, cdn.id, fresh.id] };
}

/** The maintenance rows of a comparison CSV, by their Question column: one value per provider. */
async function csvRows(api: Vetted['api'], vendorIds: string[], date: string): Promise<Map<string, string[]>> {
  const file = unwrap(await api['compare.export']({ vendorIds, format: 'csv', date }));
  const records = parseCsv(Buffer.from(file.base64, 'base64').toString('utf8').slice(1));
  const rows = records.filter((r) => r[0] === MAINTENANCE_SECTION);
  return new Map(rows.map((r) => [r[2]!, r.slice(3, 3 + vendorIds.length)]));
}

test('the comparison CSV carries the maintenance rows, marked as from the record, per provider', async () => {
  const { api, ids } = await register();
  const rows = await csvRows(api, ids, '2026-12-04');
  assert.deepEqual(
    [...rows.keys()],
    ['Records (as of 2026-12-04)', 'Maintenance windows', 'Overlaps with other compared providers (90 days from 2026-12-04)', 'Measured notice (least)', 'Claims contradicted by the record'],
    'five rows, in order',
  );
  const [db, queue, cdn, fresh] = [0, 1, 2, 3];
  const windows = rows.get('Maintenance windows')!;
  assert.equal(
    windows[db],
    'Patching: Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)\nStorage upgrade: 2026-11-28 22:00–23:00 UTC\nNetwork maintenance: 2026-12-11 07:00–08:30 Asia/Tokyo',
  );
  assert.equal(windows[cdn], 'None recorded');

  const overlaps = rows.get('Overlaps with other compared providers (90 days from 2026-12-04)')!;
  assert.equal(overlaps[db], 'Queue Co (critical path): 13 times, first 2026-12-06 01:00–03:00 UTC');
  assert.equal(overlaps[queue], 'Hosted DB (critical path): 13 times, first 2026-12-06 01:00–03:00 UTC');
  assert.equal(overlaps[cdn], 'None (no windows)');

  const notice = rows.get('Measured notice (least)')!;
  assert.equal(notice[db], '34 hours (the least of 2 scheduled maintenances)');
  assert.equal(notice[queue], 'Not measured: no scheduled maintenance with an announcement time');

  const claims = rows.get('Claims contradicted by the record')!;
  assert.equal(
    claims[db],
    '1 of 3 claims, finding candidate:\nPromised 72 hours of notice; the one scheduled maintenance on record had less (34 hours).',
    'the short notice contradicts the approved answer of 72 hours',
  );
  assert.equal(claims[queue], 'None of 3 claims (3 untested)');
  assert.equal(claims[fresh], 'No review in this column');
  assert.equal(rows.get('Records (as of 2026-12-04)')![db], '3 windows created on or before 2026-12-04');
});

test('an earlier date leaves out the windows recorded after it, and says so', async () => {
  const { api, ids } = await register();
  const rows = await csvRows(api, ids, '2026-11-20');
  assert.equal(rows.get('Maintenance windows')![0], 'Patching: Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)');
  assert.equal(rows.get('Records (as of 2026-11-20)')![0], '1 window created on or before 2026-11-20; 2 recorded later, left out');
  assert.equal(rows.get('Measured notice (least)')![0], 'Not measured: no scheduled maintenance with an announcement time');
  assert.equal(rows.get('Claims contradicted by the record')![0], 'None of 3 claims (3 untested)', 'no scheduled maintenance had happened yet to test a claim');
});

test('the comparison PDF prints the maintenance rows under their own heading, in every column', async () => {
  const { api, ids } = await register();
  const file = unwrap(await api['compare.export']({ vendorIds: ids, format: 'pdf', date: '2026-12-04' }));
  assert.deepEqual(file.warnings, []);
  const pdf = savePdf(Buffer.from(file.base64, 'base64'));
  assert.ok(qpdfCheck(pdf).ok, 'a valid PDF');
  assert.deepEqual(wordsOffPage(pdf), [], 'nothing printed past the page edge');
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  assert.ok(text.includes(MAINTENANCE_SECTION), 'the heading says where the rows come from');
  assert.ok(text.includes("From the register's maintenance records created on or before 2026-12-04, not from the questionnaire answers."), 'and the note');
  const layout = pdfText(pdf, true);
  assert.match(layout, /Maintenance windows\s{2,}Patching: Every Sunday, 02:00–\s{2,}Broker upgrades: Every\s{2,}None recorded\s{2,}None recorded/, 'the windows in words');
  assert.match(
    layout,
    /Overlaps with other compared providers \(90 days\s{2,}Queue Co \(critical path\): 13\s{2,}Hosted DB \(critical path\): 13\s{2,}None \(no windows\)\s{2,}None \(no windows\)/,
    'the overlap, from both sides',
  );
  assert.match(layout, /Measured notice \(least\)\s{2,}34 hours \(the least of 2\s{2,}Not measured: no scheduled\s{2,}Not measured: no scheduled\s{2,}Not measured: no scheduled/, 'each provider in its column');
  assert.match(layout, /Claims contradicted by the record\s{2,}1 of 3 claims, finding\s{2,}None of 3 claims \(3 untested\)\s{2,}None of 3 claims \(3 untested\)\s{2,}No review in this column/, 'the contradiction, and the column without a review');
  const again = unwrap(await api['compare.export']({ vendorIds: ids, format: 'pdf', date: '2026-12-04' }));
  assert.equal(again.base64, file.base64, 'same data, same date, same bytes');
});

test('compare.get carries the same maintenance facts for the app, as of today', async () => {
  const { api, ids } = await register();
  const comparison = unwrap(await api['compare.get']({ vendorIds: ids }));
  assert.equal(comparison.maintenance?.asOf, '2026-12-04');
  assert.deepEqual(comparison.maintenance?.cells.map((c) => c.windows.length), [3, 1, 0, 0]);
  assert.deepEqual(comparison.maintenance?.cells[0]!.notice, { leastHours: 34, measured: 2 });
});
