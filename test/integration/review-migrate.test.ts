// review.migrate: an open review moves to a newer version of its template, carrying the answers
// that still fit; and `vetted review migrate` on the command line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Template } from '../../shared/domain/template';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates';
import { exportTemplateJson } from '../../shared/templates/format';
import { newerTemplateVersion } from '../../electron/core/services/reviews';
import { runCli } from '../helpers/cli';
import { dumpAnyRegister } from '../helpers/db-dump';
import { freshVetted, unwrap } from '../helpers/vetted';

// A built-in id cannot be imported (template.import refuses it), so the built-in template comes in
// under its own id as v1 (whatever version it is as built in), then as a v2 of that id.
const ID = 'infra-copy';

/** v2: sec_vuln_management dropped, sec_key_management without its "unknown" option, one question added. */
function version2(): Template {
  const v2 = structuredClone({ ...INFRASTRUCTURE_TEMPLATE, id: ID, version: 2 }) as Template;
  const security = v2.sections.find((s) => s.id === 'security')!;
  security.questions = security.questions.filter((q) => q.id !== 'sec_vuln_management');
  const keys = security.questions.find((q) => q.id === 'sec_key_management')!;
  keys.options = keys.options!.filter((o) => o.id !== 'unknown');
  const template = security.questions.find((q) => q.id === 'sec_encryption_at_rest')!;
  security.questions.push({ ...structuredClone(template), id: 'sec_new_question', text: 'A question new in v2?' });
  return v2;
}

async function setUp() {
  const vetted = await freshVetted();
  const { api } = vetted;
  unwrap(await api['template.import']({ text: exportTemplateJson({ ...INFRASTRUCTURE_TEMPLATE, version: 1 }), id: ID }));
  const vendor = unwrap(await api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' }));
  const started = unwrap(await api['review.start']({ vendorId: vendor.id, templateId: ID, reviewer: 'Ada' }));
  const reviewId = started.review.id;
  const save = (questionId: string, fields: { value?: string; comment?: string; na?: boolean }) =>
    api['answer.save']({ reviewId, questionId, ...fields }).then(unwrap);
  await save('sec_encryption_at_rest', { value: 'yes', comment: 'AES-256, backups too' });
  await save('sec_key_management', { value: 'unknown', comment: 'not in the docs' });
  await save('sec_vuln_management', { value: 'documented' });
  // N/A where the template allows it, with its reason (scoring model 2).
  await save('scl_upgrade_no_downtime', { na: true, comment: 'one fixed plan, nothing to upgrade to' });
  assert.equal(started.latestVersion, 1);
  unwrap(await api['template.import']({ text: exportTemplateJson(version2()) }));
  return { ...vetted, vendor, reviewId };
}

test('review.migrate: carries the answers that still fit to a new draft on v2; the old review is untouched', async () => {
  const { api, ctx, file, vendor, reviewId } = await setUp();
  const current = unwrap(await api['review.current']({ vendorId: vendor.id }));
  assert.equal(current?.latestVersion, 2, 'the app can offer "Move to version 2"');
  assert.equal(await newerTemplateVersion(ctx, current.review), 2);

  const oldAnswers = (await dumpAnyRegister(file)).answers;
  const result = unwrap(await api['review.migrate']({ reviewId }));
  assert.deepEqual(result.carried.sort(), ['scl_upgrade_no_downtime', 'sec_encryption_at_rest']);
  assert.deepEqual(result.unmatched.map((u) => u.questionId).sort(), ['sec_key_management', 'sec_vuln_management']);
  const reason = (id: string) => result.unmatched.find((u) => u.questionId === id)!.reason;
  assert.match(reason('sec_vuln_management'), /not in v2/);
  assert.match(reason('sec_key_management'), /no longer fits/);

  const { review, answers, template, latestVersion } = result.review;
  assert.notEqual(review.id, reviewId);
  assert.equal(review.templateId, ID);
  assert.equal(review.templateVersion, 2);
  assert.equal(template.version, 2);
  assert.equal(latestVersion, 2);
  assert.equal(review.status, 'draft');
  assert.equal(review.reviewer, 'Ada');
  assert.equal(await newerTemplateVersion(ctx, review), null);
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  assert.deepEqual([...byId.keys()].sort(), ['scl_upgrade_no_downtime', 'sec_encryption_at_rest']);
  assert.equal(byId.get('sec_encryption_at_rest')?.value, 'yes');
  assert.equal(byId.get('sec_encryption_at_rest')?.comment, 'AES-256, backups too');
  assert.equal(byId.get('scl_upgrade_no_downtime')?.na, true);
  assert.equal(byId.get('scl_upgrade_no_downtime')?.comment, 'one fixed plan, nothing to upgrade to');

  const latest = unwrap(await api['review.current']({ vendorId: vendor.id }));
  assert.equal(latest?.review.id, review.id, 'the new review is the current one');
  const old = (await ctx.reviews.get(reviewId))!;
  assert.equal(old.templateVersion, 1);
  assert.equal(old.status, 'draft');
  const after = (await dumpAnyRegister(file)).answers as { review_id: string }[];
  assert.deepEqual(after.filter((a) => a.review_id === reviewId), oldAnswers, 'old answers unchanged');
});

test('review.migrate: a closed review is a conflict, an older or equal version a validation error, an unknown one not_found', async () => {
  const { api, ctx, file, reviewId } = await setUp();
  const before = await dumpAnyRegister(file);
  const same = await api['review.migrate']({ reviewId, toVersion: 1 });
  assert.equal(!same.ok && same.error.code, 'validation');
  assert.equal(!same.ok && same.error.details?.[0]?.path, 'toVersion');
  const unknown = await api['review.migrate']({ reviewId, toVersion: 7 });
  assert.equal(!unknown.ok && unknown.error.code, 'not_found');
  const noReview = await api['review.migrate']({ reviewId: 'nope' });
  assert.equal(!noReview.ok && noReview.error.code, 'not_found');
  assert.deepEqual(await dumpAnyRegister(file), before, 'nothing written');

  await ctx.reviews.update({ ...(await ctx.reviews.get(reviewId))!, status: 'approved' });
  const closed = await api['review.migrate']({ reviewId });
  assert.equal(!closed.ok && closed.error.code, 'conflict');
});

test('vetted review migrate: prints what carried and what did not; an unknown provider exits 2', async () => {
  const { file, close } = await setUp();
  close();
  const ok = runCli(['review', 'migrate', 'burrow mq', '--to-version', '2', '--db', file]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /to v2/);
  assert.match(ok.stdout, /Carried 2 answers; 2 unmatched\./);
  assert.match(ok.stdout, /sec_key_management: .*no longer fits/);
  assert.match(ok.stdout, /sec_vuln_management: .*not in v2/);

  const unknown = runCli(['review', 'migrate', 'Nobody', '--db', file]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /no provider named/);

  const again = runCli(['review', 'migrate', 'Burrow MQ', '--db', file]);
  assert.equal(again.status, 2, 'already on the newest version');
});
