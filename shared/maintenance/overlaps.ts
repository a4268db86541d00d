// What the maintenance calendar warns about over a span of time: two providers' windows that
// overlap (critical-path pairs first), windows inside the company's blackout periods, and
// scheduled maintenances announced with less notice than promised. Pure: the service, the app,
// the CLI and the report all call this with what the register holds.
import type { BlackoutPeriod, MaintenanceWindow, Span } from '../domain/maintenance';
import { sweepAcross, sweepWithin, timeline, type Timeline } from './sweep';
import { scheduleWords } from './words';

const HOUR = 3_600_000;

/** A window as the warnings name it. */
export interface WindowRef {
  windowId: string;
  vendorId: string;
  vendorName: string;
  criticalPath: boolean;
  title: string;
  impact: MaintenanceWindow['impact'];
  /** The schedule in words ("Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)"). */
  words: string;
}

/** [start, end) as ISO instants (UTC). */
export interface IsoSpan {
  start: string;
  end: string;
}

/** Two providers' windows whose occurrences overlap within the span. */
export interface WindowOverlap {
  a: WindowRef;
  b: WindowRef;
  /** 2: both on the critical path; 1: one; 0: neither. Sorted by this first. */
  critical: 0 | 1 | 2;
  /** How many times they overlap in the span, and the first time (the overlapping part). */
  times: number;
  first: IsoSpan;
  /** Minutes within the span when both are in maintenance (each minute once, however many occurrences cover it). */
  minutes: number;
}

/** A window that falls (partly) inside a blackout period. */
export interface BlackoutHit {
  window: WindowRef;
  blackoutId: string;
  blackoutName: string;
  times: number;
  first: IsoSpan;
}

/** A scheduled maintenance announced with less notice than required. */
export interface ShortNotice {
  window: WindowRef;
  start: string;
  announcedAt: string;
  /** Hours between the announcement and the start (rounded down to a tenth). */
  noticeHours: number;
  /** The notice it needed: the larger of what the provider promised and the minimum in Settings. */
  requiredHours: number;
  /** Whose requirement it missed: the provider's own answer, the Settings minimum, or both. */
  missed: ('promised' | 'minimum')[];
}

export interface MaintenanceWarnings {
  span: IsoSpan;
  /** Windows considered (not cancelled) and their occurrences in the span. */
  windows: number;
  occurrences: number;
  overlaps: WindowOverlap[];
  blackouts: BlackoutHit[];
  shortNotice: ShortNotice[];
  /**
   * How many of each there are in all. With a `limit` the lists keep only the first ones in
   * their order (critical first): a screen shows these and says how many more there are.
   */
  totals: {
    overlaps: number;
    blackouts: number;
    shortNotice: number;
    /** Of those, the ones on the critical path: overlaps of two critical providers, critical windows in blackouts. */
    critical: number;
  };
}

/** A window with the provider facts the warnings need. */
export interface WindowOf {
  window: MaintenanceWindow;
  vendorName: string;
  criticalPath: boolean;
  /** The notice the provider promised (its answer to mnt_notice_hours), if answered. */
  promisedNoticeHours: number | null;
}

export interface WarningOptions {
  /** Only windows of critical-path providers. */
  criticalOnly?: boolean;
  /** The minimum notice from Settings; null: none set. */
  minimumNoticeHours?: number | null;
  /** Keep at most this many of each kind (totals still count them all); all when left out. */
  limit?: number;
  /** Only the warnings about this provider: its overlaps with others, its windows in blackouts, its short notice. */
  vendorId?: string;
}

