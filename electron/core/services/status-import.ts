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

/** The same version as stored: nothing to write. */
const sameIncident = (i: Incident, e: ImportedIncident) =>
  i.title === e.title &&
  i.impact === e.impact &&
  i.startedAt === e.startedAt &&
  i.firstUpdateAt === e.firstUpdateAt &&
  i.resolvedAt === e.resolvedAt &&
  i.link === e.link &&
  i.notes === e.notes &&
  i.sequence === e.sequence &&
  JSON.stringify(i.components) === JSON.stringify(e.components) &&
  JSON.stringify(i.updates) === JSON.stringify(e.updates) &&
  JSON.stringify(i.postmortem) === JSON.stringify(e.postmortem);

/** Incidents carry their source's format; the maintenance windows know Statuspage and iCalendar only. */
const INCIDENT_SOURCE = { statuspage: 'statuspage', atom: 'feed', rss: 'feed', instatus: 'instatus' } as const;

/**
 * Merges parsed status files into one provider's record inside one IMMEDIATE transaction: a new
 * source id is added, a later version (higher sequence) replaces the stored incident, the same or
 * an older one is kept as stored (so edits made here survive a re-import of the same file).
 */
export function applyStatusFiles(
  ctx: Context,
  vendorId: string,
  files: readonly ParsedStatusFile[],
  options: { dryRun: boolean; fetched?: StatusImport['fetched']; afterWrite?: () => void },
): StatusImport {
  const first = files[0]!;
  return writeOrRehearse((fn) => ctx.db.transaction(fn), options.dryRun, () => {
    const vendor = getVendor(ctx, vendorId);
    const stamp = ctx.now().toISOString();
    const result: StatusImport = {
      format: first.format,
      dryRun: options.dryRun,
      page: first.page,
      incidents: { added: 0, updated: 0, unchanged: 0, older: 0 },
      maintenances: { added: 0, updated: 0, unchanged: 0, older: 0 },
      warnings: files.flatMap((f) => f.warnings),
      fetched: options.fetched ?? [],
    };
    for (const file of files) {
      const source = INCIDENT_SOURCE[file.format];
      for (const e of file.incidents) {
        const stored = ctx.incidents.bySourceUid(vendor.id, source, e.sourceUid);
        if (!stored) {
          ctx.incidents.insert({ ...e, id: ctx.newId(), vendorId: vendor.id, source, onStatusPage: true, createdAt: stamp, updatedAt: stamp });
          result.incidents.added++;
        } else if (sameIncident(stored, e)) {
          result.incidents.unchanged++;
        } else if (stored.sequence !== null && e.sequence <= stored.sequence) {
          result.incidents.older++;
          result.warnings.push(
            e.sequence < stored.sequence
              ? `${e.sourceUid}: the file has an older version of "${e.title}" than the register holds; kept the stored one`
              : `${e.sourceUid}: "${e.title}" was changed here since it was imported; kept the stored one`,
          );
        } else {
          ctx.incidents.update({ ...stored, ...e, updatedAt: stamp });
          result.incidents.updated++;
        }
      }
      if (file.maintenances.length > 0) {
        // Instatus maintenances are held like Statuspage ones (the windows' sources are formats of maintenance files).
        const merged = mergeMaintenanceEvents(ctx, vendor.id, 'statuspage', file.maintenances, stamp);
        result.maintenances.added += merged.added;
        result.maintenances.updated += merged.updated;
        result.maintenances.unchanged += merged.unchanged;
        result.maintenances.older += merged.older;
        result.warnings.push(...merged.warnings);
      }
    }
    options.afterWrite?.();
    return result;
  });
}

/** A file the user saved: read (a bad file is refused naming what is wrong), then merged. */
export function importStatus(ctx: Context, input: { vendorId: string; fileName: string; text: string; dryRun?: boolean }): StatusImport {
  getVendor(ctx, input.vendorId);
  const parsed = parseStatusFile(input.fileName, input.text);
  return applyStatusFiles(ctx, input.vendorId, [parsed], { dryRun: input.dryRun ?? false });
}
