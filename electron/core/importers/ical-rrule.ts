// An RRULE read into the part of RFC 5545 recurrence a maintenance window can hold: weekly on
// chosen weekdays, or monthly on the first … fourth or last of one weekday, every n weeks or
// months, with a COUNT or an UNTIL. ical.js reads the value; this module decides whether it fits
// and refuses what does not by naming the part ("BYMONTHDAY=15"), never by guessing a near rule.
import ICAL from 'ical.js';
import { SET_POSITIONS, WEEKDAYS, type SetPosition, type Weekday } from '../../../shared/domain/maintenance';

export interface RuleParts {
  freq: 'weekly' | 'monthly';
  byDay: Weekday[];
  setPos: SetPosition | null;
  interval: number;
  count: number | null;
  /** UNTIL as ical.js writes it ("2026-12-31T23:59:59Z", "2026-12-31") and as the file does. */
  until: { value: string; isDate: boolean; written: string } | null;
}

/** A rule Vetted cannot hold; the message names the part. The caller adds file, line and event. */
export class RuleProblem extends Error {}

const WHAT_FITS =
  'Vetted holds weekly rules on chosen weekdays (FREQ=WEEKLY;BYDAY=SU, FREQ=DAILY) and monthly rules on the first … fourth or last of one weekday (FREQ=MONTHLY;BYDAY=-1SU, or BYDAY=SU;BYSETPOS=2)';

/** Parts that only narrow or widen what FREQ, BYDAY and BYSETPOS already say are not accepted either. */
const KNOWN_PARTS = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYSETPOS', 'WKST']);

const MAX_INTERVAL = 12;

const DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;

function parseDay(entry: string): { ordinal: number | null; day: Weekday } {
  const m = DAY.exec(entry.toUpperCase());
  if (!m) throw new RuleProblem(`BYDAY value "${entry}" is not a weekday such as SU or -1SU`);
  return { ordinal: m[1] === undefined ? null : Number(m[1]), day: m[2] as Weekday };
}

const isSetPosition = (n: number): n is SetPosition => (SET_POSITIONS as readonly number[]).includes(n);

/** The RRULE's parts as written, KEY → value; a repeated part is refused. */
function writtenParts(written: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const piece of written.split(';')) {
    if (piece.trim() === '') continue;
    const eq = piece.indexOf('=');
    const key = (eq === -1 ? piece : piece.slice(0, eq)).trim().toUpperCase();
    if (parts.has(key)) throw new RuleProblem(`names ${key} twice`);
    parts.set(key, eq === -1 ? '' : piece.slice(eq + 1).trim());
  }
  return parts;
}

/**
 * The rule, given its written value and the weekday DTSTART falls on (a weekly rule without BYDAY
 * repeats on that day, RFC 5545 3.3.10).
 */
