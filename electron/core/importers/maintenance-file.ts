// A provider's maintenance file, whichever format it is in: the content says which (never the
// file name, which a download or a mail client may have changed), and the format's reader turns
// it into Vetted's own events. Nothing past this module sees iCalendar or Statuspage JSON.
import { refusal, type ParsedMaintenanceFile } from './imported';
import { parseIcal } from './ical';
import { parseStatuspage } from './statuspage';

export type { ImportedEvent, ParsedMaintenanceFile } from './imported';

const WHAT_FITS = 'an iCalendar file (BEGIN:VCALENDAR …) or a Statuspage scheduled-maintenances.json ({ "scheduled_maintenances": [ … ] })';

/** Reads the file or throws a validation error naming the line or property at fault. */
export function parseMaintenanceFile(fileName: string, text: string): ParsedMaintenanceFile {
  // A byte-order mark and blank lines before the content are common in files saved on Windows.
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') throw refusal([`${fileName}: the file is empty; expected ${WHAT_FITS}`]);
  if (/^BEGIN:VCALENDAR[ \t]*(\r?\n|$)/i.test(start)) return parseIcal(fileName, text);
  if (start.startsWith('{')) return parseStatuspage(fileName, text);
  const opening = start.split(/\r?\n/, 1)[0]!.slice(0, 40);
  throw refusal([`${fileName}: neither an iCalendar file nor a Statuspage scheduled-maintenances.json (it begins "${opening}"); expected ${WHAT_FITS}`]);
}
