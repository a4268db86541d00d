// Concentration (issue 21): for each fourth party, and each of its regions, which of the register's
// providers depend on it, how many of them are on your critical path, and the share of your
// critical path it holds — sorted by exposure. Pure: the service, the app's view, the CLI and the
// PDFs all call this with what the register holds.
//
// Counting rules (docs/concentration.md):
// - Retired providers are left out (and counted in `retiredLeftOut`); the critical path is the
//   register's non-retired critical-path providers.
// - critical share = critical-path dependants / critical-path providers (0 when there are none).
// - A provider that names a party without recording any region counts toward the party's row and
//   is listed there as "regions not recorded"; it is never placed in a region.
// - A provider naming the same party twice (say entered, and from its subprocessor list) counts once.
import type { Upstream, UpstreamKind } from '../domain/upstream';
import { UPSTREAM_KINDS } from '../domain/upstream';
import type { ProviderFacts, ProviderRef, RegionRef } from './register-index';
import { collator, indexRegister, kindBit } from './register-index';

/** One row: the party as a whole, or one of its regions. */
export interface ExposureRow {
  /** Providers that depend on it, critical path first, then by name. */
  providers: ProviderRef[];
  criticalProviders: number;
  /** criticalProviders / the register's critical-path providers; 0 when the register has none. */
  criticalShare: number;
}

export interface RegionExposure extends ExposureRow {
  region: RegionRef;
}

export interface PartyExposure extends ExposureRow {
  partyKey: string;
  /** The catalogue's name when catalogued, else the most common spelling. */
  party: string;
  catalogueId: string | null;
  /** Kinds the providers recorded it as, in UPSTREAM_KINDS order. */
  kinds: UpstreamKind[];
  /** By exposure, like the parties. */
  regions: RegionExposure[];
  /** Providers that name the party but record none of its regions (also in `providers`). */
  regionsNotRecorded: ProviderRef[];
}

export interface Concentration {
  /** By exposure: critical share (desc), then providers (desc), then name, then key. */
  parties: PartyExposure[];
  /** The denominator of every share: non-retired critical-path providers. */
  criticalPathProviders: number;
  /** Non-retired providers, and of those how many record no upstream at all. */
  providers: number;
  providersWithoutUpstreams: number;
  retiredLeftOut: number;
  /** Upstreams of unknown or retired providers, not counted. */
  upstreamsLeftOut: number;
  criticalOnly: boolean;
}

export interface ConcentrationOptions {
  /** Count only critical-path dependants (shares keep the same denominator). */
  criticalOnly?: boolean;
}

interface Building {
  members: number[];
  critical: number;
}

const add = (row: Building, at: number, critical: boolean) => {
  row.members.push(at);
  if (critical) row.critical++;
};

const byExposure = (a: { criticalProviders: number; providers: unknown[] }, b: { criticalProviders: number; providers: unknown[] }) =>
  b.criticalProviders - a.criticalProviders || b.providers.length - a.providers.length;

export function concentration(providers: readonly ProviderFacts[], upstreams: readonly Upstream[], options: ConcentrationOptions = {}): Concentration {
  const criticalOnly = options.criticalOnly ?? false;
  const index = indexRegister(providers, upstreams);
  const parties = new Map<string, { row: Building; notRecorded: number[]; kinds: number; regions: Map<string, Building> }>();
  let withoutUpstreams = 0;
  // Providers are visited in display order, so every member list comes out sorted without a sort.
  index.partiesOf.forEach((mine, at) => {
    if (mine.length === 0) withoutUpstreams++;
    const critical = index.providers[at]!.criticalPath;
    if (criticalOnly && !critical) return;
    for (const entry of mine) {
      let party = parties.get(entry.partyKey);
      if (!party) parties.set(entry.partyKey, (party = { row: { members: [], critical: 0 }, notRecorded: [], kinds: 0, regions: new Map() }));
      add(party.row, at, critical);
      party.kinds |= entry.kinds;
      if (entry.regionKeys.length === 0) party.notRecorded.push(at);
      for (const rk of entry.regionKeys) {
        let region = party.regions.get(rk);
        if (!region) party.regions.set(rk, (region = { members: [], critical: 0 }));
        add(region, at, critical);
      }
    }
  });

  const denominator = index.criticalPathProviders;
  const share = (critical: number) => (denominator === 0 ? 0 : critical / denominator);
  const refs = (members: number[]) => members.map((at) => index.providers[at]!);
  const result: PartyExposure[] = [];
  for (const [key, party] of parties) {
    const info = index.parties.get(key)!;
    const regions: RegionExposure[] = [...party.regions].map(([rk, r]) => ({
      region: info.regions.get(rk)!,
      providers: refs(r.members),
      criticalProviders: r.critical,
      criticalShare: share(r.critical),
    }));
    regions.sort((a, b) => byExposure(a, b) || collator.compare(a.region.code, b.region.code) || (a.region.key < b.region.key ? -1 : 1));
    result.push({
      partyKey: key,
      party: info.name,
      catalogueId: info.catalogueId,
      kinds: UPSTREAM_KINDS.filter((k) => (party.kinds & kindBit(k)) !== 0),
      providers: refs(party.row.members),
      criticalProviders: party.row.critical,
      criticalShare: share(party.row.critical),
      regions,
      regionsNotRecorded: refs(party.notRecorded),
    });
  }
  result.sort((a, b) => byExposure(a, b) || collator.compare(a.party, b.party) || (a.partyKey < b.partyKey ? -1 : a.partyKey > b.partyKey ? 1 : 0));

  return {
    parties: result,
    criticalPathProviders: denominator,
    providers: index.providers.length,
    providersWithoutUpstreams: withoutUpstreams,
    retiredLeftOut: index.retiredLeftOut,
    upstreamsLeftOut: index.upstreamsLeftOut,
    criticalOnly,
  };
}

/** A party, or one of its regions, carrying more of the critical path than the threshold allows. */
export interface ConcentrationAlert {
  partyKey: string;
  party: string;
  /** Null: the party as a whole. */
  region: RegionRef | null;
  criticalProviders: number;
  criticalShare: number;
  criticalPathProviders: number;
}

/**
 * For Needs attention: every party and region whose critical share exceeds `threshold` (a fraction,
 * 0–1; exceeds means strictly more), highest share first; a party before its regions at equal share.
 * Throws a RangeError naming the threshold when it is not a fraction.
 */
export function concentrationAlerts(c: Concentration, threshold: number): ConcentrationAlert[] {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw new RangeError(`threshold must be a fraction between 0 and 1, not ${String(threshold)}`);
  }
  const alerts: ConcentrationAlert[] = [];
  const base = { criticalPathProviders: c.criticalPathProviders };
  for (const p of c.parties) {
    if (p.criticalShare > threshold) alerts.push({ ...base, partyKey: p.partyKey, party: p.party, region: null, criticalProviders: p.criticalProviders, criticalShare: p.criticalShare });
    for (const r of p.regions) {
      if (r.criticalShare > threshold) alerts.push({ ...base, partyKey: p.partyKey, party: p.party, region: r.region, criticalProviders: r.criticalProviders, criticalShare: r.criticalShare });
    }
  }
  // Stable sort: equal shares keep the parties' exposure order, a party before its regions.
  return alerts.sort((a, b) => b.criticalShare - a.criticalShare);
}
