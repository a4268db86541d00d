// What a document may state about a provider's incident record as of a date D, worked out from
// the register's incidents. Two cuts, both by D:
//
// - which incidents: those that started by the end of D and were recorded (createdAt) on or
//   before D. One recorded later was not in the register on D: it is left out and counted, so the
//   document can say so. One that started after D is not part of a period that ends on D.
// - what of them: updates, the first update, the resolution and a postmortem dated after the end
//   of D are read as not there yet. An incident resolved after D is open on D.
//
// Incidents are kept as current records (edits are in the audit trail, not versions): one changed
// after D is shown as last recorded (its title, impact, components), and counted. The components
// you use (Status page settings) have no history either; the document says so.
//
// Pure: the review report's Incident record part and the comparison's incident rows both read
// these facts, so the two never disagree. The measures themselves are shared/incidents/measures.ts,
// the claims shared/incidents/claims.ts.
import { addDays, isIsoDate } from '../domain/dates';
import type { Incident, IncidentClaimCheck, IncidentSource, StatusSettings, TransparencyMeasures } from '../domain/incidents';
import { INCIDENT_SOURCES, POSTMORTEM_GRACE_DAYS } from '../domain/incidents';
import { onOrBefore } from '../domain/standing';
import { checkIncidentClaims } from '../incidents/claims';
import { transparencyMeasures } from '../incidents/measures';
import { endOfDay } from './maintenance-facts';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The twelve months up to and including D: from the day after D a year earlier, to D (whole UTC
 * days). The same period as the incident screen's default (transparency.ts, yearBefore).
 */
export function yearTo(asOf: string): { from: string; to: string } {
  const earlier = `${String(Number(asOf.slice(0, 4)) - 1).padStart(4, '0')}${asOf.slice(4)}`;
  // 29 February a year earlier does not exist: 1 March, as the screen's date arithmetic reads it.
  return { from: addDays(isIsoDate(earlier) ? earlier : `${earlier.slice(0, 4)}-03-01`, 1), to: asOf };
}

/** Before the end of D (an instant in any zone); false for null or what does not parse. */
const byEnd = (iso: string | null, end: number) => iso !== null && Date.parse(iso) < end;

/**
 * The incident as it stood at the end of D: updates, first update, resolution and postmortem
 * dated after it left out. A postmortem without a publication date is kept (its date is unknown).
 */
export function incidentAsOf(incident: Incident, asOf: string): Incident {
  const end = endOfDay(asOf);
  const pm = incident.postmortem;
  return {
    ...incident,
    updates: incident.updates.filter((u) => byEnd(u.at, end)),
    firstUpdateAt: byEnd(incident.firstUpdateAt, end) ? incident.firstUpdateAt : null,
    resolvedAt: byEnd(incident.resolvedAt, end) ? incident.resolvedAt : null,
    postmortem: pm === null || pm.publishedAt === null || byEnd(pm.publishedAt, end) ? pm : null,
  };
}

/** A major or critical incident of the period, as the document's table prints it. */
export interface SignificantIncident {
  id: string;
  title: string;
  impact: 'major' | 'critical';
  startedAt: string;
  /**
   * Minutes from the start to the first public update (0 when posted before the stated start);
   * null when none was posted by D or the incident was never on the status page.
   */
  firstUpdateMinutes: number | null;
  /** False for a source that gives no start apart from the first post (Instatus): no wait to measure. */
  firstUpdateMeasured: boolean;
  /** Minutes from the start to the resolution; null while open on D. */
  resolveMinutes: number | null;
  /** A postmortem on record by D (or one whose publication date is unknown). */
  postmortem: boolean;
  /** Resolved at least POSTMORTEM_GRACE_DAYS before the end of D: a postmortem is due. */
  postmortemDue: boolean;
  onStatusPage: boolean;
  /** The day it was last changed, when that is after D (shown as last recorded); else null. */
  changedOn: string | null;
}

/** Everything a document states about one provider's incident record as of D. */
export interface ProviderIncidents {
  asOf: string;
  period: { from: string; to: string };
  /** Incidents held on D (recorded by D, started by the end of D), whatever their start. */
  held: number;
  /** Incidents that started by the end of D but were recorded after D: left out, counted. */
  recordedLater: number;
  /** The period's incidents changed after D: shown as last recorded. */
  changed: { count: number; lastDay: string | null };
  /** The period's incidents by where they came from, in INCIDENT_SOURCES order, only those present. */
  sources: { source: IncidentSource; count: number }[];
  /** The last "Refresh from status page" when it was on or before D; null otherwise. */
  refreshed: { at: string; from: string | null } | null;
  /** The last refresh was after D: when it was refreshed before is not kept. */
  refreshedAfter: boolean;
  /** Status page settings as set now (no history is kept): empty, every component counts. */
  componentsUsed: string[];
  measures: TransparencyMeasures;
  /** Major and critical incidents counted by the availability estimate (on the components used). */
  availabilityOver: number;
  /** Incidents on the status page with a public post while open: what the longest silence is looked for over. */
  silenceOver: number;
  /** Major and critical incidents of the period, earliest start first. */
  significant: SignificantIncident[];
  /** The answers the document shows, held against the measures. */
  claims: IncidentClaimCheck[];
}

export interface ProviderIncidentsInput {
  asOf: string;
  /** The provider's incidents as the register holds them now. */
  incidents: readonly Incident[];
  settings: Pick<StatusSettings, 'componentsUsed' | 'refreshedAt' | 'refreshedFrom'>;
  /** The answer values the document shows (claimAnswers in shared/incidents/answers.ts). */
  answers: ReadonlyMap<string, unknown>;
}

