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

/** The register a command works on: --db wins, then VETTED_DB, then the app data folder's file. A postgres:// URL is a team register (issue 22), kept as given. */
export function resolveRegister(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const given = flag || env.VETTED_DB;
  if (given && SERVER.test(given)) return given;
  return resolveDbPath(flag, env);
}

/** The register file: --db FILE wins, then VETTED_DB, then the app data folder. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(refuseServer(flag, '--db'));
  if (env.VETTED_DB) return path.resolve(refuseServer(env.VETTED_DB, '$VETTED_DB'));
  return path.join(appDataDir(env), DB_FILE_NAME);
}

const SERVER = /^postgres(ql)?:\/\//i;

/**
 * A team register's URL is not a file name: made into a path it would create a file called
 * "postgres:". What needs the file itself (a backup, a restore) says so.
 */
function refuseServer(location: string, where: string): string {
  if (SERVER.test(location)) {
    throw new VettedError(
      'validation',
      `${where}: a team register on PostgreSQL has no register file for this command; back a team register up on its server (pg_dump, docs/team.md "Backups").`,
    );
  }
  return location;
}
