// Lossless exchange (#17): the demo register, exported, imported into an empty register and
// exported again, is the same register — its review lifecycle (sign-off steps, what decisions
// froze, findings, risk acceptances, evidence with its files) and its audit trail included, each
// entry of which now says which export it came from, followed by the import's own entry.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { AUDIT_GENESIS, auditRowHash } from '../../electron/core/db/audit-chain';
import { cliRegister } from '../helpers/cli';
import { dumpRegister } from '../helpers/db-dump';
import { assertSameButImportMarks, splitReceivedTrail } from '../helpers/register-trail';

/** The tables the lifecycle lives in (reviews hold the snapshot and the next-review date set by hand). */
const LIFECYCLE_TABLES = ['reviews', 'answers', 'review_steps', 'findings', 'acceptances', 'evidence', 'evidence_files', 'crypto_keys'];

/**
 * The audit trail compared by what it says: its old and new values are JSON, which SQLite writes
 * for a real number as 380.0 and JavaScript as 380 (the same value; the import appends what the
 * file holds). Any column the audit chain adds (a hash over the stored text) is left out for that
 * reason: the chain is checked by `vetted audit verify`, not here.
 */
function trailOf(file: string): { entity: string; imported_from: unknown }[] {
  return dumpRegister(file).audit_log!.map((row) => {
    const r = row as Record<string, unknown>;
    const parse = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
    return { id: r.id, at: r.at, actor: r.actor, entity: String(r.entity), entity_id: r.entity_id, vendor_id: r.vendor_id, action: r.action, old: parse(r.old_value), new: parse(r.new_value), imported_from: r.imported_from };
  });
}

/** Every row of the receiving trail chained to the one before (the rule of electron/core/db/audit-chain.ts). */
function assertChained(file: string): void {
  const db = new Database(file, { readonly: true });
  try {
    let previous = AUDIT_GENESIS;
    for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as (Parameters<typeof auditRowHash>[1] & { id: number; hash: string })[]) {
      const expected = auditRowHash(previous, row);
      assert.equal(row.hash, expected, `audit_log row ${row.id} is chained to the one before`);
      previous = expected;
    }
  } finally {
    db.close();
  }
}

test('vetted demo → export → import into an empty register → export: the same file but for exportedAt and the marks of the import, the same lifecycle tables and trail', () => {
  const source = cliRegister('vetted-roundtrip-src-');
  const target = cliRegister('vetted-roundtrip-dst-');
  const first = path.join(source.dir, 'first.json');
  const second = path.join(target.dir, 'second.json');
  source.ok('demo');
  const exported = source.ok('export', '--out', first);
  assert.match(exported, /2 decided, frozen at the decision/, `the CLI says what the export holds:\n${exported}`);

  const data = JSON.parse(fs.readFileSync(first, 'utf8'));
  // The demo's lifecycle is in the file: without it the rest of this test would prove nothing.
  assert.ok(data.reviewSteps.length >= 4, `sign-off steps travel: ${data.reviewSteps.length}`);
  assert.equal(data.reviews.filter((r: { snapshot: unknown }) => r.snapshot !== null).length, 2, 'two decisions frozen at the decision');
  assert.ok(data.findings.length >= 2, 'findings travel');
  assert.ok(data.acceptances.length >= 1, 'risk acceptances travel');
  assert.equal(data.evidence.length, 2, 'evidence travels');
  assert.ok(data.evidence.every((e: { content?: string }) => typeof e.content === 'string'), 'with its files');
  assert.ok(data.auditTrail.length > 100, `the audit trail travels: ${data.auditTrail.length} entries`);

  const imported = target.ok('import', first);
  for (const row of [/Sign-off steps\s+4\s+0\s+0\s+0/, /Findings\s+2\s+0\s+0\s+0/, /Risk acceptances\s+1\s+0\s+0\s+0/, /Evidence\s+2\s+0\s+0\s+0/, new RegExp(`Audit trail entries\\s+${data.auditTrail.length}\\s+0\\s+0\\s+0`)]) {
    assert.match(imported, row, `the import summary lists the lifecycle:\n${imported}`);
  }
  assert.match(imported, /No conflicts\./);
  target.ok('export', '--out', second);

  const again = JSON.parse(fs.readFileSync(second, 'utf8'));
  assert.notEqual(again.exportedAt, data.exportedAt, 'two exports, two moments');
  // Each copied entry is marked with the export it came from and the import closes the trail with
  // an entry of its own; everything else is the first file but for exportedAt.
  assert.match(imported, /ends at the chain head the file states/, `the import says the trail matched its head:\n${imported}`);
  assertSameButImportMarks(JSON.stringify({ ...again, exportedAt: data.exportedAt }), JSON.stringify(data));
  assertChained(target.db);

  const before = dumpRegister(source.db);
  const after = dumpRegister(target.db);
  for (const table of LIFECYCLE_TABLES) assert.deepEqual(after[table], before[table], `table ${table} is the same`);
  const { copied } = splitReceivedTrail(trailOf(target.db), (e) => e.imported_from as string | null);
  assert.deepEqual(
    copied.map((e) => ({ ...e, imported_from: null })),
    trailOf(source.db),
    'the audit trail is the same, entry for entry, then this register’s own entries',
  );
});
