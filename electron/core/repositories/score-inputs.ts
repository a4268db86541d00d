// What the register's score column is computed from, read without reading any answer: each
// provider's newest review with the stamps of everything its score depends on (migration 010); and
// the scores earlier listings stored in the file, each with the key it was stored under (012).
import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
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
}

/** review_id, vendor_id, template_id, template_version, status, stamps. */
type Row = [string, string, string, number, string, string];

/** review_id, cache_key, scored, overall, tier, state, completion, knockouts (migration 012). */
type StoredRow = [string, string, number, number | null, string | null, string | null, number | null, number | null];

function storedOf([, key, scored, overall, tier, state, completion, knockouts]: StoredRow): StoredListedScore {
  if (scored !== 1) return { key, score: null };
  return {
    key,
    score: {
      overall,
      tier: tier as ListedScore['tier'],
      state: state as ListedScore['state'],
      completion: completion ?? 0,
      knockouts: knockouts ?? 0,
    },
  };
}

/** Below this many reviews to look up, one by id; from this many, the whole table in one read. */
const READ_ALL_STORED_FROM = 200;

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
  private readonly storedAll;
  private readonly storedOne;

  constructor(sql: Sql) {
    // Stamps as text: they are 64-bit integers, which a JavaScript number would round.
    this.latest = query<[], Row>(sql,
      `SELECT r.id AS review_id, r.vendor_id, r.template_id, r.template_version, r.status,
         COALESCE((SELECT CAST(stamp AS TEXT) FROM score_stamps WHERE kind = 'review' AND id = r.id), '-') || ':' ||
         COALESCE((SELECT CAST(stamp AS TEXT) FROM score_stamps WHERE kind = 'vendor' AND id = r.vendor_id), '-') || ':' ||
         COALESCE((SELECT CAST(stamp AS TEXT) FROM score_stamps WHERE kind = 'template' AND id = r.template_id || '@' || r.template_version), '-')
         AS stamps
       FROM reviews r
       WHERE r.rowid = (SELECT r2.rowid FROM reviews r2 WHERE r2.vendor_id = r.vendor_id
                        ORDER BY r2.started_at DESC, r2.rowid DESC LIMIT 1)`,
    ).raw();
    // Stored scores are read only for the reviews memory lacks: a warm listing reads none.
    const stored = 'SELECT review_id, cache_key, scored, overall, tier, state, completion, knockouts FROM listed_scores';
    this.storedAll = query<[], StoredRow>(sql, stored).raw();
    this.storedOne = query<[string], StoredRow>(sql, `${stored} WHERE review_id = ?`).raw();
    // Rows as arrays, read at once: a third less time than iterating row objects (a first listing
    // reads every answer of every provider).
    this.answerValues = query<[string], [string, string | null, number]>(sql, 'SELECT question_id, value, na FROM answers WHERE review_id = ?')
      .raw();
  }

  /** Every provider's newest review with its stamps, keyed by provider id. */
  async latestByVendor(): Promise<Map<string, ScoreInputRow>> {
    const byVendor = new Map<string, ScoreInputRow>();
    // Rows as arrays: a warm listing's largest read, a third faster than row objects.
    for (const [reviewId, vendorId, templateId, templateVersion, status, stamps] of await this.latest.all()) {
      byVendor.set(vendorId, { reviewId, vendorId, templateId, templateVersion, status, stamps });
    }
    return byVendor;
  }

  /**
   * The scores earlier listings (of this process or another) stored in the file for these reviews,
   * each with the key it was stored under; reviews without one are absent.
   */
  async storedScores(reviewIds: readonly string[]): Promise<Map<string, StoredListedScore>> {
    const found = new Map<string, StoredListedScore>();
    if (reviewIds.length >= READ_ALL_STORED_FROM) {
      const wanted = new Set(reviewIds);
      for (const row of await this.storedAll.all()) if (wanted.has(row[0])) found.set(row[0], storedOf(row));
    } else {
      for (const id of reviewIds) {
        const row = await this.storedOne.get(id);
        if (row) found.set(id, storedOf(row));
      }
    }
    return found;
  }

  /** A review's answers as scoring reads them (value and N/A; comments and provenance are not read). */
  async answerMap(reviewId: string): Promise<AnswerMap> {
    const map: Record<string, { value: AnswerValue; na: boolean }> = {};
    for (const [questionId, value, na] of await this.answerValues.all(reviewId)) {
      map[questionId] = { value: value === null ? null : answerValueOf(value), na: na === 1 };
    }
    return map;
  }
}
