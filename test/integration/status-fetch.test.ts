// The one network fetch, against a loopback server only: redirects, cookies, deadlines, the size
// cap and address checks. Limits are small so the refusals come quickly; nothing asserts a duration.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fetchStatusPage, fetchText, statusSources, type FetchLimits } from '../../electron/core/status-fetch';
import { APP_VERSION } from '../../electron/core/version';
import { reachOf, refusedReach } from '../../electron/core/status-address';
import { VettedError } from '../../shared/result';
import { REPO_ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

// A deadline no working request on a busy machine comes near (the suite runs files in parallel);
// only the tests of the deadline itself use SHORT.
const QUICK: FetchLimits = { timeoutMs: 5_000, maxBytes: 16 * 1024, maxRedirects: 3 };
const SHORT: FetchLimits = { ...QUICK, timeoutMs: 300 };
/** For cases that must fail on something other than the deadline. */
const PATIENT: FetchLimits = { ...QUICK, timeoutMs: 5_000 };

const INCIDENTS_JSON = JSON.stringify({ page: { id: 'p1', name: 'Tidewater' }, incidents: [{ id: 'i1', name: 'API errors' }] });
const HISTORY_ATOM = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Tidewater history</title></feed>';
const MAINTENANCES = fs.readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/statuspage/scheduled-maintenances.json'),
  'utf8',
);

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** A loopback server answering from `routes` (404 otherwise), recording every request it gets. */
async function serve(t: TestContext, routes: Record<string, Handler>) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const handler = routes[(req.url ?? '').split('?')[0]!];
    if (handler) handler(req, res);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    server.close();
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen };
}

const body =
  (text: string, type = 'application/json'): Handler =>
  (_req, res) =>
    res.writeHead(200, { 'Content-Type': type }).end(text);
const redirect =
  (location: string, status = 302, extra: http.OutgoingHttpHeaders = {}): Handler =>
  (_req, res) =>
    res.writeHead(status, { Location: location, ...extra }).end();

