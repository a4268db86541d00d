// Blast radius (shared/upstream/blast-radius.ts) on the hand-built register of
// test/helpers/upstream-register.ts, and two properties on random registers (fast-check): the hit
// set is exactly who records the party (and the region, or no region), and "survives" never comes
// without a decided multi_region answer and something else of the same kind recorded.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { regionKey } from '../../shared/domain/upstream';
import { blastRadius, resolvePartyKey, type FailoverStatement } from '../../shared/upstream/blast-radius';
import { canonicalPartyKey } from '../../shared/upstream/register-index';
import { anyRegister, handBuilt, provider, upstream } from '../helpers/upstream-register';

const decided = (regions: string | null, zones: string | null = null): FailoverStatement => ({ regions, zones, basis: 'decided' });

describe('blast radius, hand-built register', () => {
  const { providers, upstreams } = handBuilt();
  const failover = new Map<string, FailoverStatement>([
    ['db', decided('multi_region', 'auto_multi_zone')],
    ['queue', decided('multi_zone', 'auto_multi_zone')],
    ['search', decided('multi_region')],
    ['mail', decided('multi_region')],
    ['logs', { regions: 'multi_region', zones: null, basis: 'open' }],
    ['old', decided('single_site')],
  ]);
  const outcomes = (r: Awaited<ReturnType<typeof blastRadius>>) => r.hits.map((h) => [h.vendorId, h.outcome, h.reason]);

  test('AWS us-east-1 down: who survives, who does not, critical path first', () => {
    const r = blastRadius(providers, upstreams, failover, { party: 'AWS', region: 'US-EAST-1' });
    assert.equal(r.party.key, 'catalogue:aws', 'AWS found by alias');
    assert.deepEqual(r.region, { key: 'us-east-1', code: 'us-east-1', name: 'US East (N. Virginia)' }, 'the region named from the catalogue');
    assert.deepEqual(outcomes(r), [
      ['queue', 'down', 'One region, several zones: a regional outage takes it down'],
      ['mail', 'unknown', 'States multi-region failover, but its record lists only Amazon Web Services (us-east-1): the answer and the record disagree, or the record is incomplete'],
      ['db', 'survives', 'States multi-region failover and runs in eu-west-1 as well'],
      ['search', 'survives', 'States multi-region failover and runs on Google Cloud as well'],
      ['logs', 'unknown', 'Regions not recorded for Amazon Web Services: may be hit'],
    ], 'critical path first (down, unknown, survives), then the rest');
    assert.deepEqual(r.counts, { survives: 2, down: 1, unknown: 2 }, 'counts');
    assert.equal(r.criticalHit, 4, 'four critical providers hit');
    assert.equal(r.notHit, 2, 'pay and docs are not hit');
    assert.equal(r.retiredLeftOut, 1, 'the retired provider is left out, though it runs in us-east-1');
  });

  test('AWS eu-west-1 down hits db only (and logs, whose regions are not recorded)', () => {
    const r = blastRadius(providers, upstreams, failover, { party: 'catalogue:aws', region: 'eu-west-1' });
    assert.deepEqual(outcomes(r), [
      ['db', 'survives', 'States multi-region failover and runs in us-east-1 as well'],
      ['logs', 'unknown', 'Regions not recorded for Amazon Web Services: may be hit'],
    ], 'providers recorded only in us-east-1 are not hit');
  });

  test('the whole of AWS down: survives only with another hosting party recorded', () => {
    const r = blastRadius(providers, upstreams, failover, { party: 'Amazon Web Services' });
    assert.equal(r.region, null, 'whole party');
    assert.deepEqual(outcomes(r), [
      ['queue', 'down', 'One region, several zones: an outage of Amazon Web Services takes it down'],
      ['db', 'unknown', 'States multi-region failover, but nothing of the same kind besides Amazon Web Services is recorded'],
      ['mail', 'unknown', 'States multi-region failover, but its record lists only Amazon Web Services (us-east-1): the answer and the record disagree, or the record is incomplete'],
      ['search', 'survives', 'States multi-region failover and runs on Google Cloud as well'],
      ['logs', 'unknown', 'Answer from a review not yet decided (it states multi-region failover)'],
    ], 'db\'s Cloudflare is a CDN, not hosting; an undecided answer decides nothing');
  });

  test('no answer, single site, and a party nobody records', () => {
    const noAnswers = blastRadius(providers, upstreams, new Map(), { party: 'aws', region: 'us-east-1' });
    assert.ok(noAnswers.hits.filter((h) => h.vendorId !== 'logs').every((h) => h.outcome === 'unknown' && h.reason === 'No answer on regional failover'), 'no answer: unknown');
    const single = blastRadius(providers, upstreams, new Map([['queue', decided('single_site')]]), { party: 'aws', region: 'us-east-1' });
    assert.deepEqual(single.hits.find((h) => h.vendorId === 'queue')?.reason, 'One data centre or zone: a regional outage takes it down', 'single site');
    const nobody = blastRadius(providers, upstreams, failover, { party: 'Microsoft Azure', region: 'westeurope' });
    assert.equal(nobody.hits.length, 0, 'nobody hit');
    assert.equal(nobody.notHit, 7, 'every non-retired provider not hit');
    assert.equal(nobody.region?.name, 'West Europe (Netherlands)', 'the region still named from the catalogue');
  });

  test('a free-text party by its typed name', () => {
    const r = blastRadius(providers, upstreams, failover, { party: 'acme edge inc' });
    assert.equal(r.party.key, 'name:acme edge', 'folded like partyKey');
    assert.deepEqual(r.hits.map((h) => h.vendorId), ['db', 'docs', 'pay'], 'critical first, then by name');
    assert.equal(resolvePartyKey('name:acme edge'), 'name:acme edge', 'a key is taken as given');
  });
});

