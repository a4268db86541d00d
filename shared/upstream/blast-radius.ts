// Blast radius (issue 21): "AWS us-east-1 is down" — every provider of the register it hits,
// critical path first, and for each whether it survives, goes down or cannot be told, with a
// reason built only from what the register holds: the provider's recorded upstreams and its
// answers to the tenancy questions ten_regions (multi_region | multi_zone | single_site) and
// ten_ha_failover. Pure.
//
// The rules (docs/concentration.md):
// - Region outage (party P, region R). A provider is hit when it records R for P, or names P with
//   no region recorded (then it *may* be hit: unknown, "Regions not recorded for P").
//   Recorded in R: survives only if it states multi_region AND another region is recorded for it —
//   another region of P, or another party of the same kind (hosting beside hosting); states
//   multi_region but nothing else is recorded: unknown; multi_zone or single_site: down; no answer: unknown.
// - Whole-party outage (P). Every provider naming P is hit. Survives only if it states
//   multi_region AND another party of the same kind is recorded; multi_region alone: unknown;
//   multi_zone or single_site: down; no answer: unknown.
// - An answer from a review not yet decided never decides the outcome (a document states only
//   what decided reviews hold): unknown, with the answer named in the reason.
import type { Upstream } from '../domain/upstream';
import { regionKey } from '../domain/upstream';
import { catalogueParty, findCatalogueParty, regionName } from './catalogue';
import type { ProviderFacts, ProviderParty, ProviderRef, RegionRef, RegisterIndex } from './register-index';
import { canonicalPartyKey, entryFor, indexRegister } from './register-index';

/** A provider's stated failover, from its latest review's tenancy answers. */
export interface FailoverStatement {
  /** Option id of ten_regions: 'multi_region' | 'multi_zone' | 'single_site'; null: not answered. */
  regions: string | null;
  /** Option id of ten_ha_failover ('auto_multi_zone', 'auto_single_zone', 'manual', 'none'); null: not answered. */
  zones: string | null;
  /** Where the answers come from: the decided review, a review not yet decided, or nowhere. */
  basis: 'decided' | 'open' | 'none';
}

export const NO_FAILOVER_ANSWER: FailoverStatement = { regions: null, zones: null, basis: 'none' };

export type BlastOutcome = 'survives' | 'down' | 'unknown';

export interface BlastHit extends ProviderRef {
  outcome: BlastOutcome;
  /** One sentence, from the data only. */
  reason: string;
  /** The provider's recorded regions of the party (codes as shown); empty: none recorded. */
  regions: string[];
  /** What else of the same kind it records, which a failover could move to ("eu-west-1", "Google Cloud"). */
  alternatives: string[];
  failover: FailoverStatement;
}

export interface BlastRadius {
  party: { key: string; name: string; catalogueId: string | null };
  /** Null: the whole party is down. */
  region: RegionRef | null;
  /** Critical path first, then down, unknown, survives, then by name. */
  hits: BlastHit[];
  counts: Record<BlastOutcome, number>;
  criticalHit: number;
  /** Non-retired providers not hit. */
  notHit: number;
  retiredLeftOut: number;
}

export interface BlastQuery {
  /** A party key ("catalogue:aws", "name:fastly"), a catalogue id or name or alias, or a name as typed. */
  party: string;
  /** A region code of the party; null or left out: the whole party. */
  region?: string | null;
}

/** The party key a query means: a key as given, a catalogue match, else the typed name folded. */
export function resolvePartyKey(query: string): string {
  const q = query.trim();
  if (q.startsWith('catalogue:') || q.startsWith('name:')) return q;
  const known = catalogueParty(q) ?? findCatalogueParty(q);
  return known ? `catalogue:${known.id}` : canonicalPartyKey({ catalogueId: null, party: q });
}

/** Answers of ten_regions that take a provider down with its region (or its only party). */
const DOWN_WORDS: Record<string, string> = {
  multi_zone: 'One region, several zones',
  single_site: 'One data centre or zone',
};

/** ten_regions answers in words, for the reason given with an undecided answer. */
const STATED: Record<string, string> = {
  multi_region: 'multi-region failover',
  multi_zone: 'one region, several zones',
  single_site: 'one data centre or zone',
};

interface Alternatives {
  /** Other recorded regions of the party (region outage only). */
  regions: string[];
  /** Other recorded parties of a kind the provider records the party as. */
  parties: string[];
}

/** What else of the same kind the provider records, which a failover could move to. */
function alternativesOf(index: RegisterIndex, mine: readonly ProviderParty[], entry: ProviderParty, region: string | null): Alternatives {
  const regions: string[] = [];
  if (region !== null) {
    for (let i = 0; i < entry.regionKeys.length; i++) if (entry.regionKeys[i] !== region) regions.push(entry.regionCodes[i]!);
  }
  const parties: string[] = [];
  for (const other of mine) {
    if (other !== entry && (other.kinds & entry.kinds) !== 0) parties.push(index.parties.get(other.partyKey)!.name);
  }
  return { regions, parties };
}

