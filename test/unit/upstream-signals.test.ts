// Signals (shared/upstream/signals.ts): incidents of several providers open at once, with the
// upstreams they share, on the hand-built register; the groups against brute force on random
// incidents (fast-check); maintenance overlaps on a shared fourth party.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { WindowOverlap, WindowRef } from '../../shared/maintenance/overlaps';
import { maintenanceOnSharedUpstreams, overlappingIncidents, type IncidentFacts } from '../../shared/upstream/signals';
import { handBuilt } from '../helpers/upstream-register';

let serial = 0;
const incident = (vendorId: string, startedAt: string, resolvedAt: string | null): IncidentFacts => ({
  vendorId, id: `i${String(++serial).padStart(3, '0')}`, title: `Incident of ${vendorId}`, startedAt, resolvedAt, impact: 'major',
});
const at = (day: string, hhmm: string) => `2026-${day}T${hhmm}:00.000Z`;

describe('overlapping incidents, hand-built register', () => {
  const { providers, upstreams } = handBuilt();
  const incidents = [
    incident('db', at('11-01', '10:00'), at('11-01', '12:00')),
    incident('queue', at('11-01', '11:00'), at('11-01', '11:30')),
    incident('old', at('11-01', '11:00'), at('11-01', '11:10')), // retired: left out
    incident('pay', at('11-02', '09:00'), at('11-02', '10:00')),
    incident('mail', at('11-02', '09:30'), at('11-02', '09:45')),
    incident('logs', at('11-03', '09:00'), at('11-03', '10:00')), // alone
    incident('docs', at('11-04', '14:00'), at('11-04', '15:00')),
    incident('pay', at('11-04', '15:00'), at('11-04', '15:30')), // touches docs's end
    incident('search', at('12-01', '12:00'), null), // still open at now
    incident('queue', at('12-01', '13:00'), at('12-01', '13:10')),
    incident('mail', 'yesterday', null),
  ];
  const result = overlappingIncidents(providers, upstreams, incidents, { now: at('12-01', '14:00') });

  test('groups, shared upstreams first, the latest first', () => {
    assert.deepEqual(result.groups.map((g) => [g.from, g.to, g.providers.map((p) => p.vendorId), g.sharedUpstream]), [
      [at('12-01', '13:00'), at('12-01', '13:10'), ['queue', 'search'], true],
      [at('11-01', '11:00'), at('11-01', '11:30'), ['db', 'queue'], true],
      [at('11-04', '15:00'), at('11-04', '15:00'), ['docs', 'pay'], true],
      [at('11-02', '09:30'), at('11-02', '09:45'), ['mail', 'pay'], false],
    ], 'an open incident is open until now; touching ends overlap; mail and pay share nothing');
    assert.equal(result.total, 4, 'four groups');
    assert.equal(result.withSharedUpstream, 3, 'three suggest a shared upstream');
    assert.equal(result.incidentsLeftOut, 1, 'the retired provider\'s incident');
    assert.equal(result.unreadable, 1, 'an incident whose start cannot be read');
  });

  test('each group names the upstreams its providers share, with the region', () => {
    const [open, first, touching] = result.groups;
    assert.deepEqual(open!.shared.map((s) => [s.party, s.regions.map((r) => r.region.code)]), [['Amazon Web Services', ['us-east-1']]], 'queue and search: AWS us-east-1');
    assert.deepEqual(first!.shared.map((s) => [s.party, s.regions.map((r) => r.region.code)]), [['Amazon Web Services', ['us-east-1']]], 'db and queue: AWS us-east-1');
    assert.deepEqual(touching!.shared.map((s) => [s.party, s.regions.length]), [['Acme Edge', 0]], 'docs and pay: the party, no region recorded');
    assert.deepEqual(first!.incidents.map((i) => [i.vendorName, i.startedAt]), [['Hosted DB', at('11-01', '10:00')], ['Message Queue', at('11-01', '11:00')]], 'the incidents, named');
  });

  test('bounded by a limit, totals kept; bad options named', () => {
    const one = overlappingIncidents(providers, upstreams, incidents, { now: at('12-01', '14:00'), limit: 1 });
    assert.equal(one.groups.length, 1, 'one kept');
    assert.equal(one.total, 4, 'all counted');
    assert.throws(() => overlappingIncidents(providers, upstreams, incidents, { now: 'soon' }), /now must be an ISO instant/, 'now named');
    assert.throws(() => overlappingIncidents(providers, upstreams, incidents, { now: at('12-01', '14:00'), limit: -1 }), /limit must be/, 'limit named');
  });
});

