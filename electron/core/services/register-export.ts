// The whole register as one JSON document (docs/formats.md) and as a one-row-per-provider CSV.
import { mapInOrder } from '../in-order';
import type { GeneratedFile } from '../../../shared/api';
import { localIsoDate } from '../../../shared/domain/dates';
import type { Template } from '../../../shared/domain/template';
import { registerToCsv } from '../../../shared/register/csv';
import {
  MAX_REGISTER_IMPORT_CHARS,
  REGISTER_FORMAT,
  REGISTER_FORMAT_VERSION,
  INCIDENT_EDITABLE_FIELDS,
  type ExportedAnswer,
  type ExportedDeletedIncident,
  type ExportedIncident,
  type RegisterExport,
} from '../../../shared/register/format';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { asFile } from './generated-file';
import { allEntries } from './review-entries';
import { decisionsOf, exportLifecycle, withEvidenceFiles, type LeftBehind } from './register-export-lifecycle';

export interface BuiltExport {
  data: RegisterExport;
  /** Evidence files that did not fit (their records travel with their digests). */
  leftBehind: LeftBehind;
}

/**
 * The register as the exchange format: every template version a review uses or a category default
 * names (its newest version), the providers, reviews (with what their decisions froze), answers,
 * maintenance windows, blackout periods, incidents (with the fields of imported ones edited here)
 * and the imported incidents deleted here, status page settings, the questionnaires sent (and the
 * template versions they asked), the providers' fourth parties, settings, and the review lifecycle: sign-off steps, findings,
 * risk acceptances, evidence with its files, the audit trail and the confidential key material.
 * Deterministic: every list is ordered by id (templates by id then version, answers by review then
 * question, status page settings by provider, steps and the audit trail in the order recorded),
 * so the same register and the same clock give the same bytes.
 */
export async function buildRegisterExport(ctx: Context, limitChars?: number): Promise<BuiltExport> {
  return await ctx.read(async (ctx) => {
    const settings = await ctx.settings.get();
    const templates: Template[] = await mapInOrder(await ctx.reviews.usedTemplates(), async ({ id, version }) => {
      const stored = await ctx.templates.get(id, version);
      if (!stored) throw new VettedError('not_found', `Template ${id} v${version} is missing from the register.`);
      return stored.template;
    });
    // A questionnaire sent travels with the template version it asked (the answers come back to it).
    const requests = (await ctx.requests.all()).sort((a, b) => compareIds(a.id, b.id));
    for (const r of requests) {
      if (templates.some((t) => t.id === r.templateId && t.version === r.templateVersion)) continue;
      const stored = await ctx.templates.get(r.templateId, r.templateVersion);
      if (!stored) throw new VettedError('not_found', `Template ${r.templateId} v${r.templateVersion} is missing from the register.`);
      templates.push(stored.template);
    }
    // A category's default template travels with the settings that name it (its newest version).
    for (const id of new Set(Object.values(settings.defaultTemplates))) {
      const stored = id === undefined ? undefined : await ctx.templates.get(id);
      if (stored && !templates.some((t) => t.id === stored.template.id && t.version === stored.template.version)) templates.push(stored.template);
    }
    templates.sort((a, b) => compareIds(a.id, b.id) || a.version - b.version);
    const vendors = (await ctx.vendors.list()).sort((a, b) => compareIds(a.id, b.id));
    const answers: ExportedAnswer[] = (await ctx.reviews.answersOfAll()).map((a) => ({
      reviewId: a.reviewId,
      questionId: a.questionId,
      value: a.value,
      comment: a.comment,
      na: a.na,
      updatedAt: a.updatedAt,
      ...(a.confidential ? { commentConfidential: true as const } : {}),
      ...(a.providerComment ? { providerComment: a.providerComment } : {}),
      ...(a.answeredBy ? { answeredBy: a.answeredBy } : {}),
    }));
    const decision = await decisionsOf(ctx);
    const lifecycle = await exportLifecycle(ctx);
    const data = {
      format: REGISTER_FORMAT,
      formatVersion: REGISTER_FORMAT_VERSION,
      exportedAt: ctx.now().toISOString(),
      templates,
      vendors,
      reviews: (await ctx.reviews.all()).map((r) => ({ ...r, ...decision(r.id) })),
      answers,
      maintenanceWindows: (await ctx.maintenance.windows()).sort((a, b) => compareIds(a.id, b.id)),
      blackoutPeriods: (await ctx.maintenance.blackouts()).sort((a, b) => compareIds(a.id, b.id)),
      incidents: await mapInOrder(
        (await ctx.incidents.incidents()).sort((a, b) => compareIds(a.id, b.id)),
        async ({ createdAt, updatedAt, ...incident }) => ({ ...incident, editedFields: await editedFieldsOf(ctx, incident.id), createdAt, updatedAt }),
      ),
      deletedIncidents: (await ctx.incidents
              .tombstones())
        .map((t) => ({ ...t, source: t.source as ExportedDeletedIncident['source'] }))
        .sort((a, b) => compareIds(a.vendorId, b.vendorId) || compareIds(a.source, b.source) || compareIds(a.sourceUid, b.sourceUid)),
      // A provider whose settings are still the defaults (no component chosen, never refreshed) is left out.
      statusSettings: (await ctx.incidents
              .allSettings())
        .filter((s) => s.componentsUsed.length > 0 || s.refreshedAt !== null || s.refreshedFrom !== null)
        .sort((a, b) => compareIds(a.vendorId, b.vendorId)),
      questionnaireRequests: requests,
      upstreams: (await ctx.upstreams.list()).sort((a, b) => compareIds(a.id, b.id)),
      settings,
      ...lifecycle,
    } satisfies RegisterExport;
    // The files last: what room they have is what the rest leaves under the import's limit.
    const rest = JSON.stringify(data, null, 2).length;
    const { evidence, leftBehind } = await withEvidenceFiles(ctx, data.evidence, rest, limitChars);
    return { data: { ...data, evidence }, leftBehind };
  });
}

