// Blast radius (issue 21): "AWS us-east-1 is down" — every provider of the register it hits,
// critical path first, and for each whether it survives, goes down or cannot be told, with a
// reason built only from what the register holds: the provider's recorded upstreams and its
// answers to the tenancy questions ten_regions (multi_region | multi_zone | single_site) and
// ten_ha_failover. Pure.
//
// The rules (docs/concentration.md):
// - The tenancy answers say where the provider itself runs. They decide only outages of a party it
//   records for hosting (under any of its kinds); for a CDN, DNS, e-mail, payment or identity party
//   the outcome is unknown, saying so and naming what else of that kind it records.
// - Region outage (party P, region R). A provider is hit when it records R for P, or names P with
//   no region recorded (then it *may* be hit: unknown, "Regions not recorded for P").
//   Recorded in R: survives only if it states multi_region AND another region is recorded for it —
//   another region of P, or another hosting party; states multi_region but nothing else is
//   recorded: unknown (the answer and the record disagree); multi_zone or single_site: down; no answer: unknown.
// - Whole-party outage (P). Every provider naming P is hit. Survives only if it states
//   multi_region AND another hosting party is recorded; multi_region alone: unknown;
//   multi_zone or single_site: down; no answer: unknown. When P is a cloud whose company runs other
//   catalogued parties (AWS: Amazon SES, Route 53, CloudFront), who names those is hit too, unknown,
//   marked as another service of the same company. Region outages stay per party.
// - single_site or multi_zone while the record lists several regions or another hosting party:
//   still down (the decided answer decides), and the reason says the answer and the record disagree.
// - An answer from a review not yet decided never decides the outcome (a document states only
//   what decided reviews hold): unknown, with the answer named in the reason.
import type { Upstream, UpstreamKind } from '../domain/upstream';
import { regionKey, UPSTREAM_KINDS } from '../domain/upstream';
import { catalogueParty, findCatalogueParty, OPERATORS, regionName, sameCompanyParties } from './catalogue';
import type { ProviderFacts, ProviderParty, ProviderRef, RegionRef, RegisterIndex } from './register-index';
import { canonicalPartyKey, entryFor, indexRegister, kindBit } from './register-index';

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
  /**
   * Empty: it names the party that is down. Otherwise it is hit only as a user of these other
   * services of the same company (Amazon SES when all of AWS is down): always unknown, said so.
   */
  sameCompanyParties: string[];
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

/** ten_regions answers in words, for the reason given with an undecided or contradicted answer. */
const STATED: Record<string, string> = {
  multi_region: 'multi-region failover',
  multi_zone: 'one region, several zones',
  single_site: 'one data centre or zone',
};

/** A kind as "not its …" says it, and as "it also records X …" says it. */
const KIND_WORDS: Record<UpstreamKind, { noun: string; as: string }> = {
  hosting: { noun: 'hosting', as: 'for hosting' },
  cdn: { noun: 'CDN', as: 'as a CDN' },
  dns: { noun: 'DNS', as: 'for DNS' },
  email: { noun: 'e-mail', as: 'for e-mail' },
  payment: { noun: 'payments', as: 'for payments' },
  identity: { noun: 'identity provider', as: 'for identity' },
  other: { noun: 'other upstreams', as: 'for the same use' },
};

const HOSTING = kindBit('hosting');

const kindsIn = (bits: number): UpstreamKind[] => UPSTREAM_KINDS.filter((k) => (bits & kindBit(k)) !== 0);

/** "eu-west-1, us-east-1": a provider's recorded regions of a party, as results show them. */
function codesOf(index: RegisterIndex, entry: ProviderParty): string[] {
  const info = index.parties.get(entry.partyKey)!;
  return entry.regionKeys.map((k) => info.regions.get(k)!.code);
}

interface Alternatives {
  /** Other recorded regions of the party (region outage only). */
  regions: string[];
  /** Other recorded parties a failover could move to: hosting beside hosting, else of a kind shared with the party. */
  parties: string[];
  /** The same parties, each with its recorded regions ("Google Cloud (europe-west3)"), and the kinds shared. */
  partyEntries: { name: string; codes: string[]; kinds: UpstreamKind[] }[];
}

/**
 * What else the provider records that a failover could move to. For a party it hosts on, only other
 * hosting counts (a second CDN is no place to run); otherwise a party of a kind it shares.
 */
function alternativesOf(index: RegisterIndex, mine: readonly ProviderParty[], entry: ProviderParty, region: string | null): Alternatives {
  const regions: string[] = [];
  if (region !== null) {
    for (let i = 0; i < entry.regionKeys.length; i++) if (entry.regionKeys[i] !== region) regions.push(entry.regionCodes[i]!);
  }
  const sameKind = (entry.kinds & HOSTING) !== 0 ? HOSTING : entry.kinds;
  const partyEntries: Alternatives['partyEntries'] = [];
  for (const other of mine) {
    const shared = other.kinds & sameKind;
    if (other === entry || shared === 0) continue;
    partyEntries.push({ name: index.parties.get(other.partyKey)!.name, codes: codesOf(index, other), kinds: kindsIn(shared) });
  }
  return { regions, parties: partyEntries.map((p) => p.name), partyEntries };
}

/** "runs in eu-west-1 as well", "runs on Google Cloud as well", "runs in eu-west-1 and on Google Cloud as well". */
function runsElsewhere(alt: Alternatives): string {
  const parts: string[] = [];
  if (alt.regions.length > 0) parts.push(`in ${alt.regions.join(', ')}`);
  if (alt.parties.length > 0) parts.push(`on ${alt.parties.join(', ')}`);
  return `runs ${parts.join(' and ')} as well`;
}

