// questionnaire.receive on a real register: an answers file as the provider's page writes it
// (buildAnswersFile, the page's own builder), compared with the open review, taken as accepted
// and audited as the provider's; every refusal leaves the register as it was.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { passphraseSource } from '../../electron/core/crypto/key-sources';
import { sendQuestionnaire } from '../../electron/core/services/questionnaire-send';
import type { Template } from '../../shared/domain/template';
import type { AnswersFile, ProviderAnswer, QuestionnaireRequest } from '../../shared/domain/vendor-exchange';
import { buildAnswersFile } from '../../shared/exchange/answers-builder';
import { answersDigest } from '../../shared/exchange/digest';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates';
import { exportTemplateJson } from '../../shared/templates/format';
import { REPO_ROOT } from '../helpers/cli';
import { dumpAnyRegister } from '../helpers/db-dump';
import { freshVetted, onlyOnAFile, unwrap } from '../helpers/vetted';
import type { Context } from '../../electron/core/context';

const NOW = new Date('2026-12-04T10:00:00Z');
const CONTACT = 'Jane Doe <jane@burrow.example>';
const SECRET = 'reviewer: do not trust their SOC 2';

const given = (questionId: string, value: ProviderAnswer['value'], comment = '', na = false): ProviderAnswer => ({ questionId, value, na, comment });

/** The provider's answers: one changed, one unchanged, one new, one N/A, one left empty, two that do not fit. */
const PROVIDER_ANSWERS: ProviderAnswer[] = [
  given('sec_encryption_at_rest', 'yes', 'AES-256, keys per tenant'),
  given('sec_encryption_in_transit', 'yes'),
  given('acc_sso', 'yes', 'via Okta'),
  given('scl_upgrade_no_downtime', null, 'one fixed plan', true),
  given('sec_secrets_handling', null),
  given('acc_mfa', 'maybe'),
  given('no_such_question', 'yes'),
];

async function setUp(options: { templateId?: string } = {}) {
  const vetted = await freshVetted({ now: () => NOW, keySource: passphraseSource('correct horse battery staple') });
  const { api, ctx } = vetted;
  unwrap(await api['settings.update']({ userName: 'Rita Reviewer' }));
  if (options.templateId) unwrap(await api['template.import']({ text: exportTemplateJson({ ...INFRASTRUCTURE_TEMPLATE, version: 1 }), id: options.templateId }));
  const vendor = unwrap(await api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' }));
  const { review } = unwrap(await api['review.start']({ vendorId: vendor.id, ...(options.templateId ? { templateId: options.templateId } : {}) }));
  const save = (questionId: string, fields: { value?: string; comment?: string; na?: boolean; confidential?: boolean }) =>
    api['answer.save']({ reviewId: review.id, questionId, ...fields }).then(unwrap);
  await save('sec_encryption_at_rest', { value: 'no', comment: 'reviewer: asked on the call' });
  await save('sec_encryption_in_transit', { value: 'yes', comment: SECRET, confidential: true });
  await save('sec_vuln_management', { value: 'documented' });
  await save('sec_key_management', { value: 'unknown' });
  const request = await send(ctx, vendor.id);
  return { ...vetted, vendor, review, request, save };
}

async function send(ctx: Awaited<ReturnType<typeof freshVetted>>['ctx'], vendorId: string): Promise<QuestionnaireRequest> {
  let request: QuestionnaireRequest | undefined;
  await sendQuestionnaire(ctx, { vendorId, contact: CONTACT }, (r) => ((request = r), '<html></html>'));
  return request!;
}

function fileText(request: QuestionnaireRequest, answers = PROVIDER_ANSWERS, respondent = 'Jane Doe'): string {
  return JSON.stringify(buildAnswersFile(request, answers, respondent, '2026-12-03T16:00:00.000Z'));
}

/** The file with a change made after it was saved; `redigest` recomputes its digest, as a forger would. */
function tampered(request: QuestionnaireRequest, change: (f: AnswersFile) => void, redigest: boolean): string {
  const file = JSON.parse(fileText(request)) as AnswersFile;
  change(file);
  if (redigest) {
    const { sha256: _drop, ...body } = file;
    void _drop;
    file.sha256 = answersDigest(body);
  }
  return JSON.stringify(file);
}

const auditCount = async (ctx: Context) => Number((await ctx.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log'))!.n);

test('a dry run shows the diff, the rejections and the score with every acceptable answer, and changes nothing', async () => {
  const { api, ctx, file, request, review } = await setUp();
  const before = await dumpAnyRegister(file);
  const audit = await auditCount(ctx);
  const receipt = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text: fileText(request), dryRun: true, accept: 'all' }));
  assert.equal(receipt.dryRun, true);
  assert.equal(receipt.format, 'vetted');
  assert.equal(receipt.request?.id, request.requestId);
  assert.equal(receipt.contact, CONTACT);
  assert.equal(receipt.respondent, 'Jane Doe');
  assert.equal(receipt.digest.stated, receipt.digest.computed);
  assert.deepEqual(receipt.review, { id: review.id, templateId: INFRASTRUCTURE_TEMPLATE.id, templateVersion: INFRASTRUCTURE_TEMPLATE.version, starts: false });
  const change = Object.fromEntries(receipt.rows.map((r) => [r.questionId, r.change]));
  assert.deepEqual(change, {
    sec_encryption_at_rest: 'changed',
    sec_encryption_in_transit: 'unchanged',
    sec_secrets_handling: 'empty',
    acc_sso: 'new',
    scl_upgrade_no_downtime: 'new',
  });
  assert.deepEqual(receipt.rejected.map((r) => r.questionId).sort(), ['acc_mfa', 'no_such_question']);
  assert.ok(receipt.rejected.every((r) => r.reason.length > 0), 'each rejection says why');
  assert.deepEqual(receipt.accepted, [], 'a dry run takes nothing');
  assert.ok(receipt.rows.every((r) => !r.accepted), 'no row is marked taken');
  assert.equal(receipt.counts.rejected, 2);
  assert.equal(receipt.counts.accepted, 0);
  assert.ok(receipt.score, 'the score is computed');
  assert.ok(receipt.score.after.completion > receipt.score.before.completion, 'the acceptable answers would complete more of the review');
  assert.deepEqual(await dumpAnyRegister(file), before, 'the register is byte for byte what it was');
  assert.equal(await auditCount(ctx), audit, 'no audit row');
});

