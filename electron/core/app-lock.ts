// The lock a running Vetted (the desktop app, `vetted serve`) holds on its register, so that a
// command that replaces the register file (restore) can see it and refuse instead of swapping the
// file under a server that would go on acknowledging saves into the old one.
// A file beside the register, `<register>.lock`, created with O_EXCL ('wx') and mode 0600, holding
// who has it open. A lock whose process is gone (a crash, kill -9) is stale and taken over.
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

function readHolder(file: string): LockHolder | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0) {
      return { pid: parsed.pid, kind: String(parsed.kind ?? 'Vetted'), host: String(parsed.host ?? ''), since: String(parsed.since ?? '') };
    }
  } catch {
    // fall through: an unreadable lock (e.g. cut short by a full disk) names no live process
  }
  return { pid: 0, kind: 'an unknown process', host: '', since: '' };
}

/** True when the holder's process still runs. On another host nothing can be checked: assume it does. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== '' && holder.host !== os.hostname()) return true;
  if (holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const isMine = (holder: LockHolder): boolean => holder.pid === process.pid && holder.host === os.hostname();

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
  const holder = readHolder(lockFileFor(register));
  return holder && !isMine(holder) && isAlive(holder) ? holder : null;
}

function openMessage(holder: LockHolder): string {
  return `the register is open in ${describeHolder(holder)}; close it first`;
}

/**
 * Takes the register's lock for this process, or throws a VettedError('conflict') naming the live
 * process that holds it. A stale lock (its process is gone) is removed and taken over.
 */
export function acquireAppLock(register: string, kind: string): AppLock {
  const file = lockFileFor(register);
  const holder: LockHolder = { pid: process.pid, kind, host: os.hostname(), since: new Date().toISOString() };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Two rounds: the second after removing a stale lock (another process may win that race; then
  // its lock is live and named in the refusal).
  for (let round = 0; round < 2; round++) {
    try {
      fs.writeFileSync(file, JSON.stringify(holder) + '\n', { flag: 'wx', mode: 0o600 });
      return { file, holder, release: () => releaseIfMine(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readHolder(file);
    if (current && isMine(current)) throw new VettedError('conflict', `this process already holds ${file}`);
    if (current && isAlive(current)) throw new VettedError('conflict', openMessage(current));
    fs.rmSync(file, { force: true });
  }
  const current = readHolder(file);
  throw new VettedError('conflict', current ? openMessage(current) : `could not take the lock ${file}; try again`);
}

function releaseIfMine(file: string): void {
  try {
    const current = readHolder(file);
    if (current && isMine(current)) fs.rmSync(file, { force: true });
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
  const existing = readHolder(lockFileFor(register));
  if (existing && isMine(existing)) return replace();
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
