// Backups of the register file and restoring one. Not API operations: a renderer must never name
// file paths. The CLI calls these directly, and the desktop menu will (closing and reopening the
// register around a restore).
import { notOnTeamRegister } from '../db/store/team-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { VettedError } from '../../../shared/result';
import { withRegisterLock } from '../app-lock';
import type { Context } from '../context';
import { busyError, isBusyError } from '../db/busy';
import { assertNotNewer, schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { OpenOptions } from '../db/open';

/** The tables every Vetted register has; a file without them is not one. */
const REGISTER_TABLES = ['vendors', 'templates', 'reviews', 'answers', 'settings'];
const SIDE_FILES = ['-wal', '-shm', '-journal'];

export interface BackupResult {
  file: string;
  bytes: number;
}

/** True when both paths name the same file (also through a symlink or a hard link). */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function removeQuietly(file: string): void {
  for (const f of [file, ...SIDE_FILES.map((s) => file + s)]) fs.rmSync(f, { force: true });
}

/**
 * Copies the open register to `target` with SQLite's online backup, which gives a consistent
 * snapshot while the app keeps working (a write by another connection restarts the copy). The
 * copy is written beside the target, checked, switched to a single self-contained file
 * (journal_mode DELETE) and only then renamed into place, so a failure never leaves half a backup.
 */
export async function backupRegister(ctx: Context, target: string, options: OpenOptions = {}): Promise<BackupResult> {
  if (ctx.sql.dialect !== 'sqlite') throw notOnTeamRegister('a backup from Vetted (back a team register up on its server: docs/team.md, "Backups")');
  const file = path.resolve(target);
  const live = ctx.dbPath;
  if ([live, ...SIDE_FILES.map((s) => live + s)].some((f) => sameFile(f, file))) {
    throw new VettedError('validation', `${file} is the register itself; choose another file for the backup.`);
  }
  const dir = path.dirname(file);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new VettedError('validation', `the folder ${dir} does not exist.`);
  }
  if (fs.existsSync(file) && !fs.statSync(file).isFile()) throw new VettedError('validation', `${file} is not a file.`);
  // A random name created exclusively: a file or symlink planted under a predictable name in a
  // shared folder is never truncated, followed or written through.
  const temp = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.partial`;
  try {
    // Made empty and private first: SQLite would create it with the umask's mode (0644 under 022),
    // readable by others while the copy runs.
    fs.writeFileSync(temp, '', { mode: 0o600, flag: 'wx' });
    fs.chmodSync(temp, 0o600);
    await ctx.db.backup(temp);
    const copy = new Database(temp, { ...driverOptions(options), fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const problem = integrityProblem(copy);
      if (problem) throw new Error(`the copy failed its integrity check (${problem})`);
    } finally {
      copy.close();
    }
    fs.renameSync(temp, file);
  } catch (error) {
    removeQuietly(temp);
    if (error instanceof VettedError) throw error;
    // Another Vetted writing the whole time: 'busy' (exit 75, try again), not a failed backup.
    if (isBusyError(error)) throw busyError();
    throw new VettedError('conflict', `The backup to ${file} failed: ${(error as Error).message}`);
  }
  return { file, bytes: fs.statSync(file).size };
}

function driverOptions(options: OpenOptions): Database.Options {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
}

/** null when PRAGMA integrity_check says ok; otherwise its first complaint. */
function integrityProblem(db: Db): string | null {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const first = rows[0]?.integrity_check ?? 'no answer';
  return rows.length === 1 && first === 'ok' ? null : first;
}

/**
 * Throws a VettedError unless `file` is a Vetted register this version can open: an SQLite
 * database, schema 1..latest (a newer one is refused with code schema_too_new), the register's
 * tables, and a clean PRAGMA integrity_check. `shownAs` names the file in messages.
 */
export function checkRegisterFile(file: string, shownAs: string, options: OpenOptions = {}): void {
  let db: Db | undefined;
  try {
    db = new Database(file, { ...driverOptions(options), fileMustExist: true });
    const version = schemaVersion(db);
    assertNotNewer(version, LATEST_SCHEMA_VERSION, shownAs);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    const missing = REGISTER_TABLES.filter((t) => !tables.has(t));
    if (version < 1 || missing.length > 0) {
      throw new VettedError('validation', `${shownAs} is an SQLite database but not a Vetted register.`);
    }
    const problem = integrityProblem(db);
    if (problem) throw new VettedError('validation', `${shownAs} is damaged: PRAGMA integrity_check says ${problem}`);
  } catch (error) {
    if (error instanceof VettedError) throw error;
    throw new VettedError('validation', `${shownAs} is not a Vetted register (${(error as Error).message}).`);
  } finally {
    db?.close();
  }
}

export interface RestoreOptions extends OpenOptions {
  /** For the kept file's time stamp; the clock when omitted. */
  now?: () => Date;
  /**
   * Replace the file even though a running Vetted holds the register's lock. Only after that app
   * is closed (a lock left by another machine on a shared folder): a running server would go on
   * saving into the replaced file, and those saves would be lost.
   */
  force?: boolean;
}

export interface RestoreResult {
  /** The register file, now holding the backup. */
  register: string;
  /** Where the register that was replaced is kept; null when there was none. */
  keptAs: string | null;
}

function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** `<name>.before-restore-<timestamp>.db` beside the register, never an existing file. */
function keptName(register: string, now: Date): string {
  const dir = path.dirname(register);
  const base = path.basename(register, path.extname(register));
  const stem = path.join(dir, `${base}.before-restore-${timestamp(now)}`);
  let candidate = `${stem}.db`;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${stem}-${n}.db`;
  return candidate;
}