/** A history feed gives no impact (the stored one is a placeholder): the measures leave it out of everything the impact decides. */
const knownImpact = (i: Pick<Incident, 'source'>) => i.source !== 'feed';
/** Feeds and Instatus give no start apart from the first post: the wait for it cannot be measured. */
const startFromFirstPost = (i: Pick<Incident, 'source'>) => i.source === 'feed' || i.source === 'instatus';

const minutesBetween = (from: string, to: string) => Math.round(((Date.parse(to) - Date.parse(from)) / MINUTE) * 10) / 10;

/** A public post (the first update or an update) while the incident was open: the measures' silence rule. */
function postedWhileOpen(i: Incident, end: number): boolean {
  const start = Date.parse(i.startedAt);
  const closed = i.resolvedAt === null ? end : Math.max(start, Date.parse(i.resolvedAt));
  const within = (iso: string | null) => iso !== null && Date.parse(iso) >= start && Date.parse(iso) <= closed;
  return within(i.firstUpdateAt) || i.updates.some((u) => within(u.at));
}

export function providerIncidents(input: ProviderIncidentsInput): ProviderIncidents {
  const { asOf } = input;
  const end = endOfDay(asOf);
  const period = yearTo(asOf);
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const started = input.incidents.filter((i) => Date.parse(i.startedAt) < end);
  const heldRaw = started.filter((i) => onOrBefore(i.createdAt, asOf));
  const held = heldRaw.map((i) => incidentAsOf(i, asOf));
  const inPeriod = held.filter((i) => Date.parse(i.startedAt) >= from);
  // Only the period's incidents are shown or measured: a change to an older one says nothing here.
  const changed = heldRaw.filter((i) => Date.parse(i.startedAt) >= from && !onOrBefore(i.updatedAt, asOf));
  const componentsUsed = [...input.settings.componentsUsed];
  const measures = transparencyMeasures(held, period, componentsUsed);
  const used = new Set(componentsUsed);
  const changedIds = new Map(changed.map((i) => [i.id, i.updatedAt.slice(0, 10)]));
  const dueBy = end - POSTMORTEM_GRACE_DAYS * DAY;
  const significant = inPeriod
    .filter((i): i is Incident & { impact: 'major' | 'critical' } => knownImpact(i) && (i.impact === 'major' || i.impact === 'critical'))
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.id.localeCompare(b.id))
    .map(
      (i): SignificantIncident => ({
        id: i.id,
        title: i.title,
        impact: i.impact,
        startedAt: i.startedAt,
        // The measures' rules: never on the status page is no public update; a post before the
        // stated start is no wait.
        firstUpdateMinutes: i.firstUpdateAt === null || !i.onStatusPage ? null : Math.max(0, minutesBetween(i.startedAt, i.firstUpdateAt)),
        firstUpdateMeasured: !startFromFirstPost(i),
        resolveMinutes: i.resolvedAt === null ? null : Math.max(0, minutesBetween(i.startedAt, i.resolvedAt)),
        postmortem: i.postmortem !== null,
        postmortemDue: i.resolvedAt !== null && Date.parse(i.resolvedAt) <= dueBy,
        onStatusPage: i.onStatusPage,
        changedOn: changedIds.get(i.id) ?? null,
      }),
    );
  const refreshedAt = input.settings.refreshedAt;
  const refreshedBy = refreshedAt !== null && onOrBefore(refreshedAt, asOf);
  return {
    asOf,
    period,
    held: held.length,
    recordedLater: started.length - heldRaw.length,
    changed: { count: changed.length, lastDay: changed.map((i) => i.updatedAt.slice(0, 10)).sort().at(-1) ?? null },
    sources: INCIDENT_SOURCES.map((source) => ({ source, count: inPeriod.filter((i) => i.source === source).length })).filter((s) => s.count > 0),
    refreshed: refreshedBy ? { at: refreshedAt, from: input.settings.refreshedFrom } : null,
    refreshedAfter: refreshedAt !== null && !refreshedBy,
    componentsUsed,
    measures,
    availabilityOver: inPeriod.filter(
      (i) =>
        knownImpact(i) && (i.impact === 'major' || i.impact === 'critical') && (used.size === 0 || i.components.length === 0 || i.components.some((c) => used.has(c))),
    ).length,
    silenceOver: inPeriod.filter((i) => i.onStatusPage && postedWhileOpen(i, end)).length,
    significant,
    claims: checkIncidentClaims(input.answers, measures),
  };
}

/** Whether the register holds any incident record of the provider on D (an incident, or a refresh by D). */
export const recordHeld = (facts: Pick<ProviderIncidents, 'held' | 'refreshed'>) => facts.held > 0 || facts.refreshed !== null;

const trimmed = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10));

/**
 * A length of time as the documents print it: "42 minutes" (to a tenth) up to two hours, then
 * "4 h 5 min" (or "4 h") up to two days, then "3 d 4 h" (or "3 d").
 */
export function durationText(minutes: number): string {
  if (minutes < 120) return `${trimmed(minutes)} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const whole = Math.round(minutes);
  if (whole < 48 * 60) return whole % 60 === 0 ? `${whole / 60} h` : `${Math.floor(whole / 60)} h ${whole % 60} min`;
  const hours = Math.round(whole / 60);
  return hours % 24 === 0 ? `${hours / 24} d` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A share (0–1) as a whole percent; never rounds a shortfall up to 100 %. */
export function shareText(share: number): string {
  const percent = Math.round(share * 100);
  return `${share < 1 && percent === 100 ? 99 : percent}%`;
}
