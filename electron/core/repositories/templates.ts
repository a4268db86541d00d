// Templates are stored whole as JSON, keyed by id and version: reviews pin the version they used.
import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
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
  constructor(
    sql: Sql,
    /** Parsed templates by id@version, shared by the register's contexts: definitions never change once stored. */
    private readonly cache = new Map<string, StoredTemplate>(),
  ) {
    this.all = query<[], TemplateRow>(sql, 'SELECT * FROM templates ORDER BY name, version');
    this.one = query<[string, number], TemplateRow>(sql, 'SELECT * FROM templates WHERE id = ? AND version = ?');
    this.existsStmt = query<[string, number], { found: number }>(sql, 'SELECT 1 AS found FROM templates WHERE id = ? AND version = ?');
    this.latest = query<[string], TemplateRow>(sql,
      'SELECT * FROM templates WHERE id = ? ORDER BY version DESC LIMIT 1',
    );
    this.insertStmt = query(sql,
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

  async list(): Promise<StoredTemplate[]> {
    return (await this.all.all()).map((row) => this.fromRow(row));
  }

  async get(id: string, version?: number): Promise<StoredTemplate | undefined> {
    const row = version === undefined ? await this.latest.get(id) : await this.one.get(id, version);
    return row ? this.fromRow(row) : undefined;
  }

  /** Whether this id@version is stored (without reading or parsing its definition). */
  async has(id: string, version: number): Promise<boolean> {
    return await this.existsStmt.get(id, version) !== undefined;
  }

  /** Adds a template version; false when that id@version was already stored (and is left as it is). */
  async add(template: Template, builtIn: boolean, addedAt: string): Promise<boolean> {
    const { changes } = await this.insertStmt.run({
            id: template.id,
            version: template.version,
            name: template.name,
            definition: JSON.stringify(template),
            built_in: builtIn ? 1 : 0,
            added_at: addedAt,
          });
    return changes > 0;
  }
}
