/* global console */
// Bundles the Electron shell with esbuild:
//   electron/app/main.ts    → dist/electron/main.cjs     (Node in Electron's main process)
//   electron/app/preload.ts → dist/electron/preload.cjs  (the sandboxed renderer's preload)
// main.cjs finds the renderer at path.join(__dirname, '../renderer'), i.e. dist/renderer.
// Usage: node scripts/build-electron.mjs   (npm run build:electron)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Packages left out of main.cjs and loaded from node_modules at run time: better-sqlite3 is native
 * (and loads its .node by path); pdfkit (under pdfmake) and fontkit read data files next to their
 * own code, so bundling would break them. They ship in node_modules (see electron-builder.yml).
 * Everything else (zod, …) is bundled.
 */
export const MAIN_EXTERNALS = ['better-sqlite3', 'pdfmake', 'fontkit'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = path.join(root, 'dist', 'electron');

/** Everything but 'electron' must be inside the preload bundle: a sandboxed preload has no require(). */
export function foreignRequires(code, allowed = ['electron']) {
  const found = new Set();
  for (const match of code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)) {
    if (!allowed.includes(match[2])) found.add(match[2]);
  }
  return [...found];
}

export async function buildElectron({ outDir = OUT_DIR, quiet = false } = {}) {
  const common = {
    bundle: true,
    format: 'cjs',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
    tsconfig: path.join(root, 'electron', 'tsconfig.json'),
  };
  const main = path.join(outDir, 'main.cjs');
  const preload = path.join(outDir, 'preload.cjs');

  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'app', 'main.ts')],
      outfile: main,
      platform: 'node',
      target: 'node20',
      external: ['electron', ...MAIN_EXTERNALS],
    }),
    build({
      ...common,
      entryPoints: [path.join(root, 'electron', 'app', 'preload.ts')],
      outfile: preload,
      // A browser-like sandbox: any import of a Node built-in fails the build instead of failing at run time.
      platform: 'browser',
      target: 'chrome120',
      external: ['electron'],
    }),
  ]);

  const extra = foreignRequires(readFileSync(preload, 'utf8'));
  if (extra.length > 0) {
    throw new Error(`the preload bundle requires ${extra.join(', ')}; a sandboxed preload can only require 'electron'`);
  }
  if (!quiet) console.log(`build-electron: wrote ${path.relative(root, main)} and ${path.relative(root, preload)}`);
  return { main, preload };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await buildElectron();
  } catch (error) {
    console.error(`build-electron: ${error.message.split('\n')[0]}`);
    process.exitCode = 1;
  }
}
