// The questionnaires sent: one row per page made, so the answers file that comes back can be
// matched to its provider and template version. The provider's name is joined in by the services.
import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
import type { QuestionnaireRequestView } from '../../../shared/domain/vendor-exchange';

/** A request as stored (the view without the provider's name). */
export type StoredRequest = Omit<QuestionnaireRequestView, 'vendorName'>;

interface RequestRow {
  id: string;
  vendor_id: string;
  template_id: string;
  template_version: number;
  template_hash: string;
  contact: string | null;
  due_on: string | null;
  prefilled: number;
  sent_at: string;
  sent_by: string;
  received_at: string | null;
  received_sha256: string | null;
}

function fromRow(row: RequestRow): StoredRequest {
  return {
    id: row.id,
    vendorId: row.vendor_id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    templateHash: row.template_hash,
    contact: row.contact,
    due: row.due_on,
    prefilled: row.prefilled,
    sentAt: row.sent_at,
    sentBy: row.sent_by,
    receivedAt: row.received_at,
    receivedSha256: row.received_sha256,
  };
}

function toRow(r: StoredRequest): RequestRow {
  return {
    id: r.id,
    vendor_id: r.vendorId,
    template_id: r.templateId,
    template_version: r.templateVersion,
    template_hash: r.templateHash,
    contact: r.contact,
    due_on: r.due,
    prefilled: r.prefilled,
    sent_at: r.sentAt,
    sent_by: r.sentBy,
    received_at: r.receivedAt,
    received_sha256: r.receivedSha256,
  };
}

export class QuestionnaireRequestRepository {
  private readonly insertStmt;
  private readonly byId;
  private readonly ofVendorStmt;
  private readonly allStmt;
  private readonly receivedStmt;

  constructor(sql: Sql) {
    this.insertStmt = query<[RequestRow]>(sql,
      `INSERT INTO questionnaire_requests (id, vendor_id, template_id, template_version, template_hash, contact, due_on,
         prefilled, sent_at, sent_by, received_at, received_sha256)
       VALUES (@id, @vendor_id, @template_id, @template_version, @template_hash, @contact, @due_on,
         @prefilled, @sent_at, @sent_by, @received_at, @received_sha256)`,
    );
    this.byId = query<[string], RequestRow>(sql, 'SELECT * FROM questionnaire_requests WHERE id = ?');
    // Newest first; rowid breaks a tie of two pages made in the same millisecond.
    this.ofVendorStmt = query<[string], RequestRow>(sql,
      'SELECT * FROM questionnaire_requests WHERE vendor_id = ? ORDER BY sent_at DESC, rowid DESC',
    );
    this.allStmt = query<[], RequestRow>(sql, 'SELECT * FROM questionnaire_requests ORDER BY sent_at DESC, rowid DESC');
    this.receivedStmt = query<[string, string, string]>(sql,
      'UPDATE questionnaire_requests SET received_at = ?, received_sha256 = ? WHERE id = ?',
    );
  }

  async insert(request: StoredRequest): Promise<void> {
    await this.insertStmt.run(toRow(request));
  }

  async get(id: string): Promise<StoredRequest | undefined> {
    const row = await this.byId.get(id);
    return row ? fromRow(row) : undefined;
  }

  /** A provider's requests, newest first. */
  async listByVendor(vendorId: string): Promise<StoredRequest[]> {
    return (await this.ofVendorStmt.all(vendorId)).map(fromRow);
  }

  /** Every request, newest first. */
  async all(): Promise<StoredRequest[]> {
    return (await this.allStmt.all()).map(fromRow);
  }

  async markReceived(id: string, receivedAt: string, sha256: string): Promise<void> {
    await this.receivedStmt.run(receivedAt, sha256, id);
  }
}
