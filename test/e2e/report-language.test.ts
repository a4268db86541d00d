// Settings → Reports in the real renderer against `vetted serve`: the language of the register's
// text is chosen from a list (empty: this computer's), saved with the settings, and shown again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Settings } from '../../shared/domain/settings';
import { callApi, openApp, screenshot, startServe } from './harness';

test('settings: the report language is chosen, saved, and can go back to the computer’s language', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);
  await page.evaluate(() => (location.hash = '#/settings'));
  const form = page.getByRole('form', { name: 'Settings' });
  const select = form.getByLabel('Language of the register’s text');
  await select.waitFor();
  assert.equal(await select.inputValue(), '', 'unset: this computer’s language');
  assert.match((await select.locator('option').first().textContent()) ?? '', /^This computer’s language \(.+\)$/);
  await select.selectOption({ label: '繁體中文 (Chinese, Traditional)' });
  await form.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-save-status').filter({ hasText: 'Saved' }).waitFor();
  assert.equal((await callApi<Settings>(served, 'settings.get', {})).reportLanguage, 'zh-Hant', 'stored as a canonical tag');
  await select.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-report-language');

  await page.reload();
  await select.waitFor();
  assert.equal(await select.inputValue(), 'zh-Hant', 'shown again after a reload');
  await select.selectOption('');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-save-status').filter({ hasText: 'Saved' }).waitFor();
  assert.equal((await callApi<Settings>(served, 'settings.get', {})).reportLanguage, null, 'back to the computer’s language');
  assert.deepEqual(problems, []);
});
