// The audit trail: every change to providers, reviews, answers, findings, acceptances, evidence,
// maintenance windows, blackout periods, incidents, status page settings, questionnaires sent,
// fourth parties (upstreams) and settings, written by the database itself (triggers), append-only;
// and each register import
// ('import': what file, how much of its trail came in, whether the trail matched its stated head).
export const AUDIT_ENTITIES = ['vendor', 'review', 'answer', 'finding', 'acceptance', 'evidence', 'window', 'blackout', 'incident', 'status', 'request', 'setting', 'import', 'upstream', 'member', 'team-key'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditEntry {
  id: number;
  /** ISO instant. */
  at: string;
  /** The user name set in settings when the change was made. */
  actor: string;
  entity: AuditEntity;
  entityId: string;
  vendorId: string | null;
  action: AuditAction;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
  /**
   * For an entry a register import copied in: the export it came from ("export of <instant> from
   * register <id>"); null for an entry this register wrote. Part of the chain hash.
   */
  importedFrom: string | null;
  /**
   * The database role that wrote the entry, on a team register (set by the database, part of the
   * chain hash); absent for an entry a register file wrote itself.
   */
  dbUser?: string;
}

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/** The fields an entry changed (all fields of a create or delete), in a stable order. */
export function changedFields(entry: Pick<AuditEntry, 'old' | 'new'>): FieldChange[] {
  const keys = [...new Set([...Object.keys(entry.old ?? {}), ...Object.keys(entry.new ?? {})])].sort();
  const changes: FieldChange[] = [];
  for (const field of keys) {
    const before = entry.old?.[field] ?? null;
    const after = entry.new?.[field] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ field, old: before, new: after });
  }
  return changes;
}

/**
 * How the first broken row of the audit chain broke (electron/core/services/audit-verify.ts):
 * - unchained: the row has no hash: it was written past the app (its triggers dropped);
 * - edited: the row no longer matches its hash while the next row still chains to it: its content
 *   was changed after it was written, or a row just before it was removed;
 * - inserted: the row does not match its hash and the next row chains to the row before it: it
 *   was slipped in after the fact;
 * - broken: the row does not match its hash and nothing after it tells more (the last row, or
 *   several rows changed together).
 */
export type AuditBreakKind = 'unchained' | 'edited' | 'inserted' | 'broken';

export interface AuditChainCheck {
  /** Entries in the trail. */
  rows: number;
  /** Of them, entries a register import brought (each names the export it came from). */
  imported: number;
  /** The last row whose hash verified (the newest row when the chain is intact); null for an empty trail. */
  head: { id: number; hash: string } | null;
  ok: boolean;
  /** The first row that does not verify, when one does not. */
  firstBroken?: { id: number; at: string; kind: AuditBreakKind; reason: string };
  /**
   * Checked up to a day D (verifyAuditChain's `through`): of `rows`, how many are dated after D yet
   * come before the last entry dated on or before it (an import appends entries with the dates they
   * were first written, after the register's own newer ones).
   */
  datedLater?: number;
}

/** "Audit trail: 412 entries, chain intact, head 3f9a0c12b4e1…" or the first broken row, in one line. */
export function auditChainLine(check: AuditChainCheck): string {
  const imported = check.imported > 0 ? ` (${check.imported} of them imported from other registers' exports)` : '';
  const entries = `${check.rows} ${check.rows === 1 ? 'entry' : 'entries'}${imported}`;
  if (check.ok) {
    return check.head === null ? `Audit trail: ${entries}, chain intact (empty).` : `Audit trail: ${entries}, chain intact, head ${check.head.hash.slice(0, 12)}…`;
  }
  const broken = check.firstBroken!;
  return `Audit trail: ${entries}, chain BROKEN at entry ${broken.id} (${broken.at}): ${broken.reason}.`;
}
