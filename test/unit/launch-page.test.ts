// `vetted serve --open` (#17, item 8): the browser is handed the path of a private page, not an
// address with a one-time code that any local user's `ps` would show. Plain Node, no browser: the
// page's mode, content and removal, and the opener's argument. test/e2e/browser-session.test.ts
// opens such a page in Chromium.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { mock, test } from 'node:test';
import { browserOpenerCommand } from '../../electron/cli/browser-opener';
import { writeLaunchPage } from '../../electron/cli/launch-page';
import { LAUNCH_CODE_TTL_MS } from '../../electron/serve/browser-session';
import { tempDir } from '../helpers/tmp';

const LAUNCH = 'http://127.0.0.1:4000/?launch=AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const mode = (p: string) => fs.statSync(p).mode & 0o777;

test('the launch page is private to this user and sends the browser to the launch address', { skip: process.platform === 'win32' && 'file modes' }, () => {
  const parent = tempDir();
  // The loosest umask there is: the modes must not depend on it.
  const umask = process.umask(0);
  let page;
  try {
    page = writeLaunchPage(LAUNCH, { parent });
  } finally {
    process.umask(umask);
  }
  try {
    assert.ok(fs.existsSync(page.file), 'the page exists');
    assert.equal(mode(page.file).toString(8), '600', 'the page is 0600');
    assert.equal(mode(path.dirname(page.file)).toString(8), '700', 'its folder is 0700');
    assert.equal(mode(page.file) & 0o077, 0, 'neither group nor others can read it');
    assert.equal(path.dirname(path.dirname(page.file)), parent, 'in a folder of its own under the parent');
    assert.match(path.basename(page.file), /^[0-9a-f]{24}\.html$/, 'under a random name');

    const html = fs.readFileSync(page.file, 'utf8');
    const refresh = /<meta http-equiv="refresh" content="0;url=([^"]+)">/.exec(html);
    assert.ok(refresh, `a meta refresh: ${html}`);
    assert.equal(refresh[1], LAUNCH, 'to the launch address');
    assert.match(html, new RegExp(`<a href="${LAUNCH.replace(/[.?]/g, '\\$&')}" rel="noreferrer">`), 'and a plain link as fallback');
    assert.match(html, /<meta name="referrer" content="no-referrer">/);
    assert.doesNotMatch(html, /<script/i, 'no script');

    const second = writeLaunchPage(LAUNCH, { parent });
    assert.notEqual(second.file, page.file, 'every page gets a name of its own');
    second.remove();
  } finally {
    page.remove();
  }
  assert.ok(!fs.existsSync(page.file), 'remove() deletes the page');
  assert.ok(!fs.existsSync(path.dirname(page.file)), 'and its folder');
  assert.doesNotThrow(() => page.remove(), 'removing twice is harmless');
});

test('the launch page is removed by itself when the launch code expires', (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const page = writeLaunchPage(LAUNCH, { parent: tempDir() });
  mock.timers.tick(LAUNCH_CODE_TTL_MS - 1);
  assert.ok(fs.existsSync(page.file), 'still there within the code\'s minute');
  mock.timers.tick(1);
  assert.ok(!fs.existsSync(page.file), 'gone once the code has expired');
  assert.ok(!fs.existsSync(path.dirname(page.file)), 'its folder too');
});

test('the browser opener is given the page\'s path and nothing else', () => {
  const file = path.join('/tmp', 'vetted-launch-x', 'abc.html');
  for (const [platform, command] of [['linux', 'xdg-open'], ['darwin', 'open'], ['win32', 'explorer']] as const) {
    const opener = browserOpenerCommand(file, platform);
    assert.deepEqual(opener, { command, args: [file] }, platform);
  }
});
