// When each provider is due for its next review, and what needs attention today.
import type { DueEntry } from '../../../shared/api';
import { daysBetween, reassessmentOf, type Reassessment } from '../../../shared/domain/reassessment';
import type { Vendor } from '../../../shared/domain/vendor';
import type { Context } from '../context';
import { documentToday } from './standing';

/** Every provider's place in the schedule, keyed by provider id (`vendors`: the register's providers, already read by the caller). */
export async function reassessmentByVendor(ctx: Context, vendors: readonly Pick<Vendor, 'id'>[]): Promise<Map<string, Reassessment>> {
  const months = (await ctx.settings.get()).reassessmentMonths;
  const decisions = await ctx.steps.latestDecisionByVendor();
  // Days as documents count them (UTC), so the register and a report dated today agree.
  const day = documentToday(ctx);
  const entries = new Map<string, Reassessment>();
  for (const vendor of vendors) entries.set(vendor.id, reassessmentOf(decisions.get(vendor.id) ?? null, months, day));
  return entries;
}

/** Soonest first; providers without an approved review last, by name. */
function bySoonest(a: DueEntry, b: DueEntry): number {
  if (a.due !== b.due) return a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1;
  return a.vendorName.localeCompare(b.vendorName);
}

export async function listReassessments(ctx: Context, input: { withinDays?: number }): Promise<DueEntry[]> {
  return await ctx.read(async (ctx) => {
    const day = documentToday(ctx);
    const vendors = await ctx.vendors.listed();
    const due = await reassessmentByVendor(ctx, vendors);
    const entries: DueEntry[] = vendors
      .map((v) => ({ ...due.get(v.id)!, vendorId: v.id, vendorName: v.name, vendorStatus: v.status }))
      .sort(bySoonest);
    if (input.withinDays === undefined) return entries;
    return entries.filter((e) => e.due !== null && daysBetween(day, e.due) <= input.withinDays!);
  });
}
