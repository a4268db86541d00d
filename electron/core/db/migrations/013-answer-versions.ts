import type { Migration } from './types';

/**
 * Each answer's version and who saved it last (issue 22): optimistic concurrency for two people
 * (two windows, the app and the CLI, two reviewers on a team register) editing the same answer.
 * The app sends the version a change was made from; a save on an answer changed since is refused
 * as a conflict that names who changed it and when, instead of silently overwriting their work.
 * Every write of an answer (a save, an answers file received, an import) counts it up. Existing
 * answers start at 1; updated_by is the self-declared name (settings.userName) of the saver.
 */
const COLUMNS = {
  sqlite: `
    ALTER TABLE answers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE answers ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';`,
  postgres: `
    ALTER TABLE answers ADD COLUMN version bigint NOT NULL DEFAULT 1;
    ALTER TABLE answers ADD COLUMN updated_by text NOT NULL DEFAULT '';`,
};

export const answerVersions: Migration = {
  version: 13,
  name: 'answer-versions',
  up(db) {
    db.exec(COLUMNS.sqlite);
  },
  postgres: COLUMNS.postgres,
};
