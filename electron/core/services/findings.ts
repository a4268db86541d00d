// Findings: created by hand or from an answer that cost points, edited until fixed or accepted.
import { mapInOrder } from '../in-order';
import type { FindingView } from '../../../shared/api';
import type { Acceptance } from '../../../shared/domain/acceptances';
import { answerFindingDescription, answerFindingSeverity, answerFindingTitle, lossOf } from '../../../shared/domain/answer-finding';
import {
  effectiveFindingStatus,
  isFindingOverdue,
  type Finding,
  type FindingFromAnswer,
  type FindingInput,
  type FindingPatch,
} from '../../../shared/domain/findings';
import { toAnswerMap } from '../../../shared/domain/review';
import { questionIndex } from '../../../shared/domain/template';
import { VettedError } from '../../../shared/result';
import { scoreReview } from '../../../shared/scoring';
import type { Context } from '../context';
import { acceptanceView } from './acceptances';
import { today } from './today';
import { getVendor } from './vendor-lookup';
import { lockToEdit } from '../db/store/row-lock';

/** The newest acceptance of each finding: the one that decides whether it is still accepted. */
export function currentAcceptances(acceptances: readonly Acceptance[]): Map<string, Acceptance> {
  const byFinding = new Map<string, Acceptance>();
  // Newest first, so the first seen wins.
  for (const a of acceptances) if (a.findingId && !byFinding.has(a.findingId)) byFinding.set(a.findingId, a);
  return byFinding;
}

/** Builds the views of many findings with the names, acceptances and question texts they need. */
export async function findingViews(ctx: Context, findings: readonly Finding[], vendorId?: string): Promise<FindingView[]> {
  if (findings.length === 0) return [];
  const day = today(ctx);
  const names = new Map((await ctx.vendors.list()).map((v) => [v.id, v.name]));
  const acceptances = currentAcceptances(await ctx.findings.acceptances(vendorId));
  const findingTitles = new Map(findings.map((f) => [f.id, f.title]));
  return mapInOrder(findings, async (f) => {
    const acceptance = acceptances.get(f.id) ?? null;
    const effectiveStatus = effectiveFindingStatus(f, acceptance, day);
    return {
      ...f,
      vendorName: names.get(f.vendorId) ?? '',
      effectiveStatus,
      overdue: isFindingOverdue(f.dueDate, effectiveStatus, day),
      acceptance: acceptance ? await acceptanceView(ctx, acceptance, names, findingTitles, day) : null,
      questionText: await questionTextOf(ctx, f),
    };
  });
}

async function questionTextOf(ctx: Context, f: Finding): Promise<string | null> {
  if (!f.reviewId || !f.questionId) return null;
  const review = await ctx.reviews.get(f.reviewId);
  const template = review && (await ctx.templates.get(review.templateId, review.templateVersion))?.template;
  return (template && questionIndex(template).get(f.questionId)?.question.text) ?? null;
}

async function getFinding(ctx: Context, id: string): Promise<Finding> {
  const finding = await ctx.findings.get(id);
  if (!finding) throw new VettedError('not_found', `No finding with id ${id}.`);
  return finding;
}

export async function findingView(ctx: Context, id: string): Promise<FindingView> {
  return (await findingViews(ctx, [await getFinding(ctx, id)]))[0]!;
}

export async function listFindings(ctx: Context, input: { vendorId?: string; open?: boolean; overdue?: boolean }): Promise<FindingView[]> {
  return await ctx.read(async (ctx) => {
    if (input.vendorId !== undefined) await getVendor(ctx, input.vendorId);
    return (await findingViews(ctx, await ctx.findings.list(input.vendorId), input.vendorId)).filter(
      (f) =>
        (!input.open || f.effectiveStatus === 'open' || f.effectiveStatus === 'in_progress') && (!input.overdue || f.overdue),
    );
  });
}

/**
 * Open findings (open or in progress, an expired acceptance counting as open) and how many of them
 * are overdue, per provider: the register's columns, by the same rules as listFindings, without
 * building the views (names, acceptance views, question texts) the register does not show.
 */
export async function openFindingCounts(ctx: Context): Promise<Map<string, { open: number; overdue: number }>> {
  const counts = new Map<string, { open: number; overdue: number }>();
  const findings = await ctx.findings.list();
  if (findings.length === 0) return counts;
  const day = today(ctx);
  const acceptances = currentAcceptances(await ctx.findings.acceptances());
  for (const f of findings) {
    const status = effectiveFindingStatus(f, acceptances.get(f.id) ?? null, day);
    if (status !== 'open' && status !== 'in_progress') continue;
    const entry = counts.get(f.vendorId) ?? { open: 0, overdue: 0 };
    entry.open += 1;
    if (isFindingOverdue(f.dueDate, status, day)) entry.overdue += 1;
    counts.set(f.vendorId, entry);
  }
  return counts;
}

