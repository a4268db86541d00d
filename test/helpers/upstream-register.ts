// A hand-built register for the concentration, blast-radius and signal tests: providers with their
// upstreams, written compactly.
import fc from 'fast-check';
import type { Upstream, UpstreamKind } from '../../shared/domain/upstream';
import { regionKey } from '../../shared/domain/upstream';
import type { ProviderFacts } from '../../shared/upstream/register-index';

const STAMP = '2026-12-01T00:00:00.000Z';
let serial = 0;

/** One upstream of `vendorId`: party as typed, catalogue id or null, kind, region codes. */
export function upstream(vendorId: string, party: string, catalogueId: string | null, kind: UpstreamKind, regions: string[] = []): Upstream {
  return {
    id: `u${++serial}`, vendorId, party, catalogueId, kind, regions: regions.map((code) => ({ code, uses: '' })),
    purpose: '', location: '', source: 'entered', note: '', createdAt: STAMP, updatedAt: STAMP,
  };
}

export function provider(vendorId: string, name: string, criticalPath: boolean, status = 'active'): ProviderFacts {
  return { vendorId, name, criticalPath, status };
}

/** Five providers on AWS (one with no regions), one retired, one on Stripe only, two typing Fastly their own way. */
export function handBuilt(): { providers: ProviderFacts[]; upstreams: Upstream[] } {
  const providers = [
    provider('db', 'Hosted DB', true),
    provider('queue', 'Message Queue', true),
    provider('logs', 'Log Service', false),
    provider('search', 'Search', true),
    provider('mail', 'Mailer', true),
    provider('old', 'Retired Co', true, 'retired'),
    provider('pay', 'Payments', false, 'proposed'),
    provider('docs', 'Docs Site', false),
  ];
  const upstreams = [
    upstream('db', 'Amazon Web Services', 'aws', 'hosting', ['us-east-1', 'eu-west-1']),
    upstream('db', 'Cloudflare', 'cloudflare', 'cdn'),
    upstream('queue', 'Amazon Web Services', 'aws', 'hosting', ['US-East-1']),
    upstream('logs', 'AWS', 'aws', 'hosting'),
    upstream('search', 'Amazon Web Services', 'aws', 'hosting', ['us-east-1']),
    upstream('search', 'Google Cloud', 'gcp', 'hosting', ['europe-west3']),
    // Typed without picking from the catalogue: still AWS.
    upstream('mail', 'Amazon Web Services, Inc.', null, 'hosting', ['us-east-1']),
    upstream('mail', 'SendGrid', 'sendgrid', 'email'),
    upstream('old', 'Amazon Web Services', 'aws', 'hosting', ['us-east-1']),
    upstream('pay', 'Stripe', 'stripe', 'payment'),
    upstream('docs', 'Fastly, Inc.', null, 'cdn'),
    upstream('docs', 'Acme Edge', null, 'cdn'),
    upstream('pay', 'Acme Edge', null, 'cdn'),
    upstream('db', 'ACME Edge GmbH', null, 'cdn'),
  ];
  return { providers, upstreams };
}


/** Random registers over a few parties (catalogued, typed, spelled differently) and regions (some differing in case only). */
const PARTIES: [string, string | null, UpstreamKind][] = [
  ['Amazon Web Services', 'aws', 'hosting'], ['AWS', null, 'hosting'], ['Google Cloud', 'gcp', 'hosting'],
  ['Acme Hosting', null, 'hosting'], ['acme hosting inc', null, 'hosting'], ['Cloudflare', 'cloudflare', 'cdn'], ['Fastly', null, 'cdn'],
];
const REGIONS = ['us-east-1', 'US-EAST-1', 'eu-west-1', 'europe-west3', 'Frankfurt'];

export const anyRegister = fc
  .array(fc.record({ critical: fc.boolean(), status: fc.constantFrom('active', 'proposed', 'retired'), name: fc.constantFrom('A', 'B', 'b', 'C') }), { minLength: 1, maxLength: 10 })
  .chain((ps) =>
    fc.tuple(
      fc.constant(ps.map((p, i) => provider(`v${i}`, p.name, p.critical, p.status))),
      fc.array(
        fc.record({ v: fc.integer({ min: 0, max: ps.length }), party: fc.integer({ min: 0, max: PARTIES.length - 1 }), regions: fc.uniqueArray(fc.constantFrom(...REGIONS), { maxLength: 3, selector: regionKey }) }),
        { maxLength: 25 },
      ),
    ),
  )
  .map(([providers, rows]) => ({
    providers,
    // v === providers.length: an upstream of a provider not in the register.
    upstreams: rows.map((r) => upstream(`v${r.v}`, PARTIES[r.party]![0], PARTIES[r.party]![1], PARTIES[r.party]![2], r.regions)),
  }));

