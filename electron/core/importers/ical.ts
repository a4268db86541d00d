// A provider's iCalendar file (RFC 5545) read into maintenance events, with the maintenance-note
// properties network and hosting providers add (X-MAINTNOTE-PROVIDER, -ACCOUNT, -MAINTENANCE-ID,
// -OBJECT-ID, -IMPACT, -STATUS, from the maint-notification draft). ical.js parses; this module
// maps each VEVENT into Vetted's schema, once, here: a one-off event becomes a span in UTC, an
// RRULE a recurring schedule in the DTSTART's IANA zone. All or nothing: every problem is
// collected with its line, and one bad event refuses the file.
import ICAL from 'ical.js';
import type { WindowImpact, WindowStatus } from '../../../shared/domain/maintenance';
import { clip, EventProblem, isoInstant, MAX_NOTES, MAX_SOURCE_UID, MAX_TITLE, Problems, refusal, type ImportedEvent, type ParsedMaintenanceFile } from './imported';
import { indexLines, type ComponentLines } from './ical-lines';
import { about, Located, type Component } from './ical-located';
import { plainText, type Property } from './ical-text';
import { CalendarZones, TimeProblem, type ZoneRef } from './ical-time';
import { buildSchedule, type EventTimes } from './ical-schedule';

/** X-MAINTNOTE-IMPACT: the draft's four levels, worst last; reduced redundancy keeps the service up. */
const IMPACTS: Record<string, { impact: WindowImpact; rank: number; words: string }> = {
  'NO-IMPACT': { impact: 'none', rank: 0, words: 'no impact' },
  'REDUCED-REDUNDANCY': { impact: 'none', rank: 1, words: 'reduced redundancy' },
  DEGRADED: { impact: 'degraded', rank: 2, words: 'degraded' },
  OUTAGE: { impact: 'outage', rank: 3, words: 'outage' },
};

/** X-MAINTNOTE-STATUS: in process and completed are maintenance that did (or does) happen. */
const MAINTNOTE_STATUSES: Record<string, WindowStatus> = {
  TENTATIVE: 'tentative',
  CONFIRMED: 'confirmed',
  'IN-PROCESS': 'confirmed',
  COMPLETED: 'confirmed',
  CANCELLED: 'cancelled',
};

/** One event read, with what decides between two versions of the same UID. */
interface ReadEvent {
  event: ImportedEvent;
  dtstamp: number | null;
  order: number;
  where: string;
}

/** The events' SEQUENCE: absent is 0 (RFC 5545 3.8.7.4); anything but a whole number is refused. */
function sequenceOf(ev: Located): number {
  const prop = ev.prop('sequence');
  if (!prop) return 0;
  const written = ev.written(prop).trim();
  if (!/^\d{1,9}$/.test(written)) ev.fail(prop, `"${written}" is not a whole number of 0 or more`);
  return Number(written);
}

function statusOf(ev: Located, method: string, warnings: string[]): { status: WindowStatus; said: string | null } {
  const note = ev.text('x-maintnote-status').toUpperCase();
  const standard = ev.text('status').toUpperCase();
  // iTIP (RFC 5546) METHOD:CANCEL: every event in the file is withdrawn.
  if (method === 'CANCEL' || note === 'CANCELLED' || standard === 'CANCELLED') return { status: 'cancelled', said: null };
  if (note) {
    const status = MAINTNOTE_STATUSES[note];
    if (status) return { status, said: note === 'IN-PROCESS' ? 'in process' : note === 'COMPLETED' ? 'completed' : null };
    warnings.push(ev.where(ev.prop('x-maintnote-status'), `"${note}" is not a status the maintenance-note draft defines; read as confirmed`));
    return { status: 'confirmed', said: null };
  }
  if (standard === 'TENTATIVE') return { status: 'tentative', said: null };
  return { status: 'confirmed', said: null };
}

