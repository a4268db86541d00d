// Reads the audit trail. The database's triggers write it (migration 002) and chain each row to
// the one before (migration 008); `append` only replays a trail carried by a register file.
import { jsonField } from '../db/store/dialect';
import { query } from '../db/store/query';
import type { Database } from 'better-sqlite3';
import type { Sql } from '../db/store/sql';
import { withAuditMuted, withTrailWritten } from '../db/audit-mute';
import { VettedError } from '../../../shared/result';
import { setAuditMuted } from '../db/audit-chain';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { StatusTrailEntry } from '../../../shared/reports/provider-status-as-of';
import type { UpstreamTrailEntry } from '../../../shared/reports/concentration-removed-upstreams';

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
  imported_from: string | null;
  db_user?: string | null;
}

/** A row as stored, chain hash included (null only where a row was slipped in without the app). */
export interface ChainedAuditRow extends AuditRow {
  hash: string | null;
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
  importedFrom: r.imported_from,
  ...(r.db_user ? { dbUser: r.db_user } : {}),
});

interface StatusRow {
  entity_id: string;
  at: string;
  action: 'create' | 'update';
  from_status: string | null;
  to_status: string | null;
}

interface UpstreamTrailRow {
  entity_id: string;
  vendor_id: string | null;
  at: string;
  action: string;
  new_value: string | null;
}

const statusEntry = (r: StatusRow): StatusTrailEntry => ({ at: r.at, action: r.action, from: r.from_status, to: r.to_status });

export class AuditRepository {
  private readonly page;
  private readonly pageOfVendor;
  /** Every row, hash included, oldest first: read as entries for export and as rows for the chain. */
  private readonly everyAsc;
  private readonly everyOfVendorAsc;
  private readonly insert;
  private readonly reviewStatusActor;
  private readonly beyondSettings;
  private readonly reviewDueTrail;
  private readonly vendorStatuses;
  private readonly vendorStatusesOf;
  private readonly lastDatedBy;
  private readonly removedUpstreams;

  constructor(
    private readonly sql: Sql,
    /** The file register's connection, whose audit triggers a flag on it mutes (none on a team register). */
    private readonly db: Database | null,
  ) {
    this.page = query<[number, number], AuditRow>(sql, 'SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?');
    this.pageOfVendor = query<[string, number, number], AuditRow>(sql,
      'SELECT * FROM audit_log WHERE vendor_id = ? AND id < ? ORDER BY id DESC LIMIT ?',
    );
    this.everyAsc = query<[], ChainedAuditRow>(sql, 'SELECT * FROM audit_log ORDER BY id');
    this.everyOfVendorAsc = query<[string], AuditRow>(sql, 'SELECT * FROM audit_log WHERE vendor_id = ? ORDER BY id');
    this.insert = query<[string, string, string, string, string | null, string, string | null, string | null, string | null, string | null], { id: number }>(sql,
      'INSERT INTO audit_log (at, actor, entity, entity_id, vendor_id, action, old_value, new_value, imported_from, db_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
    );
    this.reviewDueTrail = query<[string], { at: string; action: string; old_due: string | null; new_due: string | null }>(sql,
      `SELECT at, action, ${jsonField(sql.dialect, 'old_value', 'due_override')} AS old_due, ${jsonField(sql.dialect, 'new_value', 'due_override')} AS new_due
       FROM audit_log WHERE entity = 'review' AND entity_id = ? ORDER BY id`,
    );
    this.lastDatedBy = query<[string], { id: number | null }>(sql, 'SELECT max(id) AS id FROM audit_log WHERE substr(at, 1, 10) <= ?');
    this.beyondSettings = query<[], { one: number }>(sql, "SELECT 1 AS one FROM audit_log WHERE entity <> 'setting' LIMIT 1");
    // A provider's creation, and its updates that changed the status (other edits are not needed).
    const statusRows = (oneVendor: string) =>
      `SELECT entity_id, at, action, from_status, to_status FROM (
         SELECT id, entity_id, at, action, ${jsonField(sql.dialect, 'old_value', 'status')} AS from_status, ${jsonField(sql.dialect, 'new_value', 'status')} AS to_status
           FROM audit_log WHERE entity = 'vendor' ${oneVendor}) AS trail
        WHERE action = 'create' OR (action = 'update' AND from_status IS DISTINCT FROM to_status)
        ORDER BY id`;
    this.vendorStatuses = query<[], StatusRow>(sql, statusRows(''));
    this.vendorStatusesOf = query<[string], StatusRow>(sql, statusRows('AND entity_id = ?'));
    // Every row of each upstream that was deleted: what a document dated before the deletion held.
    this.removedUpstreams = query<[], UpstreamTrailRow>(sql,
      `SELECT entity_id, vendor_id, at, action, new_value FROM audit_log
        WHERE entity = 'upstream' AND entity_id IN (SELECT entity_id FROM audit_log WHERE entity = 'upstream' AND action = 'delete')
        ORDER BY id`,
    );
    // The change into the status, not a later edit made while the review stood in it (the database's
    // separation-of-duties guard reads the trail the same way: roles.ts vetted_submitted_by).
    this.reviewStatusActor = query<[string, string, string], { actor: string; db_user: string | null }>(sql,
      `SELECT actor, db_user FROM audit_log WHERE entity = 'review' AND entity_id = ? AND action = 'update' AND ${jsonField(sql.dialect, 'new_value', 'status')} = ?
         AND ${jsonField(sql.dialect, 'old_value', 'status')} IS DISTINCT FROM ? AND imported_from IS NULL ORDER BY id DESC LIMIT 1`,
    );
  }

