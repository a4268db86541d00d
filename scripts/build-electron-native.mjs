/* global console, fetch, AbortSignal */
// Builds better-sqlite3 for Electron's ABI into .native/electron-<abi>/better_sqlite3.node, which the
// Electron main process loads in development (electron/app/native-binding.ts). It never touches
// node_modules/better-sqlite3/build: that is Node's build, which the tests and the CLI need.
//
// How: copy the package's sources to a temp folder and run npm's own node-gyp there with
// --runtime=electron --target=<electron version> --dist-url=https://electronjs.org/headers and an
// explicit --nodedir=<Electron's headers>. The explicit --nodedir matters: a user config such as
// `nodedir=/usr` (npm passes it on as npm_config_nodedir) would otherwise win and the "Electron"
// build would silently be compiled against Node's headers. The result is verified by reading its
// `node_register_module_v<abi>` symbol (scripts/native-abi.mjs).
//
// Usage: node scripts/build-electron-native.mjs [--force]   (npm run build:native-electron)
// Exit code 0: built or already up to date. 1: not built; stderr says why in one sentence.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkElectronAbi, describeAbi, readModuleAbi } from './native-abi.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';
const BINDING = 'better_sqlite3.node';

export class NativeBuildError extends Error {}

export function electronTarget(projectRoot = root) {
  const dir = path.join(projectRoot, 'node_modules', 'electron');
  try {
    const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const abi = fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim();
    if (!/^\d+$/.test(abi)) throw new Error(`abi_version holds "${abi}"`);
    return { version, abi };
  } catch (error) {
    throw new NativeBuildError(`the electron package is not installed properly in node_modules (${error.message}); run npm install`);
  }
}

export function electronBindingPath(abi, projectRoot = root) {
  return path.join(projectRoot, '.native', `electron-${abi}`, BINDING);
}

