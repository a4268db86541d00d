// Fourth parties read from a provider's status page components (issue 21): the component names the
// register already holds for it — named by its incidents, and the ones you chose as used — are
// searched for the catalogue's parties and their regions (shared/upstream/status-components.ts).
// Its own file so the subprocessor import stays one job; reads the incident record, writes upstreams.
import type { UpstreamFromStatus } from '../../../shared/api';
import { planStatusComponents } from '../../../shared/upstream/status-components';
import type { Context } from '../context';
import { writeOrRehearse } from './dry-run';
import { countActions, getUpstream, insertPlanned, upstreamView } from './upstream-rows';
import { getVendor } from './vendor-lookup';

/** Every component name on record for the provider, each once, most often named by its incidents first. */
async function knownComponents(ctx: Context, vendorId: string): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const incident of await ctx.incidents.incidents(vendorId)) for (const c of new Set(incident.components)) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of (await ctx.incidents.settings(vendorId)).componentsUsed) if (!counts.has(c)) counts.set(c, 0);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/**
 * Plans the provider's components against its upstreams and writes the plan in one IMMEDIATE
 * transaction (each write audited by the database's triggers, like every upstream change); a dry
 * run writes nothing and reports the same plan (the preview). No component known: an empty plan.
 */
export async function upstreamsFromStatus(ctx: Context, input: { vendorId: string; dryRun?: boolean | undefined }): Promise<UpstreamFromStatus> {
  const dryRun = input.dryRun ?? false;
  return await writeOrRehearse(ctx, dryRun, async (ctx) => {
    const vendor = await getVendor(ctx, input.vendorId);
    const components = await knownComponents(ctx, vendor.id);
    const { rows, unmatched } = planStatusComponents(components, await ctx.upstreams.list(vendor.id));
    const stamp = ctx.now().toISOString();
    for (const row of rows) {
      if (row.action === 'add') {
        await insertPlanned(ctx, vendor.id, row, { regions: row.regions.map((code) => ({ code, uses: '' })), source: 'status_components' }, stamp);
      } else if (row.action === 'update') {
        const stored = await getUpstream(ctx, row.upstreamId!);
        await ctx.upstreams.update({ ...stored, regions: [...stored.regions, ...row.regions.map((code) => ({ code, uses: '' }))], updatedAt: stamp });
      }
    }
    const upstreams = (await ctx.upstreams.list(vendor.id)).map((u) => upstreamView(u, vendor));
    return { vendorId: vendor.id, vendorName: vendor.name, dryRun, components, ...countActions(rows), rows, unmatched, upstreams };
  });
}
