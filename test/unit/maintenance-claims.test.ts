// The questionnaire's maintenance claims held against the record (shared/maintenance/claims.ts):
// promised notice, typical disruption and frequency, each contradicted, consistent or untested.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MaintenanceWindow, WindowImpact, WindowStatus } from '../../shared/domain/maintenance';
import { checkMaintenanceClaims, type ClaimCheck } from '../../shared/maintenance/claims';

const HOUR = 3_600_000;
const AS_OF = Date.parse('2026-12-01T00:00:00Z');

let ids = 0;
/** A scheduled maintenance: starts `start`, lasts `minutes`, announced `noticeHours` before (null: no announcement time). */
function maintenance(start: string, minutes: number, noticeHours: number | null, over: { impact?: WindowImpact; status?: WindowStatus } = {}): MaintenanceWindow {
  const at = Date.parse(start);
  return {
    id: `w${++ids}`, vendorId: 'v1', title: 'Scheduled maintenance', impact: over.impact ?? 'outage', source: 'statuspage',
    status: over.status ?? 'confirmed',
    schedule: { kind: 'once', start: new Date(at).toISOString(), end: new Date(at + minutes * 60_000).toISOString(), timeZone: 'UTC' },
    announcedAt: noticeHours === null ? null : new Date(at - noticeHours * HOUR).toISOString(),
    sourceUid: null, sequence: null, notes: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  };
}
/** A standing weekly window: never a measurement of notice, length or frequency. */
const standing: MaintenanceWindow = {
  ...maintenance('2026-01-04T02:00:00Z', 120, null),
  id: 'standing',
  schedule: { kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 600, timeZone: 'UTC', from: '2026-01-04', until: null, count: null, exDates: [] },
};

const answers = (entries: Record<string, unknown>) => new Map(Object.entries(entries));
const only = (checks: ClaimCheck[], id: ClaimCheck['questionId']) => {
  const found = checks.filter((c) => c.questionId === id);
  assert.equal(found.length, 1, `one check for ${id}`);
  return found[0]!;
};

describe('which claims are checked', () => {
  test('only numeric answers to the three questions; others and non-numbers are left out', () => {
    const checks = checkMaintenanceClaims(
      answers({ mnt_notice_hours: '72', mnt_duration_minutes: Number.NaN, mnt_frequency_per_month: 2, other_question: 5 }),
      [maintenance('2026-11-01T02:00:00Z', 60, 100)],
      AS_OF,
    );
    assert.deepEqual(checks.map((c) => c.questionId), ['mnt_frequency_per_month']);
  });

  test('nothing answered, nothing checked', () => {
    assert.deepEqual(checkMaintenanceClaims(new Map(), [maintenance('2026-11-01T02:00:00Z', 60, 1)], AS_OF), []);
  });
});

describe('notice', () => {
  test('contradicted when any scheduled maintenance had less notice than promised; observed is the least', () => {
    const windows = [maintenance('2026-10-01T02:00:00Z', 60, 100), maintenance('2026-11-01T02:00:00Z', 60, 30.04), maintenance('2026-11-20T02:00:00Z', 60, 72)];
    const c = only(checkMaintenanceClaims(answers({ mnt_notice_hours: 72 }), windows, AS_OF), 'mnt_notice_hours');
    assert.deepEqual([c.verdict, c.claimed, c.observed], ['contradicted', 72, 30]);
    assert.equal(c.words, 'Promised 72 hours of notice; 1 of 3 scheduled maintenances on record had less (the least: 30 hours).');
  });

  test('consistent when every one had at least the promised notice (exactly the promise counts)', () => {
    const windows = [maintenance('2026-10-01T02:00:00Z', 60, 72), maintenance('2026-11-01T02:00:00Z', 60, 96.25)];
    const c = only(checkMaintenanceClaims(answers({ mnt_notice_hours: 72 }), windows, AS_OF), 'mnt_notice_hours');
    assert.deepEqual([c.verdict, c.observed], ['consistent', 72]);
    assert.equal(c.words, 'Promised 72 hours of notice; all 2 scheduled maintenances on record had at least that (the least: 72 hours).');
  });

  test('one maintenance on record reads in the singular', () => {
    const c = only(checkMaintenanceClaims(answers({ mnt_notice_hours: 48 }), [maintenance('2026-11-01T02:00:00Z', 60, 50)], AS_OF), 'mnt_notice_hours');
    assert.equal(c.words, 'Promised 48 hours of notice; the one scheduled maintenance on record had at least that (50 hours).');
    const short = only(checkMaintenanceClaims(answers({ mnt_notice_hours: 1 }), [maintenance('2026-11-01T02:00:00Z', 60, 0.5)], AS_OF), 'mnt_notice_hours');
    assert.equal(short.words, 'Promised 1 hour of notice; the one scheduled maintenance on record had less (0.5 hours).');
  });

  test('untested without an announced, past, live scheduled maintenance', () => {
    const windows = [
      standing,
      maintenance('2026-11-01T02:00:00Z', 60, null), // no announcement time
      maintenance('2026-11-02T02:00:00Z', 60, 1, { status: 'cancelled' }),
      maintenance('2026-12-05T02:00:00Z', 60, 1), // after asOf
    ];
    const c = only(checkMaintenanceClaims(answers({ mnt_notice_hours: 72 }), windows, AS_OF), 'mnt_notice_hours');
    assert.deepEqual([c.verdict, c.observed], ['untested', null]);
    assert.match(c.words, /no scheduled maintenance with an announcement time is on record/);
  });

  test('a maintenance that starts exactly at asOf is on record', () => {
    const c = only(checkMaintenanceClaims(answers({ mnt_notice_hours: 72 }), [maintenance('2026-12-01T00:00:00Z', 60, 2)], AS_OF), 'mnt_notice_hours');
    assert.equal(c.verdict, 'contradicted');
  });
});

