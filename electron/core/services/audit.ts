// The audit trail, read for the provider page and exported as CSV.
import type { GeneratedFile } from '../../../shared/api';
import { auditToCsv } from '../../../shared/audit/csv';
import type { AuditEntry } from '../../../shared/domain/audit';
import type { Context } from '../context';
import { asFile, providerSlug } from './generated-file';
import { today } from './today';
import { getVendor } from './vendor-lookup';
import { readTransaction } from '../db/transactions';

export function listAudit(ctx: Context, input: { vendorId?: string; limit?: number; before?: number }): AuditEntry[] {
  if (input.vendorId !== undefined) getVendor(ctx, input.vendorId);
  return ctx.audit.list({ vendorId: input.vendorId, limit: input.limit ?? 100, before: input.before });
}

export function exportAudit(ctx: Context, input: { vendorId?: string }): GeneratedFile {
  return readTransaction(ctx.db, () => {
    const vendor = input.vendorId === undefined ? undefined : getVendor(ctx, input.vendorId);
    const names = new Map(ctx.vendors.list().map((v) => [v.id, v.name]));
    const csv = auditToCsv(ctx.audit.all(input.vendorId), names);
    const slug = vendor ? `-${providerSlug(vendor, ctx.vendors.list())}` : '';
    return asFile(`vetted-audit${slug}-${today(ctx)}.csv`, Buffer.from(csv, 'utf8'), [], 'text/csv; charset=utf-8');
  });
}
