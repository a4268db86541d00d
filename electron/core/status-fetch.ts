// The one place Vetted goes online, and only when the user asks ("Refresh from status page").
// node:http/https rather than global fetch so that every redirect, header and byte is decided
// here: fetch would follow redirects itself, may decompress, and in Electron may pick up a proxy.
import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { VettedError } from '../../shared/result';
import { reachOf, refusedReach, type Reach } from './status-address';
import { APP_VERSION } from './version';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}
export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 3 };

export interface Fetched {
  /** The final address, after redirects. */
  url: string;
  text: string;
  bytes: number;
}

// No Cookie, no Authorization, ever: a status page is public, and nothing about the user or the
// machine should travel with the request. identity: a compressed body could expand past the cap.
const HEADERS = {
  'User-Agent': `Vetted/${APP_VERSION}`,
  Accept: 'application/json, application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.8',
  'Accept-Encoding': 'identity',
};
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** A file the user named exactly; anything else is taken for a Statuspage-style page root. */
const FILE_PATH = /\.(json|atom|rss|xml)$/i;
// Statuspage (and incident.io, Rootly) serve the JSON; most other products a history feed.
const INCIDENT_PATHS = ['/api/v2/incidents.json', '/history.atom', '/history.rss'];
const FIELD = 'statusPage';

/** Carries the status code so fetchStatusPage can move on to the next candidate on 404/410. */
class HttpStatusError extends VettedError {
  constructor(
    readonly status: number,
    url: URL,
  ) {
    // Client errors mean the address is wrong (retrying will not help); 408, 429 and 5xx may pass.
    const transient = status >= 500 || status === 408 || status === 429;
    super(transient ? 'unavailable' : 'validation', `${show(url)} answered HTTP ${status}${reason(status)}`);
  }
}

const reason = (status: number) => (http.STATUS_CODES[status] ? ` (${http.STATUS_CODES[status]})` : '');

/** Long addresses are cut so an error stays one readable line. */
function show(url: URL | string): string {
  const s = String(url);
  return s.length > 200 ? `${s.slice(0, 197)}…` : s;
}

const fieldError = (message: string) =>
  new VettedError('validation', `${FIELD}: ${message}`, [{ path: FIELD, message }]);

/** The profile's address, refused before any connection if it is not a plain web address. */
function checkAddress(raw: string | null | undefined): URL {
  const trimmed = raw?.trim();
  if (!trimmed) {
    throw new VettedError('validation', "the provider's profile has no status page address (statusPage)", [
      { path: FIELD, message: 'no status page address' },
    ]);
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw fieldError(`"${show(trimmed)}" is not a web address`);
  }
  // The scheme only, never the whole address: a javascript: or data: one can be anything.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw fieldError(`only http and https addresses can be read, not ${url.protocol}`);
  }
  if (url.username || url.password) throw fieldError('the address must not carry a user name or password');
  return url;
}

/** Where a redirect may go: the same rules as the profile's address, and never from https down to http. */
function redirectTarget(from: URL, location: string | undefined): URL {
  if (!location) throw new VettedError('validation', `${show(from)} redirected without saying where to`);
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw new VettedError('validation', `${show(from)} redirected to something that is not a web address`);
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') {
    throw new VettedError('validation', `${show(from)} redirected to a ${to.protocol} address, which is not read`);
  }
  if (to.username || to.password) {
    throw new VettedError('validation', `${show(from)} redirected to an address carrying a user name or password`);
  }
  if (from.protocol === 'https:' && to.protocol === 'http:') {
    throw new VettedError('validation', `${show(from)} redirected from https to unencrypted http, which is refused`);
  }
  return to;
}

