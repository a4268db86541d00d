// A provider's status page record into the register: incidents to the incident log, scheduled
// maintenances to the maintenance windows, all in one transaction (all of the file or none).
// Used for a file the user saved (`status.import`) and for what `status.refresh` fetched.
import type { StatusImport } from '../../../shared/api';
import type { Incident } from '../../../shared/domain/incidents';
import type { Context } from '../context';
import type { ImportedIncident, ParsedStatusFile } from '../importers/status-imported';
import { parseStatusFile } from '../importers/status-file';
import { writeOrRehearse } from './dry-run';
import { mergeMaintenanceEvents } from './maintenance';
import { getVendor } from './vendor-lookup';

/** The fields an import writes; any of them edited here is left as it is by a later import. */
const IMPORTED_FIELDS = ['title', 'impact', 'components', 'startedAt', 'firstUpdateAt', 'resolvedAt', 'updates', 'postmortem', 'link', 'notes'] as const;
type ImportedField = (typeof IMPORTED_FIELDS)[number];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The same version as stored (every imported field, and the version): nothing to write. */
const sameIncident = (i: Incident, e: ImportedIncident) => i.sequence === e.sequence && IMPORTED_FIELDS.every((f) => same(i[f], e[f]));

/** Incidents carry their source's format; the maintenance windows know Statuspage and iCalendar only. */
const INCIDENT_SOURCE = { statuspage: 'statuspage', atom: 'feed', rss: 'feed', instatus: 'instatus' } as const;

/** A Statuspage page's incident address ends with its id: /incidents/<id>. */
const PAGE_ID = /\/incidents\/([A-Za-z0-9]+)\/?$/;

type Counts = StatusImport['incidents'];

/** One file's incidents into the provider's record; see applyStatusFiles. */
async function mergeIncidents(ctx: Context, vendorId: string, file: ParsedStatusFile, stamp: string, counts: Counts, warnings: string[]): Promise<void> {
  const source = INCIDENT_SOURCE[file.format];
  const seen = new Set<string>();
  for (const e of file.incidents) {
    seen.add(e.sourceUid);
    if (await ctx.incidents.isTombstoned(vendorId, source, e.sourceUid)) {
      counts.deletedHere++;
      continue;
    }
    let stored = await ctx.incidents.bySourceUid(vendorId, source, e.sourceUid);
    if (!stored && source === 'feed') {
      // The page's JSON already holds this incident (with its real impact and times): the feed entry adds nothing.
      const pageId = e.link ? PAGE_ID.exec(e.link)?.[1] : undefined;
      if (pageId && await ctx.incidents.bySourceUid(vendorId, 'statuspage', pageId)) {
        counts.unchanged++;
        continue;
      }
    }
    if (!stored && source === 'statuspage') {
      // Read from the page's feed before: the JSON supersedes that entry rather than doubling it.
      const fromFeed = await ctx.incidents.byLinkSuffix(vendorId, 'feed', `/incidents/${e.sourceUid}`);
      if (fromFeed) {
        await ctx.incidents.reassign(fromFeed.id, 'statuspage', e.sourceUid);
        stored = { ...fromFeed, source: 'statuspage', sourceUid: e.sourceUid, sequence: null };
      }
    }
    if (!stored) {
      await ctx.incidents.insert({ ...e, id: ctx.newId(), vendorId, source, onStatusPage: true, createdAt: stamp, updatedAt: stamp });
      counts.added++;
      continue;
    }
    if (sameIncident(stored, e)) {
      counts.unchanged++;
      continue;
    }
    if (stored.sequence !== null && e.sequence <= stored.sequence) {
      counts.older++;
      if (e.sequence < stored.sequence) warnings.push(`${e.sourceUid}: the file has an older version of "${e.title}" than the register holds; kept the stored one`);
      continue;
    }
    // A later version from the source: its fields replace the stored ones, except those edited here.
    const edited = new Set(await ctx.incidents.editedFields(stored.id)) as Set<ImportedField | string>;
    const next: Incident = { ...stored, sequence: e.sequence, updatedAt: stamp };
    const kept: string[] = [];
    for (const f of IMPORTED_FIELDS) {
      if (edited.has(f)) {
        if (!same(stored[f], e[f])) kept.push(f);
      } else {
        (next as unknown as Record<string, unknown>)[f] = e[f];
      }
    }
    await ctx.incidents.update(next);
    counts.updated++;
    if (kept.length > 0) warnings.push(`"${stored.title}": a newer version from the page differs in ${kept.join(', ')}, which ${kept.length === 1 ? 'was' : 'were'} edited here; kept as edited`);
  }
  const stillOpen = (await ctx.incidents.incidents(vendorId)).filter((i) => i.source === source && i.resolvedAt === null && i.sourceUid !== null && !seen.has(i.sourceUid));
  if (stillOpen.length > 0 && file.incidents.length > 0) {
    // summary.json and Instatus list only what is active, incidents.json only the latest 50: an
    // incident held open that the page no longer lists was most likely resolved meanwhile.
    warnings.push(
      `${stillOpen.length === 1 ? `"${stillOpen[0]!.title}" is` : `${stillOpen.length} incidents (${stillOpen.slice(0, 5).map((i) => `"${i.title}"`).join(', ')}${stillOpen.length > 5 ? ', …' : ''}) are`} held as still open but not in this file: ` +
        'probably resolved since; import the page\'s incidents.json or set the resolution by hand, or they count as open (and, major or critical, as down) until then',
    );
  }
}

