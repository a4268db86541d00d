// Incident transparency measured from the record (shared/incidents/measures.ts) and the latest
// review's answers held against it (shared/incidents/claims.ts); and the one-click finding from a
// claim the record contradicts.
import type { FindingView, Transparency } from '../../../shared/api';
import { addDays } from '../../../shared/domain/dates';
import type { IncidentClaimQuestion, StatusSettings } from '../../../shared/domain/incidents';
import { claimAnswers } from '../../../shared/incidents/answers';
import { checkIncidentClaims } from '../../../shared/incidents/claims';
import { transparencyMeasures } from '../../../shared/incidents/measures';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { createFinding, listFindings } from './findings';
import { decidedContent, documentDate, documentToday, standingOf } from './standing';
import { getVendor } from './vendor-lookup';

/** The default period: the twelve months up to and including `date`. */
export function yearBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return addDays(d.toISOString().slice(0, 10), 1);
}

/** The answers of a review a claim check reads (shared/incidents/answers.ts). */
export async function claimAnswersOf(ctx: Context, reviewId: string | null): Promise<Map<string, unknown>> {
  const review = reviewId === null ? undefined : await ctx.reviews.get(reviewId);
  if (!review) return new Map();
  return claimAnswers((await ctx.templates.get(review.templateId, review.templateVersion))?.template, await ctx.reviews.answers(review.id));
}

function checkPeriod(since: string, date: string): void {
  if (since > date) {
    const message = `must not be after the end of the period (${date})`;
    throw new VettedError('validation', `since: ${message}`, [{ path: 'since', message }]);
  }
}

/**
 * The review whose answers are held against the record. Today: the provider's latest review, as
 * the questionnaire shows it (a draft included). A past date: the review decided on or before it,
 * with the answers its decision froze — the claims in force then, never a draft opened later.
 */
async function reviewedAnswers(ctx: Context, vendorId: string, date: string): Promise<{ reviewId: string | null; answers: Map<string, unknown> }> {
  if (date === documentToday(ctx)) {
    const latest = await ctx.reviews.latest(vendorId) ?? null;
    return { reviewId: latest?.id ?? null, answers: await claimAnswersOf(ctx, latest?.id ?? null) };
  }
  const decided = (await standingOf(ctx, vendorId, date)).decided;
  const content = decided ? await decidedContent(ctx, decided) : null;
  if (!decided || !content) return { reviewId: null, answers: new Map() };
  return { reviewId: decided.review.id, answers: claimAnswers(content.template, content.answers) };
}

/** The record's component names, for choosing the ones you use: by how often they appear. */
async function componentsOf(ctx: Context, vendorId: string): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const i of await ctx.incidents.incidents(vendorId)) for (const c of i.components) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

export async function transparency(ctx: Context, input: { vendorId: string; since?: string; date?: string }): Promise<Transparency> {
  return await ctx.read(async (ctx) => {
    const vendor = await getVendor(ctx, input.vendorId);
    const date = documentDate(ctx, input.date);
    const since = input.since ?? yearBefore(date);
    checkPeriod(since, date);
    const settings = await ctx.incidents.settings(vendor.id);
    const measures = transparencyMeasures(await ctx.incidents.incidents(vendor.id), { from: since, to: date }, settings.componentsUsed);
    const reviewed = await reviewedAnswers(ctx, vendor.id, date);
    return {
      vendorId: vendor.id,
      measures,
      reviewId: reviewed.reviewId,
      claims: checkIncidentClaims(reviewed.answers, measures),
      components: await componentsOf(ctx, vendor.id),
      settings,
    };
  });
}

export async function statusSettings(ctx: Context, input: { vendorId: string; patch?: { componentsUsed: string[] } }): Promise<StatusSettings> {
  const run = async (ctx: Context) => {
    const vendor = await getVendor(ctx, input.vendorId);
    const current = await ctx.incidents.settings(vendor.id);
    if (!input.patch) return current;
    const next = { ...current, componentsUsed: [...new Set(input.patch.componentsUsed.map((c) => c.trim()))] };
    await ctx.incidents.saveSettings(next);
    return next;
  };
  return input.patch ? await ctx.write(run) : await ctx.read(run);
}

/** The question's own words, for the finding's title. */
async function questionText(ctx: Context, reviewId: string, questionId: string): Promise<string> {
  const review = (await ctx.reviews.get(reviewId))!;
  const template = (await ctx.templates.get(review.templateId, review.templateVersion))?.template;
  for (const section of template?.sections ?? []) for (const q of section.questions) if (q.id === questionId) return q.text;
  return questionId;
}

export async function claimFinding(ctx: Context, input: { vendorId: string; questionId: IncidentClaimQuestion; since?: string; date?: string }): Promise<FindingView> {
  return await ctx.write(async (ctx) => {
    // The period the user was looking at, so the finding says what they saw, on the review that was checked.
    const found = await transparency(ctx, { vendorId: input.vendorId, ...(input.since ? { since: input.since } : {}), ...(input.date ? { date: input.date } : {}) });
    const claim = found.claims.find((c) => c.questionId === input.questionId);
    if (found.reviewId === null || !claim || claim.verdict !== 'contradicted') {
      const message = claim ? 'the record does not contradict this answer' : 'this question is not answered in the review held against the record';
      throw new VettedError('validation', `questionId: ${message}`, [{ path: 'questionId', message }]);
    }
    const existing = (await listFindings(ctx, { vendorId: input.vendorId })).find((f) => f.questionId === input.questionId && f.effectiveStatus !== 'resolved');
    if (existing) return existing;
    const period = `${found.measures.period.from} to ${found.measures.period.to}`;
    return createFinding(ctx, {
      vendorId: input.vendorId,
      reviewId: found.reviewId,
      questionId: input.questionId,
      title: `Claim contradicted by the incident record: ${await questionText(ctx, found.reviewId, input.questionId)}`.slice(0, 200),
      severity: 'medium',
      description: `${claim.words} (Incident record ${period}.)`.slice(0, 5000),
    });
  });
}
