// A schedule in words, as the provider page, the report and the CLI print it:
// "Every Sunday, 02:00–04:00 Europe/Berlin", "The last Sunday of every month, 23:00–01:00 (next day) America/New_York".
import { WEEKDAYS, type Schedule, type Weekday } from '../domain/maintenance';
import { utcToWall, wallClock, wallDate } from './zone';

const DAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday',
};
const POSITIONS: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' };
const ORDINAL_INTERVAL = (n: number, unit: string) => (n === 1 ? `every ${unit}` : `every ${n} ${unit}s`);

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "02:00–04:00", "23:00–01:00 (next day)", "02:00 for 30 hours". */
export function clockSpan(startTime: string, durationMinutes: number): string {
  const [h, m] = startTime.split(':').map(Number) as [number, number];
  const startMin = h * 60 + m;
  const endMin = startMin + durationMinutes;
  if (durationMinutes >= 24 * 60) {
    const hours = durationMinutes / 60;
    return `${startTime} for ${Number.isInteger(hours) ? hours : hours.toFixed(1)} hours`;
  }
  const end = endMin % (24 * 60);
  const endText = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
  return `${startTime}–${endText}${endMin >= 24 * 60 ? ' (next day)' : ''}`;
}

/** The schedule in one line of words. */
export function scheduleWords(s: Schedule): string {
  if (s.kind === 'once') {
    const start = utcToWall(s.timeZone, Date.parse(s.start));
    const end = utcToWall(s.timeZone, Date.parse(s.end));
    const sameDay = wallDate(start) === wallDate(end);
    return `${wallDate(start)} ${wallClock(start)}–${sameDay ? '' : `${wallDate(end)} `}${wallClock(end)} ${s.timeZone}`;
  }
  // In the order of the week (Monday first, as the rule's weeks are), whatever order an imported BYDAY listed them.
  const ordered = [...s.byDay].sort((x, y) => WEEKDAYS.indexOf(x) - WEEKDAYS.indexOf(y));
  const days = list(ordered.map((d) => DAY_NAMES[d]));
  // Seven days, or Monday to Friday, read as people say them (a daily rule imports as all seven).
  const span = ordered.length === 7 ? 'day' : ordered.join() === 'MO,TU,WE,TH,FR' ? 'weekday (Monday to Friday)' : null;
  const when =
    s.freq === 'weekly'
      ? s.interval === 1
        ? span
          ? `Every ${span}`
          : `Every ${days}`
        : span
          ? `Every ${s.interval} weeks, every ${span}`
          : `Every ${s.interval} weeks on ${days}`
      : `The ${POSITIONS[String(s.setPos)] ?? 'first'} ${days} of ${ORDINAL_INTERVAL(s.interval, 'month')}`;
  const bounds: string[] = [];
  if (s.until !== null) bounds.push(`from ${s.from} until ${s.until}`);
  else if (s.count !== null) bounds.push(`${s.count} time${s.count === 1 ? '' : 's'} from ${s.from}`);
  else bounds.push(`from ${s.from}`);
  if (s.exDates.length > 0) bounds.push(`except ${list([...s.exDates].sort())}`);
  return `${when}, ${clockSpan(s.startTime, s.durationMinutes)} ${s.timeZone} (${bounds.join('; ')})`;
}
