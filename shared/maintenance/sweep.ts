// The sweeps behind the maintenance warnings: every pair of occurrences that overlap, found in one
// pass over occurrences in order of start, and tallied per pair of owners (windows, blackouts).
// A year of 1,500 windows is about 60,000 occurrences and over a million overlapping pairs, so the
// data lives in parallel arrays of numbers rather than an object per occurrence or per pair: no
// allocation per pair, and nothing for the garbage collector to chase.
import type { Schedule, Span } from '../domain/maintenance';
import { expandInto, OccurrenceList } from './expand';

/** Occurrences of several owners, in order of start (then end, then owner). */
export interface Timeline {
  start: Float64Array;
  end: Float64Array;
  owner: Int32Array;
  length: number;
}

const MINUTE = 60_000;
/** A start's minute (counted from the earliest) and an occurrence's index packed in one number below 2⁵³. */
const PACK = 2 ** 32;
const PACKED_MINUTES = 2 ** 21; // about four years: a range is at most three, plus a one-off's month before it

/**
 * The indices of `list` in order of start, then end, then owner. A comparator sort of tens of
 * thousands of occurrences costs more than expanding them, so they are sorted natively on packed
 * numbers (start minute, index), and only the occurrences that start in the same minute are then
 * put in exact order with the comparator (a one-off may start at any second; windows that start
 * together are ordered by end). Spans too long to pack fall back to the comparator sort.
 */
export function startOrder(list: OccurrenceList): ArrayLike<number> {
  const { start: starts, end: ends, owner: owners, length } = list;
  const exact = (i: number, j: number) => starts[i]! - starts[j]! || ends[i]! - ends[j]! || owners[i]! - owners[j]!;
  let base = Infinity;
  let last = -Infinity;
  for (let i = 0; i < length; i++) {
    if (starts[i]! < base) base = starts[i]!;
    if (starts[i]! > last) last = starts[i]!;
  }
  if (length === 0 || (last - base) / MINUTE >= PACKED_MINUTES || length >= PACK) {
    return Array.from({ length }, (_, i) => i).sort(exact);
  }
  const packed = new Float64Array(length);
  for (let i = 0; i < length; i++) packed[i] = Math.floor((starts[i]! - base) / MINUTE) * PACK + i;
  packed.sort();
  const order = new Int32Array(length);
  for (let k = 0; k < length; k++) order[k] = packed[k]! % PACK;
  for (let k = 0; k < length; ) {
    const minute = Math.floor(packed[k]! / PACK);
    let e = k + 1;
    while (e < length && Math.floor(packed[e]! / PACK) === minute) e++;
    // Usually a handful: insertion sort in place; a long run (hundreds of windows at 02:00) sorts.
    if (e - k > 32) order.subarray(k, e).sort(exact);
    else {
      for (let a = k + 1; a < e; a++) {
        const v = order[a]!;
        let b = a - 1;
        for (; b >= k && exact(order[b]!, v) > 0; b--) order[b + 1] = order[b]!;
        order[b + 1] = v;
      }
    }
    k = e;
  }
  return order;
}

/** The occurrences of every item in `span`, each tagged with the item's index, in startOrder. */
export function timeline(items: readonly { schedule: Schedule }[], span: Span): Timeline {
  const list = new OccurrenceList();
  for (let owner = 0; owner < items.length; owner++) expandInto(items[owner]!.schedule, span, list, owner);
  const order = startOrder(list);
  const t: Timeline = { start: new Float64Array(list.length), end: new Float64Array(list.length), owner: new Int32Array(list.length), length: list.length };
  for (let k = 0; k < list.length; k++) {
    const i = order[k]!;
    t.start[k] = list.start[i]!;
    t.end[k] = list.end[i]!;
    t.owner[k] = list.owner[i]!;
  }
  return t;
}

/** Fields of a pair's tally, one cache line (8 numbers) per pair. */
const KEY = 0;
const TIMES = 1;
const FIRST_START = 2;
const FIRST_END = 3;
/** Milliseconds both are busy inside the span: the union of the overlapping parts, each instant once. */
const BOTH = 4;
/** The end of that union so far (parts must arrive in order of start for it to hold). */
const COUNTED_TO = 5;
const STRIDE = 8;

/**
 * Per pair of owners (under one whole-number key): how many pairs of occurrences overlap, the
 * first overlapping part, and the time both are busy inside the span. Slot k holds the k-th pair
 * seen. A sweep adds over a million parts to tens of thousands of pairs in no useful order, so
 * each add is a cache miss or two: the tally of a pair sits in one cache line, and an open-addressing
 * index finds it (a Map of tally objects measured about twice as slow for bench/maintenance-overlaps.ts).
 */
export class PairTallies {
  private data: Float64Array;
  /** Slot + 1 at the key's hash (0: empty), probing linearly; kept at most half full. */
  private index: Int32Array;
  private bits: number;
  size = 0;

  /** `expected`: about how many pairs there will be (sized for it, it rarely has to grow). */
  constructor(
    private readonly span: Span,
    expected = 1024,
  ) {
    this.bits = Math.max(11, Math.ceil(Math.log2(expected * 2)));
    this.index = new Int32Array(1 << this.bits);
    this.data = new Float64Array(STRIDE << (this.bits - 1));
  }

