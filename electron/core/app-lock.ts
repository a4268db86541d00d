// The lock a running Vetted (the desktop app, `vetted serve`) holds on its register, so that a
// command that replaces the register file (restore) can see it and refuse instead of swapping the
// file under a server that would go on acknowledging saves into the old one.
// A file beside the register, `<register>.lock`, mode 0600, holding who has it open. It is published
// whole (written to a temp file, then hard-linked into place, which fails if a lock is there), so no
// one ever reads it half written. A lock whose process is gone (a crash, kill -9) is stale and taken
// over, under a short-lived guard so that two processes taking over the same stale lock cannot
// remove each other's fresh one.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { VettedError } from '../../shared/result';

export interface LockHolder {
  pid: number;
  /** What has the register open, in words: "vetted serve", "Vetted app", "vetted restore". */
  kind: string;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
}

export interface AppLock {
  file: string;
  holder: LockHolder;
  /** Removes the lock file if it is still this process's; safe to call twice. */
  release(): void;
}

/**
 * How long a lock (or guard) file that names no process counts as being written. Versions before
 * the publish-by-link wrote the file in place, so it was empty for a moment; anything that stays
 * unreadable longer was cut short (a full disk, a crash) and is stale.
 */
export const UNREADABLE_GRACE_MS = 5_000;

/**
 * A takeover holds its guard for milliseconds; one older than this is left over whatever it names
 * (its pid reused since, or another host's), and waiting on it would block every takeover for good.
 */
export const GUARD_MAX_AGE_MS = 30_000;

/**
 * The lock beside the register's real file: a symlink, or the folder reached through one, names
 * the same register and must meet the same lock (else restore through one path would replace the
 * file the app has open through another).
 */
export function lockFileFor(register: string): string {
  return `${realFile(register)}.lock`;
}

function realFile(register: string): string {
  const resolved = path.resolve(register);
  try {
    return fs.realpathSync(resolved);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(resolved)), path.basename(resolved));
    } catch {
      return resolved;
    }
  }
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException).code;

/**
 * Creates `file` holding `text`, or returns false when it exists. Others see the file whole or not
 * at all: the text goes to a private temp file first, which is then hard-linked to the name (link
 * never replaces an existing file).
 */
