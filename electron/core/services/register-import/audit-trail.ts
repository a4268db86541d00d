// The exporting register's audit trail, brought over. Into an empty register the trail is
// appended verbatim after an import that wrote no trail of its own (the triggers muted), so a
// round trip gives the same trail. Into a register with data of its own (a merge) the import's
// changes are audited as usual, and the file's entries this trail does not hold yet are appended
// after them: the history of both registers, each entry once.
import { canonicalJson } from '../../../../shared/register/format';
import type { ExportedAuditEntry } from '../../../../shared/register/lifecycle-format';
import type { Context } from '../../context';
import type { ImportState } from './state';

/** No providers and no trail: nothing the import could merge with, nothing of the register's own to audit. */
export function isEmptyRegister(ctx: Context): boolean {
  return ctx.vendors.list().length === 0 && ctx.audit.list({ limit: 1 }).length === 0;
}

const entryKey = (e: Pick<ExportedAuditEntry, 'at' | 'actor' | 'entity' | 'entityId' | 'action' | 'old' | 'new'>) =>
  canonicalJson([e.at, e.actor, e.entity, e.entityId, e.action, e.old, e.new]);

export function importAuditTrail(s: ImportState, empty: boolean): void {
  const { audit } = s.ctx;
  const counts = s.report.auditTrail;
  if (empty) {
    for (const entry of s.data.auditTrail) audit.append(entry);
    counts.added = s.data.auditTrail.length;
    return;
  }
  const held = new Set<string>();
  for (const entry of audit.all()) held.add(entryKey(entry));
  for (const file of s.data.auditTrail) {
    // A provider matched by name: its history is filed under the register's provider.
    const vendorId = file.vendorId === null ? null : (s.vendorIds.get(file.vendorId) ?? file.vendorId);
    const entityId = file.entity === 'vendor' ? (s.vendorIds.get(file.entityId) ?? file.entityId) : file.entityId;
    const entry = { ...file, vendorId, entityId };
    const key = entryKey(entry);
    if (held.has(key)) {
      counts.unchanged += 1;
      continue;
    }
    audit.append(entry);
    held.add(key);
    counts.added += 1;
  }
}
