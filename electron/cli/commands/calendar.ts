// `vetted calendar --out FILE.ics`: every provider's maintenance in a range as one iCalendar
// file, for the team calendar (one event per occurrence, in UTC).
import fs from 'node:fs';
import path from 'node:path';
import { localIsoDate } from '../../../shared/domain/dates';
import { parse } from '../args';
import { inputError, usageError } from '../cli-error';
import { rangeFlags } from '../schedule-flags';
import { must, openSession } from '../session';
import { writeGeneratedFile } from '../write-file';

export const CALENDAR_USAGE = 'usage: vetted calendar --out FILE.ics [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--critical-only]';

export async function calendarCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'critical-only': { type: 'boolean' },
  });
  if (positionals.length > 0 || values.out === undefined) throw usageError(CALENDAR_USAGE);
  // Calendar apps open a file by its extension; another one would be imported as nothing.
  if (path.extname(values.out).toLowerCase() !== '.ics') throw usageError(`--out must end in .ics (${CALENDAR_USAGE})`);
  // The same refusal writeGeneratedFile gives, before the register is opened.
  const folder = path.dirname(path.resolve(values.out));
  if (!fs.existsSync(folder)) throw inputError(`--out: the folder ${folder} does not exist`);
  const { range, defaulted } = rangeFlags(values, localIsoDate(new Date()));
  const criticalOnly = values['critical-only'] ?? false;
  const file = must(await (await openSession(values.db)).api['maintenance.calendar']({ range, criticalOnly }));
  writeGeneratedFile(values.out, file);
  // Counted in the file itself, so the number is what a calendar app will show.
  const events = (Buffer.from(file.base64, 'base64').toString('utf8').match(/^BEGIN:VEVENT\r?$/gm) ?? []).length;
  process.stdout.write(
    `${events} ${events === 1 ? 'event' : 'events'}${criticalOnly ? ' of critical-path providers' : ''} ` +
      `from ${range.from} to ${range.to} (whole UTC days${defaulted ? '; the default range: today to a year ahead' : ''}).\n`,
  );
}
