// Fourth parties through the contract on a real register (issue 21): add, update, delete, the
// catalogue match, validation naming the field, the per-provider limit, audit rows naming the
// provider, and the provider's deletion taking its upstreams with it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_UPSTREAMS_PER_PROVIDER } from '../../shared/domain/upstream';
import { dumpAnyRegister } from '../helpers/db-dump';
import { freshVetted, unwrap } from '../helpers/vetted';

async function register() {
  let t = Date.parse('2026-12-04T10:00:00Z');
  const vetted = await freshVetted({ now: () => new Date((t += 1000)) });
  const { api } = vetted;
  const db = unwrap(await api['vendor.create']({ name: 'Hosted DB', category: 'database', criticalPath: true }));
  const queue = unwrap(await api['vendor.create']({ name: 'Queue Co', category: 'message-queue' }));
  return { ...vetted, db, queue };
}

test('add, list, update and delete a fourth party; a name the catalogue knows is stored with its id', async () => {
  const { api, db, queue } = await register();
  const aws = unwrap(
    await api['upstream.add']({
      vendorId: db.id, party: 'Amazon Web Services, Inc.', kind: 'hosting',
      regions: [{ code: 'us-east-1', uses: 'US customers' }, { code: 'eu-west-1' }], purpose: 'Hosting',
    }),
  );
  assert.equal(aws.catalogueId, 'aws', 'the alias is matched to the catalogue');
  assert.equal(aws.party, 'Amazon Web Services, Inc.', 'the name as typed');
  assert.deepEqual(aws.regions, [{ code: 'us-east-1', uses: 'US customers' }, { code: 'eu-west-1', uses: '' }]);
  assert.equal(aws.source, 'entered');
  assert.equal(aws.vendorName, 'Hosted DB');
  assert.equal(aws.criticalPath, true);
  const relay = unwrap(await api['upstream.add']({ vendorId: queue.id, party: 'Queue Co Internal Mail Relay', kind: 'email' }));
  assert.equal(relay.catalogueId, null, 'free text outside the catalogue is kept as free text');

  assert.deepEqual(unwrap(await api['upstream.list']({ vendorId: db.id })).map((u) => u.id), [aws.id], 'one provider’s');
  assert.deepEqual(unwrap(await api['upstream.list']({})).map((u) => u.vendorName), ['Hosted DB', 'Queue Co'], 'all, by provider name');

  const moved = unwrap(await api['upstream.update']({ id: aws.id, patch: { regions: [{ code: 'eu-central-1' }], note: 'Moved to Frankfurt' } }));
  assert.deepEqual(moved.regions, [{ code: 'eu-central-1', uses: '' }]);
  assert.equal(moved.note, 'Moved to Frankfurt');
  assert.equal(moved.purpose, 'Hosting', 'a field the patch does not name is kept');
  assert.equal(moved.catalogueId, 'aws', 'the catalogue id is kept when the name is not changed');
  const renamed = unwrap(await api['upstream.update']({ id: aws.id, patch: { party: 'Hetzner Online' } }));
  assert.equal(renamed.catalogueId, 'hetzner', 'a new name is looked up again: it is no longer AWS');
  const own = unwrap(await api['upstream.update']({ id: aws.id, patch: { party: 'Our own rack' } }));
  assert.equal(own.catalogueId, null, 'and a name the catalogue lacks has none');

  assert.deepEqual(unwrap(await api['upstream.delete']({ id: aws.id })), { id: aws.id });
  assert.deepEqual(unwrap(await api['upstream.list']({ vendorId: db.id })), []);
  const gone = await api['upstream.delete']({ id: aws.id });
  assert.ok(!gone.ok && gone.error.code === 'not_found', 'deleting it twice: not found');
});

test('bad input is refused naming the field, and changes nothing', async () => {
  const { api, db, file } = await register();
  unwrap(await api['upstream.add']({ vendorId: db.id, party: 'AWS', kind: 'hosting' }));
  const before = await dumpAnyRegister(file);
  const cases: [string, Record<string, unknown>, string][] = [
    ['an empty party', { vendorId: db.id, party: '  ', kind: 'hosting' }, 'party'],
    ['an unknown kind', { vendorId: db.id, party: 'X', kind: 'mainframe' }, 'kind'],
    ['a region code with a space first', { vendorId: db.id, party: 'X', kind: 'hosting', regions: [{ code: ' ;drop' }] }, 'regions.0.code'],
    ['a region twice', { vendorId: db.id, party: 'X', kind: 'hosting', regions: [{ code: 'us-east-1' }, { code: 'US-EAST-1' }] }, 'regions'],
    ['a catalogue id the catalogue lacks', { vendorId: db.id, party: 'X', kind: 'hosting', catalogueId: 'no-such-cloud' }, 'catalogueId'],
    ['a party the provider already records', { vendorId: db.id, party: 'Amazon Web Services', kind: 'hosting' }, 'party'],
  ];
  for (const [what, input, path] of cases) {
    const result = await api['upstream.add'](input as never);
    assert.ok(!result.ok, `${what} is refused`);
    assert.equal(result.error.code, 'validation', `${what}: a validation error`);
    assert.ok(result.error.details?.some((d) => d.path === path), `${what}: names ${path} (got ${JSON.stringify(result.error.details)})`);
  }
  const missing = await api['upstream.add']({ vendorId: 'no-such-provider', party: 'X', kind: 'hosting' });
  assert.ok(!missing.ok && missing.error.code === 'not_found', 'an unknown provider: not found');
  const [aws] = unwrap(await api['upstream.list']({ vendorId: db.id }));
  const badPatch = await api['upstream.update']({ id: aws!.id, patch: { catalogueId: 'nope' } });
  assert.ok(!badPatch.ok && badPatch.error.details?.some((d) => d.path === 'patch.catalogueId'), 'a patch’s bad catalogue id names patch.catalogueId');
  const sourcePatch = await api['upstream.update']({ id: aws!.id, patch: { source: 'entered' } as never });
  assert.ok(!sourcePatch.ok && sourcePatch.error.code === 'validation', 'the source is the record’s for life: not in a patch');
  assert.deepEqual(await dumpAnyRegister(file), before, 'nothing changed');
});

