import type { Database } from 'better-sqlite3';
import { VettedError } from '../../../shared/result';
import type { Migration } from './migrations/types';
import { writeTransaction } from './transactions';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a register written by a newer Vetted before anything touches it. */
export function assertNotNewer(version: number, latest: number, path: string): void {
  if (version > latest) {
    throw new VettedError(
      'schema_too_new',
      `${path} was written by a newer Vetted (schema ${version}; this version knows up to ${latest}). ` +
        'It was left untouched: open it with a newer Vetted.',
    );
  }
}

/** Applies each pending migration in its own transaction, which also sets user_version. */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  const applied: number[] = [];
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  for (const m of migrations) {
    if (m.version <= schemaVersion(db)) continue;
    writeTransaction(db, () => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    });
    applied.push(m.version);
  }
  return applied;
}
