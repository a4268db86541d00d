// pdfmake and fontkit, loaded on first use instead of at start-up: loading them takes about 0.4 s
// (fontkit unpacks its Unicode tables as it loads), and most `vetted` commands never draw a PDF.
// They are CommonJS, so require() loads them synchronously, from the same module cache pdfmake
// itself uses (pdfmake/js/ElementWriter.js, which bidi-lines.ts patches, must be the very module
// pdfmake runs; fontkit the very one pdfkit opens fonts with).
import { createRequire } from 'node:module';
import path from 'node:path';
import { findShippedRoot } from '../asset-search';

// The CommonJS bundle (dist/electron/main.cjs) has its own require; the ES module bundle
// (dist/cli/vetted.mjs) defines one in its banner; the sources, run through tsx (an ES module, no
// require), make one in the project that holds pdfmake (not from import.meta.url, which the
// CommonJS bundle does not have).
declare const require: NodeJS.Require | undefined;
let load: NodeJS.Require | undefined = typeof require === 'function' ? require : undefined;

function loader(): NodeJS.Require {
  if (!load) {
    const root = findShippedRoot(['node_modules/pdfmake/package.json']);
    if (!root) throw new Error('pdfmake is not installed (node_modules/pdfmake not found): run npm install');
    load = createRequire(path.join(root, 'package.json'));
  }
  return load;
}

const loaded = new Map<string, unknown>();

/** The module `name` (a package or a file in one), loaded the first time it is asked for. */
export function loadOnUse<T>(name: string): T {
  if (!loaded.has(name)) loaded.set(name, loader()(name));
  return loaded.get(name) as T;
}
