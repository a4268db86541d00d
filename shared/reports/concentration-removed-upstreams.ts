// Fourth parties deleted after a document's date D: the register no longer holds them, but a
// document dated D must (it states what the register held on D). The audit trail (migration 011's
// triggers) holds each upstream's content at its creation and after every change; the content
// after the last row dated on or before D is the upstream as it stood on D. Where the trail
// cannot say (no creation row: a register imported without its trail; content that does not read
// as an upstream), the upstream is counted, never guessed. Pure.
import { dayOf } from '../domain/standing';
import { UpstreamInput, type Upstream } from '../domain/upstream';

/** One audit row of an upstream, as the trail stores it. */
export interface UpstreamTrailEntry {
  at: string;
  action: string;
  vendorId: string | null;
  /** The row's content after the change (null for a deletion). */
  content: Record<string, unknown> | null;
}

export interface RemovedUpstreamsAsOf {
  /** Upstreams held on D and deleted since, rebuilt as they stood on D. */
  rebuilt: Upstream[];
  /** Upstreams deleted after D that the trail cannot rebuild (they may have been held on D). */
  notRebuilt: number;
}

/** The upstream as it stood on D, null when it was not held on D, 'unknown' when the trail cannot tell. */
function asOfDay(id: string, trail: readonly UpstreamTrailEntry[], asOf: string): Upstream | null | 'unknown' {
  // In date order: an import appends the rows it carries, with their own dates, after newer ones.
  const dated = trail.map((entry, order) => ({ entry, order })).sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.order - b.order);
  const rows = dated.map((d) => d.entry);
  const last = rows.at(-1);
  // Gone by the end of D (or not deleted at all: still in the register, read from there).
  if (!last || last.action !== 'delete' || dayOf(last.at) <= asOf) return null;
  const created = rows.find((r) => r.action === 'create');
  if (!created) return 'unknown';
  if (dayOf(created.at) > asOf) return null; // recorded after D: never part of it
  const onDay = rows.filter((r) => dayOf(r.at) <= asOf).at(-1)!;
  if (onDay.action === 'delete') return null;
  if (onDay.content === null || onDay.vendorId === null) return 'unknown';
  const c = onDay.content;
  const parsed = UpstreamInput.safeParse({
    vendorId: onDay.vendorId,
    party: c.party,
    catalogueId: c.catalogue_id ?? null,
    kind: c.kind,
    regions: c.regions,
    purpose: c.purpose,
    location: c.location,
    source: c.source,
    note: c.note,
  });
  if (!parsed.success) return 'unknown';
  return { id, ...parsed.data, createdAt: created.at, updatedAt: onDay.at };
}

/** Every upstream deleted after D: rebuilt as of D where the trail says, counted where it cannot. */
export function removedUpstreamsAsOf(trails: ReadonlyMap<string, readonly UpstreamTrailEntry[]>, asOf: string): RemovedUpstreamsAsOf {
  const rebuilt: Upstream[] = [];
  let notRebuilt = 0;
  for (const [id, trail] of trails) {
    const u = asOfDay(id, trail, asOf);
    if (u === 'unknown') notRebuilt++;
    else if (u !== null) rebuilt.push(u);
  }
  return { rebuilt, notRebuilt };
}
