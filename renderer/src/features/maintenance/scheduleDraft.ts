// A schedule as the recurrence builder holds it while the user types (strings, so "25:00" or
// "abc" can be shown and refused), how it becomes the Schedule the register stores, and which
// field a problem belongs to. One draft serves a provider's maintenance window and the company's
// blackout period: the same builder edits both.
import { MAX_DURATION_MINUTES, MAX_ONCE_DAYS, Schedule, WEEKDAYS, type SetPosition, type Weekday } from '../../../../shared/domain/maintenance';
import { isIsoDate } from '../../../../shared/domain/dates';
import { isTimeZone, utcToWall, wallClock, wallDate, wallToUtc } from '../../../../shared/maintenance/zone';
import { describeIssues, type FieldProblem } from '../../../../shared/validation';
import { periodWords } from './periodWords';

export interface ScheduleDraft {
  kind: 'recurring' | 'once';
  freq: 'weekly' | 'monthly';
  /** Weekly: the days ticked. */
  weekDays: Weekday[];
  /** Every n weeks or months. */
  interval: string;
  /** Monthly: '1'…'4' or '-1' (the last), and the weekday. */
  setPos: string;
  monthDay: Weekday;
  /** HH:MM in `timeZone`. */
  startTime: string;
  /** The duration as typed: hours and minutes (minutes alone may exceed 59: "150"). */
  durationHours: string;
  durationMinutes: string;
  timeZone: string;
  /** YYYY-MM-DD: the first day the rule applies. */
  from: string;
  ends: 'never' | 'until' | 'count';
  until: string;
  count: string;
  exDates: string[];
  /** One-off: whole days (a freeze from one date to another) or a start and end time. */
  wholeDays: boolean;
  onceStartDate: string;
  onceStartTime: string;
  /** With wholeDays, the last day (inclusive); otherwise the day the span ends. */
  onceEndDate: string;
  onceEndTime: string;
}

export type ScheduleKey = keyof ScheduleDraft;
export type ScheduleErrors = Partial<Record<ScheduleKey, string>>;

/** Labels for the fields' messages ("Time zone must be …"); a message in capitals stands alone. */
export const SCHEDULE_LABELS: Readonly<Record<ScheduleKey, string>> = {
  kind: 'Schedule',
  freq: 'Repeats',
  weekDays: 'Days',
  interval: 'Interval',
  setPos: 'Which one in the month',
  monthDay: 'Weekday',
  startTime: 'Start time',
  durationHours: 'Duration',
  durationMinutes: 'Duration',
  timeZone: 'Time zone',
  from: 'First day',
  ends: 'Ends',
  until: 'Last day',
  count: 'Number of occurrences',
  exDates: 'Skipped dates',
  wholeDays: 'Whole days',
  onceStartDate: 'Start',
  onceStartTime: 'Start time',
  onceEndDate: 'End',
  onceEndTime: 'End time',
};

export const DAY_LABELS: Readonly<Record<Weekday, string>> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

export const POSITION_LABELS: readonly { value: SetPosition; label: string }[] = [
  { value: 1, label: 'first' },
  { value: 2, label: 'second' },
  { value: 3, label: 'third' },
  { value: 4, label: 'fourth' },
  { value: -1, label: 'last' },
];

