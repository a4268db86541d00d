// A bar in words, for its accessible name and its tooltip: the time in the provider's own zone
// (how the provider announced it), in UTC, and in the user's zone when that differs, with the
// impact and what it collides with. "Hosted DB — Patching: Sun 6 Dec 02:00–04:00 Europe/Berlin
// (01:00–03:00 UTC) · outage".
import type { WindowImpact } from '../../../../shared/domain/maintenance';
import { utcToWall, wallClock, type WallTime } from '../../../../shared/maintenance/zone';
import type { Bar } from './calendarModel';
import { MONTH_SHORT } from './calendarRange';

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export const IMPACT_WORDS: Record<WindowImpact, string> = {
  outage: 'outage',
  degraded: 'degraded service',
  none: 'no impact expected',
};

/** "Sun 6 Dec". */
function dayText(w: WallTime): string {
  const weekday = new Date(Date.UTC(w.y, w.m - 1, w.d)).getUTCDay();
  return `${WEEKDAY[weekday]} ${w.d} ${MONTH_SHORT[w.m - 1]}`;
}

const sameDay = (a: WallTime, b: WallTime) => a.y === b.y && a.m === b.m && a.d === b.d;

/** "Sun 6 Dec 02:00". */
export function instantText(zone: string, t: number): string {
  const w = utcToWall(zone, t);
  return `${dayText(w)} ${wallClock(w)}`;
}

/** "Sun 6 Dec 02:00–04:00", or "Sat 5 Dec 23:00 – Sun 6 Dec 01:00" across midnight. */
export function spanText(zone: string, start: number, end: number): string {
  const a = utcToWall(zone, start);
  const b = utcToWall(zone, end);
  return sameDay(a, b) ? `${dayText(a)} ${wallClock(a)}–${wallClock(b)}` : `${dayText(a)} ${wallClock(a)} – ${dayText(b)} ${wallClock(b)}`;
}

/** "01:00–03:00 UTC" when UTC keeps the day `reference` shows, else with the days. */
function utcText(start: number, end: number, reference: WallTime): string {
  const a = utcToWall('UTC', start);
  const b = utcToWall('UTC', end);
  if (sameDay(a, reference) && sameDay(a, b)) return `${wallClock(a)}–${wallClock(b)} UTC`;
  return `${spanText('UTC', start, end)} UTC`;
}

export interface BarDescription {
  /** "Hosted DB — Patching". */
  heading: string;
  /** "Sun 6 Dec 02:00–04:00 Europe/Berlin (01:00–03:00 UTC)". */
  providerTime: string;
  /** "Sun 6 Dec 01:00–03:00" in the user's zone: null when the user's zone is the provider's. */
  yourTime: string | null;
  /** "10:00–12:00" in the user's zone ("22:00–02:00" across midnight): the label beside a bar. */
  clock: string;
  /** "Outage", "Tentative", "⚠ Overlaps Queue Co", "In blackout period Release freeze". */
  notes: string[];
  /** Everything in one line: the bar's accessible name. */
  label: string;
}

export function describeBar(bar: Bar, userZone: string, partners: readonly string[], blackouts: readonly string[]): BarDescription {
  const { window } = bar;
  const zone = window.schedule.timeZone;
  const heading = `${window.vendorName} — ${window.title}`;
  const providerStart = utcToWall(zone, bar.start);
  const providerTime = `${spanText(zone, bar.start, bar.end)} ${zone} (${utcText(bar.start, bar.end, providerStart)})`;
  const yourTime = userZone === zone ? null : spanText(userZone, bar.start, bar.end);
  const notes = [IMPACT_WORDS[window.impact]];
  if (window.status === 'tentative') notes.push('tentative');
  if (window.criticalPath) notes.push('critical path');
  if (partners.length > 0) notes.push(`⚠ overlaps ${listNames(partners)}`);
  if (blackouts.length > 0) notes.push(`in blackout period ${listNames(blackouts)}`);
  const label = [`${heading}: ${providerTime}`, ...notes, ...(yourTime ? [`your time ${yourTime} ${userZone}`] : [])].join(' · ');
  const clock = `${wallClock(utcToWall(userZone, bar.start))}–${wallClock(utcToWall(userZone, bar.end))}`;
  return { heading, providerTime, yourTime, clock, notes, label };
}

/** "A", "A and B", "A, B and 3 others". */
export function listNames(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names.join('');
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} other${names.length - max === 1 ? '' : 's'}`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
