// Region codes the catalogue does not know for a catalogued cloud ("eu-central1" for AWS, a typo of
// eu-central-1): kept as typed (the catalogue may lag behind a new region), but said, with the code
// it probably means — an outage of eu-central-1 would not count a provider recorded in eu-central1.
import type { UpstreamRegion } from '../domain/upstream';
import { regionKey } from '../domain/upstream';
import { catalogueParty } from './catalogue';

export interface UnknownRegion {
  code: string;
  /** The catalogue's code that differs only in punctuation or case, if any ("eu-central-1"). */
  suggestion: string | null;
}

const squeeze = (code: string) => regionKey(code).replace(/[^\p{L}\p{N}]+/gu, '');

/** The codes of `regions` the catalogued party does not list; none for a party without a region list. */
export function unknownRegions(catalogueId: string | null, regions: readonly Pick<UpstreamRegion, 'code'>[]): UnknownRegion[] {
  const party = catalogueId ? catalogueParty(catalogueId) : null;
  if (!party || party.regions.length === 0) return [];
  const known = new Set(party.regions.map((r) => regionKey(r.code)));
  return regions
    .filter((r) => !known.has(regionKey(r.code)))
    .map((r) => ({ code: r.code, suggestion: party.regions.find((k) => squeeze(k.code) === squeeze(r.code))?.code ?? null }));
}

/** "eu-central1 is not a region of Amazon Web Services in Vetted's catalogue (did you mean eu-central-1?)". */
export function unknownRegionWords(catalogueId: string | null, unknown: readonly UnknownRegion[]): string[] {
  const name = catalogueId ? (catalogueParty(catalogueId)?.name ?? catalogueId) : '';
  return unknown.map((u) => `${u.code} is not a region of ${name} in Vetted's catalogue${u.suggestion ? ` (did you mean ${u.suggestion}?)` : ''}; kept as typed, so an outage of another code does not count it`);
}
