// Browser mode's sign-in (#17, item 8), in real Chromium: the printed address is exchanged for an
// HttpOnly, SameSite=Strict cookie and the browser is sent to the same address without the token;
// the API answers the cookie and nothing less; every sign-in gets a session of its own; `--open`
// hands the browser the path of a private page holding a one-time launch code (never the token, and
// no code on the command line), and that code works once.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { startBridge } from '../../electron/serve/http-bridge';
import { REPO_ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { freshVetted } from '../helpers/vetted';
import { launchBrowser, openApp, startServe } from './harness';

const RENDERER = path.join(REPO_ROOT, 'dist/renderer');

/** A POST to the API as a page makes it (JSON, same origin), with the cookies the browser holds. */
const pageCall = (status: 'status' | 'json') =>
  `fetch('/api/vendor.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then((r) => ${status === 'status' ? 'r.status' : 'r.json()'})`;

test('the printed address signs the page in with an HttpOnly cookie and leaves no token behind', async () => {
  const served = await startServe({ demo: true });
  assert.match(served.url, /\/\?token=[A-Za-z0-9_-]{16,}$/, 'vetted serve prints the address with the token in its query');
  const { context, page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres' }).waitFor();

  assert.equal(new URL(page.url()).search, '', `the address bar holds no token: ${page.url()}`);
  assert.doesNotMatch(page.url(), /token|launch/, 'nothing reusable in the address');
  const entry = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).name);
  assert.doesNotMatch(entry, /token/, 'the page\'s own history entry is the clean address');
  assert.equal(await page.evaluate(() => document.cookie), '', 'script cannot read the session cookie (HttpOnly)');
  const storage = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  assert.doesNotMatch(storage, new RegExp(served.token), 'the token is not kept in web storage');

  const cookies = await context.cookies(served.origin);
  assert.equal(cookies.length, 1, `one cookie: ${JSON.stringify(cookies)}`);
  const [cookie] = cookies;
  assert.deepEqual(
    { name: cookie!.name, httpOnly: cookie!.httpOnly, sameSite: cookie!.sameSite, path: cookie!.path, secure: cookie!.secure, session: cookie!.expires === -1 },
    { name: `vetted_session_${new URL(served.origin).port}`, httpOnly: true, sameSite: 'Strict', path: '/', secure: false, session: true },
  );
  assert.notEqual(cookie!.value, served.token, 'the cookie is not the token itself');
  assert.equal(await page.evaluate(pageCall('status')), 200, 'the API answers the page through its cookie');
  assert.deepEqual(problems, []);

  const other = await openApp(served);
  const [otherCookie] = await other.context.cookies(served.origin);
  assert.ok(otherCookie && otherCookie.value !== cookie!.value, 'a second browser signing in gets a session of its own');
  assert.equal(await other.page.evaluate(pageCall('status')), 200, 'and both work');
  assert.equal(await page.evaluate(pageCall('status')), 200, 'the first one too');
});

