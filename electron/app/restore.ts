// File → "Restore from backup…": ask for a backup file, confirm, close the register, swap the
// backup in (restoreRegister checks it first) and reopen. Plain Node: main.ts passes Electron's
// dialogs and its close/reopen functions, and test/unit/restore-flow.test.ts passes fakes.
import path from 'node:path';
import type { RestoreResult } from '../core/services/backup';

export interface RestoreFlowDeps {
  /** The register file that is open now. */
  dbPath: string;
  /** A file chosen by the user, or null when cancelled. */
  chooseFile: () => Promise<string | null>;
  /** True when the user confirms the restore. */
  confirm: (message: string, detail: string) => Promise<boolean>;
  /**
   * Runs the swap with the register closed (the file must not be in use while it is swapped), then
   * opens it again: the restored file, or the unchanged one after a refusal. In the app the register
   * host does it as one change, which a change of register from Settings waits for.
   */
  withRegisterClosed: <T>(swap: () => Promise<T>) => Promise<T>;
  restore: (registerPath: string, backupFile: string) => RestoreResult;
  showError: (title: string, message: string) => void;
  /** Reloads the window, so the app shows the restored register. */
  reload: () => void;
}

export type RestoreOutcome =
  | { status: 'cancelled' }
  | { status: 'refused'; message: string }
  | { status: 'restored'; result: RestoreResult };

export const RESTORE_FILTERS = [{ name: 'SQLite register', extensions: ['db'] }];

function keptAsPreview(dbPath: string): string {
  const base = path.basename(dbPath, path.extname(dbPath));
  return path.join(path.dirname(dbPath), `${base}.before-restore-<date-time>.db`);
}

export async function runRestoreFlow(deps: RestoreFlowDeps): Promise<RestoreOutcome> {
  const file = await deps.chooseFile();
  if (!file) return { status: 'cancelled' };
  const ok = await deps.confirm(
    `Replace the register with ${path.basename(file)}?`,
    `The current register is kept as ${keptAsPreview(deps.dbPath)}.`,
  );
  if (!ok) return { status: 'cancelled' };

  const outcome = await deps.withRegisterClosed(async (): Promise<RestoreOutcome> => {
    try {
      return { status: 'restored', result: deps.restore(deps.dbPath, file) };
    } catch (error) {
      // On a refusal restoreRegister left the register untouched: it opens again as it was.
      return { status: 'refused', message: error instanceof Error ? error.message : String(error) };
    }
  });
  if (outcome.status === 'refused') {
    deps.showError('The backup was not restored', outcome.message);
  } else {
    deps.reload();
  }
  return outcome;
}
