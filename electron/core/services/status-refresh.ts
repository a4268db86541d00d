// "Refresh from status page": the one operation that goes online, and only when the user asks.
// It reads the status page address in the provider's profile (status-fetch.ts holds the limits:
// http(s) only, a timeout, a size cap, at most 3 redirects, no cookies) and imports what it
// serves exactly as a saved file would be imported.
import type { StatusImport } from '../../../shared/api';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { parseStatusFile } from '../importers/status-file';
import type { ParsedStatusFile } from '../importers/status-imported';
import { DEFAULT_FETCH_LIMITS, fetchStatusPage, type FetchLimits } from '../status-fetch';
import { applyStatusFiles } from './status-import';
import { getVendor } from './vendor-lookup';

/** The file name a fetched address is reported under in the reader's messages. */
const nameOf = (url: string) => url.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? url;

export async function refreshStatus(ctx: Context, input: { vendorId: string; dryRun?: boolean }, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<StatusImport> {
  const vendor = await getVendor(ctx, input.vendorId);
  const address = vendor.links.statusPage?.trim();
  if (!address) {
    throw new VettedError('validation', `statusPage: the profile of ${vendor.name} has no status page address; add it under Profile → Links`, [
      { path: 'statusPage', message: 'the provider\'s profile has no status page address' },
    ]);
  }
  const fetched = await fetchStatusPage(address, limits);
  const files: ParsedStatusFile[] = [parseStatusFile(nameOf(fetched.incidents.url), fetched.incidents.text)];
  if (fetched.maintenances) {
    try {
      files.push(parseStatusFile(nameOf(fetched.maintenances.url), fetched.maintenances.text));
    } catch (error) {
      // The incidents are what was asked for; a maintenance list that does not read is said, not fatal.
      files[0]!.warnings.push(`${fetched.maintenances.url}: not read (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const sources = [fetched.incidents, ...(fetched.maintenances ? [fetched.maintenances] : [])].map((f) => ({ url: f.url, bytes: f.bytes }));
  return applyStatusFiles(ctx, vendor.id, files, {
    dryRun: input.dryRun ?? false,
    fetched: sources,
    afterWrite: async (ctx) => {
      const settings = await ctx.incidents.settings(vendor.id);
      await ctx.incidents.saveSettings({ ...settings, refreshedAt: ctx.now().toISOString(), refreshedFrom: fetched.incidents.url });
    },
  });
}