test('a request without the cookie, or with a wrong one, is refused', async () => {
  const served = await startServe();
  const call = (headers: Record<string, string>) =>
    fetch(`${served.origin}/api/vendor.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
  assert.equal((await call({})).status, 401, 'no cookie, no token');
  const port = new URL(served.origin).port;
  assert.equal((await call({ Cookie: `vetted_session_${port}=${served.token}` })).status, 401, 'the token is not a cookie value');
  assert.equal((await call({ Cookie: `vetted_session_${port}=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` })).status, 401, 'a made-up cookie');

  // A browser that never opened the printed address: the page loads, the API refuses it.
  const browser = await launchBrowser();
  const context = await browser.newContext();
  after(() => context.close());
  const page = await context.newPage();
  await page.goto(served.origin);
  assert.equal(await page.evaluate(pageCall('status')), 401);
  const wrong = await page.goto(`${served.origin}/?token=${'x'.repeat(32)}`);
  assert.equal(wrong?.status(), 401, 'a wrong token in the address is refused');
  assert.deepEqual(await context.cookies(), [], 'and sets no cookie');
});

test('an old-style #token= address still signs in, and the fragment is gone', async () => {
  const served = await startServe({ demo: true });
  const browser = await launchBrowser();
  const context = await browser.newContext();
  after(() => context.close());
  const page = await context.newPage();
  await page.goto(`${served.origin}/#token=${served.token}`);
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres' }).waitFor();
  assert.doesNotMatch(page.url(), /token/, page.url());
  assert.equal(await page.evaluate(pageCall('status')), 200);
});

test('a launch code signs one browser in, once', async () => {
  const vetted = await freshVetted();
  assert.ok(fs.existsSync(path.join(RENDERER, 'index.html')), 'dist/renderer is built (npm run build:renderer)');
  const bridge = await startBridge({ dispatch: vetted.dispatch, staticRoot: RENDERER });
  after(() => bridge.close());
  const launch = bridge.launchUrl();
  assert.match(launch, /\/\?launch=[A-Za-z0-9_-]{16,}$/);
  assert.ok(!launch.includes(bridge.token), 'the launch address does not carry the token');

  const browser = await launchBrowser();
  const first = await browser.newContext();
  const second = await browser.newContext();
  after(() => Promise.all([first.close(), second.close()]));
  const page = await first.newPage();
  await page.goto(launch);
  await page.waitForURL(`${bridge.origin}/`);
  assert.equal(new URL(page.url()).search, '', 'the code is dropped from the address');
  assert.equal(await page.evaluate(pageCall('status')), 200, 'the first browser is signed in');

  const again = await second.newPage();
  const refused = await again.goto(launch);
  assert.equal(refused?.status(), 401, 'the same code a second time is refused');
  assert.match(await again.textContent('body') ?? '', /already used or has expired/);
  assert.equal(await again.evaluate(pageCall('status')), 401);
  assert.notEqual(bridge.launchUrl(), launch, 'every launch address has a fresh code');
});

test('vetted serve --open gives the browser a private launch page, with no token or code on its command line', async () => {
  // A stand-in for xdg-open on PATH that writes down the command line it was given.
  const bin = tempDir();
  const record = path.join(bin, 'argv.txt');
  fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${record}.tmp" && mv "${record}.tmp" "${record}"\n`, { mode: 0o700 });
  const served = await startServe({ env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }, open: true });
  for (let i = 0; i < 600 && !fs.existsSync(record); i++) await new Promise((r) => setTimeout(r, 50));
  const argv = fs.readFileSync(record, 'utf8').trim();
  assert.doesNotMatch(argv, new RegExp(served.token), 'the token is not on the command line');
  assert.doesNotMatch(argv, /launch=|:\/\//, `no address and no launch code on the command line: ${argv}`);
  assert.ok(path.isAbsolute(argv) && argv.endsWith('.html'), `the opener gets the launch page's path: ${argv}`);
  assert.equal(fs.statSync(argv).mode & 0o777, 0o600, 'the launch page is readable by this user alone');
  assert.match(fs.readFileSync(argv, 'utf8'), new RegExp(`url=${served.origin.replace(/[.]/g, '\\.')}/\\?launch=[A-Za-z0-9_-]{16,}"`), 'it holds the launch address');

  // What the user's browser does with it: file:// page → launch (cross-site) → hop → clean address.
  const browser = await launchBrowser();
  const context = await browser.newContext();
  after(() => context.close());
  const page = await context.newPage();
  await page.goto(pathToFileURL(argv).href);
  await page.waitForURL(`${served.origin}/`);
  assert.equal(await page.evaluate(pageCall('status')), 200, 'the opened browser is signed in');
  const [cookie] = await context.cookies(served.origin);
  assert.equal(cookie?.sameSite, 'Strict', 'with the same SameSite=Strict cookie as the printed address gives');

  await served.stop();
  assert.ok(!fs.existsSync(argv), 'the launch page is removed when the server stops');
  assert.ok(!fs.existsSync(path.dirname(argv)), 'and its private folder');
});
