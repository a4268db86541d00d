// Maintenance windows and blackout periods in a register import: by id, the newer change winning.
import type { BlackoutPeriod, MaintenanceWindow } from '../../../../shared/domain/maintenance';
import { WINDOW_SOURCE_LABELS } from '../../../../shared/domain/labels';
import { canonicalJson } from '../../../../shared/register/format';
import { byText, order, type ImportState } from './state';

const recordContent = (r: MaintenanceWindow | BlackoutPeriod) => canonicalJson(r);

/**
 * Maintenance windows merge like reviews: by id, under the provider they were imported as, the
 * newer change winning. A window keeps its provider, origin (source and the provider's event id)
 * and creation time for life (reports cut windows to a date by when they were created), so a
 * register's window that differs in any of them is a different record: a conflict, kept.
 */
export async function importWindows(s: ImportState): Promise<void> {
  const { maintenance } = s.ctx;
  for (const file of [...s.data.maintenanceWindows].sort((a, b) => byText(a.id, b.id))) {
    const vendorName = s.vendorNames.get(file.vendorId) ?? file.vendorId;
    const name = `${vendorName}: ${file.title.trim() || 'Maintenance window'}`;
    const vendorId = s.vendorIds.get(file.vendorId);
    if (!vendorId) {
      s.conflict('window', file.id, name, `its provider "${vendorName}" was not imported, so neither was the window`);
      continue;
    }
    const mapped: MaintenanceWindow = { ...file, vendorId };
    const local = await maintenance.window(file.id);
    if (!local) {
      const same = file.sourceUid === null ? undefined : await maintenance.windowBySourceUid(vendorId, file.source, file.sourceUid);
      if (same) {
        const source = WINDOW_SOURCE_LABELS[file.source];
        s.conflict('window', file.id, name, `the register holds this ${source} event ("${file.sourceUid}") of the provider under another id (${same.id}); it was kept`);
        continue;
      }
      await maintenance.insertWindow(mapped);
      s.report.windows.added += 1;
      continue;
    }
    if (local.vendorId !== vendorId) {
      s.conflict('window', file.id, name, 'a window with this id belongs to another provider in the register; it was kept');
      continue;
    }
    if (local.source !== file.source || local.sourceUid !== file.sourceUid || order(local.createdAt, file.createdAt) !== 'same-time') {
      s.conflict('window', file.id, name, "the register's window with this id has another origin or creation time; it was kept");
      continue;
    }
    const when = order(local.updatedAt, file.updatedAt);
    if (when === 'local-newer') {
      s.conflict('window', file.id, name, s.newerReason(local.updatedAt, file.updatedAt));
    } else if (when === 'same-time') {
      if (recordContent(local) === recordContent({ ...mapped, createdAt: local.createdAt })) s.report.windows.unchanged += 1;
      else s.conflict('window', file.id, name, "same change time as the register's copy but different content; the register's was kept");
    } else {
      await maintenance.updateWindow(mapped);
      s.report.windows.updated += 1;
    }
  }
}

/** Blackout periods merge by id, the newer change winning; a different creation time is another record. */
export async function importBlackouts(s: ImportState): Promise<void> {
  const { maintenance } = s.ctx;
  for (const file of [...s.data.blackoutPeriods].sort((a, b) => byText(a.id, b.id))) {
    const local = await maintenance.blackout(file.id);
    if (!local) {
      await maintenance.insertBlackout(file);
      s.report.blackouts.added += 1;
      continue;
    }
    if (order(local.createdAt, file.createdAt) !== 'same-time') {
      s.conflict('blackout', file.id, file.name, "the register's blackout period with this id has another creation time; it was kept");
      continue;
    }
    const when = order(local.updatedAt, file.updatedAt);
    if (when === 'local-newer') {
      s.conflict('blackout', file.id, local.name, s.newerReason(local.updatedAt, file.updatedAt));
    } else if (when === 'same-time') {
      if (recordContent(local) === recordContent({ ...file, createdAt: local.createdAt })) s.report.blackouts.unchanged += 1;
      else s.conflict('blackout', file.id, local.name, "same change time as the register's copy but different content; the register's was kept");
    } else {
      await maintenance.updateBlackout(file);
      s.report.blackouts.updated += 1;
    }
  }
}