describe('blast radius on random registers', () => {
  const anyFailover = fc.record({
    regions: fc.constantFrom(null, 'multi_region', 'multi_zone', 'single_site', 'other'),
    zones: fc.constantFrom(null, 'auto_multi_zone', 'none'),
    basis: fc.constantFrom('decided', 'open', 'none') as fc.Arbitrary<FailoverStatement['basis']>,
  });
  const anyQuery = fc.record({ party: fc.constantFrom('aws', 'Google Cloud', 'Acme Hosting', 'Fastly', 'Cloudflare'), region: fc.constantFrom(null, 'us-east-1', 'EU-WEST-1', 'Frankfurt') });

  test('hits exactly the providers recording the party (in the region, or in no region); survives only when stated and backed', () => {
    fc.assert(
      fc.property(anyRegister, fc.array(anyFailover, { minLength: 12, maxLength: 12 }), anyQuery, ({ providers, upstreams }, answers, query) => {
        const failover = new Map(providers.map((p, i) => [p.vendorId, answers[i]!]));
        const r = blastRadius(providers, upstreams, failover, query);
        const key = resolvePartyKey(query.party);
        const rk = query.region === null ? null : regionKey(query.region);
        const live = providers.filter((p) => p.status !== 'retired');
        const expected = live.filter((p) => {
          const mine = upstreams.filter((u) => u.vendorId === p.vendorId && canonicalPartyKey(u) === key);
          if (mine.length === 0) return false;
          const regions = mine.flatMap((u) => u.regions.map((x) => regionKey(x.code)));
          return rk === null || regions.length === 0 || regions.includes(rk);
        });
        assert.deepEqual(r.hits.map((h) => h.vendorId).sort(), expected.map((p) => p.vendorId).sort(), 'the hit set');
        assert.equal(r.notHit, live.length - expected.length, 'not hit');
        for (const h of r.hits) {
          if (h.outcome !== 'survives') continue;
          const f = failover.get(h.vendorId)!;
          assert.ok(f.regions === 'multi_region' && f.basis === 'decided', `${h.vendorId} survives without a decided multi_region answer`);
          assert.ok(h.alternatives.length > 0, `${h.vendorId} survives with nothing else recorded`);
          assert.ok(rk !== null || h.alternatives.every((a) => !h.regions.includes(a)), 'a whole-party outage is not survived by another region of the same party');
        }
        for (let i = 1; i < r.hits.length; i++) assert.ok(Number(r.hits[i - 1]!.criticalPath) >= Number(r.hits[i]!.criticalPath), 'critical path first');
      }),
      { numRuns: 400 },
    );
  });
});

