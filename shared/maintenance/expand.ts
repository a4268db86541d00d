// Occurrences of a schedule in a span of UTC time. The rule is walked in local days of its own
// zone (so "every Sunday 02:30 Europe/Berlin" stays 02:30 on both sides of a DST change); each
// local start becomes a UTC instant by RFC 5545's rules (zone.ts), and lasts durationMinutes of
// elapsed time from there, so a window may cross midnight or a DST change.
import { WEEKDAYS, type RecurringSchedule, type Schedule, type Span } from '../domain/maintenance';
import { localToUtc } from './zone';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface Occurrence {
  /** UTC, ms since the epoch; [start, end). */
  start: number;
  end: number;
  /** The local day (in the schedule's zone) the occurrence starts on; a one-off's UTC start day. */
  day: string;
}

/** Days since 1970-01-01 of a YYYY-MM-DD. */
export const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const pad = (n: number) => String(n).padStart(2, '0');
function dayParts(n: number): { y: number; m: number; d: number } {
  const date = new Date(n * DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}
const isoOfDay = (n: number) => {
  const { y, m, d } = dayParts(n);
  return `${y}-${pad(m)}-${pad(d)}`;
};
/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export const weekdayOf = (n: number) => (((n + 3) % 7) + 7) % 7;

const monthsBetween = (a: { y: number; m: number }, b: { y: number; m: number }) => (b.y - a.y) * 12 + (b.m - a.m);

/** The day numbers a recurring rule starts an occurrence on, in order, from its first day. */
function* ruleDays(s: RecurringSchedule, begin: number, lastDay: number): Generator<number> {
  const first = dayNumber(s.from);
  const until = s.until === null ? Infinity : dayNumber(s.until);
  const end = Math.min(lastDay, until);
  if (s.freq === 'weekly') {
    // Weeks start on Monday (RFC 5545's default WKST); the interval counts from the first day's week.
    // Week by week (every interval-th from the first day's), its chosen days in order.
    const weekdays = s.byDay.map((d) => WEEKDAYS.indexOf(d)).sort((x, y) => x - y);
    if (weekdays.length === 0) return; // the schema requires a day; without one the loop would not end
    const firstMonday = first - weekdayOf(first);
    const from = Math.max(first, begin);
    const startWeek = Math.floor((from - firstMonday) / 7);
    for (let week = startWeek - (startWeek % s.interval); ; week += s.interval) {
      const monday = firstMonday + week * 7;
      for (const weekday of weekdays) {
        const n = monday + weekday;
        if (n > end) return;
        if (n >= from) yield n;
      }
    }
  }
  const weekday = WEEKDAYS.indexOf(s.byDay[0]!);
  const start = dayParts(first);
  const skipMonths = begin > first ? Math.max(0, monthsBetween(start, dayParts(begin)) - 1) : 0;
  for (let k = skipMonths - (skipMonths % s.interval); ; k += s.interval) {
    const monthIndex = start.y * 12 + (start.m - 1) + k;
    const y = Math.floor(monthIndex / 12);
    const m = (monthIndex % 12) + 1;
    const monthFirst = Date.UTC(y, m - 1, 1) / DAY;
    if (monthFirst > end) return;
    const nextFirst = Date.UTC(y, m, 1) / DAY;
    let n: number;
    if (s.setPos === -1) {
      const last = nextFirst - 1;
      n = last - ((weekdayOf(last) - weekday + 7) % 7);
    } else {
      n = monthFirst + ((weekday - weekdayOf(monthFirst) + 7) % 7) + 7 * ((s.setPos ?? 1) - 1);
    }
    if (n >= first && n <= end) yield n;
  }
}

/**
 * Occurrences as parallel typed arrays: the warnings gather tens of thousands of them from every
 * window at once and need neither an object nor a day name per occurrence. Typed arrays grown by
 * doubling took about a third of the time of pushing onto plain arrays (bench/maintenance-overlaps.ts).
 */
export class OccurrenceList {
  start = new Float64Array(256);
  end = new Float64Array(256);
  /** The local day (in the schedule's zone) each starts on, as a day number; a one-off's UTC start day. */
  day = new Int32Array(256);
  /** Whose occurrence it is: the index the caller passed to expandInto. */
  owner = new Int32Array(256);
  length = 0;

  push(start: number, end: number, day: number, owner: number): void {
    if (this.length === this.start.length) this.grow();
    const i = this.length++;
    this.start[i] = start;
    this.end[i] = end;
    this.day[i] = day;
    this.owner[i] = owner;
  }

  private grow(): void {
    const size = this.start.length * 2;
    const start = new Float64Array(size);
    const end = new Float64Array(size);
    const day = new Int32Array(size);
    const owner = new Int32Array(size);
    start.set(this.start);
    end.set(this.end);
    day.set(this.day);
    owner.set(this.owner);
    Object.assign(this, { start, end, day, owner });
  }
}

/** Adds to `list` every occurrence of the schedule that overlaps `span`, in start order, as `owner`'s. */
export function expandInto(schedule: Schedule, span: Span, list: OccurrenceList, owner = 0): void {
  if (schedule.kind === 'once') {
    const start = Date.parse(schedule.start);
    const end = Date.parse(schedule.end);
    if (end > span.start && start < span.end) list.push(start, end, Math.floor(start / DAY), owner);
    return;
  }
  const duration = schedule.durationMinutes * MINUTE;
  const [hh, mm] = schedule.startTime.split(':').map(Number) as [number, number];
  const timeOfDay = (hh * 60 + mm) * MINUTE;
  const skipped = new Set(schedule.exDates.map(dayNumber));
  // Zones are within ±14 h of UTC: a local day two days past the span's end cannot start inside it.
  const lastDay = Math.floor(span.end / DAY) + 2;
  // Without a count the walk may begin just before the span (an occurrence starting earlier can
  // still reach into it); with a count it must begin at the first day to count.
  const earliest = schedule.count === null ? Math.floor((span.start - duration) / DAY) - 2 : -Infinity;
  let counted = 0;
  for (const n of ruleDays(schedule, Number.isFinite(earliest) ? earliest : dayNumber(schedule.from), lastDay)) {
    if (schedule.count !== null && ++counted > schedule.count) break;
    if (n < earliest || skipped.has(n)) continue;
    // The local day and time as if the zone were UTC, then to the instant (zone.ts).
    const start = localToUtc(schedule.timeZone, n * DAY + timeOfDay);
    const end = start + duration;
    if (end > span.start && start < span.end) list.push(start, end, n, owner);
  }
}

/** Every occurrence of the schedule that overlaps `span`, in start order. */
export function occurrences(schedule: Schedule, span: Span): Occurrence[] {
  const list = new OccurrenceList();
  expandInto(schedule, span, list);
  const out: Occurrence[] = [];
  for (let i = 0; i < list.length; i++) out.push({ start: list.start[i]!, end: list.end[i]!, day: isoOfDay(list.day[i]!) });
  return out;
}
