// Maintenance windows through the contract on a real register: add, edit, delete, warnings
// (overlaps, blackouts, short notice), the audit trail, and validation naming the field.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Schedule } from '../../shared/domain/maintenance';
import { freshVetted, unwrap } from '../helpers/vetted';

const weekly = (over: Partial<Extract<Schedule, { kind: 'recurring' }>> = {}): Schedule => ({
  kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120,
  timeZone: 'Europe/Berlin', from: '2026-01-04', until: null, count: null, exDates: [], ...over,
});

async function twoProviders() {
  const vetted = await freshVetted({ now: () => new Date('2026-12-04T10:00:00Z') });
  const { api } = vetted;
  const db = unwrap(await api['vendor.create']({ name: 'Hosted DB', category: 'database', criticalPath: true }));
  const queue = unwrap(await api['vendor.create']({ name: 'Queue Co', category: 'message-queue', criticalPath: true }));
  return { vetted, api, db, queue };
}

test('two critical-path providers whose windows overlap across zones are reported, critical pairs first', async () => {
  const { api, db, queue } = await twoProviders();
  // Sunday 02:00–04:00 Berlin (01:00–03:00 UTC in winter) and Saturday 20:00–23:00 New York (01:00–04:00 UTC Sunday).
  unwrap(await api['window.add']({ vendorId: db.id, title: 'Patching', schedule: weekly() }));
  unwrap(await api['window.add']({ vendorId: queue.id, schedule: weekly({ byDay: ['SA'], startTime: '20:00', durationMinutes: 180, timeZone: 'America/New_York' }) }));
  const warnings = unwrap(await api['maintenance.warnings']({ range: { from: '2026-12-01', to: '2026-12-31' } }));
  assert.equal(warnings.overlaps.length, 1, 'one pair of windows overlaps');
  const [pair] = warnings.overlaps;
  assert.equal(pair!.critical, 2, 'both are on the critical path');
  assert.deepEqual([pair!.a.vendorName, pair!.b.vendorName], ['Hosted DB', 'Queue Co']);
  assert.equal(pair!.first.start, '2026-12-06T01:00:00.000Z', 'the first overlap starts at the later start');
  assert.equal(pair!.first.end, '2026-12-06T03:00:00.000Z', 'and ends with the earlier end');
  assert.equal(pair!.times, 4, 'Sundays 6, 13, 20, 27 December');
  assert.equal(pair!.minutes, 4 * 120);
  const attention = unwrap(await api['attention.get']({}));
  assert.equal(attention.maintenance.overlaps.length, 1, 'Needs attention carries the overlap');
});

test('a window in a blackout period, and a maintenance announced with less notice than promised or required', async () => {
  const { api, db } = await twoProviders();
  unwrap(await api['blackout.add']({ name: 'Release freeze', schedule: { kind: 'once', start: '2026-12-20T00:00:00Z', end: '2027-01-05T00:00:00Z', timeZone: 'Europe/Berlin' } }));
  unwrap(await api['window.add']({ vendorId: db.id, schedule: weekly() }));
  unwrap(await api['settings.update']({ minimumNoticeHours: 48 }));
  unwrap(
    await api['window.add']({
      vendorId: db.id, title: 'Storage upgrade', announcedAt: '2026-12-09T12:00:00Z',
      schedule: { kind: 'once', start: '2026-12-10T22:00:00Z', end: '2026-12-10T23:00:00Z', timeZone: 'UTC' },
    }),
  );
  const warnings = unwrap(await api['maintenance.warnings']({ range: { from: '2026-12-01', to: '2026-12-31' } }));
  assert.equal(warnings.blackouts.length, 1);
  assert.equal(warnings.blackouts[0]!.blackoutName, 'Release freeze');
  assert.equal(warnings.blackouts[0]!.times, 2, 'Sundays 20 and 27 December fall in the freeze');
  assert.equal(warnings.shortNotice.length, 1);
  assert.equal(warnings.shortNotice[0]!.noticeHours, 34);
  assert.deepEqual(warnings.shortNotice[0]!.missed, ['minimum']);
  assert.equal(warnings.overlaps.length, 0, "one provider's own windows never count as an overlap");
});

test('bad input names the field and stores nothing; edits and deletes reach the audit trail', async () => {
  const { api, db } = await twoProviders();
  const bad = await api['window.add']({ vendorId: db.id, schedule: weekly({ timeZone: 'Mars/Olympus', startTime: '25:00' }) });
  assert.equal(bad.ok, false, 'a bad zone is refused');
  if (!bad.ok) {
    const paths = (bad.error.details ?? []).map((d) => d.path);
    assert.ok(paths.includes('schedule.timeZone'), `names schedule.timeZone: ${paths.join(', ')}`);
    assert.ok(paths.includes('schedule.startTime'), `names schedule.startTime: ${paths.join(', ')}`);
  }
  const monthly = await api['window.add']({ vendorId: db.id, schedule: weekly({ freq: 'monthly' }) });
  assert.equal(monthly.ok, false, 'a monthly window without its position is refused');
  assert.equal(unwrap(await api['window.list']({})).length, 0, 'nothing stored');

  const added = unwrap(await api['window.add']({ vendorId: db.id, schedule: weekly() }));
  assert.equal(added.words, 'Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)');
  assert.equal(added.impact, 'outage', 'outage unless said otherwise');
  const edited = unwrap(await api['window.update']({ id: added.id, patch: { impact: 'degraded', schedule: weekly({ startTime: '03:00' }) } }));
  assert.equal(edited.words, 'Every Sunday, 03:00–05:00 Europe/Berlin (from 2026-01-04)');
  unwrap(await api['window.delete']({ id: added.id }));
  const audit = unwrap(await api['audit.list']({ vendorId: db.id })).filter((e) => e.entity === 'window');
  assert.deepEqual(audit.map((e) => e.action), ['delete', 'update', 'create'], 'every change is in the audit trail');
});

