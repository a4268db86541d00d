// Keeps every transaction in electron/core/db/transactions.ts: a `.transaction(` call (deferred by
// default, so a read-then-write fails with SQLITE_BUSY at once under a second writer) or a raw
// BEGIN/SAVEPOINT/COMMIT anywhere else in electron/ or shared/ fails this test, naming the line.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../helpers/cli';

const HELPER = 'electron/core/db/transactions.ts';
// The Store's two implementations (issue 22) are the other place transactions open: the async ones
// services move to, IMMEDIATE on SQLite as here.
const STORES = ['electron/core/db/store/sqlite-store.ts', 'electron/core/db/store/pg-store.ts'];
const TRANSACTION_CALL = /\.transaction\s*\(/;
// A statement that opens or ends a transaction by hand (a trigger's `… BEGIN` inside CREATE TRIGGER
// does not start the string, so it is not matched).
const RAW_TRANSACTION = /\b(?:exec|prepare)\s*\(\s*[`'"]\s*(?:BEGIN|SAVEPOINT|RELEASE|COMMIT|END|ROLLBACK)\b/i;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(rel);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [rel] : [];
  });
}

function offences(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => (TRANSACTION_CALL.test(line) || RAW_TRANSACTION.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

test('the scan sees the sources and recognises a transaction opened by hand', () => {
  const files = [...sources('electron'), ...sources('shared')];
  assert.ok(files.length > 100, `scanned ${files.length} files under electron/ and shared/`);
  assert.ok(files.includes(HELPER), `${HELPER} is among the scanned files`);
  for (const sample of ['db.transaction(work).deferred();', "ctx.db.exec('BEGIN IMMEDIATE');", 'db.prepare(`COMMIT`).run();']) {
    assert.equal(offences('sample.ts', sample).length, 1, `"${sample}" is recognised`);
  }
  assert.equal(offences('sample.ts', '    CREATE TRIGGER t AFTER INSERT ON x BEGIN').length, 0, 'a trigger body is not a transaction');
});

test(`every transaction in electron/ and shared/ opens through ${HELPER}`, () => {
  const found = [...sources('electron'), ...sources('shared')]
    .filter((file) => file !== HELPER && !STORES.includes(file))
    .flatMap((file) => offences(file, fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')));
  assert.deepEqual(found, [], `use writeTransaction or readTransaction from ${HELPER} instead:\n${found.join('\n')}`);
});

test('the SQLite store opens its write transactions IMMEDIATE', () => {
  const text = fs.readFileSync(path.join(REPO_ROOT, STORES[0]!), 'utf8');
  const begins = offences(STORES[0]!, text).filter((line) => /BEGIN/.test(line));
  assert.ok(begins.length >= 2, begins.join('\n'));
  for (const line of begins) assert.match(line, /BEGIN (IMMEDIATE|DEFERRED)/);
  assert.match(text, /if \(kind === 'write'\) await this\.beginImmediate\(\)/);
});