/** The fields of an imported incident edited here, as the format lists them (a stored name it does not know is left out). */
async function editedFieldsOf(ctx: Context, id: string): Promise<ExportedIncident['editedFields']> {
  const edited = new Set(await ctx.incidents.editedFields(id));
  return INCIDENT_EDITABLE_FIELDS.filter((f) => edited.has(f));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function exportRegister(ctx: Context, limitChars?: number): Promise<GeneratedFile> {
  const { data, leftBehind } = await buildRegisterExport(ctx, limitChars);
  const text = JSON.stringify(data, null, 2) + '\n';
  return asFile(`vetted-register-${localIsoDate(ctx.now())}.json`, Buffer.from(text, 'utf8'), exportWarnings(leftBehind), 'application/json');
}

/** What did not travel, said where the person exporting sees it (the CLI's stderr, the app's notice). */
function exportWarnings(leftBehind: LeftBehind): string[] {
  if (leftBehind.count === 0) return [];
  const mb = (leftBehind.bytes / 1024 / 1024).toFixed(1);
  const files = leftBehind.count === 1 ? '1 evidence file' : `${leftBehind.count} evidence files`;
  return [
    `${files} (${mb} MB) left out of the export, which would otherwise pass the ${MAX_REGISTER_IMPORT_CHARS / 1024 / 1024} MB an import reads: ` +
      `their records travel with each file's SHA-256, and an import adds them only where the register already holds the file. ` +
      `Left out: ${leftBehind.names.join('; ')}. Move the files with a backup, or attach them again after the import.`,
  ];
}

/** One row per provider, in the register's order (by name). */
export async function exportRegisterCsv(ctx: Context): Promise<GeneratedFile> {
  // One read: each row's review and its provider's last decision from the same state of the register.
  const csv = await ctx.read(async (ctx) => {
    const decidedAt = await ctx.reviews.lastDecisionByVendor();
    return registerToCsv((await allEntries(ctx)).map((entry) => ({ ...entry, lastDecidedAt: decidedAt.get(entry.vendor.id) ?? null })));
  });
  return asFile(`vetted-register-${localIsoDate(ctx.now())}.csv`, Buffer.from(csv, 'utf8'), [], 'text/csv; charset=utf-8');
}
