// Taking over a stale register lock (electron/core/app-lock.ts) without ever removing a lock that
// was not the one judged stale: a live lock that replaced the stale one in between survives byte
// for byte; a lock file being written (empty, fresh) is not taken for stale; and six real processes
// racing for the same stale lock end with exactly one holder, round after round.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { acquireAppLock, GUARD_MAX_AGE_MS, lockFileFor, takeOverStale, UNREADABLE_GRACE_MS } from '../../electron/core/app-lock';
import { REPO_ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

/** The pid of a process that has exited (so it names no live process). */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', ''], { encoding: 'utf8' });
  assert.ok(done.pid > 0, 'the short-lived process had a pid');
  return done.pid;
}

const lockText = (pid: number, kind: string, since = new Date().toISOString()) => JSON.stringify({ pid, kind, host: os.hostname(), since }) + '\n';

function freshRegister(): { dir: string; register: string; file: string } {
  const dir = tempDir('vetted-lock-');
  const register = path.join(dir, 'register.db');
  return { dir, register, file: lockFileFor(register) };
}

const othersIn = (dir: string) => fs.readdirSync(dir).filter((name) => name !== 'register.db.lock').sort();

describe('takeOverStale', () => {
  it('leaves a live lock that replaced the judged stale one alone, byte for byte, and reports false', () => {
    const { dir, file } = freshRegister();
    const stale = lockText(deadPid(), 'vetted serve', '2020-01-01T00:00:00.000Z');
    fs.writeFileSync(file, stale, { mode: 0o600 });
    // Judged stale; meanwhile another process took it over and published its own, live lock.
    const live = lockText(process.ppid, 'Vetted app');
    fs.rmSync(file);
    fs.writeFileSync(file, live, { mode: 0o600 });

    assert.equal(takeOverStale(file, stale), false, 'the takeover reports that the lock is not the one judged');
    assert.equal(fs.readFileSync(file, 'utf8'), live, 'the live lock is untouched');
    assert.deepEqual(othersIn(dir), [], 'no guard or set-aside file is left behind');
  });

  it('removes the judged stale lock when it is still in place', () => {
    const { dir, file } = freshRegister();
    const stale = lockText(deadPid(), 'vetted serve');
    fs.writeFileSync(file, stale, { mode: 0o600 });
    assert.equal(takeOverStale(file, stale), true, 'the way is clear');
    assert.equal(fs.existsSync(file), false, 'the stale lock is gone');
    assert.deepEqual(othersIn(dir), [], 'no guard is left behind');
  });

  it('does nothing while another live process is taking the same lock over', () => {
    const { file } = freshRegister();
    const stale = lockText(deadPid(), 'vetted serve');
    fs.writeFileSync(file, stale, { mode: 0o600 });
    const guard = lockText(process.ppid, 'taking over the lock');
    fs.writeFileSync(`${file}.takeover`, guard, { mode: 0o600 });
    assert.equal(takeOverStale(file, stale), false, 'refused while the guard is held');
    assert.equal(fs.readFileSync(file, 'utf8'), stale, 'the lock is left to the process holding the guard');
    assert.equal(fs.readFileSync(`${file}.takeover`, 'utf8'), guard, 'the live guard is untouched');
  });

  it('clears a guard left by a process that died mid-takeover', () => {
    const { dir, file } = freshRegister();
    const stale = lockText(deadPid(), 'vetted serve');
    fs.writeFileSync(file, stale, { mode: 0o600 });
    fs.writeFileSync(`${file}.takeover`, lockText(deadPid(), 'taking over the lock'), { mode: 0o600 });
    assert.equal(takeOverStale(file, stale), true, 'the dead guard does not block the takeover');
    assert.deepEqual(othersIn(dir), [], 'neither the stale lock nor the dead guard is left');
  });
  it('clears a guard left long ago even when its pid names a live process (reused since)', () => {
    const { dir, file } = freshRegister();
    const stale = lockText(deadPid(), 'vetted serve');
    fs.writeFileSync(file, stale, { mode: 0o600 });
    fs.writeFileSync(`${file}.takeover`, lockText(process.ppid, 'taking over the lock'), { mode: 0o600 });
    const old = (Date.now() - GUARD_MAX_AGE_MS - 60_000) / 1000;
    fs.utimesSync(`${file}.takeover`, old, old);
    assert.equal(takeOverStale(file, stale), true, 'the old guard does not block the takeover');
    assert.deepEqual(othersIn(dir), [], 'neither the stale lock nor the old guard is left');
  });
});

