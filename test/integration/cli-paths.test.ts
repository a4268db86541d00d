// Where the CLI's relative paths point and when it may create a register (#17, item 10): through
// `npm run vetted -- …` relative --db, --out and input files mean the folder the user typed the
// command in (npm's INIT_CWD), not the package folder; a command that only reads is refused on a
// --db file that does not exist instead of creating an empty register.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { REGISTER_USE, registerUse } from '../../electron/cli/command-access';
import { REPO_ROOT, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

/**
 * A file name unique to this run, removed from the package folder afterwards: where the file would
 * land if INIT_CWD were ignored, so a failing run leaves no litter.
 */
function relativeName(stem: string): string {
  const name = `cli-paths-${process.pid}-${stem}`;
  after(() => fs.rmSync(path.join(REPO_ROOT, name), { force: true }));
  return name;
}

/** The CLI as `npm run vetted -- …` starts it: in the package folder, INIT_CWD naming where it was typed. */
function viaNpmScript(typedIn: string, args: string[]) {
  return runCli(args, { INIT_CWD: typedIn, npm_lifecycle_event: 'vetted' });
}

describe('relative paths through npm run vetted', () => {
  it('--db, --out and input files resolve against INIT_CWD, not the package folder', () => {
    const typedIn = tempDir();
    const name = relativeName('register.db');
    const copy = relativeName('copy.db');
    const run = (...args: string[]) => {
      const r = viaNpmScript(typedIn, args);
      assert.equal(r.status, 0, `vetted ${args.join(' ')}:\n${r.stdout}${r.stderr}`);
      return r.stdout;
    };
    run('vendor', 'add', 'Acme Cloud', '--db', name);
    assert.ok(fs.existsSync(path.join(typedIn, name)), 'the register is made where the user typed the command');
    assert.equal(fs.existsSync(path.join(REPO_ROOT, name)), false, 'not in the package folder');

    run('backup', '--out', copy, '--db', name);
    assert.ok(fs.existsSync(path.join(typedIn, copy)), '--out is written in the typed-in folder');
    assert.equal(fs.existsSync(path.join(REPO_ROOT, copy)), false, 'not in the package folder');
  });

  it('an input file and an --out folder are looked up in the typed-in folder too', () => {
    const typedIn = tempDir();
    fs.mkdirSync(path.join(typedIn, 'out'));
    const ok = (...args: string[]) => {
      const r = viaNpmScript(typedIn, args);
      assert.equal(r.status, 0, `vetted ${args.join(' ')}:\n${r.stdout}${r.stderr}`);
    };
    const [a, b] = [relativeName('a.db'), relativeName('b.db')];
    ok('vendor', 'add', 'Acme Cloud', '--db', a);
    ok('export', '--out', 'out/register.json', '--db', a);
    assert.ok(fs.existsSync(path.join(typedIn, 'out', 'register.json')), '--out out/register.json is in the typed-in folder');
    ok('import', 'out/register.json', '--db', b);
    assert.match(runCli(['list', '--db', path.join(typedIn, b)]).stdout, /Acme Cloud/, 'the relative input file was read from there');
  });

  it('with real npm: `npm run vetted -- list --db FILE` in another folder reads that folder\'s FILE', () => {
    const typedIn = tempDir();
    const name = relativeName('npm.db');
    const made = runCli(['vendor', 'add', 'Typed-in folder', '--db', path.join(typedIn, name)]);
    assert.equal(made.status, 0, made.stderr);
    const npm = spawnSync('npm', ['--prefix', REPO_ROOT, 'run', '-s', 'vetted', '--', 'list', '--db', name], {
      cwd: typedIn,
      encoding: 'utf8',
      env: { ...process.env, VETTED_DB: '', npm_config_update_notifier: 'false' },
      timeout: 120_000,
    });
    assert.equal(npm.status, 0, `npm run vetted:\n${npm.stdout}${npm.stderr}`);
    assert.match(npm.stdout, /Typed-in folder/);
  });

  it('another npm script keeps paths relative to the package folder (its own arguments were written there)', () => {
    const typedIn = tempDir();
    const name = relativeName('in-package.db');
    const r = runCli(['vendor', 'add', 'Acme', '--db', name], { INIT_CWD: typedIn, npm_lifecycle_event: 'serve' });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(REPO_ROOT, name)), 'made in the package folder');
    assert.equal(fs.existsSync(path.join(typedIn, name)), false, 'not in INIT_CWD');
  });
});

