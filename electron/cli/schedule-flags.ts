// The schedule flags of `vetted window add` and `vetted blackout add`, read into the contract's
// Schedule: --every "mon,wed 22:30" (weekly), --monthly "last sun 02:00", --at 2026-12-06T02:00
// (one-off), with --duration, --tz and the rule's bounds. Everything here is checked before the
// register is opened, and every refusal names the flag it is about.
import { isIsoDate } from '../../shared/domain/dates';
import {
  MAX_DURATION_MINUTES,
  MAX_BLACKOUT_DAYS,
  MAX_ONCE_DAYS,
  BlackoutSchedule,
  Schedule,
  WEEKDAYS,
  type DateRange,
  type SetPosition,
  type Weekday,
} from '../../shared/domain/maintenance';
import { isTimeZone, utcToWall, wallClock, wallDate, wallToUtc } from '../../shared/maintenance/zone';
import { wholeNumberFlag } from './args';
import { dateFlag } from './date-flag';
import { inputError, usageError } from './cli-error';

/** A recurring rule as --every or --monthly describe it (the bounds come from other flags). */
export interface RuleFlag {
  freq: 'weekly' | 'monthly';
  byDay: Weekday[];
  setPos: SetPosition | null;
  interval: number;
  startTime: string;
}

const DAY_WORDS: Record<string, Weekday> = {
  mo: 'MO', mon: 'MO', monday: 'MO',
  tu: 'TU', tue: 'TU', tues: 'TU', tuesday: 'TU',
  we: 'WE', wed: 'WE', wednesday: 'WE',
  th: 'TH', thu: 'TH', thur: 'TH', thurs: 'TH', thursday: 'TH',
  fr: 'FR', fri: 'FR', friday: 'FR',
  sa: 'SA', sat: 'SA', saturday: 'SA',
  su: 'SU', sun: 'SU', sunday: 'SU',
};
const DAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday',
};
const POSITION_WORDS: Record<string, SetPosition> = {
  first: 1, '1st': 1, '1': 1,
  second: 2, '2nd': 2, '2': 2,
  third: 3, '3rd': 3, '3': 3,
  fourth: 4, '4th': 4, '4': 4,
  last: -1, '-1': -1,
};

const EVERY_EXAMPLES = '"sun 02:00", "mon,wed 22:30", "mon-fri 08:00" or "2 weeks sun 02:00"';
const MONTHLY_EXAMPLES = '"last sun 02:00", "first tue 22:00" or "3 months second wed 23:00"';

/** One weekday word ("sun", "Sunday", "sundays"), or a refusal naming the flag. */
function weekday(flag: string, word: string): Weekday {
  const day = DAY_WORDS[word] ?? (word.endsWith('s') ? DAY_WORDS[word.slice(0, -1)] : undefined);
  if (!day) throw inputError(`--${flag}: "${word}" is not a weekday (mon, tue, wed, thu, fri, sat, sun)`);
  return day;
}

/** "mon,wed", "mon-fri", "fri-mon" (a range may wrap past Sunday), "daily"; in week order. */
function weekdays(flag: string, text: string): Weekday[] {
  if (text === 'daily' || text === 'day') return [...WEEKDAYS];
  const days: Weekday[] = [];
  for (const part of text.split(',')) {
    if (part === '') throw inputError(`--${flag}: an empty weekday in "${text}"`);
    const range = part.split('-');
    if (range.length > 2) throw inputError(`--${flag}: "${part}" is not a weekday or a range such as mon-fri`);
    if (range.length === 1) {
      days.push(weekday(flag, part));
      continue;
    }
    const first = WEEKDAYS.indexOf(weekday(flag, range[0]!));
    const last = WEEKDAYS.indexOf(weekday(flag, range[1]!));
    for (let i = first; ; i = (i + 1) % 7) {
      days.push(WEEKDAYS[i]!);
      if (i === last) break;
    }
  }
  const twice = days.find((d, i) => days.indexOf(d) !== i);
  if (twice) throw inputError(`--${flag}: names ${DAY_NAMES[twice]} twice`);
  return [...days].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
}

