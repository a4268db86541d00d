// occurrences() (shared/maintenance/expand.ts) against a brute-force oracle that shares no code
// with it: local wall times come from Intl.DateTimeFormat#formatToParts for every UTC minute the
// oracle looks at, each start is found by scanning those minutes for the wall time (the earliest
// when it happens twice; in a spring-forward gap, the wall time minus the offset in force just
// before the gap, RFC 5545 3.3.5), and the rule's days (weekday, nth/last weekday, interval, COUNT,
// UNTIL, EXDATE) are walked by the oracle's own calendar code.
//
// Random schedules come from a seeded generator: a failure prints the seed of the case, and
// MAINTENANCE_SEED=<n> runs another sequence.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RecurringSchedule, Schedule, SetPosition, Span, Weekday } from '../../shared/domain/maintenance';
import { occurrences, type Occurrence } from '../../shared/maintenance/expand';
import { seededRandom } from '../../shared/random';

const MIN = 60_000;
const DAY = 86_400_000;
const SEED = Number(process.env['MAINTENANCE_SEED'] ?? 20261214);
const CASES = 400;

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

/**
 * A zone's wall clock read from Intl minute by minute, one UTC day at a time as the oracle needs
 * it. A wall time is counted in minutes since 1970-01-01T00:00 "as if local were UTC".
 */
class WallClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly days = new Map<number, Float64Array>();
  /** Each wall minute seen → the earliest UTC minute that shows it. */
  private readonly earliest = new Map<number, number>();

  constructor(zone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
  }

  private day(utcDay: number): Float64Array {
    let walls = this.days.get(utcDay);
    if (walls) return walls;
    walls = new Float64Array(1440);
    for (let i = 0; i < 1440; i++) {
      const u = utcDay * 1440 + i;
      const p: Record<string, number> = {};
      for (const part of this.format.formatToParts(new Date(u * MIN))) p[part.type] = Number(part.value);
      const w = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!) / MIN;
      walls[i] = w;
      const seen = this.earliest.get(w);
      if (seen === undefined || u < seen) this.earliest.set(w, u);
    }
    this.days.set(utcDay, walls);
    return walls;
  }

  private wallAt(u: number): number {
    return this.day(Math.floor(u / 1440))[u - Math.floor(u / 1440) * 1440]!;
  }

  /** The UTC minute a local day's wall time starts at, by RFC 5545's rules. */
  start(localDay: number, minutes: number): number {
    // Offsets are within −12 h … +14 h, so that wall time can only be shown within these UTC days.
    for (const d of [localDay - 1, localDay, localDay + 1]) this.day(d);
    const target = localDay * 1440 + minutes;
    const hit = this.earliest.get(target);
    if (hit !== undefined) return hit;
    for (let u = (localDay - 1) * 1440; u < (localDay + 2) * 1440 - 1; u++) {
      const before = this.wallAt(u);
      if (before < target && this.wallAt(u + 1) > target) return target - (before - u);
    }
    throw new Error(`oracle: no minute near local day ${localDay} shows or skips ${minutes}`);
  }
}

const clocks = new Map<string, WallClock>();
const clockOf = (zone: string) => {
  let c = clocks.get(zone);
  if (!c) clocks.set(zone, (c = new WallClock(zone)));
  return c;
};

