// `vetted incidents VENDOR [--since YYYY-MM-DD] [--json]`: the provider's incident log, newest
// first: impact, start, how long the first public update took, resolved or open, where it came
// from, and the ones the status page never showed.
import type { IncidentView } from '../../../shared/api';
import { INCIDENT_IMPACT_LABELS, INCIDENT_SOURCE_LABELS, labelOf } from '../../../shared/domain/labels';
import { parse, shortId } from '../args';
import { dateFlag } from '../date-flag';
import { usageError } from '../cli-error';
import { table } from '../format';
import { findVendor, must, openSession } from '../session';

export const INCIDENTS_USAGE = 'usage: vetted incidents VENDOR [--since YYYY-MM-DD] [--json]';

/** "2026-12-06 02:00 UTC". */
export const utcMinute = (iso: string) => {
  const d = new Date(iso).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)} UTC`;
};

/** A length of time as people read it: "45 min", "3 h 5 min", "2 d 4 h". Rounded down to the minute. */
export function minutesWords(minutes: number): string {
  const m = Math.max(0, Math.floor(minutes + 1e-9));
  if (m < 60) return `${m} min`;
  if (m < 48 * 60) return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

/** A feed or Instatus gives no start apart from the first post: the wait cannot be measured. */
const noStart = (i: IncidentView) => i.source === 'feed' || i.source === 'instatus';

/** "+12 min" after the start, "none" when no public update was posted, "n/a" when the source gives no start. */
function firstUpdateWords(i: IncidentView): string {
  if (!i.onStatusPage || i.firstUpdateAt === null) return 'none';
  if (noStart(i)) return 'n/a';
  return `+${minutesWords(Math.max(0, minutesBetween(i.startedAt, i.firstUpdateAt)))}`;
}

function resolvedWords(i: IncidentView): string {
  return i.resolvedAt === null ? 'OPEN' : `after ${minutesWords(minutesBetween(i.startedAt, i.resolvedAt))}`;
}

/** Incidents started on or after the UTC day `since`. */
export const startedSince = (incidents: readonly IncidentView[], since: string | undefined) =>
  since === undefined ? [...incidents] : incidents.filter((i) => Date.parse(i.startedAt) >= Date.parse(`${since}T00:00:00Z`));

export function incidentTable(incidents: readonly IncidentView[]): string {
  return table(
    ['ID', 'Started', 'Impact', 'Title', 'First update', 'Resolved', 'Source', 'Status page'],
    incidents.map((i) => [
      shortId(i.id),
      utcMinute(i.startedAt),
      // A history feed gives no impact: the stored one is a placeholder the measures leave out.
      i.source === 'feed' ? 'unknown' : labelOf(INCIDENT_IMPACT_LABELS, i.impact).toLowerCase(),
      i.title.length > 60 ? `${i.title.slice(0, 59)}…` : i.title,
      firstUpdateWords(i),
      resolvedWords(i),
      labelOf(INCIDENT_SOURCE_LABELS, i.source),
      i.onStatusPage ? 'shown' : 'NOT SHOWN',
    ]),
  );
}

export async function incidentsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { since: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length !== 1) throw usageError(INCIDENTS_USAGE);
  const since = dateFlag('since', values.since);
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  // The API lists newest start first.
  const incidents = startedSince(must(await api['incident.list']({ vendorId: vendor.id })), since);
  if (values.json) {
    process.stdout.write(JSON.stringify(incidents, null, 2) + '\n');
    return;
  }
  const period = since === undefined ? '' : ` since ${since}`;
  if (incidents.length === 0) {
    process.stdout.write(`No incidents on record for ${vendor.name}${period}.\n`);
    return;
  }
  const open = incidents.filter((i) => i.resolvedAt === null).length;
  const hidden = incidents.filter((i) => !i.onStatusPage).length;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  process.stdout.write(
    `${vendor.name}: ${count(incidents.length, 'incident', 'incidents')}${period}, newest first (times in UTC); ` +
      `${open} open, ${hidden} not on the status page.\n\n${incidentTable(incidents)}\n` +
      (incidents.some(noStart) ? 'First update n/a: a history feed or Instatus gives no start apart from the first post.\n' : ''),
  );
}
