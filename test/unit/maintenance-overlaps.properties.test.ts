// maintenanceWarnings() (shared/maintenance/overlaps.ts) against brute force: random providers
// (some on the critical path) with weekly, monthly and one-off windows (some cancelled) and
// random blackout periods. The oracle takes each window's occurrences from occurrences() — which
// maintenance-expand.properties.test.ts holds against an Intl oracle — and does the rest the slow
// way: every pair of occurrences, and every minute of the span.
//
// Seeded: a failure prints the case's seed; MAINTENANCE_SEED=<n> runs another sequence.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BlackoutPeriod, MaintenanceWindow, RecurringSchedule, Schedule, Span, Weekday, WindowStatus } from '../../shared/domain/maintenance';
import { OccurrenceList, occurrences, type Occurrence } from '../../shared/maintenance/expand';
import { maintenanceWarnings, type WindowOf } from '../../shared/maintenance/overlaps';
import { startOrder } from '../../shared/maintenance/sweep';
import { seededRandom } from '../../shared/random';

const MIN = 60_000;
const DAY = 86_400_000;
const SEED = Number(process.env['MAINTENANCE_SEED'] ?? 20261215);
const CASES = 250;
const ZONES = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'UTC'];
const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => iso(ms).slice(0, 10);

// ---------------------------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------------------------

interface ExpectedOverlap {
  a: string;
  b: string;
  critical: number;
  times: number;
  minutes: number;
  first: { start: string; end: string };
}
interface ExpectedHit {
  window: string;
  blackout: string;
  times: number;
  first: { start: string; end: string };
}

/** The earliest of some [start, end) parts: earliest start, then earliest end. */
function earliest(parts: [number, number][]): { start: string; end: string } {
  const [s, e] = parts.reduce((m, p) => (p[0] < m[0] || (p[0] === m[0] && p[1] < m[1]) ? p : m));
  return { start: iso(s), end: iso(e) };
}

/** Every pair of occurrences that overlap, as the overlapping part. */
function overlappingParts(xs: Occurrence[], ys: Occurrence[]): [number, number][] {
  const parts: [number, number][] = [];
  for (const x of xs) for (const y of ys) if (Math.max(x.start, y.start) < Math.min(x.end, y.end)) parts.push([Math.max(x.start, y.start), Math.min(x.end, y.end)]);
  return parts;
}

function minutesCovered(occ: Occurrence[], span: Span): Uint8Array {
  const covered = new Uint8Array((span.end - span.start) / MIN);
  for (const o of occ) for (let t = Math.max(o.start, span.start); t < Math.min(o.end, span.end); t += MIN) covered[(t - span.start) / MIN] = 1;
  return covered;
}

function oracle(all: WindowOf[], blackouts: BlackoutPeriod[], span: Span, criticalOnly: boolean) {
  const windows = all.filter((w) => w.window.status !== 'cancelled' && (!criticalOnly || w.criticalPath));
  const occ = windows.map((w) => occurrences(w.window.schedule, span));
  const covered = occ.map((o) => minutesCovered(o, span));
  const byName = (w: WindowOf) => w.vendorName;

  const overlaps: (ExpectedOverlap & { names: [string, string] })[] = [];
  for (let i = 0; i < windows.length; i++) {
    for (let j = i + 1; j < windows.length; j++) {
      if (windows[i]!.window.vendorId === windows[j]!.window.vendorId) continue;
      const parts = overlappingParts(occ[i]!, occ[j]!);
      if (parts.length === 0) continue;
      let minutes = 0;
      for (let m = 0; m < covered[i]!.length; m++) if (covered[i]![m] && covered[j]![m]) minutes++;
      const [x, y] = byName(windows[i]!) <= byName(windows[j]!) ? [windows[i]!, windows[j]!] : [windows[j]!, windows[i]!];
      overlaps.push({
        a: x.window.id,
        b: y.window.id,
        names: [x.vendorName, y.vendorName],
        critical: Number(x.criticalPath) + Number(y.criticalPath),
        times: parts.length,
        minutes,
        first: earliest(parts),
      });
    }
  }
  const cmp = (p: string, q: string) => (p < q ? -1 : p > q ? 1 : 0);
  overlaps.sort((p, q) => q.critical - p.critical || cmp(p.first.start, q.first.start) || cmp(p.names[0], q.names[0]) || cmp(p.names[1], q.names[1]) || cmp(p.a, q.a) || cmp(p.b, q.b));

  const hits: (ExpectedHit & { critical: boolean; name: string; blackoutName: string })[] = [];
  const blackoutOcc = blackouts.map((b) => occurrences(b.schedule, span));
  windows.forEach((w, i) =>
    blackouts.forEach((b, k) => {
      const parts = overlappingParts(occ[i]!, blackoutOcc[k]!);
      if (parts.length > 0) hits.push({ window: w.window.id, blackout: b.id, times: parts.length, first: earliest(parts), critical: w.criticalPath, name: w.vendorName, blackoutName: b.name });
    }),
  );
  hits.sort((p, q) => Number(q.critical) - Number(p.critical) || cmp(p.first.start, q.first.start) || cmp(p.name, q.name) || cmp(p.window, q.window) || cmp(p.blackoutName, q.blackoutName));

  return {
    windows: windows.length,
    occurrences: occ.reduce((n, o) => n + o.length, 0),
    overlaps: overlaps.map(({ names: _names, ...o }) => o),
    hits: hits.map(({ critical: _c, name: _n, blackoutName: _b, ...h }) => h),
  };
}

