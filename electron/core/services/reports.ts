// Reports are built from ids: the caller names a provider, the service gathers the data,
// a pure layout in shared/reports makes the document, and the runtime renders it.
import type { GeneratedFile, SubprocessorExport } from '../../../shared/api';
import { localIsoDate } from '../../../shared/domain/dates';
import { VettedError } from '../../../shared/result';
import { buildSubprocessorAppendix } from '../../../shared/reports/subprocessors';
import { buildVendorReport } from '../../../shared/reports/vendor-report';
import type { Context } from '../context';
import { renderPdf } from '../reports/render';
import type { ReportLifecycle } from '../../../shared/reports/lifecycle';
import { listAcceptances } from './acceptances';
import { revealAnswers } from './confidential';
import { listEvidence } from './evidence';
import { listFindings } from './findings';
import { allEntries, entryFor } from './review-entries';
import { getVendor } from './vendor-lookup';
import { asFile, fileSlug } from './generated-file';
import { reviewHistory } from './workflow';

export async function vendorReport(
  ctx: Context,
  input: { vendorId: string; includeConfidential?: boolean; date?: string },
): Promise<GeneratedFile> {
  // Confidential comments are printed only when asked for (and the key is there).
  const includeConfidential = input.includeConfidential ?? false;
  const entry = entryFor(ctx, getVendor(ctx, input.vendorId), { includeConfidential });
  const { vendor, review, template } = entry;
  if (!review) {
    throw new VettedError('conflict', `${vendor.name} has no review yet: answer some questions before exporting a report.`);
  }
  if (!template || !entry.score) throw new VettedError('not_found', `Template ${review.templateId} v${review.templateVersion} is missing.`);
  // A decided review prints what was signed off: the answers and score frozen at the decision
  // (a profile edited since would otherwise move the score under the signature).
  const snapshot = ctx.steps.snapshot(review.id);
  const answers = snapshot ? revealAnswers(ctx, vendor.id, snapshot.answers, { include: includeConfidential }) : entry.answers;
  const score = snapshot?.score ?? entry.score;
  const generatedAt = input.date ?? localIsoDate(ctx.now());
  const doc = buildVendorReport(
    { vendor, review, template, answers, score, frozenAt: snapshot?.frozenAt ?? null, lifecycle: lifecycleOf(ctx, vendor.id, review.id) },
    { generatedAt, includeConfidential },
  );
  const { pdf, warnings } = await renderPdf(doc, {
    title: `Vendor review: ${vendor.name}`,
    subject: `${template.name} v${template.version}`,
    generatedAt,
  });
  return asFile(`vetted-review-${fileSlug(vendor.name)}-${generatedAt}.pdf`, pdf, warnings);
}

/** The sign-off steps of the reported review and the provider's findings, acceptances and evidence. */
function lifecycleOf(ctx: Context, vendorId: string, reviewId: string): ReportLifecycle {
  return ctx.db.transaction(() => ({
    steps: reviewHistory(ctx, vendorId).find((entry) => entry.review.id === reviewId)?.steps ?? [],
    findings: listFindings(ctx, { vendorId }),
    acceptances: listAcceptances(ctx, { vendorId }),
    evidence: listEvidence(ctx, { vendorId }),
  }))();
}

export async function subprocessorReport(ctx: Context, input: { date?: string }): Promise<SubprocessorExport> {
  const settings = ctx.settings.get();
  const generatedAt = input.date ?? localIsoDate(ctx.now());
  const doc = buildSubprocessorAppendix({
    providers: allEntries(ctx),
    intro: settings.subprocessorIntro,
    organisation: settings.organisation || undefined,
    generatedAt,
  });
  const { pdf, warnings } = await renderPdf(doc, { title: 'Subprocessors', subject: 'Privacy statement appendix', generatedAt });
  return { ...asFile(`vetted-subprocessors-${generatedAt}.pdf`, pdf, warnings), listed: 0, leftOut: [] };
}
