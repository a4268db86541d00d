// The combined maintenance calendar as an iCalendar file (RFC 5545) for the team's calendar app:
// one VEVENT per occurrence, in UTC, so every calendar program shows the same instants whatever
// zone it runs in. Built with ical.js components, which escape text and fold lines as the RFC
// says. The file leaves the building: it states what the register holds (provider, title,
// schedule, impact, source) and nothing else: no notes, no "now". The same register and range
// give the same bytes: DTSTAMP is the window's last change, and the events are sorted.
import ICAL from 'ical.js';
import type { WindowView } from '../../../shared/api';
import type { DateRange, WindowImpact } from '../../../shared/domain/maintenance';
import type { Occurrence } from '../../../shared/maintenance/expand';
import { offsetLabel, offsetMinutes, utcToWall, wallClock, wallDate } from '../../../shared/maintenance/zone';

type Component = InstanceType<typeof ICAL.Component>;

export interface CalendarEntry {
  window: WindowView;
  /** Its occurrences in the range, in start order. */
  occurrences: Occurrence[];
}

const IMPACT_WORDS: Record<WindowImpact, string> = { none: 'No impact', degraded: 'Degraded', outage: 'Outage' };

const SOURCE_WORDS: Record<WindowView['source'], string> = {
  entered: 'entered in Vetted',
  ical: "imported from the provider's iCalendar file",
  statuspage: "imported from the provider's Statuspage",
};

/** RFC 5545 3.1: lines of at most 75 octets. ical.js counts the first line's octets only, so a
 *  continuation line (a space and up to foldLength octets) would reach 76 with its default of 75. */
const FOLD_OCTETS = 74;

const utc = (ms: number) => ICAL.Time.fromJSDate(new Date(ms), true);

/** "20261206T010000Z", the form a UID can carry. */
const basicUtc = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');

function textProperty(event: Component, name: string, value: string): void {
  const prop = new ICAL.Property(name);
  // X- properties have no type ical.js knows: as TEXT their commas and line breaks are escaped.
  prop.resetType('text');
  prop.setValue(value);
  event.addProperty(prop);
}

/** "2026-12-06 02:00–04:00 Europe/Berlin (UTC+01:00)": the occurrence as the provider's clock shows it. */
function providerTime(zone: string, o: Occurrence): string {
  const start = utcToWall(zone, o.start);
  const end = utcToWall(zone, o.end);
  const endText = wallDate(end) === wallDate(start) ? wallClock(end) : `${wallDate(end)} ${wallClock(end)}`;
  return `${wallDate(start)} ${wallClock(start)}–${endText} ${zone} (UTC${offsetLabel(offsetMinutes(zone, o.start))})`;
}

function description(w: WindowView, o: Occurrence): string {
  const source = `${SOURCE_WORDS[w.source]}${w.sourceUid ? ` (${w.source === 'statuspage' ? 'id' : 'UID'} ${w.sourceUid})` : ''}`;
  const lines = [
    w.words,
    `Impact: ${IMPACT_WORDS[w.impact].toLowerCase()}`,
    `Source: ${source}`,
    `Provider's local time: ${providerTime(w.schedule.timeZone, o)}`,
  ];
  if (w.criticalPath) lines.push('The provider is on the critical path.');
  return lines.join('\n');
}

function occurrenceEvent(w: WindowView, o: Occurrence): Component {
  const event = new ICAL.Component('vevent');
  event.updatePropertyWithValue('uid', `${w.id}-${basicUtc(o.start)}@vetted`);
  event.updatePropertyWithValue('dtstamp', utc(Date.parse(w.updatedAt)));
  event.updatePropertyWithValue('dtstart', utc(o.start));
  event.updatePropertyWithValue('dtend', utc(o.end));
  event.updatePropertyWithValue('summary', `${w.vendorName}: ${w.title}`);
  event.updatePropertyWithValue('description', description(w, o));
  const categories = new ICAL.Property('categories');
  categories.setValues(['Maintenance', IMPACT_WORDS[w.impact], ...(w.criticalPath ? ['Critical path'] : [])]);
  event.addProperty(categories);
  event.updatePropertyWithValue('status', w.status === 'tentative' ? 'TENTATIVE' : w.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED');
  textProperty(event, 'x-vetted-provider', w.vendorName);
  textProperty(event, 'x-vetted-impact', w.impact);
  return event;
}

/** One VCALENDAR with a VEVENT per occurrence (UTC), deterministic for the same entries and range. */
export function buildCalendarIcs(entries: readonly CalendarEntry[], range: DateRange, criticalOnly: boolean): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('prodid', '-//Vetted//Maintenance calendar//EN');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  // Dates and words only (nothing to escape), so it is written without a VALUE parameter, as calendar programs expect it.
  calendar.updatePropertyWithValue('x-wr-calname', `Provider maintenance ${range.from} to ${range.to}${criticalOnly ? ' (critical-path providers only)' : ''}`);

  const rows = entries.flatMap((e) => e.occurrences.map((o) => ({ window: e.window, occurrence: o })));
  rows.sort(
    (a, b) =>
      a.occurrence.start - b.occurrence.start ||
      a.window.vendorName.localeCompare(b.window.vendorName, 'en') ||
      (a.window.id < b.window.id ? -1 : a.window.id > b.window.id ? 1 : 0),
  );
  for (const { window, occurrence } of rows) calendar.addSubcomponent(occurrenceEvent(window, occurrence));

  const fold = ICAL.foldLength;
  ICAL.foldLength = FOLD_OCTETS;
  try {
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = fold;
  }
}
