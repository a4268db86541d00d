// The review report prints the audit trail's chain head as it stood at the end of the report's
// date, so a later rewrite of the trail contradicts the paper and later entries do not change it;
// when the chain does not verify, it prints no head and says where the trail failed (documents
// state only what the register holds).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { pdfText, savePdf } from '../helpers/pdf';
import { freshVetted, unwrap } from '../helpers/vetted';
import { verifyAuditChain } from '../../electron/core/services/audit-verify';

async function reportText(vetted: Awaited<ReturnType<typeof freshVetted>>, vendorId: string, name: string): Promise<{ text: string; file: string }> {
  const pdf = unwrap(await vetted.api['report.vendor']({ vendorId }));
  const file = savePdf(Buffer.from(pdf.base64, 'base64'), name);
  return { text: pdfText(file).replace(/\s+/g, ' '), file };
}

test('the review report prints the chain head when the trail verifies, and where it failed when it does not', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['demo.load']({}));
  // A provider with a decided review (the report of record, not a draft).
  const vendors = unwrap(await vetted.api['vendor.list']({}));
  const decided = await Promise.all(vendors.map(async (v) => (await vetted.api['report.vendor']({ vendorId: v.id })).ok));
  const vendor = vendors[decided.indexOf(true)]!;
  const check = unwrap(await vetted.api['audit.verify']({}));
  assert.ok(check.ok && check.head, 'the demo trail verifies');

  const intact = await reportText(vetted, vendor.id, 'intact.pdf');
  const today = new Date().toISOString().slice(0, 10);
  assert.ok(
    intact.text.includes(`Audit trail up to ${today}: ${check.rows} entries, chain head ${check.head.hash}`),
    'the report prints the entries and the full chain head',
  );
  assert.ok(pdfText(intact.file).includes(check.head.hash), 'the hash is one unbroken word on one line, to be read and copied exactly');
  assert.ok(intact.text.includes(`which is the head, entry ${check.head.id}`), "and which entry is the head");
  assert.ok(!intact.text.includes('failed verification'), 'an intact trail is not called broken');
  // Looked at: the last page, as a reader sees it.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-l', '99', intact.file, path.join(path.dirname(intact.file), 'page')]);

  const raw = new Database(vetted.file);
  const trigger = (raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").get() as { sql: string }).sql;
  raw.exec('DROP TRIGGER audit_log_no_update');
  raw.prepare("UPDATE audit_log SET actor = 'Someone Else' WHERE id = 12").run();
  raw.exec(trigger);
  raw.close();

  const broken = await reportText(vetted, vendor.id, 'broken.pdf');
  assert.match(broken.text, /The audit trail failed verification at entry 12 \(written [^)]+\): it no longer matches its hash/);
  assert.doesNotMatch(broken.text, /chain head [0-9a-f]{64}/, 'no chain head is printed for a trail that does not verify');
  assert.match(broken.text, /No chain head is printed/);
  assert.ok(!broken.text.includes(check.head.hash), 'not even the stored one');
});

test('the trail as of a date ends before the first entry written after it, and later entries leave its head unchanged', async () => {
  const vetted = await freshVetted();
  const entry = async (at: string, entityId: string) =>
    await vetted.ctx.audit.append({ at, actor: 'Ana', entity: 'setting', entityId, vendorId: null, action: 'update', old: null, new: { v: entityId }, importedFrom: null });
  const first = await entry('2026-01-10T09:00:00.000Z', 'a');
  const second = await entry('2026-02-15T23:59:00.000Z', 'b');
  await entry('2026-02-16T00:00:00.000Z', 'c');
  const before = await verifyAuditChain(vetted.ctx, '2026-02-15');
  assert.deepEqual([before.ok, before.rows, before.head?.id], [true, 2, second], 'the day ends at 24:00 UTC: two entries, the second is the head');
  assert.deepEqual([(await verifyAuditChain(vetted.ctx, '2026-01-31')).rows, (await verifyAuditChain(vetted.ctx, '2026-01-31')).head?.id], [1, first], 'one entry by the end of January');
  assert.equal((await verifyAuditChain(vetted.ctx, '2025-12-31')).head, null, 'nothing before the first entry');
  await entry('2026-03-01T10:00:00.000Z', 'd');
  assert.deepEqual(await verifyAuditChain(vetted.ctx, '2026-02-15'), before, 'an entry written later does not change the trail as it was');
  assert.equal((await verifyAuditChain(vetted.ctx)).rows, before.rows + 2, 'without a date, the whole trail');
  // An import appends entries with the dates they were first written, after newer ones.
  const imported = await entry('2026-01-20T10:00:00.000Z', 'e');
  const merged = await verifyAuditChain(vetted.ctx, '2026-02-15');
  assert.deepEqual([merged.ok, merged.rows, merged.head?.id, merged.datedLater], [true, 5, imported, 2], 'up to the last entry dated by then; the two dated later are counted apart');
});

test('an entry re-dated to after the day still breaks the trail a dated report states', async () => {
  const vetted = await freshVetted();
  const entry = async (at: string, entityId: string) =>
    await vetted.ctx.audit.append({ at, actor: 'Ana', entity: 'setting', entityId, vendorId: null, action: 'update', old: null, new: { v: entityId }, importedFrom: null });
  await entry('2026-01-10T09:00:00.000Z', 'a');
  const moved = await entry('2026-01-11T09:00:00.000Z', 'b');
  await entry('2026-01-12T09:00:00.000Z', 'c');
  const raw = new Database(vetted.file);
  const trigger = (raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").get() as { sql: string }).sql;
  raw.exec('DROP TRIGGER audit_log_no_update');
  raw.prepare("UPDATE audit_log SET at = '2026-12-31T09:00:00.000Z' WHERE id = ?").run(moved);
  raw.exec(trigger);
  raw.close();
  const check = await verifyAuditChain(vetted.ctx, '2026-01-31');
  assert.equal(check.ok, false, 'the re-dated entry is inside the part stated for 2026-01-31');
  assert.equal(check.firstBroken?.id, moved, 'and is named');
});
