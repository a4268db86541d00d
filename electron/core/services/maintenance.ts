// Maintenance windows of providers: typed in, imported from a provider's iCalendar or Statuspage
// file, and read back as the warnings the calendar, Needs attention, the report and the CLI show.
import type { GeneratedFile, WindowImport, WindowView } from '../../../shared/api';
import type { DateRange, MaintenanceWindow, WindowInput, WindowPatch, WindowSource } from '../../../shared/domain/maintenance';
import { rangeSpan } from '../../../shared/domain/maintenance';
import type { Vendor } from '../../../shared/domain/vendor';
import { occurrences } from '../../../shared/maintenance/expand';
import { maintenanceWarnings, type MaintenanceWarnings, type WindowOf } from '../../../shared/maintenance/overlaps';
import { scheduleWords } from '../../../shared/maintenance/words';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { buildCalendarIcs } from '../exporters/ics';
import { parseMaintenanceFile, type ImportedEvent } from '../importers/maintenance-file';
import { writeOrRehearse } from './dry-run';
import { asFile } from './generated-file';
import { getVendor } from './vendor-lookup';
import { lockToEdit } from '../db/store/row-lock';

/** The question whose answer is the notice a provider promises. */
const NOTICE_QUESTION = 'mnt_notice_hours';

function view(w: MaintenanceWindow, vendor: Pick<Vendor, 'name' | 'criticalPath'> | undefined): WindowView {
  return { ...w, vendorName: vendor?.name ?? '', criticalPath: vendor?.criticalPath ?? false, words: scheduleWords(w.schedule) };
}

const firstStart = (w: MaintenanceWindow) => (w.schedule.kind === 'once' ? w.schedule.start : `${w.schedule.from}T${w.schedule.startTime}`);

/** Provider name, then one-off and recurring windows by their (first) start. */
function sorted(list: WindowView[]): WindowView[] {
  return list.sort(
    (a, b) => a.vendorName.localeCompare(b.vendorName) || a.vendorId.localeCompare(b.vendorId) || firstStart(a).localeCompare(firstStart(b)) || a.id.localeCompare(b.id),
  );
}

async function getWindow(ctx: Context, id: string): Promise<MaintenanceWindow> {
  const w = await ctx.maintenance.window(id);
  if (!w) throw new VettedError('not_found', `No maintenance window with id ${id}.`);
  return w;
}

export async function listWindows(ctx: Context, input: { vendorId?: string }): Promise<WindowView[]> {
  return await ctx.read(async (ctx) => {
    if (input.vendorId !== undefined) await getVendor(ctx, input.vendorId);
    const vendors = new Map((await ctx.vendors.list()).map((v) => [v.id, v]));
    return sorted((await ctx.maintenance.windows(input.vendorId)).map((w) => view(w, vendors.get(w.vendorId))));
  });
}

/** An announcement after a one-off's start would measure negative notice: refused, naming the field. */
function checkAnnouncement(w: Pick<MaintenanceWindow, 'schedule' | 'announcedAt'>, path: string): void {
  if (w.announcedAt === null || w.schedule.kind !== 'once') return;
  if (Date.parse(w.announcedAt) <= Date.parse(w.schedule.start)) return;
  const message = 'must not be after the maintenance starts';
  throw new VettedError('validation', `${path}: ${message}`, [{ path, message }]);
}

export async function addWindow(ctx: Context, input: WindowInput & { schedule: MaintenanceWindow['schedule'] }): Promise<WindowView> {
  checkAnnouncement({ schedule: input.schedule, announcedAt: input.announcedAt ?? null }, 'announcedAt');
  return await ctx.write(async (ctx) => {
    const vendor = await getVendor(ctx, input.vendorId);
    const stamp = ctx.now().toISOString();
    const window: MaintenanceWindow = {
      id: ctx.newId(),
      vendorId: vendor.id,
      title: input.title?.trim() || 'Maintenance window',
      schedule: input.schedule,
      impact: input.impact ?? 'outage',
      source: 'entered',
      status: input.status ?? 'confirmed',
      announcedAt: input.announcedAt ?? null,
      sourceUid: null,
      sequence: null,
      notes: input.notes?.trim() ?? '',
      createdAt: stamp,
      updatedAt: stamp,
    };
    await ctx.maintenance.insertWindow(window);
    return view(window, vendor);
  });
}

