// Concentration (shared/upstream/concentration.ts) on a hand-built register, and against a
// brute-force count on random registers (fast-check).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { regionKey } from '../../shared/domain/upstream';
import { concentration, concentrationAlerts } from '../../shared/upstream/concentration';
import { canonicalPartyKey, type ProviderFacts } from '../../shared/upstream/register-index';
import { anyRegister, handBuilt } from '../helpers/upstream-register';

describe('concentration, hand-built register', () => {
  const { providers, upstreams } = handBuilt();
  const c = concentration(providers, upstreams);

  test('AWS carries the whole critical path, us-east-1 too; eu-west-1 a quarter', () => {
    assert.equal(c.criticalPathProviders, 4, 'db, queue, search, mail (the retired one left out)');
    assert.equal(c.retiredLeftOut, 1, 'the retired provider is counted as left out');
    assert.equal(c.upstreamsLeftOut, 1, 'its upstream is not counted');
    const aws = c.parties[0]!;
    assert.equal(aws.partyKey, 'catalogue:aws', 'AWS is the most exposed party');
    assert.equal(aws.party, 'Amazon Web Services', 'catalogue name');
    assert.deepEqual(aws.providers.map((p) => p.vendorId), ['db', 'mail', 'queue', 'search', 'logs'], 'critical first, then by name');
    assert.equal(aws.criticalProviders, 4, 'four critical dependants');
    assert.equal(aws.criticalShare, 1, 'the whole critical path');
    assert.deepEqual(aws.regionsNotRecorded.map((p) => p.vendorId), ['logs'], 'logs names AWS without regions');
    assert.deepEqual(aws.regions.map((r) => [r.region.code, r.region.name, r.providers.length, r.criticalShare]), [
      ['us-east-1', 'US East (N. Virginia)', 4, 1],
      ['eu-west-1', 'Europe (Ireland)', 1, 0.25],
    ], 'regions by exposure; US-East-1 is us-east-1; logs is in no region');
  });

  test('a free-text party is one party across spellings, named by the most common one', () => {
    const acme = c.parties.find((p) => p.partyKey === 'name:acme edge');
    assert.ok(acme, 'Acme Edge, acme edge and ACME Edge GmbH are one party');
    assert.equal(acme.providers.length, 3, 'three providers');
    assert.equal(acme.catalogueId, null, 'not catalogued');
    assert.deepEqual(acme.kinds, ['cdn'], 'kinds seen');
    assert.equal(acme.party, 'Acme Edge', 'the spelling two of three use');
    assert.equal(c.parties.find((p) => p.partyKey === 'catalogue:fastly')?.party, 'Fastly', '"Fastly, Inc." typed is the catalogue\'s Fastly');
  });

  test('sorted by exposure, deterministic whatever the input order', () => {
    const order = c.parties.map((p) => p.party);
    assert.deepEqual(order.slice(0, 4), ['Amazon Web Services', 'Acme Edge', 'Cloudflare', 'Google Cloud'], `order: ${order.join(', ')}`);
    const again = concentration([...providers].reverse(), [...upstreams].reverse());
    assert.deepEqual(again.parties.map((p) => [p.partyKey, p.providers.map((x) => x.vendorId), p.regions.map((r) => r.region.key)]),
      c.parties.map((p) => [p.partyKey, p.providers.map((x) => x.vendorId), p.regions.map((r) => r.region.key)]), 'same result reversed');
  });

  test('criticalOnly keeps critical-path dependants and the same denominator', () => {
    const only = concentration(providers, upstreams, { criticalOnly: true });
    assert.ok(only.parties.every((p) => p.providers.every((x) => x.criticalPath)), 'only critical dependants');
    assert.equal(only.parties.find((p) => p.partyKey === 'catalogue:stripe'), undefined, 'Stripe has no critical dependant');
    assert.equal(only.parties[0]!.regionsNotRecorded.length, 0, 'logs is not critical');
    assert.equal(only.criticalPathProviders, 4, 'same denominator');
  });

  test('alerts: parties and regions over the threshold, strictly', () => {
    const alerts = concentrationAlerts(c, 0.25);
    assert.deepEqual(alerts.map((a) => [a.party, a.region?.code ?? null, a.criticalShare]), [
      ['Amazon Web Services', null, 1],
      ['Amazon Web Services', 'us-east-1', 1],
    ], 'eu-west-1, Google Cloud, Cloudflare, SendGrid and Acme Edge hold exactly a quarter: not over');
    assert.equal(concentrationAlerts(c, 0.2).length, 8, 'over a fifth: those five, eu-west-1 and europe-west3 as well');
    assert.equal(concentrationAlerts(c, 1).length, 0, 'nothing exceeds the whole');
    assert.throws(() => concentrationAlerts(c, 50), /threshold must be a fraction between 0 and 1/, 'a percentage is refused, naming the threshold');
  });

  test('a register without a critical path has shares of 0, not NaN', () => {
    const none = concentration(providers.map((p) => ({ ...p, criticalPath: false })), upstreams);
    assert.ok(none.parties.every((p) => p.criticalShare === 0 && p.regions.every((r) => r.criticalShare === 0)), 'all zero');
  });
});

