// The built-in catalogue of fourth parties (shared/upstream/catalogue.ts): ids unique, every name
// and alias leads to one party only (folded as partyKey folds them), region codes unique per party,
// and the lookups that the upstream form and the CLI use.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { partyKey, regionKey, RegionCode } from '../../shared/domain/upstream';
import { CATALOGUE, catalogueParty, findCatalogueParty, OPERATORS, regionName, sameCompanyParties } from '../../shared/upstream/catalogue';

const fold = (name: string) => partyKey({ catalogueId: null, party: name });

describe('catalogue', () => {
  test('ids are unique', () => {
    const ids = CATALOGUE.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, `duplicate ids in ${ids.join(', ')}`);
  });

  test('no name or alias is shared between two parties', () => {
    const owner = new Map<string, string>();
    for (const p of CATALOGUE) {
      for (const name of [p.id, p.name, ...p.aliases]) {
        const key = fold(name);
        const other = owner.get(key);
        assert.ok(other === undefined || other === p.id, `"${name}" of ${p.id} is also a name of ${other}`);
        owner.set(key, p.id);
      }
    }
  });

  test('region codes are unique per party and valid region codes', () => {
    for (const p of CATALOGUE) {
      const keys = p.regions.map((r) => regionKey(r.code));
      assert.equal(new Set(keys).size, keys.length, `${p.id} lists a region twice`);
      for (const r of p.regions) {
        assert.ok(RegionCode.safeParse(r.code).success, `${p.id}/${r.code} is not a valid region code`);
        assert.ok(r.name.trim().length > 0, `${p.id}/${r.code} has no name`);
      }
    }
  });

  test('the parties the issue names are there, with their kinds', () => {
    const expect: [string, string][] = [
      ['Google Cloud', 'hosting'], ['Microsoft Azure', 'hosting'], ['Oracle Cloud', 'hosting'], ['DigitalOcean', 'hosting'],
      ['Hetzner', 'hosting'], ['OVHcloud', 'hosting'], ['Cloudflare', 'cdn'], ['Cloudflare', 'dns'], ['Fastly', 'cdn'], ['Akamai', 'cdn'],
      ['Amazon CloudFront', 'cdn'], ['Amazon Route 53', 'dns'], ['NS1', 'dns'], ['Google Cloud DNS', 'dns'], ['Azure DNS', 'dns'],
      ['SendGrid', 'email'], ['Mailgun', 'email'], ['Amazon SES', 'email'], ['Postmark', 'email'], ['Stripe', 'payment'], ['Adyen', 'payment'],
      ['PayPal', 'payment'], ['Auth0', 'identity'], ['Okta', 'identity'], ['Microsoft Entra ID', 'identity'], ['Google Workspace', 'identity'],
    ];
    for (const [name, kind] of expect) {
      const p = findCatalogueParty(name);
      assert.ok(p, `${name} is not in the catalogue`);
      assert.ok(p.kinds.includes(kind as never), `${name} is not listed as ${kind}`);
    }
  });

  test('lookups by alias, legal form and id; region names', () => {
    assert.equal(findCatalogueParty('gcp')?.id, 'gcp', 'GCP is Google Cloud');
    assert.equal(findCatalogueParty('Hetzner Online GmbH')?.id, 'hetzner', 'a legal entity leads to its party');
    assert.equal(findCatalogueParty('Azure AD')?.id, 'entra-id', 'Azure AD is Entra ID, not Azure');
    assert.equal(catalogueParty('azure')?.name, 'Microsoft Azure', 'by id');
    assert.equal(regionName('gcp', 'europe-west3'), 'Frankfurt', 'a Google Cloud region name');
    assert.equal(regionName('azure', 'WestEurope'), 'West Europe (Netherlands)', 'region codes compare without case');
    assert.equal(regionName('aws', 'eu-west-1'), 'Europe (Ireland)', 'AWS regions kept');
    assert.equal(findCatalogueParty('Google'), null, 'a bare "Google" is ambiguous and matches nothing');
  });

  test('the company behind several parties: each cloud with its DNS, e-mail, CDN and identity', () => {
    const ids = (id: string) => sameCompanyParties(id).map((p) => p.id).sort();
    assert.deepEqual(ids('aws'), ['cloudfront', 'route53', 'ses'], 'Amazon runs AWS, CloudFront, Route 53 and SES');
    assert.deepEqual(ids('gcp'), ['google-cloud-dns', 'google-workspace'], 'Google runs Google Cloud, Cloud DNS and Workspace');
    assert.deepEqual(ids('azure'), ['azure-dns', 'entra-id', 'microsoft-365'], 'Microsoft runs Azure, Azure DNS, Entra ID and Microsoft 365');
    assert.deepEqual(ids('ses'), ['aws', 'cloudfront', 'route53'], 'the link goes both ways');
    assert.deepEqual(ids('stripe'), [], 'a party run by a company with nothing else catalogued');
    assert.deepEqual(ids('no-such-party'), [], 'an unknown id');
    for (const p of CATALOGUE) assert.ok(p.operator === undefined || OPERATORS[p.operator].length > 0, `${p.id}: operator without a name`);
  });
});
