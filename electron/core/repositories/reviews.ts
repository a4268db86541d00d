// Reviews and their answers. An answer is one upsert keyed by (review, question).
import type { Database } from 'better-sqlite3';
import type { Answer, AnswerValue, Review } from '../../../shared/domain/review';
import type { AnsweredBy } from '../../../shared/domain/vendor-exchange';
import { VettedError } from '../../../shared/result';

interface ReviewRow {
  id: string;
  vendor_id: string;
  template_id: string;
  template_version: number;
  status: string;
  reviewer: string;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
}

/** The writer of an answer, as the audit triggers name the actor. */
const WRITER = "COALESCE((SELECT json_extract(value, '$') FROM settings WHERE key = 'userName'), '')";

export interface AnswerVersion {
  version: number;
  updatedBy: string;
  updatedAt: string;
}

interface AnswerRow {
  review_id: string;
  question_id: string;
  value: string | null;
  comment: string;
  na: number;
  updated_at: string;
  comment_confidential: number;
  provider_comment: string;
  answered_by: string | null;
}

function reviewFromRow(row: ReviewRow): Review {
  return {
    id: row.id,
    vendorId: row.vendor_id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    status: row.status as Review['status'],
    reviewer: row.reviewer,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}

function reviewToRow(review: Review): ReviewRow {
  return {
    id: review.id,
    vendor_id: review.vendorId,
    template_id: review.templateId,
    template_version: review.templateVersion,
    status: review.status,
    reviewer: review.reviewer,
    started_at: review.startedAt,
    updated_at: review.updatedAt,
    completed_at: review.completedAt,
  };
}

/** An answer as stored: a confidential comment is still sealed here (services/confidential.ts opens it). */
export function answerFromRow(row: Omit<AnswerRow, 'review_id'>): Answer {
  const answer: Answer = {
    questionId: row.question_id,
    value: row.value === null ? null : (JSON.parse(row.value) as AnswerValue),
    comment: row.comment,
    na: row.na === 1,
    updatedAt: row.updated_at,
  };
  if (row.comment_confidential === 1) answer.confidential = true;
  if (row.provider_comment !== '') answer.providerComment = row.provider_comment;
  if (row.answered_by !== null) answer.answeredBy = answeredByOf(row.answered_by, row.question_id);
  return answer;
}

const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';

/** Checked on every read, so a row a hand edit broke is an error naming it, never provenance read wrong. */
function answeredByOf(text: string, questionId: string): AnsweredBy {
  const v = JSON.parse(text) as Record<string, unknown>;
  const ok =
    typeof v === 'object' && v !== null &&
    (v.format === 'vetted' || v.format === 'vsaq') &&
    isStringOrNull(v.requestId) && isStringOrNull(v.contact) && isStringOrNull(v.respondent) &&
    typeof v.fileSha256 === 'string' && typeof v.receivedAt === 'string';
  if (!ok) throw new VettedError('internal', `The stored provenance (answered_by) of answer ${questionId} does not fit the schema.`);
  return {
    format: v.format as AnsweredBy['format'],
    requestId: v.requestId as string | null,
    contact: v.contact as string | null,
    respondent: v.respondent as string | null,
    fileSha256: v.fileSha256 as string,
    receivedAt: v.receivedAt as string,
  };
}

export class ReviewRepository {
  private readonly byId;
  private readonly latestForVendor;
  private readonly latestAll;
  private readonly insertStmt;
  private readonly touchStmt;
  private readonly answersFor;
  private readonly oneAnswer;
  private readonly allAnswers;
  private readonly upsertAnswer;
  private readonly versionsFor;
  private readonly allReviews;
  private readonly everyAnswer;
  private readonly updateStmt;
  private readonly usedTemplatesStmt;
  private readonly ofVendorStmt;
  private readonly lastDecisions;

  constructor(db: Database) {
    this.byId = db.prepare<[string], ReviewRow>('SELECT * FROM reviews WHERE id = ?');
    this.latestForVendor = db.prepare<[string], ReviewRow>(
      'SELECT * FROM reviews WHERE vendor_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1',
    );
    // The newest review of every provider, in one pass, for the register table.
    this.latestAll = db.prepare<[], ReviewRow>(
      `SELECT r.* FROM reviews r
       WHERE r.rowid = (SELECT r2.rowid FROM reviews r2 WHERE r2.vendor_id = r.vendor_id
                        ORDER BY r2.started_at DESC, r2.rowid DESC LIMIT 1)`,
    );
    this.insertStmt = db.prepare<[ReviewRow]>(
      `INSERT INTO reviews (id, vendor_id, template_id, template_version, status, reviewer, started_at, updated_at, completed_at)
       VALUES (@id, @vendor_id, @template_id, @template_version, @status, @reviewer, @started_at, @updated_at, @completed_at)`,
    );
    this.touchStmt = db.prepare<[string, string]>('UPDATE reviews SET updated_at = ? WHERE id = ?');
    this.answersFor = db.prepare<[string], AnswerRow>('SELECT * FROM answers WHERE review_id = ?');
    this.oneAnswer = db.prepare<[string, string], AnswerRow & { version: number; updated_by: string }>(
      'SELECT * FROM answers WHERE review_id = ? AND question_id = ?',
    );
    this.allAnswers = db.prepare<[], AnswerRow>(
      `SELECT a.* FROM answers a JOIN reviews r ON r.id = a.review_id
       WHERE r.rowid = (SELECT r2.rowid FROM reviews r2 WHERE r2.vendor_id = r.vendor_id
                        ORDER BY r2.started_at DESC, r2.rowid DESC LIMIT 1)`,
    );
    // Every write counts the answer's version up and names its writer as the audit trail does (the
    // user name in Settings), whoever writes: a save, an answers file, an import (migration 013).
    this.upsertAnswer = db.prepare<[AnswerRow]>(
      `INSERT INTO answers (review_id, question_id, value, comment, na, updated_at, comment_confidential, provider_comment, answered_by, version, updated_by)
       VALUES (@review_id, @question_id, @value, @comment, @na, @updated_at, @comment_confidential, @provider_comment, @answered_by, 1, ${WRITER})
       ON CONFLICT (review_id, question_id) DO UPDATE SET
         value = excluded.value, comment = excluded.comment, na = excluded.na, updated_at = excluded.updated_at,
         comment_confidential = excluded.comment_confidential, provider_comment = excluded.provider_comment,
         answered_by = excluded.answered_by, version = answers.version + 1, updated_by = excluded.updated_by`,
    );
    this.versionsFor = db.prepare<[string], { question_id: string; version: number }>(
      'SELECT question_id, version FROM answers WHERE review_id = ?',
    );
    // Whole-register reads and writes for the exchange format (export and import).
    this.allReviews = db.prepare<[], ReviewRow>('SELECT * FROM reviews ORDER BY id');
    this.everyAnswer = db.prepare<[], AnswerRow>('SELECT * FROM answers ORDER BY review_id, question_id');
    this.updateStmt = db.prepare<[ReviewRow]>(
      `UPDATE reviews SET vendor_id = @vendor_id, template_id = @template_id, template_version = @template_version,
         status = @status, reviewer = @reviewer, started_at = @started_at, updated_at = @updated_at,
         completed_at = @completed_at
       WHERE id = @id`,
    );
    this.ofVendorStmt = db.prepare<[string], ReviewRow>(
      'SELECT * FROM reviews WHERE vendor_id = ? ORDER BY started_at DESC, rowid DESC',
    );
    // "Last reviewed" on the register: the newest decision of each provider, whatever review is open now.
    this.lastDecisions = db.prepare<[], { vendor_id: string; decided_at: string }>(
      `SELECT vendor_id, MAX(COALESCE(completed_at, updated_at)) AS decided_at FROM reviews
       WHERE status IN ('approved', 'approved_with_conditions', 'rejected') GROUP BY vendor_id`,
    );
    this.usedTemplatesStmt = db.prepare<[], { template_id: string; template_version: number }>(
      'SELECT DISTINCT template_id, template_version FROM reviews ORDER BY template_id, template_version',
    );
  }

  get(id: string): Review | undefined {
    const row = this.byId.get(id);
    return row ? reviewFromRow(row) : undefined;
  }

  latest(vendorId: string): Review | undefined {
    const row = this.latestForVendor.get(vendorId);
    return row ? reviewFromRow(row) : undefined;
  }

  /** The newest review of every provider, keyed by provider id. */
  latestByVendor(): Map<string, Review> {
    return new Map(this.latestAll.all().map((row) => [row.vendor_id, reviewFromRow(row)]));
  }

  /** When each provider's newest decided review was decided, keyed by provider id (providers never decided are absent). */
  lastDecisionByVendor(): Map<string, string> {
    return new Map(this.lastDecisions.all().map((row) => [row.vendor_id, row.decided_at]));
  }

  /** Answers of every provider's newest review, keyed by review id. */
  answersOfLatestReviews(): Map<string, Answer[]> {
    const byReview = new Map<string, Answer[]>();
    for (const row of this.allAnswers.iterate()) {
      let list = byReview.get(row.review_id);
      if (!list) byReview.set(row.review_id, (list = []));
      list.push(answerFromRow(row));
    }
    return byReview;
  }

  insert(review: Review): void {
    this.insertStmt.run(reviewToRow(review));
  }

  /** Replaces every field of a stored review (the import, when the file's copy is newer). */
  update(review: Review): void {
    this.updateStmt.run(reviewToRow(review));
  }

  /** A provider's reviews, newest first. */
  ofVendor(vendorId: string): Review[] {
    return this.ofVendorStmt.all(vendorId).map(reviewFromRow);
  }

  /** Every review, by id. */
  all(): Review[] {
    return this.allReviews.all().map(reviewFromRow);
  }

  /** Every answer of every review, by review id then question id. */
  answersOfAll(): (Answer & { reviewId: string })[] {
    return this.everyAnswer.all().map((row) => ({ reviewId: row.review_id, ...answerFromRow(row) }));
  }

  /** The template versions reviews use, by id then version. */
  usedTemplates(): { id: string; version: number }[] {
    return this.usedTemplatesStmt.all().map((r) => ({ id: r.template_id, version: r.template_version }));
  }

  answers(reviewId: string): Answer[] {
    return this.answersFor.all(reviewId).map(answerFromRow);
  }

  answer(reviewId: string, questionId: string): Answer | undefined {
    const row = this.oneAnswer.get(reviewId, questionId);
    return row ? answerFromRow(row) : undefined;
  }

  /** An answer as stored with its version, who wrote it and when, in one read (none: no answer yet). */
  storedAnswer(reviewId: string, questionId: string): { answer: Answer; version: AnswerVersion } | undefined {
    const row = this.oneAnswer.get(reviewId, questionId);
    if (!row) return undefined;
    return { answer: answerFromRow(row), version: { version: row.version, updatedBy: row.updated_by, updatedAt: row.updated_at } };
  }

  /** The stored version of every answer of a review, by question id. */
  answerVersions(reviewId: string): Record<string, number> {
    const versions: Record<string, number> = {};
    for (const row of this.versionsFor.all(reviewId)) versions[row.question_id] = row.version;
    return versions;
  }

  saveAnswer(reviewId: string, answer: Answer): void {
    this.putAnswer(reviewId, answer);
    this.touchStmt.run(answer.updatedAt, reviewId);
  }

  /** Stores an answer as given, leaving the review's updatedAt alone (the import keeps the file's). */
  putAnswer(reviewId: string, answer: Answer): void {
    this.upsertAnswer.run({
      review_id: reviewId,
      question_id: answer.questionId,
      value: answer.value === null ? null : JSON.stringify(answer.value),
      comment: answer.comment,
      na: answer.na ? 1 : 0,
      updated_at: answer.updatedAt,
      comment_confidential: answer.confidential ? 1 : 0,
      provider_comment: answer.providerComment ?? '',
      answered_by: answer.answeredBy ? JSON.stringify(answer.answeredBy) : null,
    });
  }
}
