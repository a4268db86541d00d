// The audit trail, read for the provider page and exported as CSV.
import type { GeneratedFile } from '../../../shared/api';
import { auditToCsv } from '../../../shared/audit/csv';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Context } from '../context';
import { asFile, providerSlug } from './generated-file';
import { today } from './today';
import { getVendor } from './vendor-lookup';

export async function listAudit(ctx: Context, input: { vendorId?: string; limit?: number; before?: number }): Promise<AuditEntry[]> {
  if (input.vendorId !== undefined) await getVendor(ctx, input.vendorId);
  return await ctx.audit.list({ vendorId: input.vendorId, limit: input.limit ?? 100, before: input.before });
}

export async function exportAudit(ctx: Context, input: { vendorId?: string }): Promise<GeneratedFile> {
  return await ctx.read(async (ctx) => {
    const vendor = input.vendorId === undefined ? undefined : await getVendor(ctx, input.vendorId);
    const names = new Map((await ctx.vendors.list()).map((v) => [v.id, v.name]));
    const csv = auditToCsv(await ctx.audit.all(input.vendorId), names);
    const slug = vendor ? `-${providerSlug(vendor, await ctx.vendors.list())}` : '';
    return asFile(`vetted-audit${slug}-${today(ctx)}.csv`, Buffer.from(csv, 'utf8'), [], 'text/csv; charset=utf-8');
  });
}
