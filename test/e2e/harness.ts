// End-to-end harness: the real `vetted serve` on a temp register, driven by Debian's Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { after } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers/cli';
import { spawnServe, type ServeProcess } from '../helpers/serve-process';
import { tempDbPath } from '../helpers/tmp';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

export interface Served extends ServeProcess {
  dbPath: string;
}

/**
 * Starts `vetted serve` as a user would and waits for the address it prints (`/?token=…`: opening it
 * signs the browser in with a session cookie, so every new context calls openApp). `env` is added to
 * the test's environment (e.g. VETTED_KEY_FILE for confidential data); `open` passes --open.
 */
export async function startServe(options: { demo?: boolean; dbPath?: string; env?: NodeJS.ProcessEnv; open?: boolean } = {}): Promise<Served> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist/renderer/index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` (npm test does it first)');
  }
  const dbPath = options.dbPath ?? tempDbPath();
  const args = ['--db', dbPath, '--port', '0'];
  if (options.demo) args.push('--demo');
  if (options.open) args.push('--open');
  const served: Served = { ...(await spawnServe(args, options.env)), dbPath };
  after(() => served.stop());
  return served;
}

/**
 * Starts `vetted serve` as `npm start` does, without --db: on the app's own register (Settings →
 * Register chooses it), with this computer's folders in `home` (XDG_CONFIG_HOME for the register
 * and the choice, XDG_DATA_HOME for keys and a kept password).
 */
export async function startServeAsApp(home: string, env: NodeJS.ProcessEnv = {}): Promise<Served & { configDir: string; keyDir: string }> {
  const configHome = path.join(home, 'config');
  const dataHome = path.join(home, 'data');
  const served = await spawnServe(['--port', '0'], { VETTED_DB: '', XDG_CONFIG_HOME: configHome, XDG_DATA_HOME: dataHome, ...env });
  after(() => served.stop());
  const configDir = path.join(configHome, 'Vetted');
  return { ...served, dbPath: path.join(configDir, 'vetted.db'), configDir, keyDir: path.join(dataHome, 'Vetted', 'keys') };
}

let browser: Browser | undefined;

export async function launchBrowser(): Promise<Browser> {
  if (browser) return browser;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  after(async () => {
    await browser?.close();
    browser = undefined;
  });
  return browser;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen by the page. */
  problems: string[];
}

export async function openApp(served: Served, options: { colorScheme?: 'light' | 'dark'; path?: string } = {}): Promise<OpenedPage> {
  const b = await launchBrowser();
  const context = await b.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(served.url);
  if (options.path) await page.evaluate((p) => (location.hash = p), options.path);
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Calls the API for test setup, with the token as a bearer (the page itself uses its cookie). */
export async function callApi<T>(served: Pick<Served, 'origin' | 'token'>, operation: string, input: unknown): Promise<T> {
  const res = await fetch(`${served.origin}/api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` },
    body: JSON.stringify(input),
  });
  const result = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${operation}: ${result.error?.message ?? `HTTP ${res.status}`}`);
  return result.value;
}

/** From the register table, opens a provider's History tab; returns its audit trail's rows, newest first. */
export async function historyRowsOf(page: Page, provider: string) {
  await page.getByRole('table').getByRole('link', { name: provider, exact: true }).click();
  await page.getByRole('heading', { name: provider, level: 1 }).waitFor();
  await page.getByRole('navigation', { name: 'Provider views' }).getByRole('link', { name: 'History' }).click();
  return page.getByRole('list', { name: 'Audit trail entries' }).getByTestId('audit-row');
}
