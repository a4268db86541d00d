// Reports are built from ids: the caller names a provider, the service gathers the data,
// a pure layout in shared/reports makes the document, and the runtime renders it.
import type { GeneratedFile } from '../../../shared/api';
import { localIsoDate } from '../../../shared/domain/dates';
import { toAnswerMap } from '../../../shared/domain/review';
import { VettedError } from '../../../shared/result';
import { buildSubprocessorAppendix } from '../../../shared/reports/subprocessors';
import { buildVendorReport } from '../../../shared/reports/vendor-report';
import { scoreReview } from '../../../shared/scoring';
import type { Context } from '../context';
import { renderPdf } from '../reports/render';
import { getVendor } from './vendors';

/** A file name that is safe on every OS: ASCII letters, digits and dashes. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return slug || 'provider';
}

function asFile(fileName: string, pdf: Buffer, warnings: string[]): GeneratedFile {
  return { fileName, mediaType: 'application/pdf', base64: pdf.toString('base64'), bytes: pdf.length, warnings };
}

export async function vendorReport(
  ctx: Context,
  input: { vendorId: string; includeConfidential?: boolean; date?: string },
): Promise<GeneratedFile> {
  const vendor = getVendor(ctx, input.vendorId);
  const review = ctx.reviews.latest(vendor.id);
  if (!review) {
    throw new VettedError('conflict', `${vendor.name} has no review yet: answer some questions before exporting a report.`);
  }
  const stored = ctx.templates.get(review.templateId, review.templateVersion);
  if (!stored) throw new VettedError('not_found', `Template ${review.templateId} v${review.templateVersion} is missing.`);
  const answers = ctx.reviews.answers(review.id);
  const score = scoreReview(stored.template, toAnswerMap(answers), vendor);
  const generatedAt = input.date ?? localIsoDate(ctx.now());
  const doc = buildVendorReport(
    { vendor, review, template: stored.template, answers, score },
    { generatedAt, includeConfidential: input.includeConfidential ?? false },
  );
  const { pdf, warnings } = await renderPdf(doc, {
    title: `Vendor review: ${vendor.name}`,
    subject: `${stored.template.name} v${stored.template.version}`,
    generatedAt,
  });
  return asFile(`vetted-review-${fileSlug(vendor.name)}-${generatedAt}.pdf`, pdf, warnings);
}

export async function subprocessorReport(ctx: Context, input: { date?: string }): Promise<GeneratedFile> {
  const latest = ctx.reviews.latestByVendor();
  const answersByReview = ctx.reviews.answersOfLatestReviews();
  const providers = ctx.vendors.list().map((vendor) => {
    const review = latest.get(vendor.id) ?? null;
    const template = review ? (ctx.templates.get(review.templateId, review.templateVersion)?.template ?? null) : null;
    const answers = review ? (answersByReview.get(review.id) ?? []) : [];
    const score = template ? scoreReview(template, toAnswerMap(answers), vendor) : null;
    return { vendor, review, template, answers, score };
  });
  const settings = ctx.settings.get();
  const generatedAt = input.date ?? localIsoDate(ctx.now());
  const doc = buildSubprocessorAppendix({
    providers,
    intro: settings.subprocessorIntro,
    organisation: settings.organisation || undefined,
    generatedAt,
  });
  const { pdf, warnings } = await renderPdf(doc, { title: 'Subprocessors', subject: 'Privacy statement appendix', generatedAt });
  return asFile(`vetted-subprocessors-${generatedAt}.pdf`, pdf, warnings);
}
