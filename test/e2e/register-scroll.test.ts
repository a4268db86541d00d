// The register's rows are memoised (renderer/src/features/register/RegisterRow.tsx) so scrolling
// renders only the rows coming into view. The risk of that: a row that keeps showing a provider's
// old figures after they change. Going back to the register shows the store's list at once and then
// the one vendor.list returns, with the register mounted: the row must follow it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReviewDetail, VendorSummary } from '../../shared/api';
import { callApi, openApp, screenshot, startServe } from './harness';

test('a memoised register row shows a provider’s new score once an answer saved elsewhere changes it', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);
  const table = page.getByRole('table', { name: 'Providers' });
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'Gaugeworks' }) });
  const score = row.locator('.cell-score');
  await row.waitFor();
  const before = ((await score.textContent()) ?? '').trim();

  // Leave the register (the store keeps its list) and change the score behind its back.
  await row.getByRole('link', { name: 'Gaugeworks' }).click();
  await page.getByRole('heading', { name: 'Gaugeworks' }).waitFor();
  const vendor = (await callApi<VendorSummary[]>(served, 'vendor.list', {})).find((v) => v.name === 'Gaugeworks')!;
  const review = (await callApi<ReviewDetail | null>(served, 'review.current', { vendorId: vendor.id }))!;
  await callApi(served, 'answer.save', { reviewId: review.review.id, questionId: 'mnt_notice_hours', value: 1 });
  const changed = (await callApi<VendorSummary[]>(served, 'vendor.list', {})).find((v) => v.name === 'Gaugeworks')!;
  const after = changed.score!.toFixed(1);
  assert.notEqual(after, before, `the saved answer changes the score (was ${before})`);

  // Back: the register renders the old list, then the new one arrives while it is on screen.
  await page.goBack();
  await row.waitFor();
  await page.waitForFunction(
    (expected) => {
      const link = Array.from(document.querySelectorAll('.register-body a.row-link')).find((a) => a.textContent === 'Gaugeworks');
      return link?.closest('tr')?.querySelector('.cell-score')?.textContent?.trim() === expected;
    },
    after,
    { timeout: 10_000 },
  );
  assert.equal(((await score.textContent()) ?? '').trim(), after, 'the row shows the new score');
  await screenshot(page, 'register-after-answer');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
