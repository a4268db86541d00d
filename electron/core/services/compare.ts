import { mapInOrder } from '../in-order';
import { createHash } from 'node:crypto';
import type { GeneratedFile } from '../../../shared/api';
import {
  compareIncidents,
  compareMaintenance,
  compareProviders,
  compareUpstreams,
  comparisonToCsv,
  filterComparison,
  type CompareEntry,
  type Comparison,
  type IncidentRecord,
} from '../../../shared/compare';
import { REVIEW_STATUS_LABELS } from '../../../shared/domain/labels';
import type { Vendor } from '../../../shared/domain/vendor';
import { dayOf, type Standing } from '../../../shared/domain/standing';
import { buildComparisonReport } from '../../../shared/reports/compare-report';
import type { Context } from '../context';
import { renderPdf } from '../reports/render';
import { asFile, providerSlug } from './generated-file';
import { reportLanguageOf } from './report-language';
import { buildEntry, entryFor } from './review-entries';
import { decidedContent, documentDate, documentToday, reviewInProgress, standingOf } from './standing';
import { getVendor } from './vendor-lookup';
import { VettedError } from '../../../shared/result';

/** The app's comparison screen: each provider's latest review as it stands, drafts included (a working view). */
export async function compareVendors(ctx: Context, vendorIds: string[]): Promise<Comparison> {
  return await ctx.read(async (ctx) => {
    const entries = await mapInOrder(vendorIds, async (id) => entryFor(ctx, await getVendor(ctx, id)));
    const comparison = compareProviders(entries, { dayRate: (await ctx.settings.get()).dayRate });
    const today = documentToday(ctx);
    return {
      ...comparison,
      maintenance: compareMaintenance(entries, await ctx.maintenance.windows(), today),
      incidents: compareIncidents(entries, await incidentRecords(ctx, entries), today),
      upstreams: compareUpstreams(entries, await ctx.upstreams.list(), today),
    };
  });
}

/** The compared providers' incidents and status page settings, as the register holds them now. */
async function incidentRecords(ctx: Context, entries: readonly CompareEntry[]): Promise<Map<string, IncidentRecord>> {
  const records = new Map<string, IncidentRecord>();
  for (const e of entries) records.set(e.vendor.id, { incidents: await ctx.incidents.incidents(e.vendor.id), settings: await ctx.incidents.settings(e.vendor.id) });
  return records;
}

/**
 * A provider's column in an exported comparison, as of the date: its latest decided review (frozen
 * answers and score), or with `draft` its review in progress; and what the column rests on, in words.
 */
async function exportedEntry(ctx: Context, vendor: Vendor, asOf: string, draft: boolean): Promise<{ entry: CompareEntry; basis: string }> {
  const standing = await standingOf(ctx, vendor.id, asOf);
  if (draft) {
    const open = await reviewInProgress(ctx, vendor.id, standing);
    if (open) {
      return { entry: await buildEntry(ctx, vendor, open, await ctx.reviews.answers(open.id)), basis: `DRAFT, review in progress since ${dayOf(open.startedAt)}` };
    }
  }
  const decided = standing.decided;
  const content = decided ? await decidedContent(ctx, decided) : null;
  if (!decided || !content) {
    return {
      entry: { ...await buildEntry(ctx, vendor, null, []), noReviewNote: noDecidedReviewNote(standing, asOf, draft) },
      basis: [`no review decided on or before ${asOf} (empty column)`, ...standing.lines.slice(1).map((line) => line.replace(/\.$/, ''))].join('. '),
    };
  }
  const entry = await buildEntry(ctx, vendor, decided.review, content.answers);
  return {
    // The score as signed off, not recomputed against a profile edited since.
    entry: { ...entry, score: content.score },
    // The decision, then what the standing adds (a reassessment opened or overdue since).
    basis: [
      `${REVIEW_STATUS_LABELS[decided.decision.to].toLowerCase()} on ${decided.decidedOn}${draft ? ' (no review in progress)' : ''}`,
      ...standing.lines.slice(1).map((line) => line.replace(/\.$/, '')),
    ].join('. '),
  };
}

