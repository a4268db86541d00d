// Every earlier schema version has a register file in test/fixtures/registers (written by
// scripts/make-schema-fixture.ts at that version). Each opens with today's code, upgrades to the
// latest schema in place, and keeps every provider, review and answer exactly.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { openVetted } from '../../electron/core/vetted';
import { BUILT_IN_TEMPLATES } from '../../shared/templates';
import { REPO_ROOT } from '../helpers/cli';
import { tempDbPath } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';
import { pdfText, savePdf } from '../helpers/pdf';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'registers');

function readRows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** Every row of the given tables, restricted to the given columns (the fixture's schema). */
function everyRow(file: string, columns: Map<string, string[]>): Map<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = new Map<string, unknown[]>();
    for (const [table, names] of [...columns].sort(([a], [b]) => a.localeCompare(b))) {
      const list = names.map((c) => `"${c}"`).join(', ');
      rows.set(table, db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).all());
    }
    return rows;
  } finally {
    db.close();
  }
}

function columnsOf(file: string): Map<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    return new Map(tables.map(({ name }) => [name, (db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]).map((c) => c.name)]));
  } finally {
    db.close();
  }
}

const ANSWERS = 'SELECT review_id, question_id, value, comment, na, updated_at FROM answers ORDER BY review_id, question_id';

test('there is a fixture for every earlier schema version', () => {
  for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
    assert.ok(fs.existsSync(path.join(FIXTURES, `schema-${version}.sqlite`)), `schema-${version}.sqlite is missing: run scripts/make-schema-fixture.ts at that version`);
  }
});

for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
  test(`a schema ${version} register upgrades to ${LATEST_SCHEMA_VERSION} and keeps every row of every table`, async () => {
    const file = tempDbPath();
    fs.copyFileSync(path.join(FIXTURES, `schema-${version}.sqlite`), file);
    const answers = readRows(file, ANSWERS) as { comment: string }[];
    assert.ok(answers.length > 100, 'the fixture holds a real amount of answers');
    assert.ok(answers.some((a) => a.comment.includes('ünïcode')), 'the fixture has a comment to keep');
    const columns = columnsOf(file);
    const before = everyRow(file, columns);

    const vetted = await openVetted(file, { logError: () => {} });
    try {
      assert.equal(vetted.ctx.db.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION);
      // Every table the fixture had keeps every row, column for column (new columns aside). The
      // only rows added are the built-in template versions shipped since (stored beside the old).
      const after = everyRow(file, columns);
      assert.deepEqual([...after.keys()], [...before.keys()]);
      for (const [table, rows] of before) {
        const added = after.get(table)!.filter((row) => !rows.some((kept) => isDeepStrictEqual(kept, row)));
        assert.deepEqual(after.get(table)!.filter((row) => !added.includes(row)), rows, `table ${table}`);
        const key = (r: unknown) => `${(r as { id: string }).id}@${(r as { version: number }).version}`;
        const shippedSince = table === 'templates' ? BUILT_IN_TEMPLATES.map(key).filter((k) => !rows.map(key).includes(k)) : [];
        assert.deepEqual(added.map(key), shippedSince, `rows added to ${table}`);
      }
      assert.equal(vetted.ctx.db.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(vetted.ctx.db.pragma('foreign_key_check'), []);

      // The upgraded register works: scores, the lifecycle, and the audit trail from now on.
      const vendors = unwrap(await vetted.api['vendor.list']({}));
      assert.equal(vendors.length, before.get('vendors')!.length);
      assert.ok(vendors.some((v) => v.score !== null));
      const current = unwrap(await vetted.api['review.current']({ vendorId: vendors[0]!.id }))!;
      assert.equal(current.review.status, 'draft');
      const auditBefore = unwrap(await vetted.api['audit.list']({ limit: 1000 })).length;
      unwrap(await vetted.api['answer.save']({ reviewId: current.review.id, questionId: current.answers[0]!.questionId, comment: 'after the upgrade' }));
      assert.equal(unwrap(await vetted.api['audit.list']({ limit: 1000 })).length, Math.min(1000, auditBefore + 1));
    } finally {
      vetted.close();
    }
  });
}

test('a decided review from before scoring model 2 keeps the score its decision froze, read as model 1, in the API and the report', async () => {
  const file = tempDbPath();
  fs.copyFileSync(path.join(FIXTURES, 'schema-3.sqlite'), file);
  const frozen = new Database(file, { readonly: true });
  const row = frozen
    .prepare(`SELECT r.vendor_id AS vendorId, json_extract(r.snapshot, '$.score.overall') AS overall, json_extract(r.snapshot, '$.score.tier') AS tier
              FROM reviews r JOIN vendors v ON v.id = r.vendor_id WHERE v.name = 'StatusHarbor' AND r.snapshot IS NOT NULL`)
    .get() as { vendorId: string; overall: number; tier: string };
  frozen.close();
  const vetted = await openVetted(file, { logError: () => {} });
  try {
    // Its open draft (started after the decision) moves to the new model…
    const live = unwrap(await vetted.api['score.get']({ vendorId: row.vendorId }))!;
    assert.equal(live.model, 2, 'an open review is scored with model 2');
    assert.notEqual(live.coverage, null);
    // …while the decided review keeps its frozen score: the report (as of today) prints it.
    const pdf = unwrap(await vetted.api['report.vendor']({ vendorId: row.vendorId }));
    const text = pdfText(savePdf(Buffer.from(pdf.base64, 'base64'))).replace(/\s+/g, ' ');
    assert.ok(text.includes('Vetted scoring model 1, as frozen at the decision'), 'the report names the model of the frozen score');
    assert.ok(text.includes('Not recorded (scoring model 1 had no coverage)'), 'and says what model 1 did not record');
    assert.ok(text.includes(`${(Math.round(row.overall * 10) / 10).toFixed(1)} of 100`), `the frozen overall ${row.overall}`);
  } finally {
    vetted.close();
  }
});

test('schema 6 → 7: answers gain an empty provider comment and no provenance, a requests table, and the trail records both new columns', async () => {
  const file = tempDbPath();
  fs.copyFileSync(path.join(FIXTURES, 'schema-6.sqlite'), file);
  const vetted = await openVetted(file, { logError: () => {} });
  try {
    const db = vetted.ctx.db;
    const counts = db.prepare("SELECT COUNT(*) AS n, SUM(provider_comment = '') AS empty, SUM(answered_by IS NULL) AS unset FROM answers").get() as { n: number; empty: number; unset: number };
    assert.ok(counts.n > 100, 'the fixture holds answers');
    assert.equal(counts.empty, counts.n, 'every kept answer has an empty provider comment');
    assert.equal(counts.unset, counts.n, 'no kept answer claims to be the provider’s');
    assert.deepEqual(db.prepare('SELECT COUNT(*) AS n FROM questionnaire_requests').get(), { n: 0 });
    const answer = db.prepare('SELECT review_id, question_id FROM answers LIMIT 1').get() as { review_id: string; question_id: string };
    db.prepare("UPDATE answers SET provider_comment = 'from the provider' WHERE review_id = ? AND question_id = ?").run(answer.review_id, answer.question_id);
    const row = db.prepare("SELECT new_value FROM audit_log WHERE entity = 'answer' ORDER BY id DESC LIMIT 1").get() as { new_value: string };
    const recorded = JSON.parse(row.new_value) as Record<string, unknown>;
    assert.equal(recorded.provider_comment, 'from the provider');
    assert.ok('answered_by' in recorded, 'the trail records answered_by too');
  } finally {
    vetted.close();
  }
});