describe('acquireAppLock and a lock file that names no process', () => {
  it('counts an empty lock file written just now as being written, and leaves it', () => {
    const { file, register } = freshRegister();
    fs.writeFileSync(file, '', { mode: 0o600 });
    assert.throws(() => acquireAppLock(register, 'vetted serve'), (error: Error) => {
      assert.match(error.message, /another process is taking the lock .*register\.db\.lock right now; try again/);
      return true;
    });
    assert.equal(fs.readFileSync(file, 'utf8'), '', 'the lock being written is left alone');
  });

  it('takes over an empty lock file that has stayed empty past the grace period', () => {
    const { file, register } = freshRegister();
    fs.writeFileSync(file, '', { mode: 0o600 });
    const old = (Date.now() - UNREADABLE_GRACE_MS - 60_000) / 1000;
    fs.utimesSync(file, old, old);
    const lock = acquireAppLock(register, 'vetted serve');
    after(() => lock.release());
    const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number; kind: string };
    assert.deepEqual([holder.pid, holder.kind], [process.pid, 'vetted serve'], 'the lock is now this process\'s');
  });

  it('publishes the lock whole, private, with no temp file left beside it', () => {
    const { dir, file, register } = freshRegister();
    const lock = acquireAppLock(register, 'vetted serve');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600, 'the lock file is private');
    assert.deepEqual(othersIn(dir), [], 'no temp file is left');
    lock.release();
    assert.equal(fs.existsSync(file), false, 'release removes it');
  });
});

interface Contender {
  child: ChildProcessWithoutNullStreams;
  next(): Promise<string>;
}

function startContender(register: string): Contender {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/fixtures/app-lock-contender.ts'), register], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffered = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const line of parts) {
      const waiter = waiting.shift();
      if (waiter) waiter(line);
      else lines.push(line);
    }
  });
  const ended = new Promise<string>((resolve) => child.on('exit', (code) => resolve(`exited ${code}: ${stderr}`)));
  const next = () => {
    const line = lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return Promise.race([new Promise<string>((resolve) => waiting.push(resolve)), ended]);
  };
  return { child, next };
}

describe('six processes racing for the same stale lock', () => {
  it('ends with exactly one holder every round, named to the others', async () => {
    const { file, register } = freshRegister();
    const contenders = Array.from({ length: 6 }, () => startContender(register));
    after(() => contenders.forEach((c) => c.child.stdin.end()));
    for (const [i, c] of contenders.entries()) assert.equal(await c.next(), 'ready', `contender ${i} started`);

    for (let round = 0; round < 15; round++) {
      // Stale either way a lock can be: its process is gone, or it was cut short long ago.
      if (round % 2 === 0) fs.writeFileSync(file, lockText(deadPid(), 'vetted serve'), { mode: 0o600 });
      else {
        fs.writeFileSync(file, '', { mode: 0o600 });
        const old = (Date.now() - UNREADABLE_GRACE_MS - 60_000) / 1000;
        fs.utimesSync(file, old, old);
      }
      for (const c of contenders) c.child.stdin.write('go\n');
      const results = await Promise.all(contenders.map((c) => c.next()));
      const winners = contenders.filter((_, i) => results[i] === 'won');
      assert.equal(winners.length, 1, `round ${round}: exactly one process holds the lock:\n${results.join('\n')}`);
      const winnerPid = winners[0]!.child.pid;
      const holder = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid: number };
      assert.equal(holder.pid, winnerPid, `round ${round}: the lock file names the winner`);
      for (const result of results.filter((r) => r !== 'won')) {
        assert.ok(
          result.startsWith(`lost the register is open in contender (pid ${winnerPid},`) || /^lost .*try again$/.test(result),
          `round ${round}: a loser names the winner or asks to try again: ${result}`,
        );
      }
      for (const c of contenders) c.child.stdin.write('release\n');
      for (const [i, c] of contenders.entries()) assert.equal(await c.next(), 'released', `round ${round}: contender ${i} released`);
      assert.equal(fs.existsSync(file), false, `round ${round}: the winner's release removed the lock`);
    }
  });
});
