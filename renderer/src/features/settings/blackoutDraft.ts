// A blackout period as its form holds it: a name and notes around the same schedule draft the
// maintenance windows use (a one-off freeze of whole days, or recurring peak hours).
import type { BlackoutInput, BlackoutPatch, BlackoutPeriod, Schedule } from '../../../../shared/domain/maintenance';
import type { FieldProblem } from '../../../../shared/validation';
import {
  draftOfSchedule,
  emptyScheduleDraft,
  sameSchedule,
  SCHEDULE_LABELS,
  scheduleOfDraft,
  scheduleProblems,
  type ScheduleDraft,
} from '../maintenance/scheduleDraft';

export interface BlackoutDraft extends ScheduleDraft {
  name: string;
  notes: string;
}

export const BLACKOUT_LABELS: Readonly<Record<keyof BlackoutDraft, string>> = { ...SCHEDULE_LABELS, name: 'Name', notes: 'Notes' };

/** A new period starts as whole days (the common case: a freeze from one date to another). */
export function emptyBlackoutDraft(timeZone: string, today: string): BlackoutDraft {
  return { ...emptyScheduleDraft({ kind: 'once', wholeDays: true, timeZone, today }), name: '', notes: '' };
}

export function draftOfBlackout(b: BlackoutPeriod, today: string): BlackoutDraft {
  return { ...draftOfSchedule(b.schedule, { wholeDays: true, today }), name: b.name, notes: b.notes };
}

export interface BlackoutFields {
  name: string;
  schedule: Schedule;
  notes: string;
}

export type BlackoutCheck = { ok: true; fields: BlackoutFields } | { ok: false; problems: FieldProblem[] };

export function blackoutOfDraft(draft: BlackoutDraft): BlackoutCheck {
  const check = scheduleOfDraft(draft);
  const problems: FieldProblem[] = [];
  const name = draft.name.trim();
  if (name === '') problems.push({ path: 'name', message: 'Name the period (such as “Release freeze” or “Peak hours”).' });
  if (!check.ok) problems.push(...check.problems);
  if (!check.ok || problems.length > 0) return { ok: false, problems };
  return { ok: true, fields: { name, schedule: check.schedule, notes: draft.notes.trim() } };
}

export function blackoutInputOf(fields: BlackoutFields): BlackoutInput {
  return { name: fields.name, schedule: fields.schedule, ...(fields.notes ? { notes: fields.notes } : {}) };
}

/** Only what differs from the stored period; a schedule the user left alone is never sent (see scheduleDraftChanged). */
export function blackoutPatchOf(before: BlackoutPeriod, fields: BlackoutFields, scheduleTouched = true): BlackoutPatch {
  const patch: BlackoutPatch = {};
  if (fields.name !== before.name) patch.name = fields.name;
  if (scheduleTouched && !sameSchedule(fields.schedule, before.schedule)) patch.schedule = fields.schedule;
  if (fields.notes !== before.notes) patch.notes = fields.notes;
  return patch;
}

/** The API's validation details on the form's fields ("patch.schedule.end" → the last day). */
export function blackoutProblems(problems: readonly FieldProblem[], draft: BlackoutDraft): FieldProblem[] {
  return scheduleProblems(problems, draft, { name: 'name', notes: 'notes' }, ['name']);
}
