// The running app's lock on its register (electron/core/app-lock.ts), seen by `vetted restore`:
// with a real `vetted serve` child process, restore is refused and names it, the register stays as
// it was and the server's saves keep landing in it; once the server is stopped, restore works. A
// lock left by a process that is gone, or cut short long ago, is taken over; one being written is not.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliRegister, REPO_ROOT, runCli } from '../helpers/cli';
import { dumpRegister } from '../helpers/db-dump';
import { spawnServe, type ServeProcess } from '../helpers/serve-process';

before(() => {
  // `vetted serve` refuses to start without the built page.
  if (fs.existsSync(path.join(REPO_ROOT, 'dist/renderer/index.html'))) return;
  const built = spawnSync('npm', ['run', '-s', 'build:renderer'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(built.status, 0, `build:renderer:\n${built.stderr}`);
});

async function serve(db: string, env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const served = await spawnServe(['--db', db, '--port', '0'], env);
  after(() => served.stop());
  return served;
}

async function createVendor(served: ServeProcess, name: string): Promise<void> {
  const res = await fetch(`${served.origin}/api/vendor.create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` },
    body: JSON.stringify({ name }),
  });
  const result = (await res.json()) as { ok: boolean };
  assert.equal(result.ok, true, `vendor.create ${name} through the server: ${JSON.stringify(result)}`);
}

/** The pid of a process that has exited (so it names no live process). */
function deadPid(): number {
  const done = spawnSync(process.execPath, ['-e', ''], { encoding: 'utf8' });
  assert.ok(done.pid > 0, 'the short-lived process had a pid');
  return done.pid;
}

function writeLock(db: string, pid: number, kind = 'vetted serve'): void {
  fs.writeFileSync(`${db}.lock`, JSON.stringify({ pid, kind, host: os.hostname(), since: new Date().toISOString() }), { mode: 0o600 });
}

