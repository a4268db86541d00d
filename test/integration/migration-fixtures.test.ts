// Every earlier schema version has a register file in test/fixtures/registers (written by
// scripts/make-schema-fixture.ts at that version). Each opens with today's code, upgrades to the
// latest schema in place, and keeps every provider, review and answer exactly.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { openVetted } from '../../electron/core/vetted';
import { REPO_ROOT } from '../helpers/cli';
import { tempDbPath } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'registers');

function readRows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

const ANSWERS = 'SELECT review_id, question_id, value, comment, na, updated_at FROM answers ORDER BY review_id, question_id';
const VENDORS = 'SELECT * FROM vendors ORDER BY id';
const REVIEWS = 'SELECT id, vendor_id, template_id, template_version, status, reviewer, started_at, updated_at, completed_at FROM reviews ORDER BY id';

test('there is a fixture for every earlier schema version', () => {
  for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
    assert.ok(fs.existsSync(path.join(FIXTURES, `schema-${version}.sqlite`)), `schema-${version}.sqlite is missing: run scripts/make-schema-fixture.ts at that version`);
  }
});

for (let version = 1; version < LATEST_SCHEMA_VERSION; version++) {
  test(`a schema ${version} register upgrades to ${LATEST_SCHEMA_VERSION} and keeps every answer`, async () => {
    const file = tempDbPath();
    fs.copyFileSync(path.join(FIXTURES, `schema-${version}.sqlite`), file);
    const before = { answers: readRows(file, ANSWERS), vendors: readRows(file, VENDORS), reviews: readRows(file, REVIEWS) };
    assert.ok(before.answers.length > 100, 'the fixture holds a real amount of answers');
    assert.ok((before.answers as { comment: string }[]).some((a) => a.comment.includes('ünïcode')), 'the fixture has a comment to keep');

    const vetted = openVetted(file, { logError: () => {} });
    try {
      assert.equal(vetted.ctx.db.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION);
      assert.deepEqual(readRows(file, ANSWERS), before.answers);
      assert.deepEqual(readRows(file, VENDORS), before.vendors);
      assert.deepEqual(readRows(file, REVIEWS), before.reviews);
      assert.equal(vetted.ctx.db.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(vetted.ctx.db.pragma('foreign_key_check'), []);

      // The upgraded register works: scores, the lifecycle, and the audit trail from now on.
      const vendors = unwrap(await vetted.api['vendor.list']({}));
      assert.equal(vendors.length, before.vendors.length);
      assert.ok(vendors.some((v) => v.score !== null));
      assert.ok(vendors.every((v) => v.reassessment.state === 'not_approved' && v.openFindings === 0));
      const current = unwrap(await vetted.api['review.current']({ vendorId: vendors[0]!.id }))!;
      assert.deepEqual(current.steps, []);
      unwrap(await vetted.api['answer.save']({ reviewId: current.review.id, questionId: current.answers[0]!.questionId, comment: 'after the upgrade' }));
      assert.equal(unwrap(await vetted.api['audit.list']({})).length, 1);
    } finally {
      vetted.close();
    }
  });
}