test('accept by id takes only those, as the provider’s: the reviewer’s comment kept, the provider’s apart, the audit names contact and reviewer', async () => {
  const { api, request, review } = await setUp();
  const receipt = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text: fileText(request), accept: ['acc_sso', 'sec_encryption_at_rest'] }));
  assert.deepEqual([...receipt.accepted].sort(), ['acc_sso', 'sec_encryption_at_rest']);
  assert.deepEqual(receipt.rows.filter((r) => r.accepted).map((r) => r.questionId).sort(), ['acc_sso', 'sec_encryption_at_rest']);
  assert.equal(receipt.counts.accepted, 2);
  assert.notDeepEqual(receipt.score?.after, receipt.score?.before, 'the score moves with what was taken');

  const detail = unwrap(await api['review.current']({ vendorId: review.vendorId }))!;
  const answer = (id: string) => detail.answers.find((a) => a.questionId === id);
  const atRest = answer('sec_encryption_at_rest')!;
  assert.equal(atRest.value, 'yes');
  assert.equal(atRest.comment, 'reviewer: asked on the call', 'the reviewer’s comment is untouched');
  assert.equal(atRest.providerComment, 'AES-256, keys per tenant');
  assert.deepEqual(atRest.answeredBy, {
    format: 'vetted',
    requestId: request.requestId,
    contact: CONTACT,
    respondent: 'Jane Doe',
    fileSha256: receipt.digest.stated,
    receivedAt: NOW.toISOString(),
  });
  assert.equal(answer('acc_sso')?.providerComment, 'via Okta');
  assert.equal(answer('scl_upgrade_no_downtime'), undefined, 'an answer not named is not taken');
  assert.equal(answer('sec_encryption_in_transit')?.comment, SECRET, 'the confidential reviewer comment is untouched');

  const requests = unwrap(await api['questionnaire.requests']({}));
  assert.equal(requests[0]!.receivedAt, NOW.toISOString());
  assert.equal(requests[0]!.receivedSha256, receipt.digest.stated);

  const trail = unwrap(await api['audit.list']({ limit: 20 })).filter((e) => e.entity === 'answer' && e.entityId === `${review.id}/sec_encryption_at_rest`);
  const last = trail[0]!;
  assert.equal(last.actor, 'Rita Reviewer', 'accepted by the reviewer');
  assert.equal((last.new?.answered_by as { contact: string }).contact, CONTACT, 'answered by the provider’s contact');
  assert.equal(last.new?.provider_comment, 'AES-256, keys per tenant');
  assert.equal(last.old?.answered_by, null);
});

