// What several providers have in common upstream: the fourth parties at least two of them name,
// and of those the regions at least two of them record. The signals use it to say which upstream
// an overlap of incidents or maintenance windows may point at. Pure.
import { collator, type RegionRef, type RegisterIndex } from './register-index';

export interface SharedRegion {
  region: RegionRef;
  /** The providers (vendor ids, in the register's display order) that record it. */
  vendorIds: string[];
}

export interface SharedUpstream {
  partyKey: string;
  party: string;
  /** The providers (vendor ids, in display order) that name the party. */
  vendorIds: string[];
  /** Regions at least two of them record; empty: they share the party, not a recorded region. */
  regions: SharedRegion[];
}

/**
 * The upstreams shared by at least two of the providers at these positions of the index (each
 * position once). Ordered by how many share it (desc), then the party's name and key; regions likewise.
 */
export function sharedUpstreams(index: RegisterIndex, positions: readonly number[]): SharedUpstream[] {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const byParty = new Map<string, { members: number[]; regions: Map<string, number[]> }>();
  for (const at of sorted) {
    for (const entry of index.partiesOf[at]!) {
      let party = byParty.get(entry.partyKey);
      if (!party) byParty.set(entry.partyKey, (party = { members: [], regions: new Map() }));
      party.members.push(at);
      for (const rk of entry.regionKeys) {
        const members = party.regions.get(rk);
        if (members) members.push(at);
        else party.regions.set(rk, [at]);
      }
    }
  }
  const ids = (members: number[]) => members.map((at) => index.providers[at]!.vendorId);
  const shared: SharedUpstream[] = [];
  for (const [key, party] of byParty) {
    if (party.members.length < 2) continue;
    const info = index.parties.get(key)!;
    const regions: SharedRegion[] = [];
    for (const [rk, members] of party.regions) if (members.length >= 2) regions.push({ region: info.regions.get(rk)!, vendorIds: ids(members) });
    regions.sort((a, b) => b.vendorIds.length - a.vendorIds.length || collator.compare(a.region.code, b.region.code) || (a.region.key < b.region.key ? -1 : 1));
    shared.push({ partyKey: key, party: info.name, vendorIds: ids(party.members), regions });
  }
  return shared.sort((a, b) => b.vendorIds.length - a.vendorIds.length || collator.compare(a.party, b.party) || (a.partyKey < b.partyKey ? -1 : 1));
}