/**
 * Replaces the register at `registerPath` with `backupFile`. The caller closes the register first
 * and reopens it afterwards. The backup is copied beside the register and that copy is checked
 * (checkRegisterFile) before anything is touched: a file that is not a register, is damaged or
 * comes from a newer Vetted is refused and everything stays as it was. Then the current register
 * (with its -wal, if any) is renamed to `<name>.before-restore-<timestamp>.db` and the copy takes
 * its place. The backup file itself is only read.
 */
export function restoreRegister(registerPath: string, backupFile: string, options: RestoreOptions = {}): RestoreResult {
  const register = path.resolve(registerPath);
  const source = path.resolve(backupFile);
  if (!fs.existsSync(source)) throw new VettedError('not_found', `${source} does not exist.`);
  if (!fs.statSync(source).isFile()) throw new VettedError('validation', `${source} is not a file.`);
  if (sameFile(source, register)) throw new VettedError('validation', `${source} is the register itself.`);
  fs.mkdirSync(path.dirname(register), { recursive: true, mode: 0o700 });
  // Held for the whole swap: refused while the app or `vetted serve` has the register open, and no
  // Vetted can open it half-swapped.
  return withRegisterLock(register, 'vetted restore', () => swapIn(register, source, options), { force: options.force });
}

function swapIn(register: string, source: string, options: RestoreOptions): RestoreResult {
  const temp = `${register}.restore-${process.pid}-${randomBytes(6).toString('hex')}.partial`;
  try {
    // COPYFILE_EXCL: never through a file or symlink already there.
    fs.copyFileSync(source, temp, fs.constants.COPYFILE_EXCL);
    // copyFile carries the backup's mode over; the register is the user's alone.
    fs.chmodSync(temp, 0o600);
    checkRegisterFile(temp, source, options);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }

  let keptAs: string | null = null;
  const moved: [string, string][] = [];
  try {
    if (fs.existsSync(register)) {
      keptAs = keptName(register, (options.now ?? (() => new Date()))());
      for (const suffix of ['', ...SIDE_FILES]) {
        if (!fs.existsSync(register + suffix)) continue;
        fs.renameSync(register + suffix, keptAs + suffix);
        moved.push([keptAs + suffix, register + suffix]);
      }
    }
    fs.renameSync(temp, register);
  } catch (error) {
    // Put back what was moved, so a failed swap leaves the register where it was.
    for (const [from, to] of moved.reverse()) {
      try {
        fs.renameSync(from, to);
      } catch {
        // nothing more to do: the message below names both files
      }
    }
    removeQuietly(temp);
    throw new VettedError('conflict', `Could not swap in the backup: ${(error as Error).message}. The register ${register} was left in place.`);
  }
  return { register, keptAs };
}
