// File → "Restore from backup…" (electron/app/restore.ts) with fake dialogs, a real register and
// the real restoreRegister: cancel changes nothing, a refusal shows the message and reopens the
// register as it was, a good backup is reopened in its place.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runRestoreFlow, type RestoreFlowDeps } from '../../electron/app/restore';
import { backupRegister, restoreRegister } from '../../electron/core/services/backup';
import { openVetted, type Vetted } from '../../electron/core/vetted';
import { dumpRegister } from '../helpers/db-dump';
import { tempDir } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';

async function setUp() {
  const dir = tempDir();
  const dbPath = path.join(dir, 'vetted.db');
  let vetted: Vetted | null = await openVetted(dbPath, { logError: () => {} });
  after(() => vetted?.close());
  unwrap(await vetted.api['vendor.create']({ name: 'In the backup' }));
  const backup = path.join(dir, 'backup.db');
  await backupRegister(vetted.ctx, backup);
  unwrap(await vetted.api['vendor.create']({ name: 'Added after the backup' }));

  const log: string[] = [];
  const errors: string[] = [];
  const deps = (chosen: string | null, confirmed = true): RestoreFlowDeps => ({
    dbPath,
    chooseFile: () => Promise.resolve(chosen),
    confirm: (message, detail) => {
      log.push(`confirm: ${detail}`);
      return Promise.resolve(confirmed);
    },
    withRegisterClosed: async <T,>(swap: () => Promise<T>): Promise<T> => {
      log.push('close');
      vetted?.close();
      vetted = null;
      try {
        return await swap();
      } finally {
        log.push('reopen');
        vetted = await openVetted(dbPath, { logError: () => {} });
      }
    },
    restore: (register, file) => restoreRegister(register, file),
    showError: (_title, message) => errors.push(message),
    reload: () => log.push('reload'),
  });
  const names = async () => unwrap(await vetted!.api['vendor.list']({})).map((v) => v.name).sort();
  return { dir, dbPath, backup, deps, log, errors, names };
}

describe('restore from backup (desktop menu)', () => {
  it('cancel in the file dialog or the confirmation: nothing happens', async () => {
    const { dbPath, backup, deps, log, errors, names } = await setUp();
    const before = dumpRegister(dbPath);
    assert.deepEqual(await runRestoreFlow(deps(null)), { status: 'cancelled' });
    assert.deepEqual(log, []);
    assert.deepEqual(await runRestoreFlow(deps(backup, false)), { status: 'cancelled' });
    assert.equal(log.length, 1);
    assert.match(log[0]!, /The current register is kept as .*vetted\.before-restore-/);
    assert.deepEqual(errors, []);
    assert.deepEqual(dumpRegister(dbPath), before);
    assert.deepEqual(await names(), ['Added after the backup', 'In the backup']);
  });

  it('a refusal (not a register) shows the message and reopens the register unchanged', async () => {
    const { dir, deps, log, errors, names } = await setUp();
    const notRegister = path.join(dir, 'notes.db');
    fs.writeFileSync(notRegister, 'hello');
    const outcome = await runRestoreFlow(deps(notRegister));
    assert.equal(outcome.status, 'refused');
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /not a Vetted register/);
    assert.deepEqual(log.slice(1), ['close', 'reopen'], 'no reload');
    assert.deepEqual(await names(), ['Added after the backup', 'In the backup']);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('before-restore')), []);
  });

  it('a good backup replaces the register, which is reopened on it, and the window reloads', async () => {
    const { dir, backup, deps, log, errors, names } = await setUp();
    const outcome = await runRestoreFlow(deps(backup));
    assert.equal(outcome.status, 'restored');
    assert.deepEqual(errors, []);
    assert.deepEqual(log.slice(1), ['close', 'reopen', 'reload']);
    assert.deepEqual(await names(), ['In the backup']);
    const kept = outcome.status === 'restored' ? outcome.result.keptAs : null;
    assert.ok(kept && fs.existsSync(kept) && path.dirname(kept) === dir, 'the replaced register is kept beside it');
  });
});
