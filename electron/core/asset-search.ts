// Where files shipped beside the code are (the report fonts, the provider's page build): the same
// search from source (tsx), from the CommonJS bundle (dist/electron/main.cjs, also inside app.asar)
// and from a packaged app's resources folder.
import fs from 'node:fs';
import path from 'node:path';

/** Folders to search upwards from: this module's (in a bundle), the running script's, the working directory, Electron's resources. */
function searchStarts(): string[] {
  const starts: string[] = [];
  if (typeof __dirname === 'string') starts.push(__dirname);
  const script = process.argv[1];
  if (script) {
    try {
      starts.push(path.dirname(fs.realpathSync(script)));
    } catch {
      starts.push(path.dirname(script));
    }
  }
  starts.push(process.cwd());
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) starts.push(resources, path.join(resources, 'app.asar'));
  return starts;
}

/**
 * The first folder, walking up (at most 8 levels) from each start in turn, that holds every one of
 * `files` (paths relative to it); null when none does.
 */
export function findShippedRoot(files: readonly string[]): string | null {
  for (const start of searchStarts()) {
    let dir = path.resolve(start);
    for (let i = 0; i < 8; i++) {
      if (files.every((f) => fs.existsSync(path.join(dir, f)))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}