test('accept all takes every acceptable answer; a reviewer’s comment keeps the provenance, a changed value clears it', async () => {
  const { api, request, review, save } = await setUp();
  const receipt = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text: fileText(request), accept: 'all' }));
  assert.deepEqual([...receipt.accepted].sort(), ['acc_sso', 'scl_upgrade_no_downtime', 'sec_encryption_at_rest']);
  assert.deepEqual(receipt.rejected.map((r) => r.questionId).sort(), ['acc_mfa', 'no_such_question'], 'what does not fit is listed, the rest taken');
  assert.match(receipt.rejected.find((r) => r.questionId === 'acc_mfa')!.reason, /\S/);
  const current = async (id: string) => unwrap(await api['review.current']({ vendorId: review.vendorId }))!.answers.find((a) => a.questionId === id)!;
  const na = await current('scl_upgrade_no_downtime');
  assert.equal(na.na, true);
  assert.equal(na.comment, '', 'the reason is the provider’s comment; the reviewer’s stays empty');
  assert.equal(na.providerComment, 'one fixed plan');

  await save('acc_sso', { comment: 'reviewer: checked the Okta docs' });
  const commented = await current('acc_sso');
  assert.equal(commented.answeredBy?.contact, CONTACT, 'a comment-only save keeps the answer the provider’s');
  assert.equal(commented.providerComment, 'via Okta');
  await save('acc_sso', { value: 'partial' });
  const changed = await current('acc_sso');
  assert.equal(changed.answeredBy, undefined, 'a changed value is the reviewer’s');
  assert.equal(changed.providerComment, 'via Okta', 'the provider’s comment is never changed by the reviewer’s save');
  await save('scl_upgrade_no_downtime', { na: false, value: 'yes' });
  assert.equal((await current('scl_upgrade_no_downtime')).answeredBy, undefined, 'lifting the N/A makes it the reviewer’s too');
});

test('accept none, or an id with nothing to take, changes nothing', async () => {
  const { api, ctx, file, request } = await setUp();
  const before = await dumpAnyRegister(file);
  const audit = await auditCount(ctx);
  const none = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text: fileText(request) }));
  assert.deepEqual(none.accepted, []);
  assert.deepEqual(none.score?.after, none.score?.before, 'nothing accepted: the score stays');
  const bad = await api['questionnaire.receive']({ fileName: 'answers.json', text: fileText(request), accept: ['sec_encryption_in_transit', 'acc_sso'] });
  assert.ok(!bad.ok && bad.error.code === 'validation', 'an unchanged answer cannot be accepted');
  assert.deepEqual(!bad.ok && bad.error.details?.map((d) => d.path), ['accept']);
  assert.match(!bad.ok ? bad.error.message : '', /sec_encryption_in_transit/);
  assert.deepEqual(await dumpAnyRegister(file), before);
  assert.equal(await auditCount(ctx), audit);
});

test('refused with a clear message, nothing changed: malformed, digest mismatch, unknown request, another provider, wrong template', async () => {
  const { api, file, request, vendor } = await setUp();
  const other = unwrap(await api['vendor.create']({ name: 'Other Co', category: 'database' }));
  const before = await dumpAnyRegister(file);
  const refused = async (text: string, code: string, pattern: RegExp, extra: { vendorId?: string } = {}) => {
    const result = await api['questionnaire.receive']({ fileName: 'answers.json', text, accept: 'all', ...extra });
    assert.ok(!result.ok, `refused: ${pattern}`);
    assert.equal(result.error.code, code, result.error.message);
    assert.match(result.error.message, pattern);
  };
  await refused('{"format": "vetted.answers/1", ', 'validation', /^answers\.json: \$/);
  await refused(tampered(request, (f) => (f.answers[0]!.value = 'no'), false), 'validation', /changed after it was saved: its digest [0-9a-f]{64} does not match its content/);
  await refused(tampered(request, (f) => (f.requestId = 'never-sent'), true), 'not_found', /no questionnaire with request id never-sent was sent from this register/);
  await refused(fileText(request), 'validation', /this file answers the questionnaire sent to Burrow MQ, not Other Co/, { vendorId: other.id });
  await refused(tampered(request, (f) => (f.vendor = { id: other.id, name: 'Other Co' }), true), 'validation', /sent to Other Co, not Burrow MQ/);
  await refused(tampered(request, (f) => (f.template.hash = 'f'.repeat(64)), true), 'validation', /template .* was sent with/);
  assert.equal(unwrap(await api['questionnaire.receive']({ fileName: 'a.json', text: fileText(request), vendorId: vendor.id, dryRun: true })).vendor.id, vendor.id, 'the right provider named is fine');
  assert.deepEqual(await dumpAnyRegister(file), before);
});