function actual(all: WindowOf[], blackouts: BlackoutPeriod[], span: Span, criticalOnly: boolean) {
  const w = maintenanceWarnings(all, blackouts, span, { criticalOnly });
  return {
    windows: w.windows,
    occurrences: w.occurrences,
    overlaps: w.overlaps.map((o) => ({ a: o.a.windowId, b: o.b.windowId, critical: o.critical, times: o.times, minutes: o.minutes, first: o.first })),
    hits: w.blackouts.map((h) => ({ window: h.window.windowId, blackout: h.blackoutId, times: h.times, first: h.first })),
  };
}

// ---------------------------------------------------------------------------------------------
// Random registers
// ---------------------------------------------------------------------------------------------

const WEEKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function windowOf(id: string, vendor: number, critical: boolean, schedule: Schedule, status: WindowStatus = 'confirmed'): WindowOf {
  const window: MaintenanceWindow = {
    id, vendorId: `v${vendor}`, title: id, schedule, impact: 'outage', source: 'entered', status, announcedAt: null,
    sourceUid: null, sequence: null, notes: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  };
  return { window, vendorName: `provider ${String.fromCharCode(97 + vendor)}`, criticalPath: critical, promisedNoticeHours: null };
}
const blackout = (id: string, name: string, schedule: Schedule): BlackoutPeriod => ({ id, name, schedule, notes: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });

function randomCase(seed: number) {
  const r = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;

  const spanStart = Date.UTC(2026, 0, 1) + int(0, 330) * DAY + (chance(0.6) ? 0 : int(0, 1439) * MIN);
  const span: Span = { start: spanStart, end: spanStart + int(5, 35) * DAY - (chance(0.6) ? 0 : int(0, 1439) * MIN) };
  const spanDay = Math.floor(span.start / DAY);

  const schedule = (): Schedule => {
    const roll = r();
    if (roll < 0.3) {
      // One-off: minute-aligned, near or across the span's edges, from half an hour to three days.
      const hour = chance(0.5) ? 60 : 1;
      const start = Math.floor(span.start / (hour * MIN)) * hour * MIN + Math.floor(int(-3 * 1440, (span.end - span.start) / MIN + 1440) / hour) * hour * MIN;
      return { kind: 'once', start: iso(start), end: iso(start + Math.max(hour, Math.floor(int(30, chance(0.8) ? 600 : 3 * 1440) / hour) * hour) * MIN), timeZone: pick(ZONES) };
    }
    const monthly = roll > 0.8;
    // Most providers patch at night: start times cluster in the small hours so windows meet.
    // Half the times on the hour or half hour, so windows also meet back to back.
    const snap = chance(0.5) ? 30 : 1;
    const startMin = Math.floor((chance(0.7) ? int(0, 5 * 60) : int(0, 1439)) / snap) * snap;
    const byDay = monthly ? [pick(WEEKDAYS)] : WEEKDAYS.filter(() => chance(0.35));
    if (byDay.length === 0) byDay.push(pick(['SA', 'SU'] as const));
    const bound = r();
    const s: RecurringSchedule = {
      kind: 'recurring',
      freq: monthly ? 'monthly' : 'weekly',
      byDay,
      setPos: monthly ? pick([1, 2, 3, 4, -1] as const) : null,
      interval: pick([1, 1, 1, 2, 3]),
      startTime: `${String(Math.floor(startMin / 60)).padStart(2, '0')}:${String(startMin % 60).padStart(2, '0')}`,
      // Sometimes days long, so one window's occurrences overlap each other.
      durationMinutes: Math.max(snap, Math.floor((chance(0.85) ? int(15, 360) : int(1440, 4 * 1440)) / snap) * snap),
      timeZone: pick(ZONES),
      from: isoDay((spanDay - int(0, 60)) * DAY),
      until: bound < 0.2 ? isoDay((spanDay + int(0, 30)) * DAY) : null,
      count: bound > 0.85 ? int(1, 12) : null,
      exDates: [],
    };
    if (chance(0.2)) s.exDates = [isoDay((spanDay + int(0, 30)) * DAY)];
    return s;
  };

  const providers = int(2, 5);
  const windows: WindowOf[] = [];
  for (let v = 0; v < providers; v++) {
    const critical = chance(0.4);
    const count = int(1, 3);
    for (let k = 0; k < count; k++) {
      const status = pick<WindowStatus>(['confirmed', 'confirmed', 'confirmed', 'confirmed', 'tentative', 'cancelled']);
      windows.push(windowOf(`w${v}${k}`, v, critical, schedule(), status));
    }
  }
  const blackouts: BlackoutPeriod[] = [];
  const nb = int(0, 3);
  for (let k = 0; k < nb; k++) blackouts.push(blackout(`b${k}`, `blackout ${k}`, schedule()));
  return { windows, blackouts, span, criticalOnly: chance(0.2) };
}

