// Row-level pieces both ways of filling a provider's fourth parties share: the subprocessor list
// import (upstreams.ts) and the reading of status page components (upstreams-from-status.ts).
import type { UpstreamView } from '../../../shared/api';
import type { Upstream, UpstreamRegion, UpstreamSource } from '../../../shared/domain/upstream';
import type { Vendor } from '../../../shared/domain/vendor';
import type { SubprocessorAction } from '../../../shared/upstream/subprocessor-plan';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';

/** An upstream as the API shows it: with its provider's name and critical path. */
export function upstreamView(u: Upstream, vendor: Pick<Vendor, 'name' | 'criticalPath'> | undefined): UpstreamView {
  return { ...u, vendorName: vendor?.name ?? '', criticalPath: vendor?.criticalPath ?? false };
}

export async function getUpstream(ctx: Context, id: string): Promise<Upstream> {
  const u = await ctx.upstreams.get(id);
  if (!u) throw new VettedError('not_found', `No fourth party with id ${id}.`);
  return u;
}

/** What an import plan knows of a fourth party it adds. */
export type PlannedParty = Pick<Upstream, 'party' | 'catalogueId' | 'kind' | 'purpose' | 'location'>;

/** Stores a fourth party an import plan adds (no note: it was not typed by anyone). */
export async function insertPlanned(
  ctx: Context,
  vendorId: string,
  row: PlannedParty,
  from: { regions: UpstreamRegion[]; source: UpstreamSource },
  stamp: string,
): Promise<void> {
  const { party, catalogueId, kind, purpose, location } = row;
  await ctx.upstreams.insert({ id: ctx.newId(), vendorId, party, catalogueId, kind, regions: from.regions, purpose, location, source: from.source, note: '', createdAt: stamp, updatedAt: stamp });
}

/** How many rows of a plan take each action. */
export function countActions(rows: readonly { action: SubprocessorAction }[]): Record<'added' | 'updated' | 'unchanged' | 'skipped', number> {
  const counts = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const { action } of rows) counts[action === 'add' ? 'added' : action === 'update' ? 'updated' : action === 'skip' ? 'skipped' : 'unchanged'] += 1;
  return counts;
}
