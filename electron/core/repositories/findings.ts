// Findings and their risk acceptances.
import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
import type { Acceptance } from '../../../shared/domain/acceptances';
import type { Finding } from '../../../shared/domain/findings';

interface FindingRow {
  id: string;
  vendor_id: string;
  review_id: string | null;
  question_id: string | null;
  title: string;
  severity: string;
  description: string;
  owner: string;
  remediation: string;
  due_date: string | null;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

interface AcceptanceRow {
  id: string;
  vendor_id: string;
  finding_id: string | null;
  review_id: string | null;
  justification: string;
  accepted_by: string;
  accepted_at: string;
  expires_on: string;
  revoked_at: string | null;
}

const findingFromRow = (r: FindingRow): Finding => ({
  id: r.id,
  vendorId: r.vendor_id,
  reviewId: r.review_id,
  questionId: r.question_id,
  title: r.title,
  severity: r.severity as Finding['severity'],
  description: r.description,
  owner: r.owner,
  remediation: r.remediation,
  dueDate: r.due_date,
  status: r.status as Finding['status'],
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const findingToRow = (f: Finding): FindingRow => ({
  id: f.id,
  vendor_id: f.vendorId,
  review_id: f.reviewId,
  question_id: f.questionId,
  title: f.title,
  severity: f.severity,
  description: f.description,
  owner: f.owner,
  remediation: f.remediation,
  due_date: f.dueDate,
  status: f.status,
  created_by: f.createdBy,
  created_at: f.createdAt,
  updated_at: f.updatedAt,
});

const acceptanceFromRow = (r: AcceptanceRow): Acceptance => ({
  id: r.id,
  vendorId: r.vendor_id,
  findingId: r.finding_id,
  reviewId: r.review_id,
  justification: r.justification,
  acceptedBy: r.accepted_by,
  acceptedAt: r.accepted_at,
  expiresOn: r.expires_on,
  revokedAt: r.revoked_at,
});

export class FindingRepository {
  private readonly byId;
  private readonly ofVendor;
  private readonly every;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly deleteStmt;
  private readonly acceptanceById;
  private readonly acceptancesOfVendor;
  private readonly everyAcceptance;
  private readonly insertAcceptance;
  private readonly revokeStmt;

  constructor(sql: Sql) {
    this.byId = query<[string], FindingRow>(sql, 'SELECT * FROM findings WHERE id = ?');
    this.ofVendor = query<[string], FindingRow>(sql, 'SELECT * FROM findings WHERE vendor_id = ? ORDER BY created_at DESC, rowid DESC');
    this.every = query<[], FindingRow>(sql, 'SELECT * FROM findings ORDER BY created_at DESC, rowid DESC');
    this.insertStmt = query<[FindingRow]>(sql,
      `INSERT INTO findings (id, vendor_id, review_id, question_id, title, severity, description, owner, remediation, due_date, status, created_by, created_at, updated_at)
       VALUES (@id, @vendor_id, @review_id, @question_id, @title, @severity, @description, @owner, @remediation, @due_date, @status, @created_by, @created_at, @updated_at)`,
    );
    this.updateStmt = query<[FindingRow]>(sql,
      `UPDATE findings SET title = @title, severity = @severity, description = @description, owner = @owner,
         remediation = @remediation, due_date = @due_date, status = @status, updated_at = @updated_at WHERE id = @id`,
    );
    this.deleteStmt = query<[string]>(sql, 'DELETE FROM findings WHERE id = ?');
    this.acceptanceById = query<[string], AcceptanceRow>(sql, 'SELECT * FROM acceptances WHERE id = ?');
    this.acceptancesOfVendor = query<[string], AcceptanceRow>(sql,
      'SELECT * FROM acceptances WHERE vendor_id = ? ORDER BY accepted_at DESC, rowid DESC',
    );
    this.everyAcceptance = query<[], AcceptanceRow>(sql, 'SELECT * FROM acceptances ORDER BY accepted_at DESC, rowid DESC');
    this.insertAcceptance = query<[AcceptanceRow]>(sql,
      `INSERT INTO acceptances (id, vendor_id, finding_id, review_id, justification, accepted_by, accepted_at, expires_on, revoked_at)
       VALUES (@id, @vendor_id, @finding_id, @review_id, @justification, @accepted_by, @accepted_at, @expires_on, @revoked_at)`,
    );
    this.revokeStmt = query<[string, string]>(sql, 'UPDATE acceptances SET revoked_at = ? WHERE id = ?');
  }

  async get(id: string): Promise<Finding | undefined> {
    const row = await this.byId.get(id);
    return row ? findingFromRow(row) : undefined;
  }

  /** Newest first; every provider's when no id is given. */
  async list(vendorId?: string): Promise<Finding[]> {
    return (vendorId === undefined ? await this.every.all() : await this.ofVendor.all(vendorId)).map(findingFromRow);
  }

  async insert(finding: Finding): Promise<void> {
    await this.insertStmt.run(findingToRow(finding));
  }

  async update(finding: Finding): Promise<void> {
    await this.updateStmt.run(findingToRow(finding));
  }

  async delete(id: string): Promise<boolean> {
    return (await this.deleteStmt.run(id)).changes > 0;
  }

  async acceptance(id: string): Promise<Acceptance | undefined> {
    const row = await this.acceptanceById.get(id);
    return row ? acceptanceFromRow(row) : undefined;
  }

  /** Newest first; every provider's when no id is given. */
  async acceptances(vendorId?: string): Promise<Acceptance[]> {
    return (vendorId === undefined ? await this.everyAcceptance.all() : await this.acceptancesOfVendor.all(vendorId)).map(acceptanceFromRow);
  }

  async insertAcceptanceRow(a: Acceptance): Promise<void> {
    await this.insertAcceptance.run({
            id: a.id,
            vendor_id: a.vendorId,
            finding_id: a.findingId,
            review_id: a.reviewId,
            justification: a.justification,
            accepted_by: a.acceptedBy,
            accepted_at: a.acceptedAt,
            expires_on: a.expiresOn,
            revoked_at: a.revokedAt,
          });
  }

  async revoke(id: string, at: string): Promise<void> {
    await this.revokeStmt.run(at, id);
  }
}
