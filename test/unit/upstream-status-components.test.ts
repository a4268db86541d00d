// The planner that reads fourth parties from a provider's status page component names: catalogued
// names and aliases found as whole words (the longer name winning where two overlap), that party's
// region codes in the name, one row per party with its regions merged, components naming no
// catalogued party listed (never guessed), and a party already recorded given the regions it lacks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Upstream } from '../../shared/domain/upstream';
import { planStatusComponents } from '../../shared/upstream/status-components';

const stored = (over: Partial<Upstream>): Upstream => ({
  id: 'u1', vendorId: 'v1', party: 'AWS', catalogueId: 'aws', kind: 'hosting', regions: [], purpose: 'Hosting', location: 'Ireland',
  source: 'entered', note: 'checked', createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z', ...over,
});

test('names and aliases inside real component names, whole words and without case', () => {
  const { rows, unmatched } = planStatusComponents(
    ['Google Cloud Platform', 'Cloudflare', 'SendGrid API', 'Third-party: Stripe', 'azure active directory', 'AWS CloudFront', 'Azure DNS'],
    [],
  );
  assert.deepEqual(
    rows.map((r) => [r.party, r.catalogueId, r.kind, r.action]),
    [
      ['Google Cloud', 'gcp', 'hosting', 'add'],
      ['Cloudflare', 'cloudflare', 'cdn', 'add'],
      ['SendGrid (Twilio)', 'sendgrid', 'email', 'add'],
      ['Stripe', 'stripe', 'payment', 'add'],
      ['Microsoft Entra ID', 'entra-id', 'identity', 'add'],
      ['Amazon CloudFront', 'cloudfront', 'cdn', 'add'],
      ['Azure DNS', 'azure-dns', 'dns', 'add'],
    ],
    'each matched by an alias; "AWS CloudFront" is CloudFront (not AWS), "Azure DNS" is Azure DNS (not Azure)',
  );
  assert.equal(rows[3]!.purpose, 'Status page component: Third-party: Stripe', 'the purpose says where it was read');
  assert.deepEqual(unmatched, [], 'every one matched');
});

test('a name inside a longer word is not a match, and components naming no catalogued party are listed, not guessed', () => {
  const { rows, unmatched } = planStatusComponents(['API', 'Dashboard', 'Gawsome widgets', 'Stripes and dots', 'Webhooks'], []);
  assert.deepEqual(rows, [], 'no party is guessed');
  assert.deepEqual(unmatched, ['API', 'Dashboard', 'Gawsome widgets', 'Stripes and dots', 'Webhooks'], 'all listed as not matched, as written');
});

test('region codes of the party in the name, grouped into one upstream per party', () => {
  const { rows } = planStatusComponents(['AWS us-east-1', 'Amazon Web Services - EC2 (eu-west-1)', 'US-EAST-1 (AWS) S3', 'AWS eu-west-12 preview', 'Hetzner Ashburn'], []);
  assert.equal(rows.length, 2, 'one row per party');
  const aws = rows[0]!;
  assert.equal(aws.catalogueId, 'aws');
  assert.deepEqual(aws.regions, ['us-east-1', 'eu-west-1'], 'regions merged, each once, as the catalogue writes them; eu-west-12 is no code of its');
  assert.deepEqual(aws.components, ['AWS us-east-1', 'Amazon Web Services - EC2 (eu-west-1)', 'US-EAST-1 (AWS) S3', 'AWS eu-west-12 preview']);
  assert.ok(aws.purpose.startsWith('Status page components: AWS us-east-1; Amazon Web Services'), `purpose lists the components: ${aws.purpose}`);
  assert.deepEqual(rows[1]!.regions, [], '"ash" inside "Ashburn" is not Hetzner\'s region code');
});

test('a party already recorded gets the regions it lacks; what was entered stays', () => {
  const existing = [stored({ regions: [{ code: 'us-east-1', uses: 'EU customers' }] }), stored({ id: 'u2', party: 'Cloudflare, Inc.', catalogueId: 'cloudflare', kind: 'dns', purpose: 'DNS' })];
  const { rows } = planStatusComponents(['AWS US-East-1', 'AWS eu-west-1', 'Cloudflare'], existing);
  assert.deepEqual(
    rows.map((r) => [r.action, r.party, r.upstreamId, r.regions, r.reason]),
    [
      ['update', 'AWS', 'u1', ['eu-west-1'], 'regions added: eu-west-1'],
      ['unchanged', 'Cloudflare, Inc.', 'u2', [], 'the provider already records it with these regions'],
    ],
    'us-east-1 is held already (compared without case); Cloudflare has nothing to add',
  );
  assert.equal(rows[0]!.purpose, 'Hosting', 'the stored purpose is kept');
  assert.equal(rows[0]!.kind, 'hosting');
  assert.equal(rows[1]!.kind, 'dns', 'the stored kind is kept');
});

test('a party past the per-provider limit is skipped with the reason', () => {
  const full = Array.from({ length: 200 }, (_, i) => stored({ id: `u${i}`, party: `Party ${i}`, catalogueId: null }));
  const { rows } = planStatusComponents(['Stripe'], full);
  assert.equal(rows[0]!.action, 'skip');
  assert.match(rows[0]!.reason, /more than 200 fourth parties/);
});
