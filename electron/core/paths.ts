// Where the register lives by default: the same per-OS folder Electron's app.getPath('userData') uses.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Vetted';
export const DB_FILE_NAME = 'vetted.db';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), PRODUCT_NAME);
}

/** --db FILE wins, then VETTED_DB, then the app data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.VETTED_DB) return path.resolve(env.VETTED_DB);
  return path.join(appDataDir(env), DB_FILE_NAME);
}
