// Which better_sqlite3.node the Electron main process loads. No Electron import: main.ts passes
// app.isPackaged, app.getAppPath() and process.versions.modules, and the logic is unit-tested in
// plain Node.
//
// node_modules/better-sqlite3/build is Node's build (tests and the CLI need it), so in development
// Electron loads its own build from .native/electron-<abi>/, made by scripts/build-electron-native.mjs
// (npm start runs it). A packaged app loads the package's own build: electron-builder rebuilds native
// modules for Electron when it packages.
import fs from 'node:fs';
import path from 'node:path';
import { moduleAbisIn } from '../../scripts/native-abi.mjs';

export const BINDING_FILE = 'better_sqlite3.node';

export function developmentBindingPath(repoRoot: string, abi: string | number): string {
  return path.join(repoRoot, '.native', `electron-${abi}`, BINDING_FILE);
}

/**
 * The Node module ABI a native addon was compiled for, or null when it names none or several:
 * the same reading the build script uses to check what it built (scripts/native-abi.mjs).
 */
export function moduleAbiOf(bytes: Uint8Array): number | null {
  const abis = moduleAbisIn(bytes);
  return abis.length === 1 ? abis[0]! : null;
}

export type BindingChoice = { ok: true; nativeBinding: string | undefined } | { ok: false; message: string };

export function chooseNativeBinding(options: { isPackaged: boolean; repoRoot: string; abi: string }): BindingChoice {
  if (options.isPackaged) return { ok: true, nativeBinding: undefined };
  const file = developmentBindingPath(options.repoRoot, options.abi);
  const shown = path.relative(options.repoRoot, file) || file;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return {
      ok: false,
      message:
        `Vetted's database driver has not been built for this Electron yet (${shown} is missing). ` +
        'Run "npm start" in the project folder, which builds it, instead of starting Electron directly.',
    };
  }
  const found = moduleAbiOf(bytes);
  if (found !== Number(options.abi)) {
    return {
      ok: false,
      message:
        `Vetted's database driver (${shown}) was built for ${found === null ? 'an unknown runtime' : `module ABI ${found}`}, ` +
        `not for this Electron (ABI ${options.abi}). Run "npm start" in the project folder, which rebuilds it.`,
    };
  }
  return { ok: true, nativeBinding: file };
}

/** True when an error from loading better-sqlite3 means the binary does not fit this runtime. */
export function isBindingLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /NODE_MODULE_VERSION|compiled against a different Node\.js version|did not self-register|invalid ELF header|wrong ELF class|not a valid Win32 application|incompatible architecture|slice is not valid mach-o|Could not locate the bindings file/i.test(
    message,
  );
}