export function emptyScheduleDraft(options: { kind: ScheduleDraft['kind']; wholeDays: boolean; timeZone: string; today: string }): ScheduleDraft {
  return {
    kind: options.kind,
    freq: 'weekly',
    weekDays: [],
    interval: '1',
    setPos: '1',
    monthDay: 'SU',
    startTime: '',
    durationHours: '',
    durationMinutes: '',
    timeZone: options.timeZone,
    from: options.today,
    ends: 'never',
    until: '',
    count: '',
    exDates: [],
    wholeDays: options.wholeDays,
    onceStartDate: '',
    onceStartTime: '',
    onceEndDate: '',
    onceEndTime: '',
  };
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const isoOfUtcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The draft of a stored schedule, for editing; `wholeDays` is kept when the span allows it. */
export function draftOfSchedule(schedule: Schedule, options: { wholeDays: boolean; today: string }): ScheduleDraft {
  const base = emptyScheduleDraft({ kind: schedule.kind, wholeDays: options.wholeDays, timeZone: schedule.timeZone, today: options.today });
  if (schedule.kind === 'recurring') {
    return {
      ...base,
      freq: schedule.freq,
      weekDays: schedule.freq === 'weekly' ? [...schedule.byDay] : [],
      monthDay: schedule.freq === 'monthly' ? (schedule.byDay[0] ?? 'SU') : 'SU',
      setPos: String(schedule.setPos ?? 1),
      interval: String(schedule.interval),
      startTime: schedule.startTime,
      durationHours: String(Math.floor(schedule.durationMinutes / 60)),
      durationMinutes: String(schedule.durationMinutes % 60),
      from: schedule.from,
      ends: schedule.until !== null ? 'until' : schedule.count !== null ? 'count' : 'never',
      until: schedule.until ?? '',
      count: schedule.count === null ? '' : String(schedule.count),
      exDates: [...schedule.exDates].sort(),
    };
  }
  const start = utcToWall(schedule.timeZone, Date.parse(schedule.start));
  const end = utcToWall(schedule.timeZone, Date.parse(schedule.end));
  // A span from midnight to midnight reads as whole days where whole days are asked for.
  const wholeDays = options.wholeDays && start.minutes === 0 && end.minutes === 0;
  return {
    ...base,
    from: wallDate(start),
    wholeDays,
    onceStartDate: wallDate(start),
    onceStartTime: wallClock(start),
    onceEndDate: wholeDays ? isoOfUtcDay(Date.UTC(end.y, end.m - 1, end.d) - DAY) : wallDate(end),
    onceEndTime: wallClock(end),
  };
}

/** "2:30" → "02:30"; anything else is returned trimmed for the check to refuse. */
export function normalizeClock(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(t);
  return m ? `${pad(Number(m[1]))}:${m[2]}` : t;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const clockMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);

/** The minutes a duration draft comes to (empty parts are 0); NaN when a part is not a whole number. */
export function draftMinutes(hours: string, minutes: string): number {
  const h = hours.trim() === '' ? 0 : wholeNumber(hours);
  const m = minutes.trim() === '' ? 0 : wholeNumber(minutes);
  return h * 60 + m;
}

export type ScheduleCheck = { ok: true; schedule: Schedule } | { ok: false; problems: FieldProblem[] };

/**
 * The Schedule a draft describes, or the problems with it, each on the field it names. The
 * form's own checks speak first (in sentences); the shared schema, the one the register applies,
 * has the last word.
 */
export function scheduleOfDraft(draft: ScheduleDraft): ScheduleCheck {
  const problems: FieldProblem[] = [];
  const problem = (path: ScheduleKey, message: string) => problems.push({ path, message });
  const zone = draft.timeZone.trim();
  const zoneOk = isTimeZone(zone);
  // Said where the zone field stands in the form, so the first problem focused is the first one seen.
  const checkZone = () => {
    if (zone === '') problem('timeZone', 'Choose the time zone the times are in.');
    else if (!zoneOk) problem('timeZone', `“${zone}” is not a time zone: choose one from the list, such as Europe/Berlin or UTC.`);
  };

  let candidate: unknown;
  if (draft.kind === 'recurring') {
    const interval = wholeNumber(draft.interval);
    if (!(interval >= 1 && interval <= 12)) problem('interval', `Repeat every 1 to 12 ${draft.freq === 'weekly' ? 'weeks' : 'months'} (a whole number).`);
    const byDay = draft.freq === 'weekly' ? WEEKDAYS.filter((d) => draft.weekDays.includes(d)) : [draft.monthDay];
    if (byDay.length === 0) problem('weekDays', 'Tick at least one day.');
    const startTime = normalizeClock(draft.startTime);
    if (!CLOCK.test(startTime)) problem('startTime', 'Give the start time as HH:MM, from 00:00 to 23:59 (such as 02:00).');
    const duration = draftMinutes(draft.durationHours, draft.durationMinutes);
    if (Number.isNaN(duration)) problem('durationHours', 'Give the duration in whole hours and minutes.');
    else if (duration < 1) problem('durationHours', 'Give a duration of at least one minute.');
    else if (duration > MAX_DURATION_MINUTES) problem('durationHours', `A window lasts at most 7 days (${MAX_DURATION_MINUTES.toLocaleString('en')} minutes).`);
    checkZone();
    if (!isIsoDate(draft.from)) problem('from', 'Give the first day the schedule applies.');
    let until: string | null = null;
    let count: number | null = null;
    if (draft.ends === 'until') {
      if (!isIsoDate(draft.until)) problem('until', 'Give the last day, or choose another end.');
      else if (isIsoDate(draft.from) && draft.until < draft.from) problem('until', 'The last day must not be before the first day.');
      else until = draft.until;
    } else if (draft.ends === 'count') {
      count = wholeNumber(draft.count);
      if (!(count >= 1 && count <= 1000)) problem('count', 'Give a number of occurrences from 1 to 1000.');
    }
    candidate = {
      kind: 'recurring',
      freq: draft.freq,
      byDay,
      setPos: draft.freq === 'monthly' ? Number(draft.setPos) : null,
      interval,
      startTime,
      durationMinutes: duration,
      timeZone: zone,
      from: draft.from,
      until,
      count,
      exDates: [...new Set(draft.exDates)].sort(),
    };
  } else {
    const startTime = draft.wholeDays ? '00:00' : normalizeClock(draft.onceStartTime);
    const endTime = draft.wholeDays ? '00:00' : normalizeClock(draft.onceEndTime);
    if (!isIsoDate(draft.onceStartDate)) problem('onceStartDate', draft.wholeDays ? 'Give the first day.' : 'Give the day it starts.');
    if (!CLOCK.test(startTime)) problem('onceStartTime', 'Give the start time as HH:MM, from 00:00 to 23:59 (such as 02:00).');
    if (!isIsoDate(draft.onceEndDate)) problem('onceEndDate', draft.wholeDays ? 'Give the last day.' : 'Give the day it ends.');
    if (!CLOCK.test(endTime)) problem('onceEndTime', 'Give the end time as HH:MM, from 00:00 to 23:59 (such as 06:00).');
    checkZone();
    if (problems.length > 0 || !zoneOk) return { ok: false, problems };
    const [sy, sm, sd] = draft.onceStartDate.split('-').map(Number) as [number, number, number];
    const [ey, em, ed] = draft.onceEndDate.split('-').map(Number) as [number, number, number];
    const start = wallToUtc(zone, { y: sy, m: sm, d: sd, minutes: clockMinutes(startTime) });
    // Whole days end at midnight after the last day.
    const endDay = new Date(Date.UTC(ey, em - 1, ed) + (draft.wholeDays ? DAY : 0));
    const end = wallToUtc(zone, { y: endDay.getUTCFullYear(), m: endDay.getUTCMonth() + 1, d: endDay.getUTCDate(), minutes: clockMinutes(endTime) });
    if (end <= start) {
      problem('onceEndDate', draft.wholeDays ? 'The last day must not be before the first day.' : 'The end must be after the start.');
    } else if (end - start > MAX_ONCE_DAYS * DAY) {
      problem('onceEndDate', `A one-off span lasts at most ${MAX_ONCE_DAYS} days.`);
    }
    candidate = { kind: 'once', start: isoInstant(start), end: isoInstant(end), timeZone: zone };
  }
  if (problems.length > 0) return { ok: false, problems };
  const parsed = Schedule.safeParse(candidate);
  if (!parsed.success) {
    const relative = describeIssues(parsed.error.issues).map((p) => ({ ...p, path: p.path === '(input)' ? 'schedule' : `schedule.${p.path}` }));
    return { ok: false, problems: scheduleProblems(relative, draft) };
  }
  return { ok: true, schedule: parsed.data };
}

/** "2026-12-06T01:00:00Z": an instant as the register stores it (no milliseconds to read past). */
export const isoInstant = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The schedule in words while the user types, or null until the draft describes one. */
export function draftWords(draft: ScheduleDraft): string | null {
  const check = scheduleOfDraft(draft);
  return check.ok ? periodWords(check.schedule) : null;
}

/** The builder's field a schedule path names ("timeZone", "byDay.0", "end"), or null. */
export function scheduleFieldOf(path: string, draft: Pick<ScheduleDraft, 'kind' | 'freq'>): ScheduleKey | null {
  const head = path.split('.')[0] ?? '';
  switch (head) {
    case '':
    case 'kind':
      return 'kind';
    case 'freq':
      return 'freq';
    case 'byDay':
      return draft.freq === 'monthly' ? 'monthDay' : 'weekDays';
    case 'setPos':
      return 'setPos';
    case 'interval':
      return 'interval';
    case 'startTime':
      return 'startTime';
    case 'durationMinutes':
      return 'durationHours';
    case 'timeZone':
      return 'timeZone';
    case 'from':
      return 'from';
    case 'until':
      return 'until';
    case 'count':
      return 'count';
    case 'exDates':
      return 'exDates';
    case 'start':
      return 'onceStartDate';
    case 'end':
      return 'onceEndDate';
    default:
      return null;
  }
}

/** The builder's fields in the order they stand on screen: the first problem focused is the first one seen. */
const SCREEN_ORDER: readonly ScheduleKey[] = [
  'kind',
  'freq',
  'interval',
  'weekDays',
  'setPos',
  'monthDay',
  'startTime',
  'durationHours',
  'durationMinutes',
  'wholeDays',
  'onceStartDate',
  'onceStartTime',
  'onceEndDate',
  'onceEndTime',
  'timeZone',
  'from',
  'ends',
  'until',
  'count',
  'exDates',
];

/** The schema's bare bounds read as a sentence after the label: "at least 1" → "must be at least 1". */
const worded = (message: string) => (/^(at least|at most)\b/.test(message) ? `must be ${message}` : message);

/**
 * Problems from a check or the API, each moved to the form field it names: schedule paths
 * ("schedule.timeZone", or "patch.schedule.end" from an update) to the builder's fields, other
 * paths through `own` ("title", "name"). Problems naming no field of the form are left out (the
 * form-level message still says them). They come back in screen order: `above` names the form's
 * own fields shown above the builder (a title, a name); the rest of its own fields are below it.
 */
export function scheduleProblems<K extends string>(
  problems: readonly FieldProblem[],
  draft: Pick<ScheduleDraft, 'kind' | 'freq'>,
  own: Readonly<Record<string, K>> = {},
  above: readonly K[] = [],
): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const p of problems) {
    const path = p.path.replace(/^patch\./, '');
    let field: string | null;
    if (path === 'schedule' || path.startsWith('schedule.')) field = scheduleFieldOf(path.slice('schedule.'.length), draft);
    else {
      const head = path.split('.')[0] ?? '';
      field = Object.prototype.hasOwnProperty.call(own, head) ? own[head]! : null;
    }
    if (field !== null) out.push({ path: field, message: worded(p.message) });
  }
  const rank = (path: string) => {
    const top = (above as readonly string[]).indexOf(path);
    if (top >= 0) return top;
    const inBuilder = (SCREEN_ORDER as readonly string[]).indexOf(path);
    return inBuilder >= 0 ? 100 + inBuilder : 200;
  };
  return out.sort((a, b) => rank(a.path) - rank(b.path));
}

