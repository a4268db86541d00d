// Reports are built from ids: the caller names a provider, the service gathers the data,
// a pure layout in shared/reports makes the document, and the runtime renders it.
import { mapInOrder } from '../in-order';
import type { GeneratedFile, SubprocessorExport } from '../../../shared/api';
import { VettedError } from '../../../shared/result';
import { buildSubprocessorAppendix, introWarnings, selectSubprocessors, type SubprocessorCandidate } from '../../../shared/reports/subprocessors';
import { buildVendorReport } from '../../../shared/reports/vendor-report';
import type { Context } from '../context';
import { renderPdf } from '../reports/render';
import { lifecycleAsOf, type ReportLifecycle } from '../../../shared/reports/lifecycle';
import { listAcceptances } from './acceptances';
import { revealAnswers } from './confidential';
import { listEvidence } from './evidence';
import { listFindings } from './findings';
import { buildEntry } from './review-entries';
import { getVendor } from './vendor-lookup';
import { decidedContent, documentDate, documentToday, reviewInProgress, standingOf } from './standing';
import { asFile, providerSlug } from './generated-file';
import { providerConcentration } from './concentration';
import { reportLanguageOf } from './report-language';
import { dayOf, onOrBefore, stepsAsOf, type Standing } from '../../../shared/domain/standing';
import { toAnswerMap, type Answer, type Review } from '../../../shared/domain/review';
import { visibleQuestionIds } from '../../../shared/domain/conditions';
import type { WindowOf } from '../../../shared/maintenance/overlaps';
import { claimAnswers, providerMaintenance, type ProviderMaintenance } from '../../../shared/reports/maintenance-facts';
import { providerIncidents, type ProviderIncidents } from '../../../shared/reports/incident-facts';
import { claimAnswers as incidentClaimAnswers } from '../../../shared/incidents/answers';
import type { Template } from '../../../shared/domain/template';
import type { Vendor } from '../../../shared/domain/vendor';
import type { ReassessmentMonths } from '../../../shared/domain/reassessment';
import type { ReviewStep } from '../../../shared/domain/workflow';
import type { ScoreResult } from '../../../shared/scoring/types';
import { verifyAuditChain } from './audit-verify';
import { providerStatusAsOf, type StatusTrailEntry } from '../../../shared/reports/provider-status-as-of';

export async function vendorReport(
  ctx: Context,
  input: { vendorId: string; includeConfidential?: boolean; date?: string; draft?: boolean },
): Promise<GeneratedFile> {
  // Confidential comments are printed only when asked for (and the key is there).
  const include = input.includeConfidential ?? false;
  const asOf = documentDate(ctx, input.date);
  const data = await ctx.read(async (ctx) => {
    const vendor = await getVendor(ctx, input.vendorId);
    const standing = await standingOf(ctx, vendor.id, asOf);
    const reported = input.draft ? await draftReported(ctx, vendor, standing, asOf, include) : await decidedReported(ctx, vendor, standing, asOf, include);
    const steps = stepsAsOf(await ctx.steps.steps(reported.review.id), asOf);
    return {
      ...reported,
      vendor,
      // The status the review had on the report's date (a step taken later is not seen).
      review: { ...reported.review, status: steps.at(-1)?.to ?? 'draft' },
      standing,
      draft: input.draft ?? false,
      organisation: (await ctx.settings.get()).organisation,
      dayRate: (await ctx.settings.get()).dayRate,
      today: documentToday(ctx),
      // The status on the date, from the trail, as the subprocessor annex reads it.
      statusOnDate: providerStatusAsOf(vendor.status, await ctx.audit.vendorStatusTrail(vendor.id), asOf, documentToday(ctx)),
      lifecycle: lifecycleAsOf(await lifecycleOf(ctx, vendor.id, steps), asOf),
      maintenance: await maintenanceOf(ctx, vendor.id, reported, asOf),
      incidents: await incidentsOf(ctx, vendor.id, reported, asOf),
      concentration: await providerConcentration(ctx, vendor.id, asOf),
      // The trail as it stood at the end of the report's date (entries written later are not
      // part of it), verified when the report is made, in the same snapshot as the data.
      auditChain: { check: await verifyAuditChain(ctx, asOf), asOf },
      language: await reportLanguageOf(ctx),
      slug: providerSlug(vendor, await ctx.vendors.list()),
    };
  });
  if (include) await refuseLockedConfidential(ctx, data.vendor.name, data.answers);
  const doc = buildVendorReport(data, { generatedAt: asOf, includeConfidential: include });
  const { pdf, warnings } = await renderPdf(doc, {
    title: `${data.draft ? 'DRAFT vendor review' : 'Vendor review'}: ${data.vendor.name}`,
    subject: `${data.template.name} v${data.template.version}`,
    generatedAt: asOf,
    language: data.language,
  });
  const kind = data.draft ? 'draft-review' : 'review';
  return asFile(`vetted-${kind}-${data.slug}-${asOf}.pdf`, pdf, warnings);
}

