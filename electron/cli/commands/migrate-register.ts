// `vetted migrate-register --from A --to B`: a whole register moved between a file and a team
// register on PostgreSQL, either way (services/register-move.ts does the copy and the checks).
import fs from 'node:fs';
import path from 'node:path';
import { VettedError } from '../../../shared/result';
import { isServerLocation, openStore } from '../../core/db/store/open-store';
import type { Store } from '../../core/db/store/sql';
import { moveRegister, type MoveReport } from '../../core/services/register-move';
import { inputError } from '../cli-error';

export async function migrateRegisterCommand(flags: { from: string; to: string; json: boolean }): Promise<void> {
  const from = isServerLocation(flags.from) ? flags.from : path.resolve(flags.from);
  const to = isServerLocation(flags.to) ? flags.to : path.resolve(flags.to);
  if (!isServerLocation(from) && !fs.existsSync(from)) throw inputError(`--from: there is no register at ${from}`);
  if (from === to) throw inputError('--to: the register cannot be moved onto itself');
  const createdFile = !isServerLocation(to) && !fs.existsSync(to) ? to : null;

  let source: Store | undefined;
  let target: Store | undefined;
  let report: MoveReport;
  try {
    source = await opened(from, '--from');
    target = await opened(to, '--to');
    report = await moveRegister(source, target);
  } catch (error) {
    await target?.close();
    target = undefined;
    // A file this command created and could not fill is not left behind as an empty register.
    if (createdFile) for (const side of ['', '-wal', '-shm']) fs.rmSync(createdFile + side, { force: true });
    if (error instanceof VettedError && error.code !== 'busy') throw inputError(error.message);
    throw error;
  } finally {
    await source?.close();
    await target?.close();
  }

  if (flags.json) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  const width = Math.max(...report.tables.map((t) => t.table.length));
  process.stdout.write(`Moved the register ${report.from} to ${report.to}.\n\n`);
  for (const t of report.tables) process.stdout.write(`  ${t.table.padEnd(width)}  ${String(t.rows).padStart(7)} rows  sha256 ${t.digest.slice(0, 16)}…\n`);
  process.stdout.write(`  ${'audit_log'.padEnd(width)}  ${String(report.auditRows).padStart(7)} rows  chain head ${report.auditHead ?? '(empty trail)'}\n\n`);
  process.stdout.write('Every table has the same rows on both sides (counts and digests read back), and the audit trail was\n');
  process.stdout.write('chained again by the target with the same hash for every row.\n');
  process.stdout.write(`Not copied, rebuilt by the target: ${report.notCopied.join(', ')}.\n`);
}

async function opened(location: string, flag: string): Promise<Store> {
  try {
    return await openStore(location);
  } catch (error) {
    if (error instanceof VettedError) throw new VettedError(error.code, `${flag}: ${error.message}`);
    throw error;
  }
}