  key(slot: number): number {
    return this.data[slot * STRIDE + KEY]!;
  }
  times(slot: number): number {
    return this.data[slot * STRIDE + TIMES]!;
  }
  firstStart(slot: number): number {
    return this.data[slot * STRIDE + FIRST_START]!;
  }
  firstEnd(slot: number): number {
    return this.data[slot * STRIDE + FIRST_END]!;
  }
  both(slot: number): number {
    return this.data[slot * STRIDE + BOTH]!;
  }

  /**
   * One more overlapping pair, [start, end). `both` grows by the part inside the span not yet
   * counted, so a window whose own occurrences overlap (two days from every Monday and Tuesday)
   * does not count the same minutes twice, and a part across the span's edge counts only its inside.
   */
  add(key: number, start: number, end: number): void {
    const from = start > this.span.start ? start : this.span.start;
    const to = end < this.span.end ? end : this.span.end;
    const data = this.data;
    const mask = this.index.length - 1;
    // Fibonacci hashing: the top bits of key × 2³²/φ.
    for (let h = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits); ; h = (h + 1) & mask) {
      const v = this.index[h]!;
      if (v === 0) {
        this.insert(h, key, start, end, to > from ? to - from : 0, to);
        return;
      }
      const at = (v - 1) * STRIDE;
      if (data[at + KEY] !== key) continue;
      data[at + TIMES]!++;
      const counted = data[at + COUNTED_TO]!;
      const fresh = from > counted ? from : counted;
      if (to > fresh) data[at + BOTH]! += to - fresh;
      if (to > counted) data[at + COUNTED_TO] = to;
      if (start < data[at + FIRST_START]!) {
        data[at + FIRST_START] = start;
        data[at + FIRST_END] = end;
      }
      return;
    }
  }

  private insert(h: number, key: number, start: number, end: number, both: number, countedTo: number): void {
    const slot = this.size++;
    if (slot * STRIDE >= this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = slot * STRIDE;
    this.data[at + KEY] = key;
    this.data[at + TIMES] = 1;
    this.data[at + FIRST_START] = start;
    this.data[at + FIRST_END] = end;
    this.data[at + BOTH] = both;
    this.data[at + COUNTED_TO] = countedTo;
    this.index[h] = slot + 1;
    if (this.size * 2 > this.index.length) this.rehash();
  }

  private rehash(): void {
    this.bits++;
    const index = new Int32Array(1 << this.bits);
    const mask = index.length - 1;
    for (let slot = 0; slot < this.size; slot++) {
      let h = Math.imul(this.data[slot * STRIDE + KEY]!, 0x9e3779b1) >>> (32 - this.bits);
      while (index[h] !== 0) h = (h + 1) & mask;
      index[h] = slot + 1;
    }
    this.index = index;
  }
}

/**
 * Every overlapping pair of occurrences in `t` whose owners are in different groups, tallied under
 * lo × n + hi (lo < hi, the owners). Each part starts at the later occurrence's start, so parts
 * reach the tallies in order of start, as `both` needs.
 */
export function sweepWithin(t: Timeline, group: Int32Array, n: number, span: Span): PairTallies {
  // Registers tend to have fewer overlapping pairs of windows than occurrences: a first guess.
  const pairs = new PairTallies(span, t.length);
  const active = new Int32Array(t.length);
  let live = 0;
  for (let x = 0; x < t.length; x++) {
    const start = t.start[x]!;
    const end = t.end[x]!;
    const owner = t.owner[x]!;
    const g = group[owner]!;
    let kept = 0;
    for (let i = 0; i < live; i++) {
      const a = active[i]!;
      if (t.end[a]! <= start) continue; // ended: dropped from the active list
      active[kept++] = a;
      const other = t.owner[a]!;
      if (group[other] === g) continue;
      const aEnd = t.end[a]!;
      pairs.add(other < owner ? other * n + owner : owner * n + other, start, aEnd < end ? aEnd : end);
    }
    active[kept] = x;
    live = kept + 1;
  }
  return pairs;
}

/**
 * Every overlap between an occurrence in `xs` and one in `ys`, tallied under x's owner × n + y's
 * owner. Parts do not arrive in order of start here, so `both` is not meaningful (blackout hits
 * report no minutes).
 */
export function sweepAcross(xs: Timeline, ys: Timeline, n: number, span: Span): PairTallies {
  const pairs = new PairTallies(span);
  const active = new Int32Array(ys.length);
  let live = 0;
  let j = 0;
  for (let x = 0; x < xs.length; x++) {
    const start = xs.start[x]!;
    const end = xs.end[x]!;
    while (j < ys.length && ys.start[j]! < end) active[live++] = j++;
    let kept = 0;
    for (let i = 0; i < live; i++) {
      const y = active[i]!;
      if (ys.end[y]! <= start) continue;
      active[kept++] = y;
      if (ys.start[y]! >= end) continue;
      pairs.add(xs.owner[x]! * n + ys.owner[y]!, Math.max(start, ys.start[y]!), Math.min(end, ys.end[y]!));
    }
    live = kept;
  }
  return pairs;
}
