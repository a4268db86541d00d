// transparencyMeasures() (shared/incidents/measures.ts) on hand-computed records: an incident
// still open, one without updates, one backfilled (first update after it was resolved), one never
// on the status page, overlapping major incidents, incidents outside the period, component
// filtering, even and odd medians, the nearest-rank p90; then properties on random records,
// availability held against a minute-by-minute oracle.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Incident, IncidentImpact, Postmortem } from '../../shared/domain/incidents';
import { parseInstant } from '../../shared/incidents/instant';
import { transparencyMeasures } from '../../shared/incidents/measures';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface Shape {
  impact?: IncidentImpact;
  /** Minutes after the start; null: none. An ISO string: that instant. */
  firstUpdate?: number | string | null;
  resolved?: number | string | null;
  /** Minutes after the start, or instants. */
  updates?: (number | string)[];
  postmortem?: Postmortem | null;
  onStatusPage?: boolean;
  components?: string[];
}

/** An incident started at `startedAt`; every other time in minutes after that start. */
function incident(id: string, startedAt: string, shape: Shape = {}): Incident {
  const start = Date.parse(startedAt);
  const at = (t: number | string) => (typeof t === 'string' ? t : iso(start + t * MIN));
  return {
    id, vendorId: 'v1', title: `Incident ${id}`, impact: shape.impact ?? 'major', components: shape.components ?? [],
    startedAt: iso(start),
    firstUpdateAt: shape.firstUpdate === undefined || shape.firstUpdate === null ? null : at(shape.firstUpdate),
    resolvedAt: shape.resolved === undefined || shape.resolved === null ? null : at(shape.resolved),
    updates: (shape.updates ?? []).map((t) => ({ at: at(t), status: 'update', text: '' })),
    postmortem: shape.postmortem ?? null,
    source: 'entered', onStatusPage: shape.onStatusPage ?? true, sourceUid: null, sequence: null, link: null, notes: '',
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  };
}
const postmortem = (publishedAt: string | null): Postmortem => ({ publishedAt, link: 'https://status.example.com/pm', text: '' });

// ---------------------------------------------------------------------------------------------
// The record: 2026-01-01 … 2026-03-31, 90 days (31 + 28 + 31), so E = 2026-04-01T00:00Z and the
// period is 129,600 minutes. E − 14 days = 2026-03-18T00:00Z.
// ---------------------------------------------------------------------------------------------
const PERIOD = { from: '2026-01-01', to: '2026-03-31' };
const RECORD: Incident[] = [
  // A: major on API, 10:00–12:00; updates at +10 +40 +100 (silences 30, 60, 20 to the end);
  // postmortem 2026-01-13T10:00Z, 2 days 22 hours (2.92 days) after it was resolved at 12:00.
  incident('a', '2026-01-10T10:00:00Z', { impact: 'major', components: ['API'], firstUpdate: 10, updates: [10, 40, 100], resolved: 120, postmortem: postmortem('2026-01-13T10:00:00Z') }),
  // B: critical on Database, 11:00–14:00, overlapping A; updates +20 +170 (silences 150, 10);
  // a postmortem with no date known: published, but no days to publish.
  incident('b', '2026-01-10T11:00:00Z', { impact: 'critical', components: ['Database'], firstUpdate: 20, updates: [170, 20], resolved: 180, postmortem: postmortem(null) }),
  // C: minor, no update at all, resolved after 30 minutes.
  incident('c', '2026-02-05T00:00:00Z', { impact: 'minor', resolved: 30 }),
  // D: major on API, resolved after 60 minutes, its only update backfilled at +90: first update 90
  // minutes, but no post while open (no silence, nothing to the rate); no postmortem.
  incident('d', '2026-02-10T08:00:00Z', { impact: 'major', components: ['API'], firstUpdate: 90, updates: [90], resolved: 60 }),
  // E: major on Storage that the status page never showed, 300 minutes; no postmortem.
  incident('e', '2026-03-01T00:00:00Z', { impact: 'major', components: ['Storage'], onStatusPage: false, resolved: 300 }),
  // F: critical, no components listed, still open: 2026-03-30 00:00 to E is 2,880 minutes; updates
  // +15 +75, so the silence from +75 to E is 2,805 minutes.
  incident('f', '2026-03-30T00:00:00Z', { impact: 'critical', firstUpdate: 15, updates: [15, 75] }),
  // G: impact none on API, +5 update, resolved +45 (silence 40).
  incident('g', '2026-03-20T12:00:00Z', { impact: 'none', components: ['API'], firstUpdate: 5, updates: [5], resolved: 45 }),
  // H: major on Database from 2026-03-31T22:00Z, inside F's downtime; resolved and first updated
  // only after E, so open at E (120 minutes to E) and without an update.
  incident('h', '2026-03-31T22:00:00Z', { impact: 'major', components: ['Database'], firstUpdate: '2026-04-01T01:00:00Z', updates: ['2026-04-01T01:00:00Z'], resolved: '2026-04-01T02:00:00Z' }),
  // I: minor on API, starting exactly at the period's start: update +30, resolved +60 (silence 30).
  incident('i', '2026-01-01T00:00:00Z', { impact: 'minor', components: ['API'], firstUpdate: 30, updates: [30], resolved: 60 }),
  // Outside: started before the period (running into it), and exactly at E.
  incident('x1', '2025-12-31T23:00:00Z', { impact: 'critical', firstUpdate: 1, updates: [1], resolved: 360 }),
  incident('x2', '2026-04-01T00:00:00Z', { impact: 'major', firstUpdate: 1, updates: [1], resolved: 60 }),
];

