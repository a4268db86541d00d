// The recurrence builder's draft, as the window and blackout forms use it: what a draft becomes
// (the Schedule the register stores, in words), what it refuses and on which field, how the API's
// paths land on fields, and that an edit that changes nothing sends nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WindowView } from '../../shared/api';
import type { BlackoutPeriod, Schedule, Weekday, WindowImpact, WindowStatus } from '../../shared/domain/maintenance';
import type { FieldProblem } from '../../shared/validation';

// Loaded by URL, as answer-saver.test.ts does: test/tsconfig.json does not reference the renderer
// project, so the shapes the tests use are spelled out here.
interface ScheduleDraft {
  kind: 'recurring' | 'once';
  freq: 'weekly' | 'monthly';
  weekDays: Weekday[];
  interval: string;
  setPos: string;
  monthDay: Weekday;
  startTime: string;
  durationHours: string;
  durationMinutes: string;
  timeZone: string;
  from: string;
  ends: 'never' | 'until' | 'count';
  until: string;
  count: string;
  exDates: string[];
  wholeDays: boolean;
  onceStartDate: string;
  onceStartTime: string;
  onceEndDate: string;
  onceEndTime: string;
}
interface WindowDraft extends ScheduleDraft {
  title: string;
  impact: WindowImpact;
  status: WindowStatus;
  announcedDate: string;
  announcedTime: string;
  notes: string;
}
interface BlackoutDraft extends ScheduleDraft {
  name: string;
  notes: string;
}
interface WindowFields {
  title: string;
  schedule: Schedule;
  impact: WindowImpact;
  status: WindowStatus;
  announcedAt: string | null;
  notes: string;
}
type Check<T> = ({ ok: true } & T) | { ok: false; problems: FieldProblem[] };

const load = async <T>(path: string): Promise<T> => (await import(new URL(`../../renderer/src/features/${path}`, import.meta.url).href)) as T;
const { draftOfSchedule, draftWords, emptyScheduleDraft, normalizeClock, sameSchedule, scheduleOfDraft, scheduleProblems } = await load<{
  draftOfSchedule(s: Schedule, o: { wholeDays: boolean; today: string }): ScheduleDraft;
  draftWords(d: ScheduleDraft): string | null;
  emptyScheduleDraft(o: { kind: ScheduleDraft['kind']; wholeDays: boolean; timeZone: string; today: string }): ScheduleDraft;
  normalizeClock(text: string): string;
  sameSchedule(a: Schedule, b: Schedule): boolean;
  scheduleOfDraft(d: ScheduleDraft): Check<{ schedule: Schedule }>;
  scheduleProblems(p: readonly FieldProblem[], d: Pick<ScheduleDraft, 'kind' | 'freq'>, own?: Record<string, string>, above?: readonly string[]): FieldProblem[];
}>('maintenance/scheduleDraft.ts');
const { draftOfWindow, emptyWindowDraft, touchedSince, windowOfDraft, windowPatchOf, windowProblems } = await load<{
  emptyWindowDraft(zone: string, today: string): WindowDraft;
  windowOfDraft(d: WindowDraft): Check<{ fields: WindowFields }>;
  windowPatchOf(before: WindowView, fields: WindowFields, touched?: { schedule: boolean; announced: boolean }): Partial<WindowFields>;
  draftOfWindow(w: WindowView, today: string): WindowDraft;
  touchedSince(opened: WindowDraft, now: WindowDraft): { schedule: boolean; announced: boolean };
  windowProblems(p: readonly FieldProblem[], d: ScheduleDraft): FieldProblem[];
}>('maintenance/windowDraft.ts');
const { blackoutOfDraft, draftOfBlackout, emptyBlackoutDraft } = await load<{
  blackoutOfDraft(d: BlackoutDraft): Check<{ fields: { name: string; schedule: Schedule; notes: string } }>;
  draftOfBlackout(b: BlackoutPeriod, today: string): BlackoutDraft;
  emptyBlackoutDraft(zone: string, today: string): BlackoutDraft;
}>('settings/blackoutDraft.ts');

const weekly = (patch: Partial<ScheduleDraft> = {}): ScheduleDraft => ({
  ...emptyScheduleDraft({ kind: 'recurring', wholeDays: false, timeZone: 'Europe/Berlin', today: '2026-01-04' }),
  weekDays: ['SU'],
  startTime: '02:00',
  durationHours: '2',
  ...patch,
});

