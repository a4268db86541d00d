// Where the register lives by default: the same per-OS folder Electron's app.getPath('userData') uses.
import os from 'node:os';
import path from 'node:path';
import { VettedError } from '../../shared/result';

export const PRODUCT_NAME = 'Vetted';
export const DB_FILE_NAME = 'vetted.db';

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), PRODUCT_NAME);
}

/**
 * The default key folder for the CLI and browser mode, apart from the register's folder, so that
 * one copy of the app data folder (a backup of ~/.config, a synced AppData\\Roaming) never carries
 * the register together with the key to its confidential data: the per-user data folder on Linux,
 * a folder of its own on macOS, the machine-local AppData on Windows (which does not roam).
 */
export function keyFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', `${PRODUCT_NAME} Keys`);
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), PRODUCT_NAME, 'Keys');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), PRODUCT_NAME, 'keys');
}

/** --db FILE wins, then VETTED_DB, then the app data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(refuseServerYet(flag, '--db'));
  if (env.VETTED_DB) return path.resolve(refuseServerYet(env.VETTED_DB, '$VETTED_DB'));
  return path.join(appDataDir(env), DB_FILE_NAME);
}

/**
 * A team register's URL is not a file name: made into a path it would create a file called
 * "postgres:". Until every service runs on PostgreSQL (issue 22), a server register is only the
 * source or target of `vetted migrate-register`, and says so.
 */
function refuseServerYet(location: string, where: string): string {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new VettedError(
      'validation',
      `${where}: a team register on PostgreSQL cannot be opened by this command yet; move a register to or from one with vetted migrate-register (docs/team.md).`,
    );
  }
  return location;
}
