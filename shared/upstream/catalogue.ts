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
  /**
   * The company that runs it, when it runs several catalogued parties (AWS, Amazon SES, Route 53 and
   * CloudFront are all Amazon's): a whole outage of its cloud also lists who names its other parties.
   */
  operator?: CatalogueOperator;
}

/** Companies that run several catalogued parties, and the name they are known by. */
export const OPERATORS = { amazon: 'Amazon', google: 'Google', microsoft: 'Microsoft' } as const;
export type CatalogueOperator = keyof typeof OPERATORS;

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

const GOOGLE_CLOUD_REGIONS: CatalogueRegion[] = [
  { code: 'us-central1', name: 'Iowa' },
  { code: 'us-east1', name: 'South Carolina' },
  { code: 'us-east4', name: 'Northern Virginia' },
  { code: 'us-east5', name: 'Columbus' },
  { code: 'us-south1', name: 'Dallas' },
  { code: 'us-west1', name: 'Oregon' },
  { code: 'us-west2', name: 'Los Angeles' },
  { code: 'us-west3', name: 'Salt Lake City' },
  { code: 'us-west4', name: 'Las Vegas' },
  { code: 'northamerica-northeast1', name: 'Montréal' },
  { code: 'northamerica-northeast2', name: 'Toronto' },
  { code: 'southamerica-east1', name: 'São Paulo' },
  { code: 'europe-west1', name: 'Belgium' },
  { code: 'europe-west2', name: 'London' },
  { code: 'europe-west3', name: 'Frankfurt' },
  { code: 'europe-west4', name: 'Netherlands' },
  { code: 'europe-west6', name: 'Zurich' },
  { code: 'europe-west8', name: 'Milan' },
  { code: 'europe-west9', name: 'Paris' },
  { code: 'europe-north1', name: 'Finland' },
  { code: 'europe-central2', name: 'Warsaw' },
  { code: 'europe-southwest1', name: 'Madrid' },
  { code: 'asia-east1', name: 'Taiwan' },
  { code: 'asia-east2', name: 'Hong Kong' },
  { code: 'asia-northeast1', name: 'Tokyo' },
  { code: 'asia-northeast2', name: 'Osaka' },
  { code: 'asia-northeast3', name: 'Seoul' },
  { code: 'asia-south1', name: 'Mumbai' },
  { code: 'asia-southeast1', name: 'Singapore' },
  { code: 'asia-southeast2', name: 'Jakarta' },
  { code: 'australia-southeast1', name: 'Sydney' },
  { code: 'australia-southeast2', name: 'Melbourne' },
];

const AZURE_REGIONS: CatalogueRegion[] = [
  { code: 'eastus', name: 'East US (Virginia)' },
  { code: 'eastus2', name: 'East US 2 (Virginia)' },
  { code: 'centralus', name: 'Central US (Iowa)' },
  { code: 'northcentralus', name: 'North Central US (Illinois)' },
  { code: 'southcentralus', name: 'South Central US (Texas)' },
  { code: 'westus', name: 'West US (California)' },
  { code: 'westus2', name: 'West US 2 (Washington)' },
  { code: 'westus3', name: 'West US 3 (Arizona)' },
  { code: 'canadacentral', name: 'Canada Central (Toronto)' },
  { code: 'brazilsouth', name: 'Brazil South (São Paulo)' },
  { code: 'northeurope', name: 'North Europe (Ireland)' },
  { code: 'westeurope', name: 'West Europe (Netherlands)' },
  { code: 'uksouth', name: 'UK South (London)' },
  { code: 'ukwest', name: 'UK West (Cardiff)' },
  { code: 'francecentral', name: 'France Central (Paris)' },
  { code: 'germanywestcentral', name: 'Germany West Central (Frankfurt)' },
  { code: 'switzerlandnorth', name: 'Switzerland North (Zurich)' },
  { code: 'norwayeast', name: 'Norway East (Oslo)' },
  { code: 'swedencentral', name: 'Sweden Central (Gävle)' },
  { code: 'japaneast', name: 'Japan East (Tokyo)' },
  { code: 'japanwest', name: 'Japan West (Osaka)' },
  { code: 'koreacentral', name: 'Korea Central (Seoul)' },
  { code: 'southeastasia', name: 'Southeast Asia (Singapore)' },
  { code: 'eastasia', name: 'East Asia (Hong Kong)' },
  { code: 'australiaeast', name: 'Australia East (New South Wales)' },
  { code: 'centralindia', name: 'Central India (Pune)' },
  { code: 'uaenorth', name: 'UAE North (Dubai)' },
  { code: 'southafricanorth', name: 'South Africa North (Johannesburg)' },
];