const once = (patch: Partial<ScheduleDraft> = {}): ScheduleDraft => ({
  ...emptyScheduleDraft({ kind: 'once', wholeDays: false, timeZone: 'Europe/Berlin', today: '2026-01-04' }),
  onceStartDate: '2026-07-01',
  onceStartTime: '02:00',
  onceEndDate: '2026-07-01',
  onceEndTime: '06:30',
  ...patch,
});

/** The fields a draft's problems land on, in order. */
function fieldsAtFault(draft: ScheduleDraft): string[] {
  const check = scheduleOfDraft(draft);
  assert.equal(check.ok, false, 'the draft is refused');
  return check.ok ? [] : check.problems.map((p) => p.path);
}

test('a weekly draft becomes the stored schedule and its words', () => {
  const check = scheduleOfDraft(weekly());
  assert.ok(check.ok, 'a complete weekly draft is accepted');
  assert.deepEqual(check.schedule, {
    kind: 'recurring',
    freq: 'weekly',
    byDay: ['SU'],
    setPos: null,
    interval: 1,
    startTime: '02:00',
    durationMinutes: 120,
    timeZone: 'Europe/Berlin',
    from: '2026-01-04',
    until: null,
    count: null,
    exDates: [],
  });
  assert.equal(draftWords(weekly()), 'Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)');
  // Days come out in week order whatever order they were ticked in; minutes alone may pass 59.
  const peak = scheduleOfDraft(weekly({ weekDays: ['FR', 'MO', 'WE', 'TU', 'TH'], startTime: '8:00', durationHours: '', durationMinutes: '720' }));
  assert.ok(peak.ok && peak.schedule.kind === 'recurring', 'peak hours are accepted');
  assert.deepEqual(peak.schedule.byDay, ['MO', 'TU', 'WE', 'TH', 'FR'], 'the days in week order');
  assert.equal(peak.schedule.durationMinutes, 720, '720 minutes typed as minutes');
  assert.equal(peak.schedule.startTime, '08:00', '8:00 is read as 08:00');
});

test('a monthly draft takes one weekday and its position; the end is a last day or a count, never both', () => {
  const last = scheduleOfDraft(weekly({ freq: 'monthly', setPos: '-1', monthDay: 'SA', weekDays: [], ends: 'count', count: '12', exDates: ['2026-12-26'] }));
  assert.ok(last.ok && last.schedule.kind === 'recurring', 'the last Saturday is accepted');
  assert.deepEqual([last.schedule.byDay, last.schedule.setPos, last.schedule.count, last.schedule.until], [['SA'], -1, 12, null]);
  assert.equal(
    draftWords(weekly({ freq: 'monthly', setPos: '-1', monthDay: 'SA', ends: 'count', count: '12', exDates: ['2026-12-26'] })),
    'The last Saturday of every month, 02:00–04:00 Europe/Berlin (12 times from 2026-01-04; except 2026-12-26)',
  );
  const until = scheduleOfDraft(weekly({ ends: 'until', until: '2026-06-30', count: '5' }));
  assert.ok(until.ok && until.schedule.kind === 'recurring' && until.schedule.until === '2026-06-30' && until.schedule.count === null, 'the count typed before is not sent with a last day');
});

test('bad input is refused on the field it concerns, in the order the fields stand on screen', () => {
  assert.deepEqual(fieldsAtFault(weekly({ startTime: '25:00', timeZone: 'Mars/Olympus_Mons' })), ['startTime', 'timeZone']);
  assert.deepEqual(fieldsAtFault(weekly({ weekDays: [] })), ['weekDays']);
  assert.deepEqual(fieldsAtFault(weekly({ durationHours: '0', durationMinutes: '' })), ['durationHours']);
  assert.deepEqual(fieldsAtFault(weekly({ durationHours: 'two' })), ['durationHours']);
  assert.deepEqual(fieldsAtFault(weekly({ durationHours: '169' })), ['durationHours'], 'more than a week');
  assert.deepEqual(fieldsAtFault(weekly({ interval: '13' })), ['interval']);
  assert.deepEqual(fieldsAtFault(weekly({ ends: 'until', until: '2025-12-31' })), ['until'], 'a last day before the first');
  assert.deepEqual(fieldsAtFault(weekly({ ends: 'count', count: '0' })), ['count']);
  assert.deepEqual(fieldsAtFault(weekly({ timeZone: ' ' })), ['timeZone']);
  assert.deepEqual(fieldsAtFault(once({ onceEndTime: '01:00' })), ['onceEndDate'], 'an end before the start');
  assert.deepEqual(fieldsAtFault(once({ onceEndDate: '2026-08-15' })), ['onceEndDate'], 'longer than 31 days');
  assert.deepEqual(fieldsAtFault(once({ onceStartTime: '7pm' })), ['onceStartTime']);
  const check = scheduleOfDraft(weekly({ startTime: '25:00' }));
  assert.ok(!check.ok && check.problems[0]!.message === 'Give the start time as HH:MM, from 00:00 to 23:59 (such as 02:00).', 'the message says how to write it');
  assert.equal(draftWords(weekly({ startTime: '25:00' })), null, 'no words for a draft that is refused');
  assert.equal(normalizeClock(' 2.30 '), '02:30');
  assert.equal(normalizeClock('230'), '230', 'anything else is left for the check to refuse');
});