export async function updateWindow(ctx: Context, id: string, patch: WindowPatch & { schedule?: MaintenanceWindow['schedule'] }): Promise<WindowView> {
  return await ctx.write(async (ctx) => {
    await lockToEdit(ctx.sql, 'maintenance_windows', id);
    const current = await getWindow(ctx, id);
    const next: MaintenanceWindow = {
      ...current,
      ...(patch.title !== undefined ? { title: patch.title.trim() || current.title } : {}),
      ...(patch.schedule !== undefined ? { schedule: patch.schedule } : {}),
      ...(patch.impact !== undefined ? { impact: patch.impact } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.announcedAt !== undefined ? { announcedAt: patch.announcedAt } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes.trim() } : {}),
      updatedAt: ctx.now().toISOString(),
    };
    checkAnnouncement(next, 'patch.announcedAt');
    await ctx.maintenance.updateWindow(next);
    return view(next, await ctx.vendors.get(next.vendorId));
  });
}

export async function deleteWindow(ctx: Context, id: string): Promise<{ id: string }> {
  return await ctx.write(async (ctx) => {
    await getWindow(ctx, id);
    await ctx.maintenance.deleteWindow(id);
    return { id };
  });
}

/** The same version of the event as stored (the announcement is kept from the first import, so it is not compared). */
const sameEvent = (w: MaintenanceWindow, e: ImportedEvent) =>
  w.title === e.title &&
  JSON.stringify(w.schedule) === JSON.stringify(e.schedule) &&
  w.impact === e.impact &&
  w.status === e.status &&
  w.notes === e.notes &&
  w.sequence === e.sequence;

/** What merging a file's events into a provider's windows did. */
export interface MergedEvents {
  added: number;
  updated: number;
  cancelled: number;
  unchanged: number;
  older: number;
  /** The windows the events touched (added, updated or unchanged). */
  touched: MaintenanceWindow[];
  warnings: string[];
}

/**
 * Merges imported events into a provider's windows (inside the caller's transaction): new UIDs
 * are added, a higher SEQUENCE replaces the stored event (keeping when it was first announced),
 * a lower one is left as stored. Shared by `window.import` and the status page import.
 */
export async function mergeMaintenanceEvents(ctx: Context, vendorId: string, source: WindowSource, events: readonly ImportedEvent[], stamp: string): Promise<MergedEvents> {
  const result: MergedEvents = { added: 0, updated: 0, cancelled: 0, unchanged: 0, older: 0, touched: [], warnings: [] };
  for (const event of events) {
    const stored = await ctx.maintenance.windowBySourceUid(vendorId, source, event.uid);
    if (!stored) {
      const window: MaintenanceWindow = {
        id: ctx.newId(),
        vendorId,
        title: event.title,
        schedule: event.schedule,
        impact: event.impact,
        source,
        status: event.status,
        announcedAt: event.announcedAt,
        sourceUid: event.uid,
        sequence: event.sequence,
        notes: event.notes,
        createdAt: stamp,
        updatedAt: stamp,
      };
      await ctx.maintenance.insertWindow(window);
      result.added++;
      if (window.status === 'cancelled') result.cancelled++;
      result.touched.push(window);
    } else if (sameEvent(stored, event)) {
      result.unchanged++;
      result.touched.push(stored);
    } else if (stored.sequence !== null && event.sequence <= stored.sequence) {
      // Only a newer version replaces what is stored: the same version that differs was
      // edited here (impact, title, notes), and a re-import must not undo that.
      result.older++;
      result.warnings.push(
        event.sequence < stored.sequence
          ? `${event.uid}: the file has version ${event.sequence}, the register already holds version ${stored.sequence}; kept the stored one`
          : `${event.uid}: the file has the version the register holds (${event.sequence}), which was changed here since; kept the stored one`,
      );
    } else {
      const window: MaintenanceWindow = {
        ...stored,
        title: event.title,
        schedule: event.schedule,
        impact: event.impact,
        status: event.status,
        // Notice is measured from the first announcement, not from the latest update.
        announcedAt: stored.announcedAt ?? event.announcedAt,
        sequence: event.sequence,
        notes: event.notes,
        updatedAt: stamp,
      };
      await ctx.maintenance.updateWindow(window);
      result.updated++;
      if (window.status === 'cancelled' && stored.status !== 'cancelled') result.cancelled++;
      result.touched.push(window);
    }
  }
  return result;
}