/** Asserts the promise rejects with a VettedError of `code` whose message matches `pattern`. */
async function refused(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<VettedError> {
  const err = await promise.then(
    () => assert.fail(`expected a ${code} error matching ${pattern}`),
    (e: unknown) => e,
  );
  assert.ok(err instanceof VettedError, `a VettedError, not ${String(err)}`);
  assert.equal(err.code, code, err.message);
  assert.match(err.message, pattern);
  assert.doesNotMatch(err.message, /\n\s+at /, 'no stack trace in the message');
  return err;
}

test('a JSON file named exactly is read as it is, with its size; a BOM is dropped; no maintenances are guessed', async (t) => {
  const { base, seen } = await serve(t, {
    '/api/v2/incidents.json': body(INCIDENTS_JSON),
    '/bom.json': body(`\uFEFF${INCIDENTS_JSON}`),
  });
  const read = await fetchStatusPage(`${base}/api/v2/incidents.json`, QUICK);
  assert.equal(read.incidents.text, INCIDENTS_JSON);
  assert.equal(read.incidents.bytes, Buffer.byteLength(INCIDENTS_JSON));
  assert.equal(read.incidents.url, `${base}/api/v2/incidents.json`);
  assert.equal(read.maintenances, null, 'a file named exactly is the only thing read');
  assert.deepEqual(seen.map((s) => s.url), ['/api/v2/incidents.json']);

  const bom = await fetchText(`${base}/bom.json`, QUICK);
  assert.equal(bom.text, INCIDENTS_JSON, 'the byte order mark is not part of the text');
  assert.equal(bom.bytes, Buffer.byteLength(INCIDENTS_JSON) + 3, 'bytes counts what came over the wire');
});

test('a page root tries incidents.json, falls back to history.atom on 404, and reads the scheduled maintenances', async (t) => {
  const { base, seen } = await serve(t, {
    '/status/history.atom': body(HISTORY_ATOM, 'application/atom+xml'),
    '/status/api/v2/scheduled-maintenances.json': body(MAINTENANCES),
  });
  const read = await fetchStatusPage(`${base}/status/?utm_source=x#top`, QUICK);
  assert.equal(read.incidents.url, `${base}/status/history.atom`);
  assert.equal(read.incidents.text, HISTORY_ATOM);
  assert.ok(read.maintenances, 'the maintenances were read');
  assert.equal(read.maintenances.text, MAINTENANCES);
  assert.deepEqual(
    seen.map((s) => s.url),
    ['/status/api/v2/incidents.json', '/status/history.atom', '/status/api/v2/scheduled-maintenances.json'],
    'history.rss is not asked for once history.atom answered; the query string is not carried over',
  );
});

test('a 410 moves on too; when no candidate exists the refusal says it is not a status page', async (t) => {
  const { base } = await serve(t, {
    '/api/v2/incidents.json': (_req, res) => res.writeHead(410).end(),
    '/history.rss': body('<rss version="2.0"><channel></channel></rss>', 'application/rss+xml'),
  });
  const read = await fetchStatusPage(base, QUICK);
  assert.equal(read.incidents.url, `${base}/history.rss`);

  const empty = await serve(t, {});
  await refused(fetchStatusPage(`${empty.base}/`, QUICK), 'validation', /none of \/api\/v2\/incidents\.json, \/history\.atom, \/history\.rss/);
  assert.equal(empty.seen.length, 3, 'the three candidates, and no maintenances after the incidents failed');
});

test('scheduled maintenances that 404 (or fail otherwise) are null; an incidents failure is never hidden', async (t) => {
  const { base } = await serve(t, { '/api/v2/incidents.json': body(INCIDENTS_JSON) });
  const read = await fetchStatusPage(base, QUICK);
  assert.equal(read.incidents.text, INCIDENTS_JSON);
  assert.equal(read.maintenances, null);

  const broken = await serve(t, {
    '/api/v2/incidents.json': body(INCIDENTS_JSON),
    '/api/v2/scheduled-maintenances.json': (_req, res) => res.writeHead(500).end(),
  });
  assert.equal((await fetchStatusPage(broken.base, QUICK)).maintenances, null, 'a 500 on the maintenances is null too');

  const down = await serve(t, {
    '/api/v2/incidents.json': (_req, res) => res.writeHead(503).end(),
    '/history.atom': body(HISTORY_ATOM),
  });
  await refused(fetchStatusPage(down.base, QUICK), 'unavailable', /HTTP 503/);
  assert.deepEqual(down.seen.map((s) => s.url), ['/api/v2/incidents.json'], 'only a 404 or 410 moves on to the next candidate');
});

test('redirects are followed (relative and absolute, up to 3) and the final address is reported', async (t) => {
  const { base } = await serve(t, {
    '/old': redirect('/r2', 301),
    '/r2': redirect('r3', 307),
    '/r3': (req, res) => redirect(`http://${req.headers.host}/feed.json`, 308)(req, res),
    '/feed.json': body(INCIDENTS_JSON),
  });
  const read = await fetchText(`${base}/old`, QUICK);
  assert.equal(read.url, `${base}/feed.json`);
  assert.equal(read.text, INCIDENTS_JSON);
});

test('a redirect loop and a chain of 4 redirects are refused after the third', async (t) => {
  const { base, seen } = await serve(t, {
    '/loop': redirect('/loop'),
    '/r1': redirect('/r2'),
    '/r2': redirect('/r3'),
    '/r3': redirect('/r4'),
    '/r4': redirect('/r5'),
    '/r5': body(INCIDENTS_JSON),
  });
  await refused(fetchText(`${base}/loop`, QUICK), 'validation', /more than 3 redirects/);
  assert.equal(seen.length, 4, 'the first request and three redirects followed');
  seen.length = 0;
  const err = await refused(fetchText(`${base}/r1`, QUICK), 'validation', /more than 3 redirects/);
  assert.ok(err.message.includes(`${base}/r1`), `names the address asked for: ${err.message}`);
  assert.deepEqual(seen.map((s) => s.url), ['/r1', '/r2', '/r3', '/r4'], '/r5 is never asked for');
});

test('a redirect to file:, ftp: or nowhere is refused without following it', async (t) => {
  const { base } = await serve(t, {
    '/to-file': redirect('file:///etc/passwd'),
    '/to-ftp': redirect('ftp://127.0.0.1/incidents.json', 301),
    '/to-creds': (req, res) => redirect(`http://user:pw@${req.headers.host}/x.json`)(req, res),
    '/to-nowhere': (_req, res) => res.writeHead(302).end(),
  });
  await refused(fetchText(`${base}/to-file`, QUICK), 'validation', /redirected to a file: address/);
  await refused(fetchText(`${base}/to-ftp`, QUICK), 'validation', /redirected to a ftp: address/);
  await refused(fetchText(`${base}/to-creds`, QUICK), 'validation', /user name or password/);
  await refused(fetchText(`${base}/to-nowhere`, QUICK), 'validation', /without saying where/);
});

test('a body dripping a byte every 100 ms is refused by the one deadline', { timeout: 10_000 }, async (t) => {
  let closed!: () => void;
  const hungUp = new Promise<void>((resolve) => (closed = resolve));
  const { base } = await serve(t, {
    '/slow.json': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const drip = setInterval(() => res.write(' '), 100);
      res.on('close', () => {
        clearInterval(drip);
        closed();
      });
    },
  });
  await refused(fetchText(`${base}/slow.json`, SHORT), 'unavailable', new RegExp(`${base}/slow\\.json did not answer within 0\\.3 s`));
  await hungUp; // the server saw the connection closed (a hang here fails by the test's timeout)
});

