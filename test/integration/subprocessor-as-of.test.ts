// The subprocessor annex as of a date, end to end (#12 review): a real register whose clock (the
// app's and the audit trail's) moves through a provider's history, the annex rendered for real and
// read back with pdftotext. Who was in use on the date comes from the trail; a reassessment draft
// never changes the facts the annex states; a provider added after the date is not part of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Vetted } from '../../electron/core/vetted';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { runCli } from '../helpers/cli';
import { pdfText, savePdf } from '../helpers/pdf';
import { answersFor } from '../helpers/review-fixtures';
import { tempDbPath } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';
import { flat, step, timedRegister } from '../helpers/as-of';

type Api = Vetted['api'];

async function answer(api: Api, reviewId: string, values: Record<string, string>) {
  for (const [questionId, value] of Object.entries(values)) unwrap(await api['answer.save']({ reviewId, questionId, value }));
}

async function answerAll(api: Api, reviewId: string) {
  for (const a of answersFor(INFRASTRUCTURE_TEMPLATE)) {
    if (typeof a.value === 'string') unwrap(await api['answer.save']({ reviewId, questionId: a.questionId, value: a.value }));
  }
  await answer(api, reviewId, { prv_personal_data: 'users', prv_data_location: 'choosable', prv_transfer_mechanism: 'not_needed', prv_dpa: 'yes' });
}


async function annex(api: Api, input: { date: string; includeProposed?: boolean }) {
  const list = unwrap(await api['report.subprocessors'](input));
  return { ...list, text: flat(pdfText(savePdf(Buffer.from(list.base64, 'base64')))) };
}

/** Logjam Cloud: added 2024-10-01 (proposed), approved 2024-11-05 by Ben (which made it active). */
async function logjam() {
  const r = await timedRegister('2024-10-01');
  const { api } = r;
  const vendor = unwrap(
    await api['vendor.create']({
      name: 'Logjam Cloud',
      legalName: 'Logjam Cloud GmbH',
      service: 'Central log search',
      category: 'logging',
      dataCategories: ['personal-data'],
      dataLocations: ['Ireland'],
      links: { dpa: 'https://logjam.example/dpa' },
    }),
  );
  const first = unwrap(await api['review.start']({ vendorId: vendor.id }));
  await answerAll(api, first.review.id);
  r.on('2024-11-04');
  await step(api, vendor.id, 'in_review', 'Ana');
  r.on('2024-11-05');
  await step(api, vendor.id, 'approved', 'Ben');
  return { ...r, vendorId: vendor.id };
}

test('a provider in use on the date and retired since is in that date’s annex; once retired it is left out, and both say so', async () => {
  const { api, vendorId, on } = await logjam();
  on('2026-12-01');
  unwrap(await api['vendor.update']({ id: vendorId, patch: { status: 'retired' } }));
  on('2026-12-04');

  const june = await annex(api, { date: '2025-06-01' });
  assert.equal(june.listed, 1, 'in use and approved on 2025-06-01');
  assert.ok(june.text.includes('Logjam Cloud GmbH'), june.text.slice(0, 800));
  assert.ok(june.text.includes('Approved 2024-11-05'), 'the decision it rests on');
  assert.deepEqual(june.leftOut, []);

  const now = await annex(api, { date: '2026-12-04', includeProposed: true });
  assert.equal(now.listed, 0);
  assert.deepEqual(now.leftOut.map((o) => [o.reason, o.words]), [['retired', 'retired on 2026-12-01, on or before 2026-12-04']]);
  assert.ok(!now.text.includes('Logjam Cloud GmbH'), 'not in the annex');
  assert.ok(now.text.includes('retired on or before 2026-12-04'), 'the reading note names retired providers');
});

test('a reassessment draft changes nothing the annex states: the decided facts and date, and the reassessment said to be in progress', async () => {
  const { api, vendorId, on } = await logjam();
  on('2026-02-15');
  const reassessment = unwrap(await api['review.start']({ vendorId }));
  await answer(api, reassessment.review.id, { prv_dpa: 'no', prv_data_location: 'unknown', prv_transfer_mechanism: 'none' });
  on('2026-03-01');

  const { text, warnings, listed } = await annex(api, { date: '2026-03-01' });
  assert.equal(listed, 1);
  assert.match(text, /Logjam Cloud GmbH .*Central log search .*Ireland .*Not needed: EEA\/UK only .*Signed .*https:\/\/logjam\.example\/dpa/, text);
  assert.match(text, /Approved 2024-11-05; reassessment in progress since 2026-02-15/, 'the decision date, and the reassessment');
  for (const draft of ['Unconfirmed', 'None recorded', 'None', 'not disclosed']) assert.ok(!text.includes(draft), `nothing from the draft: ${draft}`);
  assert.ok(!warnings.some((w) => /not disclosed|no data processing agreement|no transfer mechanism/.test(w)), warnings.join('\n'));
});

test('the CLI leaves out a provider added after the date, even with --include-proposed, and says so', () => {
  const db = tempDbPath();
  assert.equal(runCli(['demo', '--db', db]).status, 0);
  // Added today, in use and processing personal data: not part of an annex dated earlier.
  const add = runCli(['vendor', 'add', 'Nimbus Mail', '--legal-name', 'Nimbus Mail Inc.', '--status', 'active', '--data', 'personal-data', '--locations', 'United States', '--db', db]);
  assert.equal(add.status, 0, add.stderr);
  const out = `${db}.pdf`;
  const list = runCli(['subprocessors', '--out', out, '--date', '2025-01-02', '--include-proposed', '--db', db]);
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /Nimbus Mail: added after 2025-01-02 \(on \d{4}-\d{2}-\d{2}\)/);
  const text = flat(pdfText(out));
  assert.ok(!text.includes('Nimbus'), 'not in the annex, not even listed on request');
  assert.ok(text.includes('Logjam Cloud GmbH'), 'a demo provider approved before the date is listed');
});
