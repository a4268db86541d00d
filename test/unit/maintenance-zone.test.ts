// Wall times in IANA zones (shared/maintenance/zone.ts) against the platform's Intl read directly:
// offsets through the year, the cached transitions to the minute, and wallToUtc by brute force on
// every local minute of the days around each 2026 transition (RFC 5545 3.3.5: a time in the
// spring-forward gap takes the offset from before the gap; a time that happens twice, the first).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isTimeZone, offsetLabel, offsetMinutes, utcToWall, wallClock, wallDate, wallToUtc, type WallTime } from '../../shared/maintenance/zone';

const MIN = 60_000;
const DAY = 86_400_000;
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'UTC',
];

// The oracle's own reading of Intl: the offset as Intl names it ("GMT+05:30"), a different route
// from the implementation's (which subtracts formatted wall time from the instant).
const offsetNames = new Map<string, Intl.DateTimeFormat>();
function intlOffset(zone: string, instant: number): number {
  let f = offsetNames.get(zone);
  if (!f) offsetNames.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
  const name = f.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  assert.ok(m, `Intl names the offset like GMT+05:30, got ${name}`);
  return m[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();
/** The local wall time of an instant as minutes since the epoch "as if local were UTC", from formatToParts. */
function intlWall(zone: string, instant: number): number {
  let f = wallFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    wallFormats.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!) / MIN;
}

/** Every offset change of 2026 in a zone, by an hourly scan refined to the minute (Intl only). */
function transitions2026(zone: string): number[] {
  const out: number[] = [];
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
    if (intlOffset(zone, t) === intlOffset(zone, t + 3_600_000)) continue;
    let at = t + MIN;
    while (intlOffset(zone, at) === intlOffset(zone, t)) at += MIN;
    out.push(at);
  }
  return out;
}

const wall = (y: number, m: number, d: number, hhmm: string): WallTime => {
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  return { y, m, d, minutes: h * 60 + mi };
};
const utc = (iso: string) => Date.parse(iso);

describe('offsets', () => {
  test('offsetMinutes equals Intl every six hours from 2025-12-30 to 2027-01-02, in every zone', () => {
    for (const zone of ZONES) {
      for (let t = Date.UTC(2025, 11, 30); t < Date.UTC(2027, 0, 2); t += 6 * 3_600_000) {
        assert.equal(offsetMinutes(zone, t), intlOffset(zone, t), `${zone} at ${new Date(t).toISOString()}`);
      }
    }
  });

  test('each 2026 transition is found to the minute: the minute before has the old offset, the minute itself the new', () => {
    const counts: Record<string, number> = {};
    for (const zone of ZONES) {
      const found = transitions2026(zone);
      counts[zone] = found.length;
      for (const at of found) {
        assert.equal(offsetMinutes(zone, at - MIN), intlOffset(zone, at - MIN), `${zone} just before ${new Date(at).toISOString()}`);
        assert.equal(offsetMinutes(zone, at), intlOffset(zone, at), `${zone} at ${new Date(at).toISOString()}`);
        assert.notEqual(intlOffset(zone, at - MIN), intlOffset(zone, at), `${zone} changes offset at ${new Date(at).toISOString()}`);
      }
    }
    // Guards the test itself: the zones were chosen for their transitions (two each, none in Kolkata or UTC).
    assert.deepEqual(counts, {
      'Europe/Berlin': 2, 'America/New_York': 2, 'Australia/Sydney': 2, 'Asia/Kolkata': 0,
      'Australia/Lord_Howe': 2, 'Pacific/Chatham': 2, 'America/Santiago': 2, UTC: 0,
    });
  });

  test('offsetLabel writes signed hours and minutes', () => {
    assert.equal(offsetLabel(0), '+00:00');
    assert.equal(offsetLabel(330), '+05:30');
    assert.equal(offsetLabel(765), '+12:45');
    assert.equal(offsetLabel(-180), '-03:00');
    assert.equal(offsetLabel(-570), '-09:30');
  });
});