export function readRule(written: string, startDay: Weekday): RuleParts {
  const parts = writtenParts(written);
  let recur: InstanceType<typeof ICAL.Recur>;
  try {
    recur = ICAL.Recur.fromString(written);
  } catch (error) {
    throw new RuleProblem(error instanceof Error ? error.message : String(error));
  }
  const freq = recur.freq;
  if (!freq) throw new RuleProblem('has no FREQ');
  if (freq !== 'WEEKLY' && freq !== 'DAILY' && freq !== 'MONTHLY') throw new RuleProblem(`part FREQ=${freq} is not supported: ${WHAT_FITS}`);
  // ical.js drops parts it does not know (X-…, RSCALE); a part Vetted ignored would change the rule unseen.
  for (const [key, value] of parts) {
    if (!KNOWN_PARTS.has(key)) throw new RuleProblem(`part ${key}=${value} is not supported: ${WHAT_FITS}`);
  }

  const interval = recur.interval;
  if (!Number.isInteger(interval) || interval < 1) throw new RuleProblem(`INTERVAL=${parts.get('INTERVAL')} is not a whole number of at least 1`);
  if (interval > MAX_INTERVAL) throw new RuleProblem(`INTERVAL=${interval} is more than Vetted holds (every ${MAX_INTERVAL} weeks or months at most)`);
  const count = recur.count ?? null;
  if (count !== null && (!Number.isInteger(count) || count < 1)) throw new RuleProblem(`COUNT=${parts.get('COUNT')} is not a whole number of at least 1`);

  const days = ((recur.parts.BYDAY as string[] | undefined) ?? []).map(parseDay);
  const setPositions = (recur.parts.BYSETPOS as number[] | undefined) ?? [];
  const plainDays = (what: string): Weekday[] => {
    const ordered = days.find((d) => d.ordinal !== null);
    if (ordered) throw new RuleProblem(`BYDAY=${ordered.ordinal}${ordered.day} gives a position in a ${what} rule, which only a monthly rule has`);
    return WEEKDAYS.filter((w) => days.some((d) => d.day === w));
  };

  let out: Pick<RuleParts, 'freq' | 'byDay' | 'setPos'>;
  if (freq === 'DAILY' || freq === 'WEEKLY') {
    const what = freq.toLowerCase();
    if (setPositions.length > 0) throw new RuleProblem(`BYSETPOS in a ${what} rule picks among its days, which Vetted cannot hold: ${WHAT_FITS}`);
    // Every day is every week on all seven days; every other day has no weekly form.
    if (freq === 'DAILY' && interval > 1) throw new RuleProblem(`FREQ=DAILY;INTERVAL=${interval} (every ${interval} days) has no weekly form: ${WHAT_FITS}`);
    const byDay = plainDays(what);
    out = { freq: 'weekly', byDay: byDay.length > 0 ? byDay : freq === 'DAILY' ? [...WEEKDAYS] : [startDay], setPos: null };
  } else {
    if (days.length === 0) {
      throw new RuleProblem(`FREQ=MONTHLY without BYDAY repeats on a day of the month (DTSTART's), which Vetted cannot hold: ${WHAT_FITS}`);
    }
    if (days.length > 1) throw new RuleProblem(`BYDAY=${recur.parts.BYDAY!.join(',')} names several weekdays in a monthly rule: ${WHAT_FITS}`);
    const [{ ordinal, day }] = days as [{ ordinal: number | null; day: Weekday }];
    if (ordinal !== null) {
      if (setPositions.length > 0) throw new RuleProblem(`BYDAY=${ordinal}${day} and BYSETPOS both give a position: ${WHAT_FITS}`);
      if (!isSetPosition(ordinal)) throw new RuleProblem(`BYDAY=${ordinal}${day} is not supported: a monthly rule falls on the first … fourth (1–4) or the last (-1) ${day}`);
      out = { freq: 'monthly', byDay: [day], setPos: ordinal };
    } else if (setPositions.length === 0) {
      // Every Sunday of every month is every Sunday; every Sunday of every other month is not weekly.
      if (interval > 1) throw new RuleProblem(`FREQ=MONTHLY;BYDAY=${day};INTERVAL=${interval} (every ${day} of every ${interval} months) is not supported: ${WHAT_FITS}`);
      out = { freq: 'weekly', byDay: [day], setPos: null };
    } else {
      const pos = setPositions[0]!;
      if (setPositions.length > 1) throw new RuleProblem(`BYSETPOS=${setPositions.join(',')} gives several positions: ${WHAT_FITS}`);
      if (!isSetPosition(pos)) throw new RuleProblem(`BYSETPOS=${pos} is not supported: a monthly rule falls on the first … fourth (1–4) or the last (-1) ${day}`);
      out = { freq: 'monthly', byDay: [day], setPos: pos };
    }
  }

  // Weeks start on WKST; Vetted counts them from Monday, which only matters when the rule skips
  // weeks and has several days in one (RFC 5545 3.3.10's WKST example).
  const wkst = parts.get('WKST')?.toUpperCase();
  if (wkst !== undefined && wkst !== 'MO' && out.freq === 'weekly' && interval > 1 && out.byDay.length > 1) {
    throw new RuleProblem(`WKST=${wkst} changes which days fall in the same week of an every-${interval}-weeks rule; Vetted counts weeks from Monday (WKST=MO)`);
  }

  const untilWritten = parts.get('UNTIL');
  const until = recur.until && untilWritten !== undefined ? { value: recur.until.toString(), isDate: recur.until.isDate, written: untilWritten } : null;
  if (until && count !== null) throw new RuleProblem('gives both COUNT and UNTIL; RFC 5545 allows one or the other');
  return { ...out, interval, count, until };
}
