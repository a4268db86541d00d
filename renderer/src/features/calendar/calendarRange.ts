// The stretch of time the calendar shows: a week (Monday to Sunday) or a month, as days of the
// user's own calendar in the user's time zone. Each day's edges are that zone's midnights turned
// into UTC instants, so a day of 23 or 25 hours (a DST change) is drawn as long as it really is.
import type { DateRange, Span } from '../../../../shared/domain/maintenance';
import { offsetLabel, offsetMinutes, utcToWall, wallDate, wallToUtc } from '../../../../shared/maintenance/zone';
import type { CalendarSpan } from '../../app/router';

const DAY = 86_400_000;

export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const MONTH_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export interface CalendarDay {
  /** YYYY-MM-DD in the user's calendar. */
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Day of the month, 1–31, and month, 1–12. */
  day: number;
  month: number;
  /** The day's local midnight and the next one, as UTC ms. */
  start: number;
  end: number;
}

export interface VisibleRange {
  view: CalendarSpan;
  days: CalendarDay[];
  /** From the first day's midnight to the midnight after the last day (UTC ms). */
  span: Span;
  /**
   * The whole UTC days that cover `span`, for the API (its ranges are UTC days): up to a day more
   * than the view on either side, which the warnings are trimmed back from (scopeWarnings.ts).
   */
  apiRange: DateRange;
  /** "7–13 Dec 2026", "30 Nov – 6 Dec 2026", "December 2026". */
  title: string;
  /** A day in the week or month before and after. */
  previous: string;
  next: string;
}

/** Days since 1970-01-01 of a YYYY-MM-DD, and back. */
export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const isoOfDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
const weekdayOf = (n: number) => (((n + 3) % 7) + 7) % 7;

/** The user's time zone as the browser reports it (an IANA name); UTC when it reports none. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Today's date in `zone`. */
export function todayIn(zone: string, now = Date.now()): string {
  return wallDate(utcToWall(zone, now));
}

function localMidnight(zone: string, n: number): number {
  const date = new Date(n * DAY);
  return wallToUtc(zone, { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), minutes: 0 });
}

function firstOfMonth(n: number, monthsLater: number): number {
  const date = new Date(n * DAY);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + monthsLater, 1) / DAY);
}

function dayTitle(n: number, withYear: boolean): string {
  const date = new Date(n * DAY);
  return `${date.getUTCDate()} ${MONTH_SHORT[date.getUTCMonth()]}${withYear ? ` ${date.getUTCFullYear()}` : ''}`;
}

/** The week (Monday first, as ISO 8601 and RFC 5545 count) or the month around `date`, in `zone`. */
export function visibleRange(view: CalendarSpan, date: string, zone: string): VisibleRange {
  const anchor = dayNumber(date);
  let first: number;
  let last: number;
  let previous: number;
  let next: number;
  let title: string;
  if (view === 'week') {
    first = anchor - weekdayOf(anchor);
    last = first + 6;
    previous = first - 7;
    next = first + 7;
    const a = new Date(first * DAY);
    const b = new Date(last * DAY);
    if (a.getUTCFullYear() !== b.getUTCFullYear()) title = `${dayTitle(first, true)} – ${dayTitle(last, true)}`;
    else if (a.getUTCMonth() !== b.getUTCMonth()) title = `${dayTitle(first, false)} – ${dayTitle(last, true)}`;
    else title = `${a.getUTCDate()}–${dayTitle(last, true)}`;
  } else {
    first = firstOfMonth(anchor, 0);
    next = firstOfMonth(anchor, 1);
    last = next - 1;
    previous = firstOfMonth(anchor, -1);
    const a = new Date(first * DAY);
    title = `${MONTH_LONG[a.getUTCMonth()]} ${a.getUTCFullYear()}`;
  }
  const days: CalendarDay[] = [];
  let start = localMidnight(zone, first);
  for (let n = first; n <= last; n++) {
    const end = localMidnight(zone, n + 1);
    const d = new Date(n * DAY);
    days.push({ date: isoOfDay(n), weekday: weekdayOf(n), day: d.getUTCDate(), month: d.getUTCMonth() + 1, start, end });
    start = end;
  }
  const span = { start: days[0]!.start, end: days[days.length - 1]!.end };
  const apiRange = { from: new Date(span.start).toISOString().slice(0, 10), to: new Date(span.end - 1).toISOString().slice(0, 10) };
  return { view, days, span, apiRange, title, previous: isoOfDay(previous), next: isoOfDay(next) };
}

/** "Europe/Berlin (UTC+01:00)", or both offsets when the clocks change inside the span. */
export function zoneCaption(zone: string, span: Span): string {
  const before = offsetMinutes(zone, span.start);
  const after = offsetMinutes(zone, span.end - 1);
  if (before === after) return `${zone} (UTC${offsetLabel(before)})`;
  return `${zone} (UTC${offsetLabel(before)}, then UTC${offsetLabel(after)} after the clocks change)`;
}
