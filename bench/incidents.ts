// Goals (issue 15): importing a 5 MB Statuspage incidents.json (about 2,000 incidents) into a real
// register takes at most 1 s — reading the file, checking every field and writing every incident
// in one transaction; and the incident measures for 500 providers × 50 incidents take at most
// 300 ms. Both warm: the median of 5 runs after an untimed first one (which compiles the code).
// Alone: node --import tsx bench/incidents.ts
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Incident, IncidentImpact } from '../shared/domain/incidents';
import { transparencyMeasures } from '../shared/incidents/measures';
import { seededRandom } from '../shared/random';
import { openVetted } from '../electron/core/vetted';
import { fmt, median } from './stats';

const IMPACTS: IncidentImpact[] = ['none', 'minor', 'minor', 'major', 'major', 'critical'];
const COMPONENTS = ['API', 'Dashboard', 'Database', 'eu-west-1', 'us-east-1', 'Webhooks', 'Brokers', 'Backups'];
const iso = (ms: number) => new Date(ms).toISOString();

/** A Statuspage v2 incidents.json of `n` incidents over two years, updates as real pages post them. */
export function incidentsFile(n: number): string {
  const r = seededRandom(15);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const text = (words: number) => Array.from({ length: words }, () => ['elevated', 'errors', 'latency', 'customers', 'region', 'mitigation', 'deployed', 'monitoring', 'the', 'we', 'are', 'investigating'][int(0, 11)]).join(' ');
  const start0 = Date.parse('2025-01-01T00:00:00Z');
  const incidents = Array.from({ length: n }, (_, i) => {
    const start = start0 + Math.floor((i / n) * 700 * 86_400_000) + int(0, 86_400_000);
    const first = start + int(3, 90) * 60_000;
    const resolved = first + int(20, 600) * 60_000;
    const count = int(2, 6);
    const updates = Array.from({ length: count }, (_, k) => {
      const at = k === 0 ? first : k === count - 1 ? resolved : first + Math.floor(((resolved - first) * k) / count);
      const status = k === 0 ? 'investigating' : k === count - 1 ? 'resolved' : 'monitoring';
      return { id: `u${i}-${k}`, status, body: text(int(15, 50)), created_at: iso(at), display_at: iso(at), updated_at: iso(at), incident_id: `i${i}` };
    }).reverse();
    const impact = IMPACTS[int(0, IMPACTS.length - 1)]!;
    return {
      id: `inc${String(i).padStart(6, '0')}`,
      name: `Incident ${i}: ${text(6)}`,
      status: 'resolved',
      impact,
      created_at: iso(first),
      updated_at: iso(resolved + 3_600_000),
      started_at: iso(start),
      resolved_at: iso(resolved),
      monitoring_at: null,
      shortlink: `https://stspg.io/${i}`,
      page_id: 'bench',
      components: [{ id: `c${i % 8}`, name: COMPONENTS[i % 8], status: 'operational' }],
      incident_updates: updates,
      postmortem_body: impact === 'major' || impact === 'critical' ? (r() < 0.6 ? text(150) : null) : null,
      postmortem_published_at: null as string | null,
    };
  });
  for (const inc of incidents) if (inc.postmortem_body) inc.postmortem_published_at = iso(Date.parse(inc.resolved_at) + 5 * 86_400_000);
  return JSON.stringify({ page: { id: 'bench', name: 'Bench Cloud', url: 'https://status.bench.example', time_zone: 'Etc/UTC', updated_at: iso(start0) }, incidents });
}

/** 500 providers × 50 incidents over the last year, as the measures see them. */
export function measureFixture(providers = 500, each = 50): Incident[][] {
  const r = seededRandom(150);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const end = Date.parse('2026-12-01T00:00:00Z');
  return Array.from({ length: providers }, (_, p) =>
    Array.from({ length: each }, (_, i) => {
      const start = end - int(0, 365) * 86_400_000 - int(0, 86_400_000);
      const first = start + int(2, 120) * 60_000;
      const resolved = r() < 0.02 ? null : first + int(10, 900) * 60_000;
      const updates = Array.from({ length: int(1, 5) }, (_, k) => ({ at: iso(first + k * int(10, 60) * 60_000), status: 'monitoring', text: 'x' }));
      const impact = IMPACTS[int(0, IMPACTS.length - 1)]!;
      return {
        id: `p${p}-i${i}`, vendorId: `p${p}`, title: `Incident ${i}`, impact, components: [COMPONENTS[i % 8]!],
        startedAt: iso(start), firstUpdateAt: iso(first), resolvedAt: resolved === null ? null : iso(resolved), updates,
        postmortem: resolved !== null && r() < 0.5 ? { publishedAt: iso(resolved + 4 * 86_400_000), link: null, text: 'pm' } : null,
        source: 'statuspage', onStatusPage: true, sourceUid: `${p}-${i}`, sequence: 1, link: null, notes: '', createdAt: iso(end), updatedAt: iso(end),
      } satisfies Incident;
    }),
  );
}


export interface IncidentBench {
  incidents: number;
  megabytes: number;
  importMs: number;
  providers: number;
  measured: number;
  measuresMs: number;
}

export async function benchIncidents(): Promise<IncidentBench> {
  const text = incidentsFile(2000);
  const runs: number[] = [];
  for (let run = 0; run < 6; run++) {
    const file = path.join(os.tmpdir(), `vetted-bench-incidents-${process.pid}-${run}.db`);
    const vetted = await openVetted(file, { logError: () => {} });
    const vendor = await vetted.api['vendor.create']({ name: 'Bench Cloud', category: 'hosting' });
    if (!vendor.ok) throw new Error(vendor.error.message);
    const t0 = performance.now();
    const result = await vetted.api['status.import']({ vendorId: vendor.value.id, fileName: 'incidents.json', text });
    const ms = performance.now() - t0;
    if (!result.ok || result.value.incidents.added !== 2000) throw new Error(result.ok ? 'not every incident was added' : result.error.message);
    if (run > 0) runs.push(ms);
    vetted.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
  const providers = measureFixture();
  const times: number[] = [];
  for (let run = 0; run < 6; run++) {
    const t0 = performance.now();
    for (const list of providers) transparencyMeasures(list, { from: '2025-12-01', to: '2026-11-30' }, []);
    if (run > 0) times.push(performance.now() - t0);
  }
  return { incidents: 2000, megabytes: text.length / 1e6, importMs: median(runs), providers: providers.length, measured: providers[0]!.length, measuresMs: median(times) };
}

export function incidentRows(b: IncidentBench): string[][] {
  return [
    [`Import a ${fmt(b.megabytes, 1)} MB incidents.json (${b.incidents} incidents), warm median of 5`, `${fmt(b.importMs, 0)} ms`, '≤ 1,000 ms', b.importMs <= 1000 ? 'met' : 'missed'],
    [`Incident measures, ${b.providers} providers × ${b.measured} incidents, warm median of 5`, `${fmt(b.measuresMs, 0)} ms`, '≤ 300 ms', b.measuresMs <= 300 ? 'met' : 'missed'],
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  for (const row of incidentRows(await benchIncidents())) console.log(row.join(' | '));
}
