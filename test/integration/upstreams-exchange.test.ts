// Fourth parties in the register exchange format and across schema versions: an export carries
// them (ordered by id) with their provider; an import into a fresh register gives them back
// exactly and audited; a re-import changes nothing, a newer change wins; an older export without
// them still imports; and a register from before migration 011 upgrades and records them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openVetted } from '../../electron/core/vetted';
import { REPO_ROOT } from '../helpers/cli';
import { assertSameButImportMarks } from '../helpers/register-trail';
import { tempDbPath } from '../helpers/tmp';
import { freshVetted, unwrap } from '../helpers/vetted';

type Register = Awaited<ReturnType<typeof freshVetted>>;

function clock(start = '2026-11-01T08:00:00.000Z') {
  const state = { t: Date.parse(start) };
  return { now: () => new Date(state.t), advance: (ms = 60_000) => void (state.t += ms) };
}

async function exportText(vetted: Register): Promise<string> {
  return Buffer.from(unwrap(await vetted.api['register.export']({})).base64, 'base64').toString('utf8');
}

async function source(c = clock()) {
  const vetted = await freshVetted({ now: c.now });
  const { api } = vetted;
  const db = unwrap(await api['vendor.create']({ name: 'Hosted DB', category: 'database', criticalPath: true }));
  const queue = unwrap(await api['vendor.create']({ name: 'Queue Co', category: 'message-queue' }));
  c.advance();
  const aws = unwrap(await api['upstream.add']({ vendorId: db.id, party: 'AWS', kind: 'hosting', regions: [{ code: 'us-east-1', uses: 'Primary' }, { code: 'us-west-2', uses: 'Failover' }], note: 'Multi-region' }));
  c.advance();
  unwrap(await api['upstream.import']({ vendorId: queue.id, content: 'Subprocessor,Purpose,Location\nAmazon Web Services,Hosting,US\n"Mailgun, Inc.",E-mail,US\n' }));
  return { ...vetted, c, db, queue, aws };
}

test('export → import into a fresh register → export gives the fourth parties back exactly, audited', async () => {
  const c = clock();
  const from = await source(c);
  c.advance();
  const text = await exportText(from);
  const data = JSON.parse(text) as { upstreams: { id: string; vendorId: string; party: string }[] };
  assert.equal(data.upstreams.length, 3);
  assert.deepEqual(data.upstreams.map((u) => u.id), data.upstreams.map((u) => u.id).sort(), 'ordered by id');

  const to = await freshVetted({ now: c.now });
  const report = unwrap(await to.api['register.import']({ text }));
  assert.deepEqual(report.upstreams, { added: 3, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.conflicts, []);
  assertSameButImportMarks(await exportText(to), text);
  assert.deepEqual(unwrap(await to.api['upstream.list']({})), unwrap(await from.api['upstream.list']({})), 'the same upstreams, regions and all');
  const trail = unwrap(await to.api['audit.list']({})).filter((e) => e.entity === 'upstream');
  assert.equal(trail.length, 3, 'the file’s trail of each came along');
  assert.ok(trail.every((e) => e.vendorId !== null && e.importedFrom !== null), 'each under its provider, marked as imported');

  const again = unwrap(await to.api['register.import']({ text }));
  assert.deepEqual(again.upstreams, { added: 0, updated: 0, unchanged: 3, conflicts: 0 }, 'the same file again changes nothing');
});

test('merging: the newer change wins; a provider not imported, or a party recorded under another id, is a conflict naming it', async () => {
  const c = clock();
  const from = await source(c);
  const to = await freshVetted({ now: c.now });
  unwrap(await to.api['register.import']({ text: await exportText(from) }));
  c.advance();
  unwrap(await from.api['upstream.update']({ id: from.aws.id, patch: { regions: [{ code: 'eu-central-1' }] } }));
  const extra = unwrap(await from.api['upstream.add']({ vendorId: from.db.id, party: 'Cloudflare', kind: 'cdn' }));
  // The receiving register recorded the same party itself, under its own id.
  unwrap(await to.api['upstream.add']({ vendorId: from.db.id, party: 'cloudflare', kind: 'dns' }));
  c.advance();
  const report = unwrap(await to.api['register.import']({ text: await exportText(from) }));
  assert.deepEqual(report.upstreams, { added: 0, updated: 1, unchanged: 2, conflicts: 1 });
  const conflict = report.conflicts.find((x) => x.kind === 'upstream')!;
  assert.equal(conflict.id, extra.id);
  assert.equal(conflict.name, 'Hosted DB: Cloudflare');
  assert.match(conflict.reason, /records this party for the provider under another id/);
  const aws = unwrap(await to.api['upstream.list']({})).find((u) => u.id === from.aws.id)!;
  assert.deepEqual(aws.regions, [{ code: 'eu-central-1', uses: '' }], 'the newer regions came in');

  // An upstream whose provider is not in the file is refused by the file check, naming the path.
  const data = JSON.parse(await exportText(from)) as { upstreams: { vendorId: string }[] };
  data.upstreams[0]!.vendorId = 'nobody';
  const bad = await to.api['register.import']({ text: JSON.stringify(data) });
  assert.ok(!bad.ok && bad.error.details?.some((d) => d.path === '$.upstreams[0].vendorId'), 'names $.upstreams[0].vendorId');
});

test('an older export without upstreams imports, and reads as none recorded', async () => {
  const from = await source();
  const data = JSON.parse(await exportText(from)) as Record<string, unknown>;
  delete data.upstreams;
  // The file's own trail would mention them; an older Vetted had none to mention.
  data.auditTrail = (data.auditTrail as { entity: string }[]).filter((e) => e.entity !== 'upstream');
  delete data.auditChainHead;
  const to = await freshVetted();
  const report = unwrap(await to.api['register.import']({ text: JSON.stringify(data) }));
  assert.deepEqual(report.upstreams, { added: 0, updated: 0, unchanged: 0, conflicts: 0 });
  assert.equal(report.vendors.added, 2);
  assert.deepEqual(unwrap(await to.api['upstream.list']({})), []);
});

test('a schema 10 register upgrades to 11: an empty upstreams table, audited from then on', async () => {
  const file = tempDbPath();
  fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'registers', 'schema-10.sqlite'), file);
  const vetted = await openVetted(file, { logError: () => {} });
  try {
    assert.ok((vetted.ctx.db.pragma('user_version', { simple: true }) as number) >= 11, 'migrated');
    assert.deepEqual(unwrap(await vetted.api['upstream.list']({})), []);
    const [vendor] = unwrap(await vetted.api['vendor.list']({}));
    const added = unwrap(await vetted.api['upstream.add']({ vendorId: vendor!.id, party: 'Amazon Web Services', kind: 'hosting', regions: [{ code: 'eu-west-1' }] }));
    const [entry] = unwrap(await vetted.api['audit.list']({ limit: 1 }));
    assert.deepEqual([entry!.entity, entry!.entityId, entry!.vendorId, entry!.action], ['upstream', added.id, vendor!.id, 'create']);
    assert.equal(unwrap(await vetted.api['audit.verify']({})).ok, true, 'the chain holds across the upgrade');
  } finally {
    vetted.close();
  }
});
