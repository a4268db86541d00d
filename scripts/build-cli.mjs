/* global console */
// Bundles the command line (and `vetted serve`, which it runs) with esbuild, once:
//   electron/cli/vetted.ts → dist/cli/vetted.mjs, the entry, and beside it one chunk per part loaded
//   on demand (each command's module, the register's services, …: dist/cli/*-HASH.mjs), with
//   dist/cli/vetted.stamp.json listing the sources of them all and the chunks
// so that `vetted` starts without transpiling TypeScript at every run (bin/vetted.js runs the bundle
// while the stamp says it is current, and the sources through tsx otherwise), and evaluates only what
// the command it runs needs (`vetted --version` none of the register's code).
// Run by `npm install` (prepare), `npm start` and `npm test`. Usage: node scripts/build-cli.mjs
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_DIR, BUNDLE_FILE, bundleStaleness, readStamp, writeStamp } from './cli-bundle-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The same externals as the Electron main process, for the same reasons (native, or reading files
 * beside their own code). Subpaths are external too, so pdfmake/js/ElementWriter.js, which the bidi
 * line hook patches, stays the very module pdfmake itself loads.
 */
async function cliExternals() {
  // Imported here, not at the top: build-electron.mjs imports esbuild, and an install without it
  // must reach the --if-possible fallback below instead of failing to load this script.
  const { MAIN_EXTERNALS } = await import('./build-electron.mjs');
  return [...MAIN_EXTERNALS];
}

/**
 * Files that change the bundle without being sources of it: the install (npm rewrites
 * node_modules/.package-lock.json at every install, npm ci included, which leaves package-lock.json
 * as it is), the build scripts (the externals list among them), the TypeScript settings and the
 * version `vetted --version` reports.
 */
const BUILD_INPUTS = ['package.json', 'package-lock.json', 'node_modules/.package-lock.json', 'scripts/build-cli.mjs', 'scripts/build-electron.mjs', 'electron/tsconfig.json', 'tsconfig.base.json'];

/**
 * Removes the chunks of builds before the last two. The previous build's are kept: a `vetted` that
 * started from the previous entry a moment ago may still import them.
 */
function removeOldChunks(outdir, keep) {
  for (const name of readdirSync(outdir)) {
    const chunk = name.replace(/\.map$/, '');
    if (/-[A-Z0-9]{8}\.mjs$/.test(chunk) && !keep.has(chunk)) rmSync(path.join(outdir, name), { force: true });
  }
}

/**
 * zod's classic API carries every translation of its error messages (`z.locales`, some 260 kB of
 * the 475 kB zod adds to the bundle), which every run would read and compile. Vetted never switches
 * zod's language (its messages are English, and its own field messages are its own words), so the
 * CLI bundle keeps English (the default zod configures itself with) and replaces every other
 * locale by a function that says why it is missing. Only this bundle: the app's builds are as before.
 */
