// Dates and times in an iCalendar file, read into wall times and UTC instants.
//
// A DATE-TIME is UTC (…Z), local to a TZID, or "floating" (neither: RFC 5545 3.3.5 says it means
// the same wall time wherever the reader is, which for a provider's maintenance is no instant at
// all). A TZID that names an IANA zone is read with the platform's IANA rules, not the file's
// VTIMEZONE: providers' VTIMEZONEs are often a copy of one year's rules, IANA's cover every year,
// and a recurring window needs the zone's name to stay at its local time across DST changes. Other
// TZIDs (Outlook's "W. Europe Standard Time") are read through the file's VTIMEZONE by ical.js.
// Floating times and all-day dates are read in the calendar's X-WR-TIMEZONE when it names an IANA
// zone, else in UTC; the importer says so in a warning.
import ICAL from 'ical.js';
import { isIsoDate } from '../../../shared/domain/dates';
import { isTimeZone, wallToUtc } from '../../../shared/maintenance/zone';
import type { ComponentLines } from './ical-lines';
import { plainText } from './ical-text';

type Component = InstanceType<typeof ICAL.Component>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

/** A DATE or DATE-TIME value as written: its wall time and what it is relative to. */
export interface IcalTime {
  y: number;
  m: number;
  d: number;
  /** Minutes after midnight (0 for a DATE). */
  minutes: number;
  seconds: number;
  isDate: boolean;
  /** Written with a trailing Z. */
  utc: boolean;
  /** The TZID parameter, if any (ignored when utc). */
  tzid: string | null;
}

/** How a time is tied to UTC. `name` is the IANA zone a schedule may carry; null for a VTIMEZONE-only zone. */
export type ZoneRef =
  | { kind: 'utc'; name: 'UTC' }
  | { kind: 'iana'; name: string }
  | { kind: 'vtimezone'; name: null; tzid: string; timezone: Timezone; line: number }
  | { kind: 'floating'; name: string };

/** A value the reader cannot use; the caller adds the file, line and property. */
export class TimeProblem extends Error {}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z?)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * One value of a DATE or DATE-TIME property, from ical.js's jCal form ("2026-03-01T02:00:00Z").
 * ical.js quietly rolls impossible dates over (month 13 becomes January), so the parts are checked
 * here; `written` is the value as the file has it, for the message.
 */
export function readTime(value: unknown, type: string, tzid: string | undefined, written: string): IcalTime {
  const bad = () => new TimeProblem(`"${written}" is not a date-time such as 20260301T020000Z or a date such as 20260301`);
  if (typeof value !== 'string' || (type !== 'date' && type !== 'date-time')) throw bad();
  const dt = DATE_TIME.exec(value);
  const d = dt ?? DATE.exec(value);
  if (!d) throw bad();
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (!isIsoDate(`${d[1]}-${d[2]}-${d[3]}`)) throw bad();
  if (!dt) return { y, m, d: day, minutes: 0, seconds: 0, isDate: true, utc: false, tzid: null };
  const [hh, mm, ss] = [Number(dt[4]), Number(dt[5]), Number(dt[6])];
  if (hh > 23 || mm > 59 || ss > 60) throw bad();
  return { y, m, d: day, minutes: hh * 60 + mm, seconds: Math.min(ss, 59), isDate: false, utc: dt[7] === 'Z', tzid: tzid?.trim() || null };
}

/**
 * The IANA zone a TZID names, in its canonical spelling, or null. RFC 5545 3.2.19 lets a TZID
 * begin with "/" to mark a globally unique id; such ids conventionally end in the Olson name
 * ("/citadel.org/20190914_1/Europe/Berlin"), so the shortest IANA name at the end is taken.
 */
export function ianaZone(tzid: string): string | null {
  const name = tzid.trim();
  if (isTimeZone(name)) return canonicalCase(name);
  if (!name.startsWith('/')) return null;
  const parts = name.split('/').filter(Boolean);
  for (let i = parts.length - 2; i >= 0; i--) {
    const candidate = parts.slice(i).join('/');
    if (isTimeZone(candidate)) return canonicalCase(candidate);
  }
  return null;
}