describe('vetted restore and the running app', () => {
  it('is refused while vetted serve has the register open, naming it; saves still land; works once it stops', async () => {
    const { dir, db, env, ok, vetted } = cliRegister();
    const backup = path.join(dir, 'backup.db');
    ok('vendor', 'add', 'In the backup');
    ok('backup', '--out', backup);
    ok('vendor', 'add', 'Added after the backup');

    const served = await serve(db, env);
    const lockFile = `${db}.lock`;
    assert.ok(fs.existsSync(lockFile), 'vetted serve holds a lock beside the register');
    assert.equal(fs.statSync(lockFile).mode & 0o777, 0o600, 'the lock file is private');
    const holder = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid: number; kind: string; host: string };
    assert.deepEqual([holder.pid, holder.kind, holder.host], [served.process.pid, 'vetted serve', os.hostname()]);

    const before = dumpRegister(db);
    const refused = vetted('restore', backup);
    assert.equal(refused.status, 2, `refused with exit 2:\n${refused.stdout}${refused.stderr}`);
    assert.match(
      refused.stderr,
      new RegExp(`the register is open in vetted serve \\(pid ${served.process.pid}, since \\d\\d:\\d\\d\\); close it first`),
    );
    assert.deepEqual(dumpRegister(db), before, 'the register is unchanged');
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('before-restore') || f.includes('partial')), [], 'nothing was moved or left behind');

    await createVendor(served, 'Saved after the refused restore');
    assert.match(ok('list'), /Saved after the refused restore/, 'the server saved into the register the CLI reads');

    await served.stop();
    assert.equal(fs.existsSync(lockFile), false, 'a clean stop removes the lock');
    assert.match(ok('restore', backup), /Restored .*register\.db/);
    const names = ok('list');
    assert.match(names, /In the backup/);
    assert.doesNotMatch(names, /Added after the backup/, 'the backup replaced the register');
    assert.equal(fs.existsSync(lockFile), false, 'restore gives its own lock back');
  });

  it('takes over a lock whose process is gone (serve and restore alike)', async () => {
    const { dir, db, env, ok } = cliRegister();
    const backup = path.join(dir, 'backup.db');
    ok('vendor', 'add', 'In the backup');
    ok('backup', '--out', backup);

    writeLock(db, deadPid());
    assert.match(ok('restore', backup), /Restored/, 'a stale lock does not block restore');
    assert.equal(fs.existsSync(`${db}.lock`), false, 'the stale lock is gone');

    writeLock(db, deadPid());
    const served = await serve(db, env);
    const holder = JSON.parse(fs.readFileSync(`${db}.lock`, 'utf8')) as { pid: number };
    assert.equal(holder.pid, served.process.pid, 'vetted serve took the stale lock over');
  });

  it('leaves a lock that is being written (empty, just now) alone; takes over one left empty long ago', () => {
    const { dir, db, ok, vetted } = cliRegister();
    const backup = path.join(dir, 'backup.db');
    ok('vendor', 'add', 'In the backup');
    ok('backup', '--out', backup);
    fs.writeFileSync(`${db}.lock`, '', { mode: 0o600 });
    // "Just now" for as long as the CLI takes to start: on a loaded machine a tsx start alone can
    // outlast the 5-second grace, and the lock would rightly read as stale. A minute ahead keeps it fresh.
    const soon = (Date.now() + 60_000) / 1000;
    fs.utimesSync(`${db}.lock`, soon, soon);
    const refused = vetted('restore', backup);
    assert.equal(refused.status, 2, `refused with exit 2:\n${refused.stdout}${refused.stderr}`);
    assert.match(refused.stderr, /another process is taking the lock .*register\.db\.lock right now; try again/);
    assert.equal(fs.readFileSync(`${db}.lock`, 'utf8'), '', 'the lock being written is untouched');

    const longAgo = (Date.now() - 10 * 60_000) / 1000;
    fs.utimesSync(`${db}.lock`, longAgo, longAgo);
    assert.match(ok('restore', backup), /Restored/, 'a lock cut short long ago is stale');
    assert.equal(fs.existsSync(`${db}.lock`), false, 'and gone');
  });

  it('refuses a second vetted serve on the same register, naming the first', async () => {
    const { db, env } = cliRegister();
    const first = await serve(db, env);
    await assert.rejects(serve(db, env), new RegExp(`the register is open in vetted serve \\(pid ${first.process.pid}, since`));
    const holder = JSON.parse(fs.readFileSync(`${db}.lock`, 'utf8')) as { pid: number };
    assert.equal(holder.pid, first.process.pid, 'the refused second server left the first one\'s lock alone');
  });

  it('is refused through a symlink to the register too: the lock is the real file\'s', () => {
    const { dir, db, env, ok } = cliRegister();
    const backup = path.join(dir, 'backup.db');
    ok('vendor', 'add', 'In the backup');
    ok('backup', '--out', backup);
    const link = path.join(dir, 'link.db');
    fs.symlinkSync(db, link);
    // A live process holds the register through the link, as `vetted serve --db link.db` would.
    fs.writeFileSync(`${db}.lock`, JSON.stringify({ pid: process.pid, kind: 'vetted serve', host: os.hostname(), since: new Date().toISOString() }), { mode: 0o600 });
    for (const target of [db, link]) {
      const refused = runCli(['restore', backup, '--db', target], env);
      assert.equal(refused.status, 2, `restore --db ${path.basename(target)} is refused:\n${refused.stderr}`);
      assert.match(refused.stderr, /open in vetted serve/);
    }
  });

  it('--force replaces the register despite a live lock (for a lock the closed app left behind)', () => {
    const { dir, db, ok, vetted } = cliRegister();
    const backup = path.join(dir, 'backup.db');
    ok('vendor', 'add', 'In the backup');
    ok('backup', '--out', backup);
    ok('vendor', 'add', 'Added after the backup');
    // A live process that is not Vetted: this test runner.
    writeLock(db, process.pid, 'Vetted app');
    const refused = vetted('restore', backup);
    assert.equal(refused.status, 2, refused.stderr);
    assert.match(refused.stderr, new RegExp(`open in Vetted app \\(pid ${process.pid}, since \\d\\d:\\d\\d\\)`));
    assert.match(ok('restore', backup, '--force'), /Restored/);
    assert.doesNotMatch(ok('list'), /Added after the backup/, 'the backup is in place');
    assert.ok(fs.existsSync(`${db}.lock`), 'a forced restore leaves the other process\'s lock alone');
  });
});
