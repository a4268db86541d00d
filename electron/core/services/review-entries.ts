// A provider with its latest review, answers, template and score: what reports and comparisons read.
import { mapInOrder } from '../in-order';
import type { Answer, Review } from '../../../shared/domain/review';
import { toAnswerMap } from '../../../shared/domain/review';
import type { Template } from '../../../shared/domain/template';
import type { Vendor } from '../../../shared/domain/vendor';
import { scoreReview } from '../../../shared/scoring';
import { isOpenStatus } from '../../../shared/domain/workflow';
import type { ScoreResult } from '../../../shared/scoring/types';
import type { Context } from '../context';
import { revealAnswers } from './confidential';

export interface ReviewEntry {
  vendor: Vendor;
  review: Review | null;
  template: Template | null;
  answers: Answer[];
  score: ScoreResult | null;
}

export interface EntryOptions {
  /** Confidential comments opened (when the key is there) rather than left out. */
  includeConfidential?: boolean;
  /** Frozen scores read beforehand for many reviews at once (by review id); else read for this one. */
  frozenScores?: ReadonlyMap<string, ScoreResult>;
}

export async function buildEntry(ctx: Context, vendor: Vendor, review: Review | null, stored: Answer[], options: EntryOptions = {}): Promise<ReviewEntry> {
  // Reports, comparisons and CSVs leave confidential comments out unless asked.
  const answers = await revealAnswers(ctx, vendor.id, stored, { include: options.includeConfidential ?? false });
  const template = review ? ((await ctx.templates.get(review.templateId, review.templateVersion))?.template ?? null) : null;
  // A decided review keeps the score its decision froze, under the model of its day (docs/scoring.md).
  const decided = review !== null && !isOpenStatus(review.status);
  const frozen = !decided ? null : options.frozenScores ? (options.frozenScores.get(review.id) ?? null) : await ctx.steps.frozenScore(review.id);
  const score = frozen ?? (template ? scoreReview(template, toAnswerMap(answers), vendor) : null);
  return { vendor, review, template, answers, score };
}

/** One provider's entry, read with per-provider queries. */
export async function entryFor(ctx: Context, vendor: Vendor, options: EntryOptions = {}): Promise<ReviewEntry> {
  const review = await ctx.reviews.latest(vendor.id) ?? null;
  return buildEntry(ctx, vendor, review, review ? await ctx.reviews.answers(review.id) : [], options);
}

/** Every provider's entry, read with one query per table (for register-wide reports). */
export async function allEntries(ctx: Context): Promise<ReviewEntry[]> {
  const latest = await ctx.reviews.latestByVendor();
  const answersByReview = await ctx.reviews.answersOfLatestReviews();
  const frozenScores = await ctx.steps.frozenScoresOfLatest();
  return mapInOrder(await ctx.vendors.list(), (vendor) => {
    const review = latest.get(vendor.id) ?? null;
    return buildEntry(ctx, vendor, review, review ? (answersByReview.get(review.id) ?? []) : [], { frozenScores });
  });
}
