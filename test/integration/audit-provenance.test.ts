// An audit trail brought by a register import is the exporter's word, not this register's record
// (#17 review): a file whose trail does not end at the head it states is refused; every entry that
// comes in says which export it came from (and the chain hashes that); entries about this
// register's own records the file does not bring stay out; the import is an entry of its own; and
// an imported entry never decides who submitted a review (separation of duties).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUDIT_GENESIS, auditRowHash } from '../../electron/core/db/audit-chain';
import type { ExportedAuditEntry } from '../../shared/register/lifecycle-format';
import { cliRegister } from '../helpers/cli';
import { dumpAnyRegister } from '../helpers/db-dump';
import { freshVetted, unwrap } from '../helpers/vetted';

type Vetted = Awaited<ReturnType<typeof freshVetted>>;
interface ExportFile {
  exportedAt: string;
  auditTrail: ExportedAuditEntry[];
  auditChainHead: { entries: number; hash: string | null } | null;
  reviewSteps: { reviewId: string; from: string; to: string; by: string; at: string; note: string }[];
  vendors: { id: string; name: string }[];
  reviews: { id: string; vendorId: string }[];
  [key: string]: unknown;
}

async function exported(vetted: Vetted): Promise<ExportFile> {
  return JSON.parse(Buffer.from(unwrap(await vetted.api['register.export']({})).base64, 'base64').toString('utf8')) as ExportFile;
}

/** What a forger who knows the documented hash rule does: states the head their trail chains to. */
function restateHead(file: ExportFile): void {
  let previous = AUDIT_GENESIS;
  for (const e of file.auditTrail) {
    previous = auditRowHash(previous, {
      at: e.at, actor: e.actor, entity: e.entity, entity_id: e.entityId, vendor_id: e.vendorId, action: e.action,
      old_value: e.old === null ? null : JSON.stringify(e.old), new_value: e.new === null ? null : JSON.stringify(e.new), imported_from: e.importedFrom,
    });
  }
  file.auditChainHead = { entries: file.auditTrail.length, hash: previous };
}

const backdated = (vendorId: string, reviewId: string): ExportedAuditEntry => ({
  at: '2024-01-02T09:00:00.000Z',
  actor: 'Bo Approver',
  entity: 'review',
  entityId: reviewId,
  vendorId,
  action: 'update',
  old: { status: 'draft' },
  new: { status: 'in_review' },
  importedFrom: null,
});

test('a file whose trail was changed after the export is refused, naming the head, and changes nothing', async () => {
  const source = await freshVetted();
  unwrap(await source.api['demo.load']({}));
  const file = await exported(source);
  const vendor = file.vendors[0]!;
  const review = file.reviews.find((r) => r.vendorId === vendor.id)!;
  file.auditTrail.splice(3, 0, backdated(vendor.id, review.id));

  const target = await freshVetted();
  unwrap(await target.api['vendor.create']({ name: 'Only Here', category: 'other' }));
  const before = await dumpAnyRegister(target.file);
  const result = await target.api['register.import']({ text: JSON.stringify(file) });
  assert.ok(!result.ok, 'refused');
  assert.equal(result.error.code, 'validation');
  assert.match(result.error.message, /does not end at the chain head the file states .*Nothing was imported/);
  assert.deepEqual(result.error.details?.map((d) => d.path), ['$.auditChainHead'], 'the JSON path, as every import error names its field');
  assert.deepEqual(await dumpAnyRegister(target.file), before, 'the register is unchanged');
});

test('a backdated entry in a file with a restated head comes in marked as imported, and verify says how many are', async () => {
  const source = await freshVetted();
  unwrap(await source.api['demo.load']({}));
  const file = await exported(source);
  const vendor = file.vendors[0]!;
  const review = file.reviews.find((r) => r.vendorId === vendor.id)!;
  file.auditTrail.splice(0, 0, backdated(vendor.id, review.id));
  restateHead(file);

  const target = await freshVetted();
  unwrap(await target.api['settings.update']({ userName: 'Cy Importer' }));
  const report = unwrap(await target.api['register.import']({ text: JSON.stringify(file) }));
  assert.equal(report.auditTrailHead, 'matches');
  const trail = [...await target.ctx.audit.all(vendor.id)];
  const forged = trail.find((e) => e.actor === 'Bo Approver' && e.at === '2024-01-02T09:00:00.000Z');
  assert.ok(forged, 'the entry came in');
  assert.equal(forged.importedFrom, `export of ${file.exportedAt}`, 'marked with the export it came from: it cannot pass for this register’s own');
  assert.ok(trail.every((e) => e.importedFrom !== null), 'every entry the file brought is marked');

  const all = [...await target.ctx.audit.all()];
  const own = all.filter((e) => e.importedFrom === null);
  assert.ok(own.every((e) => (e.entity === 'setting' || e.entity === 'import') && e.actor === 'Cy Importer'), 'this register wrote only settings and the import');
  assert.equal(own.at(-1)!.entity, 'import', 'the import closes the trail');
  assert.equal(own.at(-1)!.new?.trail_added, file.auditTrail.length);

  const check = unwrap(await target.api['audit.verify']({}));
  assert.ok(check.ok, 'the chain verifies: the marks are part of it');
  assert.equal(check.imported, file.auditTrail.length, 'and it counts the imported entries');

  // Taking the mark off an imported entry breaks the chain (the hash covers it).
  target.ctx.db.exec('DROP TRIGGER audit_log_no_update');
  target.ctx.db.prepare('UPDATE audit_log SET imported_from = NULL WHERE actor = ?').run('Bo Approver');
  const broken = unwrap(await target.api['audit.verify']({}));
  assert.equal(broken.ok, false, 'an entry passed off as local no longer verifies');
});

