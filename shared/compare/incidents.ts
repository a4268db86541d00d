// The comparison's incident rows: what each compared provider's incident record (not the
// questionnaire) shows over the twelve months up to the comparison's date: incidents by impact,
// how fast it speaks, how long it takes to resolve, postmortems, the longest silence, the
// availability estimate, and which of its incident-transparency answers the record contradicts.
// Pure; the same cut by date as the review report (shared/reports/incident-facts.ts), so the two
// never disagree.
import type { Incident, IncidentClaimCheck, IncidentClaimQuestion, StatusSettings } from '../domain/incidents';
import { INCIDENT_IMPACT_LABELS } from '../domain/labels';
import { claimAnswers } from '../incidents/answers';
import { durationText, providerIncidents, recordHeld, shareText, yearTo, type ProviderIncidents } from '../reports/incident-facts';
import type { CompareEntry } from './model';

/** The Section column of the CSV rows and the title of the PDF table: where the rows come from. */
export const INCIDENTS_SECTION = "Incident record (from the register's records, not the questionnaire)";

/** Short names of the incident-transparency questions, for a comparison cell. */
export const CLAIM_LABELS: Readonly<Record<IncidentClaimQuestion, string>> = {
  inc_first_update_minutes: 'Minutes to first update',
  inc_postmortems: 'Postmortems',
  inc_status_page: 'Status page',
  inc_sla_uptime_percent: 'SLA uptime',
};

/** A claim as a comparison names it: the question's short name, the verdict and the check's sentence. */
export interface CompareClaim {
  questionId: IncidentClaimQuestion;
  label: string;
  verdict: IncidentClaimCheck['verdict'];
  words: string;
}

export interface CompareIncidentsCell {
  providerId: string;
  /** The provider's record as of the date (incident-facts.ts), its claims checked against the column's answers. */
  facts: ProviderIncidents;
  /** Its incident-transparency claims checked against the record; null when the column has no review. */
  claims: CompareClaim[] | null;
}

export interface CompareIncidents {
  asOf: string;
  /** The twelve months up to the date, whole UTC days. */
  period: { from: string; to: string };
  /** One per column, in column order. */
  cells: CompareIncidentsCell[];
}

/** One provider's incident record as the register holds it: every incident and its status page settings. */
export interface IncidentRecord {
  incidents: readonly Incident[];
  settings: Pick<StatusSettings, 'componentsUsed' | 'refreshedAt' | 'refreshedFrom'>;
}

const NO_RECORD: IncidentRecord = { incidents: [], settings: { componentsUsed: [], refreshedAt: null, refreshedFrom: null } };