  /** Newest first, `limit` rows with an id below `before`. */
  async list(options: { vendorId?: string; limit: number; before?: number }): Promise<AuditEntry[]> {
    const before = options.before ?? Number.MAX_SAFE_INTEGER;
    const rows =
      options.vendorId === undefined ? await this.page.all(before, options.limit) : await this.pageOfVendor.all(options.vendorId, before, options.limit);
    return rows.map(fromRow);
  }

  /**
   * Appends one entry: one a register import carries (with its own time and actor, and
   * importedFrom naming the export) or the import's own record. The database chains it like any
   * other row (migrations 008, 009). It is written even inside withTriggersMuted, which mutes only
   * the audited tables' own rows.
   */
  async append(entry: Omit<AuditEntry, 'id'>): Promise<number> {
    if (this.sql.dialect === 'postgres') return withTrailWritten(this.sql, entry.importedFrom !== null, () => this.insertRow(entry));
    const wasMuted = this.db ? setAuditMuted(this.db, false) : false;
    try {
      return await this.insertRow(entry);
    } finally {
      if (this.db) setAuditMuted(this.db, wasMuted);
    }
  }

  private async insertRow(entry: Omit<AuditEntry, 'id'>): Promise<number> {
    const inserted = await this.insert.get(
        entry.at,
        entry.actor,
        entry.entity,
        entry.entityId,
        entry.vendorId,
        entry.action,
        entry.old === null ? null : JSON.stringify(entry.old),
        entry.new === null ? null : JSON.stringify(entry.new),
        entry.importedFrom,
        entry.dbUser ?? null,
      );
    return Number(inserted!.id);
  }

  /**
   * Runs `work` with the audited tables' triggers writing nothing (on this connection only): for
   * an import into an empty register, which then appends the file's own trail instead, so a round
   * trip is identical. Only inside a write transaction, so the muted writes and the appended trail
   * commit or roll back together.
   */
  async withTriggersMuted<T>(work: () => Promise<T>): Promise<T> {
    if (this.sql.dialect === 'postgres') {
      // The server honours the mute for the register's owner only: a member's import would be
      // audited twice over (the rows it writes, then the file's trail), so it is refused here.
      const owner = await this.sql.get<{ owner: boolean }>(
        "SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'MEMBER') AS owner",
      );
      if (!owner?.owner) {
        throw new VettedError('forbidden', 'An import into an empty team register brings its own audit trail, which only the register’s owner may write: ask the owner to import the file.');
      }
      return withAuditMuted(this.sql, null, true, work);
    }
    if (!this.db) throw new Error('a register file without its connection');
    if (!this.db.inTransaction) throw new Error('withTriggersMuted runs only inside a write transaction');
    const wasMuted = setAuditMuted(this.db, true);
    try {
      return await work();
    } finally {
      setAuditMuted(this.db, wasMuted);
    }
  }

