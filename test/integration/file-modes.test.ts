// Files Vetted creates are the user's alone (#17, item 7): register, -wal/-shm, backups and exports
// 0600, the folders it makes 0700, under the usual 022 umask; the default key file sits in a key
// folder apart from the default register's, and one left at the old place is moved there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { defaultKeyFile, keySourceFromEnv, legacyKeyFile } from '../../electron/core/crypto/key-sources';
import { appDataDir, keyFolder } from '../../electron/core/paths';
import { openVetted } from '../../electron/core/vetted';
import { REPO_ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const mode = (file: string) => fs.statSync(file).mode & 0o777;
const octal = (n: number) => n.toString(8).padStart(3, '0');

/** The CLI as a user's shell runs it: umask 022 set explicitly, so a 0644 default would show. */
function cliUnder022(args: string[], env: NodeJS.ProcessEnv) {
  const run = spawnSync('sh', ['-c', 'umask 022 && exec "$@"', 'sh', process.execPath, path.join(REPO_ROOT, 'bin/vetted.js'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, VETTED_DB: '', VETTED_KEY_FILE: '', VETTED_PASSPHRASE: '', ...env },
    timeout: 60_000,
  });
  assert.equal(run.status, 0, `vetted ${args.join(' ')}:\n${run.stdout}${run.stderr}`);
  return run.stdout;
}

describe('file modes under umask 022', () => {
  it('the CLI makes the register, its folder, backups, exports, reports and the key 0600/0700', () => {
    const home = tempDir();
    const env = { XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data') };
    const folder = path.join(home, 'registers', 'team');
    const db = path.join(folder, 'register.db');
    const vetted = (...args: string[]) => cliUnder022([...args, '--db', db], env);

    vetted('vendor', 'add', 'Acme Cloud');
    vetted('answer', 'Acme Cloud', 'inc_postmortems', 'on_request', '--comment', 'only under NDA', '--confidential');
    const outputs = {
      backup: path.join(home, 'backup.db'),
      export: path.join(home, 'export.json'),
      csv: path.join(home, 'register.csv'),
      report: path.join(home, 'report.pdf'),
    };
    vetted('backup', '--out', outputs.backup);
    vetted('export', '--out', outputs.export);
    vetted('export-csv', '--out', outputs.csv);
    vetted('report', 'Acme Cloud', '--draft', '--include-confidential', '--out', outputs.report);

    const found: Record<string, string> = {
      'register folder': octal(mode(folder)),
      'its parent (made too)': octal(mode(path.dirname(folder))),
      register: octal(mode(db)),
      ...Object.fromEntries(Object.entries(outputs).map(([name, file]) => [name, octal(mode(file))])),
    };
    const keys = fs.readdirSync(keyFolder(env));
    assert.equal(keys.length, 1, `one key file in the key folder: ${keys.join(', ')}`);
    found['key folder'] = octal(mode(keyFolder(env)));
    found['key file'] = octal(mode(path.join(keyFolder(env), keys[0]!)));
    assert.deepEqual(found, {
      'register folder': '700', 'its parent (made too)': '700', register: '600',
      backup: '600', export: '600', csv: '600', report: '600', 'key folder': '700', 'key file': '600',
    });
    assert.equal(fs.existsSync(path.join(appDataDir(env), 'keys')), false, 'no key in the app data folder, where the default register lives');
  });

  it('an open register has its -wal and -shm 0600, and an older 0644 register is narrowed on open', async () => {
    const previous = process.umask(0o022);
    try {
      const dir = tempDir();
      const db = path.join(dir, 'old.db');
      (await openVetted(db, { logError: () => {} })).close();
      fs.chmodSync(db, 0o644); // as an older Vetted left it
      const vetted = await openVetted(db, { logError: () => {} });
      try {
        assert.deepEqual([db, `${db}-wal`, `${db}-shm`].map((f) => `${path.basename(f)} ${octal(mode(f))}`), ['old.db 600', 'old.db-wal 600', 'old.db-shm 600']);
      } finally {
        vetted.close();
      }
    } finally {
      process.umask(previous);
    }
  });
});

describe('the default key folder', () => {
  const env = (home: string) => ({ XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data') });

  it('is apart from the default register\'s folder on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const e = { XDG_CONFIG_HOME: '/h/.config', XDG_DATA_HOME: '/h/.local/share', APPDATA: '/h/Roaming', LOCALAPPDATA: '/h/Local' };
      const keys = keyFolder(e, platform);
      const data = appDataDir(e, platform);
      assert.ok(!keys.startsWith(data + path.sep) && keys !== data, `${platform}: ${keys} is outside ${data}`);
    }
  });

  it('a key file at the old place (beside the default register) still opens, and is moved to the key folder', () => {
    const home = tempDir();
    const e = env(home);
    const key = randomBytes(32);
    const old = legacyKeyFile('00000000-0000-4000-8000-000000000001', e);
    fs.mkdirSync(path.dirname(old), { recursive: true, mode: 0o700 });
    fs.writeFileSync(old, key.toString('hex') + '\n', { mode: 0o600 });

    const loaded = keySourceFromEnv(undefined, e).load('00000000-0000-4000-8000-000000000001', Buffer.alloc(16));
    assert.ok(loaded?.equals(key), 'the old key file gives the same key');
    assert.equal(fs.existsSync(old), false, 'it is no longer beside the register');
    assert.equal(fs.readFileSync(defaultKeyFile('00000000-0000-4000-8000-000000000001', e), 'utf8').trim(), key.toString('hex'));
    assert.equal(mode(defaultKeyFile('00000000-0000-4000-8000-000000000001', e)), 0o600);
    assert.ok(keySourceFromEnv(undefined, e).load('00000000-0000-4000-8000-000000000001', Buffer.alloc(16))?.equals(key), 'and opens from its new place');
  });

  it('an old key file others can read is refused where it is, not moved', () => {
    const home = tempDir();
    const e = env(home);
    const old = legacyKeyFile('00000000-0000-4000-8000-000000000002', e);
    fs.mkdirSync(path.dirname(old), { recursive: true });
    fs.writeFileSync(old, randomBytes(32).toString('hex'));
    fs.chmodSync(old, 0o644);
    assert.throws(() => keySourceFromEnv(undefined, e).load('00000000-0000-4000-8000-000000000002', Buffer.alloc(16)), /can be read by other users; run: chmod 600/);
    assert.ok(fs.existsSync(old), 'left where it was');
    assert.equal(fs.existsSync(defaultKeyFile('00000000-0000-4000-8000-000000000002', e)), false, 'nothing copied');
  });
});
