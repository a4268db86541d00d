// `vetted status import VENDOR FILE [--dry-run]`: a status page file the user saved (Statuspage v2
// JSON, an Atom or RSS history feed, Instatus summary.json) into the provider's incident log and
// maintenance windows, all of it or none. The format is read from the content.
import path from 'node:path';
import { MAX_STATUS_IMPORT_CHARS } from '../../../shared/api';
import { parse } from '../args';
import { inputError, usageError } from '../cli-error';
import { readInputFile } from '../input-file';
import { findVendor, openSession } from '../session';
import { statusImportReport } from './status-report';

export const STATUS_IMPORT_USAGE = 'usage: vetted status import VENDOR FILE [--dry-run]   (Statuspage JSON, Atom/RSS history feed, Instatus summary.json)';

const MB = 1024 * 1024;
/** The problems of a bad file listed at most (the API keeps the first 100). */
const MAX_LISTED = 20;

export async function statusImportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' } });
  if (positionals.length !== 2) throw usageError(STATUS_IMPORT_USAGE);
  const [vendorRef, file] = positionals as [string, string];
  // Checked before the register is opened: a missing, empty or oversized file stores nothing.
  const bytes = readInputFile(file, MAX_STATUS_IMPORT_CHARS, (mb) => `the file is ${mb} MB; a status page file is at most ${MAX_STATUS_IMPORT_CHARS / MB} MB`);
  if (bytes.length === 0) throw inputError(`${file}: the file is empty`);
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, vendorRef);
  const name = path.basename(file);
  const result = await api['status.import']({ vendorId: vendor.id, fileName: name, text: bytes.toString('utf8'), dryRun: values['dry-run'] });
  // A bad file: the reader's own message (it names the line or property); nothing was stored.
  // Every problem is listed, so one run shows what to fix: the first on the message line, the rest under it.
  if (!result.ok) {
    const { message, details = [] } = result.error;
    const rest = details.slice(1, MAX_LISTED).map((d) => `  ${d.message}`);
    if (details.length > MAX_LISTED) rest.push(`  … and ${details.length - MAX_LISTED} more`);
    throw inputError([message.startsWith(name) ? message : `${file}: ${message}`, ...rest].join('\n'));
  }
  process.stdout.write(statusImportReport(result.value, file, vendor.name));
}