test('a one-off span is read in its zone: a scheduled maintenance to the minute, a freeze as whole days', () => {
  const summer = scheduleOfDraft(once());
  assert.ok(summer.ok, 'the one-off is accepted');
  assert.deepEqual(summer.schedule, { kind: 'once', start: '2026-07-01T00:00:00Z', end: '2026-07-01T04:30:00Z', timeZone: 'Europe/Berlin' });
  const freezeDraft = once({ wholeDays: true, onceStartDate: '2026-12-20', onceEndDate: '2027-01-05', onceStartTime: '', onceEndTime: '' });
  const freeze = scheduleOfDraft(freezeDraft);
  assert.ok(freeze.ok, 'the freeze is accepted');
  assert.deepEqual(freeze.schedule, { kind: 'once', start: '2026-12-19T23:00:00Z', end: '2027-01-05T23:00:00Z', timeZone: 'Europe/Berlin' }, 'midnight to the midnight after the last day');
  assert.equal(draftWords(freezeDraft), '2026-12-20 to 2027-01-05, whole days, Europe/Berlin');
  // Back into a draft for editing: the last day, not the midnight after it.
  const again = draftOfSchedule(freeze.schedule, { wholeDays: true, today: '2026-12-01' });
  assert.deepEqual([again.wholeDays, again.onceStartDate, again.onceEndDate], [true, '2026-12-20', '2027-01-05']);
  const asWindow = draftOfSchedule(freeze.schedule, { wholeDays: false, today: '2026-12-01' });
  assert.deepEqual([asWindow.wholeDays, asWindow.onceEndDate, asWindow.onceEndTime], [false, '2027-01-06', '00:00'], 'a window keeps its times');
});

test('a recurring schedule survives the round trip through a draft unchanged', () => {
  const stored: Schedule = {
    kind: 'recurring',
    freq: 'monthly',
    byDay: ['TU'],
    setPos: 2,
    interval: 3,
    startTime: '22:30',
    durationMinutes: 185,
    timeZone: 'Asia/Kolkata',
    from: '2026-01-01',
    until: '2027-06-30',
    count: null,
    exDates: ['2026-04-14'],
  };
  const check = scheduleOfDraft(draftOfSchedule(stored, { wholeDays: false, today: '2026-12-01' }));
  assert.ok(check.ok && sameSchedule(check.schedule, stored), 'the draft of a stored schedule says the same');
});

test('the API paths land on the fields: schedule paths on the builder, the rest through the form’s own names, in screen order', () => {
  const draft = weekly({ freq: 'monthly' });
  const problems = scheduleProblems(
    [
      { path: 'patch.schedule.timeZone', message: 'must be an IANA time zone such as Europe/Berlin or UTC' },
      { path: 'patch.schedule.byDay.0', message: 'a monthly window happens on one weekday' },
      { path: 'patch.schedule.durationMinutes', message: 'at least one minute' },
      { path: 'patch.notes', message: 'is too long' },
      { path: 'patch.somethingElse', message: 'unknown' },
      { path: 'patch.title', message: 'is too long' },
    ],
    draft,
    { title: 'title', notes: 'notes' },
    ['title'],
  );
  assert.deepEqual(
    problems.map((p) => [p.path, p.message]),
    [
      ['title', 'is too long'],
      ['monthDay', 'a monthly window happens on one weekday'],
      ['durationHours', 'must be at least one minute'],
      ['timeZone', 'must be an IANA time zone such as Europe/Berlin or UTC'],
      ['notes', 'is too long'],
    ],
  );
  assert.deepEqual(
    windowProblems([{ path: 'announcedAt', message: 'must be a date and time such as 2026-12-06T02:00:00Z' }, { path: 'schedule.end', message: 'must be after the start' }], once()),
    [
      { path: 'onceEndDate', message: 'must be after the start' },
      { path: 'announcedDate', message: 'must be a date and time such as 2026-12-06T02:00:00Z' },
    ],
  );
});

