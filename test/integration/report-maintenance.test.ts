// The review report's Maintenance part, end to end on a real register whose clock the test moves:
// windows in two zones, an overlap with another critical-path provider, a blackout hit, a
// scheduled maintenance announced with less notice than the approved review promised, the empty
// case, a date before a window was recorded, a window changed after the date, and the draft.
// Every report is rendered for real and read back with pdftotext.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Vetted } from '../../electron/core/vetted';
import type { Schedule } from '../../shared/domain/maintenance';
import { CONTRADICTED, NO_WINDOWS } from '../../shared/reports/maintenance-part';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { pdfText, savePdf } from '../helpers/pdf';
import { answersFor } from '../helpers/review-fixtures';
import { freshVetted, unwrap } from '../helpers/vetted';

const flat = (s: string) => s.replace(/\s+/g, ' ');

const weekly = (over: Partial<Extract<Schedule, { kind: 'recurring' }>> = {}): Schedule => ({
  kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120,
  timeZone: 'Europe/Berlin', from: '2026-01-04', until: null, count: null, exDates: [], ...over,
});

/** Answers every question with its best answer, then the maintenance claims the test checks. */
async function answerAll(api: Vetted['api'], reviewId: string, criticalPath: boolean) {
  for (const a of answersFor(INFRASTRUCTURE_TEMPLATE)) {
    if (a.value === null) continue;
    unwrap(await api['answer.save']({ reviewId, questionId: a.questionId, value: a.value }));
  }
  unwrap(await api['answer.save']({ reviewId, questionId: 'prv_personal_data', value: 'users' }));
  unwrap(await api['answer.save']({ reviewId, questionId: 'mnt_notice_hours', value: 72 }));
  unwrap(await api['answer.save']({ reviewId, questionId: 'mnt_duration_minutes', value: 90 }));
  unwrap(await api['answer.save']({ reviewId, questionId: 'mnt_frequency_per_month', value: 4 }));
  // The answer must agree with the profile's critical path flag, or the review gets no tier.
  unwrap(await api['answer.save']({ reviewId, questionId: 'ext_critical_path', value: criticalPath ? 'no' : 'yes' }));
}

async function approve(api: Vetted['api'], vendorId: string, on: (day: string) => void, submitted: string, decided: string) {
  const current = unwrap(await api['review.current']({ vendorId }))!;
  on(submitted);
  unwrap(await api['review.transition']({ reviewId: current.review.id, to: 'in_review', by: 'Ana Auditor', note: '' }));
  on(decided);
  unwrap(await api['review.transition']({ reviewId: current.review.id, to: 'approved', by: 'Ben Boardman', note: '' }));
}

