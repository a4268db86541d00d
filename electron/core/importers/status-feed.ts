// A status page's history feed, Atom (history.atom) or RSS 2.0 (history.rss), as Statuspage,
// Instatus and others publish them: each entry (item) is an incident, its HTML holds the updates
// (./feed-html reads Statuspage's markup; anything else is kept as one update at the entry's date).
// Feeds say nothing of impact or components, and their scheduled maintenances cannot be read as
// windows reliably, so those are skipped with a warning. Every problem names the element by its
// path ("/rss/channel/item[3]/pubDate", counted from 1 as XPath does); one bad entry refuses the file.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_INCIDENT_TITLE, MAX_UPDATE_TEXT, type Postmortem } from '../../../shared/domain/incidents';
import { clip, isoInstant, MAX_SOURCE_UID, Problems, refusal } from './imported';
import { decodeEntities, htmlToText, isMaintenanceEntry, readFeedUpdates } from './feed-html';
import { MAX_UPDATE_STATUS, oldestFirst, resolvedByUpdates, writeUpdates, type TimedUpdate } from './incident-timeline';
import { httpLink, instant } from './json-fields';
import type { ImportedIncident, ParsedStatusFile } from './status-imported';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Plain objects out of the XML, and nothing that can grow: the detector has already refused any
 * DOCTYPE (a feed never needs one), and no DOCTYPE entity may be defined here either, as a second
 * wall. The five XML entities and character references cannot expand beyond the text's own size.
 * Values stay strings (an id "0012" must not become 12).
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: false,
  processEntities: { enabled: true, maxEntityCount: 0, maxEntitySize: 0 },
  isArray: (_name, jPath) => ['feed.entry', 'feed.link', 'feed.entry.link', 'rss.channel.item'].includes(String(jPath)),
});

/** An element's text: a string, the text beside its attributes, or (XHTML) every piece of text in it. */
function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(textOf).filter(Boolean).join(' ');
  if (!isNode(v)) return '';
  if (typeof v['#text'] === 'string') return v['#text'];
  return Object.entries(v)
    .filter(([k]) => !k.startsWith('@_'))
    .map(([, child]) => textOf(child))
    .filter(Boolean)
    .join(' ');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A text construct as HTML: Atom's type "html" as it is, "text" and "xhtml" as escaped text. */
function asHtml(v: unknown, htmlUnlessTyped: boolean): string {
  const type = isNode(v) && typeof v['@_type'] === 'string' ? v['@_type'].toLowerCase() : null;
  const html = type === null ? htmlUnlessTyped : type === 'html' || type === 'text/html';
  return html ? textOf(v) : escapeHtml(textOf(v));
}

/** A link element's address: Atom's rel="alternate" (or no rel), RSS's text. */
function alternate(v: unknown): string | null {
  const links = Array.isArray(v) ? v : v === undefined ? [] : [v];
  for (const link of links) {
    if (!isNode(link)) continue;
    const rel = typeof link['@_rel'] === 'string' ? link['@_rel'] : 'alternate';
    if (rel === 'alternate' && typeof link['@_href'] === 'string') return link['@_href'].trim();
  }
  return null;
}

const RSS_DATE = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,3})$/;
/** The zone names RFC 822 defines (its CST is US Central, so there is no doubt here). */
const RSS_ZONES: Record<string, number> = { GMT: 0, UT: 0, UTC: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RSS's RFC 822 date ("Thu, 03 Dec 2026 17:49:37 +0000"), or an ISO instant (Dublin Core's dc:date). */
function rssDate(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const iso = instant(v);
  if (iso !== null) return iso;
  const m = RSS_DATE.exec(v.trim());
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) - (Number(m[3]) >= 50 ? 100 : 0) : Number(m[3]);
  const day = Number(m[1]);
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  const zone = m[7]!;
  const offset = /^[+-]/.test(zone) ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3))) : RSS_ZONES[zone.toUpperCase()];
  if (month < 0 || offset === undefined || hour > 23 || minute > 59 || second > 60) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month + 1, 0)).getUTCDate()) return null;
  return Date.UTC(year, month, day, hour, minute, second) - offset * 60_000;
}

/** One entry or item, whichever format, before it is checked. */
interface FeedEntry {
  path: string;
  title: string;
  /** The element the id came from, for the problem that names it. */
  uidField: string;
  uid: string;
  link: string | null;
  html: string;
  /** When it was first posted (Atom published, else updated; RSS pubDate). */
  first: { field: string; raw: unknown };
  /** When it last changed (Atom updated; RSS pubDate, which Statuspage sets to the last change). */
  last: { field: string; raw: unknown };
}

