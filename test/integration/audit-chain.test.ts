// The audit trail's hash chain as the database keeps it (migration 008): every row written by a
// trigger or by AuditRepository.append carries SHA-256 over the previous row's hash and its own
// content; a connection without the app's functions cannot write the audited tables; an import
// can mute the triggers and replay its own trail. The rule is recomputed here independently of
// electron/core/db/audit-chain.ts, so a change to the format fails this test.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { registerAuditFunctions } from '../../electron/core/db/audit-chain';
import { freshVetted, unwrap } from '../helpers/vetted';

interface Row {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  vendor_id: string | null;
  action: string;
  old_value: string | null;
  new_value: string | null;
  hash: string | null;
  imported_from: string | null;
}

/**
 * The documented rule: sha256(JSON [previous, at, actor, entity, entity_id, vendor_id, action,
 * old_value, new_value]), with imported_from as a tenth element on a row an import brought.
 */
function expectedHashes(rows: Row[]): string[] {
  let previous = '0'.repeat(64);
  return rows.map((r) => {
    const spelled = (v: string | null) => (v === null ? null : JSON.stringify(JSON.parse(v)));
    const fields = [previous, r.at, r.actor, r.entity, r.entity_id, r.vendor_id, r.action, spelled(r.old_value), spelled(r.new_value)];
    if (r.imported_from !== null) fields.push(r.imported_from);
    const canonical = JSON.stringify(fields);
    previous = createHash('sha256').update(canonical, 'utf8').digest('hex');
    return previous;
  });
}

const rowsOf = (db: Database.Database): Row[] => db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];

test('every row the triggers write is chained to the one before it', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['demo.load']({}));
  unwrap(await vetted.api['settings.update']({ userName: 'Ana Auditor' }));
  const vendor = unwrap(await vetted.api['vendor.create']({ name: 'Burrow Queue', category: 'message-queue' }));
  unwrap(await vetted.api['vendor.update']({ id: vendor.id, patch: { notes: 'chained' } }));
  const rows = rowsOf(vetted.ctx.db);
  assert.ok(rows.length > 50, `the demo leaves a real trail (${rows.length} rows)`);
  assert.deepEqual(
    rows.map((r) => r.hash),
    expectedHashes(rows),
    'each hash is SHA-256 over the previous hash and the row as stored',
  );
});

test('append writes a row with its own time and actor, chained like any other, even while the triggers are muted', async () => {
  const vetted = await freshVetted();
  const { audit, db } = vetted.ctx;
  unwrap(await vetted.api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' }));
  const entry = {
    at: '2025-03-01T10:00:00.000Z',
    actor: 'Someone Earlier',
    entity: 'vendor' as const,
    entityId: 'v-from-file',
    vendorId: 'v-from-file',
    action: 'create' as const,
    old: null,
    new: { name: 'From the file' },
    importedFrom: 'export of 2025-03-02T00:00:00.000Z',
  };
  await vetted.ctx.write(async (ctx) => {
    await ctx.audit.withTriggersMuted(async () => {
      db.prepare("INSERT INTO vendors (id, name, category, status, business_impact, tenancy, created_at, updated_at) VALUES ('v-muted', 'Muted', 'other', 'active', 'low', 'shared', '2025-01-01', '2025-01-01')").run();
      await ctx.audit.append(entry);
      db.prepare("UPDATE vendors SET notes = 'still muted' WHERE id = 'v-muted'").run();
    });
  });
  const rows = rowsOf(db);
  assert.deepEqual(
    rows.map((r) => [r.entity_id, r.actor, r.at]),
    [
      [rows[0]!.entity_id, '', rows[0]!.at],
      ['v-from-file', 'Someone Earlier', '2025-03-01T10:00:00.000Z'],
    ],
    'the muted insert and update wrote no row; the appended entry kept its time and actor',
  );
  assert.equal(rows[1]!.new_value, JSON.stringify({ name: 'From the file' }));
  assert.equal(rows[1]!.imported_from, 'export of 2025-03-02T00:00:00.000Z', 'the appended row names the export it came from');
  assert.deepEqual(rows.map((r) => r.hash), expectedHashes(rows), 'the appended row is chained');

  // The mute ends with the work, also when the work fails.
  await assert.rejects(vetted.ctx.write(() => audit.withTriggersMuted(async () => { throw new Error('import failed'); })), /import failed/);
  unwrap(await vetted.api['vendor.update']({ id: 'v-muted', patch: { notes: 'heard again' } }));
  assert.equal(rowsOf(db).length, 3, 'after the muted work the triggers write again');
  await assert.rejects(audit.withTriggersMuted(async () => 1), /inside a write transaction/);
});

test('a connection without the app’s functions cannot write an audited table, nor the trail', async () => {
  const vetted = await freshVetted();
  const vendor = unwrap(await vetted.api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' }));
  const raw = new Database(vetted.file);
  try {
    assert.throws(() => raw.prepare("UPDATE vendors SET notes = 'by hand' WHERE id = ?").run(vendor.id), /no such function: vetted_audit/);
    assert.throws(
      () => raw.prepare("INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES ('2020-01-01T00:00:00.000Z', 'x', 'vendor', 'v', 'create')").run(),
      /no such function: vetted_audit/,
    );
    assert.throws(() => raw.prepare("UPDATE audit_log SET actor = 'someone else'").run(), /append-only/);
    // With the functions, a row cannot bring its own hash, and a hash once set never changes.
    registerAuditFunctions(raw);
    assert.throws(
      () => raw.prepare("INSERT INTO audit_log (at, actor, entity, entity_id, action, hash) VALUES ('2020-01-01T00:00:00.000Z', 'x', 'vendor', 'v', 'create', 'made-up')").run(),
      /append-only/,
    );
    assert.throws(() => raw.prepare("UPDATE audit_log SET hash = 'made-up'").run(), /append-only/);
    raw.prepare("UPDATE vendors SET notes = 'by hand' WHERE id = ?").run(vendor.id);
  } finally {
    raw.close();
  }
  const rows = rowsOf(vetted.ctx.db);
  assert.equal(rows.length, 2, 'the write with the functions registered left its row');
  assert.deepEqual(rows.map((r) => r.hash), expectedHashes(rows));
});
