// How a browser gets into browser mode without the access token staying anywhere the page, its
// history or another user's `ps` could read it again. The address `vetted serve` prints carries the
// token in its query (`/?token=…`); `--open` hands the browser a one-time launch code instead
// (`/?launch=…`, valid once, for a minute) inside a private page (electron/cli/launch-page.ts), so
// neither the token nor a code sits on a command line. Either is
// exchanged, on the first page request, for an HttpOnly SameSite=Strict cookie, and the answer is a
// redirect to the same address without it: the address bar, the page's history entry and script
// never see a credential, and API calls authenticate by the cookie.
//
// Every exchange mints its own session id (the cookie's value), kept in memory only: a cookie is
// worth exactly one browser's sign-in, none is derived from the token, and all die with the server.
// A launch code arrives from the launch page `--open` wrote to disk, a file:// page, so the browser
// calls that navigation cross-site, and a redirect would make the clean address cross-site too (the
// guards refuse that for every page but the exchange itself). A launch is therefore answered with a
// small page that moves on by itself (a navigation the server's own page starts: same-origin).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const LAUNCH_CODE_TTL_MS = 60_000;
/** Live sessions kept at most; the oldest is forgotten first (its browser opens the printed address again). */
export const MAX_SESSIONS = 64;
const CREDENTIAL = /^[A-Za-z0-9_-]{16,200}$/;

/**
 * 303: redirect to `location`. 200: the sign-in hop, a page (redirect-page.ts) that sends the
 * browser on to `location` itself. 401: refused, with a message for the person at the browser.
 */
export type Exchange =
  | { status: 303; location: string; setCookie: string | null }
  | { status: 200; location: string; setCookie: string }
  | { status: 401; message: string };

export interface BrowserSession {
  /** The cookie's name: one per port, since cookies are shared by every port of 127.0.0.1. */
  cookieName: string;
  /** A fresh launch code, valid for one exchange within LAUNCH_CODE_TTL_MS. */
  mintLaunchCode(): string;
  /** For a page request whose query carries `token` or `launch`: where to send the browser; null when it carries neither. */
  exchange(req: IncomingMessage, url: URL): Exchange | null;
  /** True when the request carries a session cookie this server minted and still keeps. */
  hasCookie(req: IncomingMessage): boolean;
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Every value sent under `name`: cookies are not port-isolated, so a server on another port of
 * 127.0.0.1 can plant one of the same name (with a longer Path, sent first); looking at the first
 * only would let it lock the browser out.
 */
function cookieValues(req: IncomingMessage, name: string): string[] {
  const values: string[] = [];
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export function createBrowserSession(options: { token: string; port: number; now?: () => number }): BrowserSession {
  const now = options.now ?? Date.now;
  const cookieName = `vetted_session_${options.port}`;
  const launchCodes = new Map<string, number>();
  // Oldest first. Random, not the token, so a cookie never works as the printed address.
  const sessions: string[] = [];

  const mintSession = (): string => {
    const id = randomBytes(32).toString('base64url');
    sessions.push(id);
    if (sessions.length > MAX_SESSIONS) sessions.shift();
    return `${cookieName}=${id}; HttpOnly; SameSite=Strict; Path=/`;
  };

  const hasCookie = (req: IncomingMessage) => {
    // Compared with every live id, without stopping at a match, so the time taken says nothing.
    let found = false;
    for (const value of cookieValues(req, cookieName).slice(0, 8)) {
      for (const id of sessions) found = sameSecret(value, id) || found;
    }
    return found;
  };

  /** True once for a live launch code; the code is spent either way. */
  const spend = (code: string): boolean => {
    for (const [c, expires] of launchCodes) if (expires <= now()) launchCodes.delete(c);
    for (const c of launchCodes.keys()) {
      if (sameSecret(code, c)) {
        launchCodes.delete(c);
        return true;
      }
    }
    return false;
  };

  return {
    cookieName,
    hasCookie,
    mintLaunchCode() {
      const code = randomBytes(24).toString('base64url');
      launchCodes.set(code, now() + LAUNCH_CODE_TTL_MS);
      return code;
    },
    exchange(req, url) {
      const token = url.searchParams.get('token');
      const launch = url.searchParams.get('launch');
      if (token === null && launch === null) return null;
      const clean = new URL(url.href);
      clean.searchParams.delete('token');
      clean.searchParams.delete('launch');
      // One leading slash: '//host' (from a path like /\host) would send the browser to another site.
      const location = `/${clean.pathname.replace(/^\/+/, '')}${clean.search}`;
      // No Secure flag: the server speaks plain http on loopback, where a Secure cookie is not kept.
      if (token !== null && CREDENTIAL.test(token) && sameSecret(token, options.token)) {
        return { status: 303, location, setCookie: mintSession() };
      }
      if (launch !== null && CREDENTIAL.test(launch) && spend(launch)) {
        return { status: 200, location, setCookie: mintSession() };
      }
      // A spent code in a browser that is already in (a reload of an old tab): just drop it.
      if (hasCookie(req)) return { status: 303, location, setCookie: null };
      return {
        status: 401,
        message: launch !== null
          ? 'This one-time link was already used or has expired. Open the address Vetted printed when it started.'
          : 'The access token in this address is wrong (Vetted was restarted?). Open the address Vetted printed when it started.',
      };
    },
  };
}
