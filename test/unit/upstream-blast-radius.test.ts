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
import { anyRegister, handBuilt } from '../helpers/upstream-register';

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
  const outcomes = (r: ReturnType<typeof blastRadius>) => r.hits.map((h) => [h.vendorId, h.outcome, h.reason]);

  test('AWS us-east-1 down: who survives, who does not, critical path first', () => {
    const r = blastRadius(providers, upstreams, failover, { party: 'AWS', region: 'US-EAST-1' });
    assert.equal(r.party.key, 'catalogue:aws', 'AWS found by alias');
    assert.deepEqual(r.region, { key: 'us-east-1', code: 'us-east-1', name: 'US East (N. Virginia)' }, 'the region named from the catalogue');
    assert.deepEqual(outcomes(r), [
      ['queue', 'down', 'One region, several zones: a regional outage takes it down'],
      ['mail', 'unknown', 'States multi-region failover, but no other region is recorded'],
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
      ['mail', 'unknown', 'States multi-region failover, but nothing of the same kind besides Amazon Web Services is recorded'],
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