test(`at most ${MAX_UPSTREAMS_PER_PROVIDER} fourth parties per provider`, async () => {
  const { api, db, ctx } = await register();
  // Filled through the repository: two hundred API calls would test the same path two hundred times.
  for (let i = 0; i < MAX_UPSTREAMS_PER_PROVIDER; i++) {
    await ctx.upstreams.insert({
            id: `u${i}`, vendorId: db.id, party: `Party ${i}`, catalogueId: null, kind: 'other', regions: [], purpose: '', location: '',
            source: 'entered', note: '', createdAt: '2026-12-04T10:00:00.000Z', updatedAt: '2026-12-04T10:00:00.000Z',
          });
  }
  const over = await api['upstream.add']({ vendorId: db.id, party: 'One more', kind: 'other' });
  assert.ok(!over.ok && over.error.details?.some((d) => d.path === 'vendorId'), 'one more is refused, naming vendorId');
  assert.match(over.ok ? '' : over.error.message, new RegExp(`${MAX_UPSTREAMS_PER_PROVIDER} fourth parties`));
});

test('every change is in the audit trail under the provider, and deleting the provider takes its upstreams along', async () => {
  const { api, db, queue, ctx } = await register();
  unwrap(await api['settings.update']({ userName: 'Rita Reviewer' }));
  const aws = unwrap(await api['upstream.add']({ vendorId: db.id, party: 'AWS', kind: 'hosting', regions: [{ code: 'us-east-1' }] }));
  unwrap(await api['upstream.update']({ id: aws.id, patch: { regions: [{ code: 'us-east-1' }, { code: 'us-west-2' }] } }));
  // An update that changes nothing the trail records writes no row.
  unwrap(await api['upstream.update']({ id: aws.id, patch: { note: '' } }));
  const other = unwrap(await api['upstream.add']({ vendorId: queue.id, party: 'Cloudflare', kind: 'cdn' }));
  unwrap(await api['upstream.delete']({ id: other.id }));

  const trail = unwrap(await api['audit.list']({ vendorId: db.id })).filter((e) => e.entity === 'upstream').reverse();
  assert.deepEqual(trail.map((e) => e.action), ['create', 'update'], 'one row per change that changed something');
  assert.ok(trail.every((e) => e.vendorId === db.id && e.entityId === aws.id && e.actor === 'Rita Reviewer'), 'named by provider, upstream and who');
  assert.deepEqual(trail[0]!.new, { party: 'AWS', catalogue_id: 'aws', kind: 'hosting', regions: [{ code: 'us-east-1', uses: '' }], purpose: '', location: '', source: 'entered', note: '' });
  assert.deepEqual((trail[1]!.new as { regions: unknown }).regions, [{ code: 'us-east-1', uses: '' }, { code: 'us-west-2', uses: '' }], 'regions recorded as JSON');
  const queueTrail = unwrap(await api['audit.list']({ vendorId: queue.id })).filter((e) => e.entity === 'upstream');
  assert.deepEqual(queueTrail.map((e) => e.action), ['delete', 'create'], 'the other provider’s under its own name');
  assert.equal(unwrap(await api['audit.verify']({})).ok, true, 'the hash chain holds');

  unwrap(await api['vendor.delete']({ id: db.id }));
  assert.deepEqual(unwrap(await api['upstream.list']({})), [], 'the provider’s upstreams went with it');
  assert.equal((await ctx.store.get<{ n: number }>('SELECT COUNT(*) AS n FROM upstreams'))!.n, 0);
  const deleted = unwrap(await api['audit.list']({})).filter((e) => e.vendorId === db.id && e.entity === 'upstream' && e.action === 'delete');
  assert.equal(deleted.length, 1, 'the cascade is audited too, under the provider');
});
