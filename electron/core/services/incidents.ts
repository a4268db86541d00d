// A provider's incident record, typed in: incidents the status page showed, and those your team
// lived through that it never showed (onStatusPage false). Imported ones come from status-import.
import type { IncidentView } from '../../../shared/api';
import type { Incident, IncidentInput, IncidentPatch } from '../../../shared/domain/incidents';
import type { Vendor } from '../../../shared/domain/vendor';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { getVendor } from './vendor-lookup';

export function incidentView(i: Incident, vendor: Pick<Vendor, 'name' | 'criticalPath'> | undefined): IncidentView {
  return { ...i, vendorName: vendor?.name ?? '', criticalPath: vendor?.criticalPath ?? false };
}

function getIncident(ctx: Context, id: string): Incident {
  const found = ctx.incidents.incident(id);
  if (!found) throw new VettedError('not_found', `No incident with id ${id}.`);
  return found;
}

/** Oldest first, as a timeline reads. */
const byTime = (updates: Incident['updates']) => [...updates].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

/** Times must follow the start; checked on the whole incident, so a patch of one field is checked against the rest. */
function checkTimes(i: Incident, prefix: string): void {
  const start = Date.parse(i.startedAt);
  const problems: { path: string; message: string }[] = [];
  if (i.firstUpdateAt !== null && Date.parse(i.firstUpdateAt) < start) problems.push({ path: `${prefix}firstUpdateAt`, message: 'must not be before the incident started' });
  if (i.resolvedAt !== null && Date.parse(i.resolvedAt) < start) problems.push({ path: `${prefix}resolvedAt`, message: 'must not be before the incident started' });
  if (i.postmortem?.publishedAt && Date.parse(i.postmortem.publishedAt) < start) problems.push({ path: `${prefix}postmortem.publishedAt`, message: 'must not be before the incident started' });
  if (problems.length > 0) throw new VettedError('validation', `${problems[0]!.path}: ${problems[0]!.message}`, problems);
}

/** Typed in without a first update but with updates: the earliest update is the first. */
const firstOf = (given: string | null | undefined, updates: Incident['updates']) => given ?? updates[0]?.at ?? null;

export function listIncidents(ctx: Context, input: { vendorId?: string }): IncidentView[] {
  return ctx.db.transaction(() => {
    if (input.vendorId !== undefined) getVendor(ctx, input.vendorId);
    const vendors = new Map(ctx.vendors.list().map((v) => [v.id, v]));
    return ctx.incidents
      .incidents(input.vendorId)
      .map((i) => incidentView(i, vendors.get(i.vendorId)))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.vendorName.localeCompare(b.vendorName) || a.id.localeCompare(b.id));
  })();
}

export function addIncident(ctx: Context, input: IncidentInput): IncidentView {
  return ctx.db
    .transaction(() => {
      const vendor = getVendor(ctx, input.vendorId);
      const stamp = ctx.now().toISOString();
      const updates = byTime(input.updates ?? []);
      const incident: Incident = {
        id: ctx.newId(),
        vendorId: vendor.id,
        title: input.title.trim(),
        impact: input.impact ?? 'major',
        components: input.components ?? [],
        startedAt: input.startedAt,
        firstUpdateAt: firstOf(input.firstUpdateAt, updates),
        resolvedAt: input.resolvedAt ?? null,
        updates,
        postmortem: input.postmortem ?? null,
        source: 'entered',
        onStatusPage: input.onStatusPage ?? true,
        sourceUid: null,
        sequence: null,
        link: input.link ?? null,
        notes: input.notes?.trim() ?? '',
        createdAt: stamp,
        updatedAt: stamp,
      };
      checkTimes(incident, '');
      ctx.incidents.insert(incident);
      return incidentView(incident, vendor);
    })
    .immediate();
}

export function updateIncident(ctx: Context, id: string, patch: IncidentPatch): IncidentView {
  return ctx.db
    .transaction(() => {
      const current = getIncident(ctx, id);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Incident>;
      const next: Incident = {
        ...current,
        ...defined,
        ...(defined.updates ? { updates: byTime(defined.updates) } : {}),
        updatedAt: ctx.now().toISOString(),
      };
      // An imported incident is on the status page by definition: only typed-in ones can say otherwise.
      if (current.source !== 'entered' && next.onStatusPage === false) {
        throw new VettedError('validation', 'patch.onStatusPage: an incident imported from the status page was on it', [
          { path: 'patch.onStatusPage', message: 'an incident imported from the status page was on it' },
        ]);
      }
      checkTimes(next, 'patch.');
      ctx.incidents.update(next);
      return incidentView(next, ctx.vendors.get(next.vendorId));
    })
    .immediate();
}

export function deleteIncident(ctx: Context, id: string): { id: string } {
  return ctx.db
    .transaction(() => {
      getIncident(ctx, id);
      ctx.incidents.delete(id);
      return { id };
    })
    .immediate();
}
