// Opens (or creates) a register file: checks the schema version first, then migrates.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { VettedError } from '../../../shared/result';
import { createPrivateFile, keepPrivate, makePrivateFolder } from '../private-files';
import { registerAuditFunctions } from './audit-chain';
import { assertNotNewer, migrate, schemaVersion } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

export interface OpenOptions {
  /**
   * Path of a better_sqlite3.node built for the running ABI. The Electron main process passes
   * its Electron-ABI build here; Node (tests, CLI) uses the package's own build.
   */
  nativeBinding?: string;
}

export interface Register {
  db: Db;
  path: string;
  close(): void;
}

export function openRegister(file: string, options: OpenOptions = {}): Register {
  const resolved = path.resolve(file);
  const exists = fs.existsSync(resolved);
  // The register is 0600 in a 0700 folder; SQLite gives the -wal and -shm it makes the register's mode.
  if (exists) {
    refuseNewerOrForeign(resolved, options);
    keepPrivate(resolved);
  } else {
    makePrivateFolder(path.dirname(resolved));
    createPrivateFile(resolved);
  }

  const db = new Database(resolved, driverOptions(options));
  try {
    db.pragma('journal_mode = WAL');
    for (const side of ['-wal', '-shm']) keepPrivate(resolved + side);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // FULL: an answer the API acknowledged survives a crash of the process and of the machine.
    db.pragma('synchronous = FULL');
    // The audit trail's triggers hash each row with it (migration 008), so before any write.
    registerAuditFunctions(db);
    migrate(db, MIGRATIONS);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, path: resolved, close: () => db.close() };
}

function driverOptions(options: OpenOptions): Database.Options {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
}

/**
 * Looks at an existing file read-only, so that a register from a newer Vetted, or a file that
 * is not a register at all, is refused byte-identical (setting WAL would rewrite its header).
 */
function refuseNewerOrForeign(file: string, options: OpenOptions): void {
  let probe: Db | undefined;
  try {
    probe = new Database(file, { ...driverOptions(options), readonly: true, fileMustExist: true });
    const version = schemaVersion(probe);
    assertNotNewer(version, LATEST_SCHEMA_VERSION, file);
    if (version === 0) {
      const tables = probe.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new VettedError('validation', `${file} is an SQLite database but not a Vetted register.`);
    }
  } catch (error) {
    if (error instanceof VettedError) throw error;
    throw new VettedError('validation', `${file} is not a Vetted register (${(error as Error).message}).`);
  } finally {
    probe?.close();
  }
}