/**
 * Merges parsed status files into one provider's record inside one IMMEDIATE transaction: a new
 * source id is added, a later version (higher sequence) replaces the stored incident's fields
 * except those edited here, the same or an older one is kept as stored, and one deleted here
 * stays deleted. A feed entry the page's JSON already holds is not stored twice.
 */
export async function applyStatusFiles(
  ctx: Context,
  vendorId: string,
  files: readonly ParsedStatusFile[],
  options: { dryRun: boolean; fetched?: StatusImport['fetched']; afterWrite?: (ctx: Context) => Promise<void> },
): Promise<StatusImport> {
  const first = files[0]!;
  return await writeOrRehearse(ctx, options.dryRun, async (ctx) => {
    const vendor = await getVendor(ctx, vendorId);
    const stamp = ctx.now().toISOString();
    const result: StatusImport = {
      format: first.format,
      dryRun: options.dryRun,
      page: first.page,
      incidents: { added: 0, updated: 0, unchanged: 0, older: 0, deletedHere: 0 },
      maintenances: { added: 0, updated: 0, unchanged: 0, older: 0 },
      warnings: files.flatMap((f) => f.warnings),
      fetched: options.fetched ?? [],
    };
    for (const file of files) {
      await mergeIncidents(ctx, vendor.id, file, stamp, result.incidents, result.warnings);
      if (file.maintenances.length > 0) {
        // Instatus maintenances are held like Statuspage ones (the windows' sources are formats of maintenance files).
        const merged = await mergeMaintenanceEvents(ctx, vendor.id, 'statuspage', file.maintenances, stamp);
        result.maintenances.added += merged.added;
        result.maintenances.updated += merged.updated;
        result.maintenances.unchanged += merged.unchanged;
        result.maintenances.older += merged.older;
        result.warnings.push(...merged.warnings);
      }
    }
    if (result.incidents.deletedHere > 0) {
      result.warnings.push(`${result.incidents.deletedHere === 1 ? '1 incident was' : `${result.incidents.deletedHere} incidents were`} deleted here before and stay deleted`);
    }
    await options.afterWrite?.(ctx);
    return result;
  });
}

/** A file the user saved: read (a bad file is refused naming what is wrong), then merged. */
export async function importStatus(ctx: Context, input: { vendorId: string; fileName: string; text: string; dryRun?: boolean }): Promise<StatusImport> {
  await getVendor(ctx, input.vendorId);
  const parsed = parseStatusFile(input.fileName, input.text);
  return await applyStatusFiles(ctx, input.vendorId, [parsed], { dryRun: input.dryRun ?? false });
}
