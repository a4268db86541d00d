// The HTML inside a status page feed entry: turned into plain text, and, where the entry is written
// the way Statuspage writes it, into one update per paragraph:
//   <p><small>Dec <var data-var='date'> 3</var>, <var data-var='time'>17:49</var> UTC</small><br>
//   <strong>Resolved</strong> - This incident has been resolved.</p>
// The time has no year and is in the page's own zone, named by an abbreviation ("UTC", "PDT",
// "CET"); the year is the one that puts it nearest the entry's own date, which does carry one.
import type { TimedUpdate } from './incident-timeline';

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', euro: '€', deg: '°',
};

/** Character references, named (the common HTML ones) and numeric; anything else stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

/** HTML to the text a reader sees: line breaks kept, tags dropped, then references decoded. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Zone abbreviations a page may print, with their offset in minutes. Ambiguous ones are left out
 * on purpose (CST: US Central or China; IST: India, Ireland or Israel; BST: British Summer or
 * Bangladesh; AST): a wrong guess would shift every time by hours, so such an entry falls back to
 * one update at the entry's own date, with a warning.
 */
const ZONES: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
  JST: 540, KST: 540, HKT: 480, SGT: 480, AWST: 480, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

function offsetOf(zone: string): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  return ZONES[zone.toUpperCase()] ?? null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One update's heading: month, day, (a year if given), time and zone. */
const HEADING =
  /<small>\s*([A-Za-z]{3})[a-z]*\.?\s*<var data-var=["']date["']>\s*(\d{1,2})\s*<\/var>\s*,?\s*(?:<var data-var=["']year["']>\s*(\d{4})\s*<\/var>\s*,?\s*)?<var data-var=["']time["']>\s*(\d{1,2}):(\d{2})\s*<\/var>\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?\s*<\/small>/gi;
/** What follows a heading: the status in bold, then " - " and the text. */
const STATUS = /^\s*(?:<br\s*\/?>\s*)*<strong>([^<]*)<\/strong>\s*(?:-|–|—|&ndash;|&mdash;)?\s*/i;

/** The instant a heading names: the year nearest the entry's own date (an incident spans days, not years). */
function when(month: number, day: number, year: number | null, hour: number, minute: number, offset: number, reference: number): number | null {
  if (hour > 23 || minute > 59) return null;
  const refYear = new Date(reference).getUTCFullYear();
  const years = year !== null ? [year] : [refYear - 1, refYear, refYear + 1];
  let best: number | null = null;
  for (const y of years) {
    if (day < 1 || day > new Date(Date.UTC(y, month + 1, 0)).getUTCDate()) continue;
    const ms = Date.UTC(y, month, day, hour, minute) - offset * 60_000;
    if (best === null || Math.abs(ms - reference) < Math.abs(best - reference)) best = ms;
  }
  return best;
}

export type FeedUpdates =
  | { kind: 'read'; updates: TimedUpdate[] }
  /** Headings were found but a time could not be placed (a zone not known, a date that does not exist). */
  | { kind: 'unreadable'; why: string }
  /** No Statuspage headings: some other product's feed. */
  | { kind: 'none' };

/** The updates in an entry's HTML, written the way Statuspage writes them; `reference` is the entry's date. */
export function readFeedUpdates(html: string, reference: number): FeedUpdates {
  const headings = [...html.matchAll(HEADING)];
  if (headings.length === 0) return { kind: 'none' };
  const updates: TimedUpdate[] = [];
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k]!;
    const month = MONTHS.indexOf(h[1]!.toLowerCase());
    const zone = h[6] ?? 'UTC';
    const offset = offsetOf(zone);
    if (offset === null) return { kind: 'unreadable', why: `the zone "${zone}" is not one Vetted can place` };
    const at = month < 0 ? null : when(month, Number(h[2]), h[3] ? Number(h[3]) : null, Number(h[4]), Number(h[5]), offset, reference);
    if (at === null) return { kind: 'unreadable', why: `"${htmlToText(h[0])}" is not a date` };
    const end = k + 1 < headings.length ? headings[k + 1]!.index : html.length;
    const rest = html.slice(h.index + h[0].length, end);
    const status = STATUS.exec(rest);
    updates.push({
      at,
      status: status ? htmlToText(status[1]!).toLowerCase() : '',
      text: htmlToText(status ? rest.slice(status[0].length) : rest),
    });
  }
  return { kind: 'read', updates };
}

/** Statuspage's maintenance states, as its feeds print them. */
const MAINTENANCE_STATUS = /<strong>\s*(scheduled|in progress|verifying|completed)\s*<\/strong>/i;

/**
 * A scheduled maintenance rather than an incident: its title says so, its text carries Statuspage's
 * "THIS IS A SCHEDULED EVENT" banner, or an update has a maintenance state.
 */
export function isMaintenanceEntry(title: string, html: string): boolean {
  return /\bscheduled maintenance\b/i.test(title) || /\bscheduled event\b/i.test(html) || MAINTENANCE_STATUS.test(html);
}
