// writeTransaction against a second writer: it takes the lock before it reads (where a deferred
// read-then-write fails at once), waits out a writer holding the lock past busy_timeout, and gives
// up with a typed 'busy' error (the work never run) when the lock stays held past its bound.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { readTransaction, setWriteWait, writeTransaction } from '../../electron/core/db/transactions';
import { VettedError } from '../../shared/result';
import { holdWriteLock } from '../helpers/lock-holder';
import { tempDbPath } from '../helpers/tmp';

function sharedFile(): { file: string; connect(busyTimeoutMs: number): Database.Database } {
  const file = tempDbPath();
  const setup = new Database(file);
  setup.pragma('journal_mode = WAL');
  setup.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, who TEXT NOT NULL)');
  setup.close();
  return {
    file,
    connect(busyTimeoutMs) {
      const db = new Database(file);
      db.pragma(`busy_timeout = ${busyTimeoutMs}`);
      return db;
    },
  };
}

const count = (db: Database.Database) => (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;
const add = (db: Database.Database, who: string) => db.prepare('INSERT INTO notes (who) VALUES (?)').run(who);
const codeOf = (error: unknown) => (error as { code?: string }).code;

test('a deferred read-then-write fails at once when another connection wrote; writeTransaction locks first and succeeds', () => {
  const { connect } = sharedFile();
  const app = connect(5000);
  // The other writer does not wait, so a refusal shows at once instead of blocking this process.
  const other = connect(0);

  // Before: read, another connection writes, then write — SQLite cannot move the snapshot.
  let deferredError: unknown;
  try {
    app.transaction(() => {
      count(app);
      add(other, 'other, between the read and the write');
      add(app, 'app');
    })();
  } catch (error) {
    deferredError = error;
  }
  assert.equal(codeOf(deferredError), 'SQLITE_BUSY_SNAPSHOT', `a deferred read-then-write fails with SQLITE_BUSY_SNAPSHOT (got ${String(deferredError)})`);

  // After: the same work through writeTransaction holds the lock from its start, so the other
  // writer is the one told to wait, and the app's read and write both happen.
  let otherRefusal: string | undefined;
  const seen = writeTransaction(app, () => {
    const before = count(app);
    try {
      add(other, 'other, during the write transaction');
    } catch (error) {
      otherRefusal = codeOf(error);
    }
    add(app, 'app');
    return before;
  });
  assert.equal(otherRefusal, 'SQLITE_BUSY', 'the second writer had to wait while writeTransaction held the lock');
  assert.equal(count(app), seen + 1, 'the write transaction read and wrote in one go');
  add(other, 'other, afterwards');
  assert.equal(count(app), seen + 2, 'the second writer gets the lock once the transaction committed');
  app.close();
  other.close();
});

test('writeTransaction waits out another process holding the lock past busy_timeout', async () => {
  const { file, connect } = sharedFile();
  // busy_timeout alone (100 ms) gives up long before the holder's 1.5 s are over; the retry does not.
  const app = connect(100);
  const holder = await holdWriteLock(file, 1500);
  const id = writeTransaction(app, () => add(app, 'app').lastInsertRowid);
  await holder.done;
  const heldAt = app.prepare('SELECT count(*) AS n FROM lock_holder').get() as { n: number };
  assert.equal(heldAt.n, 1, "the holder's write is in the file");
  assert.equal(count(app), 1, "the app's write is in the file");
  assert.ok(Number(id) >= 1, `the app's row was written (id ${id})`);
  app.close();
});

test('past its bound writeTransaction gives up as busy, the work never run', async () => {
  const { file, connect } = sharedFile();
  const app = connect(50);
  const bound = setWriteWait(300);
  after(() => setWriteWait(bound));
  const holder = await holdWriteLock(file, 'stdin');
  let runs = 0;
  try {
    assert.throws(
      () => writeTransaction(app, () => { runs++; add(app, 'app'); }),
      (error: unknown) => error instanceof VettedError && error.code === 'busy' && /Another Vetted is writing the register.*Try again/.test(error.message),
      'a typed busy error that says what to do',
    );
  } finally {
    holder.release();
    await holder.done;
  }
  assert.equal(runs, 0, 'the work was never started');
  assert.equal(count(app), 0, 'nothing was written');
  writeTransaction(app, () => add(app, 'app, later'));
  assert.equal(count(app), 1, 'once the lock is free the same connection writes');
  app.close();
});

test('a busy error after the work started is not retried: the work runs once', () => {
  const { connect } = sharedFile();
  const app = connect(50);
  const bound = setWriteWait(2000);
  after(() => setWriteWait(bound));
  let runs = 0;
  assert.throws(
    () =>
      writeTransaction(app, () => {
        runs++;
        add(app, 'rolled back');
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      }),
    (error: unknown) => error instanceof VettedError && error.code === 'busy',
    'reported as busy',
  );
  assert.equal(runs, 1, 'the work ran once: only a BEGIN that took no lock is tried again');
  assert.equal(count(app), 0, 'the transaction was rolled back');
  app.close();
});

test('readTransaction runs query-only: a write slipped into a read fails there, and the connection writes again afterwards, also after a read nested in a write', () => {
  const { connect } = sharedFile();
  const db = connect(5000);
  after(() => db.close());
  const queryOnly = () => db.pragma('query_only', { simple: true });

  let refused: unknown;
  try {
    readTransaction(db, () => add(db, 'slipped into a read'));
  } catch (error) {
    refused = error;
  }
  assert.equal(codeOf(refused), 'SQLITE_READONLY', 'a write inside readTransaction is refused');
  assert.equal(count(db), 0, 'nothing was written');
  assert.equal(queryOnly(), 0, 'the connection is writable again after the failed read');

  writeTransaction(db, () => {
    add(db, 'before the nested read');
    assert.throws(() => readTransaction(db, () => add(db, 'in the nested read')), /readonly/i, 'the nested read is query-only too');
    assert.equal(readTransaction(db, () => count(db)), 1, 'the nested read sees the write before it');
    add(db, 'after the nested read');
  });
  assert.equal(count(db), 2, 'the outer write kept both of its rows and none from the nested read');
  assert.equal(queryOnly(), 0, 'query_only is off again after the nested reads');
});