test('a server that never answers is refused by the deadline', async (t) => {
  const { base, seen } = await serve(t, { '/silent.json': () => undefined });
  await refused(fetchText(`${base}/silent.json`, SHORT), 'unavailable', /did not answer within 0\.3 s/);
  assert.equal(seen.length, 1, 'the request did reach the server');
});

test('an oversized body is refused by the cap and the connection closed, with or without a Content-Length', { timeout: 10_000 }, async (t) => {
  const closedBy: Record<string, Promise<void>> = {};
  const holdOpen = (name: string, start: (res: http.ServerResponse) => void): Handler => (_req, res) => {
    closedBy[name] = new Promise((resolve) => res.on('close', resolve));
    start(res);
  };
  const chunk = Buffer.alloc(1024, 'x');
  const { base } = await serve(t, {
    // Declares more than the cap, sends a little, and would wait for ever.
    '/declared.json': holdOpen('declared', (res) => {
      res.writeHead(200, { 'Content-Length': String(QUICK.maxBytes + 1) });
      res.write(chunk);
    }),
    // Chunked, no length: sends until the client hangs up.
    '/endless.json': holdOpen('endless', (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const pump = setInterval(() => res.write(chunk), 1);
      res.on('close', () => clearInterval(pump));
    }),
  });
  await refused(fetchText(`${base}/declared.json`, PATIENT), 'validation', /declared\.json is larger than 16 KB/);
  await refused(fetchText(`${base}/endless.json`, PATIENT), 'validation', /endless\.json is larger than 16 KB/);
  // Both connections were closed by the client (a hang here fails by the test's timeout).
  await closedBy.declared;
  await closedBy.endless;
});

test('non-2xx answers are refused naming the code and address; 5xx may pass, 4xx will not', async (t) => {
  const { base } = await serve(t, {
    '/boom.json': (_req, res) => res.writeHead(500).end('oops'),
    '/secret.json': (_req, res) => res.writeHead(403).end(),
  });
  await refused(fetchText(`${base}/boom.json`, QUICK), 'unavailable', new RegExp(`^${base}/boom\\.json answered HTTP 500 \\(Internal Server Error\\)$`));
  await refused(fetchText(`${base}/secret.json`, QUICK), 'validation', /secret\.json answered HTTP 403/);
});

test('a Set-Cookie on the first answer is not sent back on the redirect', async (t) => {
  const { base, seen } = await serve(t, {
    '/login': redirect('/feed.json', 302, { 'Set-Cookie': 'session=abc123; Path=/; HttpOnly' }),
    '/feed.json': body(INCIDENTS_JSON),
  });
  await fetchText(`${base}/login`, QUICK);
  assert.equal(seen.length, 2);
  assert.equal(seen[1]!.headers.cookie, undefined, 'no Cookie header on the redirected request');
});

