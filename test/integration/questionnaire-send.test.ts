// questionnaire.send on a real register: the request kept and audited, the template the provider's
// open review uses (else the one a new review would), prefill with the provider's answers and never
// a reviewer's comment, and the refusals. The page itself has its own tests: here a stand-in
// composer records what the page would carry, so these tests do not need the page build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passphraseSource } from '../../electron/core/crypto/key-sources';
import { buildQuestionnaireRequest, sendQuestionnaire } from '../../electron/core/services/questionnaire-send';
import type { QuestionnaireRequest } from '../../shared/domain/vendor-exchange';
import { templateHash } from '../../shared/exchange/digest';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates';
import { exportTemplateJson } from '../../shared/templates/format';
import { dumpAnyRegister } from '../helpers/db-dump';
import { freshVetted, unwrap } from '../helpers/vetted';

const NOW = new Date('2026-12-04T10:00:00Z');
const SECRET = 'the reviewer’s private doubt';

async function setUp() {
  const vetted = await freshVetted({ now: () => NOW, keySource: passphraseSource('correct horse battery staple') });
  const { api } = vetted;
  unwrap(await api['settings.update']({ userName: 'Rita Reviewer' }));
  const vendor = unwrap(await api['vendor.create']({ name: 'Burrow MQ Ltd.', category: 'message-queue' }));
  return { ...vetted, vendor };
}

/** A stand-in page: records the request it was given. */
function recorder() {
  const seen: QuestionnaireRequest[] = [];
  return { seen, compose: (r: QuestionnaireRequest) => (seen.push(r), `<html>${r.requestId}</html>`) };
}

test('send keeps the request (audited as a request, by the user) and returns the page as a dated HTML file', async () => {
  const { api, ctx, vendor } = await setUp();
  const { seen, compose } = recorder();
  const sent = await sendQuestionnaire(ctx, { vendorId: vendor.id, contact: '  Jane Doe <jane@burrow.example>  ', due: '2027-01-15' }, compose);
  assert.equal(sent.fileName, 'questionnaire-burrow-mq-ltd-2026-12-04.html');
  assert.equal(sent.mediaType, 'text/html');
  assert.equal(Buffer.from(sent.base64, 'base64').toString(), `<html>${sent.request.id}</html>`);
  assert.equal(sent.bytes, Buffer.from(sent.base64, 'base64').length);
  assert.deepEqual(sent.warnings, []);
  const request = seen[0]!;
  assert.equal(request.contact, 'Jane Doe <jane@burrow.example>', 'the contact is trimmed');
  assert.equal(request.requestedBy, 'Rita Reviewer');
  assert.equal(request.due, '2027-01-15');
  assert.deepEqual(request.prefill, []);
  assert.equal(request.prefilledFrom, null);
  // No review yet: the template a new review would use, the built-in one, hashed in full.
  const builtIn = (await ctx.templates.get(INFRASTRUCTURE_TEMPLATE.id))!.template;
  assert.equal(request.template.id, builtIn.id);
  assert.equal(request.templateHash, templateHash(builtIn));
  assert.ok(!JSON.stringify(request.template).includes('"score"'), 'the page gets the questions, not the scoring');

  const listed = unwrap(await api['questionnaire.requests']({ vendorId: vendor.id }));
  assert.deepEqual(listed, [sent.request]);
  assert.equal(listed[0]!.vendorName, 'Burrow MQ Ltd.');
  assert.equal(listed[0]!.sentBy, 'Rita Reviewer');
  assert.equal(listed[0]!.receivedAt, null);
  const audit = unwrap(await api['audit.list']({ limit: 10 })).filter((e) => e.entity === 'request');
  assert.equal(audit.length, 1, 'one audit row for the request');
  assert.equal(audit[0]!.action, 'create');
  assert.equal(audit[0]!.actor, 'Rita Reviewer');
  assert.equal(audit[0]!.entityId, sent.request.id);
  assert.equal(audit[0]!.new?.contact, 'Jane Doe <jane@burrow.example>');
});

test('the template is the open review’s version, even when a newer one is stored', async () => {
  const { api, ctx } = await setUp();
  unwrap(await api['template.import']({ text: exportTemplateJson({ ...INFRASTRUCTURE_TEMPLATE, version: 1 }), id: 'infra-copy' }));
  const other = unwrap(await api['vendor.create']({ name: 'Copy Co', category: 'database', templateId: 'infra-copy' }));
  unwrap(await api['template.import']({ text: exportTemplateJson({ ...INFRASTRUCTURE_TEMPLATE, id: 'infra-copy', version: 2, name: 'Infra v2' }) }));
  const request = await buildQuestionnaireRequest(ctx, { vendorId: other.id });
  assert.equal(request.template.id, 'infra-copy');
  assert.equal(request.template.version, 1, 'the open review is on v1: the page asks v1');
  assert.equal(request.templateHash, templateHash((await ctx.templates.get('infra-copy', 1))!.template));
});

