// A register export imported into an empty register and exported again is the same file but for
// its audit trail: the entries it brought come first, each naming the export it came from; then
// this register's own entries — the settings the import set, and the import itself, last
// (electron/core/services/register-import/audit-provenance.ts).
import assert from 'node:assert/strict';

interface Trailed {
  exportedAt: string;
  auditTrail: TrailEntry[];
  auditChainHead: { entries: number } | null;
}

interface TrailEntry {
  entity: string;
  importedFrom: string | null;
  new: Record<string, unknown> | null;
}

/** The copied entries (a prefix, each marked) and the receiving register's own after them. */
export function splitReceivedTrail<T extends { entity: string }>(trail: T[], markOf: (e: T) => string | null): { copied: T[]; own: T[] } {
  const firstOwn = trail.findIndex((e) => markOf(e) === null);
  const copied = firstOwn < 0 ? trail : trail.slice(0, firstOwn);
  const own = firstOwn < 0 ? [] : trail.slice(firstOwn);
  assert.ok(own.every((e) => markOf(e) === null), 'the copied entries come first, this register’s own after them');
  assert.deepEqual(own.map((e) => e.entity), [...own.slice(0, -1).map(() => 'setting'), 'import'], 'this register wrote only the settings the import set, then the import');
  return { copied, own };
}

export function assertSameButImportMarks(againText: string, firstText: string): void {
  const again = JSON.parse(againText) as Trailed & Record<string, unknown>;
  const first = JSON.parse(firstText) as Trailed & Record<string, unknown>;
  const rest = (d: Record<string, unknown>) => JSON.stringify({ ...d, auditTrail: null, auditChainHead: null });
  assert.equal(rest(again), rest(first), 'the same file back but for the audit trail');
  const { copied } = splitReceivedTrail(again.auditTrail, (e) => e.importedFrom);
  assert.ok(copied.every((e) => e.importedFrom?.startsWith(`export of ${first.exportedAt}`)), 'every copied entry names the export it came from');
  assert.deepEqual(copied.map((e) => ({ ...e, importedFrom: null })), first.auditTrail, 'the sender’s trail, entry for entry');
}
