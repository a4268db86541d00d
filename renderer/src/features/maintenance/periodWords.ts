// A schedule in words, with one change to the shared wording: a one-off span from midnight to
// midnight is said as whole days ("2026-12-20 to 2027-01-05, whole days"), since "… 00:00–
// 2027-01-06 00:00" reads as if the 6th were part of a freeze that ends with the 5th.
import type { Schedule } from '../../../../shared/domain/maintenance';
import { scheduleWords } from '../../../../shared/maintenance/words';
import { utcToWall, wallDate } from '../../../../shared/maintenance/zone';

const DAY = 86_400_000;

export function periodWords(schedule: Schedule): string {
  if (schedule.kind !== 'once') return scheduleWords(schedule);
  const start = utcToWall(schedule.timeZone, Date.parse(schedule.start));
  const end = utcToWall(schedule.timeZone, Date.parse(schedule.end));
  if (start.minutes !== 0 || end.minutes !== 0) return scheduleWords(schedule);
  const last = new Date(Date.UTC(end.y, end.m - 1, end.d) - DAY).toISOString().slice(0, 10);
  const first = wallDate(start);
  return first === last ? `${first}, the whole day, ${schedule.timeZone}` : `${first} to ${last}, whole days, ${schedule.timeZone}`;
}