test('prefill sends value, N/A and the provider’s own comment, never a reviewer’s comment (confidential or not)', async () => {
  const { api, ctx, vendor } = await setUp();
  const { review } = unwrap(await api['review.start']({ vendorId: vendor.id }));
  const save = (questionId: string, fields: { value?: string; comment?: string; na?: boolean; confidential?: boolean }) =>
    api['answer.save']({ reviewId: review.id, questionId, ...fields }).then(unwrap);
  await save('sec_encryption_at_rest', { value: 'yes', comment: 'reviewer: plain note' });
  await save('sec_key_management', { value: 'unknown', comment: SECRET, confidential: true });
  await save('scl_upgrade_no_downtime', { na: true, comment: 'reviewer: one fixed plan' });
  await save('sec_vuln_management', { comment: 'a comment with no answer' });
  // The provider's own comment on one answer (as an accepted answers file leaves it).
  await ctx.sql.run("UPDATE answers SET provider_comment = 'provider: AES-256' WHERE question_id = 'sec_encryption_at_rest'");

  const request = await buildQuestionnaireRequest(ctx, { vendorId: vendor.id, prefill: true });
  assert.deepEqual(request.prefill, [
    { questionId: 'scl_upgrade_no_downtime', value: null, na: true, comment: '' },
    { questionId: 'sec_encryption_at_rest', value: 'yes', na: false, comment: 'provider: AES-256' },
    { questionId: 'sec_key_management', value: 'unknown', na: false, comment: '' },
  ]);
  assert.deepEqual(request.prefilledFrom, { date: '2026-12-04' }, 'only the date of the review the prefill is from: not its id or state');
  const whole = JSON.stringify(request);
  for (const text of ['reviewer:', SECRET, 'a comment with no answer']) assert.ok(!whole.includes(text), `the request never carries “${text}”`);
  const sealed = (await ctx.sql.get<{ comment: string }>("SELECT comment FROM answers WHERE question_id = 'sec_key_management'"))!.comment;
  assert.ok(!whole.includes(sealed), 'nor the sealed form of a confidential comment');
  // Without prefill, nothing held is sent.
  assert.deepEqual((await buildQuestionnaireRequest(ctx, { vendorId: vendor.id })).prefill, []);
});

test('prefill after a decision: the latest review’s answers that fit the template', async () => {
  const { api, ctx, vendor } = await setUp();
  const { review } = unwrap(await api['review.start']({ vendorId: vendor.id }));
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: 'sec_encryption_at_rest', value: 'yes' }));
  await ctx.sql.run("UPDATE reviews SET status = 'approved', completed_at = '2026-06-30T12:00:00.000Z' WHERE id = ?", [review.id]);
  const request = await buildQuestionnaireRequest(ctx, { vendorId: vendor.id, prefill: true });
  assert.deepEqual(request.prefill.map((p) => p.questionId), ['sec_encryption_at_rest']);
  assert.deepEqual(request.prefilledFrom, { date: '2026-06-30' }, 'the decided review, named by its date only');
});

test('refused, nothing stored: a due date before today, an unknown provider, a page that cannot be made', async () => {
  const { api, ctx, file, vendor } = await setUp();
  const before = await dumpAnyRegister(file);
  const past = await api['questionnaire.send']({ vendorId: vendor.id, due: '2026-12-03' });
  assert.equal(past.ok, false);
  assert.ok(!past.ok && past.error.code === 'validation', 'a past due date is a validation error');
  assert.deepEqual(!past.ok && past.error.details?.map((d) => d.path), ['due']);
  assert.match(!past.ok ? past.error.message : '', /2026-12-03 is before today \(2026-12-04\)/);
  // Today itself is fine (only the register side is exercised here).
  assert.equal((await buildQuestionnaireRequest(ctx, { vendorId: vendor.id, due: '2026-12-04' })).due, '2026-12-04');

  const unknown = await api['questionnaire.send']({ vendorId: 'no-such-provider' });
  assert.ok(!unknown.ok && unknown.error.code === 'not_found', 'an unknown provider is not_found');
  assert.match(!unknown.ok ? unknown.error.message : '', /no-such-provider/);

  await assert.rejects(
        async () => sendQuestionnaire(ctx, { vendorId: vendor.id }, () => { throw new Error('page script not built'); }),
        /page script not built/,
      );
  assert.deepEqual(await dumpAnyRegister(file), before, 'the register is unchanged');
});

test('through the API with the real page (npm run build:renderer first): the HTML carries the request, under a CSP, and no reviewer comment', async () => {
  const { api, ctx, vendor } = await setUp();
  const { review } = unwrap(await api['review.start']({ vendorId: vendor.id }));
  unwrap(await api['answer.save']({ reviewId: review.id, questionId: 'sec_encryption_at_rest', value: 'yes', comment: SECRET }));
  const sent = unwrap(await api['questionnaire.send']({ vendorId: vendor.id, prefill: true, due: '2027-01-15' }));
  const html = Buffer.from(sent.base64, 'base64').toString('utf8');
  assert.ok(html.includes(sent.request.id), 'the page names its request');
  assert.match(html, /Content-Security-Policy/);
  assert.ok(!html.includes(SECRET), 'no reviewer comment in the page');
  assert.equal(sent.request.prefilled, 1);
  assert.deepEqual(await ctx.requests.get(sent.request.id), (({ vendorName: _n, ...rest }) => rest)(sent.request));
});
