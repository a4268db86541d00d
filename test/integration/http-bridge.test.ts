import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startBridge, type Bridge } from '../../electron/serve/http-bridge';
import { resolveStaticFile } from '../../electron/serve/static-files';
import { freshVetted } from '../helpers/vetted';
import { tempDir } from '../helpers/tmp';

const TOKEN = 'test-token-0123456789abcdef';
const vetted = await freshVetted();
const root = path.join(tempDir(), 'renderer');
fs.mkdirSync(root);
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Vetted</title>');
fs.mkdirSync(path.join(root, 'assets'));
fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
fs.writeFileSync(path.join(root, '..', 'secret.txt'), 'secret');
let bridge: Bridge;

before(async () => {
  bridge = await startBridge({ dispatch: vetted.dispatch, staticRoot: root, token: TOKEN, maxBodyBytes: 10_000, requestTimeoutMs: 1500 });
});
after(() => bridge.close());

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: bridge.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (op: string, body: unknown, headers: Record<string, string> = {}) =>
  request({
    method: 'POST',
    path: `/api/${op}`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
    body: JSON.stringify(body),
  });

test('binds to loopback only and prints the token in the address, to be exchanged for a cookie', () => {
  assert.match(bridge.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
  assert.equal(bridge.origin, `http://127.0.0.1:${bridge.port}`);
  // The socket itself is bound to the loopback address (0.0.0.0 or :: would accept other machines).
  assert.equal(bridge.boundAddress, '127.0.0.1');
});

test('an API call with the token reaches the dispatcher and returns a Result', async () => {
  const created = await api('vendor.create', { name: 'Bridge Co' });
  assert.equal(created.status, 200);
  assert.equal(JSON.parse(created.body).value.name, 'Bridge Co');
  const list = JSON.parse((await api('vendor.list', {})).body);
  assert.equal(list.ok, true);
  assert.ok(list.value.some((v: { name: string }) => v.name === 'Bridge Co'));
  const invalid = JSON.parse((await api('vendor.create', { name: 5 })).body);
  assert.equal(invalid.error.code, 'validation');
  assert.doesNotMatch(JSON.stringify(invalid), /at .+\.ts:\d+/);
});

test('missing or wrong token is refused with 401 and nothing runs', async () => {
  const missing = await request({ method: 'POST', path: '/api/vendor.create', headers: { 'Content-Type': 'application/json' }, body: '{"name":"Sneaky"}' });
  assert.equal(missing.status, 401);
  assert.equal(JSON.parse(missing.body).error.code, 'unauthorized');
  const wrong = await api('vendor.create', { name: 'Sneaky' }, { Authorization: 'Bearer wrong-token-0123456789abcd' });
  assert.equal(wrong.status, 401);
  const list = JSON.parse((await api('vendor.list', {})).body);
  assert.ok(!list.value.some((v: { name: string }) => v.name === 'Sneaky'));
});

test('a foreign Host header (DNS rebinding) is refused', async () => {
  const rebound = await api('vendor.list', {}, { Host: `evil.example:${bridge.port}` });
  assert.equal(rebound.status, 403);
  const page = await request({ path: '/', headers: { Host: 'attacker.test' } });
  assert.equal(page.status, 403);
  const ok = await request({ path: '/', headers: { Host: `localhost:${bridge.port}` } });
  assert.equal(ok.status, 200);
});

test('a foreign Origin (CSRF) is refused even with the right token', async () => {
  const csrf = await api('vendor.create', { name: 'CSRF Co' }, { Origin: 'https://evil.example' });
  assert.equal(csrf.status, 403);
  const crossSite = await api('vendor.list', {}, { 'Sec-Fetch-Site': 'cross-site' });
  assert.equal(crossSite.status, 403);
  const sameOrigin = await api('vendor.list', {}, { Origin: bridge.origin, 'Sec-Fetch-Site': 'same-origin' });
  assert.equal(sameOrigin.status, 200);
});

test('API calls must be JSON POSTs', async () => {
  const form = await request({ method: 'POST', path: '/api/vendor.list', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' }, body: '{}' });
  assert.equal(form.status, 415);
  const get = await request({ path: '/api/vendor.list', headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(get.status, 405);
  const garbage = await request({ method: 'POST', path: '/api/vendor.list', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: '{nope' });
  assert.equal(garbage.status, 400);
  const unknown = JSON.parse((await api('vendor.explode', {})).body);
  assert.equal(unknown.error.code, 'unknown_operation');
});

test('an oversized body is refused with 413', async () => {
  const big = await api('vendor.create', { name: 'x', notes: 'y'.repeat(20_000) });
  assert.equal(big.status, 413);
});

test('a slow client that never finishes its request is cut off', async () => {
  const socket = net.connect(bridge.port, '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  socket.write(`POST /api/vendor.list HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\n`);
  const started = Date.now();
  const closedAfter = await new Promise<number>((resolve) => {
    socket.on('close', () => resolve(Date.now() - started));
    socket.on('error', () => {});
    socket.resume();
  });
  // requestTimeoutMs is 1.5 s here (checked every second); Node's default would be 300 s.
  assert.ok(closedAfter < 4_000, `closed after ${closedAfter} ms`);
});

test('static files: the page carries the CSP; traversal and unknown paths are 404', async () => {
  const page = await request({ path: '/', headers: { Host: `127.0.0.1:${bridge.port}` } });
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-security-policy']), /default-src 'self'; script-src 'self'/);
  assert.match(String(page.headers['content-security-policy']), /object-src 'none'; base-uri 'none'/);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  const js = await request({ path: '/assets/app.js' });
  assert.match(js.headers['content-type'] ?? '', /javascript/);
  const missing = await request({ path: '/nope.html' });
  assert.match(String(missing.headers['content-security-policy']), /default-src 'self'/, 'error pages carry the CSP too');
  const badName = await api('%E0%A4%A', {});
  assert.equal(badName.status, 400);
  for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/nope.html', '/assets']) {
    assert.equal((await request({ path: p })).status, 404, p);
  }
});

test('resolveStaticFile refuses paths that leave the root', () => {
  assert.equal(resolveStaticFile(root, '/'), fs.realpathSync(path.join(root, 'index.html')));
  assert.equal(resolveStaticFile(root, '/assets/app.js'), fs.realpathSync(path.join(root, 'assets/app.js')));
  for (const p of ['/../x', '/..%2F..%2Fetc/passwd', '/%E0%A4%A', '/a\\..\\..\\x', '//etc/passwd', '/assets/%00x']) {
    assert.equal(resolveStaticFile(root, p), null, p);
  }
  fs.symlinkSync('/etc', path.join(root, 'link'));
  assert.equal(resolveStaticFile(root, '/link/hostname'), null, 'a symlink out of the root');
});

/** Signs in as a browser opening the printed address would: the `name=value` of the cookie it gets. */
async function sessionCookie(): Promise<string> {
  const answer = await request({ path: `/?token=${TOKEN}`, headers: { 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' } });
  assert.equal(answer.status, 303, 'the printed address signs in');
  const setCookie = answer.headers['set-cookie']?.[0];
  assert.ok(setCookie, 'a session cookie is set');
  return setCookie.split(';')[0]!;
}

/** An API call as a browser makes it: the session cookie and the given headers, no token. */
const byCookie = (cookie: string, headers: Record<string, string>, op = 'vendor.list', body: unknown = {}) =>
  request({ method: 'POST', path: `/api/${op}`, headers: { 'Content-Type': 'application/json', Cookie: cookie, ...headers }, body: JSON.stringify(body) });

test('two sign-ins get two different session cookies, both of them good', async () => {
  const first = await sessionCookie();
  const second = await sessionCookie();
  assert.notEqual(first, second, 'each exchange mints its own session');
  for (const cookie of [first, second]) {
    const list = await byCookie(cookie, { Origin: bridge.origin, 'Sec-Fetch-Site': 'same-origin' });
    assert.equal(list.status, 200, `${cookie}: ${list.body}`);
  }
  const madeUp = await byCookie(`vetted_session_${bridge.port}=${'A'.repeat(43)}`, { Origin: bridge.origin, 'Sec-Fetch-Site': 'same-origin' });
  assert.equal(madeUp.status, 401, 'a made-up cookie is refused');
});

test('a call signed in by the cookie must come from our own page', async () => {
  const cookie = await sessionCookie();
  const create = (headers: Record<string, string>) => byCookie(cookie, headers, 'vendor.create', { name: 'Cookie Co' });
  const noOrigin = await create({});
  assert.equal(noOrigin.status, 403, `no Origin: ${noOrigin.body}`);
  assert.match(JSON.parse(noOrigin.body).error.message, /must come from the Vetted page itself/);
  assert.equal((await create({ Origin: 'https://evil.example' })).status, 403, 'a foreign Origin');
  assert.equal((await create({ Origin: 'null' })).status, 403, 'an opaque Origin');
  assert.equal((await create({ Origin: `http://127.0.0.1:${bridge.port + 1}` })).status, 403, 'another port on loopback');
  assert.equal((await create({ Origin: bridge.origin, 'Sec-Fetch-Site': 'none' })).status, 403, 'not a call our page made (Sec-Fetch-Site: none)');
  assert.equal((await create({ Origin: bridge.origin, 'Sec-Fetch-Site': 'same-site' })).status, 403, 'Sec-Fetch-Site: same-site');
  const list = JSON.parse((await api('vendor.list', {})).body);
  assert.ok(!list.value.some((v: { name: string }) => v.name === 'Cookie Co'), 'none of the refused calls created anything');

  const ours = await create({ Origin: bridge.origin, 'Sec-Fetch-Site': 'same-origin' });
  assert.equal(ours.status, 200, `our page: ${ours.body}`);
  assert.equal((await create({ Origin: `http://localhost:${bridge.port}`, Host: `localhost:${bridge.port}` })).status, 200, 'our page opened as localhost (no Sec-Fetch-Site: an older browser)');
  assert.equal((await api('vendor.list', {})).status, 200, 'the bearer token still needs no Origin');
});

test('only the launch itself may arrive cross-site (from the launch page), and it moves on same-origin', async () => {
  const navigation = { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' };
  const code = new URL(bridge.launchUrl()).searchParams.get('launch')!;
  const launched = await request({ path: `/?launch=${code}`, headers: navigation });
  assert.equal(launched.status, 200, launched.body);
  assert.match(launched.body, /<meta http-equiv="refresh" content="0;url=\/">/, 'the hop page sends the browser to the clean address');
  assert.match(launched.body, /<meta name="referrer" content="no-referrer">/);
  assert.doesNotMatch(launched.body, new RegExp(code), 'the hop page does not repeat the code');
  assert.match(launched.headers['set-cookie']?.[0] ?? '', /^vetted_session_\d+=[A-Za-z0-9_-]{40,}; HttpOnly; SameSite=Strict; Path=\/$/);
  assert.match(String(launched.headers['content-security-policy']), /default-src 'self'/, 'the hop page carries the CSP');

  assert.equal((await request({ path: '/', headers: navigation })).status, 403, 'any other page is still refused cross-site');
  assert.equal((await request({ path: `/?launch=${'x'.repeat(32)}`, headers: { ...navigation, 'Sec-Fetch-Dest': 'iframe' } })).status, 403, 'a launch in a frame');
  assert.equal((await request({ path: `/assets/app.js?launch=${'x'.repeat(32)}`, headers: navigation })).status, 403, 'a launch on another path');
  assert.equal((await request({ path: `/?launch=${code}`, headers: navigation })).status, 401, 'the code works once');

  // A HEAD (a link checker, a prefetch) neither signs in nor spends a code.
  const unspent = new URL(bridge.launchUrl()).searchParams.get('launch')!;
  const head = await request({ method: 'HEAD', path: `/?launch=${unspent}`, headers: { 'Sec-Fetch-Site': 'none' } });
  assert.equal(head.headers['set-cookie'], undefined, 'a HEAD gets no session');
  assert.equal((await request({ method: 'HEAD', path: `/?launch=${unspent}`, headers: navigation })).status, 403, 'nor may it arrive cross-site');
  assert.equal((await request({ path: `/?launch=${unspent}`, headers: navigation })).status, 200, 'the code still works for the browser');
});

test('an address that cannot be parsed is a 400, and the server keeps serving', async () => {
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(bridge.port, '127.0.0.1', () => socket.write(`GET // HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  assert.match(answer, /^HTTP\/1\.1 400 /, answer);
  assert.equal((await api('vendor.list', {})).status, 200, 'still serving');
});
