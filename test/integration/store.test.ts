import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { openRegister } from '../../electron/core/db/open';
import { resolveDbPath, appDataDir } from '../../electron/core/paths';
import { VettedError } from '../../shared/result';
import { tempDbPath, tempDir } from '../helpers/tmp';

test('a new register is migrated to the latest schema with WAL, foreign keys and a busy timeout', () => {
  const file = tempDbPath();
  const register = openRegister(file);
  try {
    assert.equal(schemaVersion(register.db), LATEST_SCHEMA_VERSION);
    assert.equal(register.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(register.db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(register.db.pragma('busy_timeout', { simple: true }), 5000);
    const tables = register.db.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    for (const t of ['vendors', 'templates', 'reviews', 'answers', 'settings']) assert.ok(tables.includes(t), t);
  } finally {
    register.close();
  }
});

test('opening the register creates missing parent folders', () => {
  const file = path.join(tempDir(), 'a', 'b', 'vetted.db');
  openRegister(file).close();
  assert.ok(fs.existsSync(file));
});

test('a register from a newer Vetted is refused and left byte-identical', () => {
  const file = tempDbPath();
  const raw = new Database(file);
  raw.exec('CREATE TABLE future (x)');
  raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
  raw.close();
  const before = fs.readFileSync(file);
  assert.throws(
    () => openRegister(file),
    (e: unknown) => e instanceof VettedError && e.code === 'schema_too_new' && /newer Vetted/.test(e.message),
  );
  assert.deepEqual(fs.readFileSync(file), before);
  assert.equal(fs.existsSync(`${file}-wal`), false, 'no WAL file was created');
});

test('a file that is not a register is refused and left untouched', () => {
  const file = tempDbPath('notes.db');
  fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(100));
  const before = fs.readFileSync(file);
  assert.throws(() => openRegister(file), (e: unknown) => e instanceof VettedError && e.code === 'validation');
  assert.deepEqual(fs.readFileSync(file), before);

  const other = tempDbPath('other.db');
  const raw = new Database(other);
  raw.exec('CREATE TABLE someone_elses (x)');
  raw.close();
  assert.throws(() => openRegister(other), /not a Vetted register/);
});

test('each migration runs in its own transaction: a failing one leaves the previous version intact', () => {
  const db = new Database(':memory:');
  const broken = [
    ...MIGRATIONS,
    {
      version: MIGRATIONS.length + 1,
      name: 'half-done',
      up(d: Database.Database) {
        d.exec('CREATE TABLE half (x)');
        throw new Error('boom');
      },
    },
  ];
  assert.throws(() => migrate(db, broken), /boom/);
  assert.equal(schemaVersion(db), LATEST_SCHEMA_VERSION);
  assert.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name='half'").pluck().get(), 0);
  db.close();
});

test('migrations are numbered without gaps', () => {
  MIGRATIONS.forEach((m, i) => assert.equal(m.version, i + 1, m.name));
  const db = new Database(':memory:');
  assert.throws(() => migrate(db, [{ ...MIGRATIONS[0]!, version: 2 }]), /expected 1/);
  db.close();
});

test('the default register path follows --db, then VETTED_DB, then the per-OS app data folder', () => {
  assert.equal(resolveDbPath('/tmp/x.db', { VETTED_DB: '/tmp/y.db' }), '/tmp/x.db');
  assert.equal(resolveDbPath(undefined, { VETTED_DB: '/tmp/y.db' }), '/tmp/y.db');
  assert.equal(resolveDbPath(undefined, { XDG_CONFIG_HOME: '/home/u/.config' }), '/home/u/.config/Vetted/vetted.db');
  assert.match(appDataDir({}, 'darwin'), /Library\/Application Support\/Vetted$/);
  assert.match(appDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32'), /Roaming.Vetted$/);
});