function formatSize(bytes: number): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  if (bytes >= 1024 * 1024) return `${round(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The network's own words for what went wrong, short enough for a message. */
function networkError(url: URL, err: unknown): VettedError {
  if (err instanceof VettedError) return err;
  const code = (err as { code?: string }).code ?? '';
  const why =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? `no such host ${url.hostname}`
      : code === 'ECONNREFUSED'
        ? 'the connection was refused'
        : code === 'ECONNRESET' || code === 'EPIPE'
          ? 'the connection was closed'
          : code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH'
            ? 'the host cannot be reached'
            : /CERT|SELF_SIGNED|ALTNAME/.test(code)
              ? 'its certificate could not be verified'
              : code || 'a network error';
  return new VettedError('unavailable', `${show(url)} could not be read: ${why}`);
}

type Hop = { redirect: string | undefined } | { text: string; bytes: number };

/** What a chain of hops has reached so far: the first hop's reach decides what later hops may reach. */
interface Chain {
  startedPrivate: boolean | null;
}

/** Checks one resolved address against the chain's rule (the first one sets it). */
function admit(url: URL, ip: string, chain: Chain): void {
  const reach: Reach = reachOf(ip);
  if (chain.startedPrivate === null) chain.startedPrivate = reach === 'private';
  const refused = refusedReach(reach, chain.startedPrivate);
  if (refused) throw new VettedError('validation', `${show(url)} resolves to ${ip}: ${refused}`);
}

/**
 * Resolves the host as the connection will (so what is checked is what is connected to: a name
 * that resolves differently a moment later cannot slip past), and refuses what may not be reached.
 */
function checkedLookup(url: URL, chain: Chain) {
  return (hostname: string, options: LookupOptions, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      try {
        for (const a of addresses) admit(url, a.address, chain);
      } catch (refusal) {
        return callback(refusal as Error, []);
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** One GET, settled exactly once; every failure path destroys the socket. */
function getOnce(url: URL, deadline: number, limits: FetchLimits, chain: Chain): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (net.isIP(literal)) {
      // An address written as a number is connected to without a lookup: checked here.
      try {
        admit(url, literal, chain);
      } catch (refusal) {
        reject(refusal as VettedError);
        return;
      }
    }
    // agent: false: a fresh connection, closed afterwards; no keep-alive pool, no proxy agent.
    const req = (url.protocol === 'https:' ? https : http).request(url, { method: 'GET', agent: false, headers: HEADERS, lookup: checkedLookup(url, chain) });
    let settled = false;
    const settle = (err: VettedError | null, hop?: Hop) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      if (err) reject(err);
      else resolve(hop!);
    };
    // One deadline for connect, headers and body alike, so a server dripping a byte at a time
    // cannot hold the app; it is shared by every hop of a redirect chain.
    const timer = setTimeout(
      () => settle(new VettedError('unavailable', `${show(url)} did not answer within ${Math.round(limits.timeoutMs / 100) / 10} s`)),
      Math.max(0, deadline - Date.now()),
    );
    const tooLarge = () => new VettedError('validation', `${show(url)} is larger than ${formatSize(limits.maxBytes)}`);

    req.on('error', (err) => settle(networkError(url, err)));
    req.on('response', (res) => {
      res.on('error', (err) => settle(networkError(url, err)));
      const status = res.statusCode ?? 0;
      // Set-Cookie is never read: there is no jar, so nothing set here reaches the next hop.
      if (REDIRECTS.has(status)) return settle(null, { redirect: res.headers.location });
      if (status < 200 || status > 299) return settle(new HttpStatusError(status, url));
      const encoding = res.headers['content-encoding'];
      if (encoding && encoding.toLowerCase() !== 'identity') {
        return settle(new VettedError('validation', `${show(url)} sent compressed content (${encoding}) though asked not to`));
      }
      if (Number(res.headers['content-length']) > limits.maxBytes) return settle(tooLarge());
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limits.maxBytes) return settle(tooLarge());
        chunks.push(chunk);
      });
      res.on('end', () => settle(null, { text: Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, ''), bytes }));
      // A close without an end: the server hung up mid-body.
      res.on('close', () => settle(new VettedError('unavailable', `${show(url)} closed the connection before the end`)));
    });
    req.end();
  });
}

/** GETs one address, following at most maxRedirects redirects, within one deadline and size cap. */
export async function fetchText(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<Fetched> {
  const start = checkAddress(url);
  const deadline = Date.now() + limits.timeoutMs;
  const chain: Chain = { startedPrivate: null };
  let current = start;
  for (let redirects = 0; ; redirects++) {
    const hop = await getOnce(current, deadline, limits, chain);
    if ('text' in hop) return { url: current.href, text: hop.text, bytes: hop.bytes };
    // Counted before following, so a loop ends here too.
    if (redirects >= limits.maxRedirects) {
      throw new VettedError('validation', `${show(start)} led to more than ${limits.maxRedirects} redirects`);
    }
    current = redirectTarget(current, hop.redirect);
  }
}

/** An HTML page where a file was asked for (a status page's web app answering every path). */
const looksLikeWebPage = (text: string) => /^\s*(<!doctype html|<html[\s>])/i.test(text);

/** Which addresses to read for a status page address from a provider's profile. */
export function statusSources(pageUrl: string): { incidents: string[]; maintenances: string | null } {
  const url = checkAddress(pageUrl);
  url.hash = '';
  if (FILE_PATH.test(url.pathname)) return { incidents: [url.href], maintenances: null };
  url.search = '';
  const root = url.href.replace(/\/+$/, '');
  return {
    incidents: INCIDENT_PATHS.map((path) => root + path),
    maintenances: `${root}/api/v2/scheduled-maintenances.json`,
  };
}

/**
 * Reads a provider's status page: the first incidents candidate that exists (404/410 moves on,
 * anything else is the answer), then the scheduled maintenances, which are a bonus: any failure
 * there is null, and they are only asked for once the incidents were read.
 */
export async function fetchStatusPage(
  pageUrl: string | null | undefined,
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
): Promise<{ incidents: Fetched; maintenances: Fetched | null }> {
  const sources = statusSources(pageUrl ?? '');
  let incidents: Fetched | null = null;
  let webPage: Fetched | null = null;
  for (const candidate of sources.incidents) {
    try {
      const fetched = await fetchText(candidate, limits);
      // Many pages answer every path with their web app: a page, not a file; try the next.
      if (sources.incidents.length > 1 && looksLikeWebPage(fetched.text)) {
        webPage ??= fetched;
        continue;
      }
      incidents = fetched;
      break;
    } catch (err) {
      if (!(err instanceof HttpStatusError && (err.status === 404 || err.status === 410))) throw err;
      if (sources.incidents.length === 1) throw err;
    }
  }
  if (!incidents && webPage) {
    throw new VettedError('validation', `${show(webPage.url)} answered with a web page, not a status file, and so did the other addresses tried; give the page's incidents.json or history.atom address in the profile`);
  }
  if (!incidents) {
    const page = show(checkAddress(pageUrl));
    throw new VettedError('validation', `${page} has none of ${INCIDENT_PATHS.join(', ')} (not found): not a status page Vetted can read`);
  }
  const maintenances = sources.maintenances ? await fetchText(sources.maintenances, limits).catch(() => null) : null;
  return { incidents, maintenances };
}