/** Minutes since the epoch: what the builder can express (a stored instant may carry seconds). */
export const minuteOf = (iso: string) => Math.floor(Date.parse(iso) / 60_000);

/**
 * True when two schedules say the same thing to the minute, so an edit that left the schedule
 * alone sends no new one (a provider's "02:00:30Z" is not rewritten as "02:00Z" by a title change).
 */
export function sameSchedule(a: Schedule, b: Schedule): boolean {
  if (a.kind === 'once' || b.kind === 'once') {
    return a.kind === b.kind && a.timeZone === b.timeZone && minuteOf((a as { start: string }).start) === minuteOf((b as { start: string }).start) && minuteOf((a as { end: string }).end) === minuteOf((b as { end: string }).end);
  }
  const canonical = (s: Schedule) => JSON.stringify(Object.entries(s).sort(([x], [y]) => x.localeCompare(y)));
  return canonical(a) === canonical(b);
}

/**
 * True when the builder's fields differ between two drafts (the draft the form opened with and
 * the one it holds): a schedule nobody touched is not sent again, so nothing the round trip
 * through wall times cannot express (seconds, the second 02:30 of a night the clocks go back) is
 * rewritten by an edit of the title.
 */
export function scheduleDraftChanged(opened: ScheduleDraft, now: ScheduleDraft): boolean {
  return (Object.keys(SCHEDULE_LABELS) as ScheduleKey[]).some((key) => JSON.stringify(opened[key]) !== JSON.stringify(now[key]));
}

/**
 * The errors a change makes stale besides the field's own: a new duration in minutes answers the
 * duration's error, another kind or frequency shows other fields, a new start answers "the end
 * must be after the start".
 */
export function errorsClearedBy(key: string): ScheduleKey[] {
  switch (key) {
    case 'kind':
      return Object.keys(SCHEDULE_LABELS) as ScheduleKey[];
    case 'freq':
      return ['weekDays', 'monthDay', 'setPos', 'interval'];
    case 'durationMinutes':
      return ['durationHours'];
    case 'ends':
      return ['until', 'count'];
    case 'from':
      return ['until'];
    case 'wholeDays':
      return ['onceStartDate', 'onceStartTime', 'onceEndDate', 'onceEndTime'];
    case 'onceStartDate':
    case 'onceStartTime':
    case 'onceEndTime':
      return ['onceEndDate'];
    default:
      return [];
  }
}
