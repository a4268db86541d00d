// Which URLs the shell trusts. PURE: no Electron import, so the rules are unit-tested in plain Node
// (test/unit/trusted-url.test.ts). Used by the IPC sender check, the navigation guards and the
// window-open handler.
//
// Every URL these functions see in the app comes from Chromium (a frame's URL, a navigation target,
// a window.open target), and Chromium hands over canonical URLs: printable ASCII only (IDN hosts in
// punycode, spaces and non-ASCII percent-encoded), scheme and host in lower case for standard schemes
// (`app` is registered as standard). So anything that is not already canonical is refused rather than
// repaired: it did not come from a genuine frame of ours.

export const APP_SCHEME = 'app';
export const APP_HOST = 'vetted';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Longest app:// URL accepted (the renderer has no reason to build long ones). */
export const MAX_APP_URL_LENGTH = 32_768;
/** Longest external link handed to the OS. */
export const MAX_EXTERNAL_URL_LENGTH = 4_096;

/** Printable ASCII without space: what a canonical URL is made of. */
const CANONICAL_CHARS = /^[\x21-\x7e]+$/;

function parse(url: unknown, maxLength: number): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > maxLength) return null;
  // Refuses control characters, whitespace (the WHATWG parser silently strips tabs and newlines:
  // "java\nscript:" would become "javascript:"), non-ASCII look-alikes, bidi overrides and backslashes
  // (which special schemes read as "/").
  if (!CANONICAL_CHARS.test(url) || url.includes('\\')) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for `app://vetted` followed by nothing or by a path, query or fragment: no user info,
 * no port, no other host. Case-sensitive on purpose: `APP://VETTED/x` is refused (see the header).
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url, MAX_APP_URL_LENGTH);
  if (!parsed) return false;
  // The raw prefix check and the parsed checks must agree; either alone could be fooled by a
  // parser quirk (`app://vetted@evil`, `app://vetted:`, `app://vetted.evil`).
  const rest = url.slice(APP_ORIGIN.length);
  if (!url.startsWith(APP_ORIGIN) || !(rest === '' || /^[/?#]/.test(rest))) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/**
 * The link to hand to `shell.openExternal`, normalized, or null when it must not leave the app.
 * Only `https:` (user info refused, a host required, the default port only) and `mailto:`
 * (an address required, no authority part). Never `http:`, `file:`, `javascript:`, `data:`, custom
 * schemes (which would start other programs) or our own `app:`.
 */
export function externalUrlToOpen(url: string): string | null {
  const parsed = parse(url, MAX_EXTERNAL_URL_LENGTH);
  if (!parsed) return null;
  const lower = url.toLowerCase();
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;

  if (parsed.protocol === 'https:') {
    // "https:example.com" and "https:/example.com" parse, but no canonical URL looks like that.
    if (!lower.startsWith('https://')) return null;
    // The authority as written must already be the canonical host: no user info ("@"), no empty
    // authority ("https:///example.com"), no percent-encoded or otherwise repaired host.
    const authority = lower.slice('https://'.length).split(/[/?#]/, 1)[0]!;
    if (parsed.hostname === '' || (authority !== parsed.host && authority !== `${parsed.host}:443`)) return null;
    return parsed.href;
  }

  if (parsed.protocol === 'mailto:') {
    if (!lower.startsWith('mailto:') || lower.startsWith('mailto:/')) return null;
    if (parsed.host !== '') return null;
    const recipients = parsed.pathname;
    if (!/^[^@/?#]+@[^@/?#]+(,[^@/?#]+@[^@/?#]+)*$/.test(recipients)) return null;
    return parsed.href;
  }

  return null;
}