/** "runs in eu-west-1 as well", "runs on Google Cloud as well", "runs in eu-west-1 and on Google Cloud as well". */
function runsElsewhere(alt: Alternatives): string {
  const parts: string[] = [];
  if (alt.regions.length > 0) parts.push(`in ${alt.regions.join(', ')}`);
  if (alt.parties.length > 0) parts.push(`on ${alt.parties.join(', ')}`);
  return `runs ${parts.join(' and ')} as well`;
}

function judge(f: FailoverStatement, alt: Alternatives, partyName: string, regionOutage: boolean, regionsRecorded: boolean): { outcome: BlastOutcome; reason: string } {
  // Named without regions in a region outage: whatever it states, nobody can say where it runs.
  if (regionOutage && !regionsRecorded) return { outcome: 'unknown', reason: `Regions not recorded for ${partyName}: may be hit` };
  if (f.basis === 'none' || f.regions === null) return { outcome: 'unknown', reason: 'No answer on regional failover' };
  if (f.basis === 'open') {
    return { outcome: 'unknown', reason: `Answer from a review not yet decided (it states ${STATED[f.regions] ?? f.regions})` };
  }
  if (f.regions === 'multi_region') {
    if (alt.regions.length + alt.parties.length > 0) return { outcome: 'survives', reason: `States multi-region failover and ${runsElsewhere(alt)}` };
    return {
      outcome: 'unknown',
      reason: regionOutage
        ? 'States multi-region failover, but no other region is recorded'
        : `States multi-region failover, but nothing of the same kind besides ${partyName} is recorded`,
    };
  }
  const words = DOWN_WORDS[f.regions];
  if (words) return { outcome: 'down', reason: `${words}: ${regionOutage ? 'a regional outage' : `an outage of ${partyName}`} takes it down` };
  return { outcome: 'unknown', reason: `Regional failover answer not recognised (${f.regions})` };
}

const SEVERITY: Record<BlastOutcome, number> = { down: 0, unknown: 1, survives: 2 };

export function blastRadius(
  providers: readonly ProviderFacts[],
  upstreams: readonly Upstream[],
  failover: ReadonlyMap<string, FailoverStatement>,
  query: BlastQuery,
): BlastRadius {
  const index = indexRegister(providers, upstreams);
  const key = resolvePartyKey(query.party);
  const info = index.parties.get(key);
  const catalogueId = key.startsWith('catalogue:') ? key.slice('catalogue:'.length) : null;
  const partyName = info?.name ?? catalogueParty(catalogueId ?? '')?.name ?? query.party.trim();
  const rk = query.region ? regionKey(query.region) : null;
  const region: RegionRef | null =
    rk === null ? null : (info?.regions.get(rk) ?? { key: rk, code: query.region!.trim(), name: regionName(catalogueId, query.region!) });

  const hits: BlastHit[] = [];
  index.partiesOf.forEach((mine, at) => {
    const entry = entryFor(mine, key);
    if (!entry) return;
    const regionsRecorded = entry.regionKeys.length > 0;
    // In a region outage, a provider that records other regions of the party but not this one is not hit.
    if (rk !== null && regionsRecorded && !entry.regionKeys.includes(rk)) return;
    const provider = index.providers[at]!;
    const f = failover.get(provider.vendorId) ?? NO_FAILOVER_ANSWER;
    const alt = alternativesOf(index, mine, entry, rk);
    hits.push({
      ...provider,
      ...judge(f, alt, partyName, rk !== null, regionsRecorded),
      regions: entry.regionKeys.map((k) => info!.regions.get(k)!.code),
      alternatives: [...alt.regions, ...alt.parties],
      failover: f,
    });
  });
  // Providers come in display order (critical first, then name); the sort is stable.
  hits.sort((a, b) => Number(b.criticalPath) - Number(a.criticalPath) || SEVERITY[a.outcome] - SEVERITY[b.outcome]);

  const counts: Record<BlastOutcome, number> = { survives: 0, down: 0, unknown: 0 };
  for (const h of hits) counts[h.outcome]++;
  return {
    party: { key, name: partyName, catalogueId: info?.catalogueId ?? (catalogueId && catalogueParty(catalogueId) ? catalogueId : null) },
    region,
    hits,
    counts,
    criticalHit: hits.filter((h) => h.criticalPath).length,
    notHit: index.providers.length - hits.length,
    retiredLeftOut: index.retiredLeftOut,
  };
}