/** v2 of the copy: sec_vuln_management dropped, sec_key_management without "unknown" (as in review-migrate.test.ts). */
function version2(id: string): Template {
  const v2 = structuredClone({ ...INFRASTRUCTURE_TEMPLATE, id, version: 2 }) as Template;
  const security = v2.sections.find((s) => s.id === 'security')!;
  security.questions = security.questions.filter((q) => q.id !== 'sec_vuln_management');
  const keys = security.questions.find((q) => q.id === 'sec_key_management')!;
  keys.options = keys.options!.filter((o) => o.id !== 'unknown');
  return v2;
}

test('a file for an older template version: refused naming moveToCurrent; with it, what still fits is taken and the rest listed', async () => {
  const { api, file, request, review } = await setUp({ templateId: 'infra-copy' });
  unwrap(await api['template.import']({ text: exportTemplateJson(version2('infra-copy')) }));
  const moved = unwrap(await api['review.migrate']({ reviewId: review.id }));
  const answers = [given('sec_vuln_management', 'adhoc'), given('sec_key_management', 'unknown'), given('acc_sso', 'yes', 'via Okta')];
  const text = fileText(request, answers);
  const before = await dumpAnyRegister(file);
  const old = await api['questionnaire.receive']({ fileName: 'answers.json', text, accept: 'all' });
  assert.ok(!old.ok && old.error.code === 'validation', 'an older version is refused');
  assert.deepEqual(!old.ok && old.error.details?.map((d) => d.path), ['moveToCurrent']);
  assert.match(!old.ok ? old.error.message : '', /version 1 of template infra-copy.*version 2.*moveToCurrent \(CLI --move-to-current\)/);
  assert.deepEqual(await dumpAnyRegister(file), before);

  const receipt = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text, accept: 'all', moveToCurrent: true }));
  assert.deepEqual(receipt.moved, { fromVersion: 1, toVersion: 2 });
  assert.equal(receipt.review.id, moved.review.review.id);
  assert.deepEqual(receipt.accepted, ['acc_sso']);
  assert.deepEqual(receipt.rejected.map((r) => r.questionId).sort(), ['sec_key_management', 'sec_vuln_management']);
});

test('a newer version that changed only what is never sent (weights, plausible ranges) takes the file as it is', async () => {
  const { api, request, review } = await setUp({ templateId: 'infra-copy' });
  const v2 = structuredClone({ ...INFRASTRUCTURE_TEMPLATE, id: 'infra-copy', version: 2 }) as Template;
  const security = v2.sections.find((s) => s.id === 'security')!;
  security.weight = 5;
  const hours = security.questions.find((q) => q.kind === 'number')!;
  hours.plausible = { min: 0, max: 10_000 };
  unwrap(await api['template.import']({ text: exportTemplateJson(v2) }));
  unwrap(await api['review.migrate']({ reviewId: review.id }));
  const receipt = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text: fileText(request, [given('acc_sso', 'yes', 'via Okta')]), accept: 'all' }));
  assert.deepEqual(receipt.moved, { fromVersion: 1, toVersion: 2 }, 'said, though nothing had to be moved');
  assert.deepEqual(receipt.accepted, ['acc_sso'], 'taken without moveToCurrent: the provider saw what v2 asks');
  assert.deepEqual(receipt.rejected, []);
});