/** "Google Cloud (europe-west3)", "2 regions of Google Cloud (europe-west3, us-central1)". */
function recordedAs(name: string, codes: readonly string[]): string {
  if (codes.length > 1) return `${codes.length} regions of ${name} (${codes.join(', ')})`;
  return codes.length === 1 ? `${name} (${codes[0]})` : name;
}

/** What the provider's record says about a party it does not host on, and what else it records of that kind. */
function notHostingReason(entry: ProviderParty, alt: Alternatives, outage: string): string {
  const nouns = kindsIn(entry.kinds).map((k) => KIND_WORDS[k].noun);
  const also = alt.partyEntries.map((p) => `${p.name} ${KIND_WORDS[p.kinds[0]!].as}`);
  return (
    `Its answers on failover concern where it runs, not its ${nouns.join(' or ')}: not recorded whether it survives ${outage}` +
    (also.length > 0 ? `; it also records ${also.join(' and ')}` : '')
  );
}

interface Judged {
  outcome: BlastOutcome;
  reason: string;
}

interface Case {
  f: FailoverStatement;
  entry: ProviderParty;
  /** The provider's recorded regions of the party, as shown. */
  codes: string[];
  alt: Alternatives;
  partyName: string;
  /** The region that is down, as shown; null: the whole party. */
  regionCode: string | null;
}

/**
 * The outcome, from the decided answers and the record only. The tenancy answers say where the
 * provider itself runs: they decide only outages of a party it records for hosting. Where the
 * answer and the record disagree, the answer decides (it is what was reviewed) and the reason says so.
 */
/** The reason when no failover answer is known (a dated document words it for an open review). */
export const NO_FAILOVER_ANSWER_REASON = 'No answer on regional failover';

function judge({ f, entry, codes, alt, partyName, regionCode }: Case): Judged {
  const regionOutage = regionCode !== null;
  // Named without regions in a region outage: whatever it states, nobody can say where it runs.
  if (regionOutage && codes.length === 0) return { outcome: 'unknown', reason: `Regions not recorded for ${partyName}: may be hit` };
  if ((entry.kinds & HOSTING) === 0) {
    return { outcome: 'unknown', reason: notHostingReason(entry, alt, regionOutage ? `an outage of ${partyName} ${regionCode}` : `a ${partyName} outage`) };
  }
  if (f.basis === 'none' || f.regions === null) return { outcome: 'unknown', reason: NO_FAILOVER_ANSWER_REASON };
  if (f.basis === 'open') {
    return { outcome: 'unknown', reason: `Answer from a review not yet decided (it states ${STATED[f.regions] ?? f.regions})` };
  }
  if (f.regions === 'multi_region') {
    if (alt.regions.length + alt.parties.length > 0) return { outcome: 'survives', reason: `States multi-region failover and ${runsElsewhere(alt)}` };
    if (regionOutage || codes.length < 2) {
      return {
        outcome: 'unknown',
        reason: `States multi-region failover, but its record lists only ${recordedAs(partyName, codes)}: the answer and the record disagree, or the record is incomplete`,
      };
    }
    // Several regions of the one party recorded, and all of the party down: no region to move to.
    return { outcome: 'unknown', reason: `States multi-region failover, but nothing of the same kind besides ${partyName} is recorded` };
  }
  const words = DOWN_WORDS[f.regions];
  if (!words) return { outcome: 'unknown', reason: `Regional failover answer not recognised (${f.regions})` };
  // One region or one site, yet the record lists more than one region, or another place to run.
  if (codes.length > 1 || alt.partyEntries.length > 0) {
    const listed = [recordedAs(partyName, codes), ...alt.partyEntries.map((p) => recordedAs(p.name, p.codes))];
    return { outcome: 'down', reason: `States ${STATED[f.regions]}, though its record lists ${listed.join(' and ')}: the answer and the record disagree` };
  }
  return { outcome: 'down', reason: `${words}: ${regionOutage ? 'a regional outage' : `an outage of ${partyName}`} takes it down` };
}

/** A provider that names not the party down but another service of the same company. */
function sameCompanyReason(related: readonly string[], company: string, partyName: string): string {
  return `Another service of the same company: it records ${related.join(' and ')} (${company}, like ${partyName}); not recorded whether an outage of ${partyName} reaches it`;
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
  // A whole outage of a cloud: who names another party of the same company (Amazon SES for AWS).
  const listed = catalogueId ? catalogueParty(catalogueId) : null;
  const related = rk === null && listed?.kinds.includes('hosting') ? new Map(sameCompanyParties(listed.id).map((p) => [`catalogue:${p.id}`, p.name])) : null;
  index.partiesOf.forEach((mine, at) => {
    const provider = index.providers[at]!;
    const f = failover.get(provider.vendorId) ?? NO_FAILOVER_ANSWER;
    const entry = entryFor(mine, key);
    if (!entry) {
      const names = related ? mine.flatMap((e) => related.get(e.partyKey) ?? []) : [];
      if (names.length > 0) {
        hits.push({
          ...provider,
          outcome: 'unknown',
          reason: sameCompanyReason(names, OPERATORS[listed!.operator!], partyName),
          regions: [],
          alternatives: [],
          failover: f,
          sameCompanyParties: names,
        });
      }
      return;
    }
    const codes = entry.regionKeys.map((k) => info!.regions.get(k)!.code);
    // In a region outage, a provider that records other regions of the party but not this one is not hit.
    if (rk !== null && codes.length > 0 && !entry.regionKeys.includes(rk)) return;
    const alt = alternativesOf(index, mine, entry, rk);
    hits.push({
      ...provider,
      ...judge({ f, entry, codes, alt, partyName, regionCode: region?.code ?? null }),
      regions: codes,
      alternatives: [...alt.regions, ...alt.parties],
      failover: f,
      sameCompanyParties: [],
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
