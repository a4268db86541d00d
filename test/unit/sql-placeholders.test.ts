// PostgreSQL's $n parameters from the register's ? and @name ones (electron/core/db/store/placeholders.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numberParameters, orderValues } from '../../electron/core/db/store/placeholders';

test('? becomes $1, $2… in order', () => {
  const n = numberParameters('SELECT * FROM t WHERE a = ? AND b IN (?, ?)');
  assert.equal(n.text, 'SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)');
  assert.deepEqual(orderValues(n, [1, 'x', null]), [1, 'x', null]);
  assert.throws(() => orderValues(n, [1]), /takes 3 values, got 1/);
});

test('@name becomes one number per name, reused where the name comes again', () => {
  const n = numberParameters('UPDATE t SET a = @a, b = @b WHERE id = @id AND a <> @a');
  assert.equal(n.text, 'UPDATE t SET a = $1, b = $2 WHERE id = $3 AND a <> $1');
  assert.deepEqual(orderValues(n, { id: 'i', b: 2, a: 1, extra: 'ignored' }), [1, 2, 'i']);
  assert.throws(() => orderValues(n, { a: 1, b: 2 }), /no value for @id/);
  assert.throws(() => orderValues(n, [1, 2, 3]), /names its parameters/);
});

test('literals, quoted names, comments and dollar-quoted bodies are left as they are', () => {
  const sql = `SELECT '?', 'it''s @x', "we?ird" FROM t -- why? @because
    WHERE a = ? /* is it @b? */ AND f = $$ select ? $$ AND g = $fn$ @h $fn$`;
  const n = numberParameters(sql);
  assert.equal(n.positional, 1);
  assert.equal(n.names.length, 0);
  assert.equal(n.text, sql.replace('WHERE a = ?', 'WHERE a = $1'));
});

test('mixing ? and @name, undefined and booleans are refused', () => {
  assert.throws(() => numberParameters('SELECT ? , @a'), /mixes/);
  const n = numberParameters('SELECT ?');
  assert.throws(() => orderValues(n, [undefined]), /undefined/);
  assert.throws(() => orderValues(n, [false]), /0 or 1/);
  assert.throws(() => orderValues(numberParameters('SELECT ?'), undefined), /no values/);
  assert.deepEqual(orderValues(numberParameters('SELECT 1'), undefined), []);
});
