// Every write the services make runs inside a transaction, so it goes through writeTransaction
// (BEGIN IMMEDIATE, busy_timeout, retry). A statement run on its own in autocommit mode waits only
// busy_timeout and then fails as 'busy' (#17): a review found three deletes doing that. This test
// watches every statement the register runs while the demo loads and the app's reads and deletes
// are called, and names any write made outside a transaction.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { freshVetted, unwrap } from '../helpers/vetted';

const require = createRequire(import.meta.url);
// The driver's Statement class, reached through a statement of a throwaway connection.
const Database = require('better-sqlite3') as typeof import('better-sqlite3');
const probe = new Database(':memory:');
const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as { run: (...args: unknown[]) => unknown };
probe.close();

interface WatchedStatement {
  reader: boolean;
  source: string;
  database: { inTransaction: boolean };
}

test('no service writes outside a transaction: demo load, every list and every delete', async () => {
  const outside: string[] = [];
  let inside = 0;
  let current = '';
  const run = statementProto.run;
  statementProto.run = function (this: WatchedStatement, ...args: unknown[]) {
    // The driver runs its own BEGIN/COMMIT/SAVEPOINT statements through here too.
    if (!this.reader && !/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i.test(this.source)) {
      if (this.database.inTransaction) inside++;
      else outside.push(`${current}: ${this.source.replace(/\s+/g, ' ').slice(0, 80)}`);
    }
    return run.apply(this, args);
  };
  try {
    const vetted = await freshVetted();
    const call = async <T>(op: string, input: unknown): Promise<T> => {
      current = op;
      const result = await vetted.dispatch(op, input);
      current = '';
      return unwrap(result) as T;
    };
    await call('demo.load', {});
    const vendors = await call<{ id: string }[]>('vendor.list', {});
    assert.ok(vendors.length > 1, 'the demo register has providers');
    const deletable: [list: string, del: string][] = [
      ['incident.list', 'incident.delete'],
      ['window.list', 'window.delete'],
      ['blackout.list', 'blackout.delete'],
      ['finding.list', 'finding.delete'],
      ['evidence.list', 'evidence.delete'],
    ];
    for (const [list, del] of deletable) {
      const rows = await call<{ id: string }[]>(list, {});
      assert.ok(rows.length > 0, `the demo register has something for ${del}`);
      await call(del, { id: rows[0]!.id });
    }
    await call('vendor.delete', { id: vendors[0]!.id });
    assert.ok(inside > 100, `the watch saw the writes made inside transactions (${inside})`);
    assert.deepEqual(outside, [], 'every write ran inside a transaction');
  } finally {
    statementProto.run = run;
  }
});
