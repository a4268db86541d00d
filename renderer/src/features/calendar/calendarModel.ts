// What the grid draws, computed once per data and range (the page memoises it): one row per
// provider with windows, each occurrence in the span as a bar placed by its UTC instants, the bars
// that overlap another provider's, and the blackout periods as stripes. Plain data, no React, so
// 500 providers cost arrays and numbers rather than components.
import type { WindowView } from '../../../../shared/api';
import type { BlackoutPeriod, Span } from '../../../../shared/domain/maintenance';
import { occurrences } from '../../../../shared/maintenance/expand';

export interface Bar {
  /** Unique in the grid: the window and its start. */
  key: string;
  window: WindowView;
  /** The whole occurrence, UTC ms (it may run past the view's edges). */
  start: number;
  end: number;
  /** Where it is drawn: percent of the span from the left, and wide (clipped to the span). */
  left: number;
  width: number;
  /** It began before the view, or runs on after it. */
  clippedStart: boolean;
  clippedEnd: boolean;
  /** Another provider is in maintenance at some moment of this bar (within the view). */
  overlaps: boolean;
  /** Percent of the span free after the bar up to the row's next bar (or the end), and before it back to the previous one (or the start): room for a label. */
  room: number;
  roomBefore: number;
}

export interface CalendarRow {
  vendorId: string;
  vendorName: string;
  criticalPath: boolean;
  /** How many windows (not cancelled) the provider has, shown or not in this view. */
  windowCount: number;
  /** By start, then end. */
  bars: Bar[];
}

export interface BlackoutStripe {
  key: string;
  blackoutId: string;
  name: string;
  start: number;
  end: number;
  left: number;
  width: number;
}

export interface CalendarModel {
  rows: CalendarRow[];
  /** Every bar, by start (for the overlap names the tooltip lists). */
  bars: Bar[];
  /** The longest bar (ms): a bar overlapping another starts at most this long before it. */
  longest: number;
  stripes: BlackoutStripe[];
  /** The visible occurrences of each window, clipped to the span: for trimming the warnings. */
  byWindow: Map<string, Span[]>;
  overlapping: number;
}

/** The windows the calendar shows: not cancelled; only critical-path providers' when filtered. */
export function shownWindows(windows: readonly WindowView[], criticalOnly: boolean): WindowView[] {
  return windows.filter((w) => w.status !== 'cancelled' && (!criticalOnly || w.criticalPath));
}

const percent = (span: Span, t: number) => ((t - span.start) / (span.end - span.start)) * 100;

interface Top2 {
  v1: string | null;
  a1: number;
  v2: string | null;
  a2: number;
}

/** Keeps the best value of two different providers (`better` decides), so "another provider's best" is one lookup. */
function consider(top: Top2, vendor: string, value: number, better: (x: number, y: number) => boolean): void {
  if (top.v1 === vendor) {
    if (better(value, top.a1)) top.a1 = value;
  } else if (top.v1 === null || better(value, top.a1)) {
    top.v2 = top.v1;
    top.a2 = top.a1;
    top.v1 = vendor;
    top.a1 = value;
  } else if (top.v2 === null || better(value, top.a2)) {
    top.v2 = vendor;
    top.a2 = value;
  }
}
const otherThan = (top: Top2, vendor: string): number | null => (top.v1 !== vendor ? (top.v1 === null ? null : top.a1) : top.v2 === null ? null : top.a2);

/**
 * Marks every bar that overlaps a bar of another provider, in O(n log n) however many overlap
 * (500 providers all patching on Sunday night must not cost n²). With bars sorted by start, a bar
 * overlaps an earlier one iff another provider's latest end so far is after its start, and a
 * later one iff another provider's earliest start after it is before its end.
 */
function markOverlaps(bars: Bar[], span: Span): number {
  const from = (b: Bar) => Math.max(b.start, span.start);
  const to = (b: Bar) => Math.min(b.end, span.end);
  const forward: Top2 = { v1: null, a1: -Infinity, v2: null, a2: -Infinity };
  for (const b of bars) {
    const latest = otherThan(forward, b.window.vendorId);
    if (latest !== null && latest > from(b)) b.overlaps = true;
    consider(forward, b.window.vendorId, to(b), (x, y) => x > y);
  }
  const backward: Top2 = { v1: null, a1: Infinity, v2: null, a2: Infinity };
  for (let i = bars.length - 1; i >= 0; i--) {
    const b = bars[i]!;
    const earliest = otherThan(backward, b.window.vendorId);
    if (earliest !== null && earliest < to(b)) b.overlaps = true;
    consider(backward, b.window.vendorId, from(b), (x, y) => x < y);
  }
  return bars.reduce((n, b) => n + (b.overlaps ? 1 : 0), 0);
}

