import type { Migration } from './types';

// Written out as it ships (see 002-lifecycle.ts for why migrations do not share trigger builders).

/**
 * The register's score column kept in the file (issue 20), so a process that opens the register
 * lists it without scoring every review again: each provider's newest review with its score as the
 * register shows it, under the full key it was computed for (services/score-cache.ts: the stamps of
 * migration 010, the review's status, the Vetted version and scoring model that computed it). A
 * row whose key is not exactly the key a listing computes now is ignored and computed again.
 *
 * A cache, not a record: no audit trigger watches it, the register export and import leave it out,
 * no document reads it, and no foreign key ties it to a review (a write to the register never waits
 * for, or fails on, this table; a listing prunes the rows of reviews no longer anyone's newest).
 * NULL columns with scored = 0: the review's template is not in the register (nothing to score).
 */
export const listedScores: Migration = {
  version: 12,
  name: 'listed-scores',
  up(db) {
    db.exec(`
      CREATE TABLE listed_scores (
        review_id  TEXT PRIMARY KEY,
        cache_key  TEXT NOT NULL,
        scored     INTEGER NOT NULL CHECK (scored IN (0, 1)),
        overall    REAL,
        tier       TEXT,
        state      TEXT,
        completion REAL,
        knockouts  INTEGER
      ) WITHOUT ROWID;
    `);
  },
};
