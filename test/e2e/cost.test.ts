// Cost in one place, as a person sees it: the profile holds the fee (amount, currency, period), the
// legal entity and the build effort; Settings hold the day rate; the profile's buy-vs-build line
// follows both; a review still on template v1 shows the profile's fee where v1 asked for it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Vendor } from '../../shared/domain/vendor';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { REPO_ROOT } from '../helpers/cli';
import { tempDbPath } from '../helpers/tmp';
import { callApi, openApp, screenshot, startServe } from './harness';

const byName = async (served: Awaited<ReturnType<typeof startServe>>, name: string): Promise<Vendor> => {
  const list = await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {});
  return callApi<Vendor>(served, 'vendor.get', { id: list.find((v) => v.name === name)!.id });
};

test('the profile keeps legal name, fee and period through a save and a reload; buy-vs-build follows the day rate', async () => {
  const served = await startServe({ demo: true });
  const burrow = await byName(served, 'Burrow MQ');
  const { page, problems } = await openApp(served, { path: `#/vendor/${encodeURIComponent(burrow.id)}/profile` });
  const line = page.getByTestId('buy-vs-build');
  await line.filter({ hasText: 'buying is 24,240 EUR a year cheaper' }).waitFor();
  assert.match(await line.innerText(), /^Buying costs 4,560 EUR a year \(380 EUR per month\); building and running it yourself about 28,800 EUR a year \(45 engineer-days at 640 EUR a day\)/);

  // The fee becomes yearly, the legal entity changes: saved, and still there after a reload.
  await page.getByLabel('Legal name').fill('Burrow Messaging Ireland Ltd');
  await page.getByLabel('Fee', { exact: true }).fill('4800');
  await page.getByLabel('Fee period').selectOption('year');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByTestId('profile-save-status').filter({ hasText: /^Saved$/ }).waitFor();
  await line.filter({ hasText: 'Buying costs 4,800 EUR a year;' }).waitFor();
  await page.getByRole('group', { name: 'Cost' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'profile-cost');
  await page.reload();
  await page.getByLabel('Legal name').waitFor();
  assert.equal(await page.getByLabel('Legal name').inputValue(), 'Burrow Messaging Ireland Ltd');
  assert.equal(await page.getByLabel('Fee', { exact: true }).inputValue(), '4800');
  assert.equal(await page.getByLabel('Fee period').inputValue(), 'year');
  const stored = await callApi<Vendor>(served, 'vendor.get', { id: burrow.id });
  assert.deepEqual([stored.legalName, stored.monthlyCost, stored.costPeriod, stored.currency], ['Burrow Messaging Ireland Ltd', 4800, 'year', 'EUR']);

  // Settings: a day rate in another currency makes the line say it cannot compare; a bad one is refused.
  await page.evaluate(() => (location.hash = '#/settings'));
  const rate = page.getByLabel('Day rate', { exact: true });
  await rate.waitFor();
  assert.equal(await rate.inputValue(), '640');
  await rate.fill('lots');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Day rate must be a number such as 640 or 612.50').waitFor();
  await rate.fill('700');
  await page.getByLabel('Day rate currency').fill('USD');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-save-status').filter({ hasText: /^Saved$/ }).waitFor();
  await page.getByLabel('Day rate currency').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'settings-day-rate');
  assert.deepEqual((await callApi<{ dayRate: unknown }>(served, 'settings.get', {})).dayRate, { amount: 700, currency: 'USD' });
  await page.evaluate((id) => (location.hash = `#/vendor/${encodeURIComponent(id)}/profile`), burrow.id);
  await line.filter({ hasText: 'the fee is in EUR and the day rate in USD, and Vetted does not convert currencies, so the two cannot be compared.' }).waitFor();
  assert.doesNotMatch(await line.innerText(), /cheaper/);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('a review still on template v1 shows the profile’s fee and effort where v1 asked for them', async () => {
  const dbPath = tempDbPath();
  fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'registers', 'schema-3.sqlite'), dbPath);
  const served = await startServe({ dbPath });
  const burrow = await byName(served, 'Burrow MQ');
  const review = await callApi<{ template: { version: number }; answers: { questionId: string; value: unknown }[] }>(served, 'review.current', { vendorId: burrow.id });
  assert.equal(review.template.version, 1);
  const oldFee = review.answers.find((a) => a.questionId === 'cost_monthly_fee')!.value;
  assert.notEqual(oldFee, burrow.monthlyCost, 'the register holds the contradiction of issue #12');

  const { page, problems } = await openApp(served, { path: `#/vendor/${encodeURIComponent(burrow.id)}` });
  const fee = page.getByTestId('profile-held-cost_monthly_fee');
  await fee.waitFor();
  assert.equal(await fee.innerText(), 'Kept in the provider profile: 380 EUR per month. Change it in the profile');
  assert.equal(await page.getByTestId('profile-held-cost_build_run_days').innerText(), 'Kept in the provider profile: 45 engineer-days a year. Change it in the profile');
  const question = page.locator('[data-question-id="cost_monthly_fee"]');
  assert.equal(await question.locator('input, textarea, select').count(), 0, 'nothing to answer there');
  assert.ok(!(await page.locator('main').innerText()).includes(`${String(oldFee)} EUR`), 'the old answer is shown nowhere');
  await page.getByRole('button', { name: `Move to version ${INFRASTRUCTURE_TEMPLATE.version}` }).waitFor();
  await question.scrollIntoViewIfNeeded();
  await screenshot(page, 'questionnaire-v1-fee-in-profile');

  // The profile changes; the question follows it.
  await callApi(served, 'vendor.update', { id: burrow.id, patch: { monthlyCost: 4560, costPeriod: 'year' } });
  await page.reload();
  await fee.filter({ hasText: 'Kept in the provider profile: 4,560 EUR per year.' }).waitFor();
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
