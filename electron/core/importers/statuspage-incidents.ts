// A provider's Statuspage incidents, as the public API v2 serves them (/api/v2/incidents.json; the
// unresolved ones in summary.json; incident.io serves the same shape): { page: { id, name, url, … },
// incidents: [ { id, name, status, impact, created_at, updated_at, started_at, resolved_at,
// monitoring_at, shortlink, postmortem_body, postmortem_published_at, components: [ { name, … } ],
// incident_updates: [ { id, status, body, created_at, display_at, updated_at } ] } ],
// scheduled_maintenances: [ … ] }. Incidents become Vetted's own; the scheduled maintenances go
// through the maintenance reader (./statuspage) to the maintenance windows. Every problem names its
// JSON path, all are collected, and one bad entry refuses the file.
import { MAX_COMPONENTS, MAX_INCIDENT_TITLE, MAX_POSTMORTEM_TEXT, MAX_UPDATE_TEXT, type IncidentImpact, type Postmortem } from '../../../shared/domain/incidents';
import { clip, isoInstant, MAX_SOURCE_UID, Problems } from './imported';
import { MAX_UPDATE_STATUS, oldestFirst, resolvedByUpdates, writeUpdates, type TimedUpdate } from './incident-timeline';
import { describe, Entry, httpLink, isObject, type Json } from './json-fields';
import type { ImportedIncident, ParsedStatusFile } from './status-imported';
import { pageOf, readMaintenanceList } from './statuspage';

/** Statuspage's incident states, and whether each one closes the incident. */
const STATUSES: Record<string, boolean> = { investigating: false, identified: false, monitoring: false, resolved: true, postmortem: true };
/**
 * Statuspage's impact levels, which are Vetted's. "maintenance" on an incident (an impact override)
 * says the provider saw no harm: held as none, with a warning.
 */
const IMPACTS: Record<string, IncidentImpact> = { none: 'none', minor: 'minor', major: 'major', critical: 'critical', maintenance: 'none' };
/** The register keeps a component name up to this length (IncidentInput's components). */
const MAX_COMPONENT_NAME = 200;

const count = (n: number) => n.toLocaleString('en-US');

/** Reads one incident's fields; warnings name the path too, so a person can look the entry up. */
class IncidentReader {
  constructor(
    private readonly fileName: string,
    private readonly page: { url: string | null },
    private readonly problems: Problems,
    private readonly warnings: string[],
  ) {}

  private warn(path: string, what: string): void {
    this.warnings.push(`${this.fileName}: ${path}${what}`);
  }

  /** Cuts text to the register's limit, saying so. */
  private clipped(path: string, text: string, max: number): string {
    if (text.trim().length > max) this.warn(path, ` is ${count(text.trim().length)} characters long; kept the first ${count(max)}`);
    return clip(text, max);
  }

