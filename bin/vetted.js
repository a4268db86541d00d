#!/usr/bin/env node
// `vetted` on the PATH. Runs the bundle (dist/cli/vetted.mjs, which loads the chunks beside it as a
// command needs them; built by scripts/build-cli.mjs on npm install, npm start and npm test) when its
// stamp says it was built from the sources as they are;
// otherwise, so that someone editing the sources never runs a stale build, the TypeScript sources
// through tsx, as before (slower to start: tsx transpiles at every run). The check is one stat per
// source file (scripts/cli-bundle-stamp.mjs); tsx is only loaded when it is needed.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_FILE, bundleStaleness } from '../scripts/cli-bundle-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (bundleStaleness(root) === null) {
  await import(pathToFileURL(path.join(root, BUNDLE_FILE)).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/vetted.ts');
}
