// The access token for the loopback HTTP bridge. `vetted serve` prints an address with the token
// in the fragment (#token=…), which browsers never send to a server. It is read once at startup,
// kept in sessionStorage (gone when the tab closes) and removed from the address bar.
const STORAGE_KEY = 'vetted.token';
const TOKEN_IN_HASH = /^#token=([A-Za-z0-9_-]{16,200})(?:&|$)/;

let token: string | null = null;

function readStored(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the token lives in memory only
  }
}

/**
 * Takes the token from the address (and replaces the fragment with the home route so it neither
 * stays visible nor gets mistaken for a route), else from sessionStorage. Call before routing.
 */
export function captureToken(): string | null {
  const match = TOKEN_IN_HASH.exec(window.location.hash);
  if (match) {
    token = match[1]!;
    try {
      sessionStorage.setItem(STORAGE_KEY, token);
    } catch {
      // keep it in memory
    }
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}#/`);
  } else {
    token = readStored();
  }
  return token;
}

export function currentToken(): string | null {
  return token ?? readStored();
}

/** True when the fragment is a token hand-over rather than a route. */
export function isTokenFragment(hash: string): boolean {
  return hash.startsWith('#token=');
}
