// A provider's Instatus page, as its public summary.json serves it (instatus.com/help/api/public-data):
// { page: { name, url, status }, activeIncidents: [ { name, started, status, impact, url } ],
// activeMaintenances: [ { name, start, status, duration, url } ] }. The documented example has no
// `id` and no `updatedAt` on either list, and writes times the way JavaScript prints a Date
// ("Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)"); this reader takes `id` and
// `updatedAt` when present, else the id from the last segment of the url (Instatus's incident
// and maintenance addresses end with it), and accepts both ISO and JavaScript times. The summary
// lists only what is open now, without updates or components. Every problem names its JSON path.
import { MAX_INCIDENT_TITLE, type IncidentImpact } from '../../../shared/domain/incidents';
import { MAX_ONCE_DAYS, Schedule } from '../../../shared/domain/maintenance';
import { clip, isoInstant, MAX_NOTES, MAX_SOURCE_UID, MAX_TITLE, Problems, type ImportedEvent } from './imported';
import { describe, Entry, httpLink, instant, isObject, type Json } from './json-fields';
import type { ImportedIncident, ParsedStatusFile } from './status-imported';

/**
 * Instatus's impact is its components' worst status. Mapped the way Statuspage turns component
 * statuses into an incident's impact (major outage → critical, partial outage → major, degraded
 * performance → minor), so a provider on Instatus weighs the same as one on Statuspage; Instatus's
 * own "minor outage" sits between, read as minor. "Under maintenance" is not an incident: skipped.
 */
const IMPACTS: Record<string, IncidentImpact | 'maintenance'> = {
  MAJOROUTAGE: 'critical',
  PARTIALOUTAGE: 'major',
  MINOROUTAGE: 'minor',
  DEGRADEDPERFORMANCE: 'minor',
  OPERATIONAL: 'none',
  UNDERMAINTENANCE: 'maintenance',
};
const STATUSES: Record<string, boolean> = { INVESTIGATING: false, IDENTIFIED: false, MONITORING: false, RESOLVED: true };
const MAINTENANCE_STATUSES: Record<string, string> = { NOTSTARTEDYET: 'not started yet', INPROGRESS: 'in progress', COMPLETED: 'completed' };

const JS_DATE = /^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-])(\d{2})(\d{2})(?: \([^)]*\))?$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO instant, or a JavaScript Date string as Instatus's documented example writes them. */
function instatusTime(v: unknown): number | null {
  const iso = instant(v);
  if (iso !== null || typeof v !== 'string') return iso;
  const m = JS_DATE.exec(v.trim());
  if (!m) return null;
  const [month, day, year] = [MONTHS.indexOf(m[1]!), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (day < 1 || day > new Date(Date.UTC(year, month + 1, 0)).getUTCDate() || hour > 23 || minute > 59 || second > 59) return null;
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  return Date.UTC(year, month, day, hour, minute, second) - offset * 60_000;
}

function time(e: Entry, field: string, optional = false): number | null {
  const v = e.value(field);
  if (optional && (v === undefined || v === null)) return null;
  const ms = instatusTime(v);
  if (ms === null) e.problem(field, v === undefined ? 'missing' : `must be a date and time with its zone, such as 2026-03-01T02:00:00Z or Sat Jun 11 2022 18:55:50 GMT+0000 (${describe(v)})`);
  return ms;
}

/** The last path segment of an address ("…/incident/cl4a8n3070721qtmzvts760c4" → the id). */
function lastSegment(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '');
  } catch {
    return ''; // not an address URL can read, or a broken %-escape: no id from it
  }
}

/** The provider's id: `id`, else the last segment of the entry's Instatus address. */
function uidOf(e: Entry): string | null {
  const id = e.value('id');
  if (typeof id === 'string' && id.trim() !== '') {
    if (id.trim().length <= MAX_SOURCE_UID) return id.trim();
    e.problem('id', `is ${id.trim().length} characters long; Vetted keeps a provider's id of at most ${MAX_SOURCE_UID}`);
    return null;
  }
  const url = httpLink(e.value('url'));
  const segment = url ? lastSegment(url) : '';
  if (segment !== '' && segment.length <= MAX_SOURCE_UID) return segment;
  e.problem('id', id === undefined ? 'missing, and no url to take it from' : `must be a non-empty string (${describe(id)})`);
  return null;
}

function readIncident(e: Entry, warn: (what: string) => void): ImportedIncident | 'maintenance' | null {
  const uid = uidOf(e);
  const name = e.text('name');
  const status = e.oneOf('status', STATUSES);
  const impact = e.oneOf('impact', IMPACTS);
  const started = time(e, 'started');
  const updated = time(e, 'updatedAt', true);
  if (uid === null || name === null || status === null || impact === null || started === null) return null;
  if (impact.value === 'maintenance') return 'maintenance';
  // Listed as active but marked resolved: the summary's update time is the best word on when.
  const resolvedAt = status.value ? updated : null;
  if (status.value) warn(`${e.path}.status is RESOLVED: ${updated === null ? 'no time says when, so it is held open' : `taken as resolved at its updatedAt, ${isoInstant(updated)}`}`);
  if (resolvedAt !== null && resolvedAt < started) {
    e.problem('updatedAt', `${isoInstant(resolvedAt)} is before the incident started, ${isoInstant(started)}`);
    return null;
  }
  return {
    sourceUid: uid,
    // Without updatedAt the summary gives nothing newer than the start: a later file with the same
    // start is the same version as far as the file can tell.
    sequence: Math.floor((updated ?? started) / 1000),
    title: clip(name, MAX_INCIDENT_TITLE),
    impact: impact.value,
    components: [],
    startedAt: isoInstant(started),
    // Instatus dates an incident by its first update (its API gives both the same time), so the
    // start is when it was first posted.
    firstUpdateAt: isoInstant(started),
    resolvedAt: resolvedAt === null ? null : isoInstant(resolvedAt),
    updates: [],
    postmortem: null,
    link: httpLink(e.value('url')),
    notes: '',
  };
}

