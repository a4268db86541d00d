// A provider's maintenance window as the add and edit form holds it: the schedule builder's
// draft plus what is said about the window, and how it becomes window.add's input or
// window.update's patch (only what changed).
import type { WindowView } from '../../../../shared/api';
import type { Schedule, WindowImpact, WindowInput, WindowPatch, WindowStatus } from '../../../../shared/domain/maintenance';
import { isIsoDate } from '../../../../shared/domain/dates';
import { isTimeZone, utcToWall, wallClock, wallDate, wallToUtc } from '../../../../shared/maintenance/zone';
import type { FieldProblem } from '../../../../shared/validation';
import {
  draftOfSchedule,
  emptyScheduleDraft,
  isoInstant,
  minuteOf,
  normalizeClock,
  sameSchedule,
  SCHEDULE_LABELS,
  scheduleDraftChanged,
  scheduleOfDraft,
  scheduleProblems,
  type ScheduleDraft,
} from './scheduleDraft';

export interface WindowDraft extends ScheduleDraft {
  title: string;
  impact: WindowImpact;
  status: WindowStatus;
  /** When the provider announced it, in the schedule's zone; both empty: not known. */
  announcedDate: string;
  announcedTime: string;
  notes: string;
}

type OwnKey = 'title' | 'impact' | 'status' | 'announcedDate' | 'announcedTime' | 'notes';

export const WINDOW_LABELS: Readonly<Record<keyof WindowDraft, string>> = {
  ...SCHEDULE_LABELS,
  title: 'Title',
  impact: 'Impact',
  status: 'Status',
  announcedDate: 'Announced on',
  announcedTime: 'Announced at',
  notes: 'Notes',
};

/** The API's own paths and the form fields they land on. */
const OWN_PATHS: Readonly<Record<string, OwnKey>> = {
  title: 'title',
  impact: 'impact',
  status: 'status',
  announcedAt: 'announcedDate',
  notes: 'notes',
};

export function emptyWindowDraft(timeZone: string, today: string): WindowDraft {
  return {
    ...emptyScheduleDraft({ kind: 'recurring', wholeDays: false, timeZone, today }),
    title: '',
    // What the register assumes of a window nobody described; said here so it can be changed.
    impact: 'outage',
    status: 'confirmed',
    announcedDate: '',
    announcedTime: '',
    notes: '',
  };
}

export function draftOfWindow(w: WindowView, today: string): WindowDraft {
  const announced = w.announcedAt === null ? null : utcToWall(w.schedule.timeZone, Date.parse(w.announcedAt));
  return {
    ...draftOfSchedule(w.schedule, { wholeDays: false, today }),
    title: w.title,
    impact: w.impact,
    status: w.status,
    announcedDate: announced ? wallDate(announced) : '',
    announcedTime: announced ? wallClock(announced) : '',
    notes: w.notes,
  };
}

export interface WindowFields {
  title: string;
  schedule: Schedule;
  impact: WindowImpact;
  status: WindowStatus;
  announcedAt: string | null;
  notes: string;
}

export type WindowCheck = { ok: true; fields: WindowFields } | { ok: false; problems: FieldProblem[] };

/** The window a draft describes, or every problem with it on its field. */
export function windowOfDraft(draft: WindowDraft): WindowCheck {
  const check = scheduleOfDraft(draft);
  const problems: FieldProblem[] = check.ok ? [] : [...check.problems];
  let announcedAt: string | null = null;
  const date = draft.announcedDate.trim();
  const time = normalizeClock(draft.announcedTime);
  if (date !== '' || time !== '') {
    if (!isIsoDate(date)) problems.push({ path: 'announcedDate', message: 'Give the day it was announced, or leave both announcement fields empty.' });
    else if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) problems.push({ path: 'announcedTime', message: 'Give the time it was announced as HH:MM (such as 09:30).' });
    else if (isTimeZone(draft.timeZone.trim())) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
      announcedAt = isoInstant(wallToUtc(draft.timeZone.trim(), { y, m, d, minutes }));
    }
  }
  if (!check.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    fields: {
      title: draft.title.trim(),
      schedule: check.schedule,
      impact: draft.impact,
      status: draft.status,
      announcedAt,
      notes: draft.notes.trim(),
    },
  };
}

/** window.add's input for a provider. An empty title is left out: the register names it "Maintenance window". */
export function windowInputOf(vendorId: string, fields: WindowFields): WindowInput {
  return {
    vendorId,
    ...(fields.title ? { title: fields.title } : {}),
    schedule: fields.schedule,
    impact: fields.impact,
    status: fields.status,
    announcedAt: fields.announcedAt,
    ...(fields.notes ? { notes: fields.notes } : {}),
  };
}

/** Which parts of the form the user changed since it opened (see scheduleDraftChanged). */
export interface Touched {
  schedule: boolean;
  announced: boolean;
}

export function touchedSince(opened: WindowDraft, now: WindowDraft): Touched {
  return {
    schedule: scheduleDraftChanged(opened, now),
    announced: opened.announcedDate !== now.announcedDate || opened.announcedTime !== now.announcedTime || opened.timeZone !== now.timeZone,
  };
}

/**
 * window.update's patch: only what differs from the stored window (an emptied title keeps the
 * old one). A schedule or an announcement the user left alone is never sent, even where the
 * form could not say it exactly.
 */
export function windowPatchOf(before: WindowView, fields: WindowFields, touched: Touched = { schedule: true, announced: true }): WindowPatch {
  const patch: WindowPatch = {};
  if (fields.title !== '' && fields.title !== before.title) patch.title = fields.title;
  if (touched.schedule && !sameSchedule(fields.schedule, before.schedule)) patch.schedule = fields.schedule;
  if (fields.impact !== before.impact) patch.impact = fields.impact;
  if (fields.status !== before.status) patch.status = fields.status;
  // Compared to the minute, like the schedule: the form cannot show a stored time's seconds.
  const announcedSame =
    fields.announcedAt === null || before.announcedAt === null ? fields.announcedAt === before.announcedAt : minuteOf(fields.announcedAt) === minuteOf(before.announcedAt);
  if (touched.announced && !announcedSame) patch.announcedAt = fields.announcedAt;
  if (fields.notes !== before.notes) patch.notes = fields.notes;
  return patch;
}

/** The API's validation details on the form's fields ("schedule.timeZone" → the time zone field). */
export function windowProblems(problems: readonly FieldProblem[], draft: WindowDraft): FieldProblem[] {
  return scheduleProblems(problems, draft, OWN_PATHS, ['title']);
}
