// The command line runs from a bundle built once (scripts/build-cli.mjs → dist/cli/vetted.mjs and the
// chunks it loads on demand), and bin/vetted.js never runs a bundle older than the sources. Proved on a copy of the project (so the
// real sources are never touched while other tests run): built, the copy's `vetted` is the bundle
// and does real work; after a source edit, or without the bundle, it is the sources through tsx.
// And in this project: `vetted` (runCli, which every CLI test uses) is the bundle whenever it is
// current, which `npm test` makes sure of before the tests run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { buildCli } from '../../scripts/build-cli.mjs';
import { BUNDLE_FILE, STAMP_FILE, bundleStaleness, type BundleStamp } from '../../scripts/cli-bundle-stamp.mjs';
import { REPO_ROOT, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const FROM_SOURCES = 'vetted (from sources, through tsx)';

/** The parts of the project the CLI is built and run from; node_modules is linked, not copied. */
function copyProject(): string {
  const root = tempDir('vetted-cli-bundle-');
  for (const entry of ['bin', 'electron', 'shared', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.base.json', 'tsconfig.json']) {
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(root, entry), { recursive: true, preserveTimestamps: true });
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

function vettedIn(root: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin/vetted.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, VETTED_DB: '', VETTED_KEY_FILE: path.join(root, 'register.key') },
    timeout: 60_000,
  });
  assert.equal(run.status, 0, `vetted ${args.join(' ')} exits 0:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

const stampOf = (root: string): BundleStamp => JSON.parse(fs.readFileSync(path.join(root, STAMP_FILE), 'utf8'));

/** The text of `file` and of every chunk it imports statically, transitively: what runs when it is loaded. */
function staticClosure(dir: string, file: string, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(file)) return seen;
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  seen.set(file, text);
  // import{…}from"./chunk-X.mjs" and import"./chunk-X.mjs"; never import("./…"), which loads on demand.
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.mjs)["']/g)) staticClosure(dir, match[1]!, seen);
  return seen;
}

/** The chunk `import("./NAME-HASH.mjs")` in `text` loads on demand. */
function dynamicChunk(text: string, name: string): string {
  const found = new RegExp(`import\\(\\s*["']\\./(${name}-[A-Z0-9]+\\.mjs)["']\\s*\\)`).exec(text);
  assert.ok(found, `the bundle loads ${name} on demand`);
  return found[1]!;
}

test('a built bundle is what runs, and an edited source or a missing bundle sends vetted back to the sources', async () => {
  const root = copyProject();
  assert.equal(vettedIn(root, '--version').trim(), FROM_SOURCES, 'before any build, vetted runs the sources');

  const { built } = await buildCli({ projectRoot: root, force: true, quiet: true });
  assert.ok(built, 'buildCli builds the bundle');
  const stamp = stampOf(root);
  assert.ok(Object.keys(stamp.files).includes('electron/cli/vetted.ts'), 'the stamp lists the entry among the files the bundle was built from');
  // Our own files, and of node_modules only npm's record of the install (rewritten by every
  // install, npm ci included): a dependency changed under the bundle makes it stale.
  assert.ok(Object.keys(stamp.files).every((file) => !file.includes('node_modules') || file === 'node_modules/.package-lock.json'), 'the stamp lists only our own files and the install record');
  for (const input of ['package.json', 'scripts/build-electron.mjs', 'tsconfig.base.json']) {
    assert.ok(Object.keys(stamp.files).includes(input), `the stamp lists ${input} (it changes the build)`);
  }
  assert.equal(bundleStaleness(root), null, 'just built, the bundle is current');

  // Split: each command's code, and the register's, is a chunk read only by the runs that need it.
  const dir = path.dirname(path.join(root, BUNDLE_FILE));
  const entry = path.basename(BUNDLE_FILE);
  assert.ok((stamp.chunks ?? []).length > 10, `the stamp names the chunks the entry loads on demand: ${stamp.chunks?.length}`);
  for (const chunk of stamp.chunks ?? []) assert.ok(fs.existsSync(path.join(dir, chunk)), `chunk ${chunk} is beside the entry`);
  const atStart = [...staticClosure(dir, entry).values()].join('\n');
  assert.ok(!atStart.includes('better-sqlite3'), 'vetted --version and vetted --help load none of the register code (better-sqlite3 is behind a dynamic import)');
  assert.ok(!atStart.includes('is not in the vetted CLI bundle'), 'nor zod (whose locales the build replaces by functions saying this)');
  const entryText = fs.readFileSync(path.join(dir, entry), 'utf8');
  const forList = staticClosure(dir, dynamicChunk(entryText, 'list'), staticClosure(dir, dynamicChunk(entryText, 'session')));
  const listCode = [...forList.values()].join('\n');
  assert.ok(listCode.includes('better-sqlite3'), 'vetted list loads the register code');
  assert.ok(listCode.includes('is not in the vetted CLI bundle'), 'and zod, with English messages only');
  assert.ok(!listCode.includes('pdfmake'), 'vetted list loads none of the PDF code (the reports service is imported on its first call)');
  assert.equal(
    vettedIn(root, '--version').trim(),
    `vetted ${stamp.version} (bundle built ${stamp.builtAt})`,
    'built and current, vetted runs the bundle (its build time is the stamp’s)',
  );
  const again = await buildCli({ projectRoot: root, quiet: true });
  assert.equal(again.built, false, 'a current bundle is not built again');

  // The bundle does real work: a register filled and listed, external packages (better-sqlite3) loaded.
  const db = path.join(root, 'register.db');
  vettedIn(root, 'demo', '--db', db);
  assert.match(vettedIn(root, 'list', '--db', db), /Burrow MQ/, 'the bundled vetted lists the demo register');

  // An edit to any source the bundle was built from makes it stale: the sources run instead.
  const edited = path.join(root, 'shared', 'format.ts');
  assert.ok(stamp.files['shared/format.ts'], 'shared/format.ts is one of the bundle’s sources');
  fs.appendFileSync(edited, '\n// edited after the build\n');
  assert.match(bundleStaleness(root) ?? '', /shared\/format\.ts changed/, 'the edit is seen');
  assert.equal(vettedIn(root, '--version').trim(), FROM_SOURCES, 'after an edit, vetted runs the sources, not the stale bundle');
  // A file put back with an older time (a branch switch) is a change too.
  fs.utimesSync(edited, new Date(2020, 0, 1), new Date(2020, 0, 1));
  assert.notEqual(bundleStaleness(root), null, 'an older time is a change as well');

  await buildCli({ projectRoot: root, quiet: true });
  assert.match(vettedIn(root, '--version'), /\(bundle built /, 'rebuilt, the bundle runs again');
  // A chunk gone (deleted by hand) would fail the command that loads it: the sources run instead.
  const [someChunk] = stampOf(root).chunks ?? [];
  assert.ok(someChunk, 'the rebuilt bundle has chunks');
  const chunkFile = path.join(dir, someChunk);
  const chunkText = fs.readFileSync(chunkFile);
  fs.rmSync(chunkFile);
  assert.equal(bundleStaleness(root), `chunk ${someChunk} is missing`, 'a missing chunk is seen');
  assert.equal(vettedIn(root, '--version').trim(), FROM_SOURCES, 'with a chunk missing, vetted runs the sources');
  fs.writeFileSync(chunkFile, chunkText);
  // A rebuild keeps the previous build's chunks (a vetted started just before may still load them)
  // and removes older ones.
  const previous = stampOf(root).chunks ?? [];
  const stale = path.join(dir, 'chunk-OLDBUILD.mjs');
  fs.writeFileSync(stale, '');
  await buildCli({ projectRoot: root, force: true, quiet: true });
  for (const chunk of previous) assert.ok(fs.existsSync(path.join(dir, chunk)), `a rebuild keeps the previous build's ${chunk}`);
  assert.ok(!fs.existsSync(stale), 'a rebuild removes chunks of builds before the previous one');

  fs.rmSync(path.join(root, BUNDLE_FILE));
  assert.equal(bundleStaleness(root), 'not built', 'without the bundle file, the stamp alone does not count');
  assert.equal(vettedIn(root, '--version').trim(), FROM_SOURCES, 'without the bundle, vetted runs the sources');
});

test('the CLI tests run the bundle whenever it is current (npm test builds it first)', () => {
  const run = runCli(['--version']);
  assert.equal(run.status, 0, `vetted --version exits 0: ${run.stderr}`);
  if (bundleStaleness(REPO_ROOT) === null) {
    assert.match(run.stdout, /^vetted \S+ \(bundle built /, `the current bundle is what runCli runs, not the sources: ${run.stdout}`);
  } else {
    assert.equal(run.stdout.trim(), FROM_SOURCES, 'with no current bundle, runCli runs the sources');
  }
});