/**
 * Hosted DB (critical path, approved 2026-11-10, promised 72 hours of notice): a weekly window in
 * Europe/Berlin (recorded 11-15), a storage upgrade announced 34 hours ahead (11-27), a network
 * maintenance in Asia/Tokyo announced well ahead (12-01) and a cancelled one. Queue Co (critical
 * path, review in progress): a weekly window in America/New_York that meets Berlin's on Sundays.
 * Quiet CDN: approved, no windows. A release freeze over Christmas. The clock ends on 2026-12-04.
 */
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
  for (const v of [db, queue, cdn]) await answerAll(api, unwrap(await api['review.start']({ vendorId: v.id })).review.id, v.criticalPath);
  await approve(api, db.id, on, '2026-11-05', '2026-11-10');
  await approve(api, cdn.id, on, '2026-11-05', '2026-11-10');

  on('2026-11-15');
  const patching = unwrap(await api['window.add']({ vendorId: db.id, title: 'Patching', schedule: weekly() }));
  unwrap(await api['window.add']({ vendorId: queue.id, title: 'Broker upgrades', schedule: weekly({ byDay: ['SA'], startTime: '20:00', durationMinutes: 180, timeZone: 'America/New_York' }) }));
  unwrap(await api['blackout.add']({ name: 'Release freeze', schedule: { kind: 'once', start: '2026-12-20T00:00:00Z', end: '2027-01-05T00:00:00Z', timeZone: 'Europe/Berlin' } }));
  on('2026-11-27');
  unwrap(
    await api['window.add']({
      vendorId: db.id, title: 'Storage upgrade', impact: 'outage', announcedAt: '2026-11-27T12:00:00Z',
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
  unwrap(
    await api['window.add']({
      vendorId: db.id, title: 'Firmware rollout', status: 'cancelled', announcedAt: '2026-12-01T00:00:00Z',
      schedule: { kind: 'once', start: '2026-12-03T22:00:00Z', end: '2026-12-03T23:00:00Z', timeZone: 'UTC' },
    }),
  );
  on('2026-12-04');
  return { ...vetted, on, db, queue, cdn, patching };
}

async function report(api: Vetted['api'], vendorId: string, date: string, draft = false) {
  const file = unwrap(await api['report.vendor']({ vendorId, date, draft }));
  const pdf = savePdf(Buffer.from(file.base64, 'base64'));
  return { text: flat(pdfText(pdf)), layout: pdfText(pdf, true), base64: file.base64 };
}

/** The Maintenance part of a report: from its heading to the Answers part, as flat text and as laid-out lines. */
function part(r: { text: string; layout: string }): { text: string; lines: string[]; between: (from: string, to?: string) => string[] } {
  const start = r.text.indexOf('Maintenance From the register');
  assert.ok(start >= 0, 'the report has a Maintenance part');
  const end = r.text.indexOf('Answers Every question shown', start);
  const all = r.layout.split('\n');
  const first = all.findIndex((l) => l.trim() === 'Maintenance');
  const last = all.findIndex((l, i) => i > first && l.trim() === 'Answers');
  const lines = all.slice(first, last < 0 ? undefined : last);
  const between = (from: string, to?: string) => {
    const a = lines.findIndex((l) => l.trim() === from);
    assert.ok(a >= 0, `the part has "${from}"`);
    const b = to === undefined ? -1 : lines.findIndex((l, i) => i > a && l.trim() === to);
    return lines.slice(a, b < 0 ? undefined : b);
  };
  return { text: r.text.slice(start, end < 0 ? undefined : end), lines, between };
}

/**
 * The rows of the first table after `from` in pdftotext -layout lines, each row's cells as text:
 * columns start where the header's labels start, rows are separated by blank lines, and a cell
 * wrapped over several lines is joined with spaces. The table ends at the first line that is not
 * indented (the next heading or paragraph) or at a page footer.
 */
function table(lines: readonly string[], headers: readonly string[]): string[][] {
  const at = lines.findIndex((l) => headers.every((h) => l.includes(h)));
  assert.ok(at >= 0, `a table headed ${headers.join(' | ')}`);
  const starts = headers.map((h) => lines[at]!.indexOf(h));
  const rows: string[][] = [];
  let current: string[][] | null = null;
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '') {
      current = null;
      continue;
    }
    if (!line.startsWith(' ') || /As of \d{4}-\d{2}-\d{2} · Vetted/.test(line)) break;
    if (!current) {
      current = headers.map(() => []);
      rows.push([]);
    }
    starts.forEach((start, i) => {
      const piece = line.slice(Math.max(0, start - 1), i + 1 < starts.length ? starts[i + 1]! - 1 : undefined).trim();
      if (piece) current![i]!.push(piece);
    });
    rows[rows.length - 1] = current.map((parts) => parts.join(' '));
  }
  return rows;
}

/** A row whose cells contain the given texts, in order (a cell may hold more). */
function hasRow(rows: readonly string[][], ...cells: string[]): boolean {
  return rows.some((r) => cells.every((c, i) => r[i]!.includes(c)));
}

