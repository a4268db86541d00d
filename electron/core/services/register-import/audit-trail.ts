// The exporting register's audit trail, brought over. Into an empty register the trail is
// appended entry for entry after an import that wrote no trail of its own (the triggers muted).
// Into a register with data of its own (a merge) the import's changes are audited as usual, and
// the file's entries this trail does not hold yet are appended after them: the history of both
// registers, each entry once. Either way each entry brought in is marked with the export it came
// from (an entry the exporter had itself imported adds the first origin it claims), entries about local
// records the file does not bring stay out (audit-provenance.ts); the settings the import sets and
// the import's own entry follow (register-import.ts).
import { canonicalJson } from '../../../../shared/register/format';
import type { ExportedAuditEntry } from '../../../../shared/register/lifecycle-format';
import type { Context } from '../../context';
import { entryMark, importedFromLabel, type TrailCheck } from './audit-provenance';
import type { ImportState } from './state';

/**
 * No providers and no trail but settings (a user name set on first launch): nothing the import
 * could merge with, nothing of the register's own to audit.
 */
export async function isEmptyRegister(ctx: Context): Promise<boolean> {
  return (await ctx.vendors.list()).length === 0 && !await ctx.audit.hasEntriesBeyondSettings();
}

const entryKey = (e: Pick<ExportedAuditEntry, 'at' | 'actor' | 'entity' | 'entityId' | 'action' | 'old' | 'new'>) =>
  canonicalJson([e.at, e.actor, e.entity, e.entityId, e.action, e.old, e.new]);

export async function importAuditTrail(s: ImportState, empty: boolean, check: TrailCheck): Promise<void> {
  const { audit } = s.ctx;
  const counts = s.report.auditTrail;
  const source = importedFromLabel(s);
  const held = new Set<string>();
  if (!empty) for (const entry of await audit.all()) held.add(entryKey(entry));
  for (const [i, file] of s.data.auditTrail.entries()) {
    const why = check.leftOut.get(i);
    if (why !== undefined) {
      counts.conflicts += 1;
      s.report.conflicts.push({ kind: 'audit', id: `auditTrail[${i}]`, name: `${file.entity} ${file.action} at ${file.at}`, reason: `left out: ${why}` });
      continue;
    }
    // A provider matched by name: its history is filed under the register's provider.
    const vendorId = file.vendorId === null ? null : (s.vendorIds.get(file.vendorId) ?? file.vendorId);
    const entityId = file.entity === 'vendor' ? (s.vendorIds.get(file.entityId) ?? file.entityId) : file.entityId;
    const entry = { ...file, vendorId, entityId, importedFrom: entryMark(source, file.importedFrom) };
    const key = entryKey(entry);
    if (held.has(key)) {
      counts.unchanged += 1;
      continue;
    }
    await audit.append(entry);
    held.add(key);
    counts.added += 1;
  }
}