/** "2:00" or "02:00" as HH:MM. */
function clockTime(flag: string, text: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw inputError(`--${flag}: expected a time written HH:MM (00:00–23:59), got "${text}"`);
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** Every n weeks or months: 1 to 12, as the schedule allows. */
function interval(flag: string, text: string | undefined): number {
  if (text === undefined) return 1;
  const n = Number(text);
  if (n < 1 || n > 12) throw inputError(`--${flag}: the interval is from 1 to 12, got ${text}`);
  return n;
}

/** Lower case, single spaces, no space around commas or range dashes. */
const normalise = (text: string) =>
  text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ ?([,-]) ?/g, '$1');

/**
 * --every: weekly on the days given, at a local time. "sun 02:00", "mon,wed 22:30",
 * "mon-fri 08:00", "2 weeks sun 02:00"; "every", "on" and "at" may be written too.
 */
export function parseEvery(text: string, flag = 'every'): RuleFlag {
  const m = /^(?:every )?(?:(?:(\d+) )?weeks? )?(?:on )?([a-z,-]+) (?:at )?(\S+)$/.exec(normalise(text));
  if (!m) throw inputError(`--${flag}: expected weekdays and a time such as ${EVERY_EXAMPLES}, got "${text}"`);
  return { freq: 'weekly', interval: interval(flag, m[1]), byDay: weekdays(flag, m[2]!), setPos: null, startTime: clockTime(flag, m[3]!) };
}

/**
 * --monthly: one weekday of the month by its position, at a local time. "last sun 02:00",
 * "first tue 22:00", "2nd mon 03:00", "3 months first tue 22:00" (every third month).
 */
export function parseMonthly(text: string, flag = 'monthly'): RuleFlag {
  const m = /^(?:every )?(?:(?:(\d+) )?months? )?(?:on )?(?:the )?(\S+) ([a-z]+) (?:of the month )?(?:at )?(\S+)$/.exec(normalise(text));
  if (!m) throw inputError(`--${flag}: expected a position, a weekday and a time such as ${MONTHLY_EXAMPLES}, got "${text}"`);
  const setPos = POSITION_WORDS[m[2]!];
  if (setPos === undefined) throw inputError(`--${flag}: "${m[2]}" is not a position in the month (first, second, third, fourth or last)`);
  return { freq: 'monthly', interval: interval(flag, m[1]), byDay: [weekday(flag, m[3]!)], setPos, startTime: clockTime(flag, m[4]!) };
}

/** --tz: an IANA zone, spelled as the platform spells it when only the case differs. */
export function timeZoneFlag(value: string, flag = 'tz'): string {
  const zone = value.trim();
  if (!isTimeZone(zone)) throw inputError(`--${flag}: expected an IANA time zone such as Europe/Berlin, got "${value}"`);
  // Only the case is corrected: ICU's canonical names can be older ones (Asia/Calcutta for Asia/Kolkata).
  const canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  return canonical.toLowerCase() === zone.toLowerCase() ? canonical : zone;
}

/** --except: YYYY-MM-DD days separated by commas, each once, in order. */
export function dateListFlag(flag: string, value: string | undefined): string[] {
  if (value === undefined) return [];
  const days = value.split(',').map((d) => d.trim());
  for (const d of days) {
    if (!isIsoDate(d)) throw inputError(`--${flag}: expected dates written YYYY-MM-DD, separated by commas, got "${d}"`);
  }
  return [...new Set(days)].sort();
}

/** What --at and --announced resolved to: a UTC instant, and a remark when the local time was moved. */
export interface InstantFlag {
  /** ISO 8601 in UTC (2026-12-06T01:00:00.000Z). */
  iso: string;
  ms: number;
  /** Set when the local time does not exist (the clocks went forward) and was read as RFC 5545 says. */
  warning?: string;
}

/**
 * A date and time: with Z or an offset it is that instant; without, a local time in `zone`
 * (2026-12-06T02:00, or "2026-12-06 02:00").
 */
