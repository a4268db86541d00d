// A VEVENT's times (DTSTART, DTEND or DURATION, RRULE, EXDATE) made into a Schedule: a one-off
// span in UTC, or a recurring rule in the DTSTART's zone, checked against the register's own
// schema so nothing the app could not have stored itself gets in.
import type ICAL from 'ical.js';
import {
  MAX_DURATION_MINUTES,
  MAX_ONCE_DAYS,
  Schedule,
  WEEKDAYS,
  type RecurringSchedule,
  type Weekday,
} from '../../../shared/domain/maintenance';
import { dayNumber, weekdayOf } from '../../../shared/maintenance/expand';
import { utcToWall, wallClock, wallDate } from '../../../shared/maintenance/zone';
import { isoInstant } from './imported';
import { about, type Located, type Property } from './ical-located';
import { readRule } from './ical-rrule';
import { readTime, type CalendarZones, type IcalTime, type ZoneRef } from './ical-time';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface EventTimes {
  start: IcalTime;
  startZone: ZoneRef;
  dtstart: Property;
  end: IcalTime | null;
  endZone: ZoneRef | null;
  dtend: Property | null;
  duration: Property | null;
  rrule: Property | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (t: { y: number; m: number; d: number }) => `${t.y}-${pad(t.m)}-${pad(t.d)}`;
const DAY_NAMES: Record<Weekday, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };

function addDays(t: IcalTime, days: number): IcalTime {
  const date = new Date(Date.UTC(t.y, t.m - 1, t.d + days));
  return { ...t, y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/**
 * The end instant. A DURATION's days and weeks are nominal (RFC 5545 3.3.6: a day in a zone with
 * DST may last 23 or 25 hours), its hours, minutes and seconds exact; an all-day event without an
 * end lasts the one day (3.6.1).
 */
function endOf(ev: Located, times: EventTimes, zones: CalendarZones): number {
  const { start, startZone } = times;
  if (times.end && times.endZone) {
    const end = times.end;
    return about(ev, times.dtend, () => zones.instant(end, times.endZone!));
  }
  if (!times.duration) return about(ev, times.dtstart, () => zones.instant(addDays(start, 1), startZone));
  const prop = times.duration;
  let duration: InstanceType<typeof ICAL.Duration>;
  try {
    duration = prop.getFirstValue() as InstanceType<typeof ICAL.Duration>;
    if (!duration || typeof duration.toSeconds !== 'function') throw new Error('no value');
  } catch {
    return ev.fail(prop, `"${ev.written(prop)}" is not a duration such as PT2H or P1D`);
  }
  if (duration.isNegative) ev.fail(prop, `"${ev.written(prop)}" is negative: a window cannot end before it starts`);
  const nominalDays = duration.weeks * 7 + duration.days;
  const exact = ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
  return about(ev, prop, () => zones.instant(addDays(start, nominalDays), startZone)) + exact;
}

/** The property a schema path is about, for the message. */
function propertyFor(times: EventTimes, ev: Located, path: string): Property | null {
  if (['start', 'from', 'startTime', 'timeZone'].includes(path)) return times.dtstart;
  if (['end', 'durationMinutes'].includes(path)) return times.dtend ?? times.duration;
  if (path === 'exDates') return ev.prop('exdate');
  return times.rrule;
}

/** The register's schema has the last word: a schedule it would refuse is refused here, with the place. */
function checked(ev: Located, times: EventTimes, schedule: Schedule): Schedule {
  const result = Schedule.safeParse(schedule);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  return ev.fail(propertyFor(times, ev, String(issue.path[0] ?? '')), `${path ? `${path}: ` : ''}${issue.message}`);
}

function once(ev: Located, times: EventTimes, startMs: number, endMs: number): Schedule {
  const days = (endMs - startMs) / DAY;
  if (days > MAX_ONCE_DAYS) {
    ev.fail(times.dtend ?? times.duration, `makes the maintenance last ${Math.round(days * 10) / 10} days; Vetted holds one-off maintenance of at most ${MAX_ONCE_DAYS} days`);
  }
  // A zone that is no IANA name (only a VTIMEZONE in the file) cannot be shown later: UTC is.
  return checked(ev, times, { kind: 'once', start: isoInstant(startMs), end: isoInstant(endMs), timeZone: times.startZone.name ?? 'UTC' });
}

/** The n-th (or last, -1) given weekday of the month that `date` is in. */
function nthWeekday(date: string, weekday: number, pos: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const first = Date.UTC(y, m - 1, 1) / DAY;
  const next = Date.UTC(y, m, 1) / DAY;
  const n = pos === -1 ? next - 1 - ((weekdayOf(next - 1) - weekday + 7) % 7) : first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (pos - 1);
  return new Date(n * DAY).toISOString().slice(0, 10);
}

function recurring(ev: Located, times: EventTimes, zones: CalendarZones, startMs: number, endMs: number, warnings: string[]): Schedule {
  const { start, startZone, dtstart } = times;
  const rrule = times.rrule!;
  if (startZone.name === null) {
    ev.fail(dtstart, `TZID "${start.tzid}" is not an IANA time zone (such as Europe/Berlin); a repeating window needs one to keep its local time across daylight-saving changes`);
  }
  const zone = startZone.name;
  // The wall time is kept as written, even inside a spring-forward gap: expansion applies RFC 5545's rule there.
  const from = dateOf(start);
  const startMinutes = start.minutes;
  const durationMinutes = Math.ceil((endMs - startMs) / MINUTE);
  if (durationMinutes > MAX_DURATION_MINUTES) {
    ev.fail(times.dtend ?? times.duration, `makes each window last ${Math.round((durationMinutes / 1440) * 10) / 10} days; a repeating window lasts at most 7 days`);
  }
  const startDay = WEEKDAYS[weekdayOf(dayNumber(from))]!;
  const rule = about(ev, rrule, () => readRule(ev.written(rrule), startDay));

  let until: string | null = null;
  if (rule.until) {
    const u = rule.until;
    const t = about(ev, rrule, () => readTime(u.value, u.isDate ? 'date' : 'date-time', undefined, `UNTIL=${u.written}`));
    if (t.isDate) until = dateOf(t);
    else {
      // UNTIL is inclusive of an occurrence that starts at that instant, not of the whole local day.
      const local = t.utc ? utcToWall(zone, Date.UTC(t.y, t.m - 1, t.d) + t.minutes * MINUTE) : t;
      until = local.minutes >= startMinutes ? dateOf(local) : new Date(Date.UTC(local.y, local.m - 1, local.d - 1)).toISOString().slice(0, 10);
    }
    if (until < from) ev.fail(rrule, `UNTIL=${u.written} is before DTSTART, so the rule has no occurrence`);
  }

  const exDates = new Set<string>();
  for (const prop of ev.all('exdate')) {
    for (const t of ev.times(prop)) {
      if (t.isDate) {
        exDates.add(dateOf(t));
        continue;
      }
      const wall = utcToWall(zone, about(ev, prop, () => zones.instant(t)));
      exDates.add(wallDate(wall));
      if (wall.minutes !== startMinutes) {
        warnings.push(ev.where(prop, `${wallDate(wall)} ${wallClock(wall)} ${zone} is not the rule's start time (${wallClock({ ...wall, minutes: startMinutes })}); the window on that day is skipped all the same`));
      }
    }
  }

  const schedule: RecurringSchedule = {
    kind: 'recurring',
    freq: rule.freq,
    byDay: rule.byDay,
    setPos: rule.setPos,
    interval: rule.interval,
    startTime: wallClock({ y: start.y, m: start.m, d: start.d, minutes: startMinutes }),
    durationMinutes,
    timeZone: zone,
    from,
    until,
    count: rule.count,
    exDates: [...exDates].sort(),
  };

  // RFC 5545 leaves a DTSTART the rule does not produce undefined; Vetted keeps to the rule's days.
  const onRule =
    rule.freq === 'weekly' ? rule.byDay.includes(startDay) : nthWeekday(from, WEEKDAYS.indexOf(rule.byDay[0]!), rule.setPos!) === from;
  if (!onRule) {
    warnings.push(
      ev.where(dtstart, `${DAY_NAMES[startDay]} ${from} is not a day the RRULE gives; the first window is the rule's first day after it (some calendar programs also show one on DTSTART itself)`),
    );
  }
  if (start.seconds !== 0) warnings.push(ev.where(dtstart, `the seconds are dropped: the window starts at ${schedule.startTime}`));
  return checked(ev, times, schedule);
}

/** The event's schedule, or a failure naming the property at fault. */
export function buildSchedule(ev: Located, times: EventTimes, zones: CalendarZones, warnings: string[]): Schedule {
  const startMs = about(ev, times.dtstart, () => zones.instant(times.start, times.startZone));
  const endMs = endOf(ev, times, zones);
  if (!(endMs > startMs)) {
    const prop = times.dtend ?? times.duration;
    ev.fail(prop, `${isoInstant(endMs)} is not after DTSTART ${isoInstant(startMs)}: a window must end after it starts`);
  }
  return times.rrule ? recurring(ev, times, zones, startMs, endMs, warnings) : once(ev, times, startMs, endMs);
}