  /** The id of the last entry (in chain order) dated on or before the day, or null when none is. */
  async lastIdDatedBy(day: string): Promise<number | null> {
    return (await this.lastDatedBy.get(day))?.id ?? null;
  }

  /** Every row as stored, oldest first, for verifying the chain. */
  chained(): Promise<ChainedAuditRow[]> {
    return this.everyAsc.all();
  }

  /**
   * Who the app recorded (settings' user name) on the latest change of a review into `status`: the
   * person at the keyboard, whatever name a step was signed with. Only a change made here: an
   * entry an import brought is the exporter's word (a crafted file could name anyone), and a
   * review an import created in that status was not moved there by whoever ran the import. Null
   * when this register never saw the review move into `status`.
   */
  async actorOfReviewStatus(reviewId: string, status: string): Promise<string | null> {
    return (await this.makerOfReviewStatus(reviewId, status))?.actor ?? null;
  }

  /** Who last moved a review into `status` here: the self-declared name, and on a team register the database role the server recorded. */
  async makerOfReviewStatus(reviewId: string, status: string): Promise<{ actor: string; dbUser: string | null } | null> {
    const row = await this.reviewStatusActor.get(reviewId, status, status);
    return row ? { actor: row.actor, dbUser: row.db_user } : null;
  }

  /**
   * A review's next-review date set by hand as it stood on the day `asOf` (UTC), read from the trail
   * in date order: the value after the last change dated by then, else the value before the first
   * change after it. `current` when the trail holds nothing of the review (a register without its trail).
   */
  async reviewDueOverrideAsOf(reviewId: string, asOf: string, current: string | null): Promise<string | null> {
    // In date order: an import appends the rows it carries, with their own dates, after newer ones.
    const rows = (await this.reviewDueTrail.all(reviewId)).sort((a, b) => a.at.localeCompare(b.at));
    if (rows.length === 0) return current;
    const byThen = rows.filter((r) => r.at.slice(0, 10) <= asOf).at(-1);
    if (byThen) return byThen.action === 'delete' ? null : byThen.new_due;
    return rows[0]!.action === 'create' ? null : rows[0]!.old_due;
  }

  /** One provider's status history (creation, then each change of status), in chain order. */
  async vendorStatusTrail(vendorId: string): Promise<StatusTrailEntry[]> {
    return (await this.vendorStatusesOf.all(vendorId)).map(statusEntry);
  }

  /** Every provider's status history (creation, then each change of status), oldest first, by provider id. */
  async vendorStatusTrails(): Promise<Map<string, StatusTrailEntry[]>> {
    const trails = new Map<string, StatusTrailEntry[]>();
    for (const r of await this.vendorStatuses.all()) {
      const entry = statusEntry(r);
      const trail = trails.get(r.entity_id);
      if (trail) trail.push(entry);
      else trails.set(r.entity_id, [entry]);
    }
    return trails;
  }

  /** The trail of every deleted upstream (creation, changes, deletion), in chain order, by upstream id. */
  async removedUpstreamTrails(): Promise<Map<string, UpstreamTrailEntry[]>> {
    const trails = new Map<string, UpstreamTrailEntry[]>();
    for (const r of await this.removedUpstreams.all()) {
      const entry: UpstreamTrailEntry = { at: r.at, action: r.action, vendorId: r.vendor_id, content: r.new_value === null ? null : (JSON.parse(r.new_value) as Record<string, unknown>) };
      const trail = trails.get(r.entity_id);
      if (trail) trail.push(entry);
      else trails.set(r.entity_id, [entry]);
    }
    return trails;
  }

  /** Whether the trail records anything but settings changes. */
  async hasEntriesBeyondSettings(): Promise<boolean> {
    return await this.beyondSettings.get() !== undefined;
  }

  /** Oldest first, for export. */
  async all(vendorId?: string): Promise<AuditEntry[]> {
    const rows = vendorId === undefined ? await this.everyAsc.all() : await this.everyOfVendorAsc.all(vendorId);
    return rows.map(fromRow);
  }
}
