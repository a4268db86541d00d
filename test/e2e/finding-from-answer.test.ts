// "Create finding" on a question (issue #18): a short dialog prefilled from why the answer lost
// points, with owner, due date and severity; bad input is refused on its field and nothing is
// saved; Cancel and Save both give the focus back to the question; one step, no Findings tab.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { FindingView, VendorSummary } from '../../shared/api';
import { answerFindingSeverity, answerFindingTitle, lossOf } from '../../shared/domain/answer-finding';
import { localIsoDate } from '../../shared/domain/dates';
import { TIER_LABELS } from '../../shared/domain/labels';
import { questionIndex } from '../../shared/domain/template';
import type { ScoreResult } from '../../shared/scoring/types';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { callApi, openApp, screenshot, startServe } from './harness';

const questions = questionIndex(INFRASTRUCTURE_TEMPLATE);

/** A date `days` from today, as the date inputs take it. */
function inDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localIsoDate(date);
}

/** What has the focus: its role-ish tag, its text and test id. */
async function focused(page: Page): Promise<{ tag: string; text: string; testId: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', text: (el?.textContent ?? '').trim(), testId: el?.getAttribute('data-testid') ?? null };
  });
}

test('Create finding opens a short prefilled dialog; bad input is named and not saved; the focus comes back to the question', async () => {
  const served = await startServe({ demo: true });
  await callApi(served, 'settings.update', { userName: 'Bo Risk' });
  const keystone = (await callApi<VendorSummary[]>(served, 'vendor.list', {})).find((v) => v.name === 'Keystone Config')!;
  const score = (await callApi<ScoreResult>(served, 'score.get', { vendorId: keystone.id }))!;
  const loss = score.explanation.find((l) => l.flagId === undefined && questions.has(l.questionId) && lossOf(score.explanation, l.questionId) === l);
  assert.ok(loss, 'Keystone Config lost points on a question');
  const question = questions.get(loss.questionId)!.question;
  const expectedTitle = answerFindingTitle(loss.reason);
  assert.notEqual(expectedTitle, question.text, 'the reason says something else than the question');
  const findings = async () => (await callApi<FindingView[]>(served, 'finding.list', { vendorId: keystone.id })).filter((f) => f.questionId === loss.questionId);
  assert.equal((await findings()).length, 0, 'no finding on that question yet');

  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Keystone Config', exact: true }).click();
  await page.getByRole('heading', { name: 'Keystone Config', level: 1 }).waitFor();
  const group = page.getByRole('group', { name: question.text, exact: true });
  const open = group.getByRole('button', { name: 'Create finding…', exact: true });
  const dialog = page.getByRole('dialog', { name: 'New finding from this answer' });
  const title = dialog.getByLabel('Title');

  // Opened from the keyboard: the title is the reason's first sentence, the severity from the loss.
  await open.focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  assert.equal(await title.inputValue(), expectedTitle, 'prefilled from why the answer lost points');
  assert.ok(await title.evaluate((el) => el === document.activeElement), 'the title field has the focus');
  const severity = dialog.getByLabel('Severity');
  assert.equal(await severity.inputValue(), answerFindingSeverity(loss));
  await dialog.getByText(question.text).waitFor();
  await screenshot(page, 'finding-from-answer-dialog');

  // Escape cancels: nothing saved, the focus is back on the button that opened it.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Create finding…');
  assert.equal((await focused(page)).text, 'Create finding…');
  assert.equal((await findings()).length, 0, 'Cancel saves nothing');

  // An empty title is refused on its field.
  await open.click();
  await dialog.waitFor();
  await title.fill('   ');
  await dialog.getByRole('button', { name: 'Create finding', exact: true }).click();
  await dialog.getByText('Title is empty: say in a few words what is wrong').waitFor();
  assert.equal(await title.getAttribute('aria-invalid'), 'true');
  assert.ok(await title.evaluate((el) => el === document.activeElement), 'the focus goes to the field at fault');
  // A due date before today is refused on its field.
  await title.fill('Config server: no single sign-on');
  await dialog.getByLabel('Due date').fill(inDays(-3));
  await dialog.getByRole('button', { name: 'Create finding', exact: true }).click();
  await dialog.getByText(/^Due date is before today/).waitFor();
  assert.equal(await dialog.getByLabel('Due date').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'finding-from-answer-refused');
  assert.equal((await findings()).length, 0, 'bad input saves nothing');

  // Filled in and saved: one finding with what was typed, a link in place of the button, focused.
  const due = inDays(30);
  await dialog.getByLabel('Due date').fill(due);
  await dialog.getByLabel('Owner').fill('Platform team');
  await severity.selectOption({ label: TIER_LABELS.high });
  await dialog.getByRole('button', { name: 'Create finding', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  const link = group.getByTestId('question-finding');
  await link.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'question-finding');
  assert.match((await focused(page)).text, /^Finding: Config server: no single sign-on · Open$/);
  const [created, ...more] = await findings();
  assert.equal(more.length, 0, 'one finding');
  assert.deepEqual(
    [created!.title, created!.severity, created!.owner, created!.dueDate, created!.createdBy],
    ['Config server: no single sign-on', 'high', 'Platform team', due, 'Bo Risk'],
  );
  assert.equal(await open.count(), 0, 'the button gave way to the link');
  assert.ok(page.url().includes('/questionnaire') || !page.url().includes('/findings'), `still on the questionnaire: ${page.url()}`);
  await screenshot(page, 'finding-from-answer-created');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
