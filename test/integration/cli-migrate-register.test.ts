// `vetted migrate-register` through the real CLI (issue 22): file → PostgreSQL → file, the password
// from $PGPASSWORD and never printed, a refused move leaves no file; and --db postgres://… opens a
// team register for other commands, while backup and restore say it has no file (never creating
// one named "postgres:").
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { freshDatabase } from '../helpers/postgres';
import { runCliAsync } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

test('a register moved to PostgreSQL and back through the CLI lists the same providers', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'mine.db');
  const env = { VETTED_KEY_FILE: path.join(dir, 'k.key') };
  assert.equal((await runCliAsync(['demo', '--db', file], env)).status, 0);
  const listed = await runCliAsync(['list', '--json', '--db', file], env);
  assert.equal(listed.status, 0, listed.stderr);
  const providers = (JSON.parse(listed.stdout) as unknown[]).length;
  assert.ok(providers >= 5);

  const { url } = await freshDatabase();
  const secret = new URL(url);
  const password = decodeURIComponent(secret.password);
  secret.password = '';
  const withoutPassword = secret.toString();

  const out = await runCliAsync(['migrate-register', '--from', file, '--to', withoutPassword], { ...env, PGPASSWORD: password });
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /^Moved the register .*mine\.db to postgres:\/\//);
  assert.match(out.stdout, new RegExp(`vendors\\s+${providers} rows`));
  assert.match(out.stdout, /audit_log\s+\d+ rows\s+chain head [0-9a-f]{64}/);
  assert.match(out.stdout, /Not copied, rebuilt by the target: score_stamps, listed_scores/);
  assert.equal(out.stdout.includes(password), false);

  const back = path.join(dir, 'back.db');
  const json = await runCliAsync(['migrate-register', '--from', url, '--to', back, '--json'], env);
  assert.equal(json.status, 0, json.stderr);
  const report = JSON.parse(json.stdout) as { from: string; auditRows: number; tables: { table: string; rows: number }[] };
  assert.equal(report.from.includes(password), false);
  assert.equal(report.tables.find((t) => t.table === 'vendors')?.rows, providers);

  const again = await runCliAsync(['list', '--json', '--db', back], env);
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(JSON.parse(again.stdout), JSON.parse(listed.stdout));

  // Into a register that is not empty: refused, exit 2, what it held unchanged.
  const refused = await runCliAsync(['migrate-register', '--from', file, '--to', back], env);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /already holds a register/);
  assert.deepEqual(JSON.parse((await runCliAsync(['list', '--json', '--db', back], env)).stdout), JSON.parse(listed.stdout));
});

test('a wrong password, a missing source and a refused move leave nothing behind and name the flag', async () => {
  const dir = tempDir();
  const { url } = await freshDatabase();
  const wrong = new URL(url);
  wrong.password = 'not-the-password';
  const target = path.join(dir, 'new.db');

  const login = await runCliAsync(['migrate-register', '--from', wrong.toString(), '--to', target]);
  assert.equal(login.status, 2, login.stderr);
  assert.match(login.stderr, /--from: The team register’s server refused the login/);
  assert.equal(login.stderr.includes('not-the-password'), false);
  assert.equal(fs.existsSync(target), false, 'the target file it would have created is not left behind');

  const missing = await runCliAsync(['migrate-register', '--from', path.join(dir, 'nothing.db'), '--to', url]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--from: there is no register at/);

  const usage = await runCliAsync(['migrate-register', '--from', url]);
  assert.equal(usage.status, 1);
  assert.match(usage.stderr, /usage: vetted migrate-register/);
});

test('--db postgres://… and $VETTED_DB open a team register; a server that does not answer is named without its password; backup and restore say a team register has no file', async () => {
  const dir = tempDir();
  const { url } = await freshDatabase();
  const password = new URL(url).password;
  const withoutPassword = Object.assign(new URL(url), { password: '' }).toString();
  const env = { HOME: dir, XDG_CONFIG_HOME: dir, PGPASSWORD: password };
  const demo = await runCliAsync(['demo', '--db', withoutPassword], env);
  assert.equal(demo.status, 0, demo.stderr);
  const list = await runCliAsync(['list', '--json'], { ...env, VETTED_DB: withoutPassword });
  assert.equal(list.status, 0, list.stderr);
  assert.equal((JSON.parse(list.stdout) as unknown[]).length, 8, 'the demo providers, listed from the server');

  const down = await runCliAsync(['list', '--db', 'postgres://someone:hunter2@127.0.0.1:1/register'], env);
  assert.notEqual(down.status, 0);
  assert.doesNotMatch(down.stderr + down.stdout, /hunter2/, 'the password is never printed');

  const backup = await runCliAsync(['backup', '--out', path.join(dir, 'b.db'), '--db', withoutPassword], env);
  assert.equal(backup.status, 2, backup.stderr);
  assert.match(backup.stderr, /--db: a team register on PostgreSQL has no register file for this command/);
  assert.equal(fs.existsSync(path.join(process.cwd(), 'postgres:')), false);
  assert.equal(fs.existsSync(path.join(process.cwd(), 'postgresql:')), false);
});
