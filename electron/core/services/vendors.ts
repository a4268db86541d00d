import type { VendorSummary } from '../../../shared/api';
import type { Vendor, VendorFields, VendorPatch } from '../../../shared/domain/vendor';
import { VettedError } from '../../../shared/result';
import { inherentTier } from '../../../shared/scoring';
import type { Context } from '../context';
import { openFindingCounts } from './findings';
import { reassessmentByVendor } from './reassessment';
import { startReview } from './reviews';
import { listedReviews } from './score-cache';
import { storeListedScores } from './score-cache-store';
import { unknownTemplate } from './template-choice';
import { getVendor } from './vendor-lookup';
import { lockToEdit } from '../db/store/row-lock';

async function assertNameFree(ctx: Context, name: string, exceptId?: string): Promise<void> {
  const other = await ctx.vendors.findByName(name);
  if (other && other.id !== exceptId) {
    throw new VettedError('conflict', `A provider named "${other.name}" already exists.`, [
      { path: 'name', message: 'is already used by another provider' },
    ]);
  }
}

/**
 * Adds a provider. With a templateId its first review starts on that template (newest version) in
 * the same transaction, so an unknown id (a validation error naming templateId) creates nothing.
 * Without one no review starts: the first answer starts it, on the template templateForNewReview picks.
 */
export async function createVendor(ctx: Context, fields: VendorFields, templateId?: string): Promise<Vendor> {
  return await ctx.write(async (ctx) => {
    if (templateId !== undefined && !await ctx.templates.get(templateId)) throw await unknownTemplate(ctx, 'templateId', templateId);
    await assertNameFree(ctx, fields.name);
    const stamp = ctx.now().toISOString();
    const vendor: Vendor = { ...fields, id: ctx.newId(), createdAt: stamp, updatedAt: stamp };
    await ctx.vendors.insert(vendor);
    if (templateId !== undefined) await startReview(ctx, { vendorId: vendor.id, templateId });
    return vendor;
  });
}

export async function updateVendor(ctx: Context, id: string, patch: VendorPatch): Promise<Vendor> {
  return await ctx.write(async (ctx) => {
    await lockToEdit(ctx.sql, 'vendors', id);
    const current = await getVendor(ctx, id);
    if (patch.name !== undefined) await assertNameFree(ctx, patch.name, id);
    const updated: Vendor = {
      ...current,
      ...(patch as Partial<VendorFields>),
      // Links merge like the other fields: naming one never clears the rest ('' clears one).
      links: { ...current.links, ...patch.links },
      updatedAt: ctx.now().toISOString(),
    };
    await ctx.vendors.update(updated);
    return updated;
  });
}

export async function deleteVendor(ctx: Context, id: string): Promise<{ id: string }> {
  // One statement, but still a write transaction: it waits for the lock like every other write.
  return await ctx.write(async (ctx) => {
    if (!await ctx.vendors.delete(id)) throw new VettedError('not_found', `No provider with id ${id}.`);
    return { id };
  });
}

/** The register table: every provider with the score of its newest review. */
export async function listVendors(ctx: Context): Promise<VendorSummary[]> {
  const rows = await ctx.read(async (ctx) => summaries(ctx));
  // The scores this listing computed, kept in the file for the next process (best effort, no wait).
  storeListedScores(ctx);
  return rows;
}

async function summaries(ctx: Context): Promise<VendorSummary[]> {
  const vendors = await ctx.vendors.listed();
  const due = await reassessmentByVendor(ctx, vendors);
  const open = await openFindingCounts(ctx);
  // The register's incident column: started in the last 90 days (to now), and still open.
  const incidents = await ctx.incidents.counts(new Date(ctx.now().getTime() - 90 * 86_400_000).toISOString());
  const decidedAt = await ctx.reviews.lastDecisionByVendor();
  // Scores from the cache where nothing they depend on was written since (services/score-cache.ts).
  const reviews = await listedReviews(ctx, vendors);
  return vendors.map((vendor) => {
    const review = reviews.get(vendor.id);
    const score = review?.score ?? null;
    return {
      id: vendor.id,
      name: vendor.name,
      service: vendor.service,
      category: vendor.category,
      status: vendor.status,
      criticalPath: vendor.criticalPath,
      dataCategories: vendor.dataCategories,
      score: score?.overall ?? null,
      tier: score?.tier ?? null,
      state: score?.state ?? 'not_started',
      reviewStatus: review?.status ?? null,
      inherentTier: inherentTier(vendor),
      completion: score?.completion ?? 0,
      knockouts: score?.knockouts ?? 0,
      // Not the open review's last edit: a draft is not a review until it is decided.
      lastReviewed: decidedAt.get(vendor.id) ?? null,
      reassessment: due.get(vendor.id)!,
      openFindings: open.get(vendor.id)?.open ?? 0,
      overdueFindings: open.get(vendor.id)?.overdue ?? 0,
      incidents90d: incidents.get(vendor.id)?.recent ?? 0,
      openIncidents: incidents.get(vendor.id)?.open ?? 0,
    };
  });
}