describe('duration', () => {
  test('the median of disruptive maintenances against the claim: contradicted above it', () => {
    const windows = [
      maintenance('2026-09-01T02:00:00Z', 30, null),
      maintenance('2026-10-01T02:00:00Z', 240, null),
      maintenance('2026-11-01T02:00:00Z', 90, null, { impact: 'degraded' }),
      maintenance('2026-11-10T02:00:00Z', 600, null, { impact: 'none' }), // no disruption: not counted
    ];
    const c = only(checkMaintenanceClaims(answers({ mnt_duration_minutes: 60 }), windows, AS_OF), 'mnt_duration_minutes');
    assert.deepEqual([c.verdict, c.observed], ['contradicted', 90]);
    assert.equal(c.words, 'Said a maintenance disrupts the service for 60 minutes; the 3 disruptive scheduled maintenances on record were scheduled for 90 minutes (median).');
  });

  test('an even count takes the mean of the middle two; at or below the claim is consistent', () => {
    const windows = [maintenance('2026-10-01T02:00:00Z', 60, null), maintenance('2026-11-01T02:00:00Z', 121, null)];
    const c = only(checkMaintenanceClaims(answers({ mnt_duration_minutes: 90.5 }), windows, AS_OF), 'mnt_duration_minutes');
    assert.deepEqual([c.verdict, c.observed], ['consistent', 90.5]);
  });

  test('one disruptive maintenance reads in the singular', () => {
    const c = only(checkMaintenanceClaims(answers({ mnt_duration_minutes: 60 }), [maintenance('2026-11-01T02:00:00Z', 45, null)], AS_OF), 'mnt_duration_minutes');
    assert.equal(c.words, 'Said a maintenance disrupts the service for 60 minutes; the one disruptive scheduled maintenance on record was scheduled for 45 minutes.');
  });

  test('untested when only standing windows and no-impact maintenances are on record', () => {
    const windows = [standing, maintenance('2026-11-10T02:00:00Z', 600, null, { impact: 'none' })];
    const c = only(checkMaintenanceClaims(answers({ mnt_duration_minutes: 60 }), windows, AS_OF), 'mnt_duration_minutes');
    assert.deepEqual([c.verdict, c.observed], ['untested', null]);
  });
});

describe('frequency', () => {
  test('counted over the last twelve months at most: older ones drop out', () => {
    // 2025-06 is more than twelve months before asOf; 18 in the last twelve months → 1.5 a month.
    const windows = [maintenance('2025-06-01T02:00:00Z', 60, null)];
    for (let i = 0; i < 18; i++) windows.push(maintenance(new Date(Date.parse('2025-12-10T02:00:00Z') + i * 19 * 86_400_000).toISOString(), 60, null));
    const c = only(checkMaintenanceClaims(answers({ mnt_frequency_per_month: 1 }), windows, AS_OF), 'mnt_frequency_per_month');
    assert.deepEqual([c.verdict, c.observed], ['contradicted', 1.5]);
    assert.equal(c.words, 'Said 1 maintenance event a month; the record shows 1.5 a month (18 scheduled maintenances over the last 12 months).');
  });

  test('a shorter record is measured over its own length, and never under a month', () => {
    // First one 91.3 days (three months) before asOf: 3 maintenances over 3 months.
    const first = AS_OF - 3 * 30.4375 * 86_400_000;
    const windows = [first, first + 20 * 86_400_000, AS_OF - 86_400_000].map((t) => maintenance(new Date(t).toISOString(), 60, null));
    const c = only(checkMaintenanceClaims(answers({ mnt_frequency_per_month: 1 }), windows, AS_OF), 'mnt_frequency_per_month');
    assert.deepEqual([c.verdict, c.observed], ['consistent', 1]);
    assert.match(c.words, /3 scheduled maintenances over the last 3 months/);
    const recent = only(checkMaintenanceClaims(answers({ mnt_frequency_per_month: 1 }), [maintenance('2026-11-30T00:00:00Z', 60, null), maintenance('2026-11-30T12:00:00Z', 60, null)], AS_OF), 'mnt_frequency_per_month');
    assert.deepEqual([recent.verdict, recent.observed], ['contradicted', 2], 'two in the last day are two a month, not sixty');
    assert.match(recent.words, /over the last month\)/);
  });

  test('untested with no past scheduled maintenance; cancelled ones and standing windows are not events', () => {
    const windows = [standing, maintenance('2026-11-01T02:00:00Z', 60, null, { status: 'cancelled' })];
    const c = only(checkMaintenanceClaims(answers({ mnt_frequency_per_month: 2 }), windows, AS_OF), 'mnt_frequency_per_month');
    assert.deepEqual([c.verdict, c.observed], ['untested', null]);
  });
});
