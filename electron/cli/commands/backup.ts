// `vetted backup` and `vetted restore`: the register file itself. CLI only, never API operations
// (a renderer must not name file paths).
import fs from 'node:fs';
import { VettedError } from '../../../shared/result';
import { resolveDbPath } from '../../core/paths';
import { backupRegister, restoreRegister } from '../../core/services/backup';
import { inputError, usageError } from '../cli-error';
import { openSession } from '../session';

export async function backupCommand(flags: { db?: string; out?: string }): Promise<void> {
  if (!flags.out) throw usageError('usage: vetted backup --out FILE.db [--db FILE]');
  const dbPath = resolveDbPath(flags.db);
  if (!fs.existsSync(dbPath)) throw inputError(`there is no register at ${dbPath}`);
  const session = await openSession(flags.db);
  try {
    const { file, bytes } = await backupRegister(session.vetted.ctx, flags.out);
    process.stdout.write(`Backed up ${session.dbPath} to ${file} (${Math.ceil(bytes / 1024)} KB)\n`);
  } catch (error) {
    // 'busy' goes on to its own exit (75); anything else the service names is the input's fault.
    if (error instanceof VettedError && error.code !== 'busy') throw inputError(error.message);
    throw error;
  } finally {
    session.vetted.close();
  }
}

export function restoreCommand(file: string | undefined, flags: { db?: string; force?: boolean }): void {
  if (!file) throw usageError('usage: vetted restore FILE.db [--force] [--db FILE]');
  const dbPath = resolveDbPath(flags.db);
  try {
    const { register, keptAs } = restoreRegister(dbPath, file, { force: flags.force ?? false });
    process.stdout.write(`Restored ${register} from ${file}.\n`);
    if (keptAs) process.stdout.write(`The register it replaced is kept as ${keptAs}\n`);
  } catch (error) {
    if (error instanceof VettedError) throw inputError(error.message);
    throw error;
  }
}
