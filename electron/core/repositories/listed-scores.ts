// The register's score column as kept in the file (migration 012): written after a listing that
// computed scores, read back by the next listing (repositories/score-inputs.ts joins it to the
// stamps). A cache: no audit trigger, no export, no import, no document reads it.
import type { Database, Statement } from 'better-sqlite3';
import type { ListedScore } from './score-inputs';

export interface ListedScoreRow {
  reviewId: string;
  key: string;
  score: ListedScore | null;
}

export class ListedScoreRepository {
  private readonly upsert: Statement<[string, string, number, number | null, string | null, string | null, number | null, number | null]>;
  private readonly prune: Statement<[]>;

  constructor(db: Database) {
    this.upsert = db.prepare(
      `INSERT INTO listed_scores (review_id, cache_key, scored, overall, tier, state, completion, knockouts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (review_id) DO UPDATE SET cache_key = excluded.cache_key, scored = excluded.scored,
         overall = excluded.overall, tier = excluded.tier, state = excluded.state,
         completion = excluded.completion, knockouts = excluded.knockouts`,
    );
    // Read at the time of the write, not from the listing's snapshot: a review another process has
    // just made someone's newest keeps its row.
    this.prune = db.prepare(
      `DELETE FROM listed_scores WHERE review_id NOT IN (
         SELECT r.id FROM reviews r
         WHERE r.rowid = (SELECT r2.rowid FROM reviews r2 WHERE r2.vendor_id = r.vendor_id
                          ORDER BY r2.started_at DESC, r2.rowid DESC LIMIT 1))`,
    );
  }

  /** Stores each row (replacing the review's earlier one). Call inside a write transaction. */
  store(rows: Iterable<ListedScoreRow>): void {
    for (const { reviewId, key, score } of rows) {
      if (score) this.upsert.run(reviewId, key, 1, score.overall, score.tier, score.state, score.completion, score.knockouts);
      else this.upsert.run(reviewId, key, 0, null, null, null, null, null);
    }
  }

  /** Deletes the rows of reviews that are no longer any provider's newest. Returns how many. */
  pruneSuperseded(): number {
    return this.prune.run().changes;
  }
}