test('incident groups are exactly the largest sets open at one moment, with two providers or more', () => {
  const { providers, upstreams } = handBuilt();
  const base = Date.parse('2026-11-01T00:00:00Z');
  const HOUR = 3_600_000;
  const anyIncidents = fc.array(
    fc.record({ v: fc.constantFrom('db', 'queue', 'logs', 'search', 'mail', 'pay', 'docs'), start: fc.integer({ min: 0, max: 48 }), length: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }) }),
    { maxLength: 14 },
  );
  fc.assert(
    fc.property(anyIncidents, (rows) => {
      const now = base + 50 * HOUR;
      const incidents = rows.map((r, i) => ({
        vendorId: r.v, id: `x${String(i).padStart(2, '0')}`, title: '', impact: 'minor' as const,
        startedAt: new Date(base + r.start * HOUR).toISOString(), resolvedAt: r.length === null ? null : new Date(base + (r.start + r.length) * HOUR).toISOString(),
      }));
      const span = (i: IncidentFacts) => [Date.parse(i.startedAt), i.resolvedAt === null ? now : Date.parse(i.resolvedAt)] as const;
      const overlap = (a: IncidentFacts, b: IncidentFacts) => span(a)[0] <= span(b)[1] && span(b)[0] <= span(a)[1];
      const r = overlappingIncidents(providers, upstreams, incidents, { now: new Date(now).toISOString(), limit: 1000 });
      const sets = r.groups.map((g) => new Set(g.incidents.map((i) => i.id)));
      for (const [k, g] of r.groups.entries()) {
        assert.ok(new Set(g.incidents.map((i) => i.vendorId)).size >= 2, 'two providers or more');
        for (const a of g.incidents) for (const b of g.incidents) assert.ok(overlap(a, b), `${a.id} and ${b.id} in one group overlap`);
        for (const other of incidents) {
          if (sets[k]!.has(other.id)) continue;
          assert.ok(!g.incidents.every((i) => overlap(i, other)), `${other.id} overlaps every incident of a group it is not in: not the largest set`);
        }
      }
      for (const a of incidents) {
        for (const b of incidents) {
          if (a.vendorId === b.vendorId || !overlap(a, b)) continue;
          assert.ok(sets.some((s) => s.has(a.id) && s.has(b.id)), `${a.id} and ${b.id} overlap but share no group`);
        }
      }
      assert.equal(new Set(sets.map((s) => [...s].sort().join())).size, sets.length, 'no group twice');
    }),
    { numRuns: 400 },
  );
});

describe('maintenance on a shared fourth party', () => {
  const { providers, upstreams } = handBuilt();
  const ref = (vendorId: string): WindowRef => ({ windowId: `w-${vendorId}`, vendorId, vendorName: vendorId, criticalPath: false, title: 'Patch window', impact: 'outage', words: '' });
  const pair = (a: string, b: string): WindowOverlap => ({ a: ref(a), b: ref(b), critical: 0, times: 1, first: { start: at('11-01', '02:00'), end: at('11-01', '03:00') }, minutes: 60 });

  test('only pairs sharing an upstream, in the overlaps\' order, with the upstream; bounded', () => {
    const overlaps = [pair('db', 'queue'), pair('mail', 'pay'), pair('docs', 'pay'), pair('old', 'db'), pair('db', 'search')];
    const r = maintenanceOnSharedUpstreams(providers, upstreams, overlaps);
    assert.deepEqual(r.pairs.map((p) => [p.overlap.a.vendorId, p.overlap.b.vendorId, p.shared.map((s) => s.party)]), [
      ['db', 'queue', ['Amazon Web Services']],
      ['docs', 'pay', ['Acme Edge']],
      ['db', 'search', ['Amazon Web Services']],
    ], 'mail and pay share nothing; the retired provider is left out');
    assert.equal(r.total, 3, 'total');
    const one = maintenanceOnSharedUpstreams(providers, upstreams, overlaps, { limit: 1 });
    assert.deepEqual([one.pairs.length, one.total], [1, 3], 'limit keeps the first, counts all');
  });
});
