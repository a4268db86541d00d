// Settings → Register → "Connect to a team register" (issue 22), as a reviewer does it: the app
// started as `npm start` starts it (no --db), on its own register file; a wrong address and a wrong
// password are refused in words and change nothing; the right ones open the team register, whose
// providers the app then shows; a restart opens it again; "Use the register on this computer" goes
// back. Real serve, real Chromium, a real PostgreSQL. Needs the renderer built.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { openVetted } from '../../electron/core/vetted';
import { demoTeamRegister } from '../helpers/postgres';
import { tempDir } from '../helpers/tmp';
import { callApi, openApp, screenshot, startServeAsApp } from './harness';

async function openRegisterSettings(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.getByRole('heading', { name: 'Register', level: 2 }).waitFor();
  await page.getByTestId('register-open').waitFor();
}

test('connecting the app to a team register from Settings, and going back to the file', async () => {
  const { ownerUrl, member, password, url, server } = await demoTeamRegister('vetted_e2e_connect', 'finn');

  const home = tempDir('vetted-home-');
  // No $PGPASSWORD: the member signs in with what is typed (or kept), as on a reviewer's laptop.
  const env = { PGPASSWORD: '' };
  const first = await startServeAsApp(home, env);
  await callApi(first, 'vendor.create', { name: 'Only on my laptop', category: 'other' });
  const { page, problems } = await openApp(first);
  await page.getByText('Infrastructure provider reviews · stored on this computer').waitFor();
  await openRegisterSettings(page);
  assert.match((await page.getByTestId('register-open').textContent()) ?? '', /The register file on this computer: .*vetted\.db/);
  await screenshot(page, 'register-settings-file');

  // A password in the address is refused before anything is sent; a wrong password by the server.
  await page.getByRole('button', { name: 'Connect to a team register…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect to a team register' });
  await dialog.getByLabel('Address').fill(url.replace(`${member}@`, `${member}:${password}@`));
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await dialog.getByText('Leave the password out of the address').waitFor();
  await dialog.getByLabel('Address').fill(url);
  await dialog.getByLabel('Password', { exact: true }).fill('not-the-password');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await dialog.getByText(/The team register’s server refused the login/).waitFor();
  assert.equal(await dialog.getByLabel('Password', { exact: true }).getAttribute('aria-invalid'), 'true', 'the refusal is shown on the password');
  assert.equal(await page.getByText('refused the login').count(), 1, 'and only there: not as a lost connection to the app');
  await screenshot(page, 'register-connect-refused');
  assert.ok(!fs.existsSync(path.join(first.configDir, 'team-register.json')), 'a refusal chooses nothing');
  const stillFile = await callApi<{ name: string }[]>(first, 'vendor.list', {});
  assert.deepEqual(stillFile.map((v) => v.name), ['Only on my laptop']);

  // The right password, remembered: the app starts afresh on the team register.
  await dialog.getByLabel('Password', { exact: true }).fill(password);
  await dialog.getByLabel('Remember the password on this computer').check();
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await page.getByText(`Infrastructure provider reviews · team register on ${server}`).waitFor();
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres', exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'Only on my laptop' }).count(), 0);
  await screenshot(page, 'register-connected-list');
  await openRegisterSettings(page);
  assert.match((await page.getByTestId('register-open').textContent()) ?? '', new RegExp(`A team register on ${server.replace(/[.]/g, '\\.')}`));
  await screenshot(page, 'register-settings-team');
  // Her own name on the team register: only hers, and the trail's for her changes.
  await page.getByLabel('Your name').fill('Finn Reviewer');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Saved', { exact: true }).waitFor();
  assert.equal((await callApi<{ userName: string }>(first, 'settings.get', {})).userName, 'Finn Reviewer');
  const asOwner = await openVetted(ownerUrl, { logError: () => {} });
  try {
    const named = await asOwner.ctx.store.get<{ actor: string; db_user: string }>("SELECT actor, db_user FROM audit_log WHERE entity = 'member' ORDER BY id DESC LIMIT 1");
    assert.deepEqual(named, { actor: 'Finn Reviewer', db_user: member });
  } finally {
    asOwner.close();
  }
  const choice = fs.readFileSync(path.join(first.configDir, 'team-register.json'), 'utf8');
  assert.deepEqual(JSON.parse(choice), { url });
  const kept = path.join(first.keyDir, 'team-register.password');
  assert.equal(fs.readFileSync(kept, 'utf8'), password);
  assert.equal(fs.statSync(kept).mode & 0o777, 0o600);
  assert.deepEqual(problems, []);
  await first.stop();

  // Started again: the team register, signed in with the kept password.
  const second = await startServeAsApp(home, env);
  const again = await openApp(second);
  await again.page.getByText(`Infrastructure provider reviews · team register on ${server}`).waitFor();
  await openRegisterSettings(again.page);
  await again.page.getByRole('button', { name: 'Use the register on this computer' }).click();
  await again.page.getByText('Infrastructure provider reviews · stored on this computer').waitFor();
  await again.page.getByRole('table').getByRole('link', { name: 'Only on my laptop', exact: true }).waitFor();
  assert.ok(!fs.existsSync(path.join(second.configDir, 'team-register.json')), 'the choice is forgotten');
  assert.ok(!fs.existsSync(kept), 'and the kept password with it');
  assert.deepEqual(again.problems, []);
});

test('a chosen team register that cannot be reached: the app opens the file and says so everywhere', async () => {
  const home = tempDir('vetted-home-');
  const configDir = path.join(home, 'config', 'Vetted');
  fs.mkdirSync(configDir, { recursive: true });
  // A port nothing listens on: the server is down.
  fs.writeFileSync(path.join(configDir, 'team-register.json'), JSON.stringify({ url: 'postgres://finn@127.0.0.1:1/vetted' }));
  const served = await startServeAsApp(home, { PGPASSWORD: '' });
  const { page, problems } = await openApp(served);
  await page.getByText('stored on this computer (the team register could not be opened: see Settings)').waitFor();
  await openRegisterSettings(page);
  await page.getByTestId('team-problem').getByText(/The team register on 127\.0\.0\.1:1\/vetted could not be opened: .*cannot be reached/).waitFor();
  await screenshot(page, 'register-team-unreachable');
  await page.getByRole('button', { name: 'Connect again…' }).click();
  assert.equal(await page.getByRole('dialog', { name: 'Connect to a team register' }).getByLabel('Address').inputValue(), 'postgres://finn@127.0.0.1:1/vetted');
  assert.deepEqual(problems, []);
});
