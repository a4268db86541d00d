// Optimistic concurrency on answers (issue 22): two people editing the same answer of one register
// (two windows, the app and the CLI; a team register later) get "changed by X at T" instead of a
// silent overwrite. Two connections to one real register file, as two processes would hold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import path from 'node:path';
import Database from 'better-sqlite3';
import { keyFileSource } from '../../electron/core/crypto/key-sources';
import { openVetted } from '../../electron/core/vetted';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { tempDir } from '../helpers/tmp';
import { freshVetted, firstQuestion, onlyOnAFile, unwrap } from '../helpers/vetted';

async function twoReviewers() {
  const keyFile = path.join(tempDir(), 'register.key');
  const keySource = keyFileSource(() => keyFile);
  const ada = await freshVetted({ keySource, now: () => new Date('2026-12-06T10:42:13.000Z') });
  const grace = await openVetted(ada.file, { keySource, logError: () => {}, now: () => new Date('2026-12-06T11:05:00.000Z') });
  const vendor = unwrap(await ada.api['vendor.create']({ name: 'Cinder DB' }));
  const { review, template, versions } = unwrap(await ada.api['review.start']({ vendorId: vendor.id }));
  const question = firstQuestion(template, 'yesno', (q) => q.weight > 0);
  const [yes, no] = [question.options![0]!.id, question.options![1]!.id];
  return { ada, grace, vendor, review, question, yes, no, versions, close: () => grace.close() };
}

test('a save made on an answer someone changed since is refused, naming who and when; Retry on their version saves over it', async () => {
  const t = await twoReviewers();
  try {
    assert.deepEqual(t.versions, {}, 'a new review has no answers yet');
    unwrap(await t.ada.api['settings.update']({ userName: 'Ada Reviewer' }));
    // Both opened the provider with no answer to the question (version 0).
    const first = unwrap(await t.ada.api['answer.save']({ reviewId: t.review.id, questionId: t.question.id, value: t.yes, basedOn: 0 }));
    assert.equal(first.version, 1);

    unwrap(await t.grace.api['settings.update']({ userName: 'Grace Approver' }));
    const refused = await t.grace.api['answer.save']({ reviewId: t.review.id, questionId: t.question.id, value: t.no, comment: 'not per the contract', basedOn: 0 });
    assert.equal(refused.ok, false);
    if (refused.ok) return;
    assert.equal(refused.error.code, 'conflict');
    assert.equal(refused.error.version, 1);
    assert.match(refused.error.message, new RegExp(`^Ada Reviewer changed this answer \\(${t.question.id}\\) at 2026-12-06 10:42 UTC, after the version yours was made on; yours was not saved\\.$`));
    // Nothing of Grace's change was stored.
    const stored = unwrap(await t.ada.api['review.current']({ vendorId: t.vendor.id }))!;
    const answer = stored.answers.find((a) => a.questionId === t.question.id)!;
    assert.equal(answer.value, t.yes);
    assert.equal(answer.comment, '');
    assert.equal(stored.versions[t.question.id], 1);

    // Retry, made on the version stored now: saved over Ada's.
    const over = unwrap(await t.grace.api['answer.save']({ reviewId: t.review.id, questionId: t.question.id, value: t.no, comment: 'not per the contract', basedOn: refused.error.version! }));
    assert.equal(over.version, 2);
    // Ada, still on version 1, is now the one told.
    const adaAgain = await t.ada.api['answer.save']({ reviewId: t.review.id, questionId: t.question.id, comment: 'fine', basedOn: 1 });
    assert.equal(!adaAgain.ok && adaAgain.error.code, 'conflict');
    assert.match(!adaAgain.ok ? adaAgain.error.message : '', /^Grace Approver changed this answer .* at 2026-12-06 11:05 UTC/);
  } finally {
    t.close();
  }
});

test('the same change sent twice (its answer lost on the way) is not a conflict, and no check without basedOn', async () => {
  const t = await twoReviewers();
  try {
    const input = { reviewId: t.review.id, questionId: t.question.id, value: t.yes, comment: 'per the SOC 2 report', basedOn: 0 };
    assert.equal(unwrap(await t.ada.api['answer.save'](input)).version, 1);
    const again = unwrap(await t.ada.api['answer.save'](input));
    assert.equal(again.version, 1, 'nothing stored twice');
    assert.equal(again.comment, 'per the SOC 2 report');
    // The CLI (and anything that sends no basedOn) saves as before.
    assert.equal(unwrap(await t.grace.api['answer.save']({ reviewId: t.review.id, questionId: t.question.id, value: t.no })).version, 2);
    // Every other writer counts the version up too: the next save made on 2 goes through.
    assert.equal(unwrap(await t.ada.api['answer.save']({ reviewId: t.review.id, questionId: t.question.id, na: false, comment: 'x', basedOn: 2 })).version, 3);
  } finally {
    t.close();
  }
});

test('a confidential comment sent twice is compared in clear text, not as its sealed bytes', async () => {
  const t = await twoReviewers();
  try {
    const input = { reviewId: t.review.id, questionId: t.question.id, comment: 'the DPA, clause 7', confidential: true, basedOn: 0 };
    assert.equal(unwrap(await t.ada.api['answer.save'](input)).version, 1);
    assert.equal(unwrap(await t.ada.api['answer.save'](input)).version, 1);
    const different = await t.ada.api['answer.save']({ ...input, comment: 'the DPA, clause 8' });
    assert.equal(!different.ok && different.error.code, 'conflict');
  } finally {
    t.close();
  }
});

test('the register file gains the version columns (migration 13), older answers at version 1', onlyOnAFile('a register file’s own migration'), async () => {
  const ada = await freshVetted();
  const raw = new Database(ada.file, { readonly: true });
  try {
    assert.equal(raw.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION);
    const columns = (raw.prepare('PRAGMA table_info(answers)').all() as { name: string; dflt_value: string }[]).map((c) => `${c.name}=${c.dflt_value}`);
    assert.ok(columns.includes('version=1'), columns.join(', '));
    assert.ok(columns.includes("updated_by=''"), columns.join(', '));
  } finally {
    raw.close();
  }
});
