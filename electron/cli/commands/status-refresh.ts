// `vetted status refresh VENDOR [--dry-run]`: the one command that goes online. It says so, and to
// which address, before it reads anything: the status page address in the provider's profile.
// What it fetched is imported as a saved file would be (`vetted status import`).
import { parse } from '../args';
import { usageError } from '../cli-error';
import { findVendor, must, openSession } from '../session';
import { statusImportReport } from './status-report';

export const STATUS_REFRESH_USAGE = 'usage: vetted status refresh VENDOR [--dry-run]   (goes online: reads the status page address in the provider\'s profile)';

export async function statusRefreshCommand(args: string[]): Promise<void> {
  const { values, positionals } = parse(args, { 'dry-run': { type: 'boolean' } });
  if (positionals.length !== 1) throw usageError(STATUS_REFRESH_USAGE);
  const { api } = await openSession(values.db);
  const vendor = await findVendor(api, positionals[0]!);
  const address = must(await api['vendor.get']({ id: vendor.id })).links.statusPage?.trim();
  // Without an address the API refuses, naming statusPage, before anything goes online.
  if (address) {
    process.stdout.write(
      `Going online: reading the status page of ${vendor.name} at ${address}${values['dry-run'] ? ' (dry run: nothing will be written)' : ''}.\n`,
    );
  }
  const result = must(await api['status.refresh']({ vendorId: vendor.id, dryRun: values['dry-run'] }));
  process.stdout.write('\n' + statusImportReport(result, 'its status page', vendor.name));
}
