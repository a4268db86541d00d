// Maintenance windows (when a provider may take its service down), the provider's scheduled
// maintenances (one-off windows with the time they were announced, so notice can be measured) and
// the company's own blackout periods (release freeze, peak hours). One schedule shape serves all
// three: a recurring rule in a provider's own time zone (the RRULE subset RFC 5545 calls weekly
// BYDAY and monthly BYDAY with a position), or a one-off span in UTC.
import { z } from 'zod';
import { IsoDate, isIsoDate } from './dates';
import { isTimeZone } from '../maintenance/zone';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WINDOW_IMPACTS = ['none', 'degraded', 'outage'] as const;
export type WindowImpact = (typeof WINDOW_IMPACTS)[number];

/** Where a window came from: typed in, an iCalendar file, a Statuspage scheduled-maintenances file. */
export const WINDOW_SOURCES = ['entered', 'ical', 'statuspage'] as const;
export type WindowSource = (typeof WINDOW_SOURCES)[number];

/** A cancelled window stays on record (it was announced) but never counts as an occurrence. */
export const WINDOW_STATUSES = ['confirmed', 'tentative', 'cancelled'] as const;
export type WindowStatus = (typeof WINDOW_STATUSES)[number];

/** Monthly rules: the first … fourth, or the last, of the chosen weekday in the month. */
export const SET_POSITIONS = [1, 2, 3, 4, -1] as const;
export type SetPosition = (typeof SET_POSITIONS)[number];

/** A one-off span is at most this long: longer "maintenance" is an outage or a mistake in the file. */
export const MAX_ONCE_DAYS = 31;
/** A one-off blackout (a release freeze, a peak season) lasts at most a year. */
export const MAX_BLACKOUT_DAYS = 366;
/** A recurring window lasts at most a week (it recurs at most weekly). */
export const MAX_DURATION_MINUTES = 7 * 24 * 60;

export const TimeZone = z
  .string()
  .trim()
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin or UTC');

export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM (00:00–23:59)');

/** An instant written in ISO 8601 with a zone designator (2026-12-06T02:00:00Z). */
export const IsoInstant = z
  .string()
  .max(40)
  // The day checked as a calendar date: Date.parse rolls 2026-02-30 over to 2 March without a word.
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && isIsoDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s)), 'must be a date and time such as 2026-12-06T02:00:00Z');

const RecurringSchedule = z
  .object({
    kind: z.literal('recurring'),
    freq: z.enum(['weekly', 'monthly']),
    /** Weekly: the days it happens. Monthly: exactly one day, with setPos. */
    byDay: z.array(z.enum(WEEKDAYS)).min(1, 'choose at least one weekday').max(7),
    /** Monthly only: which of that weekday in the month (1–4, or -1 for the last). */
    setPos: z.union(SET_POSITIONS.map((n) => z.literal(n)) as unknown as [z.ZodLiteral<SetPosition>, z.ZodLiteral<SetPosition>]).nullable(),
    /** Every n weeks or months. */
    interval: z.number().int().min(1, 'at least 1').max(12, 'at most 12'),
    /** Local start time in `timeZone`. */
    startTime: ClockTime,
    /** Minutes of elapsed time (so a window across a DST change still lasts this long). */
    durationMinutes: z.number().int().min(1, 'at least one minute').max(MAX_DURATION_MINUTES, 'at most 7 days'),
    timeZone: TimeZone,
    /** The first local day the rule applies (DTSTART's day). */
    from: IsoDate,
    /** The last local day an occurrence may start on, inclusive; null: no end. */
    until: IsoDate.nullable(),
    /** At most this many occurrences (counted before exDates are skipped, as RFC 5545 does); null: no limit. */
    count: z.number().int().min(1).max(1000).nullable(),
    /** Local days whose occurrence is skipped. */
    exDates: z.array(IsoDate).max(500),
  })
  .strict();

const OnceSchedule = z
  .object({
    kind: z.literal('once'),
    start: IsoInstant,
    end: IsoInstant,
    /** The zone it was announced in, for showing it as the provider wrote it. */
    timeZone: TimeZone,
  })
  .strict();