/**
 * Reads the file (a parse error stores nothing) and merges its events into the provider's
 * windows in one transaction (mergeMaintenanceEvents).
 */
export async function importWindows(ctx: Context, input: { vendorId: string; fileName: string; text: string; dryRun?: boolean }): Promise<WindowImport> {
  const parsed = parseMaintenanceFile(input.fileName, input.text);
  const dryRun = input.dryRun ?? false;
  return await writeOrRehearse(ctx, dryRun, async (ctx) => {
    const vendor = await getVendor(ctx, input.vendorId);
    const { touched, warnings, ...counts } = await mergeMaintenanceEvents(ctx, vendor.id, parsed.format, parsed.events, ctx.now().toISOString());
    return { format: parsed.format, dryRun, ...counts, windows: sorted(touched.map((w) => view(w, vendor))), warnings: [...parsed.warnings, ...warnings] };
  });
}

/** Every window with its provider's name, critical path flag and promised notice. */
export async function windowsWithProviders(ctx: Context): Promise<WindowOf[]> {
  const vendors = new Map((await ctx.vendors.list()).map((v) => [v.id, v]));
  const latest = await ctx.reviews.latestByVendor();
  // Keyed by review id: the provider's newest review names which list is its.
  const answers = await ctx.reviews.answersOfLatestReviews();
  return (await ctx.maintenance.windows()).flatMap((window) => {
    const vendor = vendors.get(window.vendorId);
    if (!vendor) return [];
    const notice = answers.get(latest.get(vendor.id)?.id ?? '')?.find((a) => a.questionId === NOTICE_QUESTION && !a.na)?.value;
    return [{ window, vendorName: vendor.name, criticalPath: vendor.criticalPath, promisedNoticeHours: typeof notice === 'number' ? notice : null }];
  });
}

export interface WarningsQuery {
  range: DateRange;
  criticalOnly?: boolean;
  limit?: number;
  vendorId?: string;
}

export async function warningsFor(ctx: Context, query: WarningsQuery): Promise<MaintenanceWarnings> {
  return await ctx.read(async (ctx) => {
    if (query.vendorId !== undefined) await getVendor(ctx, query.vendorId);
    return maintenanceWarnings(await windowsWithProviders(ctx), await ctx.maintenance.blackouts(), rangeSpan(query.range), {
      criticalOnly: query.criticalOnly ?? false,
      minimumNoticeHours: (await ctx.settings.get()).minimumNoticeHours,
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.vendorId === undefined ? {} : { vendorId: query.vendorId }),
    });
  });
}

export async function maintenanceCalendar(ctx: Context, range: DateRange, criticalOnly = false): Promise<GeneratedFile> {
  const entries = await ctx.read(async (ctx) => {
    const span = rangeSpan(range);
    return (await listWindows(ctx, {}))
      .filter((w) => w.status !== 'cancelled' && (!criticalOnly || w.criticalPath))
      .map((window) => ({ window, occurrences: occurrences(window.schedule, span) }))
      .filter((e) => e.occurrences.length > 0);
  });
  const text = buildCalendarIcs(entries, range, criticalOnly);
  const name = `vetted-maintenance-${criticalOnly ? 'critical-path-' : ''}${range.from}-to-${range.to}.ics`;
  return asFile(name, Buffer.from(text, 'utf8'), [], 'text/calendar; charset=utf-8');
}
