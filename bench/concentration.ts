// Goal (issue 21): concentration over a register of 5,000 providers × 5 upstreams takes at most
// 100 ms: every fourth party and region with its dependants, critical counts and shares, sorted by
// exposure. Reported warm (the median of 9 runs after 3 untimed ones) and cold (the first call of
// the process, which also compiles the code and collates the names the first time).
// Alone: node --import tsx bench/concentration.ts
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Upstream, UpstreamKind } from '../shared/domain/upstream';
import { seededRandom } from '../shared/random';
import { blastRadius, type FailoverStatement } from '../shared/upstream/blast-radius';
import { CATALOGUE } from '../shared/upstream/catalogue';
import { concentration } from '../shared/upstream/concentration';
import type { ProviderFacts } from '../shared/upstream/register-index';
import { fmt, median } from './stats';

export interface ConcentrationBench {
  providers: number;
  upstreams: number;
  parties: number;
  rows: number;
  coldMs: number;
  medianMs: number;
  minMs: number;
  runs: number;
  /** The floor, same run: one plain pass counting providers per party and region in a Map (median). */
  floorMs: number;
  /** One blast radius (AWS us-east-1), warm median: informational. */
  blastMs: number;
}

const STAMP = '2026-12-01T00:00:00.000Z';

/**
 * A register as it looks once upstreams are entered: every provider on one of 3 clouds (AWS half,
 * Google Cloud and Azure a quarter each) in 1–3 of its 6 busiest regions, a CDN, a DNS provider,
 * an e-mail sender, and one more (payment, identity, a second cloud or a free-text party typed in
 * one of a few spellings). 30 % on the critical path, 3 % retired. Seeded, so runs compare.
 */
export function concentrationFixture(providers = 5_000): { providers: ProviderFacts[]; upstreams: Upstream[] } {
  const r = seededRandom(21);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const party = (id: string) => CATALOGUE.find((p) => p.id === id)!;
  const clouds = ['aws', 'aws', 'gcp', 'azure'].map(party);
  const busiest = (id: string) => party(id).regions.slice(0, 6).map((x) => x.code);
  const regionsOf = new Map(['aws', 'gcp', 'azure'].map((id) => [id, busiest(id)]));
  const cdn = ['cloudflare', 'fastly', 'akamai', 'cloudfront'].map(party);
  const dns = ['route53', 'cloudflare', 'ns1', 'google-cloud-dns', 'azure-dns'].map(party);
  const email = ['sendgrid', 'mailgun', 'ses', 'postmark', 'google-workspace'].map(party);
  const extra = ['stripe', 'adyen', 'paypal', 'auth0', 'okta', 'entra-id'].map(party);
  const typed = ['Acme Logging', 'ACME Logging Inc.', 'acme logging', 'Blue Queue GmbH', 'Blue Queue', 'Northwind Search'];

  const list: ProviderFacts[] = [];
  const upstreams: Upstream[] = [];
  let serial = 0;
  const add = (vendorId: string, name: string, catalogueId: string | null, kind: UpstreamKind, regions: string[]) =>
    upstreams.push({
      id: `u${++serial}`, vendorId, party: name, catalogueId, kind, regions: regions.map((code) => ({ code, uses: '' })),
      purpose: '', location: '', source: 'entered', note: '', createdAt: STAMP, updatedAt: STAMP,
    });
  const someRegions = (id: string) => {
    const all = regionsOf.get(id)!;
    const n = 1 + Math.floor(r() * 3);
    return [...new Set(Array.from({ length: n }, () => pick(all)))];
  };
  for (let p = 0; p < providers; p++) {
    const vendorId = `vendor-${p}`;
    list.push({ vendorId, name: `Provider ${String(p).padStart(4, '0')}`, criticalPath: r() < 0.3, status: r() < 0.03 ? 'retired' : 'active' });
    const cloud = pick(clouds);
    add(vendorId, cloud.name, cloud.id, 'hosting', r() < 0.1 ? [] : someRegions(cloud.id));
    const c = pick(cdn);
    add(vendorId, c.name, c.id, 'cdn', []);
    const d = pick(dns);
    add(vendorId, d.name, d.id, 'dns', []);
    const e = pick(email);
    add(vendorId, e.name, e.id, 'email', []);
    const roll = r();
    if (roll < 0.5) {
      const x = pick(extra);
      add(vendorId, x.name, x.id, x.kinds[0]!, []);
    } else if (roll < 0.7) {
      const second = pick(clouds.filter((k) => k.id !== cloud.id));
      add(vendorId, second.name, second.id, 'hosting', someRegions(second.id));
    } else {
      add(vendorId, pick(typed), null, 'other', []);
    }
  }
  return { providers: list, upstreams };
}

