// What the register's score column is computed from, read without reading any answer: each
// provider's newest review with the stamps of everything its score depends on (migration 010).
import type { Database } from 'better-sqlite3';
import type { AnswerMap, AnswerValue } from '../../../shared/domain/review';

export interface ScoreInputRow {
  reviewId: string;
  vendorId: string;
  templateId: string;
  templateVersion: number;
  status: string;
  /** The stamps of the review row with its answers, its provider and its template, joined: equal keys, equal inputs. */
  stamps: string;
}

interface Row {
  review_id: string;
  vendor_id: string;
  template_id: string;
  template_version: number;
  status: string;
  stamps: string;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what must not pass
const PLAIN_JSON_STRING = /^"[^"\\\u0000-\u001f]*"$/;

/**
 * A stored answer value (JSON). Most are option ids — a JSON string without escapes — and are read
 * without the JSON parser: a register's first listing reads every answer of every provider.
 */
export function answerValueOf(text: string): AnswerValue {
  // Only a string JSON.parse would read the same way: no escape, no inner quote, no control character.
  if (PLAIN_JSON_STRING.test(text)) return text.slice(1, -1);
  return JSON.parse(text) as AnswerValue;
}

export class ScoreInputRepository {
  private readonly latest;
  private readonly answerValues;

  constructor(db: Database) {
    // Stamps as text: they are 64-bit integers, which a JavaScript number would round.
    this.latest = db.prepare<[], Row>(
      `SELECT r.id AS review_id, r.vendor_id, r.template_id, r.template_version, r.status,
         COALESCE((SELECT CAST(stamp AS TEXT) FROM score_stamps WHERE kind = 'review' AND id = r.id), '-') || ':' ||
         COALESCE((SELECT CAST(stamp AS TEXT) FROM score_stamps WHERE kind = 'vendor' AND id = r.vendor_id), '-') || ':' ||
         COALESCE((SELECT CAST(stamp AS TEXT) FROM score_stamps WHERE kind = 'template' AND id = r.template_id || '@' || r.template_version), '-')
         AS stamps
       FROM reviews r
       WHERE r.rowid = (SELECT r2.rowid FROM reviews r2 WHERE r2.vendor_id = r.vendor_id
                        ORDER BY r2.started_at DESC, r2.rowid DESC LIMIT 1)`,
    );
    // Rows as arrays, read at once: a third less time than iterating row objects (a first listing
    // reads every answer of every provider).
    this.answerValues = db
      .prepare<[string], [string, string | null, number]>('SELECT question_id, value, na FROM answers WHERE review_id = ?')
      .raw();
  }

  /** Every provider's newest review with its stamps, keyed by provider id. */
  latestByVendor(): Map<string, ScoreInputRow> {
    const byVendor = new Map<string, ScoreInputRow>();
    for (const r of this.latest.iterate()) {
      byVendor.set(r.vendor_id, {
        reviewId: r.review_id,
        vendorId: r.vendor_id,
        templateId: r.template_id,
        templateVersion: r.template_version,
        status: r.status,
        stamps: r.stamps,
      });
    }
    return byVendor;
  }

  /** A review's answers as scoring reads them (value and N/A; comments and provenance are not read). */
  answerMap(reviewId: string): AnswerMap {
    const map: Record<string, { value: AnswerValue; na: boolean }> = {};
    for (const [questionId, value, na] of this.answerValues.all(reviewId)) {
      map[questionId] = { value: value === null ? null : answerValueOf(value), na: na === 1 };
    }
    return map;
  }
}