export function instantFlag(flag: string, value: string, zone: string): InstantFlag {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim().toUpperCase());
  const hour = Number(m?.[2]);
  const minute = Number(m?.[3]);
  const second = Number(m?.[4] ?? 0);
  if (!m || !isIsoDate(m[1]!) || hour > 23 || minute > 59 || second > 59) {
    throw inputError(`--${flag}: expected a date and time such as 2026-12-06T02:00 (in --tz) or 2026-12-06T01:00Z, got "${value}"`);
  }
  const [y, mo, d] = m[1]!.split('-').map(Number) as [number, number, number];
  const zoneDesignator = m[5];
  if (zoneDesignator !== undefined) {
    const offset = zoneDesignator === 'Z' ? 'Z' : `${zoneDesignator.slice(0, 3)}:${zoneDesignator.slice(-2)}`;
    const pad = (n: number) => String(n).padStart(2, '0');
    const ms = Date.parse(`${m[1]}T${pad(hour)}:${pad(minute)}:${pad(second)}${offset}`);
    if (Number.isNaN(ms)) throw inputError(`--${flag}: "${value}" is not a valid date and time`);
    return { iso: new Date(ms).toISOString(), ms };
  }
  const wall = { y, m: mo, d, minutes: hour * 60 + minute };
  const ms = wallToUtc(zone, wall) + second * 1000;
  const read = utcToWall(zone, ms);
  const result: InstantFlag = { iso: new Date(ms).toISOString(), ms };
  if (read.minutes !== wall.minutes || wallDate(read) !== m[1]) {
    result.warning = `--${flag}: ${m[1]} ${wallClock(wall)} does not exist in ${zone} (the clocks go forward); read as ${wallClock(read)}, as RFC 5545 does`;
  }
  return result;
}

/** Today's date in a zone (the first day of a rule given no --from). */
export function todayIn(zone: string, now: number): string {
  return wallDate(utcToWall(zone, now));
}

/** The schedule flags as parsed by node:util (all strings). */
export interface ScheduleFlagValues {
  every?: string;
  monthly?: string;
  at?: string;
  duration?: string;
  tz?: string;
  from?: string;
  until?: string;
  count?: string;
  except?: string;
}

export interface ScheduleFromFlags {
  schedule: Schedule;
  /** Remarks for stderr (a local time moved out of a DST gap). */
  warnings: string[];
  /** The zone the times were read in (--announced is read in it too). */
  zone: string;
}

const SCHEDULE_PATH_FLAGS: Record<string, string> = {
  startTime: 'every', byDay: 'every', setPos: 'monthly', interval: 'every', durationMinutes: 'duration', timeZone: 'tz',
  from: 'from', until: 'until', count: 'count', exDates: 'except', start: 'at', end: 'duration',
};

/** A usage error on one line, pointing at the help (the add commands' usage runs to several lines). */
export const flagUsageError = (message: string) => usageError(`${message} (see: vetted --help)`);

/**
 * The Schedule the flags describe, or a refusal naming the flag: a usage error (exit 1) for
 * flags missing or given together that cannot be, an input error (exit 2) for a bad value.
 */
export function scheduleFromFlags(v: ScheduleFlagValues, now = Date.now()): ScheduleFromFlags {
  const given = (['every', 'monthly', 'at'] as const).filter((f) => v[f] !== undefined);
  if (given.length !== 1) {
    throw flagUsageError(`${given.length === 0 ? 'give' : 'give only one of'} --every, --monthly or --at`);
  }
  if (v.duration === undefined) throw flagUsageError(`--duration: give the length in minutes`);
  if (v.tz === undefined) throw flagUsageError(`--tz: give the time zone the times are in, such as Europe/Berlin`);
  const zone = timeZoneFlag(v.tz);

  if (v.at !== undefined) {
    for (const f of ['from', 'until', 'count', 'except'] as const) {
      if (v[f] !== undefined) throw flagUsageError(`--${f} bounds a recurring schedule (--every or --monthly); a one-off is --at with --duration`);
    }
    const minutes = wholeNumberFlag('duration', v.duration, 1, MAX_ONCE_DAYS * 24 * 60)!;
    const start = instantFlag('at', v.at, zone);
    const schedule: Schedule = { kind: 'once', start: start.iso, end: new Date(start.ms + minutes * 60_000).toISOString(), timeZone: zone };
    return { schedule: checked(schedule), warnings: start.warning ? [start.warning] : [], zone };
  }

  if (v.until !== undefined && v.count !== undefined) throw flagUsageError(`give --until or --count, not both`);
  const rule = v.every !== undefined ? parseEvery(v.every) : parseMonthly(v.monthly!);
  const durationMinutes = wholeNumberFlag('duration', v.duration, 1, MAX_DURATION_MINUTES)!;
  const from = dateFlag('from', v.from) ?? todayIn(zone, now);
  const until = dateFlag('until', v.until) ?? null;
  if (until !== null && until < from) {
    throw inputError(`--until: ${until} is before the first day, ${from}${v.from === undefined ? ` (today in ${zone}; give --from)` : ''}`);
  }
  const count = wholeNumberFlag('count', v.count, 1, 1000) ?? null;
  const exDates = dateListFlag('except', v.except);
  const schedule: Schedule = { kind: 'recurring', ...rule, durationMinutes, timeZone: zone, from, until, count, exDates };
  return { schedule: checked(schedule), warnings: [], zone };
}

