// Evidence records and, in their own table, the files' bytes.
import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
import type { Evidence } from '../../../shared/domain/evidence';

interface EvidenceRow {
  id: string;
  vendor_id: string;
  review_id: string | null;
  question_id: string | null;
  kind: string;
  title: string;
  file_name: string;
  media_type: string;
  bytes: number;
  sha256: string;
  issued_on: string | null;
  expires_on: string | null;
  notes: string;
  added_by: string;
  added_at: string;
  updated_at: string;
  confidential: number;
}

const fromRow = (r: EvidenceRow): Evidence => ({
  id: r.id,
  vendorId: r.vendor_id,
  reviewId: r.review_id,
  questionId: r.question_id,
  kind: r.kind as Evidence['kind'],
  title: r.title,
  fileName: r.file_name,
  mediaType: r.media_type,
  bytes: r.bytes,
  sha256: r.sha256,
  issuedOn: r.issued_on,
  expiresOn: r.expires_on,
  notes: r.notes,
  addedBy: r.added_by,
  addedAt: r.added_at,
  updatedAt: r.updated_at,
  confidential: r.confidential === 1,
});

const toRow = (e: Evidence): EvidenceRow => ({
  id: e.id,
  vendor_id: e.vendorId,
  review_id: e.reviewId,
  question_id: e.questionId,
  kind: e.kind,
  title: e.title,
  file_name: e.fileName,
  media_type: e.mediaType,
  bytes: e.bytes,
  sha256: e.sha256,
  issued_on: e.issuedOn,
  expires_on: e.expiresOn,
  notes: e.notes,
  added_by: e.addedBy,
  added_at: e.addedAt,
  updated_at: e.updatedAt,
  confidential: e.confidential ? 1 : 0,
});

export class EvidenceRepository {
  private readonly byId;
  private readonly ofVendor;
  private readonly every;
  private readonly insertStmt;
  private readonly insertFile;
  private readonly fileOf;
  private readonly updateStmt;
  private readonly deleteStmt;

  constructor(sql: Sql) {
    this.byId = query<[string], EvidenceRow>(sql, 'SELECT * FROM evidence WHERE id = ?');
    this.ofVendor = query<[string], EvidenceRow>(sql, 'SELECT * FROM evidence WHERE vendor_id = ? ORDER BY added_at DESC, rowid DESC');
    this.every = query<[], EvidenceRow>(sql, 'SELECT * FROM evidence ORDER BY vendor_id, added_at DESC, rowid DESC');
    this.insertStmt = query<[EvidenceRow]>(sql,
      `INSERT INTO evidence (id, vendor_id, review_id, question_id, kind, title, file_name, media_type, bytes, sha256, issued_on, expires_on, notes, added_by, added_at, updated_at, confidential)
       VALUES (@id, @vendor_id, @review_id, @question_id, @kind, @title, @file_name, @media_type, @bytes, @sha256, @issued_on, @expires_on, @notes, @added_by, @added_at, @updated_at, @confidential)`,
    );
    this.insertFile = query<[string, Buffer]>(sql, 'INSERT INTO evidence_files (evidence_id, content) VALUES (?, ?)');
    this.fileOf = query<[string], { content: Buffer }>(sql, 'SELECT content FROM evidence_files WHERE evidence_id = ?');
    this.updateStmt = query<[EvidenceRow]>(sql,
      `UPDATE evidence SET kind = @kind, title = @title, issued_on = @issued_on, expires_on = @expires_on, notes = @notes,
         updated_at = @updated_at WHERE id = @id`,
    );
    this.deleteStmt = query<[string]>(sql, 'DELETE FROM evidence WHERE id = ?');
  }

  async get(id: string): Promise<Evidence | undefined> {
    const row = await this.byId.get(id);
    return row ? fromRow(row) : undefined;
  }

  async list(vendorId?: string): Promise<Evidence[]> {
    return (vendorId === undefined ? await this.every.all() : await this.ofVendor.all(vendorId)).map(fromRow);
  }

  async insert(evidence: Evidence, content: Buffer): Promise<void> {
    await this.insertStmt.run(toRow(evidence));
    await this.insertFile.run(evidence.id, content);
  }

  async file(id: string): Promise<Buffer | undefined> {
    return (await this.fileOf.get(id))?.content;
  }

  async update(evidence: Evidence): Promise<void> {
    await this.updateStmt.run(toRow(evidence));
  }

  async delete(id: string): Promise<boolean> {
    return (await this.deleteStmt.run(id)).changes > 0;
  }
}
