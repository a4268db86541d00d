// A provider's incident record, typed in: incidents the status page showed, and those your team
// lived through that it never showed (onStatusPage false). Imported ones come from status-import.
import type { IncidentView } from '../../../shared/api';
import type { Incident, IncidentInput, IncidentPatch } from '../../../shared/domain/incidents';
import type { Vendor } from '../../../shared/domain/vendor';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { isoInstant } from '../importers/imported';
import { getVendor } from './vendor-lookup';
import { lockToEdit } from '../db/store/row-lock';

export function incidentView(i: Incident, vendor: Pick<Vendor, 'name' | 'criticalPath'> | undefined): IncidentView {
  return { ...i, vendorName: vendor?.name ?? '', criticalPath: vendor?.criticalPath ?? false };
}

async function getIncident(ctx: Context, id: string): Promise<Incident> {
  const found = await ctx.incidents.incident(id);
  if (!found) throw new VettedError('not_found', `No incident with id ${id}.`);
  return found;
}

/** Oldest first, as a timeline reads. */
const byTime = (updates: Incident['updates']) => [...updates].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

/**
 * Times must not be before the start. Checked for the fields given (all of them when the start
 * changes): an imported incident may carry a first post before the start the provider later
 * stated, and that must not stop anyone editing its notes.
 */
function checkTimes(i: Incident, prefix: string, fields: ReadonlySet<string> | 'all'): void {
  const start = Date.parse(i.startedAt);
  const checks = (f: string) => fields === 'all' || fields.has('startedAt') || fields.has(f);
  const problems: { path: string; message: string }[] = [];
  if (checks('firstUpdateAt') && i.firstUpdateAt !== null && Date.parse(i.firstUpdateAt) < start) problems.push({ path: `${prefix}firstUpdateAt`, message: 'must not be before the incident started' });
  if (checks('resolvedAt') && i.resolvedAt !== null && Date.parse(i.resolvedAt) < start) problems.push({ path: `${prefix}resolvedAt`, message: 'must not be before the incident started' });
  if (checks('postmortem') && i.postmortem?.publishedAt && Date.parse(i.postmortem.publishedAt) < start) problems.push({ path: `${prefix}postmortem.publishedAt`, message: 'must not be before the incident started' });
  if (problems.length > 0) throw new VettedError('validation', `${problems[0]!.path}: ${problems[0]!.message}`, problems);
}

/** One way of writing an instant (UTC, as the importers store it), so stored times compare and sort as text. */
const utc = (at: string) => isoInstant(Date.parse(at));
const utcOrNull = (at: string | null | undefined) => (at === null || at === undefined ? (at ?? null) : utc(at));

/** The times of typed-in fields, in UTC. */
function normalised<T extends Partial<Pick<Incident, 'startedAt' | 'firstUpdateAt' | 'resolvedAt' | 'updates' | 'postmortem'>>>(fields: T): T {
  return {
    ...fields,
    ...(fields.startedAt !== undefined ? { startedAt: utc(fields.startedAt) } : {}),
    ...(fields.firstUpdateAt !== undefined ? { firstUpdateAt: utcOrNull(fields.firstUpdateAt) } : {}),
    ...(fields.resolvedAt !== undefined ? { resolvedAt: utcOrNull(fields.resolvedAt) } : {}),
    ...(fields.updates !== undefined ? { updates: byTime(fields.updates.map((u) => ({ ...u, at: utc(u.at) }))) } : {}),
    ...(fields.postmortem ? { postmortem: { ...fields.postmortem, publishedAt: utcOrNull(fields.postmortem.publishedAt) } } : {}),
  };
}

/** Typed in without a first update but with updates: the earliest update is the first. */
const firstOf = (given: string | null | undefined, updates: Incident['updates']) => given ?? updates[0]?.at ?? null;

export async function listIncidents(ctx: Context, input: { vendorId?: string }): Promise<IncidentView[]> {
  return await ctx.read(async (ctx) => {
    if (input.vendorId !== undefined) await getVendor(ctx, input.vendorId);
    const vendors = new Map((await ctx.vendors.list()).map((v) => [v.id, v]));
    return (await ctx.incidents
          .incidents(input.vendorId))
      .map((i) => incidentView(i, vendors.get(i.vendorId)))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.vendorName.localeCompare(b.vendorName) || a.id.localeCompare(b.id));
  });
}

export async function addIncident(ctx: Context, input: IncidentInput): Promise<IncidentView> {
  return await ctx.write(async (ctx) => {
    const vendor = await getVendor(ctx, input.vendorId);
    const stamp = ctx.now().toISOString();
    const given = normalised({ ...input, updates: input.updates ?? [] });
    const updates = given.updates;
    const incident: Incident = {
      id: ctx.newId(),
      vendorId: vendor.id,
      title: input.title.trim(),
      impact: input.impact ?? 'major',
      components: input.components ?? [],
      startedAt: given.startedAt,
      firstUpdateAt: firstOf(given.firstUpdateAt, updates),
      resolvedAt: given.resolvedAt ?? null,
      updates,
      postmortem: given.postmortem ?? null,
      source: 'entered',
      onStatusPage: input.onStatusPage ?? true,
      sourceUid: null,
      sequence: null,
      link: input.link ?? null,
      notes: input.notes?.trim() ?? '',
      createdAt: stamp,
      updatedAt: stamp,
    };
    checkTimes(incident, '', 'all');
    await ctx.incidents.insert(incident);
    return incidentView(incident, vendor);
  });
}

export async function updateIncident(ctx: Context, id: string, patch: IncidentPatch): Promise<IncidentView> {
  return await ctx.write(async (ctx) => {
    await lockToEdit(ctx.sql, 'incidents', id);
    const current = await getIncident(ctx, id);
    const defined = normalised(Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<Incident>);
    const next: Incident = { ...current, ...defined, updatedAt: ctx.now().toISOString() };
    // An imported incident is on the status page by definition: only typed-in ones can say otherwise.
    if (current.source !== 'entered' && next.onStatusPage === false) {
      throw new VettedError('validation', 'patch.onStatusPage: an incident imported from the status page was on it', [
        { path: 'patch.onStatusPage', message: 'an incident imported from the status page was on it' },
      ]);
    }
    checkTimes(next, 'patch.', new Set(Object.keys(defined)));
    await ctx.incidents.update(next);
    // An imported incident's fields changed here are left as they are by a later import.
    if (current.source !== 'entered') await ctx.incidents.setEditedFields(id, [...await ctx.incidents.editedFields(id), ...Object.keys(defined).filter((f) => f !== 'onStatusPage')]);
    return incidentView(next, await ctx.vendors.get(next.vendorId));
  });
}

export async function deleteIncident(ctx: Context, id: string): Promise<{ id: string }> {
  return await ctx.write(async (ctx) => {
    const incident = await getIncident(ctx, id);
    await ctx.incidents.delete(id);
    // Deleted here on purpose: a later import or refresh must not bring it back.
    if (incident.sourceUid !== null) await ctx.incidents.tombstone(incident.vendorId, incident.source, incident.sourceUid, ctx.now().toISOString());
    return { id };
  });
}
