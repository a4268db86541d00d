// Incidents, the imported incidents deleted in the exporting register, and status page settings
// in a register import (docs/formats.md, "Importing").
import type { Incident, StatusSettings } from '../../../../shared/domain/incidents';
import { INCIDENT_SOURCE_LABELS } from '../../../../shared/domain/labels';
import { canonicalJson, type RegisterExport } from '../../../../shared/register/format';
import { byText, order, type ImportState } from './state';

const recordContent = (r: Incident) => canonicalJson(r);
/** Component names as a set: the order they were chosen in says nothing. */
const sameComponents = (a: readonly string[], b: readonly string[]) => canonicalJson([...a].sort(byText)) === canonicalJson([...b].sort(byText));

/**
 * Incidents merge like windows: by id, under the provider they were imported as, the newer change
 * winning; an incident keeps its provider and creation time for life. Its origin (the source and
 * the provider's id for it) may change only as the status page import changes it — a feed
 * entry taken over by the page's JSON — so the file's newer origin is taken when the register
 * holds no other row of it. Besides the id, an imported incident is known by its origin:
 * - one the register holds under another id (both registers imported the same page) is the same
 *   incident: matched to the register's row, which keeps its id and creation time, rather than
 *   added twice (and a JSON incident matches the register's feed entry of it, as the status page
 *   import does); a conflict on a matched one says so. Not matched when the register's id is
 *   itself in the file: that row is merged on its own.
 * - one deleted in this register is not brought back (a conflict says so), as a status page
 *   import would not bring it back.
 * The fields of an imported incident edited here travel with it: a merge keeps every field either
 * register marked as edited, so a later import from the source leaves them as edited.
 */
export async function importIncidents(s: ImportState): Promise<void> {
  const { incidents } = s.ctx;
  const fileIds = new Set(s.data.incidents.map((i) => i.id));
  for (const file of [...s.data.incidents].sort((a, b) => byText(a.id, b.id))) {
    const vendorName = s.vendorNames.get(file.vendorId) ?? file.vendorId;
    const name = `${vendorName}: ${file.title}`;
    const vendorId = s.vendorIds.get(file.vendorId);
    if (!vendorId) {
      s.conflict('incident', file.id, name, `its provider "${vendorName}" was not imported, so neither was the incident`);
      continue;
    }
    const { editedFields, ...fields } = file;
    const mapped: Incident = { ...fields, vendorId };
    const what = file.sourceUid === null ? '' : `this ${INCIDENT_SOURCE_LABELS[file.source].toLowerCase()} incident ("${file.sourceUid}")`;
    // Another row of the register already holding the file's origin (undefined: the origin is free).
    const holder = async (exceptId: string) => {
      if (file.sourceUid === null) return undefined;
      const held = await incidents.bySourceUid(vendorId, file.source, file.sourceUid);
      return held && held.id !== exceptId ? held : undefined;
    };
    const deletedAt = file.sourceUid === null ? undefined : await incidents.deletedAt(vendorId, file.source, file.sourceUid);

    let local = await incidents.incident(file.id);
    let matched = '';
    if (local) {
      if (local.vendorId !== vendorId) {
        s.conflict('incident', file.id, name, 'an incident with this id belongs to another provider in the register; it was kept');
        continue;
      }
      if (order(local.createdAt, file.createdAt) !== 'same-time') {
        s.conflict('incident', file.id, name, "the register's incident with this id has another creation time; it was kept");
        continue;
      }
      const moved = local.source !== file.source || local.sourceUid !== file.sourceUid;
      if (moved && (local.sourceUid === null || file.sourceUid === null || await holder(local.id) || deletedAt)) {
        const why = await holder(local.id) ? `; the register holds ${what} under the id ${(await holder(local.id))!.id}` : deletedAt ? `; ${what} was deleted here on ${deletedAt}` : '';
        s.conflict('incident', file.id, name, `the register's incident with this id has another origin${why}; it was kept`);
        continue;
      }
    } else {
      if (deletedAt) {
        s.conflict('incident', file.id, name, `${what} was deleted in this register on ${deletedAt}; it was not brought back`);
        continue;
      }
      const same = await holder('') ?? await feedEntryOf(s, vendorId, file);
      if (same && fileIds.has(same.id)) {
        s.conflict('incident', file.id, name, `the register holds ${what} under the id ${same.id}, which the file gives another incident; it was kept`);
        continue;
      }
      if (!same) {
        const pageCopy = await pageCopyOf(s, vendorId, file);
        if (pageCopy) {
          s.conflict('incident', file.id, name, `the register holds this incident from the status page's JSON (id ${pageCopy.id}); the feed entry of it was not added`);
          continue;
        }
        await incidents.insert(mapped);
        if (editedFields.length > 0) await incidents.setEditedFields(file.id, editedFields);
        s.report.incidents.added += 1;
        continue;
      }
      local = same;
      matched = ` (the register holds ${same.source === file.source ? what : `its ${INCIDENT_SOURCE_LABELS[same.source].toLowerCase()} entry`} under the id ${same.id})`;
    }

    // The register's row keeps its id and creation time (a matched one has its own).
    const next: Incident = { ...mapped, id: local.id, createdAt: local.createdAt };
    const localEdited = await incidents.editedFields(local.id);
    const when = order(local.updatedAt, file.updatedAt);
    if (when === 'local-newer') {
      s.conflict('incident', file.id, name, s.newerReason(local.updatedAt, file.updatedAt) + matched);
    } else if (when === 'same-time') {
      const sameEdits = canonicalJson([...localEdited].sort(byText)) === canonicalJson([...editedFields].sort(byText));
      if (recordContent(local) === recordContent(next) && sameEdits) s.report.incidents.unchanged += 1;
      else s.conflict('incident', file.id, name, `same change time as the register's copy but different content; the register's was kept${matched}`);
    } else {
      if (local.source !== next.source || local.sourceUid !== next.sourceUid) await incidents.reassign(local.id, next.source, next.sourceUid!);
      await incidents.update(next);
      const edited = [...new Set([...localEdited, ...editedFields])];
      if (edited.length !== localEdited.length) await incidents.setEditedFields(local.id, edited);
      s.report.incidents.updated += 1;
    }
  }
}