interface Reported {
  review: Review;
  template: Template;
  answers: Answer[];
  score: ScoreResult;
  frozenAt: string | null;
}

async function templateOf(ctx: Context, review: Review): Promise<Template> {
  const template = (await ctx.templates.get(review.templateId, review.templateVersion))?.template;
  if (!template) throw new VettedError('not_found', `Template ${review.templateId} v${review.templateVersion} is missing.`);
  return template;
}

/**
 * The review decided on or before the date, printed from the snapshot its decision froze: the
 * answers and score as signed off (a profile edited since would otherwise move the score under the
 * signature).
 */
async function decidedReported(ctx: Context, vendor: Vendor, standing: Standing, asOf: string, include: boolean): Promise<Reported> {
  const decided = standing.decided;
  if (!decided) {
    const open = standing.open ? ` Its review in progress can be exported as a draft.` : '';
    throw new VettedError('conflict', `${vendor.name} has no review decided on or before ${asOf}.${open}`);
  }
  const content = await decidedContent(ctx, decided);
  if (!content) throw new VettedError('not_found', `Template ${decided.review.templateId} v${decided.review.templateVersion} is missing.`);
  return {
    review: decided.review,
    template: content.template,
    answers: await revealAnswers(ctx, vendor.id, content.answers, { include }),
    score: content.score,
    frozenAt: content.frozenAt,
  };
}

/**
 * Confidential comments asked for but the key is not available: refused, nothing written. A report
 * that silently left them out would read as one that holds them all.
 */
async function refuseLockedConfidential(ctx: Context, vendorName: string, answers: readonly Answer[]): Promise<void> {
  const locked = answers.filter((a) => a.locked === true).length;
  if (locked === 0) return;
  const why = (await ctx.keys.status()).problem ?? 'the key is not available';
  throw new VettedError(
    'locked',
    `The report of ${vendorName} was to include confidential comments, but ${locked} of them cannot be opened: ${why}. ` +
      'Nothing was written: make the key available, or export without confidential comments (the report then says which were left out).',
  );
}

/**
 * The open review, with its answers as they are stored. It is reported as of a date only when
 * nothing in it changed after that date (a draft keeps no older versions of its answers).
 */
async function draftReported(ctx: Context, vendor: Vendor, standing: Standing, asOf: string, include: boolean): Promise<Reported> {
  const review = await reviewInProgress(ctx, vendor.id, standing);
  if (!review) throw new VettedError('conflict', `${vendor.name} has no review in progress to report as a draft.`);
  const stored = await ctx.reviews.answers(review.id);
  const lastChange = [review.startedAt, ...stored.map((a) => a.updatedAt)].sort().at(-1)!;
  if (!onOrBefore(lastChange, asOf)) {
    const message = `the draft was last changed on ${dayOf(lastChange)}, after ${asOf}: a draft can only be reported as of a day on or after its last change`;
    throw new VettedError('validation', `date: ${message}`, [{ path: 'date', message }]);
  }
  const entry = await buildEntry(ctx, vendor, review, stored, { includeConfidential: include });
  return { review, template: await templateOf(ctx, review), answers: entry.answers, score: entry.score!, frozenAt: null };
}

/** The reported review's steps (as of the date) and the provider's findings, acceptances and evidence. */
async function lifecycleOf(ctx: Context, vendorId: string, steps: ReviewStep[]): Promise<ReportLifecycle> {
  return {
    steps,
    findings: await listFindings(ctx, { vendorId }),
    acceptances: await listAcceptances(ctx, { vendorId }),
    evidence: await listEvidence(ctx, { vendorId }),
  };
}