test('merging: entries about this register’s own records that the file does not bring stay out, listed as conflicts', async () => {
  const here = await freshVetted();
  unwrap(await here.api['demo.load']({}));
  const local = unwrap(await here.api['vendor.list']({}))[0]!;
  const localReview = unwrap(await here.api['review.current']({ vendorId: local.id }))!.review;

  const elsewhere = await freshVetted();
  unwrap(await elsewhere.api['vendor.create']({ name: 'Brand New Queue', category: 'message-queue' }));
  const file = await exported(elsewhere);
  file.auditTrail.push(backdated(local.id, localReview.id));
  restateHead(file);

  const before = [...await here.ctx.audit.all(local.id)];
  const report = unwrap(await here.api['register.import']({ text: JSON.stringify(file) }));
  assert.equal(report.vendors.added, 1);
  assert.equal(report.auditTrail.conflicts, 1, 'one entry left out');
  const conflict = report.conflicts.find((c) => c.kind === 'audit')!;
  assert.equal(conflict.id, `auditTrail[${file.auditTrail.length - 1}]`);
  assert.match(conflict.reason, /left out: it is about provider .* which this register holds and the file does not bring/);
  assert.deepEqual([...await here.ctx.audit.all(local.id)], before, 'the local provider’s history is untouched');
});

test('an imported entry never decides who submitted a review: separation of duties still holds the submitter', async () => {
  const here = await freshVetted();
  unwrap(await here.api['demo.load']({}));
  const vendor = unwrap(await here.api['vendor.list']({})).find((v) => v.state === 'scored')!;
  const reviewId = unwrap(await here.api['review.current']({ vendorId: vendor.id }))!.review.id;
  unwrap(await here.api['settings.update']({ userName: 'Ana Auditor', separationOfDuties: true }));
  unwrap(await here.api['review.transition']({ reviewId, to: 'in_review' }));

  // A copy of this very register, with a later submission "by Bo" added to the steps and the trail.
  const file = await exported(here);
  const at = '2099-01-01T00:00:00.000Z';
  file.reviewSteps.push({ reviewId, from: 'in_review', to: 'in_review', by: 'Bo Approver', at, note: '' });
  file.auditTrail.push({ ...backdated(vendor.id, reviewId), at, old: { status: 'in_review' } });
  restateHead(file);
  const report = unwrap(await here.api['register.import']({ text: JSON.stringify(file) }));
  assert.equal(report.reviewSteps.added, 1, 'the forged step came in (the file brings the review)');
  assert.equal(report.auditTrail.added, 1, 'and so did its entry, marked as imported');

  const own = await here.api['review.transition']({ reviewId, to: 'approved' });
  assert.ok(!own.ok && own.error.code === 'validation', 'Ana, who submitted here, still cannot approve');
  assert.match(own.error.message, /Separation of duties is on/);
});

test('the CLI import says the file’s trail matched its head and that its entries are marked', () => {
  const source = cliRegister('vetted-provenance-src-');
  const target = cliRegister('vetted-provenance-dst-');
  source.ok('demo');
  const out = `${source.dir}/export.json`;
  source.ok('export', '--out', out);
  const done = target.ok('import', out);
  assert.match(done, /ends at the chain head the file states; the entries it brings are marked as imported from that export, and the import itself is an entry of its own/, done);
  const dry = target.ok('import', out, '--dry-run');
  assert.match(dry, /the entries it brings would be marked as imported/, dry);
  const verified = target.ok('audit', 'verify');
  assert.match(verified, /the chain is intact/, verified);
  assert.match(verified, /\d+ of them came in with register imports: each names the export it came from/, verified);
});

