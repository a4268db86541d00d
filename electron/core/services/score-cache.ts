// The register's score column at any size (issue 20): each provider's newest review scored once and
// kept in memory under the stamps of what the score is computed from (migration 010: the review and
// its answers, the provider's profile, the template; the scoring model is this build's). A listing
// reads the stamps — no answer — and computes again only the reviews whose stamps moved. The
// triggers stamp every write, whoever makes it, so a cached score is never older than the register.
import type { Template } from '../../../shared/domain/template';
import type { Vendor } from '../../../shared/domain/vendor';
import type { ReviewStatus } from '../../../shared/domain/review';
import { isOpenStatus } from '../../../shared/domain/workflow';
import { DEFAULT_SCORING_OPTIONS, scoreReview, SCORING_MODEL } from '../../../shared/scoring';
import type { ScoreResult } from '../../../shared/scoring/types';
import type { Context } from '../context';
import type { ScoreInputRow } from '../repositories/score-inputs';

/** What the register shows of a score. */
export interface ListedScore {
  overall: number | null;
  tier: ScoreResult['tier'];
  state: ScoreResult['state'];
  completion: number;
  knockouts: number;
}

export function listedScore(score: ScoreResult): ListedScore {
  return { overall: score.overall, tier: score.tier, state: score.state, completion: score.completion, knockouts: score.knockouts.length };
}

export interface ListedReview {
  reviewId: string;
  status: ReviewStatus;
  /** Null when the review's template is not in the register (nothing to score against). */
  score: ListedScore | null;
}

interface Entry {
  key: string;
  score: ListedScore | null;
}

/** Scores by review id, valid while their key (stamps and scoring model) is. One per open register. */
export class ScoreCache {
  private readonly entries = new Map<string, Entry>();
  private hits = 0;
  private misses = 0;

  get(reviewId: string, key: string): Entry | undefined {
    const entry = this.entries.get(reviewId);
    if (entry?.key === key) {
      this.hits += 1;
      return entry;
    }
    this.misses += 1;
    return undefined;
  }

  /** How often a listing found a score it could use, since the register was opened (for tests and the bench). */
  stats(): { hits: number; misses: number; size: number } {
    return { hits: this.hits, misses: this.misses, size: this.entries.size };
  }

  set(reviewId: string, entry: Entry): void {
    this.entries.set(reviewId, entry);
  }

  /** Drops reviews no longer anyone's newest, so the cache never outgrows the register. */
  keepOnly(reviewIds: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!reviewIds.has(id)) this.entries.delete(id);
  }
}

const LISTING = { ...DEFAULT_SCORING_OPTIONS, explain: false };

/**
 * The score of a review as services/review-entries.ts's buildEntry gives it (a decided review's
 * frozen score, else computed from its answers), reduced to what the register shows.
 */
function computeListed(ctx: Context, input: ScoreInputRow, vendor: Vendor, templates: Map<string, Template | null>): ListedScore | null {
  if (!isOpenStatus(input.status as ReviewStatus)) {
    const frozen = ctx.steps.frozenScore(input.reviewId);
    if (frozen) return listedScore(frozen);
  }
  const templateKey = `${input.templateId}@${input.templateVersion}`;
  let template = templates.get(templateKey);
  if (template === undefined) {
    template = ctx.templates.get(input.templateId, input.templateVersion)?.template ?? null;
    templates.set(templateKey, template);
  }
  if (!template) return null;
  // No explanation: the register shows none, and writing the reasons is most of a score's cost.
  return listedScore(scoreReview(template, ctx.scoreInputs.answerMap(input.reviewId), vendor, LISTING));
}

/**
 * Each provider's newest review with its score as the register shows it, keyed by provider id
 * (providers without a review are absent). Call inside a read transaction, so stamps and answers
 * are read from one state of the file.
 */
export function listedReviews(ctx: Context, vendors: readonly Vendor[]): Map<string, ListedReview> {
  const inputs = ctx.scoreInputs.latestByVendor();
  const templates = new Map<string, Template | null>();
  const listed = new Map<string, ListedReview>();
  const current = new Set<string>();
  for (const vendor of vendors) {
    const input = inputs.get(vendor.id);
    if (!input) continue;
    current.add(input.reviewId);
    const key = `${input.stamps}:${input.status}:${SCORING_MODEL}`;
    let entry = ctx.scoreCache.get(input.reviewId, key);
    if (!entry) {
      entry = { key, score: computeListed(ctx, input, vendor, templates) };
      ctx.scoreCache.set(input.reviewId, entry);
    }
    listed.set(vendor.id, { reviewId: input.reviewId, status: input.status as ReviewStatus, score: entry.score });
  }
  ctx.scoreCache.keepOnly(current);
  return listed;
}
