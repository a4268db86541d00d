// `vetted transparency VENDOR [--since YYYY-MM-DD] [--date YYYY-MM-DD] [--json]`: incident
// transparency measured from the provider's incident record (docs/incidents.md) in words, and the
// latest review's incident-transparency answers held against it, contradicted ones first.
import type { Transparency } from '../../../shared/api';
import { INCIDENT_IMPACTS, POSTMORTEM_GRACE_DAYS, type IncidentClaimCheck, type IncidentImpact, type TransparencyMeasures } from '../../../shared/domain/incidents';
import { INCIDENT_IMPACT_LABELS, labelOf } from '../../../shared/domain/labels';
import { parse, shortId } from '../args';
import { dateFlag } from '../date-flag';
import { inputError, usageError } from '../cli-error';
import { findVendor, openSession } from '../session';

export const TRANSPARENCY_USAGE = 'usage: vetted transparency VENDOR [--since YYYY-MM-DD] [--date YYYY-MM-DD] [--json]';

/** Today's UTC date, as the service reads "today" for the period. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Minutes as the measures give them (one decimal): "12.5 minutes", "3 h 5 min", "2 d 4 h". */
export function durationWords(minutes: number): string {
  if (minutes < 120) return plural(minutes, 'minute');
  const m = Math.round(minutes);
  if (m < 48 * 60) return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
  const hours = Math.floor((m % 1440) / 60);
  return `${Math.floor(m / 1440)} d${hours === 0 ? '' : ` ${hours} h`}`;
}

const impactWords = (impact: IncidentImpact) => labelOf(INCIDENT_IMPACT_LABELS, impact).toLowerCase();

/** Most severe first: how a reader weighs them. */
const SEVERE_FIRST = [...INCIDENT_IMPACTS].reverse();

/** The measures, one line each: label and value. */
export function measureLines(m: TransparencyMeasures): [string, string][] {
  const lines: [string, string][] = [];
  const byImpact = SEVERE_FIRST.filter((i) => m.byImpact[i] > 0).map((i) => `${m.byImpact[i]} ${impactWords(i)}`);
  if (m.impactUnknown > 0) byImpact.push(`${m.impactUnknown} of unknown impact (a history feed does not give it)`);
  lines.push(['Incidents', `${m.total}${byImpact.length > 0 ? ` (${byImpact.join(', ')})` : ''}; ${m.open} still open at the end of the period`]);
  lines.push([
    'Not on the status page',
    m.notOnStatusPage === 0
      ? 'none recorded (incidents your team lived through that the status page never showed)'
      : `${plural(m.notOnStatusPage, 'incident')} your team recorded never appeared on the status page`,
  ]);
  const f = m.firstUpdate;
  const unmeasured = [
    ...(f.withoutUpdate > 0 ? [`${f.withoutUpdate} without a public update`] : []),
    ...(f.notMeasured > 0 ? [`${f.notMeasured} from a feed or Instatus, which give no start to measure from`] : []),
  ];
  lines.push([
    'First public update',
    f.median === null
      ? `not measured${unmeasured.length > 0 ? ` (${unmeasured.join('; ')})` : ''}`
      : `median ${durationWords(f.median)}, 90th percentile ${durationWords(f.p90 ?? f.median)} after the start ` +
        `(over ${plural(f.measured, 'incident')}${unmeasured.map((u) => `; ${u}`).join('')})`,
  ]);
  const resolved = SEVERE_FIRST.filter((i) => m.timeToResolve[i].measured > 0).map((i) => {
    const t = m.timeToResolve[i];
    return `${impactWords(i)} ${durationWords(t.median!)} (${plural(t.measured, 'incident')})`;
  });
  lines.push(['Time to resolve (median)', resolved.length > 0 ? resolved.join(', ') : `not measured: no incident${m.impactUnknown > 0 ? ' of known impact' : ''} was resolved in the period`]);
  const p = m.postmortems;
  lines.push([
    'Postmortems',
    p.due === 0
      ? `none due (major or critical incidents resolved at least ${POSTMORTEM_GRACE_DAYS} days before the end of the period)`
      : `${p.published} of ${p.due} due published (${Math.floor((p.share ?? 0) * 100 + 1e-9)}%)` +
        (p.medianDaysToPublish === null ? '' : `, a median ${plural(p.medianDaysToPublish, 'day')} after the resolution`),
  ]);
  lines.push([
    'Updates while open',
    m.updatesPerIncidentHour === null ? 'not measured' : `${m.updatesPerIncidentHour} public updates per hour an incident was open`,
  ]);
  lines.push([
    'Longest silence',
    m.longestSilence === null
      ? 'not measured'
      : `${durationWords(m.longestSilence.minutes)} without a public update, in "${m.longestSilence.title}" (${shortId(m.longestSilence.incidentId)})`,
  ]);
  const a = m.availability;
  lines.push([
    'Availability (estimate)',
    a === null
      ? 'not estimated: no incident of known impact in the period'
      : `${a.percent}% over the period${a.worstMonth ? `, worst month ${a.worstMonth.month} at ${a.worstMonth.percent}%` : ''}; ` +
        (a.componentsUsed.length > 0 ? `components you use: ${a.componentsUsed.join(', ')}` : 'every component (none chosen: vetted status components)'),
  ]);
  return lines;
}

