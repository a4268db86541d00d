// Templates usable end to end (issue #13), in the real renderer against `vetted serve`: import a
// Vetted template on the Templates page, make it the default for a category in Settings, add a
// provider of that category and answer its questionnaire; choose a template explicitly when adding
// a provider, when starting a provider's first review and when starting the next one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ReviewDetail, VendorSummary } from '../../shared/api';
import type { Vendor } from '../../shared/domain/vendor';
import { DEFAULT_TEMPLATE_ID } from '../../shared/templates/ids';
import { templateText } from '../helpers/template-file';
import { tempDir } from '../helpers/tmp';
import { callApi, openApp, screenshot, startServe, type Served } from './harness';

const DB_LABEL = 'Database review (v1)';
const BUILT_IN_LABEL = 'Built-in: Infrastructure provider review';

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

async function home(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('heading', { name: 'Providers', level: 1 }).waitFor();
}

async function current(served: Served, vendorId: string): Promise<ReviewDetail | null> {
  return callApi<ReviewDetail | null>(served, 'review.current', { vendorId });
}

async function isFocused(page: Page, locator: ReturnType<Page['getByRole']>): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

test('an imported template is the default for a category, and a template can be chosen for a review', { timeout: 180_000 }, async () => {
  const served = await startServe();
  await callApi(served, 'settings.update', { userName: 'Robin Lead' });
  const { page, problems } = await openApp(served);
  await page.getByRole('heading', { name: 'Providers', level: 1 }).waitFor();

  // 1. Import a Vetted-format template on the Templates page.
  const file = path.join(tempDir('vetted-choice-'), 'database-review.json');
  fs.writeFileSync(file, templateText('db-review', 'Database review'));
  await nav(page, 'Templates');
  const form = page.getByRole('form', { name: 'Import template' });
  await form.getByLabel('Template file').setInputFiles(file);
  await form.getByRole('button', { name: 'Import template' }).click();
  await form.getByRole('status').filter({ hasText: /^Added / }).waitFor();

  // 2. Settings: the questionnaire for databases is the imported one.
  await nav(page, 'Settings');
  const perCategory = page.getByRole('group', { name: 'Questionnaire per category' });
  const databaseSelect = perCategory.getByRole('combobox', { name: 'Database', exact: true });
  assert.equal(await databaseSelect.locator('option:checked').innerText(), BUILT_IN_LABEL, 'the built-in template by default');
  await databaseSelect.selectOption({ label: DB_LABEL });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-save-status').filter({ hasText: /^Saved$/ }).waitFor();
  const settings = await callApi<{ defaultTemplates: Record<string, string> }>(served, 'settings.get', {});
  assert.deepEqual(settings.defaultTemplates, { database: 'db-review' });
  await perCategory.scrollIntoViewIfNeeded();
  await screenshot(page, 'template-choice-settings');

  // 3. Add a database provider: the dialog preselects the category's questionnaire and follows the category.
  await home(page);
  await page.getByRole('button', { name: 'Add provider' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add provider' });
  const questionnaire = dialog.getByRole('combobox', { name: 'Questionnaire' });
  await dialog.getByLabel('Name', { exact: true }).fill('Cellar DB');
  const category = dialog.getByRole('combobox', { name: 'Category' });
  assert.equal(await questionnaire.locator('option:checked').innerText(), BUILT_IN_LABEL, 'Other: the built-in template');
  await category.selectOption({ label: 'Database' });
  await questionnaire.locator('option:checked', { hasText: DB_LABEL }).waitFor({ state: 'attached' });
  await screenshot(page, 'template-choice-add-provider');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Cellar DB', level: 1 }).waitFor();

  // Its questionnaire is the imported one; the first answer starts the review on it.
  const question = page.getByRole('group', { name: 'Does Database review apply?', exact: true });
  await question.waitFor();
  await page.getByTestId('review-meta').filter({ hasText: /Not started.*Database review v1/ }).waitFor();
  await question.getByRole('radio', { name: 'Yes' }).check();
  await page.getByTestId('save-status').filter({ hasText: /^Saved/ }).waitFor({ timeout: 10_000 });
  const vendors = await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {});
  const cellar = vendors.find((v) => v.name === 'Cellar DB');
  assert.ok(cellar, 'Cellar DB is in the register');
  const cellarReview = await current(served, cellar.id);
  assert.deepEqual([cellarReview?.review.templateId, cellarReview?.answers.map((a) => a.questionId)], ['db-review', ['db_review_q1']]);
  await screenshot(page, 'template-choice-questionnaire');

  // 4. A template picked in the dialog wins over the category's, and starts the first review at once.
  await home(page);
  await page.getByRole('button', { name: 'Add provider' }).first().click();
  await dialog.getByLabel('Name', { exact: true }).fill('Vault DB');
  await category.selectOption({ label: 'Database' });
  await questionnaire.locator('option:checked', { hasText: DB_LABEL }).waitFor({ state: 'attached' });
  await questionnaire.selectOption({ label: BUILT_IN_LABEL });
  await category.selectOption({ label: 'Hosting' });
  await category.selectOption({ label: 'Database' });
  assert.equal(await questionnaire.locator('option:checked').innerText(), BUILT_IN_LABEL, 'a pick stays when the category changes');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Vault DB', level: 1 }).waitFor();
  const vault = (await callApi<VendorSummary[]>(served, 'vendor.list', {})).find((v) => v.name === 'Vault DB');
  assert.ok(vault, 'Vault DB is in the register');
  assert.equal((await current(served, vault.id))?.review.templateId, DEFAULT_TEMPLATE_ID, 'the first review started on the pick');
  await page.getByTestId('review-meta').filter({ hasText: /Draft.*Infrastructure provider review/ }).waitFor();

  // 5. A provider with no review: "Start review…" asks which questionnaire, keyboard first.
  const mq = await callApi<Vendor>(served, 'vendor.create', { name: 'Burrow MQ', category: 'message-queue' });
  await page.evaluate((id) => (location.hash = `#/vendor/${encodeURIComponent(id)}`), mq.id);
  await page.getByRole('heading', { name: 'Burrow MQ', level: 1 }).waitFor();
  await page.getByTestId('review-meta').filter({ hasText: /Not started.*Infrastructure provider review/ }).waitFor();
  await page.getByRole('region', { name: 'Review workflow' }).getByRole('button', { name: 'Start review…' }).waitFor();
  await screenshot(page, 'template-choice-no-review');
  await page.getByRole('button', { name: 'Start review…' }).click();
  const start = page.getByRole('dialog', { name: 'Start a review of Burrow MQ' });
  const choice = start.getByRole('combobox', { name: 'Questionnaire' });
  await choice.waitFor();
  assert.ok(await isFocused(page, choice), 'the questionnaire select has the focus');
  assert.equal(await choice.locator('option:checked').innerText(), BUILT_IN_LABEL, 'preselected: the category default (none: built-in)');
  await choice.locator('option', { hasText: DB_LABEL }).waitFor({ state: 'attached' });
  await page.keyboard.press('Escape');
  await start.waitFor({ state: 'hidden' });
  assert.equal(await current(served, mq.id), null, 'Escape starts nothing');
  await page.getByRole('button', { name: 'Start review…' }).click();
  await choice.selectOption({ label: DB_LABEL });
  await screenshot(page, 'template-choice-start-review');
  await start.getByRole('button', { name: 'Start review' }).click();
  await start.waitFor({ state: 'hidden' });
  await page.getByRole('group', { name: 'Does Database review apply?', exact: true }).waitFor();
  await page.getByTestId('review-meta').filter({ hasText: /Draft.*Database review v1/ }).waitFor();
  assert.equal((await current(served, mq.id))?.review.templateId, 'db-review');

  // 6. After a decision: the next review on another questionnaire, chosen in the same dialog.
  await page.getByRole('group', { name: 'Does Database review apply?', exact: true }).getByRole('radio', { name: 'No' }).check();
  await page.getByTestId('save-status').filter({ hasText: /^Saved/ }).waitFor({ timeout: 10_000 });
  const mqReview = (await current(served, mq.id))!;
  await callApi(served, 'review.transition', { reviewId: mqReview.review.id, to: 'in_review' });
  await callApi(served, 'review.transition', { reviewId: mqReview.review.id, to: 'rejected', note: 'Not for us.' });
  await page.reload();
  const banner = page.getByRole('region', { name: 'Decided review' });
  await banner.waitFor();
  await banner.scrollIntoViewIfNeeded();
  await screenshot(page, 'template-choice-decided-banner');
  await banner.getByRole('button', { name: 'Start on another questionnaire…' }).click();
  const next = page.getByRole('dialog', { name: 'Start a new review of Burrow MQ' });
  await next.getByRole('combobox', { name: 'Questionnaire' }).selectOption({ label: DB_LABEL });
  await next.getByText('The same questionnaire: the new review starts from the decided review’s answers.').waitFor();
  await next.getByRole('combobox', { name: 'Questionnaire' }).selectOption({ label: BUILT_IN_LABEL });
  await next.getByText(/Another questionnaire: the new review starts empty/).waitFor();
  await screenshot(page, 'template-choice-next-review');
  await next.getByRole('button', { name: 'Start review' }).click();
  await next.waitFor({ state: 'hidden' });
  await page.getByTestId('review-meta').filter({ hasText: /Draft.*Infrastructure provider review/ }).waitFor();
  const after = (await current(served, mq.id))!;
  assert.deepEqual([after.review.templateId, after.review.status, after.answers.length], [DEFAULT_TEMPLATE_ID, 'draft', 0]);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