/** "europe/berlin" → "Europe/Berlin"; a name Intl maps to another zone ("Asia/Kolkata") is kept as written. */
function canonicalCase(name: string): string {
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

/** Why a VTIMEZONE's rules are not those of a time zone (they repeat yearly), or null. */
function unsafeZoneRule(vtz: Component): string | null {
  for (const part of vtz.getAllSubcomponents()) {
    for (const rule of part.getAllProperties('rrule')) {
      const freq = String((rule.getFirstValue() as { freq?: unknown } | null)?.freq ?? '');
      if (freq !== 'YEARLY') return `has a ${part.name.toUpperCase()} rule repeating ${freq || 'without a frequency'}; a time zone's rules repeat yearly`;
    }
  }
  return null;
}

/** The zones one VCALENDAR defines or implies. */
export class CalendarZones {
  private readonly vtimezones = new Map<string, { timezone: Timezone; line: number }>();
  /** The zone floating times and all-day dates are read in. */
  readonly floatingZone: string;
  /** Whether that zone came from X-WR-TIMEZONE (else it is UTC). */
  readonly fromCalendar: boolean;
  /** How many events had floating times or dates (for one warning per file). */
  floatingEvents = 0;

  /** `lines` is the calendar's BEGIN…END in the file, for naming a broken VTIMEZONE's line. */
  constructor(calendar: Component, lines: ComponentLines) {
    calendar.getAllSubcomponents().forEach((vtz, k) => {
      if (vtz.name !== 'vtimezone') return;
      const tzid = plainText(vtz.getFirstProperty('tzid'));
      const line = lines.children[k]?.line ?? lines.line;
      if (!tzid) return;
      const problem = unsafeZoneRule(vtz);
      // Checked before ical.js sees it: ical.js expands a zone's rules one occurrence at a time
      // from their DTSTART to five years ahead, so a DAILY (or faster) rule from 1601 in a tiny
      // file would hold the app for seconds to minutes. Zone rules repeat yearly.
      if (problem) throw new TimeProblem(`line ${line}: VTIMEZONE "${tzid}" ${problem}`);
      this.vtimezones.set(tzid, { timezone: new ICAL.Timezone({ component: vtz, tzid }), line });
    });
    const wr = plainText(calendar.getFirstProperty('x-wr-timezone'));
    const zone = wr ? ianaZone(wr) : null;
    this.floatingZone = zone ?? 'UTC';
    this.fromCalendar = zone !== null;
  }

  /** What the time is relative to; a TZID that is neither IANA nor defined in the file is refused. */
  zoneOf(t: IcalTime): ZoneRef {
    if (t.utc) return { kind: 'utc', name: 'UTC' };
    if (t.tzid === null) return { kind: 'floating', name: this.floatingZone };
    const iana = ianaZone(t.tzid);
    if (iana) return { kind: 'iana', name: iana };
    const defined = this.vtimezones.get(t.tzid);
    if (defined) return { kind: 'vtimezone', name: null, tzid: t.tzid, ...defined };
    throw new TimeProblem(`TZID "${t.tzid}" is neither an IANA time zone (such as Europe/Berlin) nor defined by a VTIMEZONE in the file`);
  }

  /** The UTC instant (ms) of the time. */
  instant(t: IcalTime, ref: ZoneRef = this.zoneOf(t)): number {
    const seconds = t.seconds * 1000;
    switch (ref.kind) {
      case 'utc':
        return Date.UTC(t.y, t.m - 1, t.d) + t.minutes * 60_000 + seconds;
      case 'iana':
      case 'floating':
        return wallToUtc(ref.name, { y: t.y, m: t.m, d: t.d, minutes: t.minutes }) + seconds;
      case 'vtimezone':
        try {
          const time = ICAL.Time.fromData(
            { year: t.y, month: t.m, day: t.d, hour: Math.floor(t.minutes / 60), minute: t.minutes % 60, second: t.seconds, isDate: false },
            ref.timezone,
          );
          const ms = time.toUnixTime() * 1000;
          if (!Number.isFinite(ms)) throw new Error('no offset');
          return ms;
        } catch (error) {
          throw new TimeProblem(`the VTIMEZONE "${ref.tzid}" of line ${ref.line} cannot be read (${error instanceof Error ? error.message : String(error)})`);
        }
    }
  }
}
