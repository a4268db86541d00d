// `vetted overlaps`: what the maintenance calendar warns about over a range of days — two
// providers in maintenance at once (critical-path pairs first), windows inside the company's
// blackout periods, and maintenances announced with less notice than required. Times in UTC,
// the one clock every provider's zone converts to.
import { localIsoDate } from '../../../shared/domain/dates';
import type { Schedule } from '../../../shared/domain/maintenance';
import { occurrences } from '../../../shared/maintenance/expand';
import type { IsoSpan, MaintenanceWarnings, ShortNotice, WindowRef } from '../../../shared/maintenance/overlaps';
import { parse } from '../args';
import { usageError } from '../cli-error';
import { rangeFlags } from '../schedule-flags';
import { must, openSession } from '../session';

export const OVERLAPS_USAGE = 'usage: vetted overlaps [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--critical-only] [--json]';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2026-12-06 01:00–03:00 UTC", or with both days when it crosses midnight UTC. */
export function utcSpan(span: IsoSpan): string {
  const [startDay, startClock] = [span.start.slice(0, 10), span.start.slice(11, 16)];
  const [endDay, endClock] = [span.end.slice(0, 10), span.end.slice(11, 16)];
  return startDay === endDay ? `${startDay} ${startClock}–${endClock} UTC` : `${startDay} ${startClock} – ${endDay} ${endClock} UTC`;
}

/** What `window add` and `blackout add` print under the words: a one-off's span, a rule's next time. */
export function whenInUtc(schedule: Schedule, now: number): string {
  if (schedule.kind === 'once') return `In UTC: ${utcSpan(schedule)}.`;
  const [next] = occurrences(schedule, { start: now, end: now + 366 * 86_400_000 });
  if (!next) return 'It has no occurrence in the coming year.';
  return `Next, in UTC: ${utcSpan({ start: new Date(next.start).toISOString(), end: new Date(next.end).toISOString() })}.`;
}

const utcInstant = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** "Hosted DB, Patching: Every Sunday, 02:00–04:00 Europe/Berlin (from 2026-01-04)". */
const windowLine = (w: WindowRef) => `${w.vendorName}, ${w.title}: ${w.words}`;
/** The same, marked when the provider is on the critical path (pairs carry their own mark). */
const markedWindowLine = (w: WindowRef) => `${w.criticalPath ? '[critical path] ' : ''}${windowLine(w)}`;

/** How a pair is marked: both on the critical path, one, or neither. */
function criticalMark(critical: 0 | 1 | 2, a: WindowRef, b: WindowRef): string {
  if (critical === 2) return '[CRITICAL: both on the critical path] ';
  if (critical === 1) return `[critical: ${(a.criticalPath ? a : b).vendorName} is on the critical path] `;
  return '';
}

const MISSED_WORDS: Record<ShortNotice['missed'][number], string> = {
  promised: "the provider's promise",
  minimum: 'the minimum in Settings',
};

export function warningsReport(w: MaintenanceWarnings, options: { criticalOnly: boolean; defaulted: boolean }): string {
  const from = w.span.start.slice(0, 10);
  const to = new Date(Date.parse(w.span.end) - 1).toISOString().slice(0, 10);
  const lines = [
    `Maintenance from ${from} to ${to} (whole UTC days${options.defaulted ? '; the default range: today to a year ahead' : ''}): ` +
      `${plural(w.windows, 'window')}${options.criticalOnly ? ' of critical-path providers' : ''}, ${plural(w.occurrences, 'occurrence')}.`,
  ];

  if (w.overlaps.length > 0) {
    lines.push('', `Overlapping windows of different providers (${w.overlaps.length}; critical path first):`);
    w.overlaps.forEach((o, i) => {
      lines.push(
        `  ${i + 1}. ${criticalMark(o.critical, o.a, o.b)}${o.a.vendorName} and ${o.b.vendorName}`,
        `     ${windowLine(o.a)}`,
        `     ${windowLine(o.b)}`,
        `     ${plural(o.times, 'time')}, ${plural(Math.round(o.minutes), 'minute')} in all; first ${utcSpan(o.first)}`,
      );
    });
  }
  if (w.blackouts.length > 0) {
    lines.push('', `Windows in blackout periods (${w.blackouts.length}):`);
    for (const b of w.blackouts) {
      lines.push(`  ${markedWindowLine(b.window)}`, `     in "${b.blackoutName}" ${plural(b.times, 'time')}; first ${utcSpan(b.first)}`);
    }
  }
  if (w.shortNotice.length > 0) {
    lines.push('', `Announced with short notice (${w.shortNotice.length}):`);
    for (const s of w.shortNotice) {
      lines.push(
        `  ${markedWindowLine(s.window)}`,
        `     starts ${utcInstant(s.start)}, announced ${utcInstant(s.announcedAt)}: ${s.noticeHours} hours' notice, ` +
          `${s.requiredHours} required (${s.missed.map((m) => MISSED_WORDS[m]).join(' and ')})`,
      );
    }
  }

  const critical = w.overlaps.filter((o) => o.critical === 2).length;
  lines.push(
    '',
    `Summary: ${plural(w.overlaps.length, 'overlapping pair')} (${critical} with both on the critical path), ` +
      `${plural(w.blackouts.length, 'window')} in blackout periods, ${plural(w.shortNotice.length, 'maintenance')} with short notice.`,
  );
  return lines.join('\n') + '\n';
}

export async function overlapsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    from: { type: 'string' }, to: { type: 'string' }, 'critical-only': { type: 'boolean' }, json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw usageError(OVERLAPS_USAGE);
  const { range, defaulted } = rangeFlags(values, localIsoDate(new Date()));
  const criticalOnly = values['critical-only'] ?? false;
  const warnings = must(await (await openSession(values.db)).api['maintenance.warnings']({ range, criticalOnly }));
  if (values.json) {
    process.stdout.write(JSON.stringify(warnings, null, 2) + '\n');
    return;
  }
  process.stdout.write(warningsReport(warnings, { criticalOnly, defaulted }));
}