const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** Sunday 0 … Saturday 6, as Date has it. */
const jsWeekday = (day: number) => new Date(day * DAY).getUTCDay();
const NAMES: Weekday[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const mondayOf = (day: number) => day - ((jsWeekday(day) + 6) % 7);

/** The days the rule names, in order from its first day up to `last`, before COUNT and EXDATE. */
function ruleDays(s: RecurringSchedule, last: number): number[] {
  const from = dayOf(s.from);
  const end = s.until === null ? last : Math.min(last, dayOf(s.until));
  const out: number[] = [];
  if (s.freq === 'weekly') {
    for (let d = from; d <= end; d++) {
      const week = (mondayOf(d) - mondayOf(from)) / 7;
      if (s.byDay.includes(NAMES[jsWeekday(d)]!) && week % s.interval === 0) out.push(d);
    }
    return out;
  }
  const first = new Date(from * DAY);
  for (let k = 0; ; k += s.interval) {
    const y = first.getUTCFullYear() + Math.floor((first.getUTCMonth() + k) / 12);
    const m = (first.getUTCMonth() + k) % 12;
    const candidates: number[] = [];
    for (let date = 1; date <= 31; date++) {
      const t = new Date(Date.UTC(y, m, date));
      if (t.getUTCMonth() !== m) break;
      if (NAMES[t.getUTCDay()] === s.byDay[0]) candidates.push(Math.round(t.getTime() / DAY));
    }
    if (candidates[0]! - 7 > end) return out;
    const d = s.setPos === -1 ? candidates[candidates.length - 1]! : candidates[s.setPos! - 1]!;
    if (d >= from && d <= end) out.push(d);
  }
}

/** The oracle's occurrences overlapping the span, and the span's minutes they cover. */
function oracle(s: RecurringSchedule, span: Span): { occ: Occurrence[]; covered: Uint8Array } {
  const lastDay = Math.floor(span.end / DAY) + 2;
  let days = ruleDays(s, lastDay);
  if (s.count !== null) days = days.slice(0, s.count); // an excluded day still counts (RFC 5545)
  days = days.filter((d) => !s.exDates.includes(isoOf(d)));
  const [hh, mm] = s.startTime.split(':').map(Number) as [number, number];
  const covered = new Uint8Array((span.end - span.start) / MIN);
  const occ: Occurrence[] = [];
  // A start on a local day earlier than this cannot reach the span, even at UTC−12 with 23:59.
  const firstUseful = Math.floor((span.start - s.durationMinutes * MIN) / DAY) - 2;
  for (const d of days) {
    if (d < firstUseful) continue;
    const start = clockOf(s.timeZone).start(d, hh * 60 + mm) * MIN;
    const end = start + s.durationMinutes * MIN;
    if (end <= span.start || start >= span.end) continue;
    occ.push({ start, end, day: isoOf(d) });
    for (let t = Math.max(start, span.start); t < Math.min(end, span.end); t += MIN) covered[(t - span.start) / MIN] = 1;
  }
  return { occ, covered };
}

function coveredBy(occ: Occurrence[], span: Span): Uint8Array {
  const covered = new Uint8Array((span.end - span.start) / MIN);
  for (const o of occ) for (let t = Math.max(o.start, span.start); t < Math.min(o.end, span.end); t += MIN) covered[(t - span.start) / MIN] = 1;
  return covered;
}

/** Covered minutes as ISO runs, so a mismatch reads as times rather than as a bit string. */
function runs(covered: Uint8Array, span: Span): string[] {
  const out: string[] = [];
  for (let i = 0; i < covered.length; i++) {
    if (!covered[i] || covered[i - 1]) continue;
    let j = i;
    while (covered[j + 1]) j++;
    out.push(`${new Date(span.start + i * MIN).toISOString()}–${new Date(span.start + (j + 1) * MIN).toISOString()}`);
  }
  return out;
}

const show = (occ: Occurrence[]) => occ.map((o) => `${o.day} ${new Date(o.start).toISOString()}–${new Date(o.end).toISOString()}`);

function assertMatchesOracle(s: RecurringSchedule, span: Span, label: string): Occurrence[] {
  const got = occurrences(s, span);
  const want = oracle(s, span);
  const context = `${label}\n  schedule ${JSON.stringify(s)}\n  span ${new Date(span.start).toISOString()}–${new Date(span.end).toISOString()}`;
  assert.deepEqual(show(got), show(want.occ), `starts, days and ends differ from the oracle's\n${context}`);
  assert.deepEqual(runs(coveredBy(got, span), span), runs(want.covered, span), `covered minutes differ from the oracle's\n${context}`);
  return got;
}

// ---------------------------------------------------------------------------------------------
// Random schedules
// ---------------------------------------------------------------------------------------------

const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'UTC'];
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const offsetName = (zone: string, t: number) => {
  let f = offsetFormats.get(zone);
  if (!f) offsetFormats.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
  return f.formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')!.value;
};

/** Per zone, the instants of its 2026 offset changes (an hourly Intl scan); zones without any get two fixed dates. */
const ANCHORS = new Map<string, number[]>(
  ZONES.map((zone) => {
    const found: number[] = [];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      if (offsetName(zone, t) !== offsetName(zone, t + 3_600_000)) found.push(t + 3_600_000);
    }
    return [zone, found.length > 0 ? found : [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)]];
  }),
);

interface Case {
  schedule: RecurringSchedule;
  span: Span;
}

