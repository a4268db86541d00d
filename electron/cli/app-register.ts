// The register `vetted serve` works on, as the desktop app chooses it: the one given (--db,
// VETTED_DB), else the team register chosen in Settings → Register, else the file in the app data
// folder. The browser then changes it from Settings as the desktop app does (core/register/host.ts).
import path from 'node:path';
import { VettedError } from '../../shared/result';
import { keySourceFromEnv } from '../core/crypto/key-sources';
import { privateFileSecret } from '../core/crypto/secret-store';
import { appDataDir, keyFolder, resolveDbPath, resolveRegister } from '../core/paths';
import { RegisterHost } from '../core/register/host';
import { TEAM_CHOICE_FILE } from '../core/register/team-choice';
import { applyWriteWaitFromEnv, busyExitFor } from './busy';
import { CliError, EXIT, inputError } from './cli-error';

/** Where browser mode keeps a team register's password when asked to: beside the key files, never beside the register. */
export const TEAM_PASSWORD_FILE = 'team-register.password';

export async function startAppRegister(dbFlag: string | undefined, lockName: string): Promise<RegisterHost> {
  const given = Boolean(dbFlag || process.env.VETTED_DB);
  applyWriteWaitFromEnv();
  try {
    return await RegisterHost.start({
      ...(given ? { pinned: resolveRegister(dbFlag) } : {}),
      localFile: given ? resolveRegister(dbFlag) : resolveDbPath(undefined),
      choiceFile: path.join(appDataDir(), TEAM_CHOICE_FILE),
      password: privateFileSecret(path.join(keyFolder(), TEAM_PASSWORD_FILE)),
      lockName,
      vetted: {
        // Confidential data: $VETTED_KEY_FILE, else $VETTED_PASSPHRASE, else a key file in the user's Vetted folder.
        keySource: keySourceFromEnv(undefined),
        logError: (op, e) => process.stderr.write(`vetted: internal error in ${op}: ${String(e)}\n`),
      },
    });
  } catch (error) {
    const busy = busyExitFor(error);
    if (busy) throw busy;
    if (error instanceof VettedError) throw inputError(error.message);
    throw new CliError(EXIT.input, `cannot open the register: ${(error as Error).message}`);
  }
}
