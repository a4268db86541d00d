/* global console */
// `npm start`: opens Vetted.
//   - Electron's binary present (node_modules/electron/path.txt and dist/<that path>): build the
//     renderer, the shell bundles and the Electron build of better-sqlite3, then start Electron.
//   - Absent (it downloads on install, which needs electron's download server): say so in one line
//     and open Vetted in the browser instead (`vetted serve --open`, bound to 127.0.0.1).
// It never downloads anything itself, and never require()s 'electron' (which would try to).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const NO_ELECTRON_LINE =
  'Electron is not available on this machine (its binary could not be downloaded); opening Vetted in your browser instead.';

class StartError extends Error {}

/** The Electron executable, or null when its binary was never downloaded. Downloads nothing. */
export function electronBinary(projectRoot = root) {
  const dir = path.join(projectRoot, 'node_modules', 'electron');
  let relative;
  try {
    relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!relative) return null;
  const file = path.join(dir, 'dist', relative);
  return fs.existsSync(file) ? file : null;
}

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when dist/renderer/index.html is missing or older than the renderer's or shared/ sources. */
export function rendererIsStale(projectRoot = root) {
  const built = path.join(projectRoot, 'dist', 'renderer', 'index.html');
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(
    newestMtime(path.join(projectRoot, 'renderer')),
    newestMtime(path.join(projectRoot, 'shared')),
    newestMtime(path.join(projectRoot, 'package-lock.json')),
  );
  return fs.statSync(built).mtimeMs < sources;
}

/** Builds the renderer with vite when needed. Throws StartError with a plain sentence when it cannot. */
export function ensureRenderer(projectRoot = root) {
  const config = path.join(projectRoot, 'renderer', 'vite.config.ts');
  if (!fs.existsSync(config)) {
    throw new StartError('the app interface is not there yet (renderer/vite.config.ts is missing), so there is nothing to open');
  }
  if (!rendererIsStale(projectRoot)) return;
  console.log('start: building the app interface (vite)…');
  const vite = path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', config, '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new StartError('building the app interface failed (the vite output above says why)');
  if (!fs.existsSync(path.join(projectRoot, 'dist', 'renderer', 'index.html'))) {
    throw new StartError('vite finished but dist/renderer/index.html is missing (check build.outDir in renderer/vite.config.ts)');
  }
}

/** Runs a long-lived child with the terminal, passing signals on; resolves with its exit code. */
function runForeground(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    // Ctrl+C reaches the child through the terminal; stay alive until it has shut down.
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', () => {});
    process.on('SIGTERM', forward);
    process.on('SIGHUP', forward);
    child.on('error', (error) => {
      console.error(`start: could not run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Builds the CLI bundle (dist/cli/vetted.mjs) when it is missing or stale, so that `vetted serve`
 * starts without transpiling. A failed build is not fatal: bin/vetted.js then runs the sources.
 */
async function ensureCliBundle() {
  try {
    const { buildCli } = await import('./build-cli.mjs');
    const { built } = await buildCli({ quiet: true });
    if (built) console.log('start: built the command line (dist/cli/vetted.mjs)');
  } catch (error) {
    console.log(`start: could not build the command line (${error.message.split('\n')[0]}); running it from the sources`);
  }
}

async function browserMode() {
  ensureRenderer();
  await ensureCliBundle();
  return runForeground(process.execPath, [path.join(root, 'bin', 'vetted.js'), 'serve', '--open']);
}

async function electronMode(binary) {
  ensureRenderer();
  try {
    const { buildElectron } = await import('./build-electron.mjs');
    await buildElectron({ quiet: true });
    const { buildElectronNative } = await import('./build-electron-native.mjs');
    await buildElectronNative({ log: (line) => console.log(line) });
  } catch (error) {
    console.log(`start: cannot start the desktop app: ${error.message}; opening Vetted in your browser instead.`);
    return browserMode();
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron behave as plain Node
  return runForeground(binary, [root], env);
}

export async function start() {
  const binary = electronBinary();
  try {
    if (binary) return await electronMode(binary);
    console.log(NO_ELECTRON_LINE);
    return await browserMode();
  } catch (error) {
    if (!(error instanceof StartError)) throw error;
    console.error(`start: ${error.message}.`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await start();
}
