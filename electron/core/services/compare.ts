import type { GeneratedFile } from '../../../shared/api';
import { compareProviders, comparisonToCsv, filterComparison, type Comparison } from '../../../shared/compare';
import { localIsoDate } from '../../../shared/domain/dates';
import { buildComparisonReport } from '../../../shared/reports/compare-report';
import type { Context } from '../context';
import { renderPdf } from '../reports/render';
import { asFile, fileSlug } from './generated-file';
import { entryFor } from './review-entries';
import { getVendor } from './vendor-lookup';

export function compareVendors(ctx: Context, vendorIds: string[]): Comparison {
  return compareProviders(vendorIds.map((id) => entryFor(ctx, getVendor(ctx, id))));
}

export async function exportComparison(
  ctx: Context,
  input: { vendorIds: string[]; format: 'pdf' | 'csv'; differencesOnly?: boolean; text?: string; date?: string },
): Promise<GeneratedFile> {
  const full = compareVendors(ctx, input.vendorIds);
  const generatedAt = input.date ?? localIsoDate(ctx.now());
  const base = `vetted-comparison-${full.columns.map((c) => fileSlug(c.name)).join('-vs-').slice(0, 120)}-${generatedAt}`;
  if (input.format === 'csv') {
    const filtered = filterComparison(full, { differencesOnly: input.differencesOnly, text: input.text });
    return asFile(`${base}.csv`, Buffer.from(comparisonToCsv(filtered), 'utf8'), [], 'text/csv; charset=utf-8');
  }
  // The report applies "differences only" itself, so it can say how many questions it left out.
  const scoped = input.text ? filterComparison(full, { text: input.text }) : full;
  const doc = buildComparisonReport(scoped, { generatedAt, differencesOnly: input.differencesOnly ?? false });
  const title = typeof doc.info?.title === 'string' ? doc.info.title : 'Provider comparison';
  const { pdf, warnings } = await renderPdf(doc, { title, generatedAt });
  return asFile(`${base}.pdf`, pdf, warnings);
}