/** The X-MAINTNOTE-OBJECT-IMPACT parameter of an X-MAINTNOTE-OBJECT-ID, upper case ('' when absent). */
const objectImpact = (p: Property) => String(p.getParameter('x-maintnote-object-impact') ?? '').toUpperCase();

interface ImpactReading {
  impact: WindowImpact;
  /** Lines for the notes. */
  notes: string[];
}

function impactOf(ev: Located, warnings: string[]): ImpactReading {
  const prop = ev.prop('x-maintnote-impact');
  const written = ev.text('x-maintnote-impact').toUpperCase();
  if (written) {
    const known = IMPACTS[written];
    if (known) {
      return { impact: known.impact, notes: written === 'REDUCED-REDUNDANCY' ? ['The provider gives the impact as reduced redundancy: held as no impact, since the service stays up.'] : [] };
    }
    warnings.push(ev.where(prop, `"${written}" is not an impact the maintenance-note draft defines (NO-IMPACT, REDUCED-REDUNDANCY, DEGRADED, OUTAGE); held as an outage`));
    return { impact: 'outage', notes: [`The provider gives the impact as "${written}": held as an outage.`] };
  }
  // No overall impact: the worst impact given per object, if any, else the safe assumption.
  const objectImpacts = ev
    .all('x-maintnote-object-id')
    .map((p) => IMPACTS[objectImpact(p)])
    .filter((i) => i !== undefined);
  if (objectImpacts.length > 0) {
    const worst = objectImpacts.reduce((a, b) => (b.rank > a.rank ? b : a));
    warnings.push(ev.where(null, `has no X-MAINTNOTE-IMPACT; held as ${worst.impact}, the worst impact its X-MAINTNOTE-OBJECT-IDs give`));
    return { impact: worst.impact, notes: [`No overall impact was given: held as ${worst.impact}, the worst of the affected objects.`] };
  }
  warnings.push(ev.where(null, 'has no X-MAINTNOTE-IMPACT; held as an outage, the safe assumption'));
  return { impact: 'outage', notes: ['No impact was given: held as an outage.'] };
}

/** The provider's identifiers and the affected objects, in words. */
function notesOf(ev: Located, impact: ImpactReading, said: string | null): string {
  const id = ev.text('x-maintnote-maintenance-id');
  const provider = ev.text('x-maintnote-provider');
  const account = ev.text('x-maintnote-account');
  const lines: string[] = [];
  const by = `${provider ? ` by ${provider}` : ''}${account ? ` for account ${account}` : ''}`;
  if (id) lines.push(`Maintenance ${id}${by}.`);
  else if (by) lines.push(`Announced${by}.`);
  const objects = ev.all('x-maintnote-object-id').map((p) => {
    const own = IMPACTS[objectImpact(p)];
    return `${plainText(p)}${own ? ` (${own.words})` : ''}`;
  });
  if (objects.length > 0) lines.push(`Affects ${objects.join(', ')}.`);
  lines.push(...impact.notes);
  if (said) lines.push(`The provider marks it ${said}.`);
  const description = ev.text('description');
  if (description) lines.push('', description);
  return clip(lines.join('\n'), MAX_NOTES);
}

/** CREATED, else DTSTAMP (RFC 5545: when the event was first written, else when this copy was). */
function announcedAt(ev: Located, zones: CalendarZones): string | null {
  const prop = ev.prop('created') ?? ev.prop('dtstamp');
  if (!prop) return null;
  const t = ev.time(prop);
  return isoInstant(about(ev, prop, () => zones.instant(t)));
}

