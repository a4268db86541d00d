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

const FOREIGN = 'Refused: requests from other sites are not accepted.';

/**
 * The browser opening a launch code (`/?launch=…`) from the launch page `--open` wrote: a file://
 * page, so the browser calls it cross-site. It is let through, since nothing but the one-time code
 * (which only that private file holds) can come of it; browser-session.ts answers it with a page that
 * moves on same-origin. A top-level navigation only, never a frame or a resource.
 */
export function isLaunchNavigation(req: IncomingMessage, url: URL): boolean {
  const mode = req.headers['sec-fetch-mode'];
  const dest = req.headers['sec-fetch-dest'];
  return req.method === 'GET'
    && url.pathname === '/'
    && url.searchParams.has('launch')
    && (mode === undefined || mode === 'navigate')
    && (dest === undefined || dest === 'document');
}

/** Host and Origin checks for every request (pages and API alike). */
export function checkHostAndOrigin(req: IncomingMessage, port: number, launchNavigation = false): GuardFailure | null {
  const host = req.headers.host ?? '';
  if (!allowedHosts(port).has(host.toLowerCase())) {
    return { status: 403, message: 'Refused: this server only answers to 127.0.0.1 and localhost.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) {
    return { status: 403, message: FOREIGN };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none' && !(launchNavigation && site === 'cross-site')) {
    return { status: 403, message: FOREIGN };
  }
  return null;
}

/**
 * A call signed in by the cookie must prove it comes from our own page, not merely that the browser
 * holds the cookie: Chromium and Firefox send `Origin` on every fetch POST, and `Sec-Fetch-Site`
 * where they know it. A call without them is not one our page made.
 */
function checkOwnPage(req: IncomingMessage, port: number): GuardFailure | null {
  const origin = req.headers.origin;
  if (origin === undefined || !allowedOrigins(port).has(origin.toLowerCase())) {
    return {
      status: 403,
      message: 'Refused: a call signed in by the session cookie must come from the Vetted page itself (its Origin header is missing or foreign). Scripts send the token as Authorization: Bearer.',
    };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    return { status: 403, message: 'Refused: a call signed in by the session cookie must come from the Vetted page itself (Sec-Fetch-Site is not same-origin).' };
  }
  return null;
}

/**
 * An API call is let in by the page's session cookie (browser-session.ts) sent from our own page, or
 * by the token as `Authorization: Bearer` (scripts and tests, with or without an Origin; a page never
 * holds the token). Compared in constant time.
 */
export function checkAccess(req: IncomingMessage, access: { token: string; session: BrowserSession; port: number }): GuardFailure | null {
  const header = req.headers.authorization;
  if (header === undefined) {
    if (access.session.hasCookie(req)) return checkOwnPage(req, access.port);
    return { status: 401, message: 'Refused: the request carries no access cookie or token. Open the address Vetted printed.' };
  }
  const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header);
  if (!match) return { status: 401, message: 'Refused: the request carries no access token. Open the address Vetted printed.' };
  if (!sameSecret(match[1]!, access.token)) {
    return { status: 401, message: 'Refused: the access token is wrong (Vetted was restarted?). Open the address it printed.' };
  }
  return null;
}
