// Fourth parties of providers (issue 21). Regions are stored as JSON and parsed with the domain
// schema on the way out, so a row a bug or a hand edit broke is an error naming the row, never an
// upstream silently read with the wrong regions.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { UpstreamKind, UpstreamRegion, UpstreamSource, type Upstream } from '../../../shared/domain/upstream';
import { VettedError } from '../../../shared/result';

interface UpstreamRow {
  id: string;
  vendor_id: string;
  party: string;
  catalogue_id: string | null;
  kind: string;
  regions: string;
  purpose: string;
  location: string;
  source: string;
  note: string;
  created_at: string;
  updated_at: string;
}

const StoredRegions = z.array(UpstreamRegion);

function stored<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new VettedError('internal', `The stored ${what} does not fit the schema.`);
  return parsed.data;
}

function fromRow(r: UpstreamRow): Upstream {
  const what = `upstream ${r.id}`;
  return {
    id: r.id,
    vendorId: r.vendor_id,
    party: r.party,
    catalogueId: r.catalogue_id,
    kind: stored(UpstreamKind, r.kind, `kind of ${what}`),
    regions: stored(StoredRegions, JSON.parse(r.regions), `regions of ${what}`),
    purpose: r.purpose,
    location: r.location,
    source: stored(UpstreamSource, r.source, `source of ${what}`),
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const toRow = (u: Upstream): UpstreamRow => ({
  id: u.id,
  vendor_id: u.vendorId,
  party: u.party,
  catalogue_id: u.catalogueId,
  kind: u.kind,
  regions: JSON.stringify(u.regions),
  purpose: u.purpose,
  location: u.location,
  source: u.source,
  note: u.note,
  created_at: u.createdAt,
  updated_at: u.updatedAt,
});

const COLUMNS = ['id', 'vendor_id', 'party', 'catalogue_id', 'kind', 'regions', 'purpose', 'location', 'source', 'note', 'created_at', 'updated_at'];

export class UpstreamRepository {
  private readonly byId;
  private readonly ofVendor;
  private readonly every;
  private readonly countOfVendor;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;

  constructor(db: Database) {
    this.byId = db.prepare<[string], UpstreamRow>('SELECT * FROM upstreams WHERE id = ?');
    this.ofVendor = db.prepare<[string], UpstreamRow>('SELECT * FROM upstreams WHERE vendor_id = ? ORDER BY created_at, party COLLATE NOCASE, id');
    this.every = db.prepare<[], UpstreamRow>('SELECT * FROM upstreams ORDER BY vendor_id, created_at, party COLLATE NOCASE, id');
    this.countOfVendor = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM upstreams WHERE vendor_id = ?');
    this.insertStmt = db.prepare<[UpstreamRow]>(`INSERT INTO upstreams (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`);
    // Provider, source and creation time are the record's for life (an import matches on them).
    this.updateStmt = db.prepare<[UpstreamRow]>(
      `UPDATE upstreams SET party = @party, catalogue_id = @catalogue_id, kind = @kind, regions = @regions, purpose = @purpose,
         location = @location, note = @note, updated_at = @updated_at WHERE id = @id`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM upstreams WHERE id = ?');
  }

  get(id: string): Upstream | undefined {
    const row = this.byId.get(id);
    return row ? fromRow(row) : undefined;
  }

  /** One provider's upstreams in the order recorded (those recorded at once, as by one import, by name), or every provider's. */
  list(vendorId?: string): Upstream[] {
    return (vendorId === undefined ? this.every.all() : this.ofVendor.all(vendorId)).map(fromRow);
  }

  count(vendorId: string): number {
    return this.countOfVendor.get(vendorId)!.n;
  }

  insert(u: Upstream): void {
    this.insertStmt.run(toRow(u));
  }

  update(u: Upstream): void {
    this.updateStmt.run(toRow(u));
  }

  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }
}