const ORACLE_CLOUD_REGIONS: CatalogueRegion[] = [
  { code: 'us-ashburn-1', name: 'US East (Ashburn)' },
  { code: 'us-phoenix-1', name: 'US West (Phoenix)' },
  { code: 'us-sanjose-1', name: 'US West (San Jose)' },
  { code: 'ca-toronto-1', name: 'Canada Southeast (Toronto)' },
  { code: 'sa-saopaulo-1', name: 'Brazil East (São Paulo)' },
  { code: 'uk-london-1', name: 'UK South (London)' },
  { code: 'eu-frankfurt-1', name: 'Germany Central (Frankfurt)' },
  { code: 'eu-amsterdam-1', name: 'Netherlands Northwest (Amsterdam)' },
  { code: 'eu-zurich-1', name: 'Switzerland North (Zurich)' },
  { code: 'ap-tokyo-1', name: 'Japan East (Tokyo)' },
  { code: 'ap-mumbai-1', name: 'India West (Mumbai)' },
  { code: 'ap-sydney-1', name: 'Australia East (Sydney)' },
];

const DIGITALOCEAN_REGIONS: CatalogueRegion[] = [
  { code: 'nyc1', name: 'New York 1' },
  { code: 'nyc3', name: 'New York 3' },
  { code: 'sfo2', name: 'San Francisco 2' },
  { code: 'sfo3', name: 'San Francisco 3' },
  { code: 'tor1', name: 'Toronto 1' },
  { code: 'lon1', name: 'London 1' },
  { code: 'ams3', name: 'Amsterdam 3' },
  { code: 'fra1', name: 'Frankfurt 1' },
  { code: 'blr1', name: 'Bangalore 1' },
  { code: 'sgp1', name: 'Singapore 1' },
  { code: 'syd1', name: 'Sydney 1' },
];

const HETZNER_REGIONS: CatalogueRegion[] = [
  { code: 'fsn1', name: 'Falkenstein' },
  { code: 'nbg1', name: 'Nuremberg' },
  { code: 'hel1', name: 'Helsinki' },
  { code: 'ash', name: 'Ashburn, VA' },
  { code: 'hil', name: 'Hillsboro, OR' },
  { code: 'sin', name: 'Singapore' },
];

/** OVHcloud's data-centre sites, by the codes its products show (GRA, SBG, …). */
const OVHCLOUD_REGIONS: CatalogueRegion[] = [
  { code: 'gra', name: 'Gravelines' },
  { code: 'rbx', name: 'Roubaix' },
  { code: 'sbg', name: 'Strasbourg' },
  { code: 'eri', name: 'London (Erith)' },
  { code: 'lim', name: 'Frankfurt (Limburg)' },
  { code: 'waw', name: 'Warsaw' },
  { code: 'bhs', name: 'Beauharnois' },
  { code: 'sgp', name: 'Singapore' },
  { code: 'syd', name: 'Sydney' },
];

const global = (id: string, name: string, kinds: readonly UpstreamKind[], aliases: readonly string[], operator?: CatalogueOperator): CatalogueParty =>
  operator ? { id, name, kinds, aliases, regions: [], operator } : { id, name, kinds, aliases, regions: [] };

/**
 * The catalogue, by id. Region lists are the public ones; a region not listed may still be typed.
 * Parties without regions (CDNs, DNS, e-mail, payment, identity) are run globally by the provider:
 * an upstream of theirs is recorded without regions. An alias names one party only (a unit test
 * holds it): "Google" or "Microsoft" alone would be ambiguous, so they are not aliases.
 */