test('no open review: a new draft review starts from the latest review’s answers, and the file’s answers go into it', async () => {
  const { api, ctx, request, review } = await setUp();
  await ctx.sql.run("UPDATE reviews SET status = 'approved', completed_at = ? WHERE id = ?", [NOW.toISOString(), review.id]);
  const dry = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text: fileText(request), dryRun: true }));
  assert.deepEqual(dry.review, { id: null, templateId: INFRASTRUCTURE_TEMPLATE.id, templateVersion: INFRASTRUCTURE_TEMPLATE.version, starts: true });
  assert.equal(dry.rows.find((r) => r.questionId === 'sec_encryption_at_rest')?.change, 'changed', 'held: the answers the new review would carry');
  assert.equal(unwrap(await api['review.current']({ vendorId: review.vendorId }))?.review.id, review.id, 'a dry run starts nothing');

  const taken = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text: fileText(request), accept: 'all' }));
  assert.ok(taken.review.id && taken.review.id !== review.id, 'a new review was started');
  const detail = unwrap(await api['review.current']({ vendorId: review.vendorId }))!;
  assert.equal(detail.review.id, taken.review.id);
  assert.equal(detail.review.status, 'draft');
  const byId = new Map(detail.answers.map((a) => [a.questionId, a]));
  assert.equal(byId.get('sec_encryption_at_rest')?.value, 'yes');
  assert.equal(byId.get('sec_vuln_management')?.value, 'documented', 'the carried answers are there too');
  assert.equal(byId.get('sec_vuln_management')?.answeredBy, undefined);
});

