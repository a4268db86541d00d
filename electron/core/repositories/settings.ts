import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain/settings';

/**
 * Settings as key → JSON rows; keys not stored yet read as their default. On a team register "your
 * name" is each member's own (member_names, migration 016): read and written for the session's
 * database role, the register's user-name setting being the name of whoever set none.
 */
export class SettingsRepository {
  private readonly all;
  private readonly upsert;
  private readonly team: { own: ReturnType<typeof query<[], { name: string }>>; name: ReturnType<typeof query<[string]>>; unname: ReturnType<typeof query<[]>> } | null;

  constructor(sql: Sql) {
    this.team =
      sql.dialect === 'postgres'
        ? {
            own: query<[], { name: string }>(sql, 'SELECT name FROM member_names WHERE db_role = session_user'),
            name: query<[string]>(sql,
              `INSERT INTO member_names (name, updated_at) VALUES (?, to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
               ON CONFLICT (db_role) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
            ),
            unname: query<[]>(sql, 'DELETE FROM member_names WHERE db_role = session_user'),
          }
        : null;
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
    const own = this.team ? await this.team.own.get() : undefined;
    if (own) settings.userName = own.name;
    return settings;
  }

  async set(values: Partial<Settings>): Promise<void> {
    if (this.team && values.userName !== undefined) {
      const { userName, ...rest } = values;
      if (userName.trim() === '') await this.team.unname.run();
      else await this.team.name.run(userName);
      values = rest;
    }
    for (const [key, value] of Object.entries(values)) {
      if (value !== undefined) await this.upsert.run(key, JSON.stringify(value));
    }
  }
}
