// Providers in SQLite: row ↔ Vendor mapping and prepared statements.
import { forUpdate, nocase } from '../db/store/dialect';
import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
import type { Vendor, VendorFields } from '../../../shared/domain/vendor';

interface VendorRow {
  id: string;
  name: string;
  legal_name: string;
  service: string;
  category: string;
  website: string;
  owner: string;
  status: string;
  critical_path: number;
  business_impact: string;
  data_categories: string;
  data_locations: string;
  tenancy: string;
  monthly_cost: number | null;
  cost_period: string;
  currency: string;
  build_effort_days: number | null;
  links: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, name, legal_name, service, category, website, owner, status, critical_path, business_impact,
  data_categories, data_locations, tenancy, monthly_cost, cost_period, currency, build_effort_days, links, notes,
  created_at, updated_at`;
const PARAMS = `@id, @name, @legal_name, @service, @category, @website, @owner, @status, @critical_path, @business_impact,
  @data_categories, @data_locations, @tenancy, @monthly_cost, @cost_period, @currency, @build_effort_days, @links, @notes,
  @created_at, @updated_at`;

function fromRow(row: VendorRow): Vendor {
  return {
    id: row.id,
    name: row.name,
    legalName: row.legal_name,
    service: row.service,
    category: row.category as Vendor['category'],
    website: row.website,
    owner: row.owner,
    status: row.status as Vendor['status'],
    criticalPath: row.critical_path === 1,
    businessImpact: row.business_impact as Vendor['businessImpact'],
    dataCategories: JSON.parse(row.data_categories),
    dataLocations: JSON.parse(row.data_locations),
    tenancy: row.tenancy as Vendor['tenancy'],
    monthlyCost: row.monthly_cost,
    costPeriod: row.cost_period as Vendor['costPeriod'],
    currency: row.currency,
    buildEffortDays: row.build_effort_days,
    links: JSON.parse(row.links),
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(v: VendorFields & { id: string; createdAt: string; updatedAt: string }): VendorRow {
  return {
    id: v.id,
    name: v.name,
    legal_name: v.legalName,
    service: v.service,
    category: v.category,
    website: v.website,
    owner: v.owner,
    status: v.status,
    critical_path: v.criticalPath ? 1 : 0,
    business_impact: v.businessImpact,
    data_categories: JSON.stringify(v.dataCategories),
    data_locations: JSON.stringify(v.dataLocations),
    tenancy: v.tenancy,
    monthly_cost: v.monthlyCost,
    cost_period: v.costPeriod,
    currency: v.currency,
    build_effort_days: v.buildEffortDays,
    links: JSON.stringify(v.links),
    notes: v.notes,
    created_at: v.createdAt,
    updated_at: v.updatedAt,
  };
}

/** A type no value has: marks the data locations a listed provider does not carry. */
declare const _notRead: unique symbol;

/**
 * What the register's table reads of a provider: no notes, links or locations (issue 20). Never a
 * profile to score with: its `dataLocations` type makes the compiler refuse one where a RiskProfile
 * is expected (without its locations, a "Not disclosed" answer would go unchecked).
 */
export type ListedVendor = Pick<Vendor, 'id' | 'name' | 'service' | 'category' | 'status' | 'criticalPath' | 'businessImpact' | 'dataCategories'> & {
  dataLocations?: typeof _notRead;
};

/** id, name, service, category, status, critical_path, business_impact, data_categories. */
type ListedRow = [string, string, string, string, string, number, string, string];

function listedOf([id, name, service, category, status, criticalPath, businessImpact, dataCategories]: ListedRow): ListedVendor {
  return {
    id,
    name,
    service,
    category: category as Vendor['category'],
    status: status as Vendor['status'],
    criticalPath: criticalPath === 1,
    businessImpact: businessImpact as Vendor['businessImpact'],
    // Most providers hold none: skip the parser for the empty list.
    dataCategories: dataCategories === '[]' ? [] : JSON.parse(dataCategories),
  };
}

export class VendorRepository {
  private readonly all;
  private readonly allListed;
  private readonly byIdToWrite;
  private readonly byId;
  private readonly byName;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;
  private readonly countStmt;

  constructor(sql: Sql) {
    this.all = query<[], VendorRow>(sql, `SELECT ${COLUMNS} FROM vendors ORDER BY ${nocase(sql.dialect, 'name')}`);
    this.allListed = query<[], ListedRow>(sql,
        `SELECT id, name, service, category, status, critical_path, business_impact, data_categories
         FROM vendors ORDER BY ${nocase(sql.dialect, 'name')}`,
      )
      .raw();
    this.byId = query<[string], VendorRow>(sql, `SELECT ${COLUMNS} FROM vendors WHERE id = ?`);
    this.byIdToWrite = query<[string], VendorRow>(sql, `SELECT ${COLUMNS} FROM vendors WHERE id = ?${forUpdate(sql)}`);
    this.byName = query<[string], VendorRow>(sql, `SELECT ${COLUMNS} FROM vendors WHERE ${nocase(sql.dialect, 'name')} = ${nocase(sql.dialect, '?')}`);
    this.insertStmt = query<[VendorRow]>(sql, `INSERT INTO vendors (${COLUMNS}) VALUES (${PARAMS})`);
    this.updateStmt = query<[VendorRow]>(sql,
      `UPDATE vendors SET (${COLUMNS}) = (${PARAMS}) WHERE id = @id`,
    );
    this.deleteStmt = query<[string]>(sql, 'DELETE FROM vendors WHERE id = ?');
    this.countStmt = query<[], { n: number }>(sql, 'SELECT count(*) AS n FROM vendors');
  }

  async list(): Promise<Vendor[]> {
    return (await this.all.all()).map(fromRow);
  }

  /** Every provider as the register's table shows it, in the same order as list(). */
  async listed(): Promise<ListedVendor[]> {
    return (await this.allListed.all()).map(listedOf);
  }

  async get(id: string): Promise<Vendor | undefined> {
    const row = await this.byId.get(id);
    return row ? fromRow(row) : undefined;
  }

  /** A provider read to be changed (or to start its review) in the same write transaction: locked on a team register until it ends. */
  async getToWrite(id: string): Promise<Vendor | undefined> {
    const row = await this.byIdToWrite.get(id);
    return row ? fromRow(row) : undefined;
  }

  async findByName(name: string): Promise<Vendor | undefined> {
    const row = await this.byName.get(name);
    return row ? fromRow(row) : undefined;
  }

  async insert(vendor: Vendor): Promise<void> {
    await this.insertStmt.run(toRow(vendor));
  }

  async update(vendor: Vendor): Promise<void> {
    await this.updateStmt.run(toRow(vendor));
  }

  async delete(id: string): Promise<boolean> {
    return (await this.deleteStmt.run(id)).changes > 0;
  }

  async count(): Promise<number> {
    return (await this.countStmt.get())!.n;
  }
}
