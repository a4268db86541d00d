import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';

/** Settings as key → JSON rows; keys not stored yet read as their default. */
export class SettingsRepository {
  private readonly all;
  private readonly upsert;

  constructor(sql: Sql) {
    this.all = query<[], { key: string; value: string }>(sql, 'SELECT key, value FROM settings');
    this.upsert = query<[string, string]>(sql,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  async get(): Promise<Settings> {
    const settings: Settings = { ...DEFAULT_SETTINGS };
    for (const { key, value } of await this.all.all()) {
      if (Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, key)) {
        (settings as unknown as Record<string, unknown>)[key] = JSON.parse(value);
      }
    }
    return settings;
  }

  async set(values: Partial<Settings>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      if (value !== undefined) await this.upsert.run(key, JSON.stringify(value));
    }
  }
}
