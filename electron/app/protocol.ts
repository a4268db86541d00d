// app://vetted/…: serves the built renderer, and nothing else, with the renderer's CSP on every
// response. Only TYPES come from 'electron': main.ts passes Electron's `protocol`, and
// test/unit/electron-shell.test.ts calls appResponse() in plain Node.
import fs from 'node:fs';
import type { Protocol } from 'electron';
import { contentType, RENDERER_CSP, resolveStaticFile } from '../serve/static-files';
import { APP_SCHEME, isAppUrl } from './trusted-url';

/** standard: real origin and relative URLs; secure: a secure context; supportFetchAPI: fetch(). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererDir, request));
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The response for one app:// request: the file under `rendererDir` named by the path (traversal,
 * encoded separators, NUL bytes and symlinks out are refused by resolveStaticFile), else 404.
 * Only host `vetted`, only GET and HEAD.
 */
export async function appResponse(rendererDir: string, request: Pick<Request, 'url' | 'method'>): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  if (!isAppUrl(request.url)) return plain(404, 'Not found');
  const pathname = new URL(request.url).pathname;
  const file = resolveStaticFile(rendererDir, pathname);
  if (!file) return plain(404, 'Not found');
  let body: Uint8Array;
  try {
    body = new Uint8Array(await fs.promises.readFile(file));
  } catch {
    return plain(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(file), 'Content-Length': String(body.byteLength) },
  });
}
