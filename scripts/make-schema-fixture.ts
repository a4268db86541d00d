// Writes test/fixtures/registers/schema-<N>.sqlite: a small register at the current schema
// version N, with the demo providers and a few answers that carry comments and N/A marks.
// Run it once at each schema version (before the next migration lands) and commit the file:
// test/integration/migration-fixtures.test.ts opens every one of them with the current code.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LATEST_SCHEMA_VERSION } from '../electron/core/db/migrations';
import { openVetted } from '../electron/core/vetted';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test', 'fixtures', 'registers', `schema-${LATEST_SCHEMA_VERSION}.sqlite`);
if (existsSync(out) && !process.argv.includes('--force')) {
  console.error(`${out} exists; fixtures of shipped versions never change (pass --force to rewrite).`);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
rmSync(out, { force: true });

// A fixed clock and id source, so the file's content does not depend on when it was made.
let tick = 0;
const vetted = await openVetted(out, {
  now: () => new Date(Date.UTC(2026, 0, 5, 9, 0, tick++)),
  newId: () => `fixture-${String(++tick).padStart(4, '0')}`,
  logError: () => {},
});
const demo = await vetted.api['demo.load']({});
if (!demo.ok) throw new Error(demo.error.message);
await vetted.api['settings.update']({ organisation: 'Fixture Ltd', userName: 'Fixture Author' });
const vendors = await vetted.api['vendor.list']({});
if (!vendors.ok) throw new Error(vendors.error.message);
const review = await vetted.api['review.current']({ vendorId: vendors.value[0]!.id });
if (!review.ok || !review.value) throw new Error('the first demo provider has no review');
const [first, second] = review.value.answers;
await vetted.api['answer.save']({ reviewId: review.value.review.id, questionId: first!.questionId, comment: 'Checked with their SOC 2 — ünïcode kept' });
await vetted.api['answer.save']({ reviewId: review.value.review.id, questionId: second!.questionId, na: true });
// From schema 2: the review lifecycle (an approved review, findings, an acceptance, evidence, the audit trail).
const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const approved = vendors.value.find((v) => v.state === 'scored')!;
const approvedReview = ok(await vetted.api['review.current']({ vendorId: approved.id }))!.review;
ok(await vetted.api['review.transition']({ reviewId: approvedReview.id, to: 'in_review' }));
ok(await vetted.api['review.transition']({ reviewId: approvedReview.id, to: 'approved_with_conditions', note: 'SSO by Q3' }));
ok(await vetted.api['review.start']({ vendorId: approved.id }));
const finding = ok(await vetted.api['finding.create']({ vendorId: approved.id, title: 'No SSO', severity: 'high', dueDate: '2026-06-30' }));
ok(await vetted.api['acceptance.create']({ findingId: finding.id, justification: 'VPN in front', expiresOn: '2026-12-31' }));
ok(await vetted.api['evidence.add']({ vendorId: approved.id, kind: 'soc2', fileName: 'soc2.pdf', base64: Buffer.from('%PDF-1.4 fixture').toString('base64'), expiresOn: '2026-09-30' }));
// From schema 11: fourth parties (one from the catalogue with regions, one typed in).
// (Since the demo carries fourth parties itself, the provider may record this one already: kept then.)
const aws = await vetted.api['upstream.add']({ vendorId: approved.id, party: 'Amazon Web Services', kind: 'hosting', regions: [{ code: 'eu-west-1', uses: 'EU customers' }, { code: 'us-east-1' }] });
if (!aws.ok && !/already records/.test(aws.error.message)) throw new Error(aws.error.message);
ok(await vetted.api['upstream.add']({ vendorId: approved.id, party: 'Fixture Mail GmbH', kind: 'email', purpose: 'Transactional e-mail', location: 'Germany' }));

vetted.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
vetted.ctx.db.exec('VACUUM');
vetted.close();
for (const suffix of ['-wal', '-shm']) rmSync(out + suffix, { force: true });
console.log(`wrote ${out} (schema ${LATEST_SCHEMA_VERSION})`);