test('the request carries a plain User-Agent and Accept, asks for no compression, and no Cookie or Authorization', async (t) => {
  const { base, seen } = await serve(t, { '/feed.json': body(INCIDENTS_JSON) });
  await fetchText(`${base}/feed.json`, QUICK);
  const headers = seen[0]!.headers;
  assert.equal(headers['user-agent'], `Vetted/${APP_VERSION}`);
  assert.equal(headers.accept, 'application/json, application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8');
  assert.equal(headers['accept-encoding'], 'identity');
  assert.equal(headers.cookie, undefined, 'no Cookie header');
  assert.equal(headers.authorization, undefined, 'no Authorization header');
});

test('compressed content sent anyway, and a server hanging up mid-body, are refused', async (t) => {
  const { base } = await serve(t, {
    '/gz.json': (_req, res) => res.writeHead(200, { 'Content-Encoding': 'gzip' }).end('not really gzip'),
    '/cut.json': (_req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('{"incid', () => res.socket?.destroy());
    },
  });
  await refused(fetchText(`${base}/gz.json`, QUICK), 'validation', /compressed content \(gzip\)/);
  await refused(fetchText(`${base}/cut.json`, PATIENT), 'unavailable', /cut\.json/);
});

test('a refused connection is unavailable, naming the address', async () => {
  // A port that was just free: listen, note it, close.
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  await refused(fetchText(`http://127.0.0.1:${port}/x.json`, QUICK), 'unavailable', new RegExp(`127\\.0\\.0\\.1:${port}/x\\.json could not be read`));
});