const VERDICT_ORDER: Record<IncidentClaimCheck['verdict'], number> = { contradicted: 0, consistent: 1, untested: 2 };

/** Contradicted first, then consistent, then untested; the contract's order within each. */
export const claimsInOrder = (claims: readonly IncidentClaimCheck[]) =>
  claims.map((c, i) => ({ c, i })).sort((a, b) => VERDICT_ORDER[a.c.verdict] - VERDICT_ORDER[b.c.verdict] || a.i - b.i).map(({ c }) => c);

/**
 * The report in words. `pastDate`: the period ends on a past day given with --date, so the answers
 * checked are those of the review decided by then (today's are the latest review's).
 */
export function transparencyReport(t: Transparency, vendorName: string, defaulted: boolean, pastDate = false): string {
  const { from, to } = t.measures.period;
  const review = pastDate ? `review decided by ${to}` : 'latest review';
  const lines = [`Incident transparency of ${vendorName}, ${from} to ${to} (whole UTC days${defaulted ? '; the default: the twelve months to today' : ''}):`, ''];
  const rows = measureLines(t.measures);
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  for (const [label, value] of rows) lines.push(`  ${`${label}:`.padEnd(width)}  ${value}`);
  lines.push('');
  if (t.reviewId === null) {
    lines.push(`Claims: ${pastDate ? `no review was decided by ${to}` : 'no review started'}, so no answer to hold against the record.`);
  } else if (t.claims.length === 0) {
    lines.push(`Claims: the ${review} answers none of the incident-transparency questions the record can test.`);
  } else {
    const contradicted = t.claims.filter((c) => c.verdict === 'contradicted').length;
    lines.push(`Claims in the ${review}, held against the record (${contradicted} contradicted):`);
    const idWidth = Math.max(...t.claims.map((c) => c.questionId.length));
    for (const c of claimsInOrder(t.claims)) {
      lines.push(`  ${(c.verdict === 'contradicted' ? 'CONTRADICTED' : c.verdict).padEnd(12)}  ${c.questionId.padEnd(idWidth)}  ${c.words}`);
    }
  }
  return lines.join('\n') + '\n';
}

export async function transparencyCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { since: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw usageError(TRANSPARENCY_USAGE);
  const since = dateFlag('since', values.since);
  const date = dateFlag('date', values.date);
  if (since !== undefined && date !== undefined && since > date) throw inputError(`--since: ${since} is after --date, ${date}`);
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  const result = await api['incident.transparency']({ vendorId: vendor.id, since, date });
  // The period's refusals name the API field; here they are the flags.
  if (!result.ok) throw inputError(result.error.message.replace(/^(since|date): /, '--$1: '));
  if (values.json) {
    process.stdout.write(JSON.stringify(result.value, null, 2) + '\n');
    return;
  }
  // The service reads "today" as the UTC date: any other --date is a past day.
  const past = date !== undefined && date !== todayUtc();
  process.stdout.write(transparencyReport(result.value, vendor.name, since === undefined && date === undefined, past));
}
