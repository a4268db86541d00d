// Is dist/cli/vetted.mjs (and the chunks it loads on demand) the build of the sources as they are now? Decided at every `vetted` start,
// so it must cost little: the stamp beside the bundle lists every file the bundle was built from
// (esbuild's metafile, our sources only, plus package-lock.json and the build script) with its
// mtime and size, and the check is one stat per file (about 300) — no reading, no hashing. A file
// that is new since the build cannot matter unless a listed file imports it, and that file changed.
// A changed mtime or size in either direction counts (a branch switch can make a file older).
// The stamp also names the bundle's chunks: one missing (deleted by hand) would fail the command
// that loads it, so the bundle is then not used at all.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

export const BUNDLE_DIR = path.join('dist', 'cli');
export const BUNDLE_FILE = path.join(BUNDLE_DIR, 'vetted.mjs');
export const STAMP_FILE = path.join(BUNDLE_DIR, 'vetted.stamp.json');

function fingerprint(file) {
  const stat = fs.statSync(file);
  return [stat.mtimeMs, stat.size];
}

/**
 * The stamp for `inputs` (paths relative to root), written after a build that started at
 * `startedMs`. A file changed since then may or may not be in the bundle: it is recorded as never
 * matching, so the bundle counts as stale until the next build.
 */
export function writeStamp(root, inputs, { version, builtAt, startedMs, chunks = [] }) {
  const files = {};
  for (const input of [...inputs].sort()) {
    const [mtimeMs, size] = fingerprint(path.join(root, input));
    files[input] = mtimeMs > startedMs ? [-1, -1] : [mtimeMs, size];
  }
  const stamp = { version, builtAt, files, chunks: [...chunks].sort() };
  const file = path.join(root, STAMP_FILE);
  fs.writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(stamp));
  fs.renameSync(`${file}.${process.pid}.tmp`, file);
  return stamp;
}

/** The stamp of the last build in `root`, or null when there is none (or it cannot be read). */
export function readStamp(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, STAMP_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Why the bundle in `root` cannot be used (a short phrase), or null when it is current: present,
 * stamped, and every file it was built from unchanged.
 */
export function bundleStaleness(root) {
  const stamp = readStamp(root);
  const files = Object.entries(stamp?.files ?? {});
  if (files.length === 0 || !fs.existsSync(path.join(root, BUNDLE_FILE))) return 'not built';
  for (const chunk of stamp.chunks ?? []) {
    if (!fs.existsSync(path.join(root, BUNDLE_DIR, chunk))) return `chunk ${chunk} is missing`;
  }
  for (const [file, [mtimeMs, size]] of files) {
    let now;
    try {
      now = fingerprint(path.join(root, file));
    } catch {
      return `${file} is gone`;
    }
    if (now[0] !== mtimeMs || now[1] !== size) return `${file} changed`;
  }
  return null;
}