describe('blast radius: what the tenancy answers can decide, and where they disagree with the record', () => {
  const providers = [
    provider('keystone', 'Keystone Config', true),
    provider('edge', 'Edge Shop', true),
    provider('both', 'Both Ways', false),
    provider('pigeon', 'PagerPigeon', true),
    provider('twin', 'Twin Cloud', false),
    provider('mailonly', 'Mail Only', true),
  ];
  const upstreams = [
    upstream('keystone', 'Cloudflare', 'cloudflare', 'cdn'),
    upstream('keystone', 'Fastly', null, 'cdn'),
    upstream('keystone', 'Amazon Web Services', 'aws', 'hosting', ['eu-west-1']),
    upstream('edge', 'Cloudflare', 'cloudflare', 'cdn'),
    upstream('edge', 'Cloudflare', 'cloudflare', 'dns'),
    // Records Cloudflare for hosting as well as CDN: the answers decide.
    upstream('both', 'Cloudflare', 'cloudflare', 'cdn'),
    upstream('both', 'Cloudflare', 'cloudflare', 'hosting'),
    // A second CDN is no second place to run: no disagreement with its single-site answer.
    upstream('both', 'Fastly', null, 'cdn'),
    upstream('pigeon', 'Google Cloud', 'gcp', 'hosting', ['europe-west3', 'us-central1']),
    upstream('twin', 'Amazon Web Services', 'aws', 'hosting', ['us-east-1']),
    upstream('twin', 'Google Cloud', 'gcp', 'hosting', ['europe-west3']),
    upstream('mailonly', 'Amazon SES', 'ses', 'email'),
    upstream('mailonly', 'Route 53', null, 'dns'),
  ];
  const failover = new Map<string, FailoverStatement>([
    ['keystone', decided('single_site')],
    ['edge', decided('multi_region')],
    ['both', decided('single_site')],
    ['pigeon', decided('single_site')],
    ['twin', decided('multi_zone')],
    ['mailonly', decided('single_site')],
  ]);
  const outcomes = (r: Awaited<ReturnType<typeof blastRadius>>) => r.hits.map((h) => [h.vendorId, h.outcome, h.reason]);

  test('a CDN or DNS outage is not decided by where the provider runs', () => {
    const r = blastRadius(providers, upstreams, failover, { party: 'Cloudflare' });
    assert.deepEqual(outcomes(r), [
      ['edge', 'unknown', 'Its answers on failover concern where it runs, not its CDN or DNS: not recorded whether it survives a Cloudflare outage'],
      ['keystone', 'unknown', 'Its answers on failover concern where it runs, not its CDN: not recorded whether it survives a Cloudflare outage; it also records Fastly as a CDN'],
      ['both', 'down', 'One data centre or zone: an outage of Cloudflare takes it down'],
    ], 'single site or multi-region, a CDN party is unknown; recorded for hosting too, the answer decides');
    assert.deepEqual(r.hits.find((h) => h.vendorId === 'keystone')?.alternatives, ['Fastly'], 'the other CDN is its alternative, not its cloud');
  });

  test('one data centre stated, two regions recorded: down as stated, and the disagreement said', () => {
    const r = blastRadius(providers, upstreams, failover, { party: 'gcp', region: 'us-central1' });
    assert.deepEqual(outcomes(r), [
      ['pigeon', 'down', 'States one data centre or zone, though its record lists 2 regions of Google Cloud (europe-west3, us-central1): the answer and the record disagree'],
    ], 'PagerPigeon');
    const whole = blastRadius(providers, upstreams, failover, { party: 'aws' });
    assert.deepEqual(outcomes(whole).find((h) => h[0] === 'twin'), [
      'twin', 'down', 'States one region, several zones, though its record lists Amazon Web Services (us-east-1) and Google Cloud (europe-west3): the answer and the record disagree',
    ], 'another cloud recorded beside one region stated');
    const keystone = outcomes(blastRadius(providers, upstreams, failover, { party: 'aws', region: 'eu-west-1' }));
    assert.deepEqual(keystone, [['keystone', 'down', 'One data centre or zone: a regional outage takes it down']], 'its CDNs are no second place to run: no disagreement');
  });

  test('all of AWS down lists who uses Amazon SES or Route 53, as another service of the same company', () => {
    const r = blastRadius(providers, upstreams, failover, { party: 'AWS' });
    const mail = r.hits.find((h) => h.vendorId === 'mailonly');
    assert.ok(mail, 'Mail Only, on Amazon SES and Route 53 only, is listed');
    assert.equal(mail.outcome, 'unknown', 'its single-site answer decides nothing about SES');
    assert.deepEqual(mail.sameCompanyParties, ['Amazon SES', 'Amazon Route 53'], 'the parties that link it');
    assert.equal(
      mail.reason,
      'Another service of the same company: it records Amazon SES and Amazon Route 53 (Amazon, like Amazon Web Services); not recorded whether an outage of Amazon Web Services reaches it',
      'marked in words',
    );
    assert.ok(r.hits.filter((h) => h.vendorId !== 'mailonly').every((h) => h.sameCompanyParties.length === 0), 'who names AWS itself is hit directly');
    assert.equal(r.counts.unknown, 1, 'counted as cannot be told');
    const region = blastRadius(providers, upstreams, failover, { party: 'AWS', region: 'us-east-1' });
    assert.ok(!region.hits.some((h) => h.vendorId === 'mailonly'), 'a region outage stays with the party');
    const ses = blastRadius(providers, upstreams, failover, { party: 'Amazon SES' });
    assert.deepEqual(ses.hits.map((h) => h.vendorId), ['mailonly'], 'an SES outage does not reach AWS users');
  });

  test('a party not run by the company of a cloud is not linked', () => {
    const r = blastRadius(providers, upstreams, failover, { party: 'Google Cloud' });
    assert.ok(!r.hits.some((h) => h.vendorId === 'mailonly'), 'Amazon SES is not Google');
  });
});

