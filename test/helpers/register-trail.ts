// A register export imported into an empty register and exported again is the same file but for
// its audit trail: every entry it brought now names the export it came from, and the import is
// an entry of its own after them (electron/core/services/register-import/audit-provenance.ts).
import assert from 'node:assert/strict';

interface Trailed {
  exportedAt: string;
  auditTrail: { entity: string; importedFrom: string | null }[];
  auditChainHead: { entries: number } | null;
}

export function assertSameButImportMarks(againText: string, firstText: string): void {
  const again = JSON.parse(againText) as Trailed & Record<string, unknown>;
  const first = JSON.parse(firstText) as Trailed & Record<string, unknown>;
  const rest = (d: Record<string, unknown>) => JSON.stringify({ ...d, auditTrail: null, auditChainHead: null });
  assert.equal(rest(again), rest(first), 'the same file back but for the audit trail');
  const copied = again.auditTrail.slice(0, -1);
  assert.ok(copied.every((e) => e.importedFrom?.startsWith(`export of ${first.exportedAt}`)), 'every copied entry names the export it came from');
  assert.deepEqual(copied.map((e) => ({ ...e, importedFrom: null })), first.auditTrail, 'the sender’s trail, entry for entry');
  assert.deepEqual([again.auditTrail.at(-1)?.entity, again.auditTrail.at(-1)?.importedFrom], ['import', null], 'then the import’s own entry');
}
