// `vetted window add|import|list|remove`: a provider's maintenance windows — standing ones typed
// in as a rule in the provider's own time zone, one-off scheduled maintenances, and the provider's
// own iCalendar or Statuspage file of them.
import path from 'node:path';
import { MAX_WINDOW_IMPORT_CHARS, type WindowImport, type WindowView } from '../../../shared/api';
import { WINDOW_IMPACTS } from '../../../shared/domain/maintenance';
import { WINDOW_IMPACT_LABELS, WINDOW_SOURCE_LABELS, WINDOW_STATUS_LABELS, labelOf } from '../../../shared/domain/labels';
import { byIdOrPrefix, choiceFlag, parse, shortId } from '../args';
import { inputError, usageError } from '../cli-error';
import { table } from '../format';
import { readInputFile } from '../input-file';
import { flagUsageError, instantFlag, scheduleFromFlags } from '../schedule-flags';
import { findVendor, must, openSession } from '../session';
import { whenInUtc } from './overlaps';

export const WINDOW_ADD_USAGE = [
  'usage: vetted window add VENDOR --every "sun 02:00" --duration MINUTES --tz ZONE [--from D] [--until D | --count N] [--except D,D]',
  '       vetted window add VENDOR --monthly "last sun 02:00" --duration MINUTES --tz ZONE [same bounds]',
  '       vetted window add VENDOR --at 2026-12-06T02:00 --duration MINUTES --tz ZONE [--announced 2026-12-01T09:00Z]',
  `         [--title T] [--impact ${WINDOW_IMPACTS.join('|')}] [--notes T]`,
].join('\n');

export const WINDOW_USAGE = [
  WINDOW_ADD_USAGE,
  '       vetted window import VENDOR FILE.ics|scheduled-maintenances.json [--dry-run]',
  '       vetted window list [VENDOR] [--json]',
  '       vetted window remove ID',
].join('\n');

const MB = 1024 * 1024;

export async function windowCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'add') return windowAdd(rest);
  if (sub === 'import') return windowImport(rest);
  if (sub === 'list') return windowList(rest);
  if (sub === 'remove') return windowRemove(rest);
  throw usageError(WINDOW_USAGE);
}

async function windowAdd(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {
    every: { type: 'string' }, monthly: { type: 'string' }, at: { type: 'string' }, duration: { type: 'string' }, tz: { type: 'string' },
    from: { type: 'string' }, until: { type: 'string' }, count: { type: 'string' }, except: { type: 'string' },
    announced: { type: 'string' }, impact: { type: 'string' }, title: { type: 'string' }, notes: { type: 'string' },
  });
  if (positionals.length !== 1) throw usageError(WINDOW_ADD_USAGE);
  // Every flag is checked before the register is opened: a mistake stores nothing.
  const { schedule, warnings, zone } = scheduleFromFlags(values);
  if (values.announced !== undefined && schedule.kind !== 'once') {
    throw flagUsageError(`--announced: only a one-off maintenance (--at) has an announcement to measure notice from`);
  }
  const announced = values.announced === undefined ? undefined : instantFlag('announced', values.announced, zone);
  const impact = values.impact === undefined ? undefined : choiceFlag('impact', values.impact, WINDOW_IMPACTS);
  for (const warning of [...warnings, ...(announced?.warning ? [announced.warning] : [])]) process.stderr.write(`vetted: warning: ${warning}\n`);

  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  const added = must(
    await api['window.add']({ vendorId: vendor.id, schedule, title: values.title, impact, notes: values.notes, announcedAt: announced?.iso }),
  );
  process.stdout.write(`Added to ${added.vendorName}: ${added.title} — ${added.words}; ${labelOf(WINDOW_IMPACT_LABELS, added.impact).toLowerCase()}; id ${shortId(added.id)}.\n`);
  process.stdout.write(`${whenInUtc(added.schedule, Date.now())}\n`);
}


async function windowImport(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' } });
  if (positionals.length !== 2) throw usageError(WINDOW_USAGE);
  const [vendorRef, file] = positionals as [string, string];
  const bytes = readInputFile(file, MAX_WINDOW_IMPORT_CHARS, (mb) => `the file is ${mb} MB; a maintenance file is at most ${MAX_WINDOW_IMPORT_CHARS / MB} MB`);
  if (bytes.length === 0) throw inputError(`${file}: the file is empty`);
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, vendorRef);
  const result = await api['window.import']({ vendorId: vendor.id, fileName: path.basename(file), text: bytes.toString('utf8'), dryRun: values['dry-run'] });
  // A bad file: the parser's own message (it names the line or property); nothing was stored.
  if (!result.ok) throw inputError(result.error.message.startsWith(path.basename(file)) ? result.error.message : `${file}: ${result.error.message}`);
  process.stdout.write(importReport(result.value, file, vendor.name));
}

const FORMAT_NAMES: Record<WindowImport['format'], string> = { ical: 'iCalendar', statuspage: 'Statuspage scheduled maintenances' };

export function importReport(r: WindowImport, file: string, vendorName: string): string {
  // "cancelled" counts among the added and updated: a cancellation arrives as a newer version.
  const counts =
    `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.older} older than the stored version (kept as stored); ` +
    `${r.cancelled} of those added or updated cancelled`;
  const lines = [
    r.dryRun
      ? `Dry run: nothing was written. Importing ${file} (${FORMAT_NAMES[r.format]}) for ${vendorName} would give: ${counts}.`
      : `Imported ${file} (${FORMAT_NAMES[r.format]}) for ${vendorName}: ${counts}.`,
  ];
  if (r.windows.length > 0) lines.push('', windowTable(r.windows));
  if (r.warnings.length > 0) lines.push('', `${r.warnings.length === 1 ? 'One warning' : `${r.warnings.length} warnings`}:`, ...r.warnings.map((w) => `  ${w}`));
  return lines.join('\n') + '\n';
}

async function windowList(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 1) throw usageError(WINDOW_USAGE);
  const { api } = await openSession(values.db);
  const vendor = positionals[0] === undefined ? undefined : await findVendor(api, positionals[0]);
  const windows = must(await api['window.list']({ vendorId: vendor?.id }));
  if (values.json) {
    process.stdout.write(JSON.stringify(windows, null, 2) + '\n');
    return;
  }
  if (windows.length === 0) {
    process.stdout.write(`No maintenance windows${vendor ? ` for ${vendor.name}` : ''}.\n`);
    return;
  }
  process.stdout.write(windowTable(windows) + '\n');
}

function windowTable(windows: readonly WindowView[]): string {
  return table(
    ['Provider', 'Title', 'Schedule', 'Impact', 'Source', 'Status', 'ID'],
    windows.map((w) => [
      w.vendorName,
      w.title,
      w.words,
      labelOf(WINDOW_IMPACT_LABELS, w.impact).toLowerCase(),
      labelOf(WINDOW_SOURCE_LABELS, w.source),
      labelOf(WINDOW_STATUS_LABELS, w.status).toLowerCase(),
      shortId(w.id),
    ]),
  );
}

async function windowRemove(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, {});
  if (positionals.length !== 1) throw usageError(WINDOW_USAGE);
  const { api } = await openSession(values.db);
  const window = byIdOrPrefix(must(await api['window.list']({})), positionals[0]!, 'maintenance window', 'vetted window list');
  must(await api['window.delete']({ id: window.id }));
  process.stdout.write(`Removed ${window.vendorName}: ${window.title} — ${window.words}; id ${shortId(window.id)}.\n`);
}