test("a scheduled maintenance with less notice than the provider's own answer promised is named as missing the promise", async () => {
  const { api, db } = await twoProviders();
  const review = unwrap(await api['review.start']({ vendorId: db.id }));
  unwrap(await api['answer.save']({ reviewId: review.review.id, questionId: 'mnt_notice_hours', value: 72 }));
  unwrap(
    await api['window.add']({
      vendorId: db.id, title: 'Failover test', announcedAt: '2026-12-08T10:00:00Z',
      schedule: { kind: 'once', start: '2026-12-10T10:00:00Z', end: '2026-12-10T11:00:00Z', timeZone: 'UTC' },
    }),
  );
  const warnings = unwrap(await api['maintenance.warnings']({ range: { from: '2026-12-01', to: '2026-12-31' } }));
  assert.equal(warnings.shortNotice.length, 1, '48 hours of notice against 72 promised');
  assert.deepEqual(warnings.shortNotice[0]!.missed, ['promised']);
  assert.equal(warnings.shortNotice[0]!.requiredHours, 72);
  assert.equal(warnings.shortNotice[0]!.noticeHours, 48);
});

test('a release freeze may run for months; a one-off maintenance window may not', async () => {
  const { api, db } = await twoProviders();
  const freeze = await api['blackout.add']({ name: 'Year-end freeze', schedule: { kind: 'once', start: '2026-11-15T00:00:00Z', end: '2027-01-31T00:00:00Z', timeZone: 'Europe/Berlin' } });
  assert.equal(freeze.ok, true, 'a 77-day freeze is a blackout period');
  assert.equal(unwrap(await api['blackout.list']({})).length, 1);
  const long = await api['window.add']({ vendorId: db.id, schedule: { kind: 'once', start: '2026-11-15T00:00:00Z', end: '2027-01-31T00:00:00Z', timeZone: 'UTC' } });
  assert.equal(long.ok, false, 'a 77-day maintenance is refused');
  if (!long.ok) assert.ok(long.error.details?.some((d) => d.path === 'schedule.end'), 'the error names schedule.end');
});

test('a limit keeps the first warnings of each kind (critical first) and the totals count them all', async () => {
  const { api, db, queue } = await twoProviders();
  const other = unwrap(await api['vendor.create']({ name: 'Mail Relay', category: 'other' }));
  unwrap(await api['window.add']({ vendorId: db.id, schedule: weekly() }));
  unwrap(await api['window.add']({ vendorId: queue.id, schedule: weekly() }));
  unwrap(await api['window.add']({ vendorId: other.id, schedule: weekly() }));
  const range = { from: '2026-12-01', to: '2026-12-31' };
  const all = unwrap(await api['maintenance.warnings']({ range }));
  assert.equal(all.overlaps.length, 3, 'three providers, three pairs');
  assert.deepEqual(all.totals, { overlaps: 3, blackouts: 0, shortNotice: 0, critical: 1 });
  const first = unwrap(await api['maintenance.warnings']({ range, limit: 1 }));
  assert.equal(first.overlaps.length, 1);
  assert.equal(first.overlaps[0]!.critical, 2, 'the pair on the critical path comes first');
  assert.deepEqual(first.totals, all.totals, 'the totals count what the limit left out');
  const refused = await api['maintenance.warnings']({ range, limit: 0 });
  assert.equal(refused.ok, false, 'a limit of 0 is refused');
});

test("one provider's warnings: its overlaps with any other provider, its own windows in blackouts and short notice", async () => {
  const { api, db, queue } = await twoProviders();
  const other = unwrap(await api['vendor.create']({ name: 'Mail Relay', category: 'other' }));
  unwrap(await api['window.add']({ vendorId: db.id, schedule: weekly() }));
  unwrap(await api['window.add']({ vendorId: queue.id, schedule: weekly() }));
  unwrap(await api['window.add']({ vendorId: other.id, schedule: weekly({ byDay: ['WE'] }) }));
  unwrap(await api['blackout.add']({ name: 'Midweek freeze', schedule: weekly({ byDay: ['WE'], startTime: '00:00', durationMinutes: 24 * 60 }) }));
  const range = { from: '2026-12-01', to: '2026-12-31' };
  const ofDb = unwrap(await api['maintenance.warnings']({ range, vendorId: db.id }));
  assert.deepEqual(ofDb.overlaps.map((o) => [o.a.vendorName, o.b.vendorName]), [['Hosted DB', 'Queue Co']], 'its overlap with the queue, seen from either side');
  assert.equal(ofDb.blackouts.length, 0, "Mail Relay's blackout hit is not the database's");
  const ofMail = unwrap(await api['maintenance.warnings']({ range, vendorId: other.id }));
  assert.equal(ofMail.overlaps.length, 0);
  assert.equal(ofMail.blackouts.length, 1, 'its Wednesday window falls in the midweek freeze');
  assert.equal(ofMail.totals.blackouts, 1);
  const missing = await api['maintenance.warnings']({ range, vendorId: 'nobody' });
  assert.equal(missing.ok === false && missing.error.code, 'not_found', 'an unknown provider is not found');
});