interface Feed {
  page: { name: string | null; url: string | null };
  entries: FeedEntry[];
  readDate: (v: unknown) => number | null;
  dateExample: string;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function atomFeed(feed: Node): Feed {
  const entries = (Array.isArray(feed.entry) ? feed.entry : []).map((raw: unknown, i): FeedEntry => {
    const e = isNode(raw) ? raw : {};
    const link = alternate(e.link);
    const id = textOf(e.id).trim();
    return {
      path: `/feed/entry[${i + 1}]`,
      title: htmlToText(asHtml(e.title, false)),
      uidField: 'id',
      uid: id || (link ?? ''),
      link,
      html: e.content !== undefined ? asHtml(e.content, false) : asHtml(e.summary, false),
      first: e.published !== undefined ? { field: 'published', raw: textOf(e.published) } : { field: 'updated', raw: e.updated === undefined ? undefined : textOf(e.updated) },
      last: e.updated !== undefined ? { field: 'updated', raw: textOf(e.updated) } : { field: 'published', raw: e.published === undefined ? undefined : textOf(e.published) },
    };
  });
  return { page: { name: orNull(htmlToText(asHtml(feed.title, false))), url: alternate(feed.link) }, entries, readDate: instant, dateExample: '2026-12-03T17:49:37Z' };
}

function rssFeed(channel: Node): Feed {
  const entries = (Array.isArray(channel.item) ? channel.item : []).map((raw: unknown, i): FeedEntry => {
    const item = isNode(raw) ? raw : {};
    const link = orNull(textOf(item.link));
    const guid = textOf(item.guid).trim();
    const date = item.pubDate !== undefined ? { field: 'pubDate', raw: textOf(item.pubDate) } : { field: 'pubDate', raw: item.date === undefined ? undefined : textOf(item.date) };
    return {
      path: `/rss/channel/item[${i + 1}]`,
      // RSS titles are text, but feeds often escape them twice ("AT&amp;amp;T"): decoded once more.
      title: decodeEntities(textOf(item.title)).trim(),
      uidField: 'guid',
      uid: guid || (link ?? ''),
      link,
      // content:encoded, where a feed has it, is the full text; description otherwise.
      html: textOf(item.encoded ?? item.description),
      first: date,
      last: date,
    };
  });
  return { page: { name: orNull(textOf(channel.title)), url: orNull(textOf(channel.link)) }, entries, readDate: rssDate, dateExample: 'Thu, 03 Dec 2026 17:49:37 +0000' };
}

const count = (n: number) => n.toLocaleString('en-US');

/** What the file-level warnings need to know about what was read. */
interface Tally {
  maintenances: number;
  /** Entries whose update times could not be read, with the first reason. */
  untimed: { count: number; why: string | null };
}

function readEntry(fileName: string, feed: Feed, e: FeedEntry, problems: Problems, warnings: string[], tally: Tally): ImportedIncident | null {
  const problem = (field: string, what: string) => problems.add(`${fileName}: ${e.path}/${field}: ${what}`);
  const found = (v: unknown) => (v === undefined ? 'missing' : `must be a date and time with its zone, such as ${feed.dateExample} (found ${JSON.stringify(v).slice(0, 60)})`);
  if (isMaintenanceEntry(e.title, e.html)) {
    tally.maintenances++;
    return null;
  }
  const first = feed.readDate(e.first.raw);
  const last = feed.readDate(e.last.raw);
  if (e.title === '') problem('title', 'missing');
  if (e.uid === '') problem(e.uidField, 'missing, and no link to take it from');
  else if (e.uid.length > MAX_SOURCE_UID) problem(e.uidField, `is ${e.uid.length} characters long; Vetted keeps a provider's id of at most ${MAX_SOURCE_UID}`);
  if (first === null) problem(e.first.field, found(e.first.raw));
  if (last === null && e.last.field !== e.first.field) problem(e.last.field, found(e.last.raw));
  if (e.title === '' || e.uid === '' || e.uid.length > MAX_SOURCE_UID || first === null || last === null) return null;

  const read = readFeedUpdates(e.html, Math.max(first, last));
  let timed: TimedUpdate[];
  if (read.kind === 'read') {
    timed = oldestFirst(read.updates);
  } else {
    // No times to read: the whole text as one update at the entry's date, which is when the feed
    // says it was posted.
    tally.untimed.count++;
    tally.untimed.why ??= read.kind === 'unreadable' ? `${e.path}: ${read.why}` : null;
    const text = htmlToText(e.html);
    timed = text === '' ? [] : [{ at: first, status: '', text }];
  }
  const updates = timed.map((u, k) => {
    if (u.text.length > MAX_UPDATE_TEXT) warnings.push(`${fileName}: ${e.path}: update ${k + 1} is ${count(u.text.length)} characters long; kept the first ${count(MAX_UPDATE_TEXT)}`);
    return { ...u, status: clip(u.status, MAX_UPDATE_STATUS), text: clip(u.text, MAX_UPDATE_TEXT) };
  });
  const earliest = updates[0]?.at ?? first;
  const latest = updates.at(-1)?.at ?? last;
  const resolvedAt = resolvedByUpdates(updates);
  const link = httpLink(e.link);
  // Statuspage posts a published postmortem as an update with the status "Postmortem".
  const posted = updates.find((u) => u.status === 'postmortem');
  const postmortem: Postmortem | null = posted
    ? { publishedAt: isoInstant(posted.at), link: posted.text === '' ? link : null, text: posted.text === '' && link === null ? 'Published on the status page; the feed does not carry its text.' : posted.text }
    : null;
  if (e.title.length > MAX_INCIDENT_TITLE) warnings.push(`${fileName}: ${e.path}/title is ${count(e.title.length)} characters long; kept the first ${MAX_INCIDENT_TITLE}`);
  return {
    sourceUid: e.uid,
    // The latest time the entry gives: Atom's updated, RSS's pubDate, or its newest update.
    sequence: Math.floor(Math.max(first, last, latest) / 1000),
    title: clip(e.title, MAX_INCIDENT_TITLE),
    // A feed does not say: minor, with one warning per file (see parseStatusFeed).
    impact: 'minor',
    components: [],
    // The earliest time the entry gives (Statuspage's RSS pubDate is the last change, not the start).
    startedAt: isoInstant(Math.min(first, earliest)),
    // The first update shown; an entry without any was itself posted at its date.
    firstUpdateAt: isoInstant(earliest),
    resolvedAt: resolvedAt === null ? null : isoInstant(resolvedAt),
    updates: writeUpdates(updates, (dropped) => warnings.push(`${fileName}: ${e.path} has ${count(updates.length)} updates; kept the oldest ${count(updates.length - dropped)}`)),
    postmortem,
    link,
    notes: '',
  };
}

/** Reads an Atom or RSS history feed (the detector has chosen which), or throws a validation error naming each element at fault. */
export function parseStatusFeed(fileName: string, text: string, format: 'atom' | 'rss'): ParsedStatusFile {
  // A byte-order mark and blank lines before the declaration are tolerated (XML itself is not),
  // and a problem's line still counts them, so it matches what an editor shows.
  const bare = text.replace(/^\uFEFF/, '');
  const body = bare.trimStart();
  const lead = bare.slice(0, bare.length - body.length).split('\n');
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    const line = valid.err.line + lead.length - 1;
    const column = valid.err.line === 1 ? valid.err.col + lead.at(-1)!.length : valid.err.col;
    throw refusal([`${fileName} line ${line}, column ${column}: not well-formed XML (${valid.err.msg})`]);
  }
  let root: unknown;
  try {
    root = parser.parse(body);
  } catch (error) {
    throw refusal([`${fileName}: the feed could not be read (${error instanceof Error ? error.message : String(error)})`]);
  }
  const top = isNode(root) ? (format === 'atom' ? root.feed : root.rss) : undefined;
  const channel = format === 'rss' && isNode(top) ? top.channel : top;
  if (format === 'rss' && !isNode(channel)) throw refusal([`${fileName}: /rss/channel: missing; an RSS 2.0 feed holds its items in one channel`]);
  const feed = format === 'atom' ? atomFeed(isNode(top) ? top : {}) : rssFeed(channel as Node);

