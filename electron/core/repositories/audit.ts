// Reads the audit trail. Nothing here writes it: the database's triggers do (migration 002).
import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../../shared/domain/audit';

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  vendor_id: string | null;
  action: string;
  old_value: string | null;
  new_value: string | null;
}

const fromRow = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  entity: r.entity as AuditEntry['entity'],
  entityId: r.entity_id,
  vendorId: r.vendor_id,
  action: r.action as AuditEntry['action'],
  old: r.old_value === null ? null : (JSON.parse(r.old_value) as Record<string, unknown>),
  new: r.new_value === null ? null : (JSON.parse(r.new_value) as Record<string, unknown>),
});

export class AuditRepository {
  private readonly page;
  private readonly pageOfVendor;
  private readonly everyAsc;
  private readonly everyOfVendorAsc;

  constructor(private readonly db: Database) {
    this.page = db.prepare<[number, number], AuditRow>('SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?');
    this.pageOfVendor = db.prepare<[string, number, number], AuditRow>(
      'SELECT * FROM audit_log WHERE vendor_id = ? AND id < ? ORDER BY id DESC LIMIT ?',
    );
    this.everyAsc = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id');
    this.everyOfVendorAsc = db.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE vendor_id = ? ORDER BY id');
  }

  /** Newest first, `limit` rows with an id below `before`. */
  list(options: { vendorId?: string; limit: number; before?: number }): AuditEntry[] {
    const before = options.before ?? Number.MAX_SAFE_INTEGER;
    const rows =
      options.vendorId === undefined ? this.page.all(before, options.limit) : this.pageOfVendor.all(options.vendorId, before, options.limit);
    return rows.map(fromRow);
  }

  /**
   * Appends one entry as it was written elsewhere (a register import carries its trail).
   * CONTRACT (#17): the audit chain work makes this chain the row (row hash over content and the
   * previous row's hash); until then a plain insert.
   */
  append(entry: Omit<AuditEntry, 'id'>): number {
    const info = this.db
      .prepare('INSERT INTO audit_log (at, actor, entity, entity_id, vendor_id, action, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.entity, entry.entityId, entry.vendorId, entry.action, entry.old === null ? null : JSON.stringify(entry.old), entry.new === null ? null : JSON.stringify(entry.new));
    return Number(info.lastInsertRowid);
  }

  /**
   * Runs `work` with the database's audit triggers writing nothing: only for an import into an
   * empty register, which then appends the file's own trail instead (so a round trip is identical).
   * CONTRACT (#17): a stub until the audit chain work lands; it must be called inside a write transaction.
   */
  withTriggersMuted<T>(work: () => T): T {
    return work();
  }

  /** Oldest first, for export. */
  *all(vendorId?: string): Generator<AuditEntry> {
    const rows = vendorId === undefined ? this.everyAsc.iterate() : this.everyOfVendorAsc.iterate(vendorId);
    for (const row of rows) yield fromRow(row);
  }
}