/** A Statuspage JSON incident's entry read earlier from the page's feed (its link ends /incidents/<id>). */
async function feedEntryOf(s: ImportState, vendorId: string, file: RegisterExport['incidents'][number]): Promise<Incident | undefined> {
  if (file.source !== 'statuspage' || file.sourceUid === null || !/^[A-Za-z0-9]+$/.test(file.sourceUid)) return undefined;
  return await s.ctx.incidents.byLinkSuffix(vendorId, 'feed', `/incidents/${file.sourceUid}`);
}

/** A feed entry's incident the register holds from the page's JSON (the entry's link names its id). */
async function pageCopyOf(s: ImportState, vendorId: string, file: RegisterExport['incidents'][number]): Promise<Incident | undefined> {
  const pageId = file.source === 'feed' && file.link ? /\/incidents\/([A-Za-z0-9]+)\/?$/.exec(file.link)?.[1] : undefined;
  return pageId ? await s.ctx.incidents.bySourceUid(vendorId, 'statuspage', pageId) : undefined;
}

/**
 * Imported incidents deleted in the exporting register: remembered here too, so a later status
 * page import here leaves them out. An import never deletes: one the register still holds is
 * kept, and a conflict says it was deleted there.
 */
export async function importDeletedIncidents(s: ImportState): Promise<void> {
  const { incidents } = s.ctx;
  const sorted = [...s.data.deletedIncidents].sort((a, b) => byText(a.vendorId, b.vendorId) || byText(a.source, b.source) || byText(a.sourceUid, b.sourceUid));
  for (const file of sorted) {
    const vendorName = s.vendorNames.get(file.vendorId) ?? file.vendorId;
    const id = `${file.vendorId}/${file.source}/${file.sourceUid}`;
    const name = `${vendorName}: ${INCIDENT_SOURCE_LABELS[file.source].toLowerCase()} incident "${file.sourceUid}"`;
    const vendorId = s.vendorIds.get(file.vendorId);
    if (!vendorId) {
      s.conflict('deleted-incident', id, name, `its provider "${vendorName}" was not imported`);
      continue;
    }
    if (await incidents.deletedAt(vendorId, file.source, file.sourceUid) !== undefined) {
      s.report.deletedIncidents.unchanged += 1;
      continue;
    }
    const held = await incidents.bySourceUid(vendorId, file.source, file.sourceUid);
    if (held) {
      s.conflict('deleted-incident', id, name, `deleted in the exported register on ${file.deletedAt}, but this register holds it (id ${held.id}), which was kept; delete it here if it should go`);
      continue;
    }
    await incidents.tombstone(vendorId, file.source, file.sourceUid, file.deletedAt);
    s.report.deletedIncidents.added += 1;
  }
}

/**
 * Status page settings carry no change time. The components you use are taken only where the
 * register has chosen none (a different choice of its own is a conflict, kept); the last refresh
 * is a moment, so the later of the two is kept, with the address it read.
 */
export async function importStatusSettings(s: ImportState): Promise<void> {
  const { incidents } = s.ctx;
  for (const file of [...s.data.statusSettings].sort((a, b) => byText(a.vendorId, b.vendorId))) {
    const vendorName = s.vendorNames.get(file.vendorId) ?? file.vendorId;
    const name = `${vendorName}: status page settings`;
    const vendorId = s.vendorIds.get(file.vendorId);
    if (!vendorId) {
      s.conflict('status', file.vendorId, name, `its provider "${vendorName}" was not imported, so neither were its status page settings`);
      continue;
    }
    const local = await incidents.settings(vendorId);
    const next: StatusSettings = { ...local };
    const reasons: string[] = [];
    if (file.componentsUsed.length > 0 && !sameComponents(file.componentsUsed, local.componentsUsed)) {
      if (local.componentsUsed.length === 0) next.componentsUsed = [...file.componentsUsed];
      else reasons.push(`the register has its own choice of the components you use (${local.componentsUsed.join(', ')}), which was kept`);
    }
    if (file.refreshedAt !== null) {
      const when = local.refreshedAt === null ? 'file-newer' : order(local.refreshedAt, file.refreshedAt);
      if (when === 'file-newer') {
        next.refreshedAt = file.refreshedAt;
        next.refreshedFrom = file.refreshedFrom;
      } else if (when === 'same-time' && local.refreshedFrom !== file.refreshedFrom) {
        reasons.push(`the last refresh at the same time read another address (${local.refreshedFrom ?? 'none'}), which was kept`);
      }
    }
    const changed = canonicalJson(next) !== canonicalJson(local);
    if (changed) await incidents.saveSettings(next);
    const untouched = local.componentsUsed.length === 0 && local.refreshedAt === null && local.refreshedFrom === null;
    if (reasons.length > 0) s.conflict('status', file.vendorId, name, reasons.join('; ') + (changed ? ' (the rest was taken from the file)' : ''));
    else if (!changed) s.report.statusSettings.unchanged += 1;
    else if (untouched) s.report.statusSettings.added += 1;
    else s.report.statusSettings.updated += 1;
  }
}