/** npm's bundled node-gyp: from npm's environment when run by npm, else next to this Node. */
export function findNodeGyp(env = process.env) {
  const candidates = [];
  if (env.npm_config_node_gyp) candidates.push(env.npm_config_node_gyp);
  if (env.npm_execpath) candidates.push(path.join(path.dirname(env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const nodeDir = path.dirname(process.execPath);
  candidates.push(
    path.join(nodeDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(nodeDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  );
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

/** The environment for node-gyp: npm's build settings removed, so only our flags decide. */
export function cleanBuildEnv(env = process.env) {
  const clean = { ...env };
  for (const key of Object.keys(clean)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|devdir|build_from_source|tarball)$/i.test(key)) delete clean[key];
  }
  return clean;
}

function sha256(file) {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

function run(command, args, { cwd, env, logFile }) {
  return new Promise((resolve) => {
    fs.appendFileSync(logFile, `\n$ ${[command, ...args].join(' ')}   (in ${cwd})\n`);
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let output = '';
    const keep = (chunk) => {
      fs.appendFileSync(logFile, chunk);
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ code: -1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Why a URL cannot be fetched, in a few words (best effort; null when it can). */
async function whyUnreachable(url) {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(15_000) });
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (error) {
    return error.cause?.message ?? error.message;
  }
}

/** The first line of a failed compile worth showing. */
function firstError(output) {
  const lines = output.split('\n').map((l) => l.trim());
  return (
    lines.find((l) => /\berror\b[: ]/i.test(l) && !l.startsWith('gyp ERR!')) ??
    lines.find((l) => l.startsWith('gyp ERR! stack Error:'))?.replace('gyp ERR! stack ', '') ??
    'see the log'
  );
}

/**
 * Builds (or finds up to date) the Electron-ABI binding. Returns { file, built }. Throws
 * NativeBuildError with one plain sentence when it cannot.
 */
export async function buildElectronNative({ projectRoot = root, force = false, log = console.log } = {}) {
  const { version, abi } = electronTarget(projectRoot);
  const target = electronBindingPath(abi, projectRoot);
  const shown = path.relative(projectRoot, target);

  if (fs.existsSync(target)) {
    const check = checkElectronAbi(target, abi);
    if (check.ok && !force) {
      log(`build-electron-native: ${shown} is up to date (Electron ${version}, ABI ${abi}).`);
      return { file: target, built: false };
    }
    fs.rmSync(target, { force: true });
  }

  const nodeGyp = findNodeGyp();
  if (!nodeGyp) throw new NativeBuildError("cannot find node-gyp (it ships with npm); run this through npm (npm run build:native-electron)");

  const nativeDir = path.join(projectRoot, '.native');
  const devDir = path.join(nativeDir, 'node-gyp');
  const logFile = path.join(nativeDir, 'build-electron-native.log');
  fs.mkdirSync(nativeDir, { recursive: true });
  fs.writeFileSync(logFile, `build-electron-native ${new Date().toISOString()}: Electron ${version}, ABI ${abi}\n`);
  const env = cleanBuildEnv();
  const electronFlags = [`--target=${version}`, '--runtime=electron', `--dist-url=${ELECTRON_HEADERS_URL}`, `--devdir=${devDir}`];

  // 1. Electron's headers (node-gyp downloads them once, honouring proxy settings, and checks them).
  const install = await run(process.execPath, [nodeGyp, 'install', ...electronFlags, '--ensure'], { cwd: nativeDir, env, logFile });
  const headersDir = path.join(devDir, version);
  if (install.code !== 0 || !fs.existsSync(path.join(headersDir, 'include', 'node', 'node_version.h'))) {
    const url = `${ELECTRON_HEADERS_URL}/v${version}/node-v${version}-headers.tar.gz`;
    const reason = (await whyUnreachable(url)) ?? 'see .native/build-electron-native.log';
    throw new NativeBuildError(
      `could not download the headers of Electron ${version} from ${ELECTRON_HEADERS_URL} (${reason}), so better-sqlite3 cannot be built for Electron on this machine`,
    );
  }
  if (process.platform === 'win32') {
    // With an explicit --nodedir, node-gyp links against <nodedir>/Release/node.lib.
    const arch = process.env.npm_config_arch || process.arch;
    const lib = path.join(headersDir, arch, 'node.lib');
    if (fs.existsSync(lib)) {
      fs.mkdirSync(path.join(headersDir, 'Release'), { recursive: true });
      fs.copyFileSync(lib, path.join(headersDir, 'Release', 'node.lib'));
    }
  }

  // 2. Compile a copy of the sources, so node_modules/better-sqlite3/build is never touched.
  const packageDir = path.join(projectRoot, 'node_modules', 'better-sqlite3');
  const nodeBuild = path.join(packageDir, 'build', 'Release', BINDING);
  const nodeBuildHash = sha256(nodeBuild);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vetted-better-sqlite3-'));
  try {
    fs.cpSync(packageDir, work, {
      recursive: true,
      filter: (source) => {
        const rel = path.relative(packageDir, source).split(path.sep)[0];
        return rel !== 'build' && rel !== 'node_modules';
      },
    });
    log(`build-electron-native: compiling better-sqlite3 for Electron ${version} (ABI ${abi}); this takes a minute or two…`);
    const compile = await run(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', ...electronFlags, `--nodedir=${headersDir}`, '--jobs=max'],
      { cwd: work, env, logFile },
    );
    if (compile.code !== 0) {
      throw new NativeBuildError(`node-gyp could not compile better-sqlite3 for Electron ${version} (${firstError(compile.output)}; full log in .native/build-electron-native.log)`);
    }

    // 3. Verify: the binary must register as Electron's ABI, not Node's.
    const built = path.join(work, 'build', 'Release', BINDING);
    const check = checkElectronAbi(built, abi);
    if (!check.ok) {
      fs.rmSync(built, { force: true });
      throw new NativeBuildError(
        `the build came out for ${describeAbi(check.found)}, not Electron ${abi}: it was built against Node's headers, not Electron's, and was deleted`,
      );
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(built, `${target}.tmp`);
    fs.renameSync(`${target}.tmp`, target);
    fs.writeFileSync(
      path.join(path.dirname(target), 'build-info.json'),
      `${JSON.stringify({ electron: version, abi: Number(abi), found: readModuleAbi(target), builtAt: new Date().toISOString() }, null, 2)}\n`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (sha256(nodeBuild) !== nodeBuildHash) {
    throw new NativeBuildError(`${path.relative(projectRoot, nodeBuild)} changed during the build, which must never happen; run npm rebuild better-sqlite3 to restore Node's build`);
  }
  log(`build-electron-native: wrote ${shown} (Electron ${version}, ABI ${abi}).`);
  return { file: target, built: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await buildElectronNative({ force: process.argv.includes('--force') });
  } catch (error) {
    const message = error instanceof NativeBuildError ? error.message : `unexpected error: ${error.message}`;
    console.error(`build-electron-native: ${message}.`);
    process.exitCode = 1;
  }
}
