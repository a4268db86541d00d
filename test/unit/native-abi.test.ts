// scripts/native-abi.mjs reads which runtime a .node addon was compiled for, so that an "Electron"
// build of better-sqlite3 silently compiled against Node's headers is caught (and so that the
// Electron main process refuses a binding it could not load).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { chooseNativeBinding, developmentBindingPath, isBindingLoadError, moduleAbiOf } from '../../electron/app/native-binding';
import { checkElectronAbi, describeAbi, moduleAbisIn, readModuleAbi } from '../../scripts/native-abi.mjs';
import { tempDir } from '../helpers/tmp';

const require = createRequire(import.meta.url);
/** The real better-sqlite3 binary that npm ci built for this Node (tests and the CLI use it). */
const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const nodeAbi = Number(process.versions.modules);
const ELECTRON_ABI = 150;

describe('reading a native addon ABI', () => {
  it("reports this Node's ABI for the package's own build (115 on Node 20)", () => {
    assert.equal(readModuleAbi(nodeBuild), nodeAbi);
    if (process.versions.node.startsWith('20.')) assert.equal(readModuleAbi(nodeBuild), 115);
  });

  it('says the Node build is not an Electron 150 build, and why', () => {
    const check = checkElectronAbi(nodeBuild, ELECTRON_ABI);
    assert.equal(check.ok, false);
    assert.equal(check.found, nodeAbi);
    assert.match(check.message, /not Electron 150/);
    assert.match(check.message, /built against Node's headers, not Electron's/);
    if (nodeAbi === 115) assert.match(check.message, /ABI 115 \(Node 20\)/);
  });

  it('accepts a binary whose marker names the expected ABI', () => {
    const file = path.join(tempDir(), 'fake.node');
    fs.writeFileSync(file, Buffer.concat([Buffer.alloc(64, 0x7f), Buffer.from('\0_node_register_module_v150\0tail')]));
    assert.deepEqual(checkElectronAbi(file, '150'), { ok: true, found: 150, message: '' });
    assert.equal(checkElectronAbi(file, 151).ok, false);
  });

  it('finds every marker, and calls a file with none or several unknown', () => {
    assert.deepEqual(moduleAbisIn(Buffer.from('xx node_register_module_v115 yy node_register_module_v115')), [115]);
    assert.deepEqual(moduleAbisIn(Buffer.from('node_register_module_v node_register_module_vX')), []);
    const dir = tempDir();
    const none = path.join(dir, 'none.node');
    const two = path.join(dir, 'two.node');
    fs.writeFileSync(none, 'not an addon');
    fs.writeFileSync(two, 'node_register_module_v115 node_register_module_v150');
    assert.equal(readModuleAbi(none), null);
    assert.equal(readModuleAbi(two), null);
    assert.match(checkElectronAbi(none, 150).message, /built for an unknown runtime, not Electron 150\.$/);
    assert.match(checkElectronAbi(path.join(dir, 'missing.node'), 150).message, /cannot be read \(ENOENT\)/);
    assert.equal(describeAbi(137), 'ABI 137 (Node 24)');
  });

  it('the main process reads the same ABI, and refuses a binary that names two', () => {
    assert.equal(moduleAbiOf(fs.readFileSync(nodeBuild)), Number(process.versions.modules));
    const two = Buffer.from('xx node_register_module_v115 yy node_register_module_v150 zz', 'latin1');
    assert.equal(moduleAbiOf(two), null);
  });
});

describe('choosing the binding in the Electron main process', () => {
  it('uses the package build in a packaged app', () => {
    assert.deepEqual(chooseNativeBinding({ isPackaged: true, repoRoot: '/nowhere', abi: '150' }), { ok: true, nativeBinding: undefined });
  });

  it('asks for npm start when the development build is missing', () => {
    const choice = chooseNativeBinding({ isPackaged: false, repoRoot: tempDir(), abi: '150' });
    assert.equal(choice.ok, false);
    assert.match(!choice.ok ? choice.message : '', /electron-150.better_sqlite3\.node is missing.*Run "npm start"/);
  });

  it('refuses a development build with the wrong ABI (a Node build copied into .native)', () => {
    const root = tempDir();
    const file = developmentBindingPath(root, 150);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(nodeBuild, file);
    const choice = chooseNativeBinding({ isPackaged: false, repoRoot: root, abi: '150' });
    assert.equal(choice.ok, false);
    assert.match(!choice.ok ? choice.message : '', new RegExp(`module ABI ${nodeAbi}, not for this Electron \\(ABI 150\\)`));
  });

  it('uses a development build with the right ABI', () => {
    const root = tempDir();
    const file = developmentBindingPath(root, nodeAbi);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(nodeBuild, file);
    assert.deepEqual(chooseNativeBinding({ isPackaged: false, repoRoot: root, abi: String(nodeAbi) }), { ok: true, nativeBinding: file });
  });

  it('recognises the errors of loading a binary built for another runtime', () => {
    assert.equal(isBindingLoadError(new Error("The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 150.")), true);
    assert.equal(isBindingLoadError(new Error('SQLITE_CANTOPEN: unable to open database file')), false);
  });
});
