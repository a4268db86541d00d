// The register's upstreams arranged once for the concentration, blast-radius and signal functions:
// the providers that count (retired ones left out, and counted), in the order every list shows
// them, and per provider the fourth parties it names, each with its regions. Pure.
import type { Upstream, UpstreamKind } from '../domain/upstream';
import { partyKey, regionKey, UPSTREAM_KINDS } from '../domain/upstream';
import { catalogueParty, findCatalogueParty } from './catalogue';

/** A provider of the register, as these functions need it. */
export interface ProviderFacts {
  vendorId: string;
  name: string;
  /** 'proposed' | 'active' | 'retired': retired providers are left out (and counted). */
  status: string;
  criticalPath: boolean;
}

/** A provider named in a result. */
export interface ProviderRef {
  vendorId: string;
  name: string;
  criticalPath: boolean;
}

/** A region as results show it: the code as the catalogue (or else most reviewers) write it, and its name. */
export interface RegionRef {
  /** regionKey of the code: what compares. */
  key: string;
  code: string;
  /** The catalogue's name ("Europe (Ireland)"); null for a party or region outside the catalogue. */
  name: string | null;
}

/**
 * The key of a party across providers. Like `partyKey`, and a free-text name that the catalogue
 * knows ("AWS" typed with no catalogue id) is keyed as the catalogue's party, so it is not counted
 * as a second party beside the picked one.
 */
export function canonicalPartyKey(u: { catalogueId: string | null; party: string }): string {
  if (u.catalogueId) return partyKey(u);
  const known = findCatalogueParty(u.party);
  return known ? `catalogue:${known.id}` : partyKey(u);
}

/** One provider's entries for one party, merged. */
export interface ProviderParty {
  partyKey: string;
  /** The kinds it is recorded as: bit i is UPSTREAM_KINDS[i] (see `kindBit`). */
  kinds: number;
  /** Recorded regions, each once (regionKey), in the order first recorded; empty: none recorded. */
  regionKeys: string[];
  /** The same regions' codes as this provider wrote them. */
  regionCodes: string[];
}

/** The bit of a kind in `ProviderParty.kinds`. */
export const kindBit = (kind: UpstreamKind): number => 1 << UPSTREAM_KINDS.indexOf(kind);

/** A provider's entry for a party; a provider names a handful, so a scan beats a map. */
export function entryFor(entries: readonly ProviderParty[], key: string): ProviderParty | undefined {
  for (const e of entries) if (e.partyKey === key) return e;
  return undefined;
}

export interface PartyInfo {
  key: string;
  /** The catalogue's name, else the spelling most entries use (ties: the first in collation order). */
  name: string;
  catalogueId: string | null;
  /** regionKey → the region as results show it. */
  regions: Map<string, RegionRef>;
}

export interface RegisterIndex {
  /** Providers that count (not retired): critical path first, then by name (collation), then id. */
  providers: ProviderRef[];
  /** vendorId → its position in `providers`. */
  position: Map<string, number>;
  /** Per position: the provider's parties, each once. */
  partiesOf: ProviderParty[][];
  parties: Map<string, PartyInfo>;
  criticalPathProviders: number;
  retiredLeftOut: number;
  /** Upstreams of providers not in the register, or retired: not counted anywhere. */
  upstreamsLeftOut: number;
}

/** Names sort in the same order everywhere: one collator (as localeCompare without arguments, faster). */
export const collator = new Intl.Collator();

/** The spelling seen most often; ties go to the first in collation order, so the choice is stable. */
function mostCommon(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, n] of counts) {
    if (n > bestCount || (n === bestCount && collator.compare(spelling, best) < 0)) {
      best = spelling;
      bestCount = n;
    }
  }
  return best;
}

export function indexRegister(providers: readonly ProviderFacts[], upstreams: readonly Upstream[]): RegisterIndex {
  const counted = providers.filter((p) => p.status !== 'retired');
  const ordered = counted
    .map((p) => ({ vendorId: p.vendorId, name: p.name, criticalPath: p.criticalPath }))
    .sort((a, b) => Number(b.criticalPath) - Number(a.criticalPath) || collator.compare(a.name, b.name) || (a.vendorId < b.vendorId ? -1 : a.vendorId > b.vendorId ? 1 : 0));
  const position = new Map<string, number>();
  ordered.forEach((p, i) => position.set(p.vendorId, i));
  const partiesOf: ProviderParty[][] = ordered.map(() => []);

  // Keys and region keys repeat across thousands of upstreams: fold each distinct spelling once.
  const keyOfCatalogueId = new Map<string, string>();
  const keyOfName = new Map<string, string>();
  const regionKeyOf = new Map<string, string>();
  const spellings = new Map<string, Map<string, number>>();
  const regionSpellings = new Map<string, Map<string, Map<string, number>>>();
  const bump = (m: Map<string, number>, s: string) => m.set(s, (m.get(s) ?? 0) + 1);
  let upstreamsLeftOut = 0;
  for (const u of upstreams) {
    const at = position.get(u.vendorId);
    if (at === undefined) {
      upstreamsLeftOut++;
      continue;
    }
    const keyOf = u.catalogueId === null ? keyOfName : keyOfCatalogueId;
    const memo = u.catalogueId ?? u.party;
    let key = keyOf.get(memo);
    if (key === undefined) keyOf.set(memo, (key = canonicalPartyKey(u)));
    const entries = partiesOf[at]!;
    let mine = entryFor(entries, key);
    if (!mine) entries.push((mine = { partyKey: key, kinds: 0, regionKeys: [], regionCodes: [] }));
    mine.kinds |= kindBit(u.kind);
    let names = spellings.get(key);
    if (!names) {
      spellings.set(key, (names = new Map()));
      regionSpellings.set(key, new Map());
    }
    bump(names, u.party);
    if (u.regions.length === 0) continue;
    const regionCodes = regionSpellings.get(key)!;
    for (const r of u.regions) {
      let rk = regionKeyOf.get(r.code);
      if (rk === undefined) regionKeyOf.set(r.code, (rk = regionKey(r.code)));
      if (!mine.regionKeys.includes(rk)) {
        mine.regionKeys.push(rk);
        mine.regionCodes.push(r.code.trim());
      }
      let codes = regionCodes.get(rk);
      if (!codes) regionCodes.set(rk, (codes = new Map()));
      bump(codes, r.code);
    }
  }

  const parties = new Map<string, PartyInfo>();
  for (const [key, names] of spellings) {
    const listed = key.startsWith('catalogue:') ? catalogueParty(key.slice('catalogue:'.length)) : null;
    const regions = new Map<string, RegionRef>();
    for (const [rk, codes] of regionSpellings.get(key)!) {
      const known = listed?.regions.find((r) => regionKey(r.code) === rk);
      regions.set(rk, { key: rk, code: known?.code ?? mostCommon(codes).trim(), name: known?.name ?? null });
    }
    parties.set(key, { key, name: listed?.name ?? mostCommon(names), catalogueId: listed?.id ?? null, regions });
  }

  return {
    providers: ordered,
    position,
    partiesOf,
    parties,
    criticalPathProviders: ordered.reduce((n, p) => n + (p.criticalPath ? 1 : 0), 0),
    retiredLeftOut: providers.length - counted.length,
    upstreamsLeftOut,
  };
}