/**
 * Why an exported column is empty, as of its date: an empty column must not read as a provider
 * nobody started on when a review is under way ("No decided review as of 2026-12-05 (a review is
 * in progress since 2026-11-02, in review on 2026-12-05)").
 */
function noDecidedReviewNote(standing: Standing, asOf: string, draft: boolean): string {
  const { open } = standing;
  if (open) return `No decided review as of ${asOf} (a review is in progress since ${open.since}, ${REVIEW_STATUS_LABELS[open.status].toLowerCase()} on ${asOf})`;
  return draft ? `No review in progress or decided as of ${asOf}` : `No decided review as of ${asOf}`;
}

export async function exportComparison(
  ctx: Context,
  input: { vendorIds: string[]; format: 'pdf' | 'csv'; differencesOnly?: boolean; text?: string; date?: string; draft?: boolean },
): Promise<GeneratedFile> {
  const asOf = documentDate(ctx, input.date);
  const draft = input.draft ?? false;
  if (draft && asOf !== documentToday(ctx)) {
    // Drafts keep no older versions of their answers: a draft comparison can only speak for today.
    const message = 'a draft comparison shows the reviews in progress as they are today; leave the date out';
    throw new VettedError('validation', `date: ${message}`, [{ path: 'date', message }]);
  }
  const { full, basis, organisation, slugs } = await ctx.read(async (ctx) => {
    const entries = await mapInOrder(input.vendorIds, async (id) => exportedEntry(ctx, await getVendor(ctx, id), asOf, draft));
    const columns = entries.map((e) => e.entry);
    const everyProvider = await ctx.vendors.list();
    return {
      full: {
        ...compareProviders(columns, { dayRate: (await ctx.settings.get()).dayRate }),
        // From the register's maintenance records as of the date, checked against each column's answers.
        maintenance: compareMaintenance(columns, await ctx.maintenance.windows(), asOf),
        // From the register's incident record, cut to the date, checked against each column's answers.
        incidents: compareIncidents(columns, await incidentRecords(ctx, columns), asOf),
        // The fourth parties they share, recorded on or before the date.
        upstreams: compareUpstreams(columns, await ctx.upstreams.list(), asOf),
      },
      basis: Object.fromEntries(entries.map((e) => [e.entry.vendor.id, e.basis])),
      organisation: (await ctx.settings.get()).organisation,
      slugs: entries.map((e) => providerSlug(e.entry.vendor, everyProvider)),
    };
  });
  const base = `vetted-${draft ? 'draft-' : ''}comparison-${comparisonSlug(slugs)}-${asOf}`;
  if (input.format === 'csv') {
    const filtered = filterComparison(full, { differencesOnly: input.differencesOnly, text: input.text });
    const csv = comparisonToCsv(filtered, { asOf, today: documentToday(ctx), draft, organisation, columns: basis });
    return asFile(`${base}.csv`, Buffer.from(csv, 'utf8'), [], 'text/csv; charset=utf-8');
  }
  // The report applies "differences only" itself, so it can say how many questions it left out.
  const scoped = input.text ? filterComparison(full, { text: input.text }) : full;
  const doc = buildComparisonReport(scoped, {
    generatedAt: asOf,
    today: documentToday(ctx),
    differencesOnly: input.differencesOnly ?? false,
    organisation,
    draft,
    basis,
  });
  const title = typeof doc.info?.title === 'string' ? doc.info.title : 'Provider comparison';
  const { pdf, warnings } = await renderPdf(doc, { title, generatedAt: asOf, language: await reportLanguageOf(ctx) });
  return asFile(`${base}.pdf`, pdf, warnings);
}

/**
 * The providers in a file name: their slugs joined, and where that is too long, cut and followed by
 * a short digest of all of them, so two comparisons that differ only past the cut never share a name.
 */
export function comparisonSlug(slugs: readonly string[]): string {
  const joined = slugs.join('-vs-');
  if (joined.length <= 120) return joined;
  return `${joined.slice(0, 108).replace(/-+$/, '')}-${createHash('sha256').update(joined).digest('hex').slice(0, 10)}`;
}
