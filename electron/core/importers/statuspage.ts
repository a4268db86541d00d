// A provider's Statuspage scheduled maintenances, as the public API v2 serves them
// (/api/v2/scheduled-maintenances.json, also upcoming.json, active.json and summary.json):
// { page: { id, name, url, time_zone, updated_at }, scheduled_maintenances: [ { id, name, status,
// impact, created_at, updated_at, scheduled_for, scheduled_until, shortlink, components,
// incident_updates, … } ] }. Each maintenance becomes a one-off window; its updated_at (epoch
// seconds) plays the part of iCalendar's SEQUENCE, so a later download replaces an earlier one.
// Every problem names its JSON path; one bad entry refuses the file.
import { MAX_ONCE_DAYS, Schedule, type WindowImpact } from '../../../shared/domain/maintenance';
import { isTimeZone } from '../../../shared/maintenance/zone';
import { clip, isoInstant, MAX_NOTES, MAX_SOURCE_UID, MAX_TITLE, Problems, refusal, type ImportedEvent, type ParsedMaintenanceFile } from './imported';
import { describe, Entry, instant, isObject, parseJson, type Json } from './json-fields';

/** Statuspage's maintenance states; all four are maintenance that is (or was) going ahead. */
const STATUSES: Record<string, string> = { scheduled: 'scheduled', in_progress: 'in progress', verifying: 'verifying', completed: 'completed' };

/**
 * Statuspage's impact levels. "maintenance" is what Statuspage sets on most scheduled maintenances
 * and says nothing about how bad it is: held as an outage, the safe assumption, with a warning.
 */
const IMPACTS: Record<string, WindowImpact> = { none: 'none', minor: 'degraded', major: 'outage', critical: 'outage', maintenance: 'outage' };

export interface PageFacts {
  name: string | null;
  url: string | null;
  timeZone: string;
}

/** The page the file names, and the zone its maintenances are shown in. */
export function pageOf(root: Json, fileName: string, warnings: string[]): PageFacts {
  const page = isObject(root.page) ? root.page : {};
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const zone = str(page.time_zone);
  if (zone && !isTimeZone(zone)) warnings.push(`${fileName}: $.page.time_zone "${zone}" is not an IANA time zone; the maintenances are shown in UTC`);
  return { name: str(page.name), url: str(page.url), timeZone: zone && isTimeZone(zone) ? zone : 'UTC' };
}

function notesOf(entry: Entry, page: PageFacts, status: string): string {
  const lines: string[] = [];
  const where = page.name ? `${page.name}'s Statuspage${page.url ? ` (${page.url})` : ''}` : 'the provider\'s Statuspage';
  lines.push(`Status on ${where}: ${status}.`);
  const components = entry.list('components').map((c) => (typeof c.name === 'string' ? c.name.trim() : '')).filter(Boolean);
  if (components.length > 0) lines.push(`Affects ${components.join(', ')}.`);
  const link = entry.optionalText('shortlink');
  if (link) lines.push(`Link: ${link}`);
  // The updates as posted, newest first (the order Statuspage serves them in).
  const updates = entry
    .list('incident_updates')
    .map((u) => {
      const at = instant(u.display_at) ?? instant(u.created_at);
      const body = typeof u.body === 'string' ? u.body.trim() : '';
      const state = typeof u.status === 'string' ? (STATUSES[u.status] ?? u.status) : '';
      return body ? `${at === null ? '' : `${isoInstant(at).slice(0, 16).replace('T', ' ')} UTC`}${state ? `, ${state}` : ''}: ${body}` : '';
    })
    .filter(Boolean);
  if (updates.length > 0) lines.push('', ...updates);
  return clip(lines.join('\n'), MAX_NOTES);
}

