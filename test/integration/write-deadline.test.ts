// writeTransaction inside withWriteDeadline (a browser request's X-Vetted-Deadline): it waits for
// the lock no longer than the deadline — SQLite's own busy_timeout wait included — so a write its
// sender has given up on cannot commit later; it starts nothing once the deadline has passed; and
// it leaves the connection's busy_timeout as it found it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { withWriteDeadline } from '../../electron/core/db/deadline';
import { writeTransaction } from '../../electron/core/db/transactions';
import { VettedError } from '../../shared/result';
import { holdWriteLock } from '../helpers/lock-holder';
import { tempDbPath } from '../helpers/tmp';

function register(): { file: string; db: Database.Database } {
  const file = tempDbPath();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, who TEXT NOT NULL)');
  return { file, db };
}

const count = (db: Database.Database) => (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;

test('a lock held past the deadline: the write gives up as busy by the deadline and never runs, even inside busy_timeout', async () => {
  const { file, db } = register();
  // Released 3 s after it is held: within busy_timeout (5 s), so only the deadline (1 s) stops the wait.
  const holder = await holdWriteLock(file, 3000);
  let ran = false;
  let error: unknown;
  try {
    withWriteDeadline(Date.now() + 1000, () =>
      writeTransaction(db, () => {
        ran = true;
        db.prepare('INSERT INTO notes (who) VALUES (?)').run('late');
      }),
    );
  } catch (e) {
    error = e;
  }
  await holder.done;
  assert.ok(error instanceof VettedError && error.code === 'busy', `refused as busy, got ${String(error)}`);
  assert.equal(ran, false, 'the work never started');
  assert.equal(count(db), 0, 'nothing was written');
  assert.equal(db.pragma('busy_timeout', { simple: true }), 5000, "the connection's busy_timeout is back to 5 s");
  db.close();
});

test('a deadline already passed: nothing starts, though the lock is free; without a deadline the same write runs', () => {
  const { db } = register();
  let ran = false;
  assert.throws(
    () => withWriteDeadline(Date.now() - 1, () => writeTransaction(db, () => (ran = true))),
    (e: unknown) => e instanceof VettedError && e.code === 'busy',
    'refused as busy',
  );
  assert.equal(ran, false, 'the work never started');
  withWriteDeadline(null, () => writeTransaction(db, () => db.prepare('INSERT INTO notes (who) VALUES (?)').run('on time')));
  assert.equal(count(db), 1, 'a write without a deadline is saved');
  assert.equal(db.pragma('busy_timeout', { simple: true }), 5000, 'busy_timeout untouched');
  db.close();
});

test('a deadline within busy_timeout, lock free: the write runs and busy_timeout is restored', () => {
  const { db } = register();
  withWriteDeadline(Date.now() + 3000, () => writeTransaction(db, () => db.prepare('INSERT INTO notes (who) VALUES (?)').run('in time')));
  assert.equal(count(db), 1, 'saved');
  assert.equal(db.pragma('busy_timeout', { simple: true }), 5000, 'busy_timeout back to 5 s');
  db.close();
});
