// The vendor questionnaire in the register exchange format: the questionnaires sent (and the
// template version each asked) and the answers' provider comment and provenance travel in the
// export and come back exactly in an empty register; an older export without them still imports;
// a request that references nothing in the file is refused naming its JSON path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sendQuestionnaire } from '../../electron/core/services/questionnaire-send';
import type { AnsweredBy } from '../../shared/domain/vendor-exchange';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates';
import { exportTemplateJson } from '../../shared/templates/format';
import { dumpAnyRegister } from '../helpers/db-dump';
import { assertSameButImportMarks } from '../helpers/register-trail';
import { freshVetted, unwrap } from '../helpers/vetted';

const NOW = new Date('2026-12-04T10:00:00.000Z');
type Register = Awaited<ReturnType<typeof freshVetted>>;
type Json = Record<string, unknown> & { questionnaireRequests: Record<string, unknown>[]; answers: Record<string, unknown>[]; templates: { id: string; version: number }[] };

async function exportText(vetted: Register): Promise<string> {
  return Buffer.from(unwrap(await vetted.api['register.export']({})).base64, 'base64').toString('utf8');
}

const BY: AnsweredBy = {
  format: 'vetted',
  requestId: null,
  contact: 'Jane Doe <jane@burrow.example>',
  respondent: 'Jane',
  fileSha256: 'a'.repeat(64),
  receivedAt: NOW.toISOString(),
};

