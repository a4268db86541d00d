// Demo incident records, relative to today: a provider that posts quickly and publishes
// postmortems, one that is slow to speak (so its answer on the first update is contradicted), an
// incident your team lived through that the status page never showed, a major incident still
// waiting for its postmortem, and one still open on a critical-path provider.
import type { IncidentInput } from '../../shared/domain/incidents';
import type { Vendor } from '../../shared/domain/vendor';
import type { Context } from './context';
import { addIncident } from './services/incidents';

const DAY = 86_400_000;
const MINUTE = 60_000;

interface DemoIncident {
  title: string;
  impact: NonNullable<IncidentInput['impact']>;
  /** Days before today it started (at 14:00 UTC). */
  daysAgo: number;
  firstUpdateMinutes: number | null;
  resolveMinutes: number | null;
  components: string[];
  /** Minutes after the start of each later update. */
  updatesAt?: number[];
  postmortemDays?: number;
  onStatusPage?: boolean;
}

const DEMO: Record<string, DemoIncident[]> = {
  'Tidewater Postgres': [
    { title: 'Elevated connection errors in eu-central-1', impact: 'major', daysAgo: 200, firstUpdateMinutes: 8, resolveMinutes: 95, components: ['Database', 'eu-central-1'], updatesAt: [30, 60], postmortemDays: 5 },
    { title: 'Slow backups', impact: 'minor', daysAgo: 120, firstUpdateMinutes: 12, resolveMinutes: 300, components: ['Backups'], updatesAt: [120] },
    { title: 'Control plane unavailable', impact: 'critical', daysAgo: 60, firstUpdateMinutes: 6, resolveMinutes: 70, components: ['Control plane'], updatesAt: [20, 45], postmortemDays: 9 },
    { title: 'Replica lag in eu-central-1', impact: 'minor', daysAgo: 0, firstUpdateMinutes: 10, resolveMinutes: null, components: ['Database', 'eu-central-1'] },
  ],
  'Burrow MQ': [
    { title: 'Message delivery delays', impact: 'major', daysAgo: 250, firstUpdateMinutes: 52, resolveMinutes: 240, components: ['Brokers'], updatesAt: [180] },
    { title: 'Broker restarts in us-east', impact: 'major', daysAgo: 140, firstUpdateMinutes: 41, resolveMinutes: 150, components: ['Brokers', 'us-east'], updatesAt: [120] },
    { title: 'Management API errors', impact: 'minor', daysAgo: 75, firstUpdateMinutes: 38, resolveMinutes: 90, components: ['Management API'] },
    { title: 'Queues unreachable for one of our clusters', impact: 'major', daysAgo: 40, firstUpdateMinutes: null, resolveMinutes: 55, components: ['Brokers'], onStatusPage: false },
    { title: 'Partial outage of the brokers', impact: 'major', daysAgo: 30, firstUpdateMinutes: 47, resolveMinutes: 200, components: ['Brokers'], updatesAt: [160] },
  ],
  'Logjam Cloud': [{ title: 'Ingestion delayed', impact: 'minor', daysAgo: 90, firstUpdateMinutes: 20, resolveMinutes: 180, components: ['Ingestion'], updatesAt: [90] }],
};

export async function addDemoIncidents(ctx: Context, byName: ReadonlyMap<string, Vendor>): Promise<void> {
  const today = Date.parse(`${ctx.now().toISOString().slice(0, 10)}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  for (const [name, incidents] of Object.entries(DEMO)) {
    const vendor = byName.get(name);
    if (!vendor) continue;
    for (const d of incidents) {
      // Today's incident starts an hour ago at most, so it is never in the future.
      const start = d.daysAgo === 0 ? Math.min(ctx.now().getTime() - 60 * MINUTE, today + 14 * 60 * MINUTE) : today - d.daysAgo * DAY + 14 * 60 * MINUTE;
      const at = (minutes: number) => iso(start + minutes * MINUTE);
      const resolved = d.resolveMinutes === null ? null : at(d.resolveMinutes);
      const posts = [...(d.firstUpdateMinutes === null ? [] : [d.firstUpdateMinutes]), ...(d.updatesAt ?? [])];
      await addIncident(ctx, {
                vendorId: vendor.id,
                title: d.title,
                impact: d.impact,
                components: d.components,
                startedAt: at(0),
                firstUpdateAt: d.firstUpdateMinutes === null ? null : at(d.firstUpdateMinutes),
                resolvedAt: resolved,
                updates: [
                  ...posts.map((m, i) => ({ at: at(m), status: i === 0 ? 'investigating' : 'identified', text: i === 0 ? 'We are investigating reports of errors.' : 'The cause is identified; a fix is being rolled out.' })),
                  ...(resolved ? [{ at: resolved, status: 'resolved', text: 'This incident has been resolved.' }] : []),
                ].filter(() => d.onStatusPage !== false),
                postmortem: d.postmortemDays === undefined || resolved === null ? null : { publishedAt: iso(Date.parse(resolved) + d.postmortemDays * DAY), link: null, text: 'Root cause, timeline and follow-up actions.' },
                onStatusPage: d.onStatusPage ?? true,
                notes: d.onStatusPage === false ? 'Seen by our on-call; their status page stayed green.' : '',
              });
    }
  }
}