function randomCase(seed: number): Case {
  const r = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;

  const zone = pick(ZONES);
  const anchor = pick(ANCHORS.get(zone)!);
  // A span of one and a half to three weeks with the transition inside; sometimes whole UTC days
  // (as rangeSpan gives), sometimes from any minute to any minute.
  const spanStart = Math.floor(anchor / DAY) * DAY + int(-10, -1) * DAY + (chance(0.5) ? 0 : int(0, 1439) * MIN);
  const span = { start: spanStart, end: spanStart + int(11, 21) * DAY - (chance(0.5) ? 0 : int(0, 1439) * MIN) };

  // Start times: often near the zone's own transition hour (gaps and repeats), often near midnight, or anywhere.
  const transitionWall = (() => {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(anchor)).map((x) => [x.type, Number(x.value)]),
    );
    return p['hour']! * 60 + p['minute']!;
  })();
  const startMinutes = (() => {
    const roll = r();
    const m = roll < 0.45 ? transitionWall + int(-90, 90) : roll < 0.7 ? 22 * 60 + int(0, 239) : int(0, 1439);
    const snapped = chance(0.5) ? Math.round(m / 30) * 30 : m;
    return ((snapped % 1440) + 1440) % 1440;
  })();
  const startTime = `${String(Math.floor(startMinutes / 60)).padStart(2, '0')}:${String(startMinutes % 60).padStart(2, '0')}`;
  const durationMinutes = (() => {
    const roll = r();
    if (roll < 0.55) return int(1, 240);
    if (roll < 0.85) return int(240, 1560); // often across midnight
    if (roll < 0.95) return int(1440, 4320);
    return int(4320, 7 * 1440); // up to a week: occurrences of a multi-day rule overlap each other
  })();

  const freq = chance(0.6) ? 'weekly' : 'monthly';
  const all: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  const byDay = freq === 'weekly' ? all.filter(() => chance(0.3)) : [pick(all)];
  if (byDay.length === 0) byDay.push(pick(all));
  let setPos: SetPosition | null = freq === 'monthly' ? pick([1, 2, 3, 4, -1] as const) : null;
  const interval = pick([1, 1, 2, 3]);

  const spanDay = Math.floor(span.start / DAY);
  let fromDay = chance(0.7) ? spanDay - int(0, 21) : chance(0.5) ? spanDay - int(22, 150) : spanDay + int(0, 10);
  // A monthly rule rarely lands in a span of a few weeks by chance: most aim at the transition's
  // own local day (its weekday and position in the month), from a month the interval reaches.
  if (freq === 'monthly' && chance(0.7)) {
    const local = Date.UTC(...(() => {
      const p = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(anchor)).map((x) => [x.type, Number(x.value)]),
      );
      return [p['year']!, p['month']! - 1, p['day']!] as const;
    })()) / DAY;
    const date = new Date(local * DAY);
    byDay[0] = NAMES[date.getUTCDay()]!;
    const nth = Math.ceil(date.getUTCDate() / 7);
    const last = new Date((local + 7) * DAY).getUTCMonth() !== date.getUTCMonth();
    setPos = last && (nth > 4 || chance(0.5)) ? -1 : (nth as SetPosition);
    fromDay = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - interval * int(0, 2), int(1, 3)) / DAY;
  }
  const bound = r();
  const until = bound < 0.3 ? isoOf(Math.max(fromDay, spanDay + (chance(0.8) ? int(2, 20) : int(-3, 1)))) : null;
  const count = bound >= 0.3 && bound < 0.6 ? int(1, freq === 'weekly' ? 12 : 5) : null;

  const base: RecurringSchedule = {
    kind: 'recurring', freq, byDay, setPos, interval, startTime, durationMinutes, timeZone: zone,
    from: isoOf(fromDay), until, count, exDates: [],
  };
  // EXDATEs mostly on days the rule names (so they bite), sometimes on any day.
  const named = ruleDays(base, Math.floor(span.end / DAY) + 2);
  const exDates = new Set<string>();
  const n = chance(0.4) ? int(1, 4) : 0;
  for (let i = 0; i < n; i++) exDates.add(chance(0.8) && named.length > 0 ? isoOf(pick(named)) : isoOf(spanDay + int(-5, 20)));
  return { schedule: { ...base, exDates: [...exDates].sort() }, span };
}

