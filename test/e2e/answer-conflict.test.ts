// Two people on one answer (issue 22): a window that loaded an answer someone else has changed
// since is told who changed it and when, and nothing is overwritten unless the reviewer chooses
// "Save mine over theirs"; "Use theirs" shows theirs and drops the change. The other writer is a
// second client of the same `vetted serve` (another window, or the CLI's API). Needs the renderer built.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { questionIndex } from '../../shared/domain/template';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { graveAxeViolations } from '../helpers/axe';
import { callApi, openApp, screenshot, startServe, type Served } from './harness';

const question = questionIndex(INFRASTRUCTURE_TEMPLATE).get('mnt_notice_hours')!.question;

interface Current {
  review: { id: string };
  answers: { questionId: string; value: unknown }[];
  versions: Record<string, number>;
}

async function stored(served: Served, vendorId: string): Promise<{ value: unknown; version: number; reviewId: string }> {
  const current = await callApi<Current>(served, 'review.current', { vendorId });
  return {
    value: current.answers.find((a) => a.questionId === question.id)?.value,
    version: current.versions[question.id] ?? 0,
    reviewId: current.review.id,
  };
}

/** Another window saves the answer, as that window would: made on the version it had loaded. */
async function otherWindowSaves(served: Served, vendorId: string, name: string, value: number): Promise<void> {
  await callApi(served, 'settings.update', { userName: name });
  const { version, reviewId } = await stored(served, vendorId);
  await callApi(served, 'answer.save', { reviewId, questionId: question.id, value, basedOn: version });
}

async function conflictShown(page: Page): Promise<string> {
  const state = page.getByTestId('question-save-status').filter({ hasText: /changed this answer/ });
  await state.waitFor({ timeout: 10_000 });
  return (await state.textContent()) ?? '';
}

test('a change made on an answer someone else saved since: told who and when, then saved over theirs or dropped', async () => {
  const served = await startServe({ demo: true });
  const vendors = await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {});
  const gaugeworks = vendors.find((v) => v.name === 'Gaugeworks')!;
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Gaugeworks' }).click();
  await page.getByRole('heading', { name: 'Gaugeworks' }).waitFor();
  const notice = page.getByRole('spinbutton', { name: question.text });
  const before = await notice.inputValue();

  // Ada, in another window, changes the notice period after this page loaded it.
  await otherWindowSaves(served, gaugeworks.id, 'Ada Reviewer', 24);
  await callApi(served, 'settings.update', { userName: 'Grace Approver' });
  await notice.fill('13');
  await notice.blur();
  const text = await conflictShown(page);
  assert.match(text, /^Ada Reviewer changed this answer \(mnt_notice_hours\) at \d{4}-\d\d-\d\d \d\d:\d\d UTC, after the version yours was made on; yours was not saved\.$/);
  assert.equal((await stored(served, gaugeworks.id)).value, 24, 'Ada’s answer is not overwritten');
  assert.equal(await notice.inputValue(), '13', 'what was typed here stays on screen');
  assert.notEqual(before, '13');
  // The page's own status says where to choose, and offers no Retry that would overwrite.
  await page.getByTestId('save-status').filter({ hasText: '1 answer was changed by someone else — choose at the question' }).waitFor();
  assert.equal(await page.locator('.save-status').getByRole('button', { name: 'Retry' }).count(), 0);
  await page.getByRole('button', { name: 'Save mine over theirs' }).scrollIntoViewIfNeeded();
  await page.evaluate('window.scrollBy(0, 120)');
  await screenshot(page, 'answer-conflict');
  assert.deepEqual(await graveAxeViolations(page), [], 'the conflict state passes axe');

  // Typing on is refused the same way: still made on the version loaded before Ada's.
  await notice.fill('14');
  await notice.blur();
  await page.getByTestId('question-save-status').filter({ hasText: /changed this answer/ }).waitFor();
  assert.equal((await stored(served, gaugeworks.id)).value, 24);

  // The reviewer chooses to save theirs over Ada's.
  await page.getByRole('button', { name: 'Save mine over theirs' }).click();
  await page.getByTestId('question-save-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 10_000 });
  assert.equal((await stored(served, gaugeworks.id)).value, 14);

  // Again, and this time Ada's answer is the one kept.
  await otherWindowSaves(served, gaugeworks.id, 'Ada Reviewer', 48);
  await notice.fill('6');
  await notice.blur();
  await conflictShown(page);
  await page.getByRole('button', { name: 'Use theirs' }).click();
  for (let i = 0; i < 100 && (await notice.inputValue()) !== '48'; i++) await page.waitForTimeout(50);
  assert.equal(await notice.inputValue(), '48', 'their answer is on screen');
  assert.equal(await page.getByTestId('question-save-status').count(), 0, 'nothing is left to save');
  assert.equal((await stored(served, gaugeworks.id)).value, 48);
  // And the next change is made on theirs: saved without a conflict.
  await notice.fill('36');
  await notice.blur();
  await page.getByTestId('question-save-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 10_000 });
  assert.equal((await stored(served, gaugeworks.id)).value, 36);
  assert.deepEqual(problems, []);
});