export function publishExclusive(file: string, text: string): boolean {
  const temp = `${file}.${process.pid}-${crypto.randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(temp, text, { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    // A file system without hard links (FAT, some network shares): create in place; the moment it
    // is empty is covered by UNREADABLE_GRACE_MS.
    if (['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes(errorCode(error) ?? '')) return createInPlace(file, text);
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function createInPlace(file: string, text: string): boolean {
  try {
    fs.writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

interface LockReading {
  /** The file's exact text, as judged: a takeover compares against it. */
  text: string;
  mtimeMs: number;
}

/** The file's text and modification time, read from one open file; null when there is none. */
function readLock(file: string): LockReading | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const { mtimeMs } = fs.fstatSync(fd);
    return { text: fs.readFileSync(fd, 'utf8'), mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

/** The holder a lock's text names, or null for a file that names none (empty, cut short). */
function parseHolder(text: string): LockHolder | null {
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return { pid: parsed.pid, kind: String(parsed.kind ?? 'Vetted'), host: String(parsed.host ?? ''), since: String(parsed.since ?? '') };
    }
  } catch {
    // fall through
  }
  return null;
}

/** True when the holder's process still runs. On another host nothing can be checked: assume it does. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== '' && holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return errorCode(error) === 'EPERM';
  }
}

const isMine = (holder: LockHolder): boolean => holder.pid === process.pid && holder.host === os.hostname();

type Verdict = { state: 'mine' | 'alive'; holder: LockHolder } | { state: 'being written' } | { state: 'stale' };

function judge(reading: LockReading): Verdict {
  const holder = parseHolder(reading.text);
  if (!holder) return Date.now() - reading.mtimeMs < UNREADABLE_GRACE_MS ? { state: 'being written' } : { state: 'stale' };
  if (isMine(holder)) return { state: 'mine', holder };
  return isAlive(holder) ? { state: 'alive', holder } : { state: 'stale' };
}

/**
 * Removes the stale lock `file` if it still holds exactly `judgedText`, and says whether the way is
 * now clear to create a lock. False when the file was replaced since it was judged (another process
 * took it over first: its live lock stays, byte for byte) or another takeover is under way.
 * Deleting by name is safe only because every takeover holds `<lock>.takeover` (created
 * exclusively, naming this process): while it is held no one else removes the lock file, and a
 * creator only ever adds one where there is none.
 */
export function takeOverStale(file: string, judgedText: string): boolean {
  const guard = `${file}.takeover`;
  const mine = JSON.stringify(newHolder('taking over the lock')) + '\n';
  if (!claimGuard(guard, mine)) return false;
  try {
    const current = readLock(file);
    if (current === null) return true;
    if (current.text !== judgedText) return false;
    fs.rmSync(file, { force: true });
    return true;
  } finally {
    if (readLock(guard)?.text === mine) fs.rmSync(guard, { force: true });
  }
}

/** Takes the takeover guard; one left by a process that died mid-takeover (or long ago) is cleared first. */
function claimGuard(guard: string, mine: string): boolean {
  for (let round = 0; round < 2; round++) {
    if (publishExclusive(guard, mine)) return true;
    const found = readLock(guard);
    if (found === null) continue;
    const leftOver = Date.now() - found.mtimeMs > GUARD_MAX_AGE_MS || judge(found).state === 'stale';
    if (!leftOver) return false;
    if (!removeIfUnchanged(guard, found.text)) return false;
  }
  return false;
}

/**
 * Removes `file` if it still holds `judgedText`, never a file that was not judged: it is first
 * moved aside (atomic), then compared; a file that differs is linked back (which never replaces
 * one created meanwhile) and kept. Used only for a dead taker's guard, where two processes
 * clearing the same guard at once is the rare case this must survive.
 */
function removeIfUnchanged(file: string, judgedText: string): boolean {
  const aside = `${file}.stale-${process.pid}-${crypto.randomBytes(6).toString('hex')}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return true;
    throw error;
  }
  try {
    if (readLock(aside)?.text === judgedText) return true;
    try {
      fs.linkSync(aside, file);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    return false;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}

function newHolder(kind: string): LockHolder {
  return { pid: process.pid, kind, host: os.hostname(), since: new Date().toISOString() };
}

function timeOfDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return 'an unknown time';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "vetted serve (pid 1234, since 07:02)", with the host when it is another machine. */
export function describeHolder(holder: LockHolder): string {
  const where = holder.host && holder.host !== os.hostname() ? ` on ${holder.host}` : '';
  return `${holder.kind} (pid ${holder.pid}${where}, since ${timeOfDay(holder.since)})`;
}

/** The live process other than this one that has the register open, or null. */
export function otherLiveHolder(register: string): LockHolder | null {
  const reading = readLock(lockFileFor(register));
  const verdict = reading && judge(reading);
  return verdict?.state === 'alive' ? verdict.holder : null;
}

function refusal(file: string, verdict: Verdict | null): VettedError {
  switch (verdict?.state) {
    case 'mine':
      return new VettedError('conflict', `this process already holds ${file}`);
    case 'alive':
      return new VettedError('conflict', `the register is open in ${describeHolder(verdict.holder)}; close it first`);
    case 'being written':
      return new VettedError('conflict', `another process is taking the lock ${file} right now; try again`);
    default:
      return new VettedError('conflict', `could not take the lock ${file}; try again`);
  }
}

/**
 * Takes the register's lock for this process, or throws a VettedError('conflict') naming the live
 * process that holds it. A stale lock (its process is gone) is taken over.
 */
export function acquireAppLock(register: string, kind: string): AppLock {
  const file = lockFileFor(register);
  const holder = newHolder(kind);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Three rounds: a stale lock taken over (or one released meanwhile) leaves the way clear, but
  // another process may create its lock first; then that one is live and named in the refusal.
  for (let round = 0; round < 3; round++) {
    if (publishExclusive(file, JSON.stringify(holder) + '\n')) return { file, holder, release: () => releaseIfMine(file) };
    const found = readLock(file);
    if (found === null) continue;
    const verdict = judge(found);
    if (verdict.state !== 'stale') throw refusal(file, verdict);
    takeOverStale(file, found.text);
  }
  const found = readLock(file);
  throw refusal(file, found && judge(found));
}

function releaseIfMine(file: string): void {
  try {
    const found = readLock(file);
    const holder = found && parseHolder(found.text);
    if (holder && isMine(holder)) fs.rmSync(file, { force: true });
  } catch {
    // nothing to release
  }
}

/**
 * Runs `replace` (which swaps the register file) holding the lock, so no Vetted opens the register
 * meanwhile. Refused while another live process holds it, unless `force` (only for a lock that is
 * known to be wrong: the app is closed, e.g. a lock from another machine sharing the folder). A lock
 * this process holds already (the desktop app restoring its own register, closed first) is used as is.
 */
export function withRegisterLock<T>(register: string, kind: string, replace: () => T, options: { force?: boolean } = {}): T {
  const existing = readLock(lockFileFor(register));
  const existingHolder = existing && parseHolder(existing.text);
  if (existingHolder && isMine(existingHolder)) return replace();
  let lock: AppLock | null = null;
  try {
    lock = acquireAppLock(register, kind);
  } catch (error) {
    // --force stays the user's word that the app is closed: a lock can look alive when it is not
    // (after a restart its pid may belong to another program, or it names another machine).
    if (!(error instanceof VettedError) || !options.force) throw error;
  }
  try {
    return replace();
  } finally {
    lock?.release();
  }
}