describe('occurrences() equals the brute-force oracle', () => {
  test(`${CASES} random schedules in ${ZONES.length} zones around their DST changes (seed ${SEED})`, () => {
    let total = 0;
    let withOccurrences = 0;
    for (let i = 0; i < CASES; i++) {
      const seed = SEED + i;
      const { schedule, span } = randomCase(seed);
      const got = assertMatchesOracle(schedule, span, `case seed ${seed} (MAINTENANCE_SEED=${SEED}, case ${i})`);
      total += got.length;
      if (got.length > 0) withOccurrences++;
    }
    // Guards the generator: most cases must produce something to compare.
    assert.ok(withOccurrences > CASES * 0.6, `only ${withOccurrences} of ${CASES} cases had occurrences (${total} in all)`);
  });
});

// ---------------------------------------------------------------------------------------------
// Named cases (each also checked against the oracle)
// ---------------------------------------------------------------------------------------------

const weekly = (over: Partial<RecurringSchedule>): RecurringSchedule => ({
  kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:30', durationMinutes: 60,
  timeZone: 'Europe/Berlin', from: '2026-01-04', until: null, count: null, exDates: [], ...over,
});
const spanOf = (from: string, to: string): Span => ({ start: Date.parse(`${from}T00:00:00Z`), end: Date.parse(`${to}T00:00:00Z`) });
const iso = (ms: number) => new Date(ms).toISOString();

