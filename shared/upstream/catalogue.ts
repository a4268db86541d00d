// A small built-in catalogue of common fourth parties (issue 21): the big clouds with their region
// codes and names, CDNs, DNS, e-mail, payment and identity providers, so that entering an upstream is
// a pick, not free text — and two reviewers who type "AWS" and "Amazon Web Services, Inc." record the
// same party. Free text stays allowed: a party outside the catalogue is matched by its folded name.
import type { UpstreamKind } from '../domain/upstream';
import { partyKey, regionKey } from '../domain/upstream';

export interface CatalogueRegion {
  /** As the provider writes it: us-east-1, europe-west3, eastus. */
  code: string;
  /** Where it is, as people say it: "US East (N. Virginia)". */
  name: string;
}

export interface CatalogueParty {
  id: string;
  name: string;
  /** What it is usually used for; the first is the default kind when picked. */
  kinds: readonly UpstreamKind[];
  /** Other names it goes by, and its legal entities, matched without case. */
  aliases: readonly string[];
  regions: readonly CatalogueRegion[];
}

const AWS_REGIONS: CatalogueRegion[] = [
  { code: 'us-east-1', name: 'US East (N. Virginia)' },
  { code: 'us-east-2', name: 'US East (Ohio)' },
  { code: 'us-west-1', name: 'US West (N. California)' },
  { code: 'us-west-2', name: 'US West (Oregon)' },
  { code: 'ca-central-1', name: 'Canada (Central)' },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { code: 'eu-central-2', name: 'Europe (Zurich)' },
  { code: 'eu-west-1', name: 'Europe (Ireland)' },
  { code: 'eu-west-2', name: 'Europe (London)' },
  { code: 'eu-west-3', name: 'Europe (Paris)' },
  { code: 'eu-north-1', name: 'Europe (Stockholm)' },
  { code: 'eu-south-1', name: 'Europe (Milan)' },
  { code: 'eu-south-2', name: 'Europe (Spain)' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { code: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { code: 'ap-northeast-3', name: 'Asia Pacific (Osaka)' },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
  { code: 'ap-east-1', name: 'Asia Pacific (Hong Kong)' },
  { code: 'sa-east-1', name: 'South America (São Paulo)' },
  { code: 'me-south-1', name: 'Middle East (Bahrain)' },
  { code: 'af-south-1', name: 'Africa (Cape Town)' },
];

/** The catalogue, by id. Region lists are the public ones; a region not listed may still be typed. */
export const CATALOGUE: readonly CatalogueParty[] = [
  { id: 'aws', name: 'Amazon Web Services', kinds: ['hosting'], aliases: ['AWS', 'Amazon AWS', 'Amazon Web Services, Inc.', 'Amazon Web Services EMEA SARL'], regions: AWS_REGIONS },
];

const byKey = new Map<string, CatalogueParty>();
for (const party of CATALOGUE) {
  for (const name of [party.id, party.name, ...party.aliases]) byKey.set(partyKey({ catalogueId: null, party: name }), party);
}

/** The catalogue's party by id, name or alias (case, spacing and a trailing legal form ignored), else null. */
export function findCatalogueParty(nameOrId: string): CatalogueParty | null {
  return byKey.get(partyKey({ catalogueId: null, party: nameOrId })) ?? null;
}

export function catalogueParty(id: string): CatalogueParty | null {
  return CATALOGUE.find((p) => p.id === id) ?? null;
}

/** "US East (N. Virginia)" for aws/us-east-1; null when the party or the region is not in the catalogue. */
export function regionName(catalogueId: string | null, code: string): string | null {
  if (!catalogueId) return null;
  const key = regionKey(code);
  return catalogueParty(catalogueId)?.regions.find((r) => regionKey(r.code) === key)?.name ?? null;
}
