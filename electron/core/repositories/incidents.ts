// Incidents and per-provider status page settings. Updates, components and the postmortem are
// JSON, parsed on the way out with a shape check, so a row a bug or a hand edit broke is an error
// naming the row, never an incident silently read wrong.
import type { Database } from 'better-sqlite3';
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
  private readonly byLinkStmt;
  private readonly reassignStmt;
  private readonly settingsStmt;
  private readonly upsertSettingsStmt;

  constructor(db: Database) {
    this.byId = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE id = ?');
    this.ofVendor = db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE vendor_id = ? ORDER BY started_at DESC, id');
    this.all = db.prepare<[], IncidentRow>('SELECT * FROM incidents ORDER BY vendor_id, started_at DESC, id');
    this.bySource = db.prepare<[string, string, string], IncidentRow>('SELECT * FROM incidents WHERE vendor_id = ? AND source = ? AND source_uid = ?');
    this.insertStmt = db.prepare<[IncidentRow]>(`INSERT INTO incidents (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`);
    const settable = COLUMNS.filter((c) => !['id', 'vendor_id', 'source', 'source_uid', 'created_at'].includes(c));
    this.updateStmt = db.prepare<[IncidentRow]>(`UPDATE incidents SET ${settable.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
    this.deleteStmt = db.prepare<[string]>('DELETE FROM incidents WHERE id = ?');
    // The register's column: started since a day, and still open (by any date), per provider.
    this.countsStmt = db.prepare<[string], { vendor_id: string; recent: number; open: number }>(
      `SELECT vendor_id, SUM(started_at >= ?) AS recent, SUM(resolved_at IS NULL) AS open FROM incidents GROUP BY vendor_id`,
    );
    this.editedStmt = db.prepare<[string], { edited_fields: string }>('SELECT edited_fields FROM incidents WHERE id = ?');
    this.setEditedStmt = db.prepare<[string, string]>('UPDATE incidents SET edited_fields = ? WHERE id = ?');
    this.tombstoneStmt = db.prepare<[string, string, string, string]>(
      'INSERT OR REPLACE INTO incident_tombstones (vendor_id, source, source_uid, deleted_at) VALUES (?, ?, ?, ?)',
    );
    this.isTombstonedStmt = db.prepare<[string, string, string], { n: number }>(
      'SELECT 1 AS n FROM incident_tombstones WHERE vendor_id = ? AND source = ? AND source_uid = ?',
    );
    this.byLinkStmt = db.prepare<[string, string, string], IncidentRow>('SELECT * FROM incidents WHERE vendor_id = ? AND source = ? AND link LIKE ? ESCAPE \'\\\'');
    this.reassignStmt = db.prepare<[string, string, string]>('UPDATE incidents SET source = ?, source_uid = ? WHERE id = ?');
    this.settingsStmt = db.prepare<[string], SettingsRow>('SELECT * FROM status_settings WHERE vendor_id = ?');
    this.upsertSettingsStmt = db.prepare<[SettingsRow]>(
      `INSERT INTO status_settings (vendor_id, components_used, refreshed_at, refreshed_from) VALUES (@vendor_id, @components_used, @refreshed_at, @refreshed_from)
       ON CONFLICT (vendor_id) DO UPDATE SET components_used = excluded.components_used, refreshed_at = excluded.refreshed_at, refreshed_from = excluded.refreshed_from`,
    );
  }

  incident(id: string): Incident | undefined {
    const row = this.byId.get(id);
    return row ? fromRow(row) : undefined;
  }

  /** Newest start first (one provider's, or every provider's grouped by provider). */
  incidents(vendorId?: string): Incident[] {
    return (vendorId === undefined ? this.all.all() : this.ofVendor.all(vendorId)).map(fromRow);
  }

  /**
   * Every incident that reads, and the ids of rows that do not (a bug or a hand edit broke them):
   * for pages that must stay up (Needs attention), never for a document.
   */
  readable(): { incidents: Incident[]; broken: string[] } {
    const incidents: Incident[] = [];
    const broken: string[] = [];
    for (const row of this.all.all()) {
      try {
        incidents.push(fromRow(row));
      } catch {
        broken.push(row.id);
      }
    }
    return { incidents, broken };
  }

  bySourceUid(vendorId: string, source: Incident['source'], uid: string): Incident | undefined {
    const row = this.bySource.get(vendorId, source, uid);
    return row ? fromRow(row) : undefined;
  }

  insert(i: Incident): void {
    this.insertStmt.run(toRow(i));
  }

  update(i: Incident): void {
    this.updateStmt.run(toRow(i));
  }

  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }

  /** Per provider: incidents started at or after `since` (an ISO instant), and those still open. */
  counts(since: string): Map<string, { recent: number; open: number }> {
    return new Map(this.countsStmt.all(since).map((r) => [r.vendor_id, { recent: r.recent, open: r.open }]));
  }

  /** Fields of an imported incident changed here (a later import leaves them as they are). */
  editedFields(id: string): string[] {
    const row = this.editedStmt.get(id);
    return row ? stringsOf(row.edited_fields, id, 'edited fields') : [];
  }

  setEditedFields(id: string, fields: readonly string[]): void {
    this.setEditedStmt.run(JSON.stringify([...new Set(fields)].sort()), id);
  }

  /** Remembers an imported incident deleted here, so a later import does not bring it back. */
  tombstone(vendorId: string, source: string, uid: string, at: string): void {
    this.tombstoneStmt.run(vendorId, source, uid, at);
  }

  isTombstoned(vendorId: string, source: string, uid: string): boolean {
    return this.isTombstonedStmt.get(vendorId, source, uid) !== undefined;
  }

  /** An incident of `source` whose link ends with `suffix` (a feed entry's /incidents/<id>). */
  byLinkSuffix(vendorId: string, source: Incident['source'], suffix: string): Incident | undefined {
    const pattern = `%${suffix.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
    const row = this.byLinkStmt.get(vendorId, source, pattern);
    return row ? fromRow(row) : undefined;
  }

  /** Moves an incident to another source and id (a feed entry superseded by the page's JSON). */
  reassign(id: string, source: Incident['source'], uid: string): void {
    this.reassignStmt.run(source, uid, id);
  }

  settings(vendorId: string): StatusSettings {
    const r = this.settingsStmt.get(vendorId);
    return r
      ? { vendorId, componentsUsed: stringsOf(r.components_used, vendorId, 'components in use'), refreshedAt: r.refreshed_at, refreshedFrom: r.refreshed_from }
      : { vendorId, componentsUsed: [], refreshedAt: null, refreshedFrom: null };
  }

  saveSettings(s: StatusSettings): void {
    this.upsertSettingsStmt.run({ vendor_id: s.vendorId, components_used: JSON.stringify(s.componentsUsed), refreshed_at: s.refreshedAt, refreshed_from: s.refreshedFrom });
  }
}