  const warnings: string[] = [];
  const problems = new Problems();
  const tally: Tally = { maintenances: 0, untimed: { count: 0, why: null } };
  const kept = new Map<string, ImportedIncident>();
  for (const entry of feed.entries) {
    const incident = readEntry(fileName, feed, entry, problems, warnings, tally);
    if (!incident) continue;
    // The same id twice: the later update wins, as across files.
    const held = kept.get(incident.sourceUid);
    if (!held || incident.sequence >= held.sequence) kept.set(incident.sourceUid, incident);
  }
  problems.throwIfAny();

  const what = format === 'atom' ? 'entries' : 'items';
  if (feed.entries.length === 0) warnings.push(`${fileName}: the feed has no ${what}: it lists no incident`);
  if (kept.size > 0) {
    warnings.push(`${fileName}: a feed does not say how bad an incident was, so ${kept.size === 1 ? 'its incident is' : `its ${kept.size} incidents are`} held as minor; Statuspage's incidents.json (/api/v2/incidents.json) gives each one's real impact and components`);
  }
  if (tally.maintenances > 0) {
    warnings.push(`${fileName}: ${tally.maintenances === 1 ? `one of the ${what} is a scheduled maintenance` : `${tally.maintenances} of the ${what} are scheduled maintenances`}, skipped: a feed does not give their windows reliably; import the page's scheduled-maintenances.json for those`);
  }
  if (tally.untimed.count > 0) {
    warnings.push(
      `${fileName}: ${tally.untimed.count === 1 ? 'one entry carries' : `${tally.untimed.count} entries carry`} no update times Vetted can read${tally.untimed.why ? ` (${tally.untimed.why})` : ''}: each is kept as one update at its date and held open, since the feed does not say when it was resolved`,
    );
  }
  return { format, page: feed.page, incidents: [...kept.values()], maintenances: [], warnings };
}