/** The review (of this provider) and question a finding or an evidence file points at, checked. */
export async function checkReviewQuestion(ctx: Context, vendorId: string, reviewId: string | undefined, questionId: string | undefined): Promise<void> {
  if (reviewId === undefined) return;
  const review = await ctx.reviews.get(reviewId);
  if (!review || review.vendorId !== vendorId) {
    throw new VettedError('not_found', `No review ${reviewId} of this provider.`, [{ path: 'reviewId', message: 'not a review of this provider' }]);
  }
  if (questionId === undefined) return;
  const template = (await ctx.templates.get(review.templateId, review.templateVersion))?.template;
  if (!template || !questionIndex(template).has(questionId)) {
    throw new VettedError('not_found', `Question ${questionId} is not in the review's template.`, [{ path: 'questionId', message: 'unknown question' }]);
  }
}

export async function createFinding(ctx: Context, input: FindingInput): Promise<FindingView> {
  return await ctx.write(async (ctx) => {
    await getVendor(ctx, input.vendorId);
    await checkReviewQuestion(ctx, input.vendorId, input.reviewId, input.questionId);
    const stamp = ctx.now().toISOString();
    const finding: Finding = {
      id: ctx.newId(),
      vendorId: input.vendorId,
      reviewId: input.reviewId ?? null,
      questionId: input.questionId ?? null,
      title: input.title.trim(),
      severity: input.severity,
      description: input.description?.trim() ?? '',
      owner: input.owner?.trim() ?? '',
      remediation: input.remediation?.trim() ?? '',
      dueDate: input.dueDate ?? null,
      status: input.status ?? 'open',
      createdBy: (await ctx.settings.get()).userName,
      createdAt: stamp,
      updatedAt: stamp,
    };
    await ctx.findings.insert(finding);
    return findingView(ctx, finding.id);
  });
}

/**
 * A finding from an answer that lost points or hit a knock-out, prefilled from the score's
 * explanation where the caller gave nothing (title: the reason's first sentence). Asked twice it
 * gives the same finding: an unresolved finding of this provider for the same question is returned
 * instead of a copy.
 */
export async function findingFromAnswer(ctx: Context, input: FindingFromAnswer): Promise<FindingView> {
  return await ctx.write(async (ctx) => {
    const review = await ctx.reviews.get(input.reviewId);
    if (!review) throw new VettedError('not_found', `No review with id ${input.reviewId}.`);
    const vendor = await getVendor(ctx, review.vendorId);
    await checkReviewQuestion(ctx, vendor.id, review.id, input.questionId);
    const existing = (await listFindings(ctx, { vendorId: vendor.id })).find(
      (f) => f.questionId === input.questionId && f.effectiveStatus !== 'resolved',
    );
    if (existing) return existing;
    const template = (await ctx.templates.get(review.templateId, review.templateVersion))!.template;
    const score = scoreReview(template, toAnswerMap(await ctx.reviews.answers(review.id)), vendor);
    const loss = lossOf(score.explanation, input.questionId);
    if (!loss) {
      const message = 'this answer lost no points and hit no knock-out; create the finding by hand';
      throw new VettedError('validation', `questionId: ${message}`, [{ path: 'questionId', message }]);
    }
    return createFinding(ctx, {
      vendorId: vendor.id,
      reviewId: review.id,
      questionId: input.questionId,
      title: input.title ?? answerFindingTitle(loss.reason),
      severity: input.severity ?? answerFindingSeverity(loss),
      owner: input.owner,
      dueDate: input.dueDate,
      description: answerFindingDescription(loss),
    });
  });
}

export async function updateFinding(ctx: Context, id: string, patch: FindingPatch): Promise<FindingView> {
  return await ctx.write(async (ctx) => {
    await lockToEdit(ctx.sql, 'findings', id);
    const current = await getFinding(ctx, id);
    const updated: Finding = {
      ...current,
      ...(patch as Partial<Finding>),
      updatedAt: ctx.now().toISOString(),
    };
    await ctx.findings.update(updated);
    return findingView(ctx, id);
  });
}

export async function deleteFinding(ctx: Context, id: string): Promise<{ id: string }> {
  // One statement, but still a write transaction: it waits for the lock like every other write.
  return await ctx.write(async (ctx) => {
    if (!await ctx.findings.delete(id)) throw new VettedError('not_found', `No finding with id ${id}.`);
    return { id };
  });
}
