// Fourth parties of providers (issue 21): typed in or picked from the built-in catalogue, and read
// from a provider's published subprocessor list. Imports nothing from the other services but the
// provider lookup, so it adds no edge to their import graph.
import type { z } from 'zod';
import type { UpstreamImport, UpstreamView } from '../../../shared/api';
import { MAX_UPSTREAMS_PER_PROVIDER, type Upstream, type UpstreamInput, type UpstreamPatch } from '../../../shared/domain/upstream';
import { CATALOGUE, catalogueParty, findCatalogueParty, type CatalogueParty } from '../../../shared/upstream/catalogue';
import { mappedRows, readSubprocessorFile, resolveMapping, type MappingOverride, type SubprocessorFileFormat } from '../../../shared/upstream/subprocessor-file';
import { canonicalPartyKey } from '../../../shared/upstream/register-index';
import { planSubprocessorImport } from '../../../shared/upstream/subprocessor-plan';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { writeOrRehearse } from './dry-run';
import { countActions, getUpstream, insertPlanned, upstreamView as view } from './upstream-rows';
import { getVendor } from './vendor-lookup';
import { lockToEdit } from '../db/store/row-lock';

/** The input as the API hands it over: the contract's defaults applied. */
type ParsedInput = z.output<typeof UpstreamInput>;

function invalid(path: string, message: string): VettedError {
  return new VettedError('validation', `${path}: ${message}`, [{ path, message }]);
}

/** Provider name, then in the order recorded (the repository's: the sort is stable). */
function sorted(list: UpstreamView[]): UpstreamView[] {
  return list.sort((a, b) => a.vendorName.localeCompare(b.vendorName) || a.vendorId.localeCompare(b.vendorId));
}

/**
 * The catalogue id to store: one given must be the catalogue's; none given, the catalogue's party
 * the name matches (an alias, another spelling of the legal form), so two reviewers' "AWS" and
 * "Amazon Web Services, Inc." are one party.
 */
function catalogueIdFor(party: string, given: string | null | undefined, path: string): string | null {
  if (given === null || given === undefined) return findCatalogueParty(party)?.id ?? null;
  if (!catalogueParty(given)) throw invalid(path, `"${given}" is not in the catalogue of fourth parties`);
  return given;
}

/** A provider records each party once: a second would count twice in concentration. */
async function refuseDuplicate(ctx: Context, u: Pick<Upstream, 'vendorId' | 'party' | 'catalogueId'> & { id?: string }, path: string): Promise<void> {
  const key = canonicalPartyKey(u);
  const same = (await ctx.upstreams.list(u.vendorId)).find((other) => other.id !== u.id && canonicalPartyKey(other) === key);
  if (same) throw invalid(path, `the provider already records "${same.party}" (id ${same.id}); change that one instead`);
}

export async function listUpstreams(ctx: Context, input: { vendorId?: string }): Promise<UpstreamView[]> {
  return await ctx.read(async (ctx) => {
    if (input.vendorId !== undefined) await getVendor(ctx, input.vendorId);
    const vendors = new Map((await ctx.vendors.list()).map((v) => [v.id, v]));
    return sorted((await ctx.upstreams.list(input.vendorId)).map((u) => view(u, vendors.get(u.vendorId))));
  });
}

export async function addUpstream(ctx: Context, input: ParsedInput): Promise<UpstreamView> {
  const catalogueId = catalogueIdFor(input.party, input.catalogueId, 'catalogueId');
  return await ctx.write(async (ctx) => {
    const vendor = await getVendor(ctx, input.vendorId);
    if (await ctx.upstreams.count(vendor.id) >= MAX_UPSTREAMS_PER_PROVIDER) {
      throw invalid('vendorId', `the provider already records ${MAX_UPSTREAMS_PER_PROVIDER} fourth parties, the most one provider can`);
    }
    await refuseDuplicate(ctx, { vendorId: vendor.id, party: input.party, catalogueId }, 'party');
    const stamp = ctx.now().toISOString();
    const upstream: Upstream = {
      id: ctx.newId(),
      vendorId: vendor.id,
      party: input.party,
      catalogueId,
      kind: input.kind,
      regions: input.regions,
      purpose: input.purpose,
      location: input.location,
      source: input.source,
      note: input.note,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await ctx.upstreams.insert(upstream);
    return view(upstream, vendor);
  });
}

export async function updateUpstream(ctx: Context, id: string, patch: UpstreamPatch): Promise<UpstreamView> {
  return await ctx.write(async (ctx) => {
    await lockToEdit(ctx.sql, 'upstreams', id);
    const current = await getUpstream(ctx, id);
    const party = patch.party ?? current.party;
    // A new name without a catalogue id is looked up again: renaming "AWS" to "Fastly" must not stay aws.
    const catalogueId =
      patch.catalogueId !== undefined || patch.party !== undefined ? catalogueIdFor(party, patch.catalogueId, 'patch.catalogueId') : current.catalogueId;
    const next: Upstream = {
      ...current,
      ...patch,
      party,
      catalogueId,
      updatedAt: ctx.now().toISOString(),
    };
    await refuseDuplicate(ctx, next, patch.party !== undefined ? 'patch.party' : 'patch.catalogueId');
    await ctx.upstreams.update(next);
    return view(next, await ctx.vendors.get(next.vendorId));
  });
}

export async function deleteUpstream(ctx: Context, id: string): Promise<{ id: string }> {
  return await ctx.write(async (ctx) => {
    await getUpstream(ctx, id);
    await ctx.upstreams.delete(id);
    return { id };
  });
}

export function upstreamCatalogue(): readonly CatalogueParty[] {
  return CATALOGUE;
}

export interface UpstreamImportInput {
  vendorId: string;
  content: string;
  format?: SubprocessorFileFormat | undefined;
  mapping?: MappingOverride | undefined;
  dryRun?: boolean | undefined;
}

/**
 * Reads the list (a bad file or mapping stores nothing), plans every row against the provider's
 * upstreams and writes the plan in one IMMEDIATE transaction; a dry run writes nothing and
 * reports the same plan (the preview).
 */
export async function importSubprocessorList(ctx: Context, input: UpstreamImportInput): Promise<UpstreamImport> {
  const table = readSubprocessorFile(input.content, input.format);
  const mapping = resolveMapping(table.headers, input.mapping);
  const rows = mappedRows(table, mapping);
  const dryRun = input.dryRun ?? false;
  return await writeOrRehearse(ctx, dryRun, async (ctx) => {
    const vendor = await getVendor(ctx, input.vendorId);
    const plan = planSubprocessorImport(rows, await ctx.upstreams.list(vendor.id), { purpose: mapping.purpose !== null, location: mapping.location !== null });
    const stamp = ctx.now().toISOString();
    for (const row of plan) {
      if (row.action === 'add') {
        await insertPlanned(ctx, vendor.id, row, { regions: [], source: 'subprocessor_list' }, stamp);
      } else if (row.action === 'update') {
        const stored = await getUpstream(ctx, row.upstreamId!);
        await ctx.upstreams.update({ ...stored, purpose: row.purpose, location: row.location, updatedAt: stamp });
      }
    }
    return {
      vendorId: vendor.id,
      vendorName: vendor.name,
      format: table.format,
      dryRun,
      headers: table.headers,
      mapping,
      ...countActions(plan),
      rows: plan,
      upstreams: (await ctx.upstreams.list(vendor.id)).map((u) => view(u, vendor)),
    };
  });
}
