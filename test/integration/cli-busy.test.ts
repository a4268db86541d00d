// The CLI against a register another process is writing: exit 75 ("busy", run it again), apart from
// bad input's 2, with nothing changed; the same command succeeds once the lock is free.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { cliRegister, runCliAsync } from '../helpers/cli';
import { holdWriteLock } from '../helpers/lock-holder';

const answers = (db: string) => {
  const file = new Database(db, { readonly: true });
  try {
    return (file.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
  } finally {
    file.close();
  }
};

test('a write lock held past the wait ends `vetted answer` with exit 75, nothing changed', async () => {
  const { db, env, ok } = cliRegister('vetted-cli-busy-');
  ok('vendor', 'add', 'Acme Cloud');
  const holder = await holdWriteLock(db, 'stdin');
  let run;
  try {
    // 0: give up once SQLite's own busy_timeout (5 s) is over, instead of the default 30 s.
    run = await runCliAsync(['answer', 'Acme Cloud', 'inc_postmortems', 'on_request', '--db', db], { ...env, VETTED_BUSY_WAIT_MS: '0' });
  } finally {
    holder.release();
    await holder.done;
  }
  assert.equal(run.status, 75, `exit 75, not 2 (bad input) nor 70 (a bug):\n${run.stdout}\n${run.stderr}`);
  assert.match(run.stderr, /^vetted: Another Vetted is writing the register.*Try again\.\n$/, 'one line that says what to do');
  assert.equal(answers(db), 0, 'nothing was saved');
  ok('answer', 'Acme Cloud', 'inc_postmortems', 'on_request');
  assert.equal(answers(db), 1, 'the same command succeeds once the lock is free');
});