function readEvent(ev: Located, zones: CalendarZones, method: string, warnings: string[]): Omit<ReadEvent, 'order'> {
  const uid = ev.text('uid');
  if (!uid) ev.fail(null, 'has no UID, so a later update could not be matched to it');
  if (uid.length > MAX_SOURCE_UID) ev.fail(ev.prop('uid'), `is ${uid.length} characters long; Vetted keeps a provider's id of at most ${MAX_SOURCE_UID}`);
  const recurrenceId = ev.prop('recurrence-id');
  if (recurrenceId) ev.fail(recurrenceId, 'changes one occurrence of a repeating event, which Vetted cannot hold: import the series without its exceptions');
  const rdate = ev.prop('rdate');
  if (rdate) ev.fail(rdate, 'adds dates outside the RRULE, which Vetted cannot hold');
  const exrule = ev.prop('exrule');
  if (exrule) ev.fail(exrule, 'removes dates by a second rule (deprecated by RFC 5545), which Vetted cannot hold');
  const rules = ev.all('rrule');
  if (rules.length > 1) ev.fail(rules[1]!, 'is a second RRULE; Vetted holds one rule per event');

  const dtstart = ev.prop('dtstart');
  if (!dtstart) ev.fail(null, 'has no DTSTART');
  const start = ev.time(dtstart);
  const startZone: ZoneRef = about(ev, dtstart, () => zones.zoneOf(start));
  const dtend = ev.prop('dtend');
  const duration = ev.prop('duration');
  if (dtend && duration) ev.fail(duration, 'is given with DTEND; RFC 5545 allows one or the other');
  if (!dtend && !duration && !start.isDate) {
    ev.fail(null, 'has neither DTEND nor DURATION: RFC 5545 would make it end the moment it starts, so it is no window');
  }
  const times: EventTimes = { start, startZone, dtstart, end: null, endZone: null, dtend, duration, rrule: rules[0] ?? null };
  if (dtend) {
    const end = ev.time(dtend);
    times.end = end;
    times.endZone = about(ev, dtend, () => zones.zoneOf(end));
    if (end.isDate !== start.isDate) ev.fail(dtend, `is a ${end.isDate ? 'date' : 'date-time'} while DTSTART is a ${start.isDate ? 'date' : 'date-time'}; RFC 5545 wants the same kind`);
  }
  if (startZone.kind === 'floating') zones.floatingEvents++;

  const schedule = buildSchedule(ev, times, zones, warnings);
  const { status, said } = statusOf(ev, method, warnings);
  const impact = impactOf(ev, warnings);
  const title = ev.text('summary') || (ev.text('x-maintnote-maintenance-id') ? `Maintenance ${ev.text('x-maintnote-maintenance-id')}` : 'Maintenance');
  const stamp = ev.prop('dtstamp');
  const dtstamp = stamp ? about(ev, stamp, () => zones.instant(ev.time(stamp))) : null;
  // An "announcement" after the start is a file written later (DTSTAMP is often the export time):
  // it says nothing about the notice given, so none is measured rather than a negative one.
  let announced = announcedAt(ev, zones);
  if (announced !== null && schedule.kind === 'once' && Date.parse(announced) > Date.parse(schedule.start)) {
    const source = ev.prop('created') ? 'CREATED' : 'DTSTAMP';
    warnings.push(ev.where(ev.prop(source.toLowerCase()), `is after the maintenance started, so it does not say when it was announced; its notice is not measured`));
    announced = null;
  }
  return {
    event: {
      uid,
      sequence: sequenceOf(ev),
      title: clip(title, MAX_TITLE),
      schedule,
      impact: impact.impact,
      status,
      announcedAt: announced,
      notes: notesOf(ev, impact, said),
    },
    dtstamp,
    where: ev.where(null, '').trimEnd(),
  };
}

/**
 * Keeps one version per UID: the highest SEQUENCE, then the latest DTSTAMP (RFC 5546 2.1.5); two
 * different versions that tie are a provider's mistake, and the later one in the file is kept.
 */