test('a VSAQ answers file onto a VSAQ-imported template: provider required, items matched, provenance without a request', async () => {
  const vetted = await freshVetted({ now: () => NOW });
  const { api, file } = vetted;
  unwrap(await api['template.import']({ text: fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/vsaq/test_template.json'), 'utf8'), id: 'vsaq-test' }));
  const vendor = unwrap(await api['vendor.create']({ name: 'Vsaq Co', category: 'database', templateId: 'vsaq-test' }));
  const text = JSON.stringify({ standard_1: 'checked', standard_2: '', data_warning: 'no', declaration: 'yes', not_an_item: 'x' });
  const before = await dumpAnyRegister(file);
  const noVendor = await api['questionnaire.receive']({ fileName: 'vsaq.json', text, accept: 'all' });
  assert.ok(!noVendor.ok && noVendor.error.code === 'validation', 'a VSAQ file names no provider');
  assert.deepEqual(!noVendor.ok && noVendor.error.details?.map((d) => d.path), ['vendorId']);
  const nothing = await api['questionnaire.receive']({ fileName: 'vsaq.json', text: '{"zzz": "checked"}', vendorId: vendor.id });
  assert.match(!nothing.ok ? nothing.error.message : '', /none of the 1 items in this file is a question of template/);
  assert.deepEqual(await dumpAnyRegister(file), before);

  const receipt = unwrap(await api['questionnaire.receive']({ fileName: 'vsaq.json', text, vendorId: vendor.id, accept: 'all' }));
  assert.equal(receipt.format, 'vsaq');
  assert.equal(receipt.request, null);
  assert.equal(receipt.digest.stated, null);
  assert.ok(receipt.accepted.includes('declaration'), 'a matched item is taken');
  assert.ok(receipt.rejected.some((r) => r.questionId === 'not_an_item'), 'an unknown item is listed');
  const detail = unwrap(await api['review.current']({ vendorId: vendor.id }))!;
  const declaration = detail.answers.find((a) => a.questionId === 'declaration')!;
  assert.equal(declaration.value, 'yes');
  assert.deepEqual(declaration.answeredBy, { format: 'vsaq', requestId: null, contact: null, respondent: null, fileSha256: receipt.digest.computed, receivedAt: NOW.toISOString() });
});

test('VSAQ’s own saved answers (the fixture) onto its template: the checkboxes and the check items come in, the rest is listed', async () => {
  const vetted = await freshVetted({ now: () => NOW });
  const { api } = vetted;
  unwrap(await api['template.import']({ text: fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/vsaq/test_template.json'), 'utf8'), id: 'vsaq-test' }));
  const vendor = unwrap(await api['vendor.create']({ name: 'Vsaq Co', category: 'database' }));
  unwrap(await api['settings.update']({ defaultTemplates: { database: 'vsaq-test' } }));
  const text = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/vsaq-answers/test_template-answers.json'), 'utf8');
  const receipt = unwrap(await api['questionnaire.receive']({ fileName: 'test_template-answers.json', text, vendorId: vendor.id, accept: 'all' }));
  assert.equal(receipt.review.starts, true, 'no review yet: one is started on the template a new review uses');
  assert.equal(receipt.review.templateId, 'vsaq-test');
  assert.deepEqual(receipt.rows.map((r) => [r.questionId, r.change, r.given.value]), [
    ['network.q1', 'new', ['standard_1']],
    ['declaration', 'new', 'yes'],
  ]);
  assert.deepEqual(receipt.rejected.map((r) => r.questionId).sort(), ['mycompany:company_specific', 'network_dmz', 'vsaq_todo_data_tip']);
  assert.deepEqual(receipt.accepted, ['network.q1', 'declaration']);
  const detail = unwrap(await api['review.current']({ vendorId: vendor.id }))!;
  assert.equal(detail.review.id, receipt.review.id);
  assert.deepEqual(detail.answers.find((a) => a.questionId === 'network.q1')?.value, ['standard_1']);
  assert.ok(receipt.score && receipt.score.after.completion > receipt.score.before.completion, 'the score moves with the answers taken');
});

test('a provider’s answer carried into the next review stays the provider’s, comment and all', async () => {
  const { api, ctx, request, review } = await setUp();
  unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text: fileText(request), accept: ['acc_sso'] }));
  await ctx.sql.run("UPDATE reviews SET status = 'approved', completed_at = ? WHERE id = ?", [NOW.toISOString(), review.id]);
  const next = unwrap(await api['review.start']({ vendorId: review.vendorId }));
  assert.notEqual(next.review.id, review.id);
  const carried = next.answers.find((a) => a.questionId === 'acc_sso')!;
  assert.equal(carried.providerComment, 'via Okta');
  assert.equal(carried.answeredBy?.requestId, request.requestId);
});

test('answers for a template the provider’s review is no longer on: a conflict naming both, nothing taken', async () => {
  const { api, ctx, file, request, review } = await setUp();
  unwrap(await api['template.import']({ text: exportTemplateJson({ ...INFRASTRUCTURE_TEMPLATE, version: 1 }), id: 'infra-copy' }));
  await ctx.sql.run("UPDATE reviews SET status = 'approved', completed_at = ? WHERE id = ?", [NOW.toISOString(), review.id]);
  unwrap(await api['review.start']({ vendorId: review.vendorId, templateId: 'infra-copy' }));
  const before = await dumpAnyRegister(file);
  const result = await api['questionnaire.receive']({ fileName: 'answers.json', text: fileText(request), accept: 'all' });
  assert.ok(!result.ok && result.error.code === 'conflict', 'another template is a conflict');
  assert.match(!result.ok ? result.error.message : '', new RegExp(`open review of Burrow MQ is on template infra-copy v1, but this questionnaire was sent on ${INFRASTRUCTURE_TEMPLATE.id}`));
  assert.deepEqual(await dumpAnyRegister(file), before);
});

test("a provider's comment on an answer they gave as it is held is taken, and the reviewer's value stays the reviewer's", async () => {
  const { api, ctx, review, request } = await setUp();
  const text = fileText(request, [given('sec_vuln_management', 'documented', 'Patched within 14 days.')]);
  const receipt = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text, accept: 'all' }));
  assert.deepEqual(receipt.accepted, ['sec_vuln_management'], 'the new comment is taken');
  assert.equal(receipt.rows[0]?.change, 'unchanged', 'the value is as held');
  const stored = await ctx.reviews.answer(review.id, 'sec_vuln_management');
  assert.equal(stored?.providerComment, 'Patched within 14 days.', "the provider's comment is kept");
  assert.equal(stored?.answeredBy, undefined, "the reviewer's value is not credited to the provider");
});

test('a dry run only reads: it answers while another process holds the write lock, and taking waits for it', onlyOnAFile('A second connection to the register file'), async () => {
  const { api, file, request } = await setUp();
  const text = fileText(request);
  // Another writer (the app, the CLI) in the middle of a write transaction on the same file.
  const other = new Database(file);
  other.pragma('busy_timeout = 0');
  other.prepare('BEGIN IMMEDIATE').run();
  try {
    const dry = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text, dryRun: true, accept: 'all' }));
    assert.ok(dry.rows.length > 0, 'the dry run shows its diff while the other writer holds the lock');
  } finally {
    other.prepare('ROLLBACK').run();
    other.close();
  }
  const taken = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text, accept: 'all' }));
  assert.ok(taken.accepted.length > 0, 'once the lock is free, the answers are taken');
});