/** The day after a YYYY-MM-DD. */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const midnight = (zone: string, day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return wallToUtc(zone, { y, m, d, minutes: 0 });
};

/**
 * Whole local days, `to` included (a release freeze): a one-off from midnight on `from` to
 * midnight after `to` in the zone. At most MAX_BLACKOUT_DAYS days (a year).
 */
export function wholeDaysSchedule(v: { from: string; to: string; tz?: string }): Schedule {
  const zone = timeZoneFlag(v.tz ?? 'UTC');
  const from = dateFlag('from', v.from)!;
  const to = dateFlag('to', v.to)!;
  if (to < from) throw inputError(`--to: ${to} is before --from, ${from}`);
  const start = midnight(zone, from);
  const end = midnight(zone, nextDay(to));
  if (end - start > MAX_BLACKOUT_DAYS * 86_400_000) {
    throw inputError(`--to: a blackout period of whole days is at most ${MAX_BLACKOUT_DAYS} days (${from} to ${to} is longer)`);
  }
  return checked({ kind: 'once', start: new Date(start).toISOString(), end: new Date(end).toISOString(), timeZone: zone }, BlackoutSchedule);
}

/** The whole days a one-off covers when it runs from local midnight to local midnight; else null. */
export function wholeDaysOf(schedule: Schedule): { from: string; to: string } | null {
  if (schedule.kind !== 'once') return null;
  const start = utcToWall(schedule.timeZone, Date.parse(schedule.start));
  const end = utcToWall(schedule.timeZone, Date.parse(schedule.end));
  if (start.minutes !== 0 || end.minutes !== 0) return null;
  const last = new Date(Date.parse(`${wallDate(end)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { from: wallDate(start), to: last };
}

/** The contract's own check, as a backstop: its first complaint, named by the flag it came from. */
function checked(schedule: Schedule, schema: typeof Schedule | typeof BlackoutSchedule = Schedule): Schedule {
  const result = schema.safeParse(schedule);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const flag = SCHEDULE_PATH_FLAGS[String(issue.path[0])] ?? 'schedule';
  throw inputError(`--${flag}: ${issue.message}`);
}

/** The same day a year later (29 February → 1 March). */
export function yearAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

/** --from/--to of `overlaps` and `calendar`: whole UTC days, by default today to a year ahead. */
export interface RangeFlag {
  range: DateRange;
  /** True when neither flag was given (the output says which range it took). */
  defaulted: boolean;
}

export function rangeFlags(v: { from?: string; to?: string }, today: string): RangeFlag {
  const from = dateFlag('from', v.from) ?? today;
  const to = dateFlag('to', v.to) ?? yearAfter(from);
  if (to < from) throw inputError(`--to: ${to} is before the first day, ${from}${v.from === undefined ? ' (today; give --from)' : ''}`);
  if (to > yearAfter(yearAfter(yearAfter(from)))) throw inputError(`--to: a range is at most three years (from ${from})`);
  return { range: { from, to }, defaulted: v.from === undefined && v.to === undefined };
}
