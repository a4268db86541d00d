// PostgreSQL's copy of the audit hash (electron/core/db/postgres/audit-hash.ts) against the
// JavaScript rule it copies (auditRowHash): on a real server, the PL/pgSQL must print every double,
// re-spell every JSON text and hash every row exactly as JavaScript does. Cases go to the server in
// batches (arrays unnested in one query) so hundreds of runs take seconds.
//
// PostgreSQL text cannot hold U+0000 or a lone surrogate, so raw strings sent as text exclude them.
// JSON texts may still spell both as escapes ("\u0000", "\ud800"): that is ASCII, storable, and
// JavaScript parses it, so the JSON cases below write such escapes on purpose.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import pg from 'pg';
import { AUDIT_GENESIS, auditRowHash } from '../../electron/core/db/audit-chain';
import { AUDIT_HASH_FUNCTIONS_SQL } from '../../electron/core/db/postgres/audit-hash';
import { freshDatabase } from '../helpers/postgres';
import { migratePostgres } from '../../electron/core/db/postgres/migrate';
import { PgStore } from '../../electron/core/db/store/pg-store';

// At top level: freshDatabase's `after` would drop the database when a `before` hook ends.
const { url } = await freshDatabase('vetted_audit_hash');
const client = new pg.Client({ connectionString: url });
// freshDatabase's `after`, registered first, drops the database (ending this connection) before
// ours closes the client: that ending is expected, not an error
client.on('error', () => {});

before(async () => {
  await client.connect();
  // twice: the script must be re-runnable over itself
  await client.query(AUDIT_HASH_FUNCTIONS_SQL);
  await client.query(AUDIT_HASH_FUNCTIONS_SQL);
});

after(async () => {
  await client.end();
});

/** What audit-chain.ts's jsonValue does to a stored string. */
function canonical(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/** One round trip: fn applied to each text, results in order. */
async function mapOnServer(sql: string, inputs: readonly string[]): Promise<(string | null)[]> {
  const { rows } = await client.query<{ out: string | null }>(
    `SELECT ${sql} AS out FROM unnest($1::text[]) WITH ORDINALITY AS u(x, ord) ORDER BY ord`,
    [inputs],
  );
  return rows.map((r) => r.out);
}

// node-pg would send -0 as "0"; String() is otherwise an exact spelling of the double.
const spell = (x: number): string => (Object.is(x, -0) ? '-0' : String(x));

async function assertNumbers(xs: readonly number[]): Promise<void> {
  const got = await mapOnServer('vetted_js_number(x::float8)', xs.map(spell));
  assert.deepEqual(got, xs.map((x) => String(x)), `doubles ${xs.map(spell).join(' ')}`);
}

test('vetted_js_number prints doubles as String(x) does: the edge cases', async () => {
  await assertNumbers([
    0, -0, 1e-7, 1e-6, 1.5e-5, 1e21, 1e20, 123456789012345680000, 5e-324, 1.7976931348623157e308, 0.1, 1 / 3,
    -2.5e-8, 100, 380, -1e21, 2 ** 53 + 2, 2 ** 53, 1e15, 1e16, 1e17, 123e-20, 0.000001234, 4.35, 2.2250738585072014e-308,
  ]);
});

test('vetted_js_number prints doubles as String(x) does: any double', async () => {
  const doubles = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 100 });
  await fc.assert(fc.asyncProperty(doubles, assertNumbers), { numRuns: 200 });
});

// --- JSON texts, spelled every way JSON allows ---

const ws = fc.constantFrom('', '', ' ', '  ', '\n', '\t', '\r\n ');