async function source() {
  const vetted = await freshVetted({ now: () => NOW });
  const { api, ctx } = vetted;
  // A provider with no review, sent the category default of the day: its request asks a template
  // no review uses and no setting names any more, which must still travel with it.
  unwrap(await api['template.import']({ text: exportTemplateJson({ ...INFRASTRUCTURE_TEMPLATE, version: 1 }), id: 'infra-copy' }));
  const burrow = unwrap(await api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' }));
  const quiet = unwrap(await api['vendor.create']({ name: 'Quiet DB', category: 'database' }));
  const { review } = unwrap(await api['review.start']({ vendorId: burrow.id }));
  const sent = (await sendQuestionnaire(ctx, { vendorId: burrow.id, contact: BY.contact!, due: '2027-01-15', prefill: true }, () => '<html></html>')).request;
  unwrap(await api['settings.update']({ defaultTemplates: { database: 'infra-copy' } }));
  const other = (await sendQuestionnaire(ctx, { vendorId: quiet.id }, () => '<html></html>')).request;
  unwrap(await api['settings.update']({ defaultTemplates: {} }));
  assert.equal(other.templateId, 'infra-copy');
  await ctx.reviews.putAnswer(review.id, { questionId: 'sec_encryption_at_rest', value: 'yes', comment: 'reviewer: fine', na: false, updatedAt: NOW.toISOString(), providerComment: 'AES-256', answeredBy: { ...BY, requestId: sent.id } });
  await ctx.reviews.putAnswer(review.id, { questionId: 'sec_encryption_in_transit', value: 'no', comment: '', na: false, updatedAt: NOW.toISOString() });
  await ctx.requests.markReceived(sent.id, NOW.toISOString(), 'b'.repeat(64));
  return { vetted, sent, other, review };
}

test('an export carries the questionnaires sent and the provider’s side of each answer; an empty register gets them back exactly (its audit trail marked as imported)', async () => {
  const { vetted, sent, other, review } = await source();
  const text = await exportText(vetted);
  const json = JSON.parse(text) as Json;
  assert.deepEqual(json.questionnaireRequests.map((r) => r.id), [sent.id, other.id].sort());
  const atRest = json.answers.find((a) => a.questionId === 'sec_encryption_at_rest')!;
  assert.equal(atRest.providerComment, 'AES-256');
  assert.deepEqual(atRest.answeredBy, { ...BY, requestId: sent.id });
  const inTransit = json.answers.find((a) => a.questionId === 'sec_encryption_in_transit')!;
  assert.ok(!('providerComment' in inTransit) && !('answeredBy' in inTransit), 'a reviewer’s answer carries neither');

  const target = await freshVetted({ now: () => NOW });
  const report = unwrap(await target.api['register.import']({ text }));
  assert.deepEqual(report.questionnaireRequests, { added: 2, updated: 0, unchanged: 0, conflicts: 0 });
  assert.deepEqual(report.conflicts, []);
  // Both were sent in the same instant: compared by id.
  const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  assert.deepEqual(byId(unwrap(await target.api['questionnaire.requests']({}))), byId(unwrap(await vetted.api['questionnaire.requests']({}))));
  assert.ok(json.templates.some((t) => t.id === 'infra-copy' && t.version === 1), 'the template version a request asked travels with it');
  const answers = await target.ctx.reviews.answers(review.id);
  assert.deepEqual(answers.find((a) => a.questionId === 'sec_encryption_at_rest'), {
    questionId: 'sec_encryption_at_rest', value: 'yes', comment: 'reviewer: fine', na: false, updatedAt: NOW.toISOString(), providerComment: 'AES-256', answeredBy: { ...BY, requestId: sent.id },
  });
  // The same file again changes nothing; its export is the same but for the marks of the first import.
  const again = unwrap(await target.api['register.import']({ text }));
  assert.deepEqual(again.questionnaireRequests, { added: 0, updated: 0, unchanged: 2, conflicts: 0 });
  assertSameButImportMarks(await exportText(target), text);
});

test('answers received later in the exporting register update the request; another request under the same id is a conflict, kept', async () => {
  const { vetted, other } = await source();
  const target = await freshVetted({ now: () => NOW });
  unwrap(await target.api['register.import']({ text: await exportText(vetted) }));
  await vetted.ctx.requests.markReceived(other.id, '2026-12-05T09:00:00.000Z', 'c'.repeat(64));
  const json = JSON.parse(await exportText(vetted)) as Json;
  const report = unwrap(await target.api['register.import']({ text: JSON.stringify(json) }));
  assert.deepEqual(report.questionnaireRequests, { added: 0, updated: 1, unchanged: 1, conflicts: 0 });
  assert.equal((await target.ctx.requests.get(other.id))?.receivedSha256, 'c'.repeat(64));

  const forged = json.questionnaireRequests.find((r) => r.id === other.id)!;
  forged.contact = 'Someone Else <x@example.com>';
  const before = await dumpAnyRegister(target.file);
  const conflicted = unwrap(await target.api['register.import']({ text: JSON.stringify(json) }));
  assert.equal(conflicted.questionnaireRequests.conflicts, 1);
  assert.deepEqual(conflicted.conflicts.map((c) => [c.kind, c.id]), [['request', other.id]]);
  assert.deepEqual(await dumpAnyRegister(target.file), before, 'the register’s copy was kept');
});

test('an export from before the questionnaire (no requests, no provider comments) still imports', async () => {
  const { vetted } = await source();
  const json = JSON.parse(await exportText(vetted)) as Json;
  delete (json as Partial<Json>).questionnaireRequests;
  for (const a of json.answers) {
    delete a.providerComment;
    delete a.answeredBy;
  }
  const target = await freshVetted({ now: () => NOW });
  const report = unwrap(await target.api['register.import']({ text: JSON.stringify(json) }));
  assert.deepEqual(report.questionnaireRequests, { added: 0, updated: 0, unchanged: 0, conflicts: 0 });
  assert.ok(report.answers.added >= 2, 'the answers came in');
  assert.deepEqual(unwrap(await target.api['questionnaire.requests']({})), []);
});

test('a request naming a provider or template version the file does not hold is refused, naming its JSON path, nothing stored', async () => {
  const { vetted } = await source();
  const json = JSON.parse(await exportText(vetted)) as Json;
  json.questionnaireRequests[0]!.vendorId = 'nobody';
  json.questionnaireRequests[1]!.templateVersion = 99;
  const target = await freshVetted({ now: () => NOW });
  const before = await dumpAnyRegister(target.file);
  const result = await target.api['register.import']({ text: JSON.stringify(json) });
  assert.ok(!result.ok && result.error.code === 'validation', 'refused');
  const paths = !result.ok ? (result.error.details ?? []).map((d) => d.path) : [];
  assert.ok(paths.includes('$.questionnaireRequests[0].vendorId'), `names the provider reference: ${paths.join(', ')}`);
  assert.ok(paths.includes('$.questionnaireRequests[1].templateId'), `names the template reference: ${paths.join(', ')}`);
  assert.deepEqual(await dumpAnyRegister(target.file), before);
});
