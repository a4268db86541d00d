// Browser mode: the built renderer and the API on 127.0.0.1, for a machine without Electron
// and for the end-to-end tests. The same dispatcher as the Electron IPC handler.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEADLINE_HEADER, parseDeadline } from '../../shared/deadline';
import { fail, type Result } from '../../shared/result';
import { pastDeadlineError, withWriteDeadline } from '../core/db/deadline';
import type { Dispatch } from '../core/dispatcher';
import { createBrowserSession, type BrowserSession } from './browser-session';
import { checkAccess, checkHostAndOrigin, isLaunchNavigation } from './guards';
import { redirectPage } from './redirect-page';
import { contentType, RENDERER_CSP, resolveStaticFile } from './static-files';

export interface BridgeOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer); null serves the API only. */
  staticRoot: string | null;
  port?: number;
  /** Fixed for tests; a fresh random token per launch otherwise. */
  token?: string;
  maxBodyBytes?: number;
  /** Slow clients are cut off after this long without a complete request. */
  requestTimeoutMs?: number;
}

export interface Bridge {
  origin: string;
  /** The address the socket is bound to: always 127.0.0.1. */
  boundAddress: string;
  port: number;
  token: string;
  /** The address to print: `/?token=…`, exchanged for a session cookie on the first page load (browser-session.ts). */
  url: string;
  /** An address with a fresh one-time launch code instead of the token, for the page `--open` writes (electron/cli/launch-page.ts). */
  launchUrl(): string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';
// Every response carries the CSP, error pages too: a 404 must not be a place to run script.
const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<string | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      resolve('too_large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  options: Required<Pick<BridgeOptions, 'maxBodyBytes'>> & BridgeOptions,
  access: { token: string; session: BrowserSession; port: number },
): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendJson(res, 405, fail('validation', 'API calls are POST requests.'));
    return;
  }
  const denied = checkAccess(req, access);
  if (denied) {
    sendJson(res, denied.status, fail('unauthorized', denied.message));
    return;
  }
  // A JSON content type cannot be sent cross-site without a CORS preflight, which we never grant.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    sendJson(res, 415, fail('validation', 'API calls send JSON (Content-Type: application/json).'));
    return;
  }
  const body = await readBody(req, options.maxBodyBytes);
  if (body === 'too_large') {
    sendJson(res, 413, fail('validation', `The request is larger than ${options.maxBodyBytes} bytes.`));
    req.socket.destroySoon?.();
    return;
  }
  let input: unknown;
  try {
    input = body === '' ? {} : JSON.parse(body);
  } catch {
    sendJson(res, 400, fail('validation', 'The request body is not valid JSON.'));
    return;
  }
  let operation: string;
  try {
    operation = decodeURIComponent(pathname.slice(API_PREFIX.length));
  } catch {
    sendJson(res, 400, fail('validation', 'The operation name is not valid.'));
    return;
  }
  const deadline = requestDeadline(req);
  if (deadline === 'invalid') {
    sendJson(res, 400, fail('validation', `${DEADLINE_HEADER} must be a time in epoch milliseconds.`, [{ path: DEADLINE_HEADER, message: 'Expected a whole, positive number of milliseconds.' }]));
    return;
  }
  // This process is single-threaded and a write waiting for the lock blocks it, so a request may be
  // read only after its sender gave up (and showed it as failed): it must not run then, or Retry
  // would save it twice. Its writes are bounded by the same deadline (writeTransaction).
  if (deadline !== null && deadline <= Date.now()) {
    const late = pastDeadlineError();
    sendJson(res, 200, fail(late.code, late.message));
    return;
  }
  sendJson(res, 200, await withWriteDeadline(deadline, () => options.dispatch(operation, input)));
}

/** The sender's deadline (shared/deadline.ts); null when it stated none (any client but the renderer). */
function requestDeadline(req: IncomingMessage): number | null | 'invalid' {
  const value = req.headers[DEADLINE_HEADER.toLowerCase()];
  if (value === undefined) return null;
  return typeof value === 'string' ? (parseDeadline(value) ?? 'invalid') : 'invalid';
}

function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL, root: string | null, session: BrowserSession): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
    return;
  }
  // Only a GET signs in: a HEAD (a link checker, a prefetch) must not spend a one-time code.
  const exchange = req.method === 'GET' ? session.exchange(req, url) : null;
  if (exchange?.status === 303) {
    res.writeHead(303, {
      ...SECURITY_HEADERS,
      Location: exchange.location,
      'Cache-Control': 'no-store',
      ...(exchange.setCookie ? { 'Set-Cookie': exchange.setCookie } : {}),
    }).end();
    return;
  }
  if (exchange?.status === 200) {
    const page = redirectPage(exchange.location);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(page),
      'Cache-Control': 'no-store',
      'Set-Cookie': exchange.setCookie,
    });
    res.end(req.method === 'HEAD' ? undefined : page);
    return;
  }
  if (exchange) {
    res.writeHead(exchange.status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(exchange.message);
    return;
  }
  const pathname = url.pathname;
  const file = root ? resolveStaticFile(root, pathname) : null;
  if (!file) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const isHtml = file.endsWith('.html');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType(file),
    // Hashed asset names change with every build; the page itself must always be fresh.
    'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(file).pipe(res);
}

/** The request's address; null when it cannot be read as one ('//' and the like, which would throw). */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  // 28 MB: room for the largest evidence file (20 MB, base64 + JSON) and a template import (5 MB);
  // larger register imports go through the CLI.
  const settings = { maxBodyBytes: 28 * 1024 * 1024, ...options };
  let port = 0;
  let session: BrowserSession | null = null;
  const timeout = options.requestTimeoutMs ?? 15_000;
  const server = http.createServer({
    requestTimeout: timeout,
    headersTimeout: Math.min(timeout, 10_000),
    // Longer than a write may block this process when another Vetted holds the register (busy_timeout
    // and writeTransaction's retries, about 30 s): Node runs an expired keep-alive timer before it
    // reads, so a kept-alive socket whose next request arrived during the wait would be closed unread.
    keepAliveTimeout: 60_000,
    // How often Node looks for requests past their timeout (its default is 30 s).
    connectionsCheckingInterval: Math.min(1_000, timeout),
  }, (req, res) => {
    const url = requestUrl(req);
    if (!url) {
      sendJson(res, 400, fail('validation', 'The request address is not valid.'));
      return;
    }
    const denied = checkHostAndOrigin(req, port, isLaunchNavigation(req, url));
    if (denied) {
      sendJson(res, denied.status, fail('unauthorized', denied.message));
      return;
    }
    const access = { token, session: session!, port };
    const work = url.pathname.startsWith(API_PREFIX)
      ? handleApi(req, res, url.pathname, settings, access)
      : Promise.resolve(handleStatic(req, res, url, options.staticRoot, access.session));
    work.catch(() => {
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The request could not be handled.'));
      else res.destroy();
    });
  });
  // Loopback only: never reachable from another machine.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  session = createBrowserSession({ token, port });
  const browserSession = session;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    boundAddress: address.address,
    port,
    token,
    url: `${origin}/?token=${token}`,
    launchUrl: () => `${origin}/?launch=${browserSession.mintLaunchCode()}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