const byStart = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || a.end - b.end;

export function buildModel(windows: readonly WindowView[], blackouts: readonly BlackoutPeriod[], span: Span, criticalOnly: boolean): CalendarModel {
  const rowsById = new Map<string, CalendarRow>();
  const bars: Bar[] = [];
  const byWindow = new Map<string, Span[]>();
  for (const window of shownWindows(windows, criticalOnly)) {
    let row = rowsById.get(window.vendorId);
    if (!row) {
      row = { vendorId: window.vendorId, vendorName: window.vendorName, criticalPath: window.criticalPath, windowCount: 0, bars: [] };
      rowsById.set(window.vendorId, row);
    }
    row.windowCount++;
    const visible: Span[] = [];
    for (const o of occurrences(window.schedule, span)) {
      const from = Math.max(o.start, span.start);
      const to = Math.min(o.end, span.end);
      const bar: Bar = {
        key: `${window.id}@${o.start}`,
        window,
        start: o.start,
        end: o.end,
        left: percent(span, from),
        width: percent(span, to) - percent(span, from),
        clippedStart: o.start < span.start,
        clippedEnd: o.end > span.end,
        overlaps: false,
        room: 0,
        roomBefore: 0,
      };
      row.bars.push(bar);
      bars.push(bar);
      visible.push({ start: from, end: to });
    }
    byWindow.set(window.id, visible);
  }
  bars.sort(byStart);
  const overlapping = markOverlaps(bars, span);
  const rows = [...rowsById.values()];
  for (const row of rows) {
    row.bars.sort(byStart);
    row.bars.forEach((bar, i) => {
      const next = row.bars[i + 1];
      const previous = row.bars[i - 1];
      bar.room = Math.max(0, (next ? next.left : 100) - (bar.left + bar.width));
      bar.roomBefore = Math.max(0, bar.left - (previous ? previous.left + previous.width : 0));
    });
  }
  // Critical-path providers first: their maintenance is what a security lead checks first.
  rows.sort((a, b) => Number(b.criticalPath) - Number(a.criticalPath) || a.vendorName.localeCompare(b.vendorName) || a.vendorId.localeCompare(b.vendorId));

  const stripes: BlackoutStripe[] = [];
  for (const blackout of blackouts) {
    for (const o of occurrences(blackout.schedule, span)) {
      const from = Math.max(o.start, span.start);
      const to = Math.min(o.end, span.end);
      stripes.push({ key: `${blackout.id}@${o.start}`, blackoutId: blackout.id, name: blackout.name, start: o.start, end: o.end, left: percent(span, from), width: percent(span, to) - percent(span, from) });
    }
  }
  stripes.sort(byStart);
  const longest = bars.reduce((m, b) => Math.max(m, b.end - b.start), 0);
  return { rows, bars, longest, stripes, byWindow, overlapping };
}

/** The other providers in maintenance during `bar` (within the span), by name: for its description. */
export function overlapPartners(model: CalendarModel, bar: Bar, span: Span): string[] {
  if (!bar.overlaps) return [];
  const from = Math.max(bar.start, span.start);
  const to = Math.min(bar.end, span.end);
  const names = new Set<string>();
  // Bars are sorted by start: skip (binary search) those that end before this one could begin.
  const { bars } = model;
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bars[mid]!.start < from - model.longest) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < bars.length; i++) {
    const other = bars[i]!;
    if (other.start >= to) break;
    if (other.window.vendorId === bar.window.vendorId) continue;
    if (Math.min(other.end, span.end) > from && Math.max(other.start, span.start) < to) names.add(other.window.vendorName);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** The blackout periods a bar falls in (within the span), by name. */
export function blackoutsDuring(model: CalendarModel, bar: Bar, span: Span): string[] {
  const from = Math.max(bar.start, span.start);
  const to = Math.min(bar.end, span.end);
  const names = new Set<string>();
  for (const s of model.stripes) {
    if (s.start >= to) break;
    if (s.end > from && s.start < to) names.add(s.name);
  }
  return [...names];
}
