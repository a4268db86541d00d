// Browser mode signs in with an HttpOnly session cookie the server sets when the page is first
// opened through the address `vetted serve` printed (`/?token=…`, or a one-time `/?launch=…` from
// --open) and then redirects to the same address without it (electron/serve/browser-session.ts).
// The page never holds the token: it is not in the address, in storage or readable by script.
// An address in the old form, with the token in the fragment (#token=…), never reaches the server;
// the page passes it on once, replacing itself, so the exchange happens the same way.
const TOKEN_IN_HASH = /^#token=([A-Za-z0-9_-]{16,200})(?:&|$)/;

/** True when the page is being replaced to hand a fragment token to the server; render nothing then. */
export function handOverFragmentToken(): boolean {
  const match = TOKEN_IN_HASH.exec(window.location.hash);
  if (!match) return false;
  window.location.replace(`${window.location.pathname}?token=${match[1]!}`);
  return true;
}

/** True when the fragment is a token hand-over rather than a route. */
export function isTokenFragment(hash: string): boolean {
  return hash.startsWith('#token=');
}
