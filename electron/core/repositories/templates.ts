// Templates are stored whole as JSON, keyed by id and version: reviews pin the version they used.
import type { Database } from 'better-sqlite3';
import { Template } from '../../../shared/domain/template';

interface TemplateRow {
  id: string;
  version: number;
  name: string;
  definition: string;
  built_in: number;
}

export interface StoredTemplate {
  template: Template;
  builtIn: boolean;
}

export class TemplateRepository {
  private readonly all;
  private readonly one;
  private readonly latest;
  private readonly insertStmt;
  private readonly existsStmt;
  /** Parsed templates by id@version: definitions never change once stored. */
  private readonly cache = new Map<string, StoredTemplate>();

  constructor(db: Database) {
    this.all = db.prepare<[], TemplateRow>('SELECT * FROM templates ORDER BY name, version');
    this.one = db.prepare<[string, number], TemplateRow>('SELECT * FROM templates WHERE id = ? AND version = ?');
    this.existsStmt = db.prepare<[string, number], { found: number }>('SELECT 1 AS found FROM templates WHERE id = ? AND version = ?');
    this.latest = db.prepare<[string], TemplateRow>(
      'SELECT * FROM templates WHERE id = ? ORDER BY version DESC LIMIT 1',
    );
    this.insertStmt = db.prepare(
      `INSERT INTO templates (id, version, name, definition, built_in, added_at)
       VALUES (@id, @version, @name, @definition, @built_in, @added_at)
       ON CONFLICT (id, version) DO NOTHING`,
    );
  }

  private fromRow(row: TemplateRow): StoredTemplate {
    const key = `${row.id}@${row.version}`;
    let stored = this.cache.get(key);
    if (!stored) {
      stored = { template: Template.parse(JSON.parse(row.definition)), builtIn: row.built_in === 1 };
      this.cache.set(key, stored);
    }
    return stored;
  }

  list(): StoredTemplate[] {
    return this.all.all().map((row) => this.fromRow(row));
  }

  get(id: string, version?: number): StoredTemplate | undefined {
    const row = version === undefined ? this.latest.get(id) : this.one.get(id, version);
    return row ? this.fromRow(row) : undefined;
  }

  /** Whether this id@version is stored (without reading or parsing its definition). */
  has(id: string, version: number): boolean {
    return this.existsStmt.get(id, version) !== undefined;
  }

  /** Adds a template version; an id@version already stored is left as it is. */
  add(template: Template, builtIn: boolean, addedAt: string): void {
    this.insertStmt.run({
      id: template.id,
      version: template.version,
      name: template.name,
      definition: JSON.stringify(template),
      built_in: builtIn ? 1 : 0,
      added_at: addedAt,
    });
  }
}
