// What the maintenance calendar warns about over a span of time: two providers' windows that
// overlap (critical-path pairs first), windows inside the company's blackout periods, and
// scheduled maintenances announced with less notice than promised. Pure: the service, the app,
// the CLI and the report all call this with what the register holds.
import type { BlackoutPeriod, MaintenanceWindow, Span } from '../domain/maintenance';
import { occurrences, type Occurrence } from './expand';
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

interface Tagged extends Occurrence {
  owner: number;
}

/** Occurrences of every item, tagged with its index and sorted by start. */
function tagged(items: readonly { schedule: MaintenanceWindow['schedule'] }[], span: Span): Tagged[] {
  const out: Tagged[] = [];
  items.forEach((item, owner) => {
    for (const o of occurrences(item.schedule, span)) out.push({ ...o, owner });
  });
  return out.sort((x, y) => x.start - y.start || x.end - y.end || x.owner - y.owner);
}

interface PairTally {
  times: number;
  firstStart: number;
  firstEnd: number;
  /** Milliseconds both are in maintenance inside the span (the union of the overlapping parts). */
  both: number;
  /** The end of the union counted so far: overlapping parts reach tally() in order of start. */
  countedTo: number;
}

/**
 * One more overlapping pair of occurrences, [start, end), for a pair of owners. `both` grows by the
 * part inside `span` not yet counted, so a window whose own occurrences overlap (a two-day window
 * every Monday and Tuesday) does not count the same minutes twice, and an overlap that straddles the
 * span's edge counts only its inside. That needs parts in order of start, which sweepWithin gives;
 * sweepAcross does not, and the blackout hits it feeds report no minutes.
 */
function tally(map: Map<number, PairTally>, key: number, start: number, end: number, span: Span): void {
  const from = Math.max(start, span.start);
  const to = Math.min(end, span.end);
  const t = map.get(key);
  if (!t) {
    map.set(key, { times: 1, firstStart: start, firstEnd: end, both: Math.max(0, to - from), countedTo: to });
    return;
  }
  t.times++;
  const fresh = Math.max(from, t.countedTo);
  if (to > fresh) t.both += to - fresh;
  if (to > t.countedTo) t.countedTo = to;
  if (start < t.firstStart) {
    t.firstStart = start;
    t.firstEnd = end;
  }
}

/** Every overlapping pair between occurrences of `xs` (one sweep), reported once per pair of owners. */
function sweepWithin(xs: Tagged[], sameGroup: (a: number, b: number) => boolean, n: number, span: Span): Map<number, PairTally> {
  const pairs = new Map<number, PairTally>();
  let active: Tagged[] = [];
  for (const x of xs) {
    active = active.filter((a) => a.end > x.start);
    for (const a of active) {
      if (sameGroup(a.owner, x.owner)) continue;
      const lo = Math.min(a.owner, x.owner);
      const hi = Math.max(a.owner, x.owner);
      // The overlapping part starts at x.start: parts arrive in order of start, as tally() needs.
      tally(pairs, lo * n + hi, x.start, Math.min(a.end, x.end), span);
    }
    active.push(x);
  }
  return pairs;
}

/** Every overlap between an occurrence of `xs` and one of `ys` (both sorted by start). */
function sweepAcross(xs: Tagged[], ys: Tagged[], n: number, span: Span): Map<number, PairTally> {
  const pairs = new Map<number, PairTally>();
  let j = 0;
  let active: Tagged[] = [];
  for (const x of xs) {
    while (j < ys.length && ys[j]!.start < x.end) active.push(ys[j++]!);
    active = active.filter((y) => y.end > x.start);
    for (const y of active) {
      if (y.start >= x.end) continue;
      tally(pairs, x.owner * n + y.owner, Math.max(x.start, y.start), Math.min(x.end, y.end), span);
    }
  }
  return pairs;
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
  const occ = tagged(
    windows.map((w) => w.window),
    span,
  );
  const n = Math.max(windows.length, blackouts.length, 1);

  const pairTallies = sweepWithin(occ, (a, b) => windows[a]!.window.vendorId === windows[b]!.window.vendorId, n, span);
  const overlaps: WindowOverlap[] = [...pairTallies].map(([key, t]) => {
    const a = refs[Math.floor(key / n)]!;
    const b = refs[key % n]!;
    const [first, second] = a.vendorName.localeCompare(b.vendorName) <= 0 ? [a, b] : [b, a];
    return {
      a: first,
      b: second,
      critical: ((a.criticalPath ? 1 : 0) + (b.criticalPath ? 1 : 0)) as 0 | 1 | 2,
      times: t.times,
      first: { start: iso(t.firstStart), end: iso(t.firstEnd) },
      minutes: Math.round(t.both / 60_000),
    };
  });
  overlaps.sort(
    (x, y) =>
      y.critical - x.critical ||
      x.first.start.localeCompare(y.first.start) ||
      x.a.vendorName.localeCompare(y.a.vendorName) ||
      x.b.vendorName.localeCompare(y.b.vendorName) ||
      x.a.windowId.localeCompare(y.a.windowId) ||
      x.b.windowId.localeCompare(y.b.windowId),
  );

  const blackoutOcc = tagged(blackouts, span);
  const hits: BlackoutHit[] = [...sweepAcross(occ, blackoutOcc, n, span)].map(([key, t]) => {
    const blackout = blackouts[key % n]!;
    return {
      window: refs[Math.floor(key / n)]!,
      blackoutId: blackout.id,
      blackoutName: blackout.name,
      times: t.times,
      first: { start: iso(t.firstStart), end: iso(t.firstEnd) },
    };
  });
  hits.sort(
    (x, y) =>
      Number(y.window.criticalPath) - Number(x.window.criticalPath) ||
      x.first.start.localeCompare(y.first.start) ||
      x.window.vendorName.localeCompare(y.window.vendorName) ||
      x.window.windowId.localeCompare(y.window.windowId) ||
      x.blackoutName.localeCompare(y.blackoutName),
  );

  const shortNotice = noticeShortfalls(windows, span, options.minimumNoticeHours ?? null);
  return { span: { start: iso(span.start), end: iso(span.end) }, windows: windows.length, occurrences: occ.length, overlaps, blackouts: hits, shortNotice };
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