export function englishOnlyZodLocales() {
  return {
    name: 'english-only-zod-locales',
    setup(build) {
      build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
        args.importer.split(path.sep).includes('zod') ? { path: path.join(args.resolveDir, args.path), namespace: 'zod-locales' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => {
        const names = [...readFileSync(args.path, 'utf8').matchAll(/export \{ default as (\w+) \}/g)].map((match) => match[1]);
        if (!names.includes('en')) throw new Error(`zod's locales (${args.path}) no longer export en: check englishOnlyZodLocales`);
        const lines = [
          `const missing = (name) => () => { throw new Error(\`zod locale "\${name}" is not in the vetted CLI bundle (scripts/build-cli.mjs)\`); };`,
          ...names.map((name) =>
            name === 'en' ? `export { default as en } from ${JSON.stringify(path.join(path.dirname(args.path), 'en.js'))};` : `export const ${name} = missing('${name}');`,
          ),
        ];
        return { contents: lines.join('\n'), loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/**
 * zod's `z.fromJSONSchema` (a JSON Schema → zod converter, 38 kB of source) is part of every run that
 * loads zod, and Vetted never calls it (it writes JSON Schema with `z.toJSONSchema`, it never reads
 * one). The CLI bundle replaces it with a function that says why it is missing.
 */
export function withoutZodFromJsonSchema() {
  return {
    name: 'without-zod-from-json-schema',
    setup(build) {
      build.onResolve({ filter: /^\.\/from-json-schema\.js$/ }, (args) =>
        args.importer.split(path.sep).includes('zod') ? { path: path.join(args.resolveDir, args.path), namespace: 'zod-from-json-schema' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'zod-from-json-schema' }, (args) => {
        if (!/export function fromJSONSchema\b/.test(readFileSync(args.path, 'utf8'))) throw new Error(`zod's ${args.path} no longer exports fromJSONSchema: check withoutZodFromJsonSchema`);
        return { contents: 'export function fromJSONSchema() { throw new Error("z.fromJSONSchema is not in the vetted CLI bundle (scripts/build-cli.mjs)"); }', loader: 'js' };
      });
    },
  };
}

/** Builds the bundle when it is missing or stale (or always, with force). Returns what it did. */
export async function buildCli({ projectRoot = root, force = false, quiet = false } = {}) {
  if (!force && bundleStaleness(projectRoot) === null) return { built: false };
  const outdir = path.join(projectRoot, BUNDLE_DIR);
  const outfile = path.join(projectRoot, BUNDLE_FILE);
  const version = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).version;
  const startedMs = Date.now();
  const builtAt = new Date(startedMs).toISOString();
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: { [path.basename(BUNDLE_FILE, '.mjs')]: path.join(projectRoot, 'electron', 'cli', 'vetted.ts') },
    outdir,
    // Every dynamic import() (electron/cli/vetted.ts loads each command's module so) becomes a chunk
    // read and compiled only when a run reaches it: most of the code is in no command's path. The
    // chunks sit beside the entry (not in a subfolder), so code that finds files from its own
    // location (serve's dist/renderer) sees the same folder whichever chunk it landed in.
    splitting: true,
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    // Smaller is faster to read and compile at every start; the source map keeps stack traces readable.
    minify: true,
    // No kept names: esbuild's keepNames wraps every named function and class in a __name() call at
    // its definition, which cost about 40 ms of every start and a third of the scorer's time (the
    // Electron main process and the renderer are built without it too). Vetted's error classes set
    // `name` themselves, and nothing reads a function's or a class's own name.
    keepNames: false,
    metafile: true,
    write: false, // written below, each file renamed into place whole
    absWorkingDir: projectRoot,
    tsconfig: path.join(projectRoot, 'electron', 'tsconfig.json'),
    external: await cliExternals(),
    plugins: [englishOnlyZodLocales(), withoutZodFromJsonSchema()],
    // Bundled CommonJS code calls require(); an ES module has none of its own (the banner heads every chunk).
    banner: { js: "import { createRequire as __vettedCreateRequire } from 'node:module';\nconst require = __vettedCreateRequire(import.meta.url);" },
    // What `vetted --version` reports, and how a test tells the bundle from the sources.
    define: { __VETTED_BUNDLE__: JSON.stringify({ version, builtAt }) },
  });
  // A `vetted` starting meanwhile reads the old bundle or the new one, never half of one: each file is
  // renamed into place whole, the chunks (named by their content) before the entry that imports them.
  mkdirSync(outdir, { recursive: true });
  const entryLast = [...result.outputFiles].sort((a, b) => Number(a.path === outfile) - Number(b.path === outfile));
  for (const file of entryLast) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const chunks = result.outputFiles
    .map((file) => path.relative(outdir, file.path))
    .filter((file) => file.endsWith('.mjs') && file !== path.basename(BUNDLE_FILE))
    .sort();
  // Our own files only: node_modules changes come with package-lock.json; <define:…> entries are not files.
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('<') && !file.split('/').includes('node_modules'));
  const present = BUILD_INPUTS.filter((file) => existsSync(path.join(projectRoot, file)));
  const previous = readStamp(projectRoot)?.chunks ?? [];
  writeStamp(projectRoot, [...inputs, ...present], { version, builtAt, startedMs, chunks });
  removeOldChunks(outdir, new Set([...chunks, ...previous]));
  if (!quiet) console.log(`build-cli: wrote ${path.relative(projectRoot, outfile)} (${inputs.length} source files)`);
  return { built: true, outfile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await buildCli({ force: process.argv.includes('--force') });
  } catch (error) {
    // `prepare` on an install without dev dependencies (no esbuild): the CLI still runs, from sources.
    // Any failure to load esbuild (not installed, or its platform binary missing) is "not possible".
    if (process.argv.includes('--if-possible') && (error.code === 'ERR_MODULE_NOT_FOUND' || /esbuild/i.test(String(error.message)))) {
      console.log('build-cli: esbuild is not installed; `vetted` will run the sources through tsx');
      process.exit(0);
    }
    console.error(`build-cli: ${error.message.split('\n')[0]}`);
    process.exitCode = 1;
  }
}
