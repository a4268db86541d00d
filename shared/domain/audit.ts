// The audit trail: every change to providers, reviews, answers, findings, acceptances, evidence,
// maintenance windows, blackout periods, incidents, status page settings and questionnaires sent,
// written by the database itself (triggers), append-only.
export const AUDIT_ENTITIES = ['vendor', 'review', 'answer', 'finding', 'acceptance', 'evidence', 'window', 'blackout', 'incident', 'status', 'request'] as const;
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