  private updates(e: Entry): TimedUpdate[] {
    const list = e.value('incident_updates');
    // An incident posted without updates is still a public post (its creation): see firstUpdateAt.
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) {
      e.problem('incident_updates', `must be an array (${describe(list)})`);
      return [];
    }
    const read: TimedUpdate[] = [];
    list.forEach((raw, j) => {
      const path = `${e.path}.incident_updates[${j}]`;
      if (!isObject(raw)) {
        this.problems.add(`${this.fileName}: ${path}: must be an object (${describe(raw)})`);
        return;
      }
      const u = new Entry(this.fileName, path, raw, this.problems);
      const status = u.text('status');
      const created = u.instant('created_at');
      const shown = u.instant('display_at', true);
      const body = u.value('body');
      if (body !== undefined && body !== null && typeof body !== 'string') u.problem('body', `must be a string (${describe(body)})`);
      if (status === null || created === null) return;
      // display_at is the time the page shows for the update (the provider may set it); created_at
      // when it has none.
      read.push({
        at: shown ?? created,
        status: clip(status.toLowerCase(), MAX_UPDATE_STATUS),
        text: typeof body === 'string' ? this.clipped(`${path}.body`, body, MAX_UPDATE_TEXT) : '',
      });
    });
    return oldestFirst(read);
  }

  /** The postmortem fields as written: postmortem_published_at may be a time, or `true` in files that only say whether. */
  private postmortemFields(e: Entry): { body: string | null; published: number | 'unknown' | null } {
    const rawBody = e.value('postmortem_body');
    if (rawBody !== undefined && rawBody !== null && typeof rawBody !== 'string') e.problem('postmortem_body', `must be a string (${describe(rawBody)})`);
    const body = typeof rawBody === 'string' && rawBody.trim() !== '' ? this.clipped(`${e.path}.postmortem_body`, rawBody, MAX_POSTMORTEM_TEXT) : null;
    const v = e.value('postmortem_published_at');
    const published = v === undefined || v === null || v === false ? null : v === true ? 'unknown' : e.instant('postmortem_published_at');
    return { body, published };
  }

  /** A postmortem exists when the file carries its text, says it was published, or an update or the status says so. */
  private postmortem(fields: { body: string | null; published: number | 'unknown' | null }, closed: string, updates: readonly TimedUpdate[], link: string | null): Postmortem | null {
    // Statuspage also posts an update with the status "postmortem" when one is published.
    const posted = updates.find((u) => u.status === 'postmortem');
    if (fields.body === null && fields.published === null && posted === undefined && closed !== 'postmortem') return null;
    const text = fields.body ?? posted?.text ?? '';
    return {
      publishedAt: typeof fields.published === 'number' ? isoInstant(fields.published) : posted ? isoInstant(posted.at) : null,
      // Without its text, the incident's page (where Statuspage shows it) is the one link known.
      link: text === '' ? link : null,
      text: text === '' && link === null ? 'Published on the status page; the file does not carry its text.' : text,
    };
  }

  private components(e: Entry): string[] {
    const names = [...new Set(e.list('components').map((c) => (typeof c.name === 'string' ? c.name.trim() : '')).filter(Boolean))];
    if (names.length > MAX_COMPONENTS) this.warn(`${e.path}.components`, ` names ${count(names.length)} components; kept the first ${MAX_COMPONENTS}`);
    return names.slice(0, MAX_COMPONENTS).map((n) => this.clipped(`${e.path}.components`, n, MAX_COMPONENT_NAME));
  }

  /** The incident, and whether it was backfilled; null when a problem was recorded. */
  read(e: Entry): { incident: ImportedIncident; backfilled: boolean } | null {
    const id = e.text('id');
    const name = e.text('name');
    const status = e.oneOf('status', STATUSES);
    const impact = e.oneOf('impact', IMPACTS);
    const created = e.instant('created_at');
    const updated = e.instant('updated_at', true);
    const started = e.instant('started_at', true);
    const resolvedField = e.instant('resolved_at', true);
    const updates = this.updates(e);
    const components = this.components(e);
    const postmortemFields = this.postmortemFields(e);
    if (id === null || name === null || status === null || impact === null || created === null) return null;
    if (id.length > MAX_SOURCE_UID) {
      e.problem('id', `is ${id.length} characters long; Vetted keeps a provider's id of at most ${MAX_SOURCE_UID}`);
      return null;
    }
    const earliest = updates[0]?.at ?? null;
    // started_at is Statuspage's "when it began"; without it, the earliest time the entry gives
    // (created_at, or an update shown earlier: a backfilled incident's updates carry the real times).
    const startedAt = started ?? Math.min(created, earliest ?? created);
    let resolvedAt: number | null = null;
    if (status.value) {
      resolvedAt = resolvedField ?? resolvedByUpdates(updates);
      if (resolvedField === null) {
        this.warn(
          `${e.path}.resolved_at`,
          resolvedAt === null
            ? ` is missing though the status is "${status.written}", and no update says when it was resolved: held open`
            : ` is missing though the status is "${status.written}": took the time of its resolved update, ${isoInstant(resolvedAt)}`,
        );
      }
    } else if (resolvedField !== null) {
      this.warn(`${e.path}.resolved_at`, ` is set but the status is "${status.written}" (reopened): held open`);
    }
    if (resolvedAt !== null && resolvedAt < startedAt) {
      e.problem(resolvedField !== null ? 'resolved_at' : 'incident_updates', `${isoInstant(resolvedAt)} is before the incident started, ${isoInstant(startedAt)}`);
      return null;
    }
    // The first public update: the earliest update, but never before the incident existed on the
    // page (created_at), since display_at can be set to any time and backfilling sets it to the
    // past. No updates: the incident's creation is itself a public post.
    const firstUpdateAt = earliest === null ? created : Math.max(created, earliest);
    // Entered after it was over (Statuspage's backfill): kept as the page shows it, with its first
    // public word after the resolution, which is what a customer saw.
    const backfilled = e.value('backfilled') === true || (resolvedAt !== null && created > resolvedAt);
    const link = httpLink(e.value('shortlink')) ?? (this.page.url ? httpLink(`${this.page.url.replace(/\/+$/, '')}/incidents/${encodeURIComponent(id)}`) : null);
    const postmortem = this.postmortem(postmortemFields, status.written, updates, link);
    if (impact.written === 'maintenance') this.warn(`${e.path}.impact`, ` is "maintenance" on an incident, which says no harm was done: held as none`);
    if (name.length > MAX_INCIDENT_TITLE) this.warn(`${e.path}.name`, ` is ${count(name.length)} characters long; kept the first ${MAX_INCIDENT_TITLE}`);
    return {
      backfilled,
      incident: {
        sourceUid: id,
        // A later download of the same incident has a later updated_at; without one, created_at.
        sequence: Math.floor((updated ?? created) / 1000),
        title: clip(name, MAX_INCIDENT_TITLE),
        impact: impact.value,
        components,
        startedAt: isoInstant(startedAt),
        firstUpdateAt: isoInstant(firstUpdateAt),
        resolvedAt: resolvedAt === null ? null : isoInstant(resolvedAt),
        updates: writeUpdates(updates, (dropped) => this.warn(`${e.path}.incident_updates`, ` has ${count(updates.length)} updates; kept the oldest ${count(updates.length - dropped)}`)),
        postmortem,
        link,
        notes: backfilled ? 'Backfilled: posted on the status page after it was resolved.' : '',
      },
    };
  }
}

