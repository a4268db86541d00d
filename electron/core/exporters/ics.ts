// PLACEHOLDER, replaced by the exporter work: the combined maintenance calendar as iCalendar.
import type { WindowView } from '../../../shared/api';
import type { DateRange } from '../../../shared/domain/maintenance';
import type { Occurrence } from '../../../shared/maintenance/expand';

export interface CalendarEntry {
  window: WindowView;
  /** Its occurrences in the range, in start order. */
  occurrences: Occurrence[];
}

/** One VCALENDAR with a VEVENT per occurrence (UTC), deterministic for the same entries and range. */
export function buildCalendarIcs(_entries: readonly CalendarEntry[], _range: DateRange, _criticalOnly: boolean): string {
  return 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Vetted//Maintenance//EN\r\nEND:VCALENDAR\r\n';
}
