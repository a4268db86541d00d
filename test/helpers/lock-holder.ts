// Starts test/fixtures/lock-holder.ts: another process holding a register's write lock.
import { spawn } from 'node:child_process';
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
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/fixtures/lock-holder.ts'), dbPath, String(hold)], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited with ${code}: ${stderr}`))));
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('held\n')) resolve();
    });
    done.then(() => reject(new Error(`lock holder ended before holding the lock: ${stdout}${stderr}`)), reject);
  });
  return { release: () => child.stdin.end(), done };
}
