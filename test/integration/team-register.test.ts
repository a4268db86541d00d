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

test('two members editing one record at once: each change is merged on top of the other, none lost', async () => {
  const { url } = await freshDatabase('vetted_team_edits');
  const app = await openVetted(url, { logError: () => {} });
  // Another member's transaction, held open between its read and its commit.
  const other = new PgStore(url, { max: 1 });
  try {
    const vendor = await app.api['vendor.create']({ name: 'Cinder DB', category: 'database' });
    assert.ok(vendor.ok);
    const finding = await app.api['finding.create']({ vendorId: vendor.value.id, title: 'No SSO', severity: 'medium' });
    assert.ok(finding.ok);
    const cases = [
      {
        table: 'vendors',
        id: vendor.value.id,
        theirs: "UPDATE vendors SET website = 'https://cinder.example' WHERE id = ?",
        mine: () => app.api['vendor.update']({ id: vendor.value.id, patch: { notes: 'Reviewed with their CTO' } }),
        read: async () => {
          const v = await app.api['vendor.get']({ id: vendor.value.id });
          assert.ok(v.ok);
          return [v.value.website, v.value.notes];
        },
        both: ['https://cinder.example', 'Reviewed with their CTO'],
      },
      {
        table: 'findings',
        id: finding.value.id,
        theirs: "UPDATE findings SET severity = 'high' WHERE id = ?",
        mine: () => app.api['finding.update']({ id: finding.value.id, patch: { title: 'No SSO for admins' } }),
        read: async () => {
          const f = await app.api['finding.list']({ vendorId: vendor.value.id });
          assert.ok(f.ok);
          return [f.value[0]!.severity, f.value[0]!.title];
        },
        both: ['high', 'No SSO for admins'],
      },
    ];
    for (const edit of cases) {
      let commit!: () => void;
      const committed = new Promise<void>((resolve) => (commit = resolve));
      let locked!: () => void;
      const holding = new Promise<void>((resolve) => (locked = resolve));
      const theirs = other.write(async (tx) => {
        await tx.get(`SELECT id FROM ${edit.table} WHERE id = ? FOR UPDATE`, [edit.id]);
        locked();
        await committed;
        await tx.run(edit.theirs, [edit.id]);
      });
      await holding;
      // Mine starts while theirs holds the record: it must wait, then merge onto theirs.
      const mine = edit.mine();
      await new Promise((resolve) => setTimeout(resolve, 300));
      commit();
      await theirs;
      const saved = await mine;
      assert.ok(saved.ok, saved.ok ? '' : saved.error.message);
      assert.deepEqual(await edit.read(), edit.both, `${edit.table}: both changes kept`);
    }
  } finally {
    await other.close();
    app.close();
  }
});