describe('counts', () => {
  const m = transparencyMeasures(RECORD, PERIOD, ['API', 'Database']);

  test('only incidents that started in the period, from its first instant to before E', () => {
    // a b c d e f g h i; not x1 (before), not x2 (at E).
    assert.equal(m.total, 9);
    assert.deepEqual(m.period, PERIOD);
  });

  test('by impact, still open at E, never on the status page', () => {
    // none: g; minor: c i; major: a d e h; critical: b f.
    assert.deepEqual(m.byImpact, { none: 1, minor: 2, major: 4, critical: 2 });
    // f has no resolvedAt; h was resolved after E.
    assert.equal(m.open, 2);
    assert.equal(m.notOnStatusPage, 1);
  });
});

describe('first update', () => {
  test('median (even count) and nearest-rank p90 over the incidents with a first update by E', () => {
    // a 10, b 20, d 90 (backfilled, still measured), f 15, g 5, i 30 → 5 10 15 20 30 90.
    // median (15 + 20) / 2 = 17.5; p90 rank ceil(5.4) = 6 → 90. Without: c, e (none), h (after E).
    const m = transparencyMeasures(RECORD, PERIOD, []);
    assert.deepEqual(m.firstUpdate, { median: 17.5, p90: 90, measured: 6, withoutUpdate: 3, notMeasured: 0 });
  });

  test('odd counts take the middle value; p90 is the value at rank ceil(0.9 n)', () => {
    const record = (minutes: number[]) => minutes.map((n, k) => incident(`u${k}`, '2026-02-01T00:00:00Z', { firstUpdate: n, updates: [n], resolved: 200 }));
    // 1 … 11: median 6; p90 rank ceil(9.9) = 10 → 10.
    assert.deepEqual(transparencyMeasures(record([11, 3, 7, 1, 9, 5, 2, 4, 6, 8, 10]), PERIOD, []).firstUpdate, { median: 6, p90: 10, measured: 11, withoutUpdate: 0, notMeasured: 0 });
    // 1 … 10: median 5.5; p90 rank 9 → 9.
    assert.deepEqual(transparencyMeasures(record([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), PERIOD, []).firstUpdate, { median: 5.5, p90: 9, measured: 10, withoutUpdate: 0, notMeasured: 0 });
    // 1 … 70 given in reverse: rank 63 exactly → 63. 1 … 71: rank ceil(63.9) = 64 → 64.
    assert.equal(transparencyMeasures(record(Array.from({ length: 70 }, (_, k) => 70 - k)), PERIOD, []).firstUpdate.p90, 63);
    assert.equal(transparencyMeasures(record(Array.from({ length: 71 }, (_, k) => k + 1)), PERIOD, []).firstUpdate.p90, 64);
    // One value: it is both.
    assert.deepEqual(transparencyMeasures(record([42]), PERIOD, []).firstUpdate, { median: 42, p90: 42, measured: 1, withoutUpdate: 0, notMeasured: 0 });
  });

  test('rounded to one decimal: 80 seconds is 1.3 minutes', () => {
    const m = transparencyMeasures([incident('s', '2026-02-01T00:00:00Z', { firstUpdate: '2026-02-01T00:01:20Z', resolved: 10 })], PERIOD, []);
    assert.deepEqual([m.firstUpdate.median, m.firstUpdate.p90], [1.3, 1.3]);
  });

  test('a first update exactly at E counts', () => {
    const m = transparencyMeasures([incident('s', '2026-03-31T23:00:00Z', { firstUpdate: '2026-04-01T00:00:00Z' })], PERIOD, []);
    assert.deepEqual(m.firstUpdate, { median: 60, p90: 60, measured: 1, withoutUpdate: 0, notMeasured: 0 });
  });
});

describe('time to resolve', () => {
  test('median minutes per impact over incidents resolved by E', () => {
    // none: g 45. minor: c 30, i 60 → 45. major: d 60, a 120, e 300 → 120 (h open at E).
    // critical: b 180 (f open).
    const m = transparencyMeasures(RECORD, PERIOD, []);
    assert.deepEqual(m.timeToResolve, {
      none: { median: 45, measured: 1 },
      minor: { median: 45, measured: 2 },
      major: { median: 120, measured: 3 },
      critical: { median: 180, measured: 1 },
    });
  });

  test('resolved exactly at E is resolved, not open', () => {
    const m = transparencyMeasures([incident('r', '2026-03-31T23:00:00Z', { resolved: '2026-04-01T00:00:00Z' })], PERIOD, []);
    assert.equal(m.open, 0);
    assert.deepEqual(m.timeToResolve.major, { median: 60, measured: 1 });
    assert.deepEqual(m.timeToResolve.critical, { median: null, measured: 0 });
  });
});

describe('postmortems', () => {
  test('due: major and critical resolved by E − 14 days; published: on record by E or undated', () => {
    // Due: a, b, d, e (f and h are open). Published: a (dated 2026-01-13), b (undated) → 2 of 4.
    // Days to publish: a only, 70 hours = 2.916… days → 2.9.
    const m = transparencyMeasures(RECORD, PERIOD, []);
    assert.deepEqual(m.postmortems, { due: 4, published: 2, share: 0.5, medianDaysToPublish: 2.9 });
  });

  test('the grace period, a postmortem after E, minor incidents, and the median of days', () => {
    const record = [
      // Resolved exactly at E − 14 days (2026-03-18T00:00Z): due; published 3 days later.
      incident('p1', '2026-03-17T23:00:00Z', { resolved: 60, postmortem: postmortem('2026-03-21T00:00:00Z') }),
      // Resolved a minute later: not due yet, though it has a postmortem.
      incident('p2', '2026-03-17T23:01:00Z', { resolved: 60, postmortem: postmortem('2026-03-19T00:00:00Z') }),
      // Due, its postmortem published after E: not on record at E.
      incident('p3', '2026-02-01T00:00:00Z', { impact: 'critical', resolved: 60, postmortem: postmortem('2026-04-02T00:00:00Z') }),
      // Due; postmortem dated an hour before the incident was resolved: 0 days.
      incident('p4', '2026-02-01T00:00:00Z', { resolved: 120, postmortem: postmortem('2026-02-01T01:00:00Z') }),
      // Due; published 6 days and 12 hours after resolution (2026-02-02T00:00Z → 02-08T12:00Z).
      incident('p5', '2026-02-01T00:00:00Z', { resolved: 1440, postmortem: postmortem('2026-02-08T12:00:00Z') }),
      // Minor, with a postmortem: never due.
      incident('p6', '2026-02-01T00:00:00Z', { impact: 'minor', resolved: 60, postmortem: postmortem('2026-02-02T00:00:00Z') }),
    ];
    // Due p1 p3 p4 p5; published p1 p4 p5 → 3 of 4 = 0.75. Days: p4 0, p1 3, p5 6.5 → median 3.
    const m = transparencyMeasures(record, PERIOD, []);
    assert.deepEqual(m.postmortems, { due: 4, published: 3, share: 0.75, medianDaysToPublish: 3 });
    // Without p1: days 0 and 6.5, an even count → 3.25 → 3.3 (one decimal).
    assert.equal(transparencyMeasures(record.filter((i) => i.id !== 'p1'), PERIOD, []).postmortems.medianDaysToPublish, 3.3);
  });

  test('nothing due: share and days are null', () => {
    const m = transparencyMeasures([incident('q', '2026-03-30T00:00:00Z', { resolved: 60 })], PERIOD, []);
    assert.deepEqual(m.postmortems, { due: 0, published: 0, share: null, medianDaysToPublish: null });
  });
});

describe('updates per incident hour', () => {
  test('updates posted while open over the hours open, open ones to E', () => {
    // Updates while open: a 3, b 2, f 2, g 1, i 1 = 9 (d's came after it was resolved, h's after E).
    // Minutes open: a 120, b 180, c 30, d 60, e 300, f 2880, g 45, h 120, i 60 = 3,795 = 63.25 h.
    // 9 / 63.25 = 0.1423 → 0.14.
    assert.equal(transparencyMeasures(RECORD, PERIOD, []).updatesPerIncidentHour, 0.14);
  });

  test('an update at the start and one at the resolution both count', () => {
    // 3 updates (0, 30, 60) over one hour.
    const m = transparencyMeasures([incident('u', '2026-02-01T00:00:00Z', { firstUpdate: 0, updates: [0, 30, 60, 61], resolved: 60 })], PERIOD, []);
    assert.equal(m.updatesPerIncidentHour, 3);
  });

  test('null when no incident was open for any time; null too without incidents', () => {
    const m = transparencyMeasures([incident('z', '2026-02-01T00:00:00Z', { firstUpdate: 0, updates: [0], resolved: 0 })], PERIOD, []);
    assert.equal(m.updatesPerIncidentHour, null);
    assert.equal(transparencyMeasures([], PERIOD, []).updatesPerIncidentHour, null);
  });
});

describe('longest silence', () => {
  test('the longest gap between posts while open, over incidents on the status page', () => {
    // a 60, b 150 (its updates given out of order), f 2805 (open: +75 to E), g 40, i 30; c and e
    // have no update, d's only update came after it was resolved, h's after E.
    const m = transparencyMeasures(RECORD, PERIOD, []);
    assert.deepEqual(m.longestSilence, { minutes: 2805, incidentId: 'f', title: 'Incident f' });
    const withoutF = transparencyMeasures(RECORD.filter((i) => i.id !== 'f'), PERIOD, []);
    assert.deepEqual(withoutF.longestSilence, { minutes: 150, incidentId: 'b', title: 'Incident b' });
  });

  test('the wait for the first post is not a silence; firstUpdateAt counts as a post', () => {
    // Start → +300 is the first update's wait (firstUpdateAt, typed in, not among the updates);
    // then +300 → +390 (an update) → +400 resolved: the longest silence is 90, not 300 nor 10.
    const m = transparencyMeasures([incident('w', '2026-02-01T00:00:00Z', { firstUpdate: 300, updates: [390], resolved: 400 })], PERIOD, []);
    assert.deepEqual(m.longestSilence, { minutes: 90, incidentId: 'w', title: 'Incident w' });
    // No update listed at all, only a firstUpdateAt: from it to the resolution, 100.
    const typedIn = transparencyMeasures([incident('v', '2026-02-01T00:00:00Z', { firstUpdate: 300, resolved: 400 })], PERIOD, []);
    assert.deepEqual(typedIn.longestSilence, { minutes: 100, incidentId: 'v', title: 'Incident v' });
  });

  test('an incident never on the status page is not measured, however long it ran', () => {
    const record = [
      incident('n', '2026-02-01T00:00:00Z', { onStatusPage: false, firstUpdate: 1, updates: [1], resolved: 5000 }),
      incident('o', '2026-02-03T00:00:00Z', { firstUpdate: 1, updates: [1], resolved: 11 }),
    ];
    assert.deepEqual(transparencyMeasures(record, PERIOD, []).longestSilence, { minutes: 10, incidentId: 'o', title: 'Incident o' });
    assert.equal(transparencyMeasures(record.slice(0, 1), PERIOD, []).longestSilence, null);
  });

  test('a tie goes to the incident that started first, whatever the order given', () => {
    const early = incident('t2', '2026-02-01T00:00:00Z', { firstUpdate: 0, updates: [0], resolved: 30 });
    const late = incident('t1', '2026-02-02T00:00:00Z', { firstUpdate: 0, updates: [0], resolved: 30 });
    assert.equal(transparencyMeasures([late, early], PERIOD, []).longestSilence?.incidentId, 't2');
    assert.equal(transparencyMeasures([early, late], PERIOD, []).longestSilence?.incidentId, 't2');
  });
});

describe('availability', () => {
  test('components used: overlaps merged, incidents without components counted, others left out', () => {
    // API or Database: a 10:00–12:00 ∪ b 11:00–14:00 = 240 min in January; d 60 in February;
    // f (no components) 2,880 in March, h inside it. e (Storage) and x1 (before the period) not.
    // Period: 100 · (1 − 3180 / 129600) = 97.546. January 100 · (1 − 240 / 44640) = 99.462;
    // February 100 · (1 − 60 / 40320) = 99.851; March 100 · (1 − 2880 / 44640) = 93.548.
    const m = transparencyMeasures(RECORD, PERIOD, ['API', 'Database']);
    assert.deepEqual(m.availability, { percent: 97.546, worstMonth: { month: '2026-03', percent: 93.548 }, componentsUsed: ['API', 'Database'] });
  });

  test('no components chosen: every major and critical incident counts', () => {
    // Adds e: 300 more in March. 100 · (1 − 3480 / 129600) = 97.315; March 100 · (1 − 3180 / 44640) = 92.876.
    const m = transparencyMeasures(RECORD, PERIOD, []);
    assert.deepEqual(m.availability, { percent: 97.315, worstMonth: { month: '2026-03', percent: 92.876 }, componentsUsed: [] });
  });

  test('one component: only its incidents and those without components', () => {
    // API: a 120 in January (b is Database's), d 60, f 2,880 (h is Database's).
    // 100 · (1 − 3060 / 129600) = 97.639; March still the worst at 93.548.
    const m = transparencyMeasures(RECORD, PERIOD, ['API']);
    assert.deepEqual(m.availability, { percent: 97.639, worstMonth: { month: '2026-03', percent: 93.548 }, componentsUsed: ['API'] });
  });

  test('months clipped to the period; with no downtime the first month is the worst at 100', () => {
    // 2026-01-15 … 2026-02-10: 27 days (38,880 min); January 17 days, February 10 (14,400 min).
    const period = { from: '2026-01-15', to: '2026-02-10' };
    const outage = incident('m', '2026-02-05T00:00:00Z', { resolved: 60 });
    // 100 · (1 − 60 / 38880) = 99.846; February 100 · (1 − 60 / 14400) = 99.583.
    assert.deepEqual(transparencyMeasures([outage], period, []).availability, { percent: 99.846, worstMonth: { month: '2026-02', percent: 99.583 }, componentsUsed: [] });
    const minor = incident('n', '2026-02-05T00:00:00Z', { impact: 'minor', resolved: 60 });
    assert.deepEqual(transparencyMeasures([minor], period, []).availability, { percent: 100, worstMonth: { month: '2026-01', percent: 100 }, componentsUsed: [] });
  });

  test('null when no incident started in the period', () => {
    const m = transparencyMeasures(RECORD.filter((i) => i.id.startsWith('x')), PERIOD, []);
    assert.equal(m.total, 0);
    assert.equal(m.availability, null);
    assert.deepEqual([m.firstUpdate.median, m.firstUpdate.p90, m.longestSilence], [null, null, null]);
  });
});

describe('the period', () => {
  test('a single day is 24 hours, from 00:00Z to the next 00:00Z', () => {
    const period = { from: '2026-02-01', to: '2026-02-01' };
    const record = [incident('d1', '2026-02-01T23:59:00Z', { resolved: 600 }), incident('d2', '2026-02-02T00:00:00Z', { resolved: 10 })];
    const m = transparencyMeasures(record, period, []);
    // d1 only, down from 23:59 to E (1 minute of 1,440): 100 · (1 − 1 / 1440) = 99.931.
    assert.equal(m.total, 1);
    assert.equal(m.open, 1);
    assert.deepEqual(m.availability?.percent, 99.931);
  });

  test('dates that are not YYYY-MM-DD, or a period that ends before it starts, are refused', () => {
    assert.throws(() => transparencyMeasures([], { from: '2026-02-30', to: '2026-03-01' }, []), RangeError);
    assert.throws(() => transparencyMeasures([], { from: '2026-03-02', to: '2026-03-01' }, []), RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: random records in a period of 2026-01-30 … 2026-03-02 (three months touched).
// ---------------------------------------------------------------------------------------------
const P_PERIOD = { from: '2026-01-30', to: '2026-03-02' };
const P_FROM = Date.parse('2026-01-30T00:00:00Z');
const P_END = Date.parse('2026-03-03T00:00:00Z');
const P_MINUTES = (P_END - P_FROM) / MIN;
const COMPONENTS = ['API', 'Database', 'CDN'];

const randomIncident = fc
  .record({
    startMinute: fc.integer({ min: -2000, max: P_MINUTES + 500 }),
    length: fc.option(fc.integer({ min: 0, max: 6000 }), { nil: null }),
    firstUpdate: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
    updates: fc.array(fc.integer({ min: 0, max: 7000 }), { maxLength: 5 }),
    impact: fc.constantFrom<IncidentImpact>('none', 'minor', 'major', 'critical'),
    components: fc.subarray(COMPONENTS),
    onStatusPage: fc.boolean(),
  });

const records = fc.array(randomIncident, { maxLength: 25 }).map((rows) =>
  rows.map((r, k) =>
    incident(`r${k}`, iso(P_FROM + r.startMinute * MIN), {
      impact: r.impact, components: r.components, onStatusPage: r.onStatusPage,
      resolved: r.length, firstUpdate: r.firstUpdate, updates: r.updates,
    }),
  ),
);

/** Availability the slow way: every minute of the period marked down or up, each month's minutes counted. */
function oracle(record: Incident[], used: string[]): { percent: number; worst: { month: string; percent: number } } | null {
  const inPeriod = record.filter((i) => Date.parse(i.startedAt) >= P_FROM && Date.parse(i.startedAt) < P_END);
  if (inPeriod.length === 0) return null;
  const downs = inPeriod
    .filter((i) => i.impact === 'major' || i.impact === 'critical')
    .filter((i) => used.length === 0 || i.components.length === 0 || i.components.some((c) => used.includes(c)))
    .map((i) => [Date.parse(i.startedAt), i.resolvedAt === null ? P_END : Math.min(Date.parse(i.resolvedAt), P_END)] as const);
  const isDown = new Uint8Array(P_MINUTES);
  for (const [s, e] of downs) isDown.fill(1, (s - P_FROM) / MIN, Math.max((s - P_FROM) / MIN, (e - P_FROM) / MIN));
  const months = new Map<string, { all: number; down: number }>();
  let down = 0;
  let m = { all: 0, down: 0 };
  for (let k = 0; k < P_MINUTES; k++) {
    if (k % 1440 === 0) {
      // A new day: perhaps a new month.
      const month = iso(P_FROM + k * MIN).slice(0, 7);
      m = months.get(month) ?? { all: 0, down: 0 };
      months.set(month, m);
    }
    m.all++;
    m.down += isDown[k]!;
    down += isDown[k]!;
  }
  let worst = { month: '', ratio: Infinity };
  for (const [month, m] of months) if (1 - m.down / m.all < worst.ratio) worst = { month, ratio: 1 - m.down / m.all };
  const r3 = (n: number) => Math.round(n * 1000) / 1000;
  return { percent: r3(100 * (1 - down / P_MINUTES)), worst: { month: worst.month, percent: r3(100 * worst.ratio) } };
}

describe('properties', () => {
  test('parseInstant reads every instant as Date.parse does, fast path or not', () => {
    // Years 0000 … 9999, with and without milliseconds.
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), fc.boolean(), (ms, withMs) => {
        const text = withMs ? iso(ms) : iso(ms).replace(/\.\d{3}Z$/, 'Z');
        assert.equal(parseInstant(text), Date.parse(text), text);
        return true;
      }),
      { numRuns: 2000 },
    );
    for (const text of [
      '2026-03-29T02:30:00+02:00', '2026-03-29T02:30Z', '2024-02-29T12:00:00Z', '2026-02-29T12:00:00Z', '2026-04-31T00:00:00Z',
      '2026-12-31T24:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-01T00:60:00Z', '2026-01-01T00:00:61Z',
      '20x6-01-01T00:00:00Z', '2026-01-01T00:00:00.5Z', '2026-01-01 00:00:00Z', '', 'not a date at all!!!',
    ]) {
      assert.ok(Object.is(parseInstant(text), Date.parse(text)), `${JSON.stringify(text)}: ${parseInstant(text)} vs Date.parse ${Date.parse(text)}`);
    }
  });

  test('availability matches a minute-by-minute count, and stays within 0 … 100', () => {
    fc.assert(
      fc.property(records, fc.subarray(COMPONENTS), (record, used) => {
        const got = transparencyMeasures(record, P_PERIOD, used).availability;
        const want = oracle(record, used);
        if (want === null) return got === null;
        assert.ok(got !== null, 'incidents in the period give an estimate');
        assert.ok(got.percent >= 0 && got.percent <= 100, `availability ${got.percent} within 0 … 100`);
        assert.ok(got.worstMonth !== null && got.worstMonth.percent <= got.percent, 'the worst month is no better than the period');
        assert.deepEqual({ percent: got.percent, worst: got.worstMonth }, want);
        return true;
      }),
      { numRuns: 150 },
    );
  });

  test('medians lie between the least and the most; p90 at least the median; counts add up', () => {
    fc.assert(
      fc.property(records, (record) => {
        const m = transparencyMeasures(record, P_PERIOD, []);
        assert.equal(m.firstUpdate.measured + m.firstUpdate.withoutUpdate + m.firstUpdate.notMeasured, m.total, 'every incident measured, without a public update, or not measurable');
        assert.equal(Object.values(m.byImpact).reduce((a, b) => a + b, 0) + m.impactUnknown, m.total, 'impacts (and unknown ones) add up to the total');
        assert.ok(m.postmortems.published <= m.postmortems.due, 'never more published than due');
        const inPeriod = record.filter((i) => Date.parse(i.startedAt) >= P_FROM && Date.parse(i.startedAt) < P_END);
        const minutes = inPeriod
          .filter((i) => i.onStatusPage && i.source !== 'feed' && i.source !== 'instatus' && i.firstUpdateAt !== null && Date.parse(i.firstUpdateAt) <= P_END)
          .map((i) => Math.max(0, Date.parse(i.firstUpdateAt!) - Date.parse(i.startedAt)) / MIN);
        if (minutes.length === 0) return m.firstUpdate.median === null && m.firstUpdate.p90 === null;
        const { median, p90 } = m.firstUpdate;
        assert.ok(median !== null && p90 !== null, 'measured incidents give a median and a p90');
        assert.ok(median >= Math.min(...minutes) && median <= Math.max(...minutes), `median ${median} within ${Math.min(...minutes)} … ${Math.max(...minutes)}`);
        assert.ok(p90 >= median && p90 <= Math.max(...minutes), `p90 ${p90} between the median ${median} and the most`);
        return true;
      }),
      { numRuns: 150 },
    );
  });

  test('the order the record is given in changes nothing; choosing components never lowers availability', () => {
    fc.assert(
      fc.property(records, fc.subarray(COMPONENTS, { minLength: 1 }), (record, used) => {
        const forward = transparencyMeasures(record, P_PERIOD, used);
        assert.deepEqual(transparencyMeasures([...record].reverse(), P_PERIOD, used), forward);
        const all = transparencyMeasures(record, P_PERIOD, []).availability;
        if (all !== null) assert.ok(forward.availability !== null && forward.availability.percent >= all.percent, 'a filter only removes downtime');
        return true;
      }),
      { numRuns: 100 },
    );
  });
});

describe('what a source cannot tell', () => {
  test('a feed gives no impact and no start apart from its first post; Instatus no start; an incident never on the status page no public update', () => {
    const record = [
      // From a feed: impact is a placeholder, start = first post.
      { ...incident('feed', '2026-02-01T00:00:00Z', { impact: 'minor', firstUpdate: 0, resolved: 600 }), source: 'feed' as const },
      // From Instatus: the impact is real, the start is the first post.
      { ...incident('inst', '2026-02-02T00:00:00Z', { impact: 'major', firstUpdate: 0, resolved: 60 }), source: 'instatus' as const },
      // Typed in as never on the status page, with the time our on-call noted it: not a public update.
      incident('ours', '2026-02-03T00:00:00Z', { impact: 'major', firstUpdate: 5, updates: [5], resolved: 30, onStatusPage: false }),
      // Statuspage: measured.
      { ...incident('page', '2026-02-04T00:00:00Z', { impact: 'critical', firstUpdate: 20, resolved: 40 }), source: 'statuspage' as const },
    ];
    const m = transparencyMeasures(record, PERIOD, []);
    assert.equal(m.total, 4);
    assert.deepEqual(m.byImpact, { none: 0, minor: 0, major: 2, critical: 1 }, 'the feed incident is not counted as minor');
    assert.equal(m.impactUnknown, 1);
    assert.deepEqual(m.firstUpdate, { median: 20, p90: 20, measured: 1, withoutUpdate: 1, notMeasured: 2 });
    assert.equal(m.timeToResolve.minor.measured, 0, 'no resolve time for an impact the source did not give');
    // Down: inst 60 + ours 30 + page 40 = 130 minutes of 129,600; the feed's 600 minutes are not counted.
    assert.equal(m.availability?.percent, Math.round(100_000 * (1 - 130 / 129_600)) / 1000);
  });

  test('a record only from a feed estimates no availability', () => {
    const m = transparencyMeasures([{ ...incident('feed', '2026-02-01T00:00:00Z', { impact: 'minor', firstUpdate: 0, resolved: 600 }), source: 'feed' as const }], PERIOD, []);
    assert.equal(m.availability, null, 'nothing with a known impact: no estimate, so an uptime claim is untested');
  });
});
