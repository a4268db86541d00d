// Smoke test of the real desktop app: Electron, the sandboxed preload, app://, IPC and the
// Electron build of better-sqlite3 together. Written to run on a developer's machine, where
// `npm install` downloaded Electron's binary; where it could not (no access to Electron's
// download server), the test is skipped with a plain message instead of failing.
//
// Locators are role- and label-based and follow the renderer's accessible names: the
// "Add provider" button, the dialog's "Name" field, its "Create" (or "Save") button, and the
// questionnaire's radio buttons.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { ElectronApplication, Page } from 'playwright-core';
import { electronBinary, ensureRenderer } from '../../scripts/start.mjs';
import { REPO_ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const SKIP_MESSAGE =
  'skipped: no Electron binary (node_modules/electron/dist is missing; it downloads on first run where the internet is reachable)';

function runScript(script: string): void {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', script)], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, `${script} failed:\n${result.stdout}\n${result.stderr}`);
}

function count(dbPath: string, sql: string): number {
  // Read-only, beside the running app: the register is in WAL mode, so this never blocks it.
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function eventually(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (check()) return;
    } catch {
      // The register may not exist yet.
    }
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('the desktop app keeps a provider and an answer across a restart', { timeout: 300_000 }, async (t) => {
  const binary = electronBinary();
  if (!binary) {
    console.log(SKIP_MESSAGE);
    t.skip(SKIP_MESSAGE);
    return;
  }

  // What `npm start` builds: the renderer, the shell bundles, the Electron build of the driver.
  ensureRenderer();
  runScript('build-electron.mjs');
  runScript('build-electron-native.mjs');

  const { _electron } = await import('playwright-core');
  const dir = tempDir('vetted-electron-');
  const dbPath = path.join(dir, 'register.db');
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  Object.assign(env, { VETTED_DB: dbPath, VETTED_USER_DATA: path.join(dir, 'user-data') });
  const launch = () =>
    _electron.launch({
      executablePath: binary,
      args: [REPO_ROOT],
      cwd: REPO_ROOT,
      env,
      timeout: 60_000,
    });
  const name = `Smoke Queue ${process.pid}`;

  let app: ElectronApplication = await launch();
  try {
    const page: Page = await app.firstWindow();
    assert.ok(page.url().startsWith('app://vetted/'), page.url());
    // The page sees the bridge but not Node.
    assert.equal(await page.evaluate(() => typeof (window as unknown as { vetted?: unknown }).vetted), 'object');
    assert.equal(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require), 'undefined');

    await page.getByRole('button', { name: 'Add provider' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: /^(Create|Save)$/ }).click();
    await page.getByRole('heading', { name }).waitFor();

    // The provider opens on its questionnaire: answer the first single-choice question.
    await page.getByRole('radio').first().check();
    await eventually(() => count(dbPath, 'SELECT count(*) AS n FROM answers') > 0, 'the answer to be saved');
  } finally {
    await app.close();
  }

  app = await launch();
  try {
    const page = await app.firstWindow();
    await page.getByText(name).first().click();
    await page.getByRole('heading', { name }).waitFor();
    await page.getByRole('radio', { checked: true }).first().waitFor();
  } finally {
    await app.close();
  }

  assert.equal(count(dbPath, `SELECT count(*) AS n FROM vendors`), 1);
  assert.ok(count(dbPath, 'SELECT count(*) AS n FROM answers') >= 1);
});
