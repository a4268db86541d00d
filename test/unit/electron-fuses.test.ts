// The packaged app's Electron fuses, read from the packaging config itself: each one that would let
// the binary run as plain Node, take a debugger or NODE_OPTIONS, load its code from outside app.asar
// or give file:// extra rights stays off, and the code does not rely on what they switch off.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/cli';

const config = parse(fs.readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as {
  asar?: unknown;
  electronFuses?: Record<string, unknown>;
};

const HARDENED: Readonly<Record<string, boolean>> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

test('electron-builder.yml sets every fuse to its hardened value, with the app in app.asar', () => {
  assert.ok(config.electronFuses, 'electron-builder.yml has an electronFuses section');
  for (const [fuse, value] of Object.entries(HARDENED)) {
    assert.equal(config.electronFuses[fuse], value, `fuse ${fuse} is ${String(value)}`);
  }
  assert.deepEqual(Object.keys(config.electronFuses).sort(), Object.keys(HARDENED).sort(), 'no fuse left unset or misspelt');
  assert.equal(config.asar, true, 'onlyLoadAppFromAsar and asar integrity need the app packed in app.asar');
});

test('the shell relies on nothing the fuses switch off: no forked Node process, no file:// page', () => {
  const dir = path.join(REPO_ROOT, 'electron', 'app');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(dir, name), 'utf8');
    assert.doesNotMatch(source, /child_process|\.fork\(|ELECTRON_RUN_AS_NODE/, `${name} starts no Node child process (runAsNode is off)`);
    assert.doesNotMatch(source, /loadFile\(|['"`]file:\/\//, `${name} loads no file:// page (file:// gets no extra privileges)`);
  }
});
