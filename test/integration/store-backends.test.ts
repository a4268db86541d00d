// The Store (electron/core/db/store): the same statements, transactions and errors on the embedded
// SQLite register and on a PostgreSQL server (issue 22).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BACKENDS, emptyStore, secondHandle } from '../helpers/backends';
import { VettedError } from '../../shared/result';

for (const backend of BACKENDS) {
  describe(`store on ${backend}`, () => {
    const setUp = async () => {
      const store = await emptyStore(backend);
      await store.exec(`CREATE TABLE things (id TEXT PRIMARY KEY, n BIGINT NOT NULL, note TEXT);
        CREATE TABLE counters (id TEXT PRIMARY KEY, n BIGINT NOT NULL)`);
      return store;
    };

    test('statements take ? and @name parameters and give rows as SQLite does', async () => {
      const store = await setUp();
      assert.deepEqual(await store.run('INSERT INTO things (id, n, note) VALUES (?, ?, ?)', ['a', 1, null]), { changes: 1 });
      await store.run('INSERT INTO things (id, n, note) VALUES (@id, @n, @note)', { id: 'b', n: 9_007_199_254_740_991, note: "it's ? and @x" });
      assert.deepEqual(await store.all('SELECT id, n, note FROM things ORDER BY id'), [
        { id: 'a', n: 1, note: null },
        { id: 'b', n: 9_007_199_254_740_991, note: "it's ? and @x" },
      ]);
      // count(*) is a bigint on PostgreSQL: still a number here.
      assert.deepEqual(await store.get('SELECT count(*) AS n FROM things WHERE n > ?', [0]), { n: 2 });
      assert.equal(await store.get('SELECT id FROM things WHERE id = ?', ['zz']), undefined);
      // A value the same name stands for twice is given once.
      assert.deepEqual(await store.all('SELECT id FROM things WHERE id = @id OR note = @id', { id: 'a' }), [{ id: 'a' }]);
      assert.deepEqual(await store.run('UPDATE things SET n = n + 1', []), { changes: 2 });
    });

    test('undefined and booleans are refused, not guessed', async () => {
      const store = await setUp();
      await assert.rejects(store.run('INSERT INTO things (id, n) VALUES (?, ?)', ['a', undefined]), /undefined/);
      await assert.rejects(store.run('INSERT INTO things (id, n) VALUES (?, ?)', ['a', true]), /0 or 1/);
      assert.equal((await store.all('SELECT id FROM things')).length, 0);
    });

    test('a write commits together, and a failed one leaves nothing', async () => {
      const store = await setUp();
      const result = await store.write(async (tx) => {
        await tx.run('INSERT INTO things (id, n) VALUES (?, ?)', ['a', 1]);
        await tx.run('INSERT INTO things (id, n) VALUES (?, ?)', ['b', 2]);
        return 'done';
      });
      assert.equal(result, 'done');
      await assert.rejects(
        store.write(async (tx) => {
          await tx.run('INSERT INTO things (id, n) VALUES (?, ?)', ['c', 3]);
          throw new Error('stop');
        }),
        /stop/,
      );
      assert.deepEqual(await store.all('SELECT id FROM things ORDER BY id'), [{ id: 'a' }, { id: 'b' }]);
    });

    test('a duplicate key is a conflict: a code the dispatcher maps (file) or the conflict itself, in words (server)', async () => {
      const store = await setUp();
      await store.run('INSERT INTO things (id, n) VALUES (?, ?)', ['a', 1]);
      const error = await store.run('INSERT INTO things (id, n) VALUES (?, ?)', ['a', 2]).then(
        () => null,
        (e: unknown) => e as { code?: string },
      );
      assert.ok(error);
      assert.ok(['SQLITE_CONSTRAINT_PRIMARYKEY', 'conflict'].includes(String(error.code)), String(error.code));
    });

    test('a savepoint undoes only its own changes', async () => {
      const store = await setUp();
      await store.write(async (tx) => {
        await tx.run('INSERT INTO things (id, n) VALUES (?, ?)', ['a', 1]);
        await assert.rejects(
          tx.nested(async (inner) => {
            await inner.run('INSERT INTO things (id, n) VALUES (?, ?)', ['b', 2]);
            throw new Error('inner');
          }),
          /inner/,
        );
        await tx.nested((inner) => inner.run('INSERT INTO things (id, n) VALUES (?, ?)', ['c', 3]));
      });
      assert.deepEqual(await store.all('SELECT id FROM things ORDER BY id'), [{ id: 'a' }, { id: 'c' }]);
    });

    test('a read sees one snapshot and cannot write', async () => {
      const store = await setUp();
      const other = secondHandle(store);
      await store.run('INSERT INTO things (id, n) VALUES (?, ?)', ['a', 1]);
      await assert.rejects(store.read((tx) => tx.run('DELETE FROM things')));
      const seen = await store.read(async (tx) => {
        const before = await tx.all('SELECT id FROM things');
        // Another connection commits a row while the read is open: the read does not see it.
        await other.run('INSERT INTO things (id, n) VALUES (?, ?)', ['b', 2]);
        const after = await tx.all('SELECT id FROM things');
        return { before: before.length, after: after.length };
      });
      assert.deepEqual(seen, { before: 1, after: 1 });
      assert.equal((await store.all('SELECT id FROM things')).length, 2);
    });

    test('concurrent increments in write transactions lose nothing', async () => {
      const store = await setUp();
      await store.run('INSERT INTO counters (id, n) VALUES (?, ?)', ['x', 0]);
      await Promise.all(
        Array.from({ length: 20 }, () =>
          store.write(async (tx) => {
            await tx.lockKey('counter x');
            const row = await tx.get<{ n: number }>('SELECT n FROM counters WHERE id = ?', ['x']);
            await tx.run('UPDATE counters SET n = ? WHERE id = ?', [row!.n + 1, 'x']);
          }),
        ),
      );
      assert.deepEqual(await store.get('SELECT n FROM counters WHERE id = ?', ['x']), { n: 20 });
    });

    // One file has one writer at a time, by design: this holds for the server only.
    if (backend === 'postgres') test('two writers of different rows do not wait for each other', async () => {
      const store = await setUp();
      await store.run('INSERT INTO things (id, n) VALUES (?, ?), (?, ?)', ['a', 1, 'b', 1]);
      let releaseFirst!: () => void;
      const firstHolds = new Promise<void>((r) => (releaseFirst = r));
      const first = store.write(async (tx) => {
        await tx.run('UPDATE things SET n = 2 WHERE id = ?', ['a']);
        await firstHolds;
      });
      // While the first still holds row a, the second changes row b and commits.
      await store.write((tx) => tx.run('UPDATE things SET n = 3 WHERE id = ?', ['b']));
      releaseFirst();
      await first;
      assert.deepEqual(await store.all('SELECT id, n FROM things ORDER BY id'), [
        { id: 'a', n: 2 },
        { id: 'b', n: 3 },
      ]);
    });

    if (backend === 'sqlite') {
      test('using the store itself inside one of its transactions fails loudly instead of waiting forever', async () => {
        const store = await setUp();
        await assert.rejects(
          store.write(async () => {
            await store.all('SELECT 1');
          }),
          /outside the transaction/,
        );
      });
    }

    if (backend === 'postgres') {
      test('a server that cannot be reached is said in words, without the password', async () => {
        const { PgStore } = await import('../../electron/core/db/store/pg-store');
        const store = new PgStore('postgres://someone:secret@127.0.0.1:1/none');
        assert.equal(store.location.includes('secret'), false);
        const asParameter = new PgStore('postgres://someone@127.0.0.1:1/none?password=hunter2&sslmode=verify-full');
        assert.equal(asParameter.location, 'postgres://someone@127.0.0.1:1/none?password=****&sslmode=verify-full');
        await asParameter.close();
        const error = await store.write(async () => undefined).then(
          () => null,
          (e: unknown) => e,
        );
        assert.ok(error instanceof VettedError, String(error));
        assert.equal(error.code, 'unavailable');
        await store.close();
      });
    }
  });
}