test('the window form: the announcement is read in the schedule’s zone, and an edit sends only what changed', () => {
  const draft = { ...emptyWindowDraft('Europe/Berlin', '2026-12-01'), ...once(), title: ' Core router upgrade ', announcedDate: '2026-06-28', announcedTime: '9:15' };
  const check = windowOfDraft(draft);
  assert.ok(check.ok, 'the window is accepted');
  assert.equal(check.fields.announcedAt, '2026-06-28T07:15:00Z', '09:15 in Berlin in summer');
  assert.equal(check.fields.title, 'Core router upgrade');
  const half = windowOfDraft({ ...draft, announcedTime: '' });
  assert.ok(!half.ok && half.problems.map((p) => p.path).join() === 'announcedTime', 'a day without a time is refused on the time');

  const stored: WindowView = {
    id: 'w1',
    vendorId: 'v1',
    vendorName: 'Fernhill',
    criticalPath: false,
    words: '',
    title: 'Core router upgrade',
    // Seconds the form cannot show: an edit of the notes must not rewrite them.
    schedule: { kind: 'once', start: '2026-07-01T00:00:30Z', end: '2026-07-01T04:30:00.000Z', timeZone: 'Europe/Berlin' },
    impact: 'outage',
    source: 'ical',
    status: 'confirmed',
    announcedAt: '2026-06-28T07:15:42Z',
    sourceUid: 'fh-1',
    sequence: 2,
    notes: '',
    createdAt: '2026-06-28T08:00:00Z',
    updatedAt: '2026-06-28T08:00:00Z',
  };
  assert.ok(check.ok);
  assert.deepEqual(windowPatchOf(stored, check.fields), {}, 'nothing changed: nothing is sent');
  assert.deepEqual(windowPatchOf(stored, { ...check.fields, notes: 'Confirmed by phone.', impact: 'degraded' }), { notes: 'Confirmed by phone.', impact: 'degraded' });
  assert.deepEqual(windowPatchOf(stored, { ...check.fields, title: '' }), {}, 'an emptied title keeps the stored one');

  // The second 01:30 of the night New York's clocks go back: a wall time cannot say which one, so
  // an edit that leaves the schedule alone must not send it (it would move an hour).
  const fallBack: WindowView = { ...stored, schedule: { kind: 'once', start: '2026-11-01T06:30:00Z', end: '2026-11-01T07:30:00Z', timeZone: 'America/New_York' }, announcedAt: null };
  const opened = draftOfWindow(fallBack, '2026-10-01');
  const notesOnly = { ...opened, notes: 'Confirmed by phone.' };
  const notesCheck = windowOfDraft(notesOnly);
  assert.ok(notesCheck.ok, 'the draft of the stored window is accepted');
  assert.notEqual(notesCheck.fields.schedule.kind === 'once' && notesCheck.fields.schedule.start, '2026-11-01T06:30:00Z', 'the wall time alone reads as the first 01:30');
  assert.deepEqual(touchedSince(opened, notesOnly), { schedule: false, announced: false });
  assert.deepEqual(windowPatchOf(fallBack, notesCheck.fields, touchedSince(opened, notesOnly)), { notes: 'Confirmed by phone.' }, 'only the notes are sent');
});

test('the blackout form: a name is needed, and a stored period reads back as the days it covers', () => {
  const draft = { ...emptyBlackoutDraft('Europe/Berlin', '2026-12-01'), onceStartDate: '2026-12-20', onceEndDate: '2027-01-05' };
  const unnamed = blackoutOfDraft(draft);
  assert.ok(!unnamed.ok && unnamed.problems[0]!.path === 'name', 'refused on the name first');
  const named = blackoutOfDraft({ ...draft, name: ' Release freeze ' });
  assert.ok(named.ok && named.fields.name === 'Release freeze', 'accepted with its name trimmed');
  const edited = draftOfBlackout({ id: 'b1', name: 'Release freeze', notes: '', schedule: named.fields.schedule, createdAt: '', updatedAt: '' }, '2026-12-01');
  assert.deepEqual([edited.kind, edited.wholeDays, edited.onceStartDate, edited.onceEndDate], ['once', true, '2026-12-20', '2027-01-05']);
});
