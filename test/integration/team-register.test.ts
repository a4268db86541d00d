// A team register's own edges (issue 22): what the database refuses comes back in the register's
// words, a URL is shown without its password whatever it holds, and code that reaches for the store
// from inside one of its transactions is stopped instead of running beside it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PgStore, withoutPassword } from '../../electron/core/db/store/pg-store';
import { openVetted } from '../../electron/core/vetted';
import { freshDatabase } from '../helpers/postgres';

test('a duplicate provider name on a team register is a conflict in words, not an internal error', async () => {
  const { url } = await freshDatabase('vetted_team_edges');
  const vetted = await openVetted(url, { logError: () => assert.fail('nothing is logged as internal') });
  try {
    assert.ok((await vetted.api['vendor.create']({ name: 'Burrow MQ', category: 'message-queue' })).ok);
    const again = await vetted.api['vendor.create']({ name: 'burrow mq', category: 'message-queue' });
    assert.ok(!again.ok && again.error.code === 'conflict', JSON.stringify(again));
  } finally {
    vetted.close();
  }
});

test('the store used from inside one of its own transactions is refused, loudly', async () => {
  const { url } = await freshDatabase('vetted_team_edges');
  const store = new PgStore(url);
  try {
    await assert.rejects(
      store.write(async () => {
        await store.get('SELECT 1 AS one');
      }),
      /used outside the transaction this code runs in/,
    );
    assert.deepEqual(await store.get('SELECT 1 AS one'), { one: 1 }, 'outside a transaction it answers');
  } finally {
    await store.close();
  }
});

test('a URL is shown without its password, even one holding characters a URL parser reads otherwise', () => {
  for (const password of ['hunter2', '12#x', 'a/b?c', 'p@ss']) {
    const shown = withoutPassword(`postgres://alice:${password}@db.internal:5432/vetted`);
    assert.ok(!shown.includes(password), `${password} → ${shown}`);
    assert.match(shown, /alice/);
  }
});