function readMaintenance(e: Entry, pageName: string | null): ImportedEvent | null {
  const uid = uidOf(e);
  const name = e.text('name');
  const status = e.oneOf('status', MAINTENANCE_STATUSES);
  const start = time(e, 'start');
  const updated = time(e, 'updatedAt', true);
  // Minutes, a number or (as the documented example has it) a string of digits.
  const rawDuration = e.value('duration');
  const minutes = typeof rawDuration === 'number' ? rawDuration : typeof rawDuration === 'string' && /^\s*\d+\s*$/.test(rawDuration) ? Number(rawDuration) : NaN;
  if (!Number.isInteger(minutes) || minutes < 1) e.problem('duration', rawDuration === undefined ? 'missing' : `must be a whole number of minutes, at least 1 (${describe(rawDuration)})`);
  else if (minutes > MAX_ONCE_DAYS * 1440) e.problem('duration', `makes the maintenance last ${Math.round((minutes / 1440) * 10) / 10} days; Vetted holds one-off maintenance of at most ${MAX_ONCE_DAYS} days`);
  if (uid === null || name === null || status === null || start === null || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_ONCE_DAYS * 1440) return null;
  const schedule = Schedule.safeParse({ kind: 'once', start: isoInstant(start), end: isoInstant(start + minutes * 60_000), timeZone: 'UTC' });
  if (!schedule.success) {
    e.problem('start', schedule.error.issues[0]!.message);
    return null;
  }
  const link = httpLink(e.value('url'));
  const where = pageName ? `${pageName}'s Instatus page` : "the provider's Instatus page";
  return {
    uid,
    sequence: Math.floor((updated ?? start) / 1000),
    title: clip(name, MAX_TITLE),
    schedule: schedule.data,
    // The summary does not say how bad it is: an outage, the safe assumption (warned once per file).
    impact: 'outage',
    status: 'confirmed',
    // Nor when it was announced, so its notice is not measured.
    announcedAt: null,
    notes: clip([`Status on ${where}: ${status.value}.`, ...(link ? [`Link: ${link}`] : [])].join('\n'), MAX_NOTES),
  };
}

/** The array at `key`, or an empty one when the file has none; a problem when it is not an array. */
function listAt(fileName: string, root: Json, key: string, problems: Problems): unknown[] {
  const v = root[key];
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  problems.add(`${fileName}: $.${key}: must be an array (${describe(v)})`);
  return [];
}

/** Reads an Instatus summary.json (already parsed), or throws a validation error naming each JSON path at fault. */
export function parseInstatus(fileName: string, root: Json): ParsedStatusFile {
  const warnings: string[] = [];
  const problems = new Problems();
  const page = isObject(root.page) ? root.page : {};
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const pageName = str(page.name);

  const incidents = new Map<string, ImportedIncident>();
  let underMaintenance = 0;
  listAt(fileName, root, 'activeIncidents', problems).forEach((raw, i) => {
    const path = `$.activeIncidents[${i}]`;
    if (!isObject(raw)) return problems.add(`${fileName}: ${path}: must be an object (${describe(raw)})`);
    const read = readIncident(new Entry(fileName, path, raw, problems), (what) => warnings.push(`${fileName}: ${what}`));
    if (read === 'maintenance') underMaintenance++;
    else if (read) {
      const held = incidents.get(read.sourceUid);
      if (!held || read.sequence >= held.sequence) incidents.set(read.sourceUid, read);
    }
  });
  const maintenances = new Map<string, ImportedEvent>();
  listAt(fileName, root, 'activeMaintenances', problems).forEach((raw, i) => {
    const path = `$.activeMaintenances[${i}]`;
    if (!isObject(raw)) return problems.add(`${fileName}: ${path}: must be an object (${describe(raw)})`);
    const read = readMaintenance(new Entry(fileName, path, raw, problems), pageName);
    if (!read) return;
    const held = maintenances.get(read.uid);
    if (!held || read.sequence >= held.sequence) maintenances.set(read.uid, read);
  });
  problems.throwIfAny();

  if (incidents.size === 0 && maintenances.size === 0 && underMaintenance === 0) warnings.push(`${fileName}: the summary lists no active incident and no maintenance`);
  if (incidents.size > 0) {
    warnings.push(`${fileName}: Instatus's summary.json lists only the incidents open now, without their updates or components; the time each started is taken as its first public update`);
  }
  if (underMaintenance > 0) warnings.push(`${fileName}: ${underMaintenance === 1 ? 'one active incident has' : `${underMaintenance} active incidents have`} the impact UNDERMAINTENANCE: maintenance, not an incident, skipped`);
  if (maintenances.size > 0) {
    warnings.push(`${fileName}: Instatus's summary.json does not say how bad a maintenance is nor when it was announced: ${maintenances.size === 1 ? 'it is' : `the ${maintenances.size} are`} held as an outage, the safe assumption, and no notice is measured`);
  }
  return { format: 'instatus', page: { name: pageName, url: str(page.url) }, incidents: [...incidents.values()], maintenances: [...maintenances.values()], warnings };
}
