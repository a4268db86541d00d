import type { Migration } from './types';

/** The first register: providers, templates, reviews and their answers. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE vendors (
        id                TEXT PRIMARY KEY,
        name              TEXT NOT NULL,
        service           TEXT NOT NULL DEFAULT '',
        category          TEXT NOT NULL,
        website           TEXT NOT NULL DEFAULT '',
        owner             TEXT NOT NULL DEFAULT '',
        status            TEXT NOT NULL CHECK (status IN ('proposed', 'active', 'retired')),
        critical_path     INTEGER NOT NULL DEFAULT 0 CHECK (critical_path IN (0, 1)),
        business_impact   TEXT NOT NULL CHECK (business_impact IN ('low', 'medium', 'high')),
        data_categories   TEXT NOT NULL DEFAULT '[]',   -- JSON array of DataCategory
        data_locations    TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
        tenancy           TEXT NOT NULL,
        monthly_cost      REAL,
        currency          TEXT NOT NULL DEFAULT 'EUR',
        build_effort_days REAL,
        links             TEXT NOT NULL DEFAULT '{}',   -- JSON VendorLinks
        notes             TEXT NOT NULL DEFAULT '',
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      );
      -- Names are how people (and the CLI) refer to providers, so they are unique regardless of case.
      CREATE UNIQUE INDEX vendors_name ON vendors (name COLLATE NOCASE);

      CREATE TABLE templates (
        id          TEXT NOT NULL,
        version     INTEGER NOT NULL,
        name        TEXT NOT NULL,
        definition  TEXT NOT NULL,                      -- JSON Template
        built_in    INTEGER NOT NULL DEFAULT 0,
        added_at    TEXT NOT NULL,
        PRIMARY KEY (id, version)
      );

      CREATE TABLE reviews (
        id               TEXT PRIMARY KEY,
        vendor_id        TEXT NOT NULL REFERENCES vendors (id) ON DELETE CASCADE,
        template_id      TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        status           TEXT NOT NULL,
        reviewer         TEXT NOT NULL DEFAULT '',
        started_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        completed_at     TEXT,
        FOREIGN KEY (template_id, template_version) REFERENCES templates (id, version)
      );
      CREATE INDEX reviews_vendor ON reviews (vendor_id, started_at);

      CREATE TABLE answers (
        review_id   TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
        question_id TEXT NOT NULL,
        value       TEXT,                               -- JSON AnswerValue, NULL = not answered
        comment     TEXT NOT NULL DEFAULT '',
        na          INTEGER NOT NULL DEFAULT 0 CHECK (na IN (0, 1)),
        updated_at  TEXT NOT NULL,
        PRIMARY KEY (review_id, question_id)
      ) WITHOUT ROWID;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL                             -- JSON
      );
    `);
  },
};