function readEntry(entry: Entry, page: PageFacts): { event: ImportedEvent; vague: boolean; createdLate: boolean } | null {
  const id = entry.text('id');
  const name = entry.text('name');
  const status = entry.oneOf('status', STATUSES);
  const impact = entry.oneOf('impact', IMPACTS);
  const created = entry.instant('created_at');
  const updated = entry.instant('updated_at', true);
  const from = entry.instant('scheduled_for');
  const until = entry.instant('scheduled_until');
  if (id === null || name === null || status === null || impact === null || created === null || from === null || until === null) return null;
  if (id.length > MAX_SOURCE_UID) {
    entry.problem('id', `is ${id.length} characters long; Vetted keeps a provider's id of at most ${MAX_SOURCE_UID}`);
    return null;
  }
  if (!(until > from)) {
    entry.problem('scheduled_until', `${isoInstant(until)} is not after scheduled_for ${isoInstant(from)}`);
    return null;
  }
  if (until - from > MAX_ONCE_DAYS * 86_400_000) {
    entry.problem('scheduled_until', `makes the maintenance last ${Math.round(((until - from) / 86_400_000) * 10) / 10} days; Vetted holds one-off maintenance of at most ${MAX_ONCE_DAYS} days`);
    return null;
  }
  const schedule = Schedule.safeParse({ kind: 'once', start: isoInstant(from), end: isoInstant(until), timeZone: page.timeZone });
  if (!schedule.success) {
    const issue = schedule.error.issues[0]!;
    entry.problem(issue.path[0] === 'end' ? 'scheduled_until' : 'scheduled_for', issue.message);
    return null;
  }
  // Created after it was scheduled to start: entered after the fact, so it measures no notice.
  const createdLate = created > from;
  return {
    vague: impact.written === 'maintenance',
    createdLate,
    event: {
      uid: id,
      // A later download of the same maintenance has a later updated_at; without one, created_at.
      sequence: Math.floor((updated ?? created) / 1000),
      title: clip(name, MAX_TITLE),
      schedule: schedule.data,
      impact: impact.value,
      status: 'confirmed',
      announcedAt: createdLate ? null : isoInstant(created),
      notes: notesOf(entry, page, status.value),
    },
  };
}

/**
 * Reads a list of Statuspage scheduled maintenances, wherever the file holds them (each item with
 * its JSON path): scheduled-maintenances.json and summary.json's scheduled_maintenances, and a
 * maintenance that turns up in an incidents array. Problems go to `problems`; the same id twice:
 * the later update wins, as across files.
 */
export function readMaintenanceList(
  fileName: string,
  page: PageFacts,
  items: readonly { raw: unknown; path: string }[],
  problems: Problems,
  warnings: string[],
): ImportedEvent[] {
  const kept = new Map<string, ImportedEvent>();
  const vague: string[] = [];
  for (const { raw, path } of items) {
    if (!isObject(raw)) {
      problems.add(`${fileName}: ${path}: must be an object (${describe(raw)})`);
      continue;
    }
    const read = readEntry(new Entry(fileName, path, raw, problems), page);
    if (!read) continue;
    if (read.vague) vague.push(`"${read.event.title}"`);
    if (read.createdLate) warnings.push(`${fileName}: ${path}.created_at is after scheduled_for: "${read.event.title}" was entered after it began, so its notice is not measured`);
    const held = kept.get(read.event.uid);
    if (!held || read.event.sequence >= held.sequence) kept.set(read.event.uid, read.event);
  }
  if (vague.length > 0) {
    warnings.push(
      `${fileName}: ${vague.length === 1 ? `${vague[0]} gives` : `${vague.length} maintenances (${vague.join(', ')}) give`} Statuspage's impact "maintenance", which does not say how bad it is: held as an outage, the safe assumption`,
    );
  }
  return [...kept.values()];
}

/** Reads a Statuspage scheduled-maintenances.json, or throws a validation error naming each JSON path at fault. */
export function parseStatuspage(fileName: string, text: string): ParsedMaintenanceFile {
  const root = parseJson(fileName, text.replace(/^\uFEFF/, ''));
  if (!isObject(root)) throw refusal([`${fileName}: $: must be an object with a scheduled_maintenances array`]);
  const list = root.scheduled_maintenances;
  if (!Array.isArray(list)) {
    const hint = Array.isArray(root.incidents)
      ? "this looks like Statuspage's incidents.json; download /api/v2/scheduled-maintenances.json instead"
      : "expected the array Statuspage's /api/v2/scheduled-maintenances.json holds";
    throw refusal([`${fileName}: $.scheduled_maintenances: ${list === undefined ? 'missing' : 'must be an array'}; ${hint}`]);
  }
  const warnings: string[] = [];
  const page = pageOf(root, fileName, warnings);
  const problems = new Problems();
  const events = readMaintenanceList(
    fileName,
    page,
    list.map((raw, i) => ({ raw, path: `$.scheduled_maintenances[${i}]` })),
    problems,
    warnings,
  );
  problems.throwIfAny();
  if (list.length === 0) warnings.push(`${fileName}: $.scheduled_maintenances is empty: the page lists no scheduled maintenance`);
  return { format: 'statuspage', events, warnings };
}