describe('named cases', () => {
  test('Sunday 02:30 Europe/Berlin on the spring-forward night starts at 01:30Z (03:30 CEST) and lasts an hour', () => {
    const got = assertMatchesOracle(weekly({}), spanOf('2026-03-29', '2026-03-30'), 'spring');
    assert.deepEqual(got.map((o) => [iso(o.start), iso(o.end), o.day]), [['2026-03-29T01:30:00.000Z', '2026-03-29T02:30:00.000Z', '2026-03-29']]);
  });

  test('Sunday 02:30 Europe/Berlin on the fall-back night is the first 02:30 (00:30Z)', () => {
    const got = assertMatchesOracle(weekly({}), spanOf('2026-10-25', '2026-10-26'), 'autumn');
    assert.deepEqual(got.map((o) => iso(o.start)), ['2026-10-25T00:30:00.000Z']);
  });

  test('the Sundays either side of each change keep 02:30 local', () => {
    const got = assertMatchesOracle(weekly({}), spanOf('2026-03-20', '2026-04-07'), 'March');
    assert.deepEqual(got.map((o) => iso(o.start)), ['2026-03-22T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-04-05T00:30:00.000Z']);
  });

  test('a Saturday 23:00 window of 180 minutes crosses midnight and the DST change in elapsed time', () => {
    const s = weekly({ byDay: ['SA'], startTime: '23:00', durationMinutes: 180 });
    const got = assertMatchesOracle(s, spanOf('2026-03-28', '2026-03-30'), 'midnight and DST');
    // 23:00 CET is 22:00Z; three hours later it is 01:00Z, which Berlin calls 03:00 CEST (not 02:00).
    assert.deepEqual(got.map((o) => [iso(o.start), iso(o.end), o.day]), [['2026-03-28T22:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-28']]);
    const autumn = assertMatchesOracle(s, spanOf('2026-10-24', '2026-10-26'), 'midnight and DST, autumn');
    assert.deepEqual(autumn.map((o) => [iso(o.start), iso(o.end)]), [['2026-10-24T21:00:00.000Z', '2026-10-25T00:00:00.000Z']]);
  });

  test('an occurrence that starts before the span but reaches into it is included', () => {
    const s = weekly({ byDay: ['SA'], startTime: '23:00', durationMinutes: 180 });
    const got = assertMatchesOracle(s, { start: Date.parse('2026-03-29T00:30:00Z'), end: Date.parse('2026-03-29T06:00:00Z') }, 'reaching in');
    assert.deepEqual(got.map((o) => o.day), ['2026-03-28']);
  });

  test('an evening window west of UTC reaches into a span that starts on the next UTC day', () => {
    // Saturday 22:00 EST is Sunday 03:00Z: an occurrence of the local day before the span's first
    // UTC day still reaches into it, so the walk must begin that early.
    const s = weekly({ byDay: ['SA'], startTime: '22:00', durationMinutes: 120, timeZone: 'America/New_York' });
    const got = assertMatchesOracle(s, { start: Date.parse('2026-11-08T04:00:00Z'), end: Date.parse('2026-11-08T12:00:00Z') }, 'west of UTC');
    assert.deepEqual(got.map((o) => [o.day, iso(o.start), iso(o.end)]), [['2026-11-07', '2026-11-08T03:00:00.000Z', '2026-11-08T05:00:00.000Z']]);
  });

  test('COUNT with EXDATE: an excluded occurrence still counts (RFC 5545)', () => {
    const s = weekly({ byDay: ['MO'], startTime: '01:00', from: '2026-03-02', count: 4, exDates: ['2026-03-09'] });
    const got = assertMatchesOracle(s, spanOf('2026-02-01', '2026-05-01'), 'count and exdate');
    assert.deepEqual(got.map((o) => o.day), ['2026-03-02', '2026-03-16', '2026-03-23']);
  });

  test('COUNT counts from the first day even when the span starts later', () => {
    const s = weekly({ byDay: ['MO', 'TH'], startTime: '01:00', from: '2026-03-02', count: 5 });
    const got = assertMatchesOracle(s, spanOf('2026-03-10', '2026-05-01'), 'count later');
    assert.deepEqual(got.map((o) => o.day), ['2026-03-12', '2026-03-16']);
  });

  test('UNTIL is the last local day an occurrence may start, inclusive', () => {
    const s = weekly({ byDay: ['SU'], startTime: '23:30', durationMinutes: 120, until: '2026-03-15' });
    const got = assertMatchesOracle(s, spanOf('2026-03-01', '2026-04-01'), 'until');
    assert.deepEqual(got.map((o) => o.day), ['2026-03-01', '2026-03-08', '2026-03-15']);
  });

  test('every 2 weeks counts weeks from the Monday of the first day (WKST=MO)', () => {
    // From Wednesday 2026-03-04: its week's Monday (2 March) is before the first day, so Monday 16 March comes first.
    const s = weekly({ byDay: ['MO', 'FR'], interval: 2, startTime: '04:00', from: '2026-03-04' });
    const got = assertMatchesOracle(s, spanOf('2026-03-01', '2026-04-15'), 'interval');
    assert.deepEqual(got.map((o) => o.day), ['2026-03-06', '2026-03-16', '2026-03-20', '2026-03-30', '2026-04-03', '2026-04-13']);
  });

  test('monthly: the last Sunday at 02:30 Berlin falls in the gap in March and on the repeated hour in October', () => {
    const s: RecurringSchedule = { ...weekly({}), freq: 'monthly', setPos: -1, from: '2026-01-01' };
    const got = assertMatchesOracle(s, spanOf('2026-01-01', '2027-01-01'), 'last Sunday');
    assert.equal(got.length, 12, 'one a month');
    assert.equal(iso(got[2]!.start), '2026-03-29T01:30:00.000Z');
    assert.equal(iso(got[9]!.start), '2026-10-25T00:30:00.000Z');
  });

  test('monthly every 2 months on the fourth Friday, from a mid-month first day', () => {
    const s: RecurringSchedule = { ...weekly({}), freq: 'monthly', byDay: ['FR'], setPos: 4, interval: 2, from: '2026-01-25', timeZone: 'America/Santiago' };
    const got = assertMatchesOracle(s, spanOf('2026-01-01', '2026-12-31'), 'fourth Friday');
    // January's fourth Friday (the 23rd) is before the first day; then March, May, …
    assert.deepEqual(got.map((o) => o.day), ['2026-03-27', '2026-05-22', '2026-07-24', '2026-09-25', '2026-11-27']);
  });

  test('Santiago: a window at 00:30 on the night clocks skip midnight', () => {
    const s = weekly({ byDay: ['SU'], startTime: '00:30', timeZone: 'America/Santiago' });
    const got = assertMatchesOracle(s, spanOf('2026-09-01', '2026-09-10'), 'Santiago gap');
    assert.deepEqual(got.map((o) => iso(o.start)), ['2026-09-06T04:30:00.000Z']);
  });

  test('a one-off schedule is its own span when it overlaps, nothing otherwise', () => {
    const once: Schedule = { kind: 'once', start: '2026-03-28T22:00:00Z', end: '2026-03-29T03:00:00Z', timeZone: 'Europe/Berlin' };
    assert.deepEqual(occurrences(once, spanOf('2026-03-29', '2026-03-30')), [{ start: Date.parse(once.start), end: Date.parse(once.end), day: '2026-03-28' }]);
    assert.deepEqual(occurrences(once, { start: Date.parse(once.end), end: Date.parse(once.end) + DAY }), [], 'the end is exclusive');
    assert.deepEqual(occurrences(once, { start: 0, end: Date.parse(once.start) }), [], 'so is the span’s');
  });
});