/**
 * The maintenance records as the report may state them on its date: every provider's windows (for
 * overlaps) and the blackout periods, cut to the date by the pure rule, and the claims of the
 * answers this report shows (visible, not N/A) held against them.
 */
async function maintenanceOf(ctx: Context, vendorId: string, reported: Reported, asOf: string): Promise<ProviderMaintenance> {
  const vendors = new Map((await ctx.vendors.list()).map((v) => [v.id, v]));
  const windows: WindowOf[] = (await ctx.maintenance.windows()).flatMap((window) => {
    const vendor = vendors.get(window.vendorId);
    // The promise is read from the reported answers, not from each provider's latest review.
    return vendor ? [{ window, vendorName: vendor.name, criticalPath: vendor.criticalPath, promisedNoticeHours: null }] : [];
  });
  const visible = visibleQuestionIds(reported.template, toAnswerMap(reported.answers));
  return providerMaintenance({
    vendorId,
    asOf,
    windows,
    blackouts: await ctx.maintenance.blackouts(),
    answers: claimAnswers(reported.answers, visible),
    profileUpdatedAt: new Map([...vendors.values()].map((v) => [v.id, v.updatedAt])),
  });
}

/**
 * The provider's incident record as the report may state it on its date (cut by the pure rule in
 * incident-facts.ts), and the incident-transparency claims of the answers this report shows
 * (visible, not N/A) held against it.
 */
async function incidentsOf(ctx: Context, vendorId: string, reported: Reported, asOf: string): Promise<ProviderIncidents> {
  return providerIncidents({
    asOf,
    incidents: await ctx.incidents.incidents(vendorId),
    settings: await ctx.incidents.settings(vendorId),
    // The same reading as the incident screen's: only answers the review shows, not N/A.
    answers: incidentClaimAnswers(reported.template, reported.answers),
  });
}

export async function subprocessorReport(
  ctx: Context,
  input: { date?: string; includeProposed?: boolean; includeTiers?: boolean },
): Promise<SubprocessorExport> {
  const options = {
    asOf: documentDate(ctx, input.date),
    includeProposed: input.includeProposed ?? false,
    includeTiers: input.includeTiers ?? false,
  };
  const { selection, intro, organisation } = await ctx.read(async (ctx) => {
    const settings = await ctx.settings.get();
    const trails = await ctx.audit.vendorStatusTrails();
    const candidates = await mapInOrder(await ctx.vendors.list(), (vendor) => subprocessorCandidate(ctx, vendor, options.asOf, settings.reassessmentMonths, trails.get(vendor.id) ?? []));
    return { selection: selectSubprocessors(candidates, options), intro: settings.subprocessorIntro, organisation: settings.organisation };
  });
  const doc = buildSubprocessorAppendix({ selection, options, intro, organisation });
  const { pdf, warnings } = await renderPdf(doc, {
    title: 'Subprocessors',
    subject: 'Privacy statement annex',
    generatedAt: options.asOf,
    language: await reportLanguageOf(ctx),
  });
  const file = asFile(`vetted-subprocessors-${options.asOf}.pdf`, pdf, [...selection.warnings, ...introWarnings(intro, selection), ...warnings]);
  return { ...file, listed: selection.rows.length, leftOut: selection.leftOut };
}

/**
 * A provider with its status on the date (from its status trail), its standing on the date and the
 * frozen answers of the review decided by then.
 */
async function subprocessorCandidate(
  ctx: Context,
  vendor: Vendor,
  asOf: string,
  months: ReassessmentMonths,
  statusTrail: readonly StatusTrailEntry[],
): Promise<SubprocessorCandidate> {
  const standing = await standingOf(ctx, vendor.id, asOf, months);
  const content = standing.decided ? await decidedContent(ctx, standing.decided) : null;
  return {
    vendor,
    status: providerStatusAsOf(vendor.status, statusTrail, asOf, documentToday(ctx)),
    standing,
    // Confidential comments never reach the list: only answer values are read.
    decided: content,
  };
}
