// The notice a scheduled maintenance gave (from its announcement to its start) and whether it
// was enough: at least what the provider promised and the minimum set in Settings.
import type { MaintenanceWindow } from '../../../../shared/domain/maintenance';
import { utcToWall, wallClock, wallDate } from '../../../../shared/maintenance/zone';

export interface Notice {
  /** Hours from the announcement to the start (negative: announced after it began). */
  hours: number;
  /** The larger requirement it fell short of, and whose it was; null when it gave enough. */
  shortOf: { hours: number; whose: 'promised' | 'minimum' } | null;
}

/** The notice of a one-off window with an announcement time; null for anything else. */
export function noticeOf(w: Pick<MaintenanceWindow, 'schedule' | 'announcedAt'>, promisedHours: number | null, minimumHours: number | null): Notice | null {
  if (w.schedule.kind !== 'once' || w.announcedAt === null) return null;
  const hours = (Date.parse(w.schedule.start) - Date.parse(w.announcedAt)) / 3_600_000;
  const required = [
    ...(promisedHours !== null ? [{ hours: promisedHours, whose: 'promised' as const }] : []),
    ...(minimumHours !== null ? [{ hours: minimumHours, whose: 'minimum' as const }] : []),
  ].sort((a, b) => b.hours - a.hours);
  const missed = required.find((r) => hours < r.hours) ?? null;
  return { hours, shortOf: missed ? required[0]! : null };
}

/** "64 hours", "1.5 hours", "1 hour" (rounded down to a tenth, as the warnings do). */
export function hoursText(hours: number): string {
  const h = Math.floor(Math.abs(hours) * 10) / 10;
  return `${h} ${h === 1 ? 'hour' : 'hours'}`;
}

/** "2026-11-30 09:00 Europe/Berlin": an instant in a schedule's own zone, as the words print it. */
export function instantIn(zone: string, iso: string): string {
  const wall = utcToWall(zone, Date.parse(iso));
  return `${wallDate(wall)} ${wallClock(wall)} ${zone}`;
}
