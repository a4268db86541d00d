// Goal (issue 14): the maintenance warnings for a register of 500 providers × 3 windows over one
// year — every window expanded in its own zone, overlaps between providers, blackout hits, short
// notice — take at most 200 ms, warm: the median of 7 runs after the first call (reported apart as
// "cold": it also reads each zone's rules from Intl once per process and compiles the code) and
// 3 more untimed ones, by which the JIT has settled (the 2nd–4th calls still run 20–80 % slower).
// Alone: node --import tsx bench/maintenance-overlaps.ts
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlackoutPeriod, MaintenanceWindow, Schedule, Weekday, WindowStatus } from '../shared/domain/maintenance';
import { rangeSpan } from '../shared/domain/maintenance';
import { maintenanceWarnings, type WindowOf } from '../shared/maintenance/overlaps';
import { seededRandom } from '../shared/random';
import { fmt } from './stats';

export interface MaintenanceBench {
  providers: number;
  windows: number;
  occurrences: number;
  overlaps: number;
  blackoutHits: number;
  shortNotice: number;
  coldMs: number;
  medianMs: number;
  minMs: number;
  runs: number;
}

const ZONES = [
  'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'America/Sao_Paulo', 'Asia/Kolkata',
  'Asia/Tokyo', 'Asia/Singapore', 'Australia/Sydney', 'Pacific/Auckland', 'UTC',
];
const WEEKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const STAMP = '2025-12-01T00:00:00.000Z';

/**
 * A register as providers publish windows: mostly at night in their own zone, weekly (one or two
 * days, sometimes every other week) or monthly by position; a third of providers also have a
 * one-off scheduled maintenance each month-ish (announced with 1–10 days' notice); a few windows
 * are cancelled. Deterministic (seeded), so runs compare.
 */
export function maintenanceFixture(providers = 500, year = 2026): { windows: WindowOf[]; blackouts: BlackoutPeriod[] } {
  const r = seededRandom(14);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const nightStart = () => (r() < 0.75 ? int(0, 10) * 30 : int(0, 47) * 30); // on the half hour, mostly 00:00–05:00
  const recurring = (zone: string, monthly: boolean): Schedule => ({
    kind: 'recurring',
    freq: monthly ? 'monthly' : 'weekly',
    byDay: monthly ? [pick(WEEKDAYS)] : r() < 0.7 ? [pick(['SA', 'SU', 'TU', 'WE'] as const)] : [pick(['MO', 'TU']), pick(['TH', 'SA', 'SU'])],
    setPos: monthly ? pick([1, 2, 3, 4, -1] as const) : null,
    interval: monthly ? 1 : r() < 0.8 ? 1 : 2,
    startTime: hhmm(nightStart()),
    durationMinutes: pick([30, 60, 60, 120, 120, 180, 240, 360]),
    timeZone: zone,
    from: `${year - 1}-${String(int(1, 12)).padStart(2, '0')}-01`,
    until: null,
    count: null,
    exDates: r() < 0.2 ? [`${year}-12-27`, `${year}-01-03`] : [],
  });

  const windows: WindowOf[] = [];
  for (let p = 0; p < providers; p++) {
    const zone = pick(ZONES);
    const vendorId = `vendor-${p}`;
    const vendorName = `Provider ${String(p).padStart(3, '0')}`;
    const criticalPath = r() < 0.3;
    const promisedNoticeHours = r() < 0.5 ? pick([24, 48, 72, 168]) : null;
    for (let k = 0; k < 3; k++) {
      let schedule: Schedule;
      let announcedAt: string | null = null;
      if (k === 2 && p % 3 === 0) {
        // A one-off scheduled maintenance, announced some days before.
        const start = Date.UTC(year, 0, 1) + int(0, 364) * 86_400_000 + nightStart() * 60_000;
        schedule = { kind: 'once', start: new Date(start).toISOString(), end: new Date(start + pick([60, 120, 240]) * 60_000).toISOString(), timeZone: zone };
        announcedAt = new Date(start - int(12, 240) * 3_600_000).toISOString();
      } else {
        schedule = recurring(zone, k === 1 && r() < 0.7);
      }
      const status: WindowStatus = r() < 0.03 ? 'cancelled' : r() < 0.1 ? 'tentative' : 'confirmed';
      const window: MaintenanceWindow = {
        id: `w-${p}-${k}`, vendorId, title: k === 2 ? 'Scheduled maintenance' : 'Patch window', schedule, impact: pick(['outage', 'degraded', 'none'] as const),
        source: announcedAt ? 'statuspage' : 'entered', status, announcedAt, sourceUid: null, sequence: null, notes: '', createdAt: STAMP, updatedAt: STAMP,
      };
      windows.push({ window, vendorName, criticalPath, promisedNoticeHours });
    }
  }

  const blackout = (id: string, name: string, schedule: Schedule): BlackoutPeriod => ({ id, name, schedule, notes: '', createdAt: STAMP, updatedAt: STAMP });
  const weekly = (byDay: Weekday[], startTime: string, durationMinutes: number, timeZone: string, freq: 'weekly' | 'monthly' = 'weekly', setPos: -1 | 1 | null = null, interval = 1): Schedule => ({
    kind: 'recurring', freq, byDay, setPos, interval, startTime, durationMinutes, timeZone, from: `${year}-01-01`, until: null, count: null, exDates: [],
  });
  const blackouts = [
    blackout('b-peak', 'Monday morning peak', weekly(['MO'], '07:00', 180, 'Europe/Berlin')),
    blackout('b-close', 'Month-end close', weekly(['FR'], '18:00', 8 * 60, 'America/New_York', 'monthly', -1)),
    blackout('b-release', 'Quarterly release', weekly(['TU'], '00:00', 24 * 60, 'UTC', 'monthly', 1, 3)),
    blackout('b-bf', 'Black Friday', { kind: 'once', start: `${year}-11-27T05:00:00Z`, end: `${year}-12-01T05:00:00Z`, timeZone: 'America/New_York' }),
    blackout('b-freeze', 'Year-end freeze', { kind: 'once', start: `${year}-12-18T00:00:00Z`, end: `${year + 1}-01-04T00:00:00Z`, timeZone: 'UTC' }),
  ];
  return { windows, blackouts };
}