export function windowRef(w: WindowOf): WindowRef {
  return {
    windowId: w.window.id,
    vendorId: w.window.vendorId,
    vendorName: w.vendorName,
    criticalPath: w.criticalPath,
    title: w.window.title,
    impact: w.window.impact,
    words: scheduleWords(w.window.schedule),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * iso() remembered for one call: tens of thousands of overlaps share a few thousand first starts
 * and ends (windows recur at the same hours), and a lookup costs less than formatting again.
 */
function isoMemo(): (ms: number) => string {
  const seen = new Map<number, string>();
  return (ms) => {
    let s = seen.get(ms);
    if (s === undefined) seen.set(ms, (s = iso(ms)));
    return s;
  };
}

/**
 * Each string's rank in localeCompare order (equal strings share one). The warnings sort tens of
 * thousands of pairs by names; comparing ranks gives the same order as localeCompare at a fraction
 * of the cost, since each name is collated once here instead of once per comparison.
 */
function collationRanks(values: readonly string[]): Int32Array {
  const order = values.map((_, i) => i).sort((i, j) => values[i]!.localeCompare(values[j]!));
  const rank = new Int32Array(values.length);
  for (let k = 1; k < order.length; k++) {
    const i = order[k]!;
    const prev = order[k - 1]!;
    rank[i] = values[i]!.localeCompare(values[prev]!) === 0 ? rank[prev]! : k;
  }
  return rank;
}

/** What the warnings sort by, per window (index into the considered windows). */
interface Ranks {
  refs: WindowRef[];
  /** The provider's name, in localeCompare order. */
  name: Int32Array;
  /** The window's id, in localeCompare order. */
  id: Int32Array;
  /** 1 for a critical-path provider. */
  critical: Int8Array;
}

/**
 * Overlapping windows of different providers, critical pairs first, then by the first overlap,
 * the providers' names and the windows' ids. Sorted on numbers (a first start in ms orders as its
 * ISO string does; names by collation rank), then turned into the objects the warnings carry.
 */
function windowOverlaps(occ: Timeline, group: Int32Array, n: number, span: Span, r: Ranks, isoOf: (ms: number) => string): WindowOverlap[] {
  const tallies = sweepWithin(occ, group, n, span);
  // Per pair (slot): its windows, a before b by name, and what it sorts by, in typed arrays so that
  // sorting tens of thousands of pairs allocates nothing per pair.
  const aOf = new Int32Array(tallies.size);
  const bOf = new Int32Array(tallies.size);
  const criticalOf = new Int8Array(tallies.size);
  const firstOf = new Float64Array(tallies.size);
  for (let slot = 0; slot < tallies.size; slot++) {
    const key = tallies.key(slot);
    const i = Math.floor(key / n);
    const j = key % n;
    const iFirst = r.name[i]! <= r.name[j]!;
    aOf[slot] = iFirst ? i : j;
    bOf[slot] = iFirst ? j : i;
    criticalOf[slot] = r.critical[i]! + r.critical[j]!;
    firstOf[slot] = tallies.firstStart(slot);
  }
  const order = Array.from({ length: tallies.size }, (_, slot) => slot).sort(
    (x, y) =>
      criticalOf[y]! - criticalOf[x]! ||
      firstOf[x]! - firstOf[y]! ||
      r.name[aOf[x]!]! - r.name[aOf[y]!]! ||
      r.name[bOf[x]!]! - r.name[bOf[y]!]! ||
      r.id[aOf[x]!]! - r.id[aOf[y]!]! ||
      r.id[bOf[x]!]! - r.id[bOf[y]!]!,
  );
  return order.map((slot) => ({
    a: r.refs[aOf[slot]!]!,
    b: r.refs[bOf[slot]!]!,
    critical: criticalOf[slot] as 0 | 1 | 2,
    times: tallies.times(slot),
    first: { start: isoOf(firstOf[slot]!), end: isoOf(tallies.firstEnd(slot)) },
    minutes: Math.round(tallies.both(slot) / 60_000),
  }));
}

/** Windows inside blackout periods: critical-path providers first, then by the first time. */
function blackoutHits(occ: Timeline, blackouts: readonly BlackoutPeriod[], n: number, span: Span, r: Ranks, isoOf: (ms: number) => string): BlackoutHit[] {
  const blackoutRank = collationRanks(blackouts.map((b) => b.name));
  const tallies = sweepAcross(occ, timeline(blackouts, span), n, span);
  const hits = Array.from({ length: tallies.size }, (_, slot) => ({ slot, w: Math.floor(tallies.key(slot) / n), b: tallies.key(slot) % n }));
  hits.sort(
    (x, y) =>
      r.critical[y.w]! - r.critical[x.w]! ||
      tallies.firstStart(x.slot) - tallies.firstStart(y.slot) ||
      r.name[x.w]! - r.name[y.w]! ||
      r.id[x.w]! - r.id[y.w]! ||
      blackoutRank[x.b]! - blackoutRank[y.b]!,
  );
  return hits.map(({ slot, w, b }) => ({
    window: r.refs[w]!,
    blackoutId: blackouts[b]!.id,
    blackoutName: blackouts[b]!.name,
    times: tallies.times(slot),
    first: { start: isoOf(tallies.firstStart(slot)), end: isoOf(tallies.firstEnd(slot)) },
  }));
}

/** The warnings for a span: overlaps between providers, windows in blackouts, short notice. */
export function maintenanceWarnings(
  all: readonly WindowOf[],
  blackouts: readonly BlackoutPeriod[],
  span: Span,
  options: WarningOptions = {},
): MaintenanceWarnings {
  const windows = all.filter((w) => w.window.status !== 'cancelled' && (!options.criticalOnly || w.criticalPath));
  const refs = windows.map(windowRef);
  const ranks: Ranks = {
    refs,
    name: collationRanks(refs.map((r) => r.vendorName)),
    id: collationRanks(refs.map((r) => r.windowId)),
    critical: Int8Array.from(refs, (r) => (r.criticalPath ? 1 : 0)),
  };
  // Windows of one provider never pair: the group of a window is its provider.
  const providerIndex = new Map<string, number>();
  const group = Int32Array.from(windows, (w) => {
    let g = providerIndex.get(w.window.vendorId);
    if (g === undefined) providerIndex.set(w.window.vendorId, (g = providerIndex.size));
    return g;
  });
  const occ = timeline(
    windows.map((w) => w.window),
    span,
  );
  // Pairs are keyed lo × n + hi (window, window) or window × n + blackout.
  const n = Math.max(windows.length, blackouts.length, 1);
  const isoOf = isoMemo();
  // Every provider's windows take part (an overlap needs the other provider's); the filter is on what is reported.
  const about = options.vendorId;
  const overlaps = windowOverlaps(occ, group, n, span, ranks, isoOf).filter((o) => about === undefined || o.a.vendorId === about || o.b.vendorId === about);
  const hits = blackoutHits(occ, blackouts, n, span, ranks, isoOf).filter((h) => about === undefined || h.window.vendorId === about);
  const shortNotice = noticeShortfalls(windows, span, options.minimumNoticeHours ?? null).filter((w) => about === undefined || w.window.vendorId === about);
  const keep = <T>(list: T[]) => (options.limit === undefined ? list : list.slice(0, options.limit));
  return {
    span: { start: iso(span.start), end: iso(span.end) },
    windows: windows.length,
    occurrences: occ.length,
    overlaps: keep(overlaps),
    blackouts: keep(hits),
    shortNotice: keep(shortNotice),
    totals: {
      overlaps: overlaps.length,
      blackouts: hits.length,
      shortNotice: shortNotice.length,
      critical: overlaps.filter((o) => o.critical === 2).length + hits.filter((h) => h.window.criticalPath).length,
    },
  };
}

/** Scheduled maintenances starting in the span that were announced with too little notice. */
export function noticeShortfalls(windows: readonly WindowOf[], span: Span, minimumHours: number | null): ShortNotice[] {
  const out: ShortNotice[] = [];
  for (const w of windows) {
    const { window } = w;
    if (window.status === 'cancelled' || window.announcedAt === null || window.schedule.kind !== 'once') continue;
    const start = Date.parse(window.schedule.start);
    if (start < span.start || start >= span.end) continue;
    const notice = (start - Date.parse(window.announcedAt)) / HOUR;
    const missed: ShortNotice['missed'] = [];
    if (w.promisedNoticeHours !== null && notice < w.promisedNoticeHours) missed.push('promised');
    if (minimumHours !== null && notice < minimumHours) missed.push('minimum');
    if (missed.length === 0) continue;
    out.push({
      window: windowRef(w),
      start: window.schedule.start,
      announcedAt: window.announcedAt,
      noticeHours: Math.floor(notice * 10) / 10,
      requiredHours: Math.max(w.promisedNoticeHours ?? 0, minimumHours ?? 0),
      missed,
    });
  }
  return out.sort((x, y) => x.start.localeCompare(y.start) || x.window.vendorName.localeCompare(y.window.vendorName));
}
