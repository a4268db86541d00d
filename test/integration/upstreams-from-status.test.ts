// Fourth parties read from the status page components the register holds for a provider, on a real
// register: the dry run writes nothing; the import adds what the preview said with source
// "status_components", in one transaction, audited; a provider with no known component gets an
// empty plan; an unknown provider is refused and nothing changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dumpAnyRegister } from '../helpers/db-dump';
import { freshVetted, unwrap } from '../helpers/vetted';

async function register() {
  let t = Date.parse('2026-12-04T10:00:00Z');
  const vetted = await freshVetted({ now: () => new Date((t += 1000)) });
  const vendor = unwrap(await vetted.api['vendor.create']({ name: 'Hosted DB', category: 'other', criticalPath: true }));
  const { api } = vetted;
  unwrap(await api['incident.add']({ vendorId: vendor.id, title: 'Elevated errors', startedAt: '2026-11-20T10:00:00Z', resolvedAt: '2026-11-20T11:00:00Z', components: ['AWS us-east-1', 'API'] }));
  unwrap(await api['incident.add']({ vendorId: vendor.id, title: 'Mail delayed', startedAt: '2026-11-21T10:00:00Z', resolvedAt: '2026-11-21T11:00:00Z', components: ['SendGrid API', 'Amazon Web Services - EC2 (eu-west-1)'] }));
  unwrap(await api['status.settings']({ vendorId: vendor.id, patch: { componentsUsed: ['Third-party: Stripe', 'API'] } }));
  return { ...vetted, vendor };
}

test('the dry run previews and writes nothing; the import adds exactly that, source status_components, audited', async () => {
  const { api, vendor, file } = await register();
  const before = await dumpAnyRegister(file);
  const preview = unwrap(await api['upstream.fromStatus']({ vendorId: vendor.id, dryRun: true }));
  assert.deepEqual(await dumpAnyRegister(file), before, 'a dry run writes nothing');
  assert.equal(preview.dryRun, true);
  assert.deepEqual(
    [...preview.components].sort(),
    ['API', 'AWS us-east-1', 'Amazon Web Services - EC2 (eu-west-1)', 'SendGrid API', 'Third-party: Stripe'].sort(),
    'components of its incidents and the ones you use, each once',
  );
  assert.deepEqual(
    preview.rows.map((r) => [r.action, r.catalogueId, r.regions]).sort(),
    [
      ['add', 'aws', ['eu-west-1', 'us-east-1']],
      ['add', 'sendgrid', []],
      ['add', 'stripe', []],
    ],
    'one upstream per party, AWS with both regions (in the order of the components: most often named, then by name)',
  );
  assert.deepEqual(preview.unmatched, ['API'], 'the component naming no catalogued party is listed');
  assert.equal(preview.upstreams.length, 3, 'as they would be');

  const done = unwrap(await api['upstream.fromStatus']({ vendorId: vendor.id }));
  assert.deepEqual({ ...done, dryRun: true, upstreams: null }, { ...preview, upstreams: null }, 'the import did what the preview said');
  const stored = unwrap(await api['upstream.list']({ vendorId: vendor.id }));
  assert.equal(stored.length, 3);
  assert.ok(stored.every((u) => u.source === 'status_components'), 'stored with source status_components');
  const aws = stored.find((u) => u.catalogueId === 'aws')!;
  assert.deepEqual(aws.regions.map((r) => r.code), ['eu-west-1', 'us-east-1']);
  assert.match(aws.purpose, /^Status page components: /);
  const trail = unwrap(await api['audit.list']({ vendorId: vendor.id })).filter((e) => e.entity === 'upstream');
  assert.equal(trail.filter((e) => e.action === 'create').length, 3, 'each addition audited under the provider');
  assert.equal(unwrap(await api['audit.verify']({})).ok, true, 'the hash chain holds');

  const again = unwrap(await api['upstream.fromStatus']({ vendorId: vendor.id }));
  assert.deepEqual([again.added, again.updated, again.unchanged], [0, 0, 3], 'reading the same components again changes nothing');
});

test('a party already recorded by hand gets the regions it lacks, and keeps what was entered', async () => {
  const { api, vendor } = await register();
  const mine = unwrap(await api['upstream.add']({ vendorId: vendor.id, party: 'Amazon Web Services', kind: 'hosting', regions: [{ code: 'us-east-1', uses: 'EU customers' }], note: 'Checked' }));
  const done = unwrap(await api['upstream.fromStatus']({ vendorId: vendor.id }));
  const row = done.rows.find((r) => r.catalogueId === 'aws')!;
  assert.deepEqual([row.action, row.upstreamId, row.reason], ['update', mine.id, 'regions added: eu-west-1']);
  const aws = unwrap(await api['upstream.list']({ vendorId: vendor.id })).find((u) => u.id === mine.id)!;
  assert.deepEqual(aws.regions, [{ code: 'us-east-1', uses: 'EU customers' }, { code: 'eu-west-1', uses: '' }]);
  assert.deepEqual([aws.source, aws.note], ['entered', 'Checked'], 'its source and note stay');
  const updates = unwrap(await api['audit.list']({ vendorId: vendor.id })).filter((e) => e.entity === 'upstream' && e.action === 'update');
  assert.equal(updates.length, 1, 'the change is audited');
});

test('no component on record gives an empty plan; an unknown provider is refused; nothing changes', async () => {
  const { api, file } = await register();
  const bare = unwrap(await api['vendor.create']({ name: 'Quiet SaaS', category: 'other' }));
  const before = await dumpAnyRegister(file);
  const empty = unwrap(await api['upstream.fromStatus']({ vendorId: bare.id }));
  assert.deepEqual([empty.components, empty.rows, empty.unmatched, empty.added], [[], [], [], 0], 'an empty plan, not an error');
  const missing = await api['upstream.fromStatus']({ vendorId: 'no-such-vendor' });
  assert.ok(!missing.ok && missing.error.code === 'not_found', 'an unknown provider is refused');
  assert.deepEqual(await dumpAnyRegister(file), before, 'nothing changed');
});
