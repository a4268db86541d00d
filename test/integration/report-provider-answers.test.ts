// The review report, read back with pdftotext, says which answers the provider gave (who, when,
// which questionnaire) and prints the provider's comment apart from the reviewer's; an answer the
// reviewer changed afterwards is the reviewer's again and the report no longer credits the provider.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sendQuestionnaire } from '../../electron/core/services/questionnaire-send';
import type { QuestionnaireRequest } from '../../shared/domain/vendor-exchange';
import { buildAnswersFile } from '../../shared/exchange/answers-builder';
import { pdfText, savePdf } from '../helpers/pdf';
import { freshVetted, unwrap } from '../helpers/vetted';

const flat = (s: string) => s.replace(/\s+/g, ' ');

test('report: an answer from the provider says so, with their comment apart; a reviewer change takes the credit away', async () => {
  const vetted = await freshVetted();
  const { api, ctx } = vetted;
  unwrap(await api['settings.update']({ userName: 'Dana Whitfield' }));
  const vendor = unwrap(await api['vendor.create']({ name: 'Acme Cloud', category: 'hosting' }));
  const review = unwrap(await api['review.start']({ vendorId: vendor.id }));
  unwrap(await api['answer.save']({ reviewId: review.review.id, questionId: 'sec_pentest', value: 'internal_only', comment: 'Our own note on testing.' }));

  // The page itself is the page test's business: keep the request it would carry.
  let request: QuestionnaireRequest | undefined;
  await sendQuestionnaire(ctx, { vendorId: vendor.id, contact: 'Sam Provider <sam@acme.example>' }, (r) => {
        request = r;
        return '<!doctype html>';
      });
  assert.ok(request, 'a request was made');
  const file = buildAnswersFile(
    request,
    [
      { questionId: 'sec_pentest', value: 'third_party_shared', na: false, comment: 'Report shared under NDA, March 2026.' },
      { questionId: 'sec_encryption_at_rest', value: 'yes', na: false, comment: '' },
    ],
    'Sam Provider',
    '2026-12-05T10:00:00Z',
  );
  const receipt = unwrap(await api['questionnaire.receive']({ fileName: 'answers.json', text: JSON.stringify(file), accept: 'all' }));
  assert.deepEqual([...receipt.accepted].sort(), ['sec_encryption_at_rest', 'sec_pentest'], 'both answers were taken');

  const print = async () => {
    const pdf = unwrap(await api['report.vendor']({ vendorId: vendor.id, draft: true }));
    return flat(pdfText(savePdf(Buffer.from(pdf.base64, 'base64'))));
  };
  const text = await print();
  const credit = new RegExp(`Answered by: the provider \\(Sam Provider <sam@acme\\.example>\\), received \\d{4}-\\d{2}-\\d{2} in questionnaire ${request.requestId}`, 'g');
  assert.equal(text.match(credit)?.length, 2, `the report credits the provider with both answers:\n${text.slice(text.indexOf('Answers Every'), text.indexOf('Answers Every') + 2500)}`);
  assert.ok(text.includes("Provider's comment: Report shared under NDA, March 2026."), "the provider's comment is printed as theirs");
  assert.ok(text.includes('Comment: Our own note on testing.'), "the reviewer's comment is still printed as the reviewer's");
  assert.ok(text.includes("who gave it, where the provider did"), 'the Answers part says it marks who gave an answer');

  // The reviewer changes the provider's answer: it is the reviewer's now.
  unwrap(await api['answer.save']({ reviewId: review.review.id, questionId: 'sec_encryption_at_rest', value: 'no' }));
  const after = await print();
  const credits = after.split('Answered by: the provider').length - 1;
  assert.equal(credits, 1, 'only the answer still as the provider gave it is credited to them');
  vetted.close();
});