export const CATALOGUE: readonly CatalogueParty[] = [
  { id: 'aws', name: 'Amazon Web Services', kinds: ['hosting'], aliases: ['AWS', 'Amazon AWS', 'Amazon Web Services, Inc.', 'Amazon Web Services EMEA SARL'], regions: AWS_REGIONS, operator: 'amazon' },
  { id: 'gcp', name: 'Google Cloud', kinds: ['hosting'], aliases: ['GCP', 'Google Cloud Platform', 'Google Compute Engine'], regions: GOOGLE_CLOUD_REGIONS, operator: 'google' },
  { id: 'azure', name: 'Microsoft Azure', kinds: ['hosting'], aliases: ['Azure', 'Windows Azure'], regions: AZURE_REGIONS, operator: 'microsoft' },
  { id: 'oci', name: 'Oracle Cloud', kinds: ['hosting'], aliases: ['OCI', 'Oracle Cloud Infrastructure'], regions: ORACLE_CLOUD_REGIONS },
  { id: 'digitalocean', name: 'DigitalOcean', kinds: ['hosting'], aliases: ['Digital Ocean', 'DigitalOcean, LLC'], regions: DIGITALOCEAN_REGIONS },
  { id: 'hetzner', name: 'Hetzner', kinds: ['hosting'], aliases: ['Hetzner Online', 'Hetzner Online GmbH', 'Hetzner Cloud'], regions: HETZNER_REGIONS },
  { id: 'ovhcloud', name: 'OVHcloud', kinds: ['hosting'], aliases: ['OVH', 'OVH SAS', 'OVH Cloud'], regions: OVHCLOUD_REGIONS },
  global('cloudflare', 'Cloudflare', ['cdn', 'dns'], ['Cloudflare, Inc.', 'CloudFlare CDN']),
  global('fastly', 'Fastly', ['cdn'], ['Fastly, Inc.', 'Fastly CDN']),
  global('akamai', 'Akamai', ['cdn'], ['Akamai Technologies', 'Akamai Technologies, Inc.']),
  global('cloudfront', 'Amazon CloudFront', ['cdn'], ['CloudFront', 'AWS CloudFront'], 'amazon'),
  global('route53', 'Amazon Route 53', ['dns'], ['Route 53', 'Route53', 'AWS Route 53'], 'amazon'),
  global('ns1', 'NS1', ['dns'], ['NS1 (IBM)', 'IBM NS1 Connect', 'NSONE']),
  global('google-cloud-dns', 'Google Cloud DNS', ['dns'], ['Cloud DNS', 'GCP Cloud DNS'], 'google'),
  global('azure-dns', 'Azure DNS', ['dns'], ['Microsoft Azure DNS'], 'microsoft'),
  global('sendgrid', 'SendGrid (Twilio)', ['email'], ['SendGrid', 'Twilio SendGrid', 'SendGrid, Inc.']),
  global('mailgun', 'Mailgun', ['email'], ['Mailgun Technologies', 'Mailgun Technologies, Inc.', 'Sinch Mailgun']),
  global('ses', 'Amazon SES', ['email'], ['Amazon Simple Email Service', 'AWS SES', 'Simple Email Service'], 'amazon'),
  global('postmark', 'Postmark', ['email'], ['Postmark (ActiveCampaign)', 'Postmarkapp']),
  global('stripe', 'Stripe', ['payment'], ['Stripe, Inc.', 'Stripe Payments Europe', 'Stripe Payments Europe Limited']),
  global('adyen', 'Adyen', ['payment'], ['Adyen N.V.']),
  global('paypal', 'PayPal', ['payment'], ['PayPal, Inc.', 'PayPal (Europe) S.à r.l. et Cie, S.C.A.', 'Braintree']),
  global('auth0', 'Auth0 (Okta)', ['identity'], ['Auth0', 'Auth0, Inc.']),
  global('okta', 'Okta', ['identity'], ['Okta, Inc.', 'Okta Workforce Identity']),
  global('entra-id', 'Microsoft Entra ID', ['identity'], ['Entra ID', 'Azure AD', 'Azure Active Directory', 'Microsoft Entra'], 'microsoft'),
  global('google-workspace', 'Google Workspace', ['email', 'identity'], ['G Suite', 'Google Apps', 'Gmail'], 'google'),
  global('microsoft-365', 'Microsoft 365', ['email', 'identity'], ['Office 365', 'Exchange Online'], 'microsoft'),
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

/** The other catalogued parties its company runs (Amazon SES, Route 53 and CloudFront for AWS); empty when none. */
export function sameCompanyParties(id: string): CatalogueParty[] {
  const operator = catalogueParty(id)?.operator;
  return operator ? CATALOGUE.filter((p) => p.operator === operator && p.id !== id) : [];
}

/** "US East (N. Virginia)" for aws/us-east-1; null when the party or the region is not in the catalogue. */
export function regionName(catalogueId: string | null, code: string): string | null {
  if (!catalogueId) return null;
  const key = regionKey(code);
  return catalogueParty(catalogueId)?.regions.find((r) => regionKey(r.code) === key)?.name ?? null;
}