/** The schedule schema, with the longest one-off span it accepts. */
const scheduleWithin = (maxOnceDays: number) => z.discriminatedUnion('kind', [RecurringSchedule, OnceSchedule]).superRefine((s, ctx) => {
  if (s.kind === 'once') {
    const span = Date.parse(s.end) - Date.parse(s.start);
    if (!(span > 0)) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after the start' });
    else if (span > maxOnceDays * 86_400_000) ctx.addIssue({ code: 'custom', path: ['end'], message: `must be within ${maxOnceDays} days of the start` });
    return;
  }
  if (new Set(s.byDay).size !== s.byDay.length) ctx.addIssue({ code: 'custom', path: ['byDay'], message: 'names a weekday twice' });
  if (s.freq === 'monthly') {
    if (s.setPos === null) ctx.addIssue({ code: 'custom', path: ['setPos'], message: 'a monthly window needs which weekday of the month (first … fourth, or last)' });
    if (s.byDay.length !== 1) ctx.addIssue({ code: 'custom', path: ['byDay'], message: 'a monthly window happens on one weekday' });
  } else if (s.setPos !== null) {
    ctx.addIssue({ code: 'custom', path: ['setPos'], message: 'only a monthly window has a position in the month' });
  }
  if (s.until !== null && s.until < s.from) ctx.addIssue({ code: 'custom', path: ['until'], message: 'must not be before the first day' });
  if (s.until !== null && s.count !== null) ctx.addIssue({ code: 'custom', path: ['count'], message: 'give an end date or a number of occurrences, not both' });
});

/** A maintenance window's schedule. */
export const Schedule = scheduleWithin(MAX_ONCE_DAYS);
/** A blackout's: a one-off freeze may run for months (a year at most). */
export const BlackoutSchedule = scheduleWithin(MAX_BLACKOUT_DAYS);
export type Schedule = z.infer<typeof Schedule>;
export type RecurringSchedule = z.infer<typeof RecurringSchedule>;
export type OnceSchedule = z.infer<typeof OnceSchedule>;

export interface MaintenanceWindow {
  id: string;
  vendorId: string;
  /** "Patch window", or the provider's own title for an imported maintenance. */
  title: string;
  schedule: Schedule;
  impact: WindowImpact;
  source: WindowSource;
  status: WindowStatus;
  /** When the provider announced it (a scheduled maintenance); null for a standing window. */
  announcedAt: string | null;
  /** The provider's id for it (iCalendar UID, Statuspage id): a later import updates the same row. */
  sourceUid: string | null;
  /** iCalendar SEQUENCE (or Statuspage updated_at as epoch seconds): an import never applies an older one. */
  sequence: number | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

const editableWindow = {
  title: z.string().trim().max(200),
  schedule: Schedule,
  impact: z.enum(WINDOW_IMPACTS),
  status: z.enum(WINDOW_STATUSES),
  announcedAt: IsoInstant.nullable(),
  notes: z.string().trim().max(5000),
};

export const WindowInput = z
  .object({
    vendorId: z.string().min(1).max(100),
    title: editableWindow.title.optional(),
    schedule: Schedule,
    /** Outage unless said otherwise: the safe assumption about a window nobody described. */
    impact: editableWindow.impact.optional(),
    status: editableWindow.status.optional(),
    announcedAt: editableWindow.announcedAt.optional(),
    notes: editableWindow.notes.optional(),
  })
  .strict();
export type WindowInput = z.input<typeof WindowInput>;

export const WindowPatch = z.object(editableWindow).partial().strict();
export type WindowPatch = z.input<typeof WindowPatch>;

/** The company's own time when no provider should be in maintenance. */
export interface BlackoutPeriod {
  id: string;
  name: string;
  schedule: Schedule;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

const editableBlackout = {
  name: z.string().trim().min(1, 'name the period').max(200),
  schedule: BlackoutSchedule,
  notes: z.string().trim().max(5000),
};

export const BlackoutInput = z
  .object({ name: editableBlackout.name, schedule: editableBlackout.schedule, notes: editableBlackout.notes.optional() })
  .strict();
export type BlackoutInput = z.input<typeof BlackoutInput>;

export const BlackoutPatch = z.object(editableBlackout).partial().strict();
export type BlackoutPatch = z.input<typeof BlackoutPatch>;

/** A date range of whole UTC days, from and to inclusive. */
export const DateRange = z
  .object({ from: IsoDate, to: IsoDate })
  .strict()
  .refine((r) => r.to >= r.from, { path: ['to'], message: 'must not be before from' })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 3 * 366 * 86_400_000, { path: ['to'], message: 'a range is at most three years' });
export type DateRange = z.infer<typeof DateRange>;

/** The window's schedule needs no end of its own: [start, end) in ms since the epoch, UTC. */
export interface Span {
  start: number;
  end: number;
}

/** The UTC instants a date range covers: from 00:00Z on `from` to 24:00Z on `to`. */
export function rangeSpan(range: DateRange): Span {
  return { start: Date.parse(`${range.from}T00:00:00Z`), end: Date.parse(`${range.to}T00:00:00Z`) + 86_400_000 };
}