/** Each column's incident record as of `asOf`, its claims from the column's own answers. */
export function compareIncidents(entries: readonly CompareEntry[], records: ReadonlyMap<string, IncidentRecord>, asOf: string): CompareIncidents {
  const cells = entries.map((entry): CompareIncidentsCell => {
    const record = records.get(entry.vendor.id) ?? NO_RECORD;
    const { template } = entry;
    const answers = entry.review && template ? claimAnswers(template, entry.answers) : new Map<string, unknown>();
    const facts = providerIncidents({ asOf, incidents: record.incidents, settings: record.settings, answers });
    const claims = entry.review && template ? facts.claims.map((c): CompareClaim => ({ questionId: c.questionId, label: CLAIM_LABELS[c.questionId], verdict: c.verdict, words: c.words })) : null;
    return { providerId: entry.vendor.id, facts, claims };
  });
  return { asOf, period: yearTo(asOf), cells };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The cell of a measure a provider has nothing for: no record held, or no incident in the period
 * (the first two rows say which). Short, so six columns still fit a page.
 */
function missing(f: ProviderIncidents): string | null {
  return !recordHeld(f) || f.measures.total === 0 ? NOT_MEASURED : null;
}

export const NOT_MEASURED = 'Not measured';

function recordText(f: ProviderIncidents): string {
  const parts: string[] = [];
  if (!recordHeld(f)) parts.push('No incident record held');
  else parts.push(`${plural(f.held, 'incident')} on record`);
  if (f.refreshed) parts.push(`status page read ${f.refreshed.at.slice(0, 10)}`);
  else if (f.refreshedAfter) parts.push(`status page refreshed after ${f.asOf} only`);
  if (f.changed.count > 0) parts.push(`${f.changed.count} changed since, shown as last recorded`);
  if (f.recordedLater > 0) parts.push(`${f.recordedLater} recorded later, left out`);
  return parts.join('; ');
}

function byImpactText(f: ProviderIncidents): string {
  if (!recordHeld(f)) return 'No incident record held';
  const m = f.measures;
  if (m.total === 0) return 'None';
  const parts = (['critical', 'major', 'minor', 'none'] as const)
    .filter((i) => m.byImpact[i] > 0)
    .map((i) => `${m.byImpact[i]} ${i === 'none' ? 'without impact' : INCIDENT_IMPACT_LABELS[i].toLowerCase()}`);
  if (m.impactUnknown > 0) parts.push(`${m.impactUnknown} impact not given (feed)`);
  const notShown = m.notOnStatusPage > 0 ? `\n${m.notOnStatusPage} not on their status page` : '';
  const open = m.open > 0 ? `\n${m.open} open on ${f.asOf}` : '';
  return `${m.total}: ${parts.join(', ')}${notShown}${open}`;
}

function firstUpdateText(f: ProviderIncidents): string {
  const none = missing(f);
  if (none) return none;
  const u = f.measures.firstUpdate;
  const unmeasured = u.notMeasured > 0 ? `\n${u.notMeasured} without a separate start (feed, Instatus)` : '';
  if (u.median === null || u.p90 === null) return `Not measured: no public update with a known start${unmeasured}`;
  return `${u.median} (p90 ${u.p90}) over ${plural(u.measured, 'incident')}${unmeasured}`;
}

function resolveText(f: ProviderIncidents): string {
  const none = missing(f);
  if (none) return none;
  const t = f.measures.timeToResolve;
  if (f.measures.byImpact.major + f.measures.byImpact.critical === 0) return 'No major or critical incident';
  const lines = (['major', 'critical'] as const).map((i) => {
    const label = INCIDENT_IMPACT_LABELS[i];
    if (f.measures.byImpact[i] === 0) return `${label}: none`;
    if (t[i].median === null) return `${label}: none resolved (${f.measures.byImpact[i]} open)`;
    return `${label}: ${durationText(t[i].median!)} over ${plural(t[i].measured, 'incident')}`;
  });
  return lines.join('\n');
}

function postmortemText(f: ProviderIncidents): string {
  const none = missing(f);
  if (none) return none;
  const p = f.measures.postmortems;
  if (p.due === 0 || p.share === null) return 'None due';
  return `${shareText(p.share)}: ${p.published} of ${p.due} due`;
}

function silenceText(f: ProviderIncidents): string {
  const none = missing(f);
  if (none) return none;
  const s = f.measures.longestSilence;
  if (s === null) return 'Not measured: no update while open';
  return `${durationText(s.minutes)} (${s.title.replace(/\s+/g, ' ').trim() || 'Incident'})`;
}

function availabilityText(f: ProviderIncidents): string {
  const none = missing(f);
  if (none) return none;
  const a = f.measures.availability;
  if (a === null) return 'Not estimated';
  // The row's label says "(worst month)": the month and its estimate under the period's.
  const worst = a.worstMonth === null ? '' : a.worstMonth.percent === 100 ? '\nno downtime' : `\n${a.worstMonth.month}: ${a.worstMonth.percent}%`;
  const scope = f.componentsUsed.length > 0 ? `\non the components you use` : '';
  return `${a.percent}%${worst}${scope}`;
}

function claimsText(cell: CompareIncidentsCell): string {
  if (cell.claims === null) return 'No review in this column'; // not "No review": one may be in progress, just not decided
  if (cell.claims.length === 0) return 'No incident claim answered';
  const contradicted = cell.claims.filter((c) => c.verdict === 'contradicted');
  const untested = cell.claims.filter((c) => c.verdict === 'untested').length;
  const of = `of ${plural(cell.claims.length, 'claim')}${untested > 0 ? `, ${untested} untested` : ''}`;
  if (contradicted.length === 0) return `None (${of})`;
  return `${contradicted.length} ${of}: ${contradicted.map((c) => c.label).join('; ')}`;
}

/** One incident row: its label and one text per column (lines separated by \n). */
export interface IncidentRow {
  label: string;
  cells: string[];
  /** The row of contradicted claims: the PDF and the app set a contradicted cell apart. */
  claims?: true;
}

/**
 * The rows the CSV, the PDF and the app print, in order, in the same words: what the record is,
 * what it holds, the claims it contradicts (high up, so a page break never leaves them alone on
 * the next page), then a row per measure.
 */
export function incidentRows(ci: CompareIncidents): IncidentRow[] {
  const row = (label: string, text: (f: ProviderIncidents) => string): IncidentRow => ({ label, cells: ci.cells.map((c) => text(c.facts)) });
  return [
    row(`Incident record (as of ${ci.asOf})`, recordText),
    row(`Incidents (12 months, ${ci.period.from} to ${ci.period.to})`, byImpactText),
    { label: 'Claims contradicted by the record', cells: ci.cells.map(claimsText), claims: true },
    row('Median minutes to first update (p90)', firstUpdateText),
    row('Median time to resolve', resolveText),
    row('Postmortems published (major and critical)', postmortemText),
    row('Longest silence while open', silenceText),
    row('Estimated availability (worst month)', availabilityText),
  ];
}
