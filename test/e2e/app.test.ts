// The real renderer in Chromium against `vetted serve` on a temp register: what a security lead does.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { questionIndex } from '../../shared/domain/template';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { callApi, openApp, screenshot, SCREENSHOTS, startServe } from './harness';

const questions = questionIndex(INFRASTRUCTURE_TEMPLATE);
const q = (id: string) => questions.get(id)!.question;
const option = (id: string, optionId: string) => q(id).options!.find((o) => o.id === optionId)!.label;
const group = (page: Page, id: string) => page.getByRole('group', { name: q(id).text, exact: true });

async function expectText(page: Page, testId: string, pattern: RegExp): Promise<string> {
  const locator = page.getByTestId(testId);
  await locator.filter({ hasText: pattern }).waitFor({ timeout: 10_000 });
  return (await locator.textContent()) ?? '';
}

async function waitSaved(page: Page): Promise<void> {
  await page.getByTestId('save-status').filter({ hasText: /^Saved/ }).waitFor({ timeout: 10_000 });
}

test('a security lead adds a provider, answers questions, watches the score, and finds it all after a reload', async () => {
  const served = await startServe();
  const { page, problems } = await openApp(served);

  // First launch: a fresh register and no name yet, so Vetted asks who is reviewing.
  const welcome = page.getByRole('dialog', { name: 'Welcome to Vetted' });
  await welcome.getByRole('textbox', { name: 'Your name' }).waitFor();
  await screenshot(page, 'first-launch-name');
  await welcome.getByRole('textbox', { name: 'Your name' }).fill('Robin Lead');
  await welcome.getByRole('button', { name: 'Save my name' }).click();
  await welcome.waitFor({ state: 'hidden' });
  assert.equal((await callApi<{ userName: string }>(served, 'settings.get', {})).userName, 'Robin Lead');

  // Empty register offers the two ways in.
  await page.getByRole('heading', { name: 'Providers' }).waitFor();
  await page.getByRole('button', { name: 'Load demo data' }).waitFor();
  assert.equal(page.url().includes('token='), false, 'the token is not left in the address bar');

  // The dialog belongs to the page it was opened on: a page change (here the Settings address,
  // as Back or a menu command would) closes it, and nothing was created.
  await page.getByRole('button', { name: 'Add provider' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add provider' });
  await dialog.getByLabel('Name', { exact: true }).fill('Left behind');
  await page.evaluate(() => (window.location.hash = '#/settings'));
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await dialog.waitFor({ state: 'hidden' });
  await page.goBack();
  await page.getByRole('button', { name: 'Load demo data' }).waitFor();

  // Add a provider; an empty name is refused in place.
  await page.getByRole('button', { name: 'Add provider' }).first().click();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByText(/required/i).first().waitFor();
  await dialog.getByLabel('Name', { exact: true }).fill('Burrow MQ');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Burrow MQ' }).waitFor();

  // yes/no → a conditional single choice appears.
  assert.equal(await group(page, 'sec_key_management').count(), 0, 'key management is hidden until encryption at rest is answered');
  await group(page, 'sec_encryption_at_rest').getByRole('radio', { name: option('sec_encryption_at_rest', 'yes') }).check();
  await waitSaved(page);
  const firstScore = await expectText(page, 'overall-score', /\d/);
  await group(page, 'sec_key_management').getByRole('radio', { name: option('sec_key_management', 'provider_managed') }).check();
  await waitSaved(page);
  const secondScore = await expectText(page, 'overall-score', /\d/);
  assert.notEqual(secondScore, firstScore, 'a weaker answer changes the score');

  // multi choice, number, date, long text.
  await group(page, 'sec_certifications').getByRole('checkbox', { name: option('sec_certifications', 'soc2_type2') }).check();
  await group(page, 'sec_certifications').getByRole('checkbox', { name: option('sec_certifications', 'iso27001') }).check();
  await waitSaved(page);
  await group(page, 'sec_cert_report_date').locator('input[type=date]').fill('2026-05-31');
  await waitSaved(page);
  await page.getByRole('spinbutton', { name: q('mnt_notice_hours').text }).fill('72');
  await page.getByRole('spinbutton', { name: q('mnt_notice_hours').text }).blur();
  await waitSaved(page);
  const completion = await expectText(page, 'completion', /%/);
  assert.notEqual(completion.trim(), '0%');
  await screenshot(page, 'questionnaire');

  // Knock-out: plain-text connections force the tier.
  await group(page, 'sec_encryption_in_transit').getByRole('radio', { name: option('sec_encryption_in_transit', 'no') }).check();
  await waitSaved(page);
  await expectText(page, 'tier', /critical/i);
  const scorePanel = page.getByRole('region', { name: 'Score' });
  await scorePanel.getByRole('heading', { name: 'Knock-outs' }).waitFor();
  await scorePanel.getByText(q('sec_encryption_in_transit').text).first().waitFor();
  await scorePanel.screenshot({ path: path.join(SCREENSHOTS, 'score-panel.png') });

  // Reload: every answer is still there.
  await page.reload();
  await page.getByRole('heading', { name: 'Burrow MQ' }).waitFor();
  assert.ok(await group(page, 'sec_encryption_at_rest').getByRole('radio', { name: option('sec_encryption_at_rest', 'yes') }).isChecked());
  assert.ok(await group(page, 'sec_key_management').getByRole('radio', { name: option('sec_key_management', 'provider_managed') }).isChecked());
  assert.ok(await group(page, 'sec_certifications').getByRole('checkbox', { name: option('sec_certifications', 'iso27001') }).isChecked());
  assert.equal(await group(page, 'sec_cert_report_date').locator('input[type=date]').inputValue(), '2026-05-31');
  assert.equal(await page.getByRole('spinbutton', { name: q('mnt_notice_hours').text }).inputValue(), '72');
  await expectText(page, 'tier', /critical/i);

  // The same answers are in the register, as the CLI sees them.
  const vendors = await callApi<{ name: string; knockouts: number }[]>(served, 'vendor.list', {});
  assert.equal(vendors[0]!.knockouts, 1);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('the register filters, and a failed save keeps the answer on screen until retried', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);
  const table = page.getByRole('table');
  await table.getByRole('link', { name: 'Tidewater Postgres' }).waitFor();
  await screenshot(page, 'register');

  await page.getByRole('textbox', { name: 'Filter providers' }).fill('burrow');
  await table.getByRole('link', { name: 'Burrow MQ' }).waitFor();
  assert.equal(await table.getByRole('link', { name: 'Tidewater Postgres' }).count(), 0);
  await page.getByRole('textbox', { name: 'Filter providers' }).fill('');
  await page.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'Critical' });
  await table.getByRole('link', { name: 'Keystone Config' }).waitFor();
  assert.equal(await table.getByRole('link', { name: 'Gaugeworks' }).count(), 0);
  await page.getByRole('combobox', { name: 'Tier' }).selectOption({ index: 0 });

  // A save that fails: the answer stays, the state says so, Retry sends it again.
  await table.getByRole('link', { name: 'Gaugeworks' }).click();
  await page.getByRole('heading', { name: 'Gaugeworks' }).waitFor();
  const savedScore = await page.getByTestId('overall-score').textContent();
  await page.route('**/api/answer.save', (route) => route.abort('connectionrefused'));
  const notice = page.getByRole('spinbutton', { name: q('mnt_notice_hours').text });
  await notice.fill('13');
  await notice.blur();
  await page.getByTestId('save-status').filter({ hasText: /Failed/ }).waitFor();
  await page.getByRole('alert').filter({ hasText: /Cannot reach Vetted/ }).first().waitFor();
  assert.equal(await notice.inputValue(), '13', 'what was typed stays on screen');
  // The score panel shows what the register holds, and says why.
  await page.getByTestId('score-last-saved').filter({ hasText: /As last saved: 1 answer could not be saved yet/ }).waitFor();
  assert.equal(await page.getByTestId('overall-score').textContent(), savedScore, 'the score is the last saved one');
  await screenshot(page, 'save-failed');
  await page.unroute('**/api/answer.save');
  await page.getByRole('button', { name: /Retry/ }).first().click();
  await waitSaved(page);
  await page.getByTestId('score-last-saved').waitFor({ state: 'detached' });
  const scored = (await callApi<{ name: string; score: number | null }[]>(served, 'vendor.list', {})).find((v) => v.name === 'Gaugeworks')!;
  assert.notEqual(scored.score?.toFixed(1), savedScore, 'the saved answer changed the score');
  assert.equal(await page.getByTestId('overall-score').textContent(), scored.score?.toFixed(1), 'once saved, the panel scores it');
  const current = await callApi<{ answers: { questionId: string; value: unknown }[] }>(served, 'review.current', {
    vendorId: (await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {})).find((v) => v.name === 'Gaugeworks')!.id,
  });
  assert.equal(current.answers.find((a) => a.questionId === 'mnt_notice_hours')!.value, 13);
  assert.deepEqual(problems.filter((p) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(p)), []);
});

test('an API error is shown in words: a duplicate provider name', async () => {
  const served = await startServe({ demo: true });
  const { page } = await openApp(served);
  await page.getByRole('button', { name: 'Add provider' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add provider' });
  await dialog.getByLabel('Name', { exact: true }).fill('gaugeworks');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.getByText(/already exists/).waitFor();
  await screenshot(page, 'add-provider-conflict');
});

test('dark mode follows the operating system', async () => {
  const served = await startServe({ demo: true });
  const { page } = await openApp(served, { colorScheme: 'dark' });
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres' }).waitFor();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  assert.ok(r! + g! + b! < 150, `dark background, got ${background}`);
  await screenshot(page, 'register-dark');
});
