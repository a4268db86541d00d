// The vendor questionnaire in the real renderer against `vetted serve`: "Send questionnaire…" saves
// one HTML page (a download) carrying the request; the provider's answers file, built from that
// request, goes through "Receive answers…": the diff shows what is new, changed and left empty and
// what does not fit, two answers are ticked by keyboard and accepted, and the questionnaire then
// shows them as answered by the provider, with the provider's comment apart, and the score moved.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ReviewDetail } from '../../shared/api';
import type { Question } from '../../shared/domain/template';
import type { ProviderAnswer, QuestionnaireRequest } from '../../shared/domain/vendor-exchange';
import { buildAnswersFile } from '../../shared/exchange/answers-builder';
import { tempDir } from '../helpers/tmp';
import { callApi, openApp, screenshot, startServe } from './harness';

const CONTACT = 'Jane Doe <jane@northwind.example>';

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

function requestInPage(html: string): QuestionnaireRequest {
  const match = /<script type="application\/json" id="vetted-request">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(match, 'the page embeds its request as <script type="application/json" id="vetted-request">');
  return JSON.parse(match[1]!) as QuestionnaireRequest;
}

const answer = (questionId: string, value: ProviderAnswer['value'], comment = ''): ProviderAnswer => ({ questionId, value, na: false, comment });