describe('a mistyped --db', () => {
  it('is refused by a command that only reads, naming the path, and creates nothing', () => {
    const dir = tempDir();
    for (const args of [['list'], ['score', 'Acme'], ['export', '--out', path.join(dir, 'x.json')], ['history', 'Acme'], ['due'], ['audit', 'export']]) {
      const db = path.join(dir, 'typo.db');
      const r = runCli([...args, '--db', db]);
      assert.equal(r.status, 2, `vetted ${args.join(' ')} exits 2:\n${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /there is no register at .*typo\.db \(check --db\); nothing was created/);
      assert.deepEqual(fs.readdirSync(dir), [], `vetted ${args.join(' ')} created nothing`);
    }
  });

  it('is refused by a command that changes existing records; commands that add data create it', () => {
    const dir = tempDir();
    const refused = runCli(['answer', 'Acme', 'q1', 'yes', '--db', path.join(dir, 'typo.db')]);
    assert.equal(refused.status, 2, refused.stderr);
    assert.deepEqual(fs.readdirSync(dir), []);
    const made = runCli(['vendor', 'add', 'Acme', '--db', path.join(dir, 'new.db')]);
    assert.equal(made.status, 0, made.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'new.db')), 'vendor add creates the register');
  });

  it('is refused by a dry run of a command that would create it (a dry run writes nothing, not even the register)', () => {
    const dir = tempDir();
    const source = path.join(tempDir(), 'export.json');
    fs.writeFileSync(source, JSON.stringify({ format: 'vetted-register', formatVersion: 1, exportedAt: '2026-01-01T00:00:00.000Z', templates: [], vendors: [], reviews: [], answers: [], settings: {} }));
    const r = runCli(['import', source, '--dry-run', '--db', path.join(dir, 'typo.db')]);
    assert.equal(r.status, 2, `vetted import --dry-run exits 2:\n${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /there is no register at .*typo\.db/);
    assert.deepEqual(fs.readdirSync(dir), [], 'nothing created');
  });
});

describe('a typed-in folder that cannot be entered', () => {
  it('is refused, naming it, instead of resolving paths in the package folder', () => {
    const gone = path.join(tempDir(), 'removed-since');
    const name = relativeName('gone.db');
    const r = viaNpmScript(gone, ['vendor', 'add', 'Acme', '--db', name]);
    assert.equal(r.status, 2, `exits 2:\n${r.stdout}${r.stderr}`);
    assert.match(r.stderr, /cannot enter the folder the command was typed in \(.*removed-since\)/);
    assert.equal(fs.existsSync(path.join(REPO_ROOT, name)), false, 'no register made in the package folder');
  });
});

describe('the register-use table', () => {
  it('classifies every command vetted knows', () => {
    const source = fs.readFileSync(path.join(REPO_ROOT, 'electron/cli/vetted.ts'), 'utf8');
    const commands = [...source.matchAll(/^\s+case '([a-z-]+)':/gm)].map((m) => m[1]!);
    assert.ok(commands.length > 25, `found the command switch (${commands.length} commands)`);
    assert.deepEqual(commands.filter((c) => !Object.hasOwn(REGISTER_USE, c)), [], 'every command is in REGISTER_USE');
  });

  it('reads subcommands and defaults to reading', () => {
    assert.equal(registerUse('list', []), 'reads');
    assert.equal(registerUse('demo', []), 'creates');
    assert.equal(registerUse('vendor', ['--db', 'x.db', 'add', 'Acme']), 'creates');
    assert.equal(registerUse('evidence', ['list']), 'reads');
    assert.equal(registerUse('evidence', ['add', 'Acme', 'f.pdf']), 'changes');
    assert.equal(registerUse('template', ['import', 'f.json']), 'creates');
    assert.equal(registerUse('window', ['nonsense']), 'reads');
    assert.equal(registerUse('not-a-command', []), 'reads');
    assert.equal(registerUse('import', ['f.json']), 'creates');
    assert.equal(registerUse('import', ['f.json', '--dry-run']), 'reads');
  });
});
