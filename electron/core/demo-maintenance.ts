// Demo maintenance: standing windows in the providers' own zones (two critical-path providers
// whose windows overlap across the Atlantic), scheduled maintenances with the notice they gave
// (one far shorter than a day), and the company's blackout periods, all relative to today so the
// calendar and Needs attention always have something current to show.
import type { Schedule } from '../../shared/domain/maintenance';
import type { Vendor } from '../../shared/domain/vendor';
import type { Context } from './context';
import { addBlackout } from './services/blackouts';
import { addWindow } from './services/maintenance';

const DAY = 86_400_000;
const HOUR = 3_600_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function weekly(days: Extract<Schedule, { kind: 'recurring' }>['byDay'], startTime: string, durationMinutes: number, timeZone: string, from: string): Schedule {
  return { kind: 'recurring', freq: 'weekly', byDay: days, setPos: null, interval: 1, startTime, durationMinutes, timeZone, from, until: null, count: null, exDates: [] };
}

/** A one-off starting `daysFromNow` days from today at hh:00 UTC. */
function once(today: number, daysFromNow: number, hourUtc: number, minutes: number, timeZone: string): Schedule {
  const start = today + daysFromNow * DAY + hourUtc * HOUR;
  return { kind: 'once', start: new Date(start).toISOString(), end: new Date(start + minutes * 60_000).toISOString(), timeZone };
}

export async function addDemoMaintenance(ctx: Context, byName: ReadonlyMap<string, Vendor>): Promise<void> {
  const today = Date.parse(`${isoDay(ctx.now().getTime())}T00:00:00Z`);
  const since = isoDay(today - 180 * DAY);
  const announced = (daysFromNow: number, hourUtc: number) => new Date(today + daysFromNow * DAY + hourUtc * HOUR).toISOString();
  const add = async (name: string, input: Omit<Parameters<typeof addWindow>[1], 'vendorId'>) => {
    const vendor = byName.get(name);
    if (vendor) await addWindow(ctx, { ...input, vendorId: vendor.id });
  };

  await add('Tidewater Postgres', { title: 'Patch window', schedule: weekly(['SU'], '02:00', 120, 'Europe/Berlin', since), impact: 'degraded', notes: 'Failover to the standby; connections drop for a few seconds.' });
  await add('Tidewater Postgres', { title: 'Minor version upgrade', schedule: once(today, -30, 1, 60, 'Europe/Berlin'), impact: 'degraded', announcedAt: announced(-40, 9) });
  await add('Tidewater Postgres', { title: 'Storage migration', schedule: once(today, 9, 1, 90, 'Europe/Berlin'), impact: 'outage', announcedAt: announced(-2, 14) });
  await add('Burrow MQ', { title: 'Broker upgrades', schedule: weekly(['SA'], '20:00', 180, 'America/New_York', since), impact: 'outage' });
  await add('Burrow MQ', { title: 'Emergency broker patch', schedule: once(today, -20, 3, 45, 'America/New_York'), impact: 'outage', announcedAt: announced(-21, 21) });
  await add('Logjam Cloud', {
        title: 'Index maintenance',
        schedule: { kind: 'recurring', freq: 'monthly', byDay: ['TU'], setPos: 1, interval: 1, startTime: '22:00', durationMinutes: 90, timeZone: 'Europe/Dublin', from: since, until: null, count: null, exDates: [] },
        impact: 'degraded',
      });
  await add('PagerPigeon', { title: 'Routing engine deploys', schedule: weekly(['WE'], '10:00', 30, 'Europe/Berlin', since), impact: 'degraded', status: 'tentative' });

  await addBlackout(ctx, { name: 'Peak hours', schedule: weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '08:00', 720, 'Europe/Berlin', isoDay(today - 365 * DAY)), notes: 'Customer traffic peaks; no planned work.' });
  await addBlackout(ctx, { name: 'Release freeze', schedule: once(today, 16, 0, 17 * 24 * 60, 'Europe/Berlin'), notes: 'Year-end freeze: no changes to production.' });
}
