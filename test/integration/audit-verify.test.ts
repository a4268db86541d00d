// Issue #17, item 6, as the issue tells it: with the register file open in any SQLite client, drop
// the trigger that keeps the trail append-only, edit a row, put the trigger back, and nothing
// noticed; slip in a backdated approval, and nothing noticed. Now `vetted audit verify` (and the
// audit.verify operation behind it and the Settings line) names the row.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { registerAuditFunctions } from '../../electron/core/db/audit-chain';
import { openVetted } from '../../electron/core/vetted';
import { cliRegister, REPO_ROOT } from '../helpers/cli';
import { tempDbPath } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';

/** A raw connection to the register file (no app functions registered: an attacker's sqlite3 shell). */
function tamper(file: string, work: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    work(db);
  } finally {
    db.close();
  }
}

/** Drops a trigger, runs `work`, and puts the trigger back exactly as it was. */
function withoutTriggers(db: Database.Database, names: string[], work: () => void): void {
  const saved = names.map((name) => (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { sql: string }).sql);
  for (const name of names) db.exec(`DROP TRIGGER ${name}`);
  work();
  for (const sql of saved) db.exec(sql);
}

const count = (db: Database.Database, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

test('the intact demo register verifies: every entry checked, the chain head named, exit 0', () => {
  const { ok, db } = cliRegister();
  ok('demo');
  const out = ok('audit', 'verify');
  const raw = new Database(db, { readonly: true });
  const last = raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
  const rows = count(raw, 'SELECT count(*) AS n FROM audit_log');
  raw.close();
  assert.ok(rows > 50, `the demo has a real trail (${rows} entries)`);
  assert.match(out, new RegExp(`^${rows} audit entries checked: the chain is intact\\.$`, 'm'));
  assert.match(out, new RegExp(`^Chain head: entry ${last.id}, ${last.hash}$`, 'm'));
  const json = JSON.parse(ok('audit', 'verify', '--json')) as unknown;
  assert.deepEqual(json, { rows, imported: 0, head: last, ok: true });
});

test('a row edited behind the app’s back (trigger dropped, row changed, trigger recreated) is named, exit 65', () => {
  const { ok, vetted, db } = cliRegister();
  ok('demo');
  let edited = 0;
  tamper(db, (raw) => {
    const target = raw.prepare("SELECT id FROM audit_log WHERE entity = 'answer' ORDER BY id LIMIT 1 OFFSET 10").get() as { id: number };
    edited = target.id;
    withoutTriggers(raw, ['audit_log_no_update'], () => {
      raw.prepare("UPDATE audit_log SET actor = 'Someone Else' WHERE id = ?").run(edited);
    });
    assert.throws(() => raw.prepare("UPDATE audit_log SET actor = 'again' WHERE id = ?").run(edited), /append-only/, 'the trigger is back');
  });
  const run = vetted('audit', 'verify');
  assert.equal(run.status, 65, `a broken chain exits 65:\n${run.stdout}${run.stderr}`);
  assert.match(run.stdout, new RegExp(`chain BROKEN at entry ${edited} \\(`), 'names the edited entry');
  assert.match(run.stdout, /its content was changed after it was written/);
  assert.match(run.stdout, new RegExp(`^Last entry that verified: ${edited - 1}, [0-9a-f]{64}$`, 'm'));
});

test('a backdated approval slipped in without a hash, or with a made-up one, is named', async () => {
  for (const hash of [null, 'f'.repeat(64)]) {
    const { ok, vetted, db } = cliRegister();
    ok('demo');
    let slipped = 0;
    tamper(db, (raw) => {
      const review = raw.prepare("SELECT id, vendor_id FROM reviews WHERE status = 'in_review' OR status = 'draft' LIMIT 1").get() as { id: string; vendor_id: string };
      // Without the app's functions the shell cannot even insert: the chain trigger needs them.
      const insert = `INSERT INTO audit_log (at, actor, entity, entity_id, vendor_id, action, old_value, new_value, hash)
                      VALUES ('2025-06-01T09:00:00.000Z', 'Approver', 'review', ?, ?, 'update', '{"status":"in_review"}', '{"status":"approved"}', ?)`;
      assert.throws(() => raw.prepare(insert).run(review.id, review.vendor_id, hash), /no such function/);
      withoutTriggers(raw, ['audit_log_chain', 'audit_log_muted'], () => {
        slipped = Number(raw.prepare(insert).run(review.id, review.vendor_id, hash).lastInsertRowid);
      });
    });
    const run = vetted('audit', 'verify', '--json');
    assert.equal(run.status, 65, `exit 65 (hash ${hash}):\n${run.stdout}${run.stderr}`);
    const check = JSON.parse(run.stdout) as { ok: boolean; firstBroken: { id: number; at: string; kind: string } };
    assert.deepEqual(
      [check.ok, check.firstBroken.id, check.firstBroken.at, check.firstBroken.kind],
      [false, slipped, '2025-06-01T09:00:00.000Z', hash === null ? 'unchained' : 'broken'],
      `the backdated row is named (hash ${hash})`,
    );
  }
});

test('a row inserted mid-trail, and a row removed mid-trail, are told apart from an edit', async () => {
  const { ok, db } = cliRegister();
  ok('demo');
  const check = async () => {
    const vetted = await openVetted(db, { logError: () => {} });
    try {
      return unwrap(await vetted.api['audit.verify']({}));
    } finally {
      vetted.close();
    }
  };
  const at = 20;
  const copy = path.join(path.dirname(db), 'removed.db');
  fs.copyFileSync(db, copy);
  // Inserted: every later row moved up one id, a made-up row in the gap (the chain fixes the order, not the ids).
  tamper(db, (raw) => {
    withoutTriggers(raw, ['audit_log_no_update', 'audit_log_chain', 'audit_log_muted'], () => {
      const ids = (raw.prepare('SELECT id FROM audit_log WHERE id > ? ORDER BY id DESC').all(at) as { id: number }[]).map((r) => r.id);
      for (const id of ids) raw.prepare('UPDATE audit_log SET id = id + 1 WHERE id = ?').run(id);
      raw
        .prepare("INSERT INTO audit_log (id, at, actor, entity, entity_id, action, new_value, hash) VALUES (?, '2025-06-01T09:00:00.000Z', 'x', 'vendor', 'v', 'create', '{}', ?)")
        .run(at + 1, 'a'.repeat(64));
    });
  });
  const inserted = await check();
  assert.deepEqual([inserted.ok, inserted.firstBroken?.id, inserted.firstBroken?.kind], [false, at + 1, 'inserted']);
  assert.deepEqual(inserted.head?.id, at, 'the last entry that verified is the one before');

  // Removed: the entry after the gap no longer chains to the one before it.
  tamper(copy, (raw) => {
    withoutTriggers(raw, ['audit_log_no_delete'], () => raw.prepare('DELETE FROM audit_log WHERE id = ?').run(at));
  });
  fs.copyFileSync(copy, db);
  for (const side of ['-wal', '-shm']) fs.rmSync(db + side, { force: true });
  const removed = await check();
  assert.deepEqual([removed.ok, removed.firstBroken?.id, removed.firstBroken?.kind], [false, at + 1, 'edited']);
  assert.match(removed.firstBroken!.reason, /or an entry just before it was removed/);
});

test('a schema 7 register is chained by the upgrade and verifies, and so does what is written after it', async () => {
  const file = tempDbPath();
  fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'registers', 'schema-7.sqlite'), file);
  const before = new Database(file, { readonly: true });
  const rows = count(before, 'SELECT count(*) AS n FROM audit_log');
  before.close();
  assert.ok(rows > 50, `the fixture has a trail to chain (${rows} entries)`);
  const vetted = await openVetted(file, { logError: () => {} });
  try {
    const upgraded = unwrap(await vetted.api['audit.verify']({}));
    assert.deepEqual([upgraded.ok, upgraded.rows, upgraded.head?.id], [true, rows, rows], 'every existing entry chained, in id order');
    const vendor = unwrap(await vetted.api['vendor.list']({}))[0]!;
    unwrap(await vetted.api['vendor.update']({ id: vendor.id, patch: { notes: 'after the upgrade' } }));
    const after = unwrap(await vetted.api['audit.verify']({}));
    assert.deepEqual([after.ok, after.rows], [true, rows + 1]);
    assert.notEqual(after.head?.hash, upgraded.head?.hash, 'the head moved on');
  } finally {
    vetted.close();
  }
});

test('INSERT OR REPLACE cannot rewrite an entry, not even the newest (delete triggers do not fire on REPLACE)', () => {
  const { ok, db } = cliRegister();
  ok('demo');
  const raw = new Database(db);
  registerAuditFunctions(raw);
  try {
    const last = raw.prepare('SELECT id, actor, at FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; actor: string; at: string };
    assert.throws(
      () =>
        raw
          .prepare("INSERT OR REPLACE INTO audit_log (id, at, actor, entity, entity_id, vendor_id, action, old_value, new_value) VALUES (?, '2019-01-01T00:00:00Z', 'ceo', 'review', 'x', NULL, 'update', NULL, NULL)")
          .run(last.id),
      /append-only/,
      'a replace of the newest entry is refused',
    );
    const after = raw.prepare('SELECT id, actor, at FROM audit_log ORDER BY id DESC LIMIT 1').get();
    assert.deepEqual(after, last, 'the newest entry is as it was');
  } finally {
    raw.close();
  }
  ok('audit', 'verify');
});
