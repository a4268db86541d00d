// `vetted blackout add|list|remove`: the company's own times when no provider should be in
// maintenance — a release freeze of whole days, or recurring peak hours in the company's zone.
import type { Schedule } from '../../../shared/domain/maintenance';
import { scheduleWords } from '../../../shared/maintenance/words';
import { byIdOrPrefix, parse, shortId } from '../args';
import { usageError } from '../cli-error';
import { table } from '../format';
import { flagUsageError, scheduleFromFlags, wholeDaysOf, wholeDaysSchedule } from '../schedule-flags';
import { must, openSession } from '../session';
import { whenInUtc } from './overlaps';

export const BLACKOUT_ADD_USAGE = [
  'usage: vetted blackout add NAME --from YYYY-MM-DD --to YYYY-MM-DD [--tz ZONE]     (whole days, --to included; UTC unless --tz)',
  '       vetted blackout add NAME --every "mon-fri 08:00" --duration MINUTES --tz ZONE [--from D] [--until D | --count N] [--except D,D]',
  '       vetted blackout add NAME --monthly "last fri 18:00" --duration MINUTES --tz ZONE [same bounds]',
  '       vetted blackout add NAME --at 2026-12-10T18:00 --duration MINUTES --tz ZONE',
  '         [--notes T]',
].join('\n');

export const BLACKOUT_USAGE = [BLACKOUT_ADD_USAGE, '       vetted blackout list [--json]', '       vetted blackout remove ID'].join('\n');


export async function blackoutCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'add') return blackoutAdd(rest);
  if (sub === 'list') return blackoutList(rest);
  if (sub === 'remove') return blackoutRemove(rest);
  throw usageError(BLACKOUT_USAGE);
}

/** The period in words: whole days as "from … to … (whole days, ZONE)", anything else as a schedule. */
export function blackoutWords(schedule: Schedule): string {
  const days = wholeDaysOf(schedule);
  if (days) return `${days.from === days.to ? days.from : `${days.from} to ${days.to}`} (whole days, ${schedule.timeZone})`;
  return scheduleWords(schedule);
}

/** The flags say either whole days (--from and --to) or a schedule (--every, --monthly or --at). */
function scheduleOf(values: Parameters<typeof scheduleFromFlags>[0] & { to?: string }): { schedule: Schedule; warnings: string[] } {
  const ruled = values.every !== undefined || values.monthly !== undefined || values.at !== undefined;
  if (ruled) {
    if (values.to !== undefined) throw flagUsageError(`--to ends a period of whole days; a recurring one ends with --until`);
    return scheduleFromFlags(values);
  }
  if (values.from === undefined || values.to === undefined) throw usageError(BLACKOUT_ADD_USAGE);
  for (const flag of ['duration', 'until', 'count', 'except'] as const) {
    if (values[flag] !== undefined) throw flagUsageError(`--${flag} belongs to a recurring period (--every or --monthly); whole days need only --from and --to`);
  }
  return { schedule: wholeDaysSchedule({ from: values.from, to: values.to, tz: values.tz }), warnings: [] };
}

async function blackoutAdd(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    every: { type: 'string' }, monthly: { type: 'string' }, at: { type: 'string' }, duration: { type: 'string' }, tz: { type: 'string' },
    from: { type: 'string' }, to: { type: 'string' }, until: { type: 'string' }, count: { type: 'string' }, except: { type: 'string' },
    notes: { type: 'string' },
  });
  if (positionals.length !== 1) throw usageError(BLACKOUT_ADD_USAGE);
  // Every flag is checked before the register is opened: a mistake stores nothing.
  const { schedule, warnings } = scheduleOf(values);
  for (const warning of warnings) process.stderr.write(`vetted: warning: ${warning}\n`);
  const { api } = await openSession(values.db);
  const added = must(await api['blackout.add']({ name: positionals[0]!, schedule, notes: values.notes }));
  process.stdout.write(`Added blackout period "${added.name}": ${blackoutWords(added.schedule)}; id ${shortId(added.id)}.\n`);
  process.stdout.write(`${whenInUtc(added.schedule, Date.now())}\n`);
}


async function blackoutList(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 0) throw usageError(BLACKOUT_USAGE);
  const blackouts = must(await (await openSession(values.db)).api['blackout.list']({}));
  if (values.json) {
    process.stdout.write(JSON.stringify(blackouts, null, 2) + '\n');
    return;
  }
  if (blackouts.length === 0) {
    process.stdout.write('No blackout periods.\n');
    return;
  }
  process.stdout.write(table(['Name', 'When', 'ID'], blackouts.map((b) => [b.name, blackoutWords(b.schedule), shortId(b.id)])) + '\n');
}

async function blackoutRemove(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1) throw usageError(BLACKOUT_USAGE);
  const { api } = await openSession(values.db);
  const blackout = byIdOrPrefix(must(await api['blackout.list']({})), positionals[0]!, 'blackout period', 'vetted blackout list');
  must(await api['blackout.delete']({ id: blackout.id }));
  process.stdout.write(`Removed blackout period "${blackout.name}": ${blackoutWords(blackout.schedule)}; id ${shortId(blackout.id)}.\n`);
}