export function benchMaintenanceOverlaps(providers = 500, runs = 7, warmups = 3): MaintenanceBench {
  const { windows, blackouts } = maintenanceFixture(providers);
  const span = rangeSpan({ from: '2026-01-01', to: '2026-12-31' });
  const options = { minimumNoticeHours: 48 };
  const t0 = performance.now();
  const result = maintenanceWarnings(windows, blackouts, span, options);
  const coldMs = performance.now() - t0;
  for (let i = 0; i < warmups; i++) maintenanceWarnings(windows, blackouts, span, options);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    maintenanceWarnings(windows, blackouts, span, options);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    providers,
    windows: windows.length,
    occurrences: result.occurrences,
    overlaps: result.overlaps.length,
    blackoutHits: result.blackouts.length,
    shortNotice: result.shortNotice.length,
    coldMs,
    medianMs: times[Math.floor(times.length / 2)]!,
    minMs: times[0]!,
    runs,
  };
}

export function maintenanceRow(m: MaintenanceBench): string[] {
  return [
    `Maintenance warnings: ${m.providers} providers × 3 windows, 5 blackouts, one year (median of ${m.runs})`,
    `${fmt(m.medianMs, 0)} ms (min ${fmt(m.minMs, 0)}, cold ${fmt(m.coldMs, 0)}); ${m.occurrences} occurrences → ${m.overlaps} overlapping pairs, ${m.blackoutHits} blackout hits`,
    '≤ 200 ms',
    m.medianMs <= 200 ? 'met' : 'missed',
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const m = benchMaintenanceOverlaps();
  console.log(maintenanceRow(m).join(' | '));
  console.log(`${m.windows} windows, ${m.shortNotice} short-notice; load average ${os.loadavg().map((x) => fmt(x)).join(' ')} on ${os.cpus().length} cores.`);
}
