// Incidents and per-provider status page settings. Updates, components and the postmortem are
// JSON, parsed on the way out with a shape check, so a row a bug or a hand edit broke is an error
// naming the row, never an incident silently read wrong.
import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
import type { Incident, IncidentUpdate, Postmortem, StatusSettings } from '../../../shared/domain/incidents';
import { INCIDENT_IMPACTS, INCIDENT_SOURCES } from '../../../shared/domain/incidents';
import { VettedError } from '../../../shared/result';

interface IncidentRow {
  id: string;
  vendor_id: string;
  title: string;
  impact: string;
  components: string;
  started_at: string;
  first_update_at: string | null;
  resolved_at: string | null;
  updates: string;
  postmortem: string | null;
  source: string;
  on_status_page: number;
  source_uid: string | null;
  sequence: number | null;
  link: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

interface SettingsRow {
  vendor_id: string;
  components_used: string;
  refreshed_at: string | null;
  refreshed_from: string | null;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';

function broken(id: string, field: string): VettedError {
  return new VettedError('internal', `The stored ${field} of incident ${id} does not fit the schema.`);
}

function stringsOf(text: string, id: string, field: string): string[] {
  const v: unknown = JSON.parse(text);
  if (!Array.isArray(v) || !v.every(isString)) throw broken(id, field);
  return v;
}

function updatesOf(text: string, id: string): IncidentUpdate[] {
  const v: unknown = JSON.parse(text);
  if (!Array.isArray(v)) throw broken(id, 'updates');
  return v.map((u: unknown) => {
    const o = u as Record<string, unknown>;
    if (typeof u !== 'object' || u === null || !isString(o.at) || !isString(o.status) || !isString(o.text)) throw broken(id, 'updates');
    return { at: o.at, status: o.status, text: o.text };
  });
}

function postmortemOf(text: string | null, id: string): Postmortem | null {
  if (text === null) return null;
  const o = JSON.parse(text) as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || !isStringOrNull(o.publishedAt) || !isStringOrNull(o.link) || !isString(o.text)) throw broken(id, 'postmortem');
  return { publishedAt: o.publishedAt as string | null, link: o.link as string | null, text: o.text };
}

function fromRow(r: IncidentRow): Incident {
  if (!(INCIDENT_IMPACTS as readonly string[]).includes(r.impact)) throw broken(r.id, 'impact');
  if (!(INCIDENT_SOURCES as readonly string[]).includes(r.source)) throw broken(r.id, 'source');
  return {
    id: r.id,
    vendorId: r.vendor_id,
    title: r.title,
    impact: r.impact as Incident['impact'],
    components: stringsOf(r.components, r.id, 'components'),
    startedAt: r.started_at,
    firstUpdateAt: r.first_update_at,
    resolvedAt: r.resolved_at,
    updates: updatesOf(r.updates, r.id),
    postmortem: postmortemOf(r.postmortem, r.id),
    source: r.source as Incident['source'],
    onStatusPage: r.on_status_page === 1,
    sourceUid: r.source_uid,
    sequence: r.sequence,
    link: r.link,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const toRow = (i: Incident): IncidentRow => ({
  id: i.id,
  vendor_id: i.vendorId,
  title: i.title,
  impact: i.impact,
  components: JSON.stringify(i.components),
  started_at: i.startedAt,
  first_update_at: i.firstUpdateAt,
  resolved_at: i.resolvedAt,
  updates: JSON.stringify(i.updates),
  postmortem: i.postmortem === null ? null : JSON.stringify(i.postmortem),
  source: i.source,
  on_status_page: i.onStatusPage ? 1 : 0,
  source_uid: i.sourceUid,
  sequence: i.sequence,
  link: i.link,
  notes: i.notes,
  created_at: i.createdAt,
  updated_at: i.updatedAt,
});

const COLUMNS = [
  'id', 'vendor_id', 'title', 'impact', 'components', 'started_at', 'first_update_at', 'resolved_at', 'updates', 'postmortem',
  'source', 'on_status_page', 'source_uid', 'sequence', 'link', 'notes', 'created_at', 'updated_at',
];

export class IncidentRepository {
  private readonly byId;
  private readonly ofVendor;
  private readonly all;
  private readonly bySource;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;
  private readonly countsStmt;
  private readonly editedStmt;
  private readonly setEditedStmt;
  private readonly tombstoneStmt;
  private readonly isTombstonedStmt;
  private readonly tombstoneOfStmt;
  private readonly allTombstonesStmt;
  private readonly byLinkStmt;
  private readonly reassignStmt;
  private readonly settingsStmt;
  private readonly allSettingsStmt;
  private readonly upsertSettingsStmt;

  constructor(sql: Sql) {
    this.byId = query<[string], IncidentRow>(sql, 'SELECT * FROM incidents WHERE id = ?');
    this.ofVendor = query<[string], IncidentRow>(sql, 'SELECT * FROM incidents WHERE vendor_id = ? ORDER BY started_at DESC, id');
    this.all = query<[], IncidentRow>(sql, 'SELECT * FROM incidents ORDER BY vendor_id, started_at DESC, id');
    this.bySource = query<[string, string, string], IncidentRow>(sql, 'SELECT * FROM incidents WHERE vendor_id = ? AND source = ? AND source_uid = ?');
    this.insertStmt = query<[IncidentRow]>(sql, `INSERT INTO incidents (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`);
    const settable = COLUMNS.filter((c) => !['id', 'vendor_id', 'source', 'source_uid', 'created_at'].includes(c));
    this.updateStmt = query<[IncidentRow]>(sql, `UPDATE incidents SET ${settable.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
    this.deleteStmt = query<[string]>(sql, 'DELETE FROM incidents WHERE id = ?');
    // The register's column: started since a day, and still open (by any date), per provider.
    this.countsStmt = query<[string], { vendor_id: string; recent: number; open: number }>(sql,
      `SELECT vendor_id, SUM(CASE WHEN started_at >= ? THEN 1 ELSE 0 END) AS recent, SUM(CASE WHEN resolved_at IS NULL THEN 1 ELSE 0 END) AS open FROM incidents GROUP BY vendor_id`,
    );
    this.editedStmt = query<[string], { edited_fields: string }>(sql, 'SELECT edited_fields FROM incidents WHERE id = ?');
    this.setEditedStmt = query<[string, string]>(sql, 'UPDATE incidents SET edited_fields = ? WHERE id = ?');
    this.tombstoneStmt = query<[string, string, string, string]>(sql,
      `INSERT INTO incident_tombstones (vendor_id, source, source_uid, deleted_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (vendor_id, source, source_uid) DO UPDATE SET deleted_at = excluded.deleted_at`,
    );
    this.isTombstonedStmt = query<[string, string, string], { n: number }>(sql,
      'SELECT 1 AS n FROM incident_tombstones WHERE vendor_id = ? AND source = ? AND source_uid = ?',
    );
    this.tombstoneOfStmt = query<[string, string, string], { deleted_at: string }>(sql,
      'SELECT deleted_at FROM incident_tombstones WHERE vendor_id = ? AND source = ? AND source_uid = ?',
    );
    this.allTombstonesStmt = query<[], { vendor_id: string; source: string; source_uid: string; deleted_at: string }>(sql,
      'SELECT * FROM incident_tombstones ORDER BY vendor_id, source, source_uid',
    );
    this.byLinkStmt = query<[string, string, string], IncidentRow>(sql, `SELECT * FROM incidents WHERE vendor_id = ? AND source = ? AND link ${sql.dialect === 'sqlite' ? 'LIKE' : 'ILIKE'} ? ESCAPE '\\'`);
    this.reassignStmt = query<[string, string, string]>(sql, 'UPDATE incidents SET source = ?, source_uid = ? WHERE id = ?');
    this.settingsStmt = query<[string], SettingsRow>(sql, 'SELECT * FROM status_settings WHERE vendor_id = ?');
    this.allSettingsStmt = query<[], SettingsRow>(sql, 'SELECT * FROM status_settings ORDER BY vendor_id');
    this.upsertSettingsStmt = query<[SettingsRow]>(sql,
      `INSERT INTO status_settings (vendor_id, components_used, refreshed_at, refreshed_from) VALUES (@vendor_id, @components_used, @refreshed_at, @refreshed_from)
       ON CONFLICT (vendor_id) DO UPDATE SET components_used = excluded.components_used, refreshed_at = excluded.refreshed_at, refreshed_from = excluded.refreshed_from`,
    );
  }

  async incident(id: string): Promise<Incident | undefined> {
    const row = await this.byId.get(id);
    return row ? fromRow(row) : undefined;
  }

  /** Newest start first (one provider's, or every provider's grouped by provider). */
  async incidents(vendorId?: string): Promise<Incident[]> {
    return (vendorId === undefined ? await this.all.all() : await this.ofVendor.all(vendorId)).map(fromRow);
  }

  /**
   * Every incident that reads, and the ids of rows that do not (a bug or a hand edit broke them):
   * for pages that must stay up (Needs attention), never for a document.
   */
  async readable(): Promise<{ incidents: Incident[]; broken: string[] }> {
    const incidents: Incident[] = [];
    const broken: string[] = [];
    for (const row of await this.all.all()) {
      try {
        incidents.push(fromRow(row));
      } catch {
        broken.push(row.id);
      }
    }
    return { incidents, broken };
  }

  async bySourceUid(vendorId: string, source: Incident['source'], uid: string): Promise<Incident | undefined> {
    const row = await this.bySource.get(vendorId, source, uid);
    return row ? fromRow(row) : undefined;
  }

  async insert(i: Incident): Promise<void> {
    await this.insertStmt.run(toRow(i));
  }

  async update(i: Incident): Promise<void> {
    await this.updateStmt.run(toRow(i));
  }

  async delete(id: string): Promise<boolean> {
    return (await this.deleteStmt.run(id)).changes > 0;
  }

  /** Per provider: incidents started at or after `since` (an ISO instant), and those still open. */
  async counts(since: string): Promise<Map<string, { recent: number; open: number }>> {
    return new Map((await this.countsStmt.all(since)).map((r) => [r.vendor_id, { recent: r.recent, open: r.open }]));
  }

  /** Fields of an imported incident changed here (a later import leaves them as they are). */
  async editedFields(id: string): Promise<string[]> {
    const row = await this.editedStmt.get(id);
    return row ? stringsOf(row.edited_fields, id, 'edited fields') : [];
  }

  async setEditedFields(id: string, fields: readonly string[]): Promise<void> {
    await this.setEditedStmt.run(JSON.stringify([...new Set(fields)].sort()), id);
  }

  /** Remembers an imported incident deleted here, so a later import does not bring it back. */
  async tombstone(vendorId: string, source: string, uid: string, at: string): Promise<void> {
    await this.tombstoneStmt.run(vendorId, source, uid, at);
  }

  async isTombstoned(vendorId: string, source: string, uid: string): Promise<boolean> {
    return await this.isTombstonedStmt.get(vendorId, source, uid) !== undefined;
  }

  /** When an imported incident was deleted here, or undefined when it was not. */
  async deletedAt(vendorId: string, source: string, uid: string): Promise<string | undefined> {
    return (await this.tombstoneOfStmt.get(vendorId, source, uid))?.deleted_at;
  }

  /** Every imported incident deleted here, by provider, source and the source's id (the register export). */
  async tombstones(): Promise<{ vendorId: string; source: string; sourceUid: string; deletedAt: string }[]> {
    return (await this.allTombstonesStmt.all()).map((r) => ({ vendorId: r.vendor_id, source: r.source, sourceUid: r.source_uid, deletedAt: r.deleted_at }));
  }

  /** An incident of `source` whose link ends with `suffix` (a feed entry's /incidents/<id>). */
  async byLinkSuffix(vendorId: string, source: Incident['source'], suffix: string): Promise<Incident | undefined> {
    const pattern = `%${suffix.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
    const row = await this.byLinkStmt.get(vendorId, source, pattern);
    return row ? fromRow(row) : undefined;
  }

  /** Moves an incident to another source and id (a feed entry superseded by the page's JSON). */
  async reassign(id: string, source: Incident['source'], uid: string): Promise<void> {
    await this.reassignStmt.run(source, uid, id);
  }

  async settings(vendorId: string): Promise<StatusSettings> {
    const r = await this.settingsStmt.get(vendorId);
    return r
      ? { vendorId, componentsUsed: stringsOf(r.components_used, vendorId, 'components in use'), refreshedAt: r.refreshed_at, refreshedFrom: r.refreshed_from }
      : { vendorId, componentsUsed: [], refreshedAt: null, refreshedFrom: null };
  }

  /** Every provider's stored settings, by provider id (a provider never given any has no row). */
  async allSettings(): Promise<StatusSettings[]> {
    return (await this.allSettingsStmt.all()).map((r) => ({
      vendorId: r.vendor_id,
      componentsUsed: stringsOf(r.components_used, r.vendor_id, 'components in use'),
      refreshedAt: r.refreshed_at,
      refreshedFrom: r.refreshed_from,
    }));
  }

  async saveSettings(s: StatusSettings): Promise<void> {
    await this.upsertSettingsStmt.run({ vendor_id: s.vendorId, components_used: JSON.stringify(s.componentsUsed), refreshed_at: s.refreshedAt, refreshed_from: s.refreshedFrom });
  }
}