function latestPerUid(read: ReadEvent[], fileName: string, warnings: string[]): ImportedEvent[] {
  const kept = new Map<string, ReadEvent>();
  for (const r of read) {
    const held = kept.get(r.event.uid);
    if (!held) {
      kept.set(r.event.uid, r);
      continue;
    }
    const bySequence = r.event.sequence - held.event.sequence;
    const byStamp = (r.dtstamp ?? -Infinity) - (held.dtstamp ?? -Infinity);
    if (bySequence > 0 || (bySequence === 0 && byStamp > 0)) kept.set(r.event.uid, r);
    else if (bySequence === 0 && byStamp === 0) {
      if (JSON.stringify(r.event) !== JSON.stringify(held.event)) {
        warnings.push(`${fileName}: UID ${r.event.uid} appears twice with the same SEQUENCE and DTSTAMP but different content; kept the later one (${r.where})`);
      }
      kept.set(r.event.uid, r);
    }
  }
  return [...kept.values()].sort((a, b) => a.order - b.order).map((r) => r.event);
}

/** Reads one VCALENDAR's events into `read` (problems into `problems`); returns how many VEVENTs it holds. */
function readCalendar(fileName: string, calendar: Component, lines: ComponentLines, problems: Problems, warnings: string[], read: ReadEvent[]): number {
  let zones: CalendarZones;
  try {
    zones = new CalendarZones(calendar, lines);
  } catch (error) {
    if (!(error instanceof TimeProblem)) throw error;
    problems.add(`${fileName} ${error.message}`);
    return calendar.getAllSubcomponents('vevent').length;
  }
  const method = plainText(calendar.getFirstProperty('method')).toUpperCase();
  let events = 0;
  calendar.getAllSubcomponents().forEach((component, k) => {
    if (component.name !== 'vevent') return;
    events++;
    const eventLines = lines.children[k]!;
    try {
      const ev = new Located(fileName, component, eventLines);
      read.push({ ...readEvent(ev, zones, method, warnings), order: read.length });
    } catch (error) {
      // ical.js decodes some values only when asked (a DURATION, a date): what it cannot read is still the file's fault.
      const message = error instanceof Error ? error.message : String(error);
      problems.add(error instanceof EventProblem ? message : `${fileName} line ${eventLines.line}: VEVENT cannot be read (${message})`);
    }
  });
  if (zones.floatingEvents > 0) {
    const zone = zones.fromCalendar ? `${zones.floatingZone}, the calendar's X-WR-TIMEZONE` : 'UTC, since the file names no zone for them';
    warnings.push(`${fileName}: ${zones.floatingEvents} event${zones.floatingEvents === 1 ? ' gives its times' : 's give their times'} without a time zone (floating times or all-day dates); read in ${zone}`);
  }
  return events;
}

/** Reads an iCalendar file, or throws a validation error listing every problem with its line. */
export function parseIcal(fileName: string, text: string): ParsedMaintenanceFile {
  const index = indexLines(text.replace(/^\uFEFF/, ''));
  if (index.problems.length > 0) throw refusal(index.problems.map((p) => `${fileName} line ${p.line}: ${p.message}`));
  let parsed: unknown;
  try {
    parsed = ICAL.parse(index.unfolded);
  } catch (error) {
    throw refusal([`${fileName}: cannot be read as iCalendar (${error instanceof Error ? error.message : String(error)})`]);
  }
  const jcals = (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : (parsed as unknown[])) as unknown[];
  const problems = new Problems();
  const warnings: string[] = [];
  const read: ReadEvent[] = [];
  let events = 0;
  jcals.forEach((jcal, i) => {
    const lines = index.roots[i]!;
    if (lines.name !== 'VCALENDAR') {
      problems.add(`${fileName} line ${lines.line}: BEGIN:${lines.name} stands outside a VCALENDAR`);
      return;
    }
    try {
      events += readCalendar(fileName, new ICAL.Component(jcal as unknown[]), lines, problems, warnings, read);
    } catch (error) {
      problems.add(`${fileName} line ${lines.line}: VCALENDAR cannot be read (${error instanceof Error ? error.message : String(error)})`);
    }
  });
  if (events === 0 && problems.count === 0) problems.add(`${fileName} line ${index.roots[0]?.line ?? 1}: the calendar holds no VEVENT, so there is no maintenance to import`);
  problems.throwIfAny();
  return { format: 'ical', events: latestPerUid(read, fileName, warnings), warnings };
}
