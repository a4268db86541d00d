// Fourth parties of providers (issue 21). Regions are stored as JSON and parsed with the domain
// schema on the way out, so a row a bug or a hand edit broke is an error naming the row, never an
// upstream silently read with the wrong regions.
import { nocase } from '../db/store/dialect';
import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
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

  constructor(sql: Sql) {
    this.byId = query<[string], UpstreamRow>(sql, 'SELECT * FROM upstreams WHERE id = ?');
    this.ofVendor = query<[string], UpstreamRow>(sql, `SELECT * FROM upstreams WHERE vendor_id = ? ORDER BY created_at, ${nocase(sql.dialect, 'party')}, id`);
    this.every = query<[], UpstreamRow>(sql, `SELECT * FROM upstreams ORDER BY vendor_id, created_at, ${nocase(sql.dialect, 'party')}, id`);
    this.countOfVendor = query<[string], { n: number }>(sql, 'SELECT COUNT(*) AS n FROM upstreams WHERE vendor_id = ?');
    this.insertStmt = query<[UpstreamRow]>(sql, `INSERT INTO upstreams (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`);
    // Provider, source and creation time are the record's for life (an import matches on them).
    this.updateStmt = query<[UpstreamRow]>(sql,
      `UPDATE upstreams SET party = @party, catalogue_id = @catalogue_id, kind = @kind, regions = @regions, purpose = @purpose,
         location = @location, note = @note, updated_at = @updated_at WHERE id = @id`,
    );
    this.deleteStmt = query<[string]>(sql, 'DELETE FROM upstreams WHERE id = ?');
  }

  async get(id: string): Promise<Upstream | undefined> {
    const row = await this.byId.get(id);
    return row ? fromRow(row) : undefined;
  }

  /** One provider's upstreams in the order recorded (those recorded at once, as by one import, by name), or every provider's. */
  async list(vendorId?: string): Promise<Upstream[]> {
    return (vendorId === undefined ? await this.every.all() : await this.ofVendor.all(vendorId)).map(fromRow);
  }

  async count(vendorId: string): Promise<number> {
    return (await this.countOfVendor.get(vendorId))!.n;
  }

  async insert(u: Upstream): Promise<void> {
    await this.insertStmt.run(toRow(u));
  }

  async update(u: Upstream): Promise<void> {
    await this.updateStmt.run(toRow(u));
  }

  async delete(id: string): Promise<boolean> {
    return (await this.deleteStmt.run(id)).changes > 0;
  }
}
