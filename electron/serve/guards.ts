// Request checks for the loopback bridge: who may talk to it, and from which page.
import type { IncomingMessage } from 'node:http';
import { sameSecret, type BrowserSession } from './browser-session';

/** Host headers we answer to. Anything else is a DNS-rebinding attempt or a mistake. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export type GuardFailure = { status: 403 | 401; message: string };

/** Host and Origin checks for every request (pages and API alike). */
export function checkHostAndOrigin(req: IncomingMessage, port: number): GuardFailure | null {
  const host = req.headers.host ?? '';
  if (!allowedHosts(port).has(host.toLowerCase())) {
    return { status: 403, message: 'Refused: this server only answers to 127.0.0.1 and localhost.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return { status: 403, message: 'Refused: requests from other sites are not accepted.' };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, message: 'Refused: requests from other sites are not accepted.' };
  }
  return null;
}

/**
 * An API call is let in by the page's session cookie (browser-session.ts), or by the token as
 * `Authorization: Bearer` (scripts and tests; a page never holds the token). Compared in constant time.
 */
export function checkAccess(req: IncomingMessage, token: string, session: BrowserSession): GuardFailure | null {
  const header = req.headers.authorization;
  if (header === undefined) {
    if (session.hasCookie(req)) return null;
    return { status: 401, message: 'Refused: the request carries no access cookie or token. Open the address Vetted printed.' };
  }
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header);
  if (!match) return { status: 401, message: 'Refused: the request carries no access token. Open the address Vetted printed.' };
  if (!sameSecret(match[1]!, token)) {
    return { status: 401, message: 'Refused: the access token is wrong (Vetted was restarted?). Open the address it printed.' };
  }
  return null;
}
