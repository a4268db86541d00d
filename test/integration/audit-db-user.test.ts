// The database role in the audit trail (migration 14, issue 22) in a register file: its own rows
// leave it out and hash as before; rows that came from a team register keep theirs through a
// verify, the CSV, and an export and import into another register, whose stated head still holds.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AUDIT_GENESIS, auditRowHash, type ChainedContent } from '../../electron/core/db/audit-chain';
import { openVetted } from '../../electron/core/vetted';
import { tempDir } from '../helpers/tmp';
import { freshVetted, unwrap } from '../helpers/vetted';

test('a file’s own rows carry no database role, and the hash rule for them is the old one', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['vendor.create']({ name: 'Cinder DB' }));
  const rows = vetted.ctx.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as (ChainedContent & { hash: string })[];
  assert.ok(rows.length > 0);
  for (const row of rows) assert.equal(row.db_user, null);
  const { db_user: _none, ...withoutColumn } = rows[0]!;
  assert.equal(auditRowHash(AUDIT_GENESIS, withoutColumn), rows[0]!.hash, 'the same hash as before the column existed');
  const entries = unwrap(await vetted.api['audit.list']({ limit: 10 }));
  for (const entry of entries) assert.equal('dbUser' in entry, false);
});

test('rows a team register wrote keep their role through verify, CSV, export and import', async () => {
  const dir = tempDir();
  const source = await freshVetted();
  unwrap(await source.api['vendor.create']({ name: 'Cinder DB' }));
  // As vetted migrate-register writes a team register's rows into a file: with their role.
  await source.ctx.audit.append({
        at: '2026-12-06T09:00:00.000Z', actor: 'Ada Reviewer', entity: 'vendor', entityId: 'remote-1', vendorId: null,
        action: 'create', old: null, new: { name: 'Burrow MQ' }, importedFrom: null, dbUser: 'ada',
      });
  const row = source.ctx.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as ChainedContent & { id: number; hash: string };
  const before = source.ctx.db.prepare('SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1').get(row.id) as { hash: string };
  assert.equal(row.hash, auditRowHash(before.hash, row), 'the file’s chain trigger hashes the role');
  assert.notEqual(row.hash, auditRowHash(before.hash, { ...row, db_user: null }), 'the role is part of the hash');
  assert.equal(unwrap(await source.api['audit.verify']({})).ok, true);

  const listed = unwrap(await source.api['audit.list']({ limit: 1 }));
  assert.equal(listed[0]!.dbUser, 'ada');

  const csvFile = unwrap(await source.api['audit.export']({}));
  const csv = Buffer.from(csvFile.base64, 'base64').toString('utf8');
  assert.match(csv.split('\r\n')[0]!, /,"Imported from","Database role"$/);
  assert.ok(csv.split('\r\n').some((line) => line.includes('remote-1') && line.endsWith(',"ada"')), 'the CSV names the role');

  const exportedFile = unwrap(await source.api['register.export']({}));
  const text = Buffer.from(exportedFile.base64, 'base64').toString('utf8');
  const exported = JSON.parse(text) as { auditTrail: { entityId: string; dbUser?: string }[] };
  assert.equal(exported.auditTrail.find((e) => e.entityId === 'remote-1')!.dbUser, 'ada');
  assert.equal(exported.auditTrail.filter((e) => 'dbUser' in e).length, 1, 'left out where there is none');
  fs.writeFileSync(path.join(dir, 'register.json'), text);

  const target = await openVetted(path.join(dir, 'other.db'), { logError: () => {} });
  try {
    const report = unwrap(await target.api['register.import']({ text }));
    assert.notEqual(report.auditTrailHead, 'mismatch', JSON.stringify(report.auditTrailHead));
    const copied = target.ctx.db.prepare("SELECT db_user FROM audit_log WHERE entity_id = 'remote-1'").get() as { db_user: string };
    assert.equal(copied.db_user, 'ada');
    assert.equal(unwrap(await target.api['audit.verify']({})).ok, true);
  } finally {
    target.close();
  }
});