test('a review submitted in another register must be submitted again here before anyone approves it under separation of duties', async () => {
  const there = await freshVetted();
  unwrap(await there.api['demo.load']({}));
  const vendor = unwrap(await there.api['vendor.list']({})).find((v) => v.state === 'scored')!;
  const reviewId = unwrap(await there.api['review.current']({ vendorId: vendor.id }))!.review.id;
  unwrap(await there.api['settings.update']({ userName: 'Ana Auditor' }));
  // Ana submits, signing as Bo: her own register would still hold her to it.
  unwrap(await there.api['review.transition']({ reviewId, to: 'in_review', by: 'Bo Approver' }));
  const text = JSON.stringify(await exported(there));

  for (const [label, prepare] of [
    ['into an empty register', async (_v: Vetted) => {}],
    ['into one with data of its own', async (v: Vetted) => void unwrap(await v.api['vendor.create']({ name: 'Only Here', category: 'other' }))],
  ] as const) {
    const here = await freshVetted();
    await prepare(here);
    unwrap(await here.api['register.import']({ text }));
    unwrap(await here.api['settings.update']({ userName: 'Ana Auditor', separationOfDuties: true }));
    const own = await here.api['review.transition']({ reviewId, to: 'approved' });
    assert.ok(!own.ok && own.error.code === 'validation', `${label}: Ana cannot approve what she submitted elsewhere`);
    assert.match(own.error.message, /Separation of duties is on/, label);
  }

  const here = await freshVetted();
  unwrap(await here.api['register.import']({ text }));
  unwrap(await here.api['settings.update']({ userName: 'Cy Checker', separationOfDuties: true }));
  const unknown = await here.api['review.transition']({ reviewId, to: 'approved' });
  assert.ok(!unknown.ok, 'nobody approves a submission this register did not see');
  assert.match(unknown.error.message, /submitted for approval in another register .* send it back to draft and submit it again here/);
  unwrap(await here.api['settings.update']({ userName: 'Ana Auditor' }));
  unwrap(await here.api['review.transition']({ reviewId, to: 'draft' }));
  unwrap(await here.api['review.transition']({ reviewId, to: 'in_review' }));
  assert.ok(!(await here.api['review.transition']({ reviewId, to: 'approved' })).ok, 'submitted again by Ana: she still cannot approve');
  unwrap(await here.api['settings.update']({ userName: 'Cy Checker' }));
  assert.equal(unwrap(await here.api['review.transition']({ reviewId, to: 'approved' })).review.status, 'approved', 'someone else now can');
});

test('a user name the import sets is this register’s own audited change; the import is signed by who ran it', async () => {
  const source = await freshVetted();
  unwrap(await source.api['settings.update']({ userName: 'Bo Approver' }));
  unwrap(await source.api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' }));
  const target = await freshVetted();
  unwrap(await target.api['register.import']({ text: JSON.stringify(await exported(source)) }));
  const own = [...await target.ctx.audit.all()].filter((e) => e.importedFrom === null);
  assert.deepEqual(
    own.map((e) => [e.entity, e.entityId, e.actor, e.new?.value ?? null]),
    [
      ['setting', 'userName', 'Bo Approver', 'Bo Approver'],
      ['import', own[1]!.entityId, '', null],
    ],
    'the name adopted is an entry of this register; the import names who ran it (nobody yet), not the name it brought',
  );
  assert.equal(own[1]!.new?.settings_updated, 1);
});

test('an entry’s mark is always this import’s: a file cannot make one look local or choose its origin', async () => {
  const source = await freshVetted();
  unwrap(await source.api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' }));
  const file = await exported(source);

  file.auditTrail[0]!.importedFrom = '\u200B';
  restateHead(file);
  const blank = await (await freshVetted()).api['register.import']({ text: JSON.stringify(file) });
  assert.ok(!blank.ok, 'an invisible mark is refused');
  assert.ok(blank.error.details?.some((d) => d.path === '$.auditTrail[0].importedFrom'), JSON.stringify(blank.error.details));

  const claim = 'export of 2020-01-01T00:00:00.000Z from register 11111111-2222-4333-8444-555555555555';
  file.auditTrail[0]!.importedFrom = claim;
  restateHead(file);
  const target = await freshVetted();
  unwrap(await target.api['register.import']({ text: JSON.stringify(file) }));
  const entry = [...await target.ctx.audit.all()][0]!;
  assert.equal(entry.importedFrom, `export of ${file.exportedAt} (first: ${claim})`, 'this import’s origin first, the file’s claim after it');
});