describe('maintenanceWarnings() equals brute force', () => {
  test(`${CASES} random registers (seed ${SEED})`, () => {
    let pairs = 0;
    let hits = 0;
    let repeated = 0;
    for (let i = 0; i < CASES; i++) {
      const seed = SEED + i;
      const c = randomCase(seed);
      const want = oracle(c.windows, c.blackouts, c.span, c.criticalOnly);
      const got = actual(c.windows, c.blackouts, c.span, c.criticalOnly);
      assert.deepEqual(got, want, `case seed ${seed} (MAINTENANCE_SEED=${SEED}, case ${i})\n  span ${iso(c.span.start)}–${iso(c.span.end)}, criticalOnly ${c.criticalOnly}\n  ${JSON.stringify({ windows: c.windows.map((w) => [w.window.id, w.window.status, w.criticalPath, w.window.schedule]), blackouts: c.blackouts.map((b) => [b.id, b.schedule]) })}`);
      pairs += want.overlaps.length;
      hits += want.hits.length;
      repeated += want.overlaps.filter((o) => o.times > 1).length;
    }
    // Guards the generator: there must be plenty of overlaps, repeated ones, and blackout hits to compare.
    assert.ok(pairs > CASES && repeated > CASES / 4 && hits > CASES / 4, `too little to compare: ${pairs} overlapping pairs (${repeated} repeated), ${hits} blackout hits`);
  });
});