/** The array at `key`, or null when the file has none; a problem when it is not an array. */
function listAt(fileName: string, root: Json, key: string, problems: Problems): unknown[] | null {
  const v = root[key];
  if (v === undefined) return null;
  if (Array.isArray(v)) return v;
  problems.add(`${fileName}: $.${key}: must be an array (${describe(v)})`);
  return null;
}

/** Statuspage's maintenance states: an entry in one of them is a maintenance, wherever it is listed. */
const MAINTENANCE_STATUSES = new Set(['scheduled', 'in_progress', 'verifying', 'completed']);

/** A Statuspage maintenance that turns up among incidents: it carries scheduled_for, or a maintenance state. */
const isMaintenance = (raw: Json) => (raw.scheduled_for !== undefined && raw.scheduled_for !== null) || (typeof raw.status === 'string' && MAINTENANCE_STATUSES.has(raw.status));

/**
 * Reads a Statuspage incidents.json, summary.json or scheduled-maintenances.json (already parsed,
 * an object with `incidents` and/or `scheduled_maintenances`), or throws a validation error naming
 * each JSON path at fault.
 */
export function parseStatuspageIncidents(fileName: string, root: Json): ParsedStatusFile {
  const warnings: string[] = [];
  const problems = new Problems();
  const incidentList = listAt(fileName, root, 'incidents', problems);
  const maintenanceList = listAt(fileName, root, 'scheduled_maintenances', problems);
  const maintenanceItems = (maintenanceList ?? []).map((raw, i) => ({ raw, path: `$.scheduled_maintenances[${i}]` }));
  const page = pageOf(root, fileName, []);
  const reader = new IncidentReader(fileName, page, problems, warnings);
  const kept = new Map<string, ImportedIncident>();
  const backfilled: string[] = [];
  let maintenancesAmongIncidents = 0;
  (incidentList ?? []).forEach((raw, i) => {
    const path = `$.incidents[${i}]`;
    if (!isObject(raw)) {
      problems.add(`${fileName}: ${path}: must be an object (${describe(raw)})`);
      return;
    }
    if (isMaintenance(raw)) {
      maintenancesAmongIncidents++;
      maintenanceItems.push({ raw, path });
      return;
    }
    const read = reader.read(new Entry(fileName, path, raw, problems));
    if (!read) return;
    if (read.backfilled) backfilled.push(`"${read.incident.title}" (${path})`);
    // The same id twice: the later update wins, as across files.
    const held = kept.get(read.incident.sourceUid);
    if (!held || read.incident.sequence >= held.sequence) kept.set(read.incident.sourceUid, read.incident);
  });
  // The page's zone only matters to maintenances, so only they warn about it.
  const maintenances = maintenanceItems.length > 0 ? readMaintenanceList(fileName, pageOf(root, fileName, warnings), maintenanceItems, problems, warnings) : [];
  problems.throwIfAny();
  if (incidentList?.length === 0) warnings.push(`${fileName}: $.incidents is empty: the file lists no incident`);
  if (maintenanceList?.length === 0) warnings.push(`${fileName}: $.scheduled_maintenances is empty: the file lists no scheduled maintenance`);
  if (maintenancesAmongIncidents > 0) {
    warnings.push(`${fileName}: ${maintenancesAmongIncidents === 1 ? 'one entry' : `${maintenancesAmongIncidents} entries`} of $.incidents ${maintenancesAmongIncidents === 1 ? 'is a scheduled maintenance' : 'are scheduled maintenances'} (scheduled_for, or a maintenance status): read as maintenance windows, not incidents`);
  }
  if (backfilled.length > 0) {
    warnings.push(
      `${fileName}: ${backfilled.length === 1 ? `${backfilled[0]} was` : `${backfilled.length} incidents (${backfilled.join(', ')}) were`} backfilled, posted on the status page after ${backfilled.length === 1 ? 'it was' : 'they were'} resolved: kept as the page shows ${backfilled.length === 1 ? 'it' : 'them'}, with the first public update after the resolution`,
    );
  }
  return { format: 'statuspage', page: { name: page.name, url: page.url }, incidents: [...kept.values()], maintenances, warnings };
}
