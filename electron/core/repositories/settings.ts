import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';

/** Settings as key → JSON rows; keys not stored yet read as their default. */
export class SettingsRepository {
  private readonly all;
  private readonly upsert;

  constructor(db: Database) {
    this.all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
    this.upsert = db.prepare<[string, string]>(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get(): Settings {
    const settings: Settings = { ...DEFAULT_SETTINGS };
    for (const { key, value } of this.all.all()) {
      if (Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, key)) {
        (settings as unknown as Record<string, unknown>)[key] = JSON.parse(value);
      }
    }
    return settings;
  }

  set(values: Partial<Settings>): void {
    for (const [key, value] of Object.entries(values)) {
      if (value !== undefined) this.upsert.run(key, JSON.stringify(value));
    }
  }
}