test('the Maintenance part: windows in two zones, next occurrences in both, the overlap, the blackout, short notice contradicting the approved answer', async () => {
  const { api, db } = await register();
  const r = await report(api, db.id, '2026-12-04');
  const m = part(r);

  const windows = table(m.between('Windows on record', 'Next occurrences'), ['Window', 'Schedule', 'Impact', 'Status']);
  assert.ok(hasRow(windows, 'Patching', 'Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)', 'Outage', 'Confirmed'), `the weekly window in words: ${JSON.stringify(windows)}`);
  assert.ok(hasRow(windows, 'Storage upgrade', '2026-11-28 22:00–23:00 UTC', 'Outage', 'Confirmed'), 'the scheduled maintenance');
  assert.ok(hasRow(windows, 'announced 2026-11-27 12:00 UTC'), 'with when it was announced');
  assert.ok(hasRow(windows, 'Network maintenance', '2026-12-11 07:00–08:30 Asia/Tokyo', 'Degraded', 'Confirmed'), 'the one announced in Tokyo time');
  assert.ok(hasRow(windows, 'Firmware rollout', '2026-12-03 22:00–23:00 UTC', 'Outage', 'Cancelled never counted as an occurrence'), 'the cancelled one is listed as cancelled');

  // Next occurrences: Berlin in winter is UTC+01:00, Tokyo UTC+09:00; each also in UTC.
  const next = table(m.between('Next occurrences', 'Overlaps with other providers'), ["In the provider's time zone", 'In UTC', 'Window', 'Impact']);
  assert.equal(next.length, 5, `five occurrences: ${JSON.stringify(next)}`);
  assert.deepEqual(next[0], ['Sun 2026-12-06 02:00–04:00 Europe/Berlin (UTC+01:00)', '2026-12-06 01:00–03:00 UTC', 'Patching', 'Outage'], 'the first Sunday in Berlin and in UTC');
  assert.deepEqual(next[1], ['Fri 2026-12-11 07:00–08:30 Asia/Tokyo (UTC+09:00)', '2026-12-10 22:00–23:30 UTC', 'Network maintenance', 'Degraded'], 'Friday morning in Tokyo is Thursday night in UTC');
  assert.ok(!next.some((row) => row[2]!.includes('Firmware rollout')), 'the cancelled one never occurs');

  // The overlap names the other provider, on the critical path, and the first time.
  const overlapLines = m.between('Overlaps with other providers', 'Windows in blackout periods');
  assert.ok(overlapLines.join(' ').includes('90 days from 2026-12-04 to'), 'the 90 days from the date');
  const overlaps = table(overlapLines, ['Other provider', 'Their window', "This provider's window", 'Overlap']);
  assert.deepEqual(
    overlaps,
    [[
      'Queue Co on the critical path',
      'Broker upgrades Every Saturday, 20:00–23:00 America/New_York (from 2026-01-04)',
      'Patching Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)',
      '13 times, 1560 minutes in all first 2026-12-06 01:00–03:00 UTC',
    ]],
    'names Queue Co, its window and the first overlap',
  );

  // Sundays 20 and 27 December and 3 January fall in the freeze (20 December to 5 January).
  const blackouts = table(m.between('Windows in blackout periods', 'Notice of scheduled maintenances'), ['Window', 'Blackout period', 'Falls in it']);
  assert.ok(hasRow(blackouts, 'Patching', 'Release freeze', '3 times first 2026-12-20 01:00–03:00 UTC'), `the freeze: ${JSON.stringify(blackouts)}`);

  const noticeLines = m.between('Notice of scheduled maintenances', 'Maintenance answers against the record');
  assert.ok(noticeLines.join(' ').includes('promise 72 hours of notice'), 'the promise of the approved review');
  const notice = table(noticeLines, ['Scheduled maintenance', 'Starts', 'Announced', 'Notice', 'Against the promise']);
  assert.deepEqual(notice, [
    ['Storage upgrade', '2026-11-28 22:00 UTC', '2026-11-27 12:00 UTC', '34 hours', 'Less than the 72 hours promised'],
    ['Network maintenance', '2026-12-10 22:00 UTC', '2026-12-01 00:00 UTC', '238 hours', 'At least the 72 hours promised'],
  ]);
  assert.ok(m.text.includes('1 cancelled scheduled maintenance not measured.'), 'the cancelled one is said to be left out');
  assert.ok(m.text.includes('The minimum notice in Settings is not applied here'), 'what the part leaves out, in words');

  const claimLines = m.between('Maintenance answers against the record');
  assert.ok(m.text.includes('1 claim contradicted by the record: a finding candidate.'), 'the contradiction up front');
  const claims = table(claimLines, ['Question', 'Answer', 'What the record shows', 'Verdict']);
  assert.ok(
    hasRow(claims, 'How many hours of notice', '72 hours', 'Promised 72 hours of notice; the one scheduled maintenance on record had less (34 hours).', CONTRADICTED),
    `the notice claim, contradicted, a finding candidate: ${JSON.stringify(claims)}`,
  );
  assert.ok(hasRow(claims, 'How many minutes', '90 minutes', 'the one disruptive scheduled maintenance on record was scheduled for 60 minutes.', 'Consistent with the record'), 'the duration claim is consistent');
});