describe('blast radius on random registers: the tenancy answers decide hosting only', () => {
  const anyFailover = fc.record({
    regions: fc.constantFrom(null, 'multi_region', 'multi_zone', 'single_site'),
    zones: fc.constantFrom(null, 'auto_multi_zone', 'none'),
    basis: fc.constantFrom('decided', 'open', 'none') as fc.Arbitrary<FailoverStatement['basis']>,
  });
  const anyQuery = fc.record({ party: fc.constantFrom('aws', 'Cloudflare', 'Fastly'), region: fc.constantFrom(null, 'us-east-1', 'EU-WEST-1') });

  test('who records the party for no hosting is unknown, whatever its answers', () => {
    fc.assert(
      fc.property(anyRegister, fc.array(anyFailover, { minLength: 24, maxLength: 24 }), anyQuery, ({ providers, upstreams }, answers, query) => {
        const one = new Map(providers.map((p, i) => [p.vendorId, answers[i]!]));
        const other = new Map(providers.map((p, i) => [p.vendorId, answers[i + 12]!]));
        const a = blastRadius(providers, upstreams, one, query);
        const b = blastRadius(providers, upstreams, other, query);
        const key = resolvePartyKey(query.party);
        for (const h of a.hits) {
          const hosts = upstreams.some((u) => u.vendorId === h.vendorId && u.kind === 'hosting' && canonicalPartyKey(u) === key);
          if (hosts) continue;
          assert.equal(h.outcome, 'unknown', `${h.vendorId} records ${query.party} for no hosting, yet is ${h.outcome}: ${h.reason}`);
          const same = b.hits.find((x) => x.vendorId === h.vendorId);
          assert.equal(same?.reason, h.reason, `${h.vendorId}: the reason changed with the tenancy answers`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
