// What the register's score column is computed from, read without reading any answer: each
// provider's newest review with the stamps of everything its score depends on (migration 010), and
// the score a listing stored in the file for it with the key it was stored under (migration 012).
import type { Database } from 'better-sqlite3';
import type { AnswerMap, AnswerValue } from '../../../shared/domain/review';
import type { ScoreResult } from '../../../shared/scoring/types';

/** What the register shows of a score. */
export interface ListedScore {
  overall: number | null;
  tier: ScoreResult['tier'];
  state: ScoreResult['state'];
  completion: number;
  knockouts: number;
}

/** A listing's score as stored in the file: only good for a listing whose key is exactly `key`. */
export interface StoredListedScore {
  key: string;
  /** Null when the review's template was not in the register (nothing to score against). */
  score: ListedScore | null;
}

export interface ScoreInputRow {
  reviewId: string;
  vendorId: string;
  templateId: string;
  templateVersion: number;
  status: string;
  /** The stamps of the review row with its answers, its provider and its template, joined: equal keys, equal inputs. */
  stamps: string;
  /** The score stored for this review by an earlier listing (this process or another), if any. */
  stored: StoredListedScore | null;
}

interface Row {
  review_id: string;
  vendor_id: string;
  template_id: string;
  template_version: number;
  status: string;
  stamps: string;
  cache_key: string | null;
  scored: number | null;
  overall: number | null;
  tier: string | null;
  state: string | null;
  completion: number | null;
  knockouts: number | null;
}

function storedOf(r: Row): StoredListedScore | null {
  if (r.cache_key === null) return null;
  if (r.scored !== 1) return { key: r.cache_key, score: null };
  return {
    key: r.cache_key,
    score: {
      overall: r.overall,
      tier: r.tier as ListedScore['tier'],
      state: r.state as ListedScore['state'],
      completion: r.completion ?? 0,
      knockouts: r.knockouts ?? 0,
    },
  };
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
         AS stamps,
         ls.cache_key, ls.scored, ls.overall, ls.tier, ls.state, ls.completion, ls.knockouts
       FROM reviews r
       LEFT JOIN listed_scores ls ON ls.review_id = r.id
       WHERE r.rowid = (SELECT r2.rowid FROM reviews r2 WHERE r2.vendor_id = r.vendor_id
                        ORDER BY r2.started_at DESC, r2.rowid DESC LIMIT 1)`,
    );
    // Rows as arrays, read at once: a third less time than iterating row objects (a first listing
    // reads every answer of every provider).
    this.answerValues = db
      .prepare<[string], [string, string | null, number]>('SELECT question_id, value, na FROM answers WHERE review_id = ?')
      .raw();
  }

  /** Every provider's newest review with its stamps and stored score, keyed by provider id. */
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
        stored: storedOf(r),
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