test('send the questionnaire, receive the answers: the diff, two accepted by keyboard, answered by the provider', async () => {
  const served = await startServe();
  await callApi(served, 'settings.update', { userName: 'Casey Reviewer' });
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Northwind Cloud', category: 'hosting' });
  const started = await callApi<ReviewDetail>(served, 'review.start', { vendorId: vendor.id });
  const yesNo = started.template.sections.flatMap((s) => s.questions).filter((q) => q.kind === 'yesno' && !q.showWhen);
  assert.ok(yesNo.length >= 5, `the template has 5 unconditional yes/no questions (has ${yesNo.length})`);
  const [changed, fresh, commented, misfit, empty] = yesNo as [Question, Question, Question, Question, Question];
  await callApi(served, 'answer.save', { reviewId: started.review.id, questionId: changed.id, value: 'yes' });

  const { page, problems } = await openApp(served);
  await go(page, `#/vendor/${vendor.id}`);
  await page.getByRole('button', { name: 'Send questionnaire…' }).click();
  const send = page.getByRole('dialog', { name: 'Send the questionnaire to Northwind Cloud' });
  await send.getByText('Nothing goes online').waitFor();
  await send.getByLabel('Contact').fill(CONTACT);
  await screenshot(page, 'send-dialog');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), send.getByRole('button', { name: 'Save questionnaire page' }).click()]);
  const pageFile = path.join(tempDir('vetted-receive-e2e-'), download.suggestedFilename());
  await download.saveAs(pageFile);
  assert.match(download.suggestedFilename(), /\.html$/, `an HTML page is saved: ${download.suggestedFilename()}`);
  const html = fs.readFileSync(pageFile, 'utf8');
  assert.match(html.slice(0, 200), /<!doctype html>/i, 'the download is an HTML page');
  const request = requestInPage(html);
  assert.equal(request.contact, CONTACT, 'the page carries the contact typed in the dialog');
  await page.getByText(`(request ${request.requestId})`, { exact: false }).first().waitFor();

  const file = buildAnswersFile(
    request,
    [
      answer(changed.id, 'partial', 'Backups are encrypted from March.'),
      answer(fresh.id, 'yes'),
      answer(commented.id, 'yes', 'Enforced for every account since 2024.'),
      answer(misfit.id, 'maybe'),
      answer(empty.id, null),
    ],
    'John Smith',
    new Date().toISOString(),
  );
  const scoreBefore = await page.locator('.score-panel').innerText();

  await page.getByRole('button', { name: 'Receive answers…' }).click();
  const receive = page.getByRole('dialog', { name: 'Receive answers from Northwind Cloud' });
  // A file changed after the page saved it is refused in words, and nothing is taken.
  const tampered = { ...file, respondent: 'Someone else' };
  await receive.getByLabel('Answers file (.json)').setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
  const refusal = receive.getByRole('alert');
  await refusal.getByText('“tampered.json” was refused; nothing was taken.').waitFor();
  assert.match(await refusal.innerText(), /The file was changed after it was saved/, await refusal.innerText());
  assert.equal(await receive.getByTestId('receive-diff').count(), 0, 'no diff for a refused file');
  await screenshot(page, 'receive-refused');

  await receive.getByLabel('Answers file (.json)').setInputFiles({ name: 'answers.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const diff = receive.getByTestId('receive-diff');
  await diff.waitFor();
  const kindOf = async (id: string) => diff.locator(`tr[data-question-id="${id}"]`).getAttribute('data-change');
  assert.equal(await kindOf(fresh.id), 'new');
  assert.equal(await kindOf(commented.id), 'new');
  assert.equal(await kindOf(changed.id), 'changed');
  assert.equal(await kindOf(empty.id), 'empty');
  assert.equal(await diff.locator(`tr[data-question-id="${changed.id}"]`).getByText('Changed', { exact: true }).count(), 1, 'the kind of change in words');
  await receive.locator('.receive-rejected').getByText(misfit.id).waitFor();
  assert.match(await receive.locator('.receive-rejected').innerText(), /maybe/, 'the value that does not fit is shown as given');
  assert.equal(await receive.getByTestId('receive-digest').innerText(), file.sha256, 'the digest to confirm with the provider');
  await receive.getByText("Compare it with the digest in the provider's e-mail", { exact: false }).waitFor();
  assert.equal(await receive.getByRole('checkbox', { checked: true }).count(), 0, 'nothing is ticked to begin with');
  const acceptButton = receive.getByRole('button', { name: /^Accept \d+ answers?$/ });
  assert.equal(await acceptButton.isDisabled(), true, 'nothing to accept until something is ticked');

  // Two answers ticked by keyboard: the new one with a comment, and the changed one.
  await receive.getByRole('checkbox', { name: new RegExp(`^Take the provider’s answer to ${commented.id}:`) }).focus();
  await page.keyboard.press('Space');
  await receive.getByRole('checkbox', { name: new RegExp(`^Take the provider’s answer to ${changed.id}:`) }).focus();
  await page.keyboard.press('Space');
  await receive.getByText('2 answers of 3 selected').waitFor();
  await receive.getByRole('button', { name: 'Accept 2 answers' }).waitFor();
  await page.waitForFunction(() => !/nothing selected/.test(document.querySelector('[data-testid="receive-score"]')?.textContent ?? 'nothing selected'));
  await screenshot(page, 'receive-diff');

  await receive.getByRole('button', { name: 'Accept 2 answers' }).click();
  await page.getByText(`Accepted 2 answers into the review of Northwind Cloud as answered by the provider (${CONTACT}; filled in by John Smith).`).waitFor();
  await receive.waitFor({ state: 'hidden' });

  const card = page.locator(`fieldset[data-question-id="${commented.id}"]`);
  const note = card.getByTestId('provider-answer-note');
  await note.waitFor();
  assert.match(await note.innerText(), new RegExp(`Answered by the provider \\(${CONTACT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; filled in by John Smith\\), received`), 'who answered it, and when');
  assert.match(await note.innerText(), /Provider’s comment\s+Enforced for every account since 2024\./, "the provider's comment, apart from the reviewer's");
  assert.equal(await card.getByRole('button', { name: 'Add comment' }).count(), 1, "the reviewer's own comment stays empty: the provider's is not put in it");
  await page.locator(`fieldset[data-question-id="${changed.id}"]`).getByTestId('provider-answer-note').waitFor();
  assert.equal(await page.locator(`fieldset[data-question-id="${fresh.id}"]`).getByTestId('provider-answer-note').count(), 0, 'an answer not ticked was not taken');
  await page.waitForFunction((before) => document.querySelector('.score-panel')?.textContent !== null && (document.querySelector('.score-panel') as HTMLElement).innerText !== before, scoreBefore);

  await card.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'answered-by-provider');

  // The audit trail names the provider as the source and the reviewer who accepted it.
  await page.getByRole('navigation', { name: 'Provider views' }).getByRole('link', { name: 'History' }).click();
  const trail = page.getByRole('list', { name: 'Audit trail entries' });
  await trail.getByTestId('audit-row').first().waitFor();
  const rows = await trail.getByTestId('audit-row').allInnerTexts();
  const fromProvider = rows.filter((r) => r.includes(`answered by the provider (${CONTACT}; filled in by John Smith), accepted by Casey Reviewer`));
  assert.equal(fromProvider.length, 2, `the two accepted answers are audited as the provider's:\n${rows.join('\n---\n')}`);
  await trail.getByTestId('audit-row').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'audit-answered-by-provider');
  assert.ok(rows.some((r) => r.includes(`Questionnaire sent to ${CONTACT} (request ${request.requestId}`)), `the questionnaire sent is audited:\n${rows.join('\n---\n')}`);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