test('addresses that are not plain http(s), or carry credentials, are refused before any connection', async (t) => {
  const { base, seen } = await serve(t, { '/feed.json': body(INCIDENTS_JSON) });
  const host = base.slice('http://'.length);
  const cases: [string, RegExp][] = [
    ['file:///etc/passwd', /statusPage: only http and https .* not file:/],
    [`ftp://${host}/feed.json`, /statusPage: only http and https .* not ftp:/],
    ['data:application/json,{}', /statusPage: only http and https .* not data:/],
    ['javascript:alert(1)', /statusPage: only http and https .* not javascript:/],
    [`http://user:pass@${host}/feed.json`, /statusPage: .*user name or password/],
    [`http://user@${host}/feed.json`, /statusPage: .*user name or password/],
    ['status.example.com', /statusPage: .*is not a web address/],
  ];
  for (const [url, pattern] of cases) {
    const err = await refused(fetchStatusPage(url, QUICK), 'validation', pattern);
    assert.equal(err.details?.[0]?.path, 'statusPage', url);
    assert.ok(!err.message.includes('pass@'), `a password is never repeated: ${err.message}`);
    await refused(fetchText(url, QUICK), 'validation', pattern);
    assert.throws(() => statusSources(url), VettedError, url);
  }
  for (const missing of ['', '   ', null, undefined]) {
    await refused(fetchStatusPage(missing, QUICK), 'validation', /^the provider's profile has no status page address \(statusPage\)$/);
  }
  assert.equal(seen.length, 0, 'the server got no request at all');
});

test('proxy settings in the environment are not used', async (t) => {
  const proxy = await serve(t, {});
  const { base, seen } = await serve(t, { '/feed.json': body(INCIDENTS_JSON) });
  const saved = { HTTP_PROXY: process.env.HTTP_PROXY, http_proxy: process.env.http_proxy, NO_PROXY: process.env.NO_PROXY };
  t.after(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  process.env.HTTP_PROXY = proxy.base;
  process.env.http_proxy = proxy.base;
  delete process.env.NO_PROXY;
  const read = await fetchText(`${base}/feed.json`, QUICK);
  assert.equal(read.text, INCIDENTS_JSON);
  assert.equal(seen.length, 1, 'the server itself was asked');
  assert.equal(proxy.seen.length, 0, 'the proxy was not');
});

test('a redirect from https down to http is refused; https to https is followed', { timeout: 30_000 }, async (t) => {
  // A certificate only this test trusts: made here, handed to a child process by NODE_EXTRA_CA_CERTS
  // (read at start-up only), so the module under test keeps its default, strict verification.
  const dir = tempDir('vetted-tls-');
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  } catch {
    t.skip('skipped: openssl is not installed');
    return;
  }
  const plain = await serve(t, { '/feed.json': body(INCIDENTS_JSON) });
  const tls = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) => {
    if (req.url === '/down') res.writeHead(302, { Location: `${plain.base}/feed.json` }).end();
    else if (req.url === '/across') res.writeHead(302, { Location: '/feed.json' }).end();
    else res.writeHead(200).end(INCIDENTS_JSON);
  });
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    tls.closeAllConnections();
    tls.close();
  });
  const secure = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
  const script = `import('./electron/core/status-fetch.ts').then(async ({ fetchText }) => {
    const limits = { timeoutMs: 5000, maxBytes: 65536, maxRedirects: 3 };
    const out = [];
    for (const url of process.argv.slice(1)) {
      out.push(await fetchText(url, limits).then((r) => ({ url: r.url }), (e) => ({ code: e.code, message: e.message })));
    }
    console.log(JSON.stringify(out));
  });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script, `${secure}/across`, `${secure}/down`], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: cert },
  });
  const [across, down] = JSON.parse(stdout) as { url?: string; code?: string; message?: string }[];
  assert.deepEqual(across, { url: `${secure}/feed.json` }, 'the certificate is trusted and an https redirect is followed');
  assert.equal(down?.code, 'validation', JSON.stringify(down));
  assert.match(down?.message ?? '', /redirected from https to unencrypted http/);
  assert.equal(plain.seen.length, 0, 'the http address was never asked');
});

test('statusSources: a file is read as named; a page root (query, fragment, trailing slash dropped) gets the three candidates', () => {
  assert.deepEqual(statusSources('https://status.tidewater.example/history.RSS?x=1#f'), {
    incidents: ['https://status.tidewater.example/history.RSS?x=1'],
    maintenances: null,
  });
  assert.deepEqual(statusSources('https://status.tidewater.example/api/v2/summary.json'), {
    incidents: ['https://status.tidewater.example/api/v2/summary.json'],
    maintenances: null,
  });
  assert.deepEqual(statusSources('https://example.com/status/?ref=profile#top'), {
    incidents: [
      'https://example.com/status/api/v2/incidents.json',
      'https://example.com/status/history.atom',
      'https://example.com/status/history.rss',
    ],
    maintenances: 'https://example.com/status/api/v2/scheduled-maintenances.json',
  });
  assert.equal(statusSources('https://status.burrowmq.example').incidents[0], 'https://status.burrowmq.example/api/v2/incidents.json');
});

test('a page that answers every path with its web app falls through to the feed; all web pages are refused saying so', async (t) => {
  const page = '<!DOCTYPE html><html><head><title>Status</title></head><body>App</body></html>';
  const { base } = await serve(t, {
    '/api/v2/incidents.json': body(page, 'text/html'),
    '/history.atom': body(HISTORY_ATOM, 'application/atom+xml'),
  });
  const read = await fetchStatusPage(base, QUICK);
  assert.equal(read.incidents.url, `${base}/history.atom`, 'the web page is passed over for the feed');
  const spa = await serve(t, { '/api/v2/incidents.json': body(page, 'text/html'), '/history.atom': body(page, 'text/html'), '/history.rss': body(page, 'text/html') });
  await refused(fetchStatusPage(spa.base, QUICK), 'validation', /answered with a web page, not a status file/);
});

test('link-local and unspecified addresses are never read, and nothing is sent to them', async () => {
  for (const address of ['http://169.254.169.254/latest/meta-data/x.json', 'http://[fe80::1]/x.json', 'http://0.0.0.0:9/x.json']) {
    await refused(fetchText(address, QUICK), 'validation', /never read/);
  }
});

test('what each address may reach: a redirect from a public page never leads into the private network', () => {
  assert.deepEqual(
    ['8.8.8.8', '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.32.0.1', '192.168.1.1', '100.64.0.1', '169.254.169.254', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '2001:db8::1', '::ffff:10.0.0.1'].map(reachOf),
    ['public', 'private', 'private', 'private', 'public', 'private', 'private', 'forbidden', 'forbidden', 'forbidden', 'private', 'forbidden', 'forbidden', 'private', 'public', 'private'],
  );
  assert.equal(refusedReach('private', true), null, 'the profile named a private address: the user chose it');
  assert.match(refusedReach('private', false) ?? '', /private network/, 'public page → private address: refused');
  assert.equal(refusedReach('public', true), null);
  assert.match(refusedReach('forbidden', true) ?? '', /never read/);
});