test('the sweep orders occurrences by start, end and owner, as a plain sort does (seconds, crowded minutes, spans too long to pack)', () => {
  for (let i = 0; i < 200; i++) {
    const seed = SEED + 100_000 + i;
    const r = seededRandom(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
    const list = new OccurrenceList();
    const base = Date.UTC(2026, 0, 1);
    const years = i % 10 === 0 ? 6 : 1; // every tenth: more minutes than the packed sort holds
    const minutes = Array.from({ length: int(1, 40) }, () => int(0, years * 525_600));
    for (let k = int(0, 600); k > 0; k--) {
      // Crowded minutes (many windows at 02:00), sometimes a second or a millisecond into them.
      const start = base + minutes[int(0, minutes.length - 1)]! * MIN + (r() < 0.3 ? int(0, 59_999) : 0);
      list.push(start, start + int(1, 8) * 15 * MIN, 0, int(0, 50));
    }
    const triple = (k: number) => [list.start[k]!, list.end[k]!, list.owner[k]!] as const;
    const want = Array.from({ length: list.length }, (_, k) => triple(k)).sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    assert.deepEqual(Array.from(startOrder(list), triple), want, `seed ${seed}: ${list.length} occurrences`);
  }
});

// ---------------------------------------------------------------------------------------------
// Named cases
// ---------------------------------------------------------------------------------------------

const once = (start: string, end: string): Schedule => ({ kind: 'once', start, end, timeZone: 'UTC' });
const weekly = (over: Partial<RecurringSchedule> = {}): RecurringSchedule => ({
  kind: 'recurring', freq: 'weekly', byDay: ['SU'], setPos: null, interval: 1, startTime: '02:00', durationMinutes: 120,
  timeZone: 'UTC', from: '2026-01-04', until: null, count: null, exDates: [], ...over,
});
const december: Span = { start: Date.parse('2026-12-01T00:00:00Z'), end: Date.parse('2027-01-01T00:00:00Z') };

describe('named cases', () => {
  test('windows of the same provider never pair; a cancelled window never counts', () => {
    const windows = [
      windowOf('w00', 0, true, weekly()),
      windowOf('w01', 0, true, weekly()),
      windowOf('w10', 1, true, weekly(), 'cancelled'),
    ];
    const w = maintenanceWarnings(windows, [blackout('b0', 'freeze', once('2026-12-01T00:00:00Z', '2026-12-31T00:00:00Z'))], december);
    assert.equal(w.overlaps.length, 0, 'one provider, and a cancelled window');
    assert.equal(w.windows, 2, 'the cancelled window is not considered');
    assert.deepEqual(w.blackouts.map((h) => [h.window.windowId, h.times]), [['w00', 4], ['w01', 4]], 'the freeze catches the live windows only');
  });

  test('critical pairs come first, then by the first overlap; criticalOnly keeps critical providers only', () => {
    const windows = [
      windowOf('w00', 0, false, weekly({ startTime: '01:00' })),
      windowOf('w10', 1, false, weekly({ startTime: '01:30' })),
      windowOf('w20', 2, true, weekly({ byDay: ['SA'] })),
      windowOf('w30', 3, true, weekly({ byDay: ['SA'], startTime: '03:00' })),
      windowOf('w40', 4, false, weekly({ byDay: ['SA'], startTime: '03:30' })),
    ];
    const all = maintenanceWarnings(windows, [], december);
    assert.deepEqual(all.overlaps.map((o) => [o.a.windowId, o.b.windowId, o.critical]), [['w20', 'w30', 2], ['w20', 'w40', 1], ['w30', 'w40', 1], ['w00', 'w10', 0]]);
    const critical = maintenanceWarnings(windows, [], december, { criticalOnly: true });
    assert.deepEqual(critical.overlaps.map((o) => [o.a.windowId, o.b.windowId]), [['w20', 'w30']]);
  });

  test("a window whose occurrences overlap each other: the minutes are those both providers are down, not the pairs' sum", () => {
    // Monday and Tuesday 00:00 for two days each: Tuesday is covered twice. The other provider is down Tuesday 12:00–14:00.
    const windows = [
      windowOf('w00', 0, true, weekly({ byDay: ['MO', 'TU'], startTime: '00:00', durationMinutes: 2 * 1440, from: '2026-12-07', count: 2 })),
      windowOf('w10', 1, true, once('2026-12-08T12:00:00Z', '2026-12-08T14:00:00Z')),
    ];
    const [o] = maintenanceWarnings(windows, [], december).overlaps;
    assert.equal(o?.times, 2, 'two occurrence pairs overlap');
    assert.equal(o?.minutes, 120, 'for two hours');
  });

  test('minutes count only the part inside the span; the first overlap is the whole overlapping part', () => {
    const windows = [
      windowOf('w00', 0, true, once('2026-11-30T22:00:00Z', '2026-12-01T02:00:00Z')),
      windowOf('w10', 1, true, once('2026-11-30T23:00:00Z', '2026-12-01T03:00:00Z')),
    ];
    const [o] = maintenanceWarnings(windows, [], december).overlaps;
    assert.deepEqual(o?.first, { start: '2026-11-30T23:00:00.000Z', end: '2026-12-01T02:00:00.000Z' });
    assert.equal(o?.minutes, 120, 'December holds two of its three hours');
    const november = maintenanceWarnings(windows, [], { start: Date.parse('2026-11-01T00:00:00Z'), end: december.start }).overlaps[0];
    assert.equal(o!.minutes + november!.minutes, 180, 'months add up to the whole overlap');
  });

  test('windows back to back do not overlap, nor does a window that ends as a blackout begins', () => {
    const windows = [windowOf('w00', 0, true, weekly({ startTime: '02:00', durationMinutes: 120 })), windowOf('w10', 1, true, weekly({ startTime: '04:00' }))];
    const w = maintenanceWarnings(windows, [blackout('b0', 'freeze', once('2026-12-06T06:00:00Z', '2026-12-07T00:00:00Z'))], december);
    assert.deepEqual([w.overlaps.length, w.blackouts.length], [0, 0], '04:00 ends one and starts the next; 06:00 ends it and starts the freeze');
  });

  test('a blackout hit counts each pair of occurrences and names the first overlapping part', () => {
    const windows = [windowOf('w00', 0, false, weekly({ byDay: ['SU'], startTime: '23:00', durationMinutes: 180 }))];
    const freeze = blackout('b0', 'freeze', weekly({ byDay: ['MO'], startTime: '00:30', durationMinutes: 60, from: '2026-12-14' }));
    const [h] = maintenanceWarnings(windows, [freeze], december).blackouts;
    assert.deepEqual([h?.times, h?.first], [3, { start: '2026-12-14T00:30:00.000Z', end: '2026-12-14T01:30:00.000Z' }], 'Mondays 14, 21 and 28 December');
  });
});
