// Starts test/fixtures/lock-holder.ts: another process holding a register's write lock.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './cli';

export interface LockHolder {
  /** Closes the holder's stdin (for a holder started with 'stdin'), so it commits and exits. */
  release(): void;
  /** Resolves when the holder committed and exited. */
  done: Promise<void>;
}

/** Resolves once the lock is held: for `hold` ms, or until release() when hold is 'stdin'. */
export async function holdWriteLock(dbPath: string, hold: number | 'stdin'): Promise<LockHolder> {
  const holder = start(dbPath, [String(hold)]);
  await holder.line('held');
  return { release: () => holder.child.stdin.end(), done: holder.done };
}

/**
 * A holder started now that takes the lock for `ms` only when hold() is called, so the lock is
 * taken at once then (no process start in between). hold() resolves once it is held.
 */
export interface ReadyHolder {
  hold(): Promise<void>;
  /** Lets a holder never told to hold exit without taking the lock. */
  cancel(): void;
  /** Resolves when the holder says it committed. */
  released(): Promise<void>;
  done: Promise<void>;
}

export async function readyToHoldWriteLock(dbPath: string, ms: number): Promise<ReadyHolder> {
  const holder = start(dbPath, [String(ms), 'when-told']);
  await holder.line('ready');
  return {
    hold: () => {
      holder.child.stdin.write('hold\n');
      return holder.line('held');
    },
    cancel: () => holder.child.stdin.end(),
    released: () => holder.line('released'),
    done: holder.done,
  };
}

function start(dbPath: string, args: string[]) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/fixtures/lock-holder.ts'), dbPath, ...args], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited with ${code}: ${stdout}${stderr}`))));
  });
  /** Resolves when the holder printed `word` on a line of its own. */
  const line = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!stdout.split('\n').includes(word)) return false;
        child.stdout.off('data', check);
        resolve();
        return true;
      };
      if (check()) return;
      child.stdout.on('data', check);
      done.then(() => reject(new Error(`lock holder ended before "${word}": ${stdout}${stderr}`)), reject);
    });
  return { child, done, line };
}
