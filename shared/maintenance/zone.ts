// Wall-clock times in IANA time zones, turned into UTC instants and back, with the rules RFC 5545
// (3.3.5) gives for the two awkward cases: a local time that does not exist (the spring-forward
// gap) is read with the UTC offset from before the gap (Sunday 02:30 Europe/Berlin on the night
// clocks go forward is 03:30 CEST); a local time that happens twice (fall back) is the first one.
//
// The zone rules come from the platform's Intl (ICU's copy of the IANA database); no second copy
// of the tz database ships with the app. Offsets are read once per zone and year, at day steps,
// and the transitions found are bisected to the minute, so expanding thousands of occurrences
// costs array lookups instead of thousands of Intl calls.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for a time zone name the platform knows (Europe/Berlin, America/New_York, UTC). */
export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC in minutes at `instant` (Europe/Berlin in July: 120), straight from Intl. */
export function intlOffsetMinutes(zone: string, instant: number): number {
  const parts = formatter(zone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const whole = Math.floor(instant / 1000) * 1000;
  return Math.round((asUtc - whole) / MINUTE);
}

interface Transition {
  /** First instant with the new offset. */
  at: number;
  offset: number;
}

const SCAN_STEP = 7 * DAY;

/** One zone's UTC year: the offset at its start and every change within it. */
interface ZoneYear {
  begin: number;
  end: number;
  start: number;
  transitions: Transition[];
}

/**
 * Per zone: its years read so far, and the one used last. Expanding a schedule asks about one zone
 * and one year over and over, so the last year answers most lookups without building a key or
 * hashing one (this lookup runs several times per occurrence).
 */
interface ZoneCache {
  zone: string;
  years: Map<number, ZoneYear>;
  recent: ZoneYear | null;
}
const zones = new Map<string, ZoneCache>();

function readYear(zone: string, year: number): ZoneYear {
  const begin = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const start = intlOffsetMinutes(zone, begin);
  const transitions: Transition[] = [];
  let prevAt = begin;
  let prevOffset = start;
  // Zones change offset a few times a year at most, never twice within a week and back (the
  // shortest suspensions of daylight saving, for Ramadan, last weeks): a step of 7 days finds every
  // change with 53 Intl calls a year instead of 730 at half days (the cold start of the calendar
  // reads several zones), and bisection then pins each change to the minute.
  for (let t = begin + SCAN_STEP; ; t += SCAN_STEP) {
    const at = Math.min(t, end - MINUTE);
    const offset = intlOffsetMinutes(zone, at);
    if (offset !== prevOffset) {
      let lo = prevAt; // has prevOffset
      let hi = at; // has the new offset
      while (hi - lo > MINUTE) {
        const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / MINUTE)) * MINUTE;
        if (intlOffsetMinutes(zone, mid) === prevOffset) lo = mid;
        else hi = mid;
      }
      transitions.push({ at: hi, offset });
      prevOffset = offset;
    }
    prevAt = at;
    if (at >= end - MINUTE) break;
  }
  return { begin, end, start, transitions };
}

function zoneCache(zone: string): ZoneCache {
  let cache = zones.get(zone);
  if (!cache) zones.set(zone, (cache = { zone, years: new Map(), recent: null }));
  return cache;
}

function offsetIn(cache: ZoneCache, instant: number): number {
  let entry = cache.recent;
  if (entry === null || instant < entry.begin || instant >= entry.end) {
    const year = new Date(instant).getUTCFullYear();
    entry = cache.years.get(year) ?? null;
    if (entry === null) cache.years.set(year, (entry = readYear(cache.zone, year)));
    cache.recent = entry;
  }
  let offset = entry.start;
  for (const t of entry.transitions) {
    if (t.at > instant) break;
    offset = t.offset;
  }
  return offset;
}

/** The zone's UTC offset in minutes at `instant` (cached; same answer as Intl). */
export function offsetMinutes(zone: string, instant: number): number {
  return offsetIn(zoneCache(zone), instant);
}

/** A local calendar day and wall time: y, m (1–12), d, minutes after midnight. */
export interface WallTime {
  y: number;
  m: number;
  d: number;
  minutes: number;
}

/**
 * The UTC instant (ms) of a wall time in a zone, by RFC 5545's rules: in a gap, the offset from
 * before the gap; when the time happens twice, the first.
 */
export function wallToUtc(zone: string, wall: WallTime): number {
  return localToUtc(zone, Date.UTC(wall.y, wall.m - 1, wall.d) + wall.minutes * MINUTE);
}

/**
 * wallToUtc for a wall time given as ms since 1970-01-01T00:00 read as if the zone were UTC (a
 * local day number × 24 h + the time of day): the form expansion has at hand, so no object per
 * occurrence.
 */
export function localToUtc(zone: string, asUtc: number): number {
  const cache = zoneCache(zone);
  const before = offsetIn(cache, asUtc - DAY);
  const after = offsetIn(cache, asUtc + DAY);
  const early = asUtc - before * MINUTE;
  // No change of offset nearby: the time exists once.
  if (before === after) return early;
  const late = asUtc - after * MINUTE;
  const earlyExists = offsetIn(cache, early) === before;
  const lateExists = offsetIn(cache, late) === after;
  if (earlyExists && lateExists) return Math.min(early, late); // happens twice: the first
  if (lateExists) return late;
  return early; // exists only with the earlier offset, or is in the gap: read with the earlier offset
}

/** The wall time of a UTC instant in a zone. */
export function utcToWall(zone: string, instant: number): WallTime {
  const local = new Date(instant + offsetMinutes(zone, instant) * MINUTE);
  return {
    y: local.getUTCFullYear(),
    m: local.getUTCMonth() + 1,
    d: local.getUTCDate(),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-29" for a wall time's day. */
export const wallDate = (w: WallTime) => `${w.y}-${pad(w.m)}-${pad(w.d)}`;
/** "02:30" for a wall time's clock. */
export const wallClock = (w: WallTime) => `${pad(Math.floor(w.minutes / 60))}:${pad(w.minutes % 60)}`;

/** "+01:00" for an offset in minutes. */
export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