describe('wallToUtc and utcToWall, by brute force around every 2026 transition', () => {
  /**
   * The oracle: scan the UTC minutes that could hold a local minute and take the earliest whose
   * Intl wall time matches; none (the gap): the wall time minus the offset of the minute just
   * before the gap.
   */
  function oracle(zone: string, localDay: number): (minutes: number) => number {
    const from = (localDay - 1) * 1440;
    const walls: number[] = [];
    for (let u = from; u < from + 3 * 1440; u++) walls.push(intlWall(zone, u * MIN));
    return (minutes) => {
      const target = localDay * 1440 + minutes;
      const i = walls.indexOf(target);
      if (i >= 0) return (from + i) * MIN;
      for (let k = 0; k + 1 < walls.length; k++) {
        if (walls[k]! < target && walls[k + 1]! > target) return (target - (walls[k]! - (from + k))) * MIN;
      }
      throw new Error(`the scan does not reach ${zone} local minute ${target}`);
    };
  }

  for (const zone of ZONES) {
    test(zone, () => {
      // The local days of each transition and the days either side; and New Year (the cache is per UTC year).
      const days = new Set<number>();
      for (const at of transitions2026(zone)) {
        const local = Math.floor(intlWall(zone, at) / 1440);
        for (const d of [local - 1, local, local + 1]) days.add(d);
      }
      for (const d of [Date.UTC(2026, 11, 31) / DAY, Date.UTC(2027, 0, 1) / DAY]) days.add(d);
      let gaps = 0;
      let twice = 0;
      for (const localDay of days) {
        const expected = oracle(zone, localDay);
        const date = new Date(localDay * DAY);
        for (let minutes = 0; minutes < 1440; minutes++) {
          const w: WallTime = { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), minutes };
          const got = wallToUtc(zone, w);
          const want = expected(minutes);
          assert.equal(got, want, `${zone} ${wallDate(w)} ${wallClock(w)}: ${new Date(got).toISOString()} ≠ ${new Date(want).toISOString()}`);
          const back = utcToWall(zone, got);
          if (intlWall(zone, want) !== localDay * 1440 + minutes) gaps++;
          else {
            assert.deepEqual(back, w, `${zone} ${wallDate(w)} ${wallClock(w)} reads back`);
            if (intlWall(zone, want + 3_600_000) === localDay * 1440 + minutes || intlWall(zone, want + 1_800_000) === localDay * 1440 + minutes) twice++;
          }
        }
      }
      const dst = zone !== 'UTC' && zone !== 'Asia/Kolkata';
      assert.equal(gaps > 0, dst, `${zone}: the days scanned ${dst ? 'include' : 'have no'} a spring-forward gap`);
      assert.equal(twice > 0, dst, `${zone}: the days scanned ${dst ? 'include' : 'have no'} a repeated hour`);
    });
  }

  test('utcToWall equals Intl on every minute of the Berlin and Lord Howe transition nights', () => {
    for (const zone of ['Europe/Berlin', 'Australia/Lord_Howe']) {
      for (const at of transitions2026(zone)) {
        for (let t = at - 3 * 3_600_000; t < at + 3 * 3_600_000; t += MIN) {
          const w = utcToWall(zone, t);
          assert.equal(Date.UTC(w.y, w.m - 1, w.d) / MIN + w.minutes, intlWall(zone, t), `${zone} at ${new Date(t).toISOString()}`);
        }
      }
    }
  });
});

describe('named cases', () => {
  const cases: [string, WallTime, string, string][] = [
    ['Europe/Berlin', wall(2026, 3, 29, '02:30'), '2026-03-29T01:30:00Z', 'in the gap: read with CET, so 03:30 CEST'],
    ['Europe/Berlin', wall(2026, 3, 29, '03:00'), '2026-03-29T01:00:00Z', 'the first minute after the gap'],
    ['Europe/Berlin', wall(2026, 10, 25, '02:30'), '2026-10-25T00:30:00Z', 'happens twice: the first (CEST)'],
    ['Europe/Berlin', wall(2026, 10, 25, '03:00'), '2026-10-25T02:00:00Z', 'after the repeated hour'],
    ['America/New_York', wall(2026, 3, 8, '02:30'), '2026-03-08T07:30:00Z', 'in the gap: EST'],
    ['America/New_York', wall(2026, 11, 1, '01:30'), '2026-11-01T05:30:00Z', 'the first 01:30 (EDT)'],
    ['Australia/Sydney', wall(2026, 4, 5, '02:30'), '2026-04-04T15:30:00Z', 'southern autumn: the first (AEDT)'],
    ['Australia/Sydney', wall(2026, 10, 4, '02:30'), '2026-10-03T16:30:00Z', 'southern spring gap: AEST'],
    ['Australia/Lord_Howe', wall(2026, 10, 4, '02:15'), '2026-10-03T15:45:00Z', 'a 30-minute gap: +10:30'],
    ['Australia/Lord_Howe', wall(2026, 4, 5, '01:45'), '2026-04-04T14:45:00Z', 'a repeated half hour: the first (+11:00)'],
    ['Pacific/Chatham', wall(2026, 9, 27, '03:00'), '2026-09-26T14:15:00Z', 'in the gap: +12:45'],
    ['Pacific/Chatham', wall(2026, 4, 5, '03:00'), '2026-04-04T13:15:00Z', 'the first 03:00 (+13:45)'],
    ['America/Santiago', wall(2026, 9, 6, '00:30'), '2026-09-06T04:30:00Z', 'the gap is at midnight: -04:00'],
    ['America/Santiago', wall(2026, 4, 4, '23:30'), '2026-04-05T02:30:00Z', 'the repeated hour is before midnight: the first (-03:00)'],
    ['Asia/Kolkata', wall(2026, 1, 1, '00:00'), '2025-12-31T18:30:00Z', '+05:30 all year'],
    ['Australia/Sydney', wall(2027, 1, 1, '00:00'), '2026-12-31T13:00:00Z', 'across the UTC year'],
    ['UTC', wall(2026, 3, 29, '02:30'), '2026-03-29T02:30:00Z', 'UTC is UTC'],
  ];
  for (const [zone, w, iso, why] of cases) {
    test(`${zone} ${wallDate(w)} ${wallClock(w)} → ${iso} (${why})`, () => {
      assert.equal(new Date(wallToUtc(zone, w)).toISOString(), new Date(utc(iso)).toISOString());
    });
  }
});

test('isTimeZone accepts IANA names the platform knows and nothing else', () => {
  for (const z of ZONES) assert.ok(isTimeZone(z), `${z} is a zone`);
  for (const z of ['', 'Mars/Olympus_Mons', 'Europe/Berlin ', 'x'.repeat(65)]) assert.ok(!isTimeZone(z), `${JSON.stringify(z)} is not a zone`);
});

test('wallDate and wallClock pad to YYYY-MM-DD and HH:MM', () => {
  assert.equal(wallDate({ y: 2026, m: 3, d: 9, minutes: 0 }), '2026-03-09');
  assert.equal(wallClock({ y: 2026, m: 3, d: 9, minutes: 5 }), '00:05');
  assert.equal(wallClock({ y: 2026, m: 3, d: 9, minutes: 23 * 60 + 59 }), '23:59');
});
