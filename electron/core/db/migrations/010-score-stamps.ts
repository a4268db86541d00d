import type { Migration } from './types';

// Written out as it ships (see 002-lifecycle.ts for why migrations do not share trigger builders).

/** A fresh stamp: random, so a stamp never repeats across a restored backup or another copy of the file. */
const STAMP = 'random()';

function stampOn(table: string, event: 'INSERT' | 'UPDATE' | 'DELETE', kind: string, idExpr: string, when = '', suffix = ''): string {
  return `CREATE TRIGGER score_stamp_${table}_${event.toLowerCase()}${suffix} AFTER ${event} ON ${table} ${when} BEGIN
    INSERT INTO score_stamps (kind, id, stamp) VALUES ('${kind}', ${idExpr}, ${STAMP})
      ON CONFLICT (kind, id) DO UPDATE SET stamp = excluded.stamp;
  END;`;
}

/**
 * What a score is computed from, stamped (issue 20): the register caches each review's score in
 * memory (services/score-cache.ts) under the stamps of its review, its answers, its provider and its
 * template, and these triggers give every one of them a new stamp on every write, whoever writes —
 * a service, the register import, another process on the same file. A cached score whose stamps
 * still match is the score a fresh computation would give; one whose stamps moved is computed again.
 *
 * The stamps live in their own table rather than in columns of the rows they stamp, so stamping
 * never touches a row the audit trail watches. An answer moved to another review stamps both; a
 * template deleted or renamed gets a new stamp under its old key. A deleted review's or provider's
 * stamp goes with it: one inserted again under the same id is stamped anew.
 */
export const scoreStamps: Migration = {
  version: 10,
  name: 'score-stamps',
  up(db) {
    db.exec(`
      CREATE TABLE score_stamps (
        kind  TEXT NOT NULL CHECK (kind IN ('review', 'vendor', 'template')),
        id    TEXT NOT NULL,
        stamp INTEGER NOT NULL,
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;
      INSERT INTO score_stamps (kind, id, stamp) SELECT 'review', id, ${STAMP} FROM reviews;
      INSERT INTO score_stamps (kind, id, stamp) SELECT 'vendor', id, ${STAMP} FROM vendors;
      INSERT INTO score_stamps (kind, id, stamp) SELECT 'template', id || '@' || version, ${STAMP} FROM templates;
      ${stampOn('reviews', 'INSERT', 'review', 'NEW.id')}
      ${stampOn('reviews', 'UPDATE', 'review', 'NEW.id')}
      ${stampOn('answers', 'INSERT', 'review', 'NEW.review_id')}
      ${stampOn('answers', 'UPDATE', 'review', 'NEW.review_id')}
      ${stampOn('answers', 'DELETE', 'review', 'OLD.review_id')}
      ${stampOn('answers', 'UPDATE', 'review', 'OLD.review_id', 'WHEN OLD.review_id IS NOT NEW.review_id', '_moved')}
      ${stampOn('vendors', 'INSERT', 'vendor', 'NEW.id')}
      ${stampOn('vendors', 'UPDATE', 'vendor', 'NEW.id')}
      ${stampOn('templates', 'INSERT', 'template', `NEW.id || '@' || NEW.version`)}
      ${stampOn('templates', 'UPDATE', 'template', `NEW.id || '@' || NEW.version`)}
      ${stampOn('templates', 'UPDATE', 'template', `OLD.id || '@' || OLD.version`, 'WHEN OLD.id IS NOT NEW.id OR OLD.version IS NOT NEW.version', '_moved')}
      ${stampOn('templates', 'DELETE', 'template', `OLD.id || '@' || OLD.version`)}
      CREATE TRIGGER score_stamp_reviews_delete AFTER DELETE ON reviews BEGIN
        DELETE FROM score_stamps WHERE kind = 'review' AND id = OLD.id;
      END;
      CREATE TRIGGER score_stamp_vendors_delete AFTER DELETE ON vendors BEGIN
        DELETE FROM score_stamps WHERE kind = 'vendor' AND id = OLD.id;
      END;
    `);
  },
};