const digits = (min: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: 25 });
/** A number token in any JSON spelling: "-0", "380.0", "1E3", "1e400", "0.0000001", ... */
const numberToken = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x)),
  fc.constantFrom('-0', '380.0', '1E3', '1e+3', '1e-0', '1e400', '-1e400', '1e-400', '-1e-400', '2e-324', '3e-324', '1.7976931348623159e308', '1.7976931348623158e308', '0.00000001', '123456789012345678901234567890', '1e21', '1e-7', '4.35'),
  fc.tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.tuple(fc.constantFrom(...'123456789'), digits(0)).map(([a, b]) => a + b)),
    fc.option(digits(1), { nil: undefined }),
    fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 420 })), { nil: undefined }),
  ).map(([neg, int, frac, exp]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}${exp === undefined ? '' : exp[0] + exp[1] + exp[2]}`),
);

const hex4 = (n: number, upper: boolean) => {
  const h = n.toString(16).padStart(4, '0');
  return upper ? h.toUpperCase() : h;
};
/** A raw character that may stand unescaped in a JSON string (any code point but ", \ and controls). */
const rawChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => c >= ' ' && c !== '"' && c !== '\\' && storable(c));
/** Any escape, \u0000 and lone surrogates included, hex in either case. */
const escape = fc.oneof(
  fc.constantFrom('\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t'),
  fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.boolean()).map(([n, up]) => `\\u${hex4(n, up)}`),
  fc.tuple(fc.integer({ min: 0, max: 0x1f }), fc.boolean()).map(([n, up]) => `\\u${hex4(n, up)}`),
  fc.tuple(fc.integer({ min: 0x10000, max: 0x10ffff }), fc.boolean()).map(([cp, up]) => {
    const s = String.fromCodePoint(cp);
    return `\\u${hex4(s.charCodeAt(0), up)}\\u${hex4(s.charCodeAt(1), up)}`;
  }),
);
const stringToken = fc.array(fc.oneof(rawChar, escape), { maxLength: 8 }).map((parts) => `"${parts.join('')}"`);
/** Keys from a small pool (and "a" spelled two ways), so objects repeat keys. */
const keyToken = fc.oneof(fc.constantFrom('"a"', '"\\u0061"', '"b"', '"a b"', '""'), stringToken);

const { json: jsonText } = fc.letrec<{ json: string; array: string; object: string }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberToken,
    stringToken,
    fc.constantFrom('true', 'false', 'null'),
    tie('array'),
    tie('object'),
  ),
  array: fc
    .array(fc.tuple(ws, tie('json'), ws), { maxLength: 5 })
    .chain((items) => ws.map((w) => `[${items.map(([a, v, b]) => a + v + b).join(',') || w}]`)),
  object: fc
    .array(fc.tuple(ws, keyToken, ws, ws, tie('json'), ws), { maxLength: 5 })
    .chain((members) => ws.map((w) => `{${members.map(([a, k, b, c, v, d]) => `${a}${k}${b}:${c}${v}${d}`).join(',') || w}}`)),
}));

const padded = fc.tuple(ws, jsonText, ws).map(([a, t, b]) => a + t + b);
/** Text PostgreSQL can hold: no U+0000, no lone surrogate (unit 'binary' makes both). */
const storable = (s: string) => !/[\0\ud800-\udfff]/u.test(s);
const anyText = fc.string({ unit: 'binary', maxLength: 30 }).filter(storable);
/** JSON-ish text with one character cut out or put in: mostly invalid, sometimes still JSON. */
const mangled = fc
  .tuple(jsonText, fc.nat(), fc.constantFrom('', ',', '"', '}', ']', '{', ':', ' ', 'x', '0', '-', '.', 'e', '\\'))
  .map(([t, at, put]) => {
    const i = at % (t.length + 1);
    return put === '' ? t.slice(0, i) + t.slice(i + 1) : t.slice(0, i) + put + t.slice(i);
  })
  .filter(storable);

async function assertCanonical(texts: readonly string[]): Promise<void> {
  const got = await mapOnServer('vetted_canonical_json(x)', texts);
  for (const [i, text] of texts.entries()) assert.equal(got[i], canonical(text), `JSON text ${JSON.stringify(text)}`);
}

test('vetted_canonical_json: fixed cases', async () => {
  await assertCanonical([
    '{ "a": 380.0, "b": [1E3, -0, 1e400, -1e400, 1e-400, 0.0000001] }',
    '{"a":1,"b":2,"a":3}',
    // JavaScript orders array-index keys first, numerically (a property test found it).
    '{"b":1,"10":2,"a":3,"2":4,"4294967295":5,"4294967294":6,"01":7,"b":8,"-1":9,"0":{"z":1,"1":2}}',
    '{"a":{"x":1},"b":2,"\\u0061":[3],"b":null}',
    '{"k":{"k":1,"k":2},"k":{"k":3}}',
    '"\\u0000 \\ud800 \\uDC00x \\ud83d\\ude00 \\uD83D\\uDE00 \\u001F \\u007f \\u00e9 \\/ \\u0022 \\u005C \\u0008"',
    '{"\\u0000":1,"\\ud800":2,"\\u0000":3}',
    '"é 😀 \u2028 \u007f"',
    '  [ ]  ',
    '{ }',
    '[[[[]]],{}]',
    'null',
    ' true ',
    '', ' ', 'not json', '{"a":1,}', '[1,]', '01', '1.', '.5', '+1', 'NaN', "{'a':1}", '"\t"', '"a', '{"a" 1}', '\u00a01', '[1] x',
  ]);
});

test('vetted_canonical_json is JSON.stringify(JSON.parse(t)): fc.jsonValue printed compact and indented', async () => {
  const values = fc.array(fc.jsonValue({ stringUnit: 'binary' }), { minLength: 1, maxLength: 20 });
  await fc.assert(
    fc.asyncProperty(values, async (vs) => {
      // JSON.stringify escapes \u0000 and lone surrogates, so every printed text is storable
      await assertCanonical(vs.flatMap((v) => [JSON.stringify(v), JSON.stringify(v, null, 2)]));
    }),
    { numRuns: 150 },
  );
});

test('vetted_canonical_json is JSON.stringify(JSON.parse(t)): any spelling, repeated keys, escapes', async () => {
  const texts = fc.array(padded, { minLength: 1, maxLength: 20 });
  await fc.assert(fc.asyncProperty(texts, assertCanonical), { numRuns: 300 });
});

test('vetted_canonical_json returns text that is not JSON unchanged (and JSON it happens to hit, canonical)', async () => {
  const texts = fc.array(fc.oneof(anyText, mangled), { minLength: 1, maxLength: 30 });
  await fc.assert(fc.asyncProperty(texts, assertCanonical), { numRuns: 200 });
  assert.deepEqual(await mapOnServer('vetted_canonical_json(NULL::text)', ['']), [null]);
});

// --- whole rows ---

const text = fc.string({ unit: 'binary', maxLength: 20 }).filter(storable);
const jsonColumn = fc.option(fc.oneof(padded, fc.jsonValue({ stringUnit: 'binary' }).map((v) => JSON.stringify(v)), text), { nil: null });
const row = fc.record({
  previous: fc.oneof(fc.constant(AUDIT_GENESIS), fc.stringMatching(/^[0-9a-f]{64}$/)),
  at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text),
  actor: text,
  entity: text,
  entity_id: text,
  vendor_id: fc.option(text, { nil: null }),
  action: fc.oneof(fc.constantFrom('create', 'update', 'delete'), text),
  old_value: jsonColumn,
  new_value: jsonColumn,
  imported_from: fc.option(text, { nil: null }),
});
type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;
const COLUMNS = ['previous', 'at', 'actor', 'entity', 'entity_id', 'vendor_id', 'action', 'old_value', 'new_value', 'imported_from'] as const;

test('vetted_audit_hash is auditRowHash', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), async (rows: Row[]) => {
      const params = COLUMNS.map((c) => rows.map((r) => r[c]));
      const args = COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ');
      const { rows: got } = await client.query<{ hash: string }>(
        `SELECT vetted_audit_hash(${COLUMNS.join(', ')}) AS hash
           FROM unnest(${args}) WITH ORDINALITY AS u(${COLUMNS.join(', ')}, ord) ORDER BY ord`,
        params,
      );
      for (const [i, r] of rows.entries()) {
        const { previous, ...content } = r;
        assert.equal(got[i]!.hash, auditRowHash(previous, content), `row ${JSON.stringify(r)}`);
      }
    }),
    { numRuns: 200 },
  );
});

test('since migration 14 (the database role in the trail), vetted_audit_hash with db_user is auditRowHash', async () => {
  const store = new PgStore((await freshDatabase('vetted_audit_hash_14')).url);
  try {
    await migratePostgres(store);
    const withUser = fc.record({ base: row, db_user: fc.option(text, { nil: null }) });
    const columns = [...COLUMNS, 'db_user'] as const;
    await fc.assert(
      fc.asyncProperty(fc.array(withUser, { minLength: 1, maxLength: 25 }), async (rows) => {
        const flat = rows.map((r) => ({ ...r.base, db_user: r.db_user }));
        const params = columns.map((c) => flat.map((r) => r[c]));
        const got = await store.all<{ hash: string }>(
          `SELECT vetted_audit_hash(${columns.join(', ')}) AS hash
             FROM unnest(${columns.map(() => '?::text[]').join(', ')}) WITH ORDINALITY AS u(${columns.join(', ')}, ord) ORDER BY ord`,
          params,
        );
        for (const [i, r] of flat.entries()) {
          const { previous, ...content } = r;
          assert.equal(got[i]!.hash, auditRowHash(previous, content), `row ${JSON.stringify(r)}`);
        }
      }),
      { numRuns: 150 },
    );
    // A row without db_user hashes as it did before migration 14.
    const plain = { at: 't', actor: 'a', entity: 'vendor', entity_id: 'v', vendor_id: null, action: 'create', old_value: null, new_value: '{"a":1}', imported_from: null };
    assert.equal(
      (await store.get<{ hash: string }>("SELECT vetted_audit_hash(?, 't', 'a', 'vendor', 'v', NULL, 'create', NULL, '{\"a\":1}', NULL, NULL) AS hash", [AUDIT_GENESIS]))!.hash,
      auditRowHash(AUDIT_GENESIS, plain),
    );
  } finally {
    await store.close();
  }
});