test('a report dated before a window was recorded leaves it out and says so; before any window the empty sentence', async () => {
  const { api, db } = await register();
  const before = part(await report(api, db.id, '2026-11-20'));
  const windows = table(before.between('Windows on record', 'Next occurrences'), ['Window', 'Schedule', 'Impact', 'Status']);
  assert.deepEqual(windows.map((w) => w[0]), ['Patching Source: Entered'], 'only the window recorded on 2026-11-15');
  for (const later of ['Storage upgrade', 'Network maintenance', 'Firmware rollout']) assert.ok(!before.text.includes(later), `${later} was recorded after 2026-11-20`);
  assert.ok(before.text.includes('3 windows recorded after 2026-11-20 are not part of this report.'), 'the ones left out are counted');
  const claims = table(before.between('Maintenance answers against the record'), ['Question', 'Answer', 'What the record shows', 'Verdict']);
  assert.ok(hasRow(claims, 'How many hours of notice', '72 hours', 'no scheduled maintenance with an announcement time is on record', 'Untested'), `the notice claim is untested then: ${JSON.stringify(claims)}`);
  assert.ok(!before.text.includes(CONTRADICTED), 'nothing contradicted yet');

  const empty = part(await report(api, db.id, '2026-11-12')).text;
  assert.ok(empty.includes(`${NO_WINDOWS} 4 windows recorded after 2026-11-12 are not part of this report.`), empty.slice(0, 700));
  assert.ok(!empty.includes('Patching'), 'not yet recorded');
});

test('a provider without windows: the plain sentence, never silence; its claims are untested', async () => {
  const { api, cdn } = await register();
  const m = part(await report(api, cdn.id, '2026-12-04'));
  assert.ok(m.text.includes(NO_WINDOWS), m.text.slice(0, 600));
  assert.ok(!m.text.includes('Next occurrences'), 'no empty tables');
  const claims = table(m.between('Maintenance answers against the record'), ['Question', 'Answer', 'What the record shows', 'Verdict']);
  assert.equal(claims.length, 3, 'notice, disruption and frequency are each held against the (empty) record');
  assert.ok(claims.every((c) => c[3] === 'Untested: nothing on record to measure'), JSON.stringify(claims));
});

test('a window changed after the date is marked as recorded then; the same date gives the same bytes', async () => {
  const { api, db, patching, on } = await register();
  const a = await report(api, db.id, '2026-12-02');
  const b = await report(api, db.id, '2026-12-02');
  assert.equal(a.base64, b.base64, 'same data, same date, same bytes');
  on('2026-12-03');
  unwrap(await api['window.update']({ id: patching.id, patch: { impact: 'degraded' } }));
  on('2026-12-04');
  const m = part(await report(api, db.id, '2026-12-02'));
  const windows = table(m.between('Windows on record', 'Next occurrences'), ['Window', 'Schedule', 'Impact', 'Status']);
  assert.ok(hasRow(windows, 'Patching Source: Entered Changed on 2026-12-03, after 2026-12-02: shown as recorded on 2026-12-03.', 'Every Sunday', 'Degraded'), JSON.stringify(windows));
  assert.ok(m.text.includes("Changed after 2026-12-02: 1 of this provider's windows."), 'and the part says so up front');
});

test('a draft report follows the same rules: the review in progress, its windows and the overlap from its side', async () => {
  const { api, queue } = await register();
  const m = part(await report(api, queue.id, '2026-12-04', true));
  assert.ok(m.text.includes('review in progress (DRAFT)'), 'says whose answers');
  const next = table(m.between('Next occurrences', 'Overlaps with other providers'), ["In the provider's time zone", 'In UTC', 'Window', 'Impact']);
  assert.deepEqual(next[0], ['Sat 2026-12-05 20:00–23:00 America/New_York (UTC-05:00)', '2026-12-06 01:00–04:00 UTC', 'Broker upgrades', 'Outage'], 'Saturday evening in New York is Sunday night in UTC');
  const overlaps = table(m.between('Overlaps with other providers', 'Windows in blackout periods'), ['Other provider', 'Their window', "This provider's window", 'Overlap']);
  assert.ok(hasRow(overlaps, 'Hosted DB on the critical path', 'Patching', 'Broker upgrades'), 'the overlap names Hosted DB');
  assert.ok(m.text.includes('No scheduled maintenance with an announcement time is on record'), 'nothing to measure');
});
