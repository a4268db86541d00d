// When each provider is due for its next review, and what needs attention today.
import type { DueEntry } from '../../../shared/api';
import { daysBetween, reassessmentOf } from '../../../shared/domain/reassessment';
import type { Vendor } from '../../../shared/domain/vendor';
import type { Context } from '../context';
import { documentToday } from './standing';
import { readTransaction } from '../db/transactions';

/** Every provider's place in the schedule, keyed by provider id (`vendors`: the register's providers, when already read). */
export function reassessmentByVendor(ctx: Context, vendors: readonly Pick<Vendor, 'id' | 'name' | 'status'>[] = ctx.vendors.listed()): Map<string, DueEntry> {
  const months = ctx.settings.get().reassessmentMonths;
  const decisions = ctx.steps.latestDecisionByVendor();
  // Days as documents count them (UTC), so the register and a report dated today agree.
  const day = documentToday(ctx);
  const entries = new Map<string, DueEntry>();
  for (const vendor of vendors) {
    const basis = decisions.get(vendor.id) ?? null;
    entries.set(vendor.id, { ...reassessmentOf(basis, months, day), vendorId: vendor.id, vendorName: vendor.name, vendorStatus: vendor.status });
  }
  return entries;
}

/** Soonest first; providers without an approved review last, by name. */
function bySoonest(a: DueEntry, b: DueEntry): number {
  if (a.due !== b.due) return a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1;
  return a.vendorName.localeCompare(b.vendorName);
}

export function listReassessments(ctx: Context, input: { withinDays?: number }): DueEntry[] {
  return readTransaction(ctx.db, () => {
    const day = documentToday(ctx);
    const entries = [...reassessmentByVendor(ctx).values()].sort(bySoonest);
    if (input.withinDays === undefined) return entries;
    return entries.filter((e) => e.due !== null && daysBetween(day, e.due) <= input.withinDays!);
  });
}