/** The least the same counting can cost: one pass, a Map lookup per upstream and region, no names, no sorting. */
function floorPass(providers: readonly ProviderFacts[], upstreams: readonly Upstream[]): number {
  const live = new Set(providers.filter((p) => p.status !== 'retired').map((p) => p.vendorId));
  const counts = new Map<string, number>();
  for (const u of upstreams) {
    if (!live.has(u.vendorId)) continue;
    const key = u.catalogueId ?? u.party;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const r of u.regions) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  }
  return counts.size;
}

export function benchConcentration(providers = 5_000, runs = 9, warmups = 3): ConcentrationBench {
  const fixture = concentrationFixture(providers);
  const t0 = performance.now();
  const result = concentration(fixture.providers, fixture.upstreams);
  const coldMs = performance.now() - t0;
  for (let i = 0; i < warmups; i++) concentration(fixture.providers, fixture.upstreams);
  const times: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    concentration(fixture.providers, fixture.upstreams);
    times.push(performance.now() - t);
    const f = performance.now();
    floorPass(fixture.providers, fixture.upstreams);
    floors.push(performance.now() - f);
  }
  const failover = new Map<string, FailoverStatement>(
    fixture.providers.map((p, i) => [p.vendorId, { regions: ['multi_region', 'multi_zone', 'single_site', null][i % 4]!, zones: null, basis: i % 5 === 0 ? 'open' : 'decided' }]),
  );
  const blast: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    blastRadius(fixture.providers, fixture.upstreams, failover, { party: 'aws', region: 'us-east-1' });
    blast.push(performance.now() - t);
  }
  return {
    providers,
    upstreams: fixture.upstreams.length,
    parties: result.parties.length,
    rows: result.parties.reduce((n, p) => n + 1 + p.regions.length, 0),
    coldMs,
    medianMs: median(times),
    minMs: Math.min(...times),
    runs,
    floorMs: median(floors),
    blastMs: median(blast),
  };
}

/** The row of `npm run bench`: benchmark, measured, floor, ratio, goal, result. */
export function concentrationRow(b: ConcentrationBench): string[] {
  return [
    `Concentration: ${b.providers} providers × 5 upstreams, every party and region (median of ${b.runs})`,
    `${fmt(b.medianMs, 0)} ms (min ${fmt(b.minMs, 0)}, cold ${fmt(b.coldMs, 0)}); ${b.upstreams} upstreams → ${b.parties} parties, ${b.rows} rows`,
    `one counting pass ${fmt(b.floorMs, 1)} ms`,
    `×${fmt(b.medianMs / b.floorMs)}`,
    '≤ 100 ms',
    b.medianMs <= 100 ? 'met' : 'missed',
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const b = benchConcentration();
  console.log(concentrationRow(b).join(' | '));
  console.log(`Blast radius of AWS us-east-1 over the same register: ${fmt(b.blastMs, 0)} ms (median of 5). Load average ${os.loadavg().map((x) => fmt(x)).join(' ')} on ${os.cpus().length} cores.`);
}