// ---------------------------------------------------------------------------------------------
// Against brute force
// ---------------------------------------------------------------------------------------------

test('counts equal a brute-force count', () => {
  fc.assert(
    fc.property(anyRegister, fc.boolean(), ({ providers, upstreams }, criticalOnly) => {
      const c = concentration(providers, upstreams, { criticalOnly });
      const live = providers.filter((p) => p.status !== 'retired');
      const critical = live.filter((p) => p.criticalPath).length;
      const counted = live.filter((p) => !criticalOnly || p.criticalPath);
      const keys = new Set(upstreams.filter((u) => counted.some((p) => p.vendorId === u.vendorId)).map(canonicalPartyKey));
      assert.equal(c.parties.length, keys.size, 'one row per party with a counted dependant');
      for (const row of c.parties) {
        const mine = (p: ProviderFacts) => upstreams.filter((u) => u.vendorId === p.vendorId && canonicalPartyKey(u) === row.partyKey);
        const deps = counted.filter((p) => mine(p).length > 0);
        assert.deepEqual(row.providers.map((p) => p.vendorId).sort(), deps.map((p) => p.vendorId).sort(), `${row.partyKey} dependants`);
        assert.equal(row.criticalProviders, deps.filter((p) => p.criticalPath).length, `${row.partyKey} critical`);
        assert.equal(row.criticalShare, critical === 0 ? 0 : row.criticalProviders / critical, `${row.partyKey} share`);
        const noRegions = deps.filter((p) => mine(p).every((u) => u.regions.length === 0));
        assert.deepEqual(row.regionsNotRecorded.map((p) => p.vendorId).sort(), noRegions.map((p) => p.vendorId).sort(), `${row.partyKey} regions not recorded`);
        const regionKeys = new Set(deps.flatMap((p) => mine(p).flatMap((u) => u.regions.map((r) => regionKey(r.code)))));
        assert.equal(row.regions.length, regionKeys.size, `${row.partyKey} one row per region`);
        for (const r of row.regions) {
          const inRegion = deps.filter((p) => mine(p).some((u) => u.regions.some((x) => regionKey(x.code) === r.region.key)));
          assert.deepEqual(r.providers.map((p) => p.vendorId).sort(), inRegion.map((p) => p.vendorId).sort(), `${row.partyKey}/${r.region.key} dependants`);
          assert.equal(r.criticalProviders, inRegion.filter((p) => p.criticalPath).length, `${row.partyKey}/${r.region.key} critical`);
        }
        for (let i = 1; i < row.providers.length; i++) {
          assert.ok(Number(row.providers[i - 1]!.criticalPath) >= Number(row.providers[i]!.criticalPath), 'critical path first');
        }
      }
      for (let i = 1; i < c.parties.length; i++) {
        const [a, b] = [c.parties[i - 1]!, c.parties[i]!];
        assert.ok(a.criticalShare > b.criticalShare || (a.criticalShare === b.criticalShare && a.providers.length >= b.providers.length), 'sorted by exposure');
      }
    }),
    { numRuns: 300 },
  );
});
