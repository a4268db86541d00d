// Reviews and their answers. An answer is one upsert keyed by (review, question).
import { query } from '../db/store/query';
import type { Dialect, Sql } from '../db/store/sql';
import { forUpdate, jsonField } from '../db/store/dialect';
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
/** Who writes, as the audit trail names them: the user name in Settings; on a team register the member's own (vetted_actor(), migration 016). */
const writer = (dialect: Dialect) =>
  dialect === 'postgres' ? 'vetted_actor()' : `COALESCE((SELECT ${jsonField(dialect, 'value')} FROM settings WHERE key = 'userName'), '')`;

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
  private readonly byIdToWrite;
  private readonly latestForVendor;
  private readonly latestAll;
  private readonly insertStmt;
  private readonly touchStmt;
  private readonly answersFor;
  private readonly oneAnswer;
  private readonly oneAnswerToWrite;
  private readonly allAnswers;
  private readonly upsertAnswer;
  private readonly versionsFor;
  private readonly allReviews;
  private readonly everyAnswer;
  private readonly updateStmt;
  private readonly usedTemplatesStmt;
  private readonly ofVendorStmt;
  private readonly lastDecisions;

  constructor(sql: Sql) {
    this.byId = query<[string], ReviewRow>(sql, 'SELECT * FROM reviews WHERE id = ?');
    this.byIdToWrite = query<[string], ReviewRow>(sql, `SELECT * FROM reviews WHERE id = ?${forUpdate(sql)}`);
    this.latestForVendor = query<[string], ReviewRow>(sql,
      'SELECT * FROM reviews WHERE vendor_id = ? ORDER BY started_at DESC, rowid DESC LIMIT 1',
    );
    // The newest review of every provider, in one pass, for the register table.
    this.latestAll = query<[], ReviewRow>(sql,
      `SELECT r.* FROM reviews r
       WHERE r.rowid = (SELECT r2.rowid FROM reviews r2 WHERE r2.vendor_id = r.vendor_id
                        ORDER BY r2.started_at DESC, r2.rowid DESC LIMIT 1)`,
    );
    this.insertStmt = query<[ReviewRow]>(sql,
      `INSERT INTO reviews (id, vendor_id, template_id, template_version, status, reviewer, started_at, updated_at, completed_at)
       VALUES (@id, @vendor_id, @template_id, @template_version, @status, @reviewer, @started_at, @updated_at, @completed_at)`,
    );
    this.touchStmt = query<[string, string]>(sql, 'UPDATE reviews SET updated_at = ? WHERE id = ?');
    this.answersFor = query<[string], AnswerRow>(sql, 'SELECT * FROM answers WHERE review_id = ?');
    this.oneAnswer = query<[string, string], AnswerRow & { version: number; updated_by: string }>(sql,
      'SELECT * FROM answers WHERE review_id = ? AND question_id = ?',
    );
    // Read to be written in the same transaction: on a team register the row stays locked until it
    // ends, so another reviewer's save of the same answer waits and then reads this one's version
    // (SQLite's write lock already makes every writer wait).
    this.oneAnswerToWrite = query<[string, string], AnswerRow & { version: number; updated_by: string }>(sql,
      `SELECT * FROM answers WHERE review_id = ? AND question_id = ?${forUpdate(sql)}`,
    );
    this.allAnswers = query<[], AnswerRow>(sql,
      `SELECT a.* FROM answers a JOIN reviews r ON r.id = a.review_id
       WHERE r.rowid = (SELECT r2.rowid FROM reviews r2 WHERE r2.vendor_id = r.vendor_id
                        ORDER BY r2.started_at DESC, r2.rowid DESC LIMIT 1)`,
    );
    // Every write counts the answer's version up and names its writer as the audit trail does (the
    // user name in Settings), whoever writes: a save, an answers file, an import (migration 013).
    this.upsertAnswer = query<[AnswerRow], { version: number }>(sql,
      `INSERT INTO answers (review_id, question_id, value, comment, na, updated_at, comment_confidential, provider_comment, answered_by, version, updated_by)
       VALUES (@review_id, @question_id, @value, @comment, @na, @updated_at, @comment_confidential, @provider_comment, @answered_by, 1, ${writer(sql.dialect)})
       ON CONFLICT (review_id, question_id) DO UPDATE SET
         value = excluded.value, comment = excluded.comment, na = excluded.na, updated_at = excluded.updated_at,
         comment_confidential = excluded.comment_confidential, provider_comment = excluded.provider_comment,
         answered_by = excluded.answered_by, version = answers.version + 1, updated_by = excluded.updated_by
       RETURNING version`,
    );
    this.versionsFor = query<[string], { question_id: string; version: number }>(sql,
      'SELECT question_id, version FROM answers WHERE review_id = ?',
    );
    // Whole-register reads and writes for the exchange format (export and import).
    this.allReviews = query<[], ReviewRow>(sql, 'SELECT * FROM reviews ORDER BY id');
    this.everyAnswer = query<[], AnswerRow>(sql, 'SELECT * FROM answers ORDER BY review_id, question_id');
    this.updateStmt = query<[ReviewRow]>(sql,
      `UPDATE reviews SET vendor_id = @vendor_id, template_id = @template_id, template_version = @template_version,
         status = @status, reviewer = @reviewer, started_at = @started_at, updated_at = @updated_at,
         completed_at = @completed_at
       WHERE id = @id`,
    );
    this.ofVendorStmt = query<[string], ReviewRow>(sql,
      'SELECT * FROM reviews WHERE vendor_id = ? ORDER BY started_at DESC, rowid DESC',
    );
    // "Last reviewed" on the register: the newest decision of each provider, whatever review is open now.
    this.lastDecisions = query<[], { vendor_id: string; decided_at: string }>(sql,
      `SELECT vendor_id, MAX(COALESCE(completed_at, updated_at)) AS decided_at FROM reviews
       WHERE status IN ('approved', 'approved_with_conditions', 'rejected') GROUP BY vendor_id`,
    );
    this.usedTemplatesStmt = query<[], { template_id: string; template_version: number }>(sql,
      'SELECT DISTINCT template_id, template_version FROM reviews ORDER BY template_id, template_version',
    );
  }

  async get(id: string): Promise<Review | undefined> {
    const row = await this.byId.get(id);
    return row ? reviewFromRow(row) : undefined;
  }

  /**
   * A review read to be changed in the same write transaction: on a team register its row stays
   * locked until the transaction ends, so a sign-off step and an answer saved to the review take
   * turns (an answer never lands after the decision froze the answers; two steps never both pass).
   */
  async getToWrite(id: string): Promise<Review | undefined> {
    const row = await this.byIdToWrite.get(id);
    return row ? reviewFromRow(row) : undefined;
  }

  async latest(vendorId: string): Promise<Review | undefined> {
    const row = await this.latestForVendor.get(vendorId);
    return row ? reviewFromRow(row) : undefined;
  }

  /** The newest review of every provider, keyed by provider id. */
  async latestByVendor(): Promise<Map<string, Review>> {
    return new Map((await this.latestAll.all()).map((row) => [row.vendor_id, reviewFromRow(row)]));
  }

  /** When each provider's newest decided review was decided, keyed by provider id (providers never decided are absent). */
  async lastDecisionByVendor(): Promise<Map<string, string>> {
    return new Map((await this.lastDecisions.all()).map((row) => [row.vendor_id, row.decided_at]));
  }

  /** Answers of every provider's newest review, keyed by review id. */
  async answersOfLatestReviews(): Promise<Map<string, Answer[]>> {
    const byReview = new Map<string, Answer[]>();
    for (const row of await this.allAnswers.all()) {
      let list = byReview.get(row.review_id);
      if (!list) byReview.set(row.review_id, (list = []));
      list.push(answerFromRow(row));
    }
    return byReview;
  }

  async insert(review: Review): Promise<void> {
    await this.insertStmt.run(reviewToRow(review));
  }

  /** Replaces every field of a stored review (the import, when the file's copy is newer). */
  async update(review: Review): Promise<void> {
    await this.updateStmt.run(reviewToRow(review));
  }

  /** A provider's reviews, newest first. */
  async ofVendor(vendorId: string): Promise<Review[]> {
    return (await this.ofVendorStmt.all(vendorId)).map(reviewFromRow);
  }

  /** Every review, by id. */
  async all(): Promise<Review[]> {
    return (await this.allReviews.all()).map(reviewFromRow);
  }

  /** Every answer of every review, by review id then question id. */
  async answersOfAll(): Promise<(Answer & { reviewId: string })[]> {
    return (await this.everyAnswer.all()).map((row) => ({ reviewId: row.review_id, ...answerFromRow(row) }));
  }

  /** The template versions reviews use, by id then version. */
  async usedTemplates(): Promise<{ id: string; version: number }[]> {
    return (await this.usedTemplatesStmt.all()).map((r) => ({ id: r.template_id, version: r.template_version }));
  }

  async answers(reviewId: string): Promise<Answer[]> {
    return (await this.answersFor.all(reviewId)).map(answerFromRow);
  }

  async answer(reviewId: string, questionId: string): Promise<Answer | undefined> {
    const row = await this.oneAnswer.get(reviewId, questionId);
    return row ? answerFromRow(row) : undefined;
  }

  /** An answer as stored with its version, who wrote it and when, in one read (none: no answer yet). */
  async storedAnswer(reviewId: string, questionId: string): Promise<{ answer: Answer; version: AnswerVersion } | undefined> {
    const row = await this.oneAnswerToWrite.get(reviewId, questionId);
    if (!row) return undefined;
    return { answer: answerFromRow(row), version: { version: row.version, updatedBy: row.updated_by, updatedAt: row.updated_at } };
  }

  /** The stored version of every answer of a review, by question id. */
  async answerVersions(reviewId: string): Promise<Record<string, number>> {
    const versions: Record<string, number> = {};
    for (const row of await this.versionsFor.all(reviewId)) versions[row.question_id] = row.version;
    return versions;
  }

  /** Stores an answer and touches its review; returns the version the answer has now. */
  async saveAnswer(reviewId: string, answer: Answer): Promise<number> {
    const version = await this.putAnswer(reviewId, answer);
    await this.touchStmt.run(answer.updatedAt, reviewId);
    return version;
  }

  /** Stores an answer as given, leaving the review's updatedAt alone (the import keeps the file's). */
  async putAnswer(reviewId: string, answer: Answer): Promise<number> {
    const stored = await this.upsertAnswer.get({
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
    return stored!.version;
  }
}
