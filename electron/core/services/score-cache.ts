// The register's score column at any size (issue 20): each provider's newest review scored once and
// kept under the stamps of what the score is computed from (migration 010: the review and its
// answers, the provider's profile, the template) and the build that computed it (SCORE_BUILD). A
// listing reads the stamps — no answer — and computes again only the reviews whose stamps moved. The
// triggers stamp every write, whoever makes it, so a cached score is never older than the register.
//
// Kept twice: in memory, for this process's next listing, and in the file (migration 012,
// services/score-cache-store.ts), so a process that opens the register — the app's next start, each
// CLI command — finds the scores an earlier one computed. Both are read under the same exact key.
import type { Template } from '../../../shared/domain/template';
import type { Vendor } from '../../../shared/domain/vendor';
import type { ReviewStatus } from '../../../shared/domain/review';
import { isOpenStatus } from '../../../shared/domain/workflow';
import { DEFAULT_SCORING_OPTIONS, scoreReview, SCORING_MODEL } from '../../../shared/scoring';
import type { ScoreResult } from '../../../shared/scoring/types';
import type { Context } from '../context';
import type { ListedScore, ScoreInputRow } from '../repositories/score-inputs';
import { APP_VERSION } from '../version';

export type { ListedScore } from '../repositories/score-inputs';

/**
 * What computed a score besides its inputs: the Vetted version and the scoring model (and the shape
 * of a stored row). A score stored in the file by another version of Vetted is never read: it is
 * computed again. (A build that changes how scores come out without a new version must change
 * SCORING_MODEL, as frozen scores already require.)
 */
export const SCORE_BUILD = `vetted ${APP_VERSION}; scoring model ${SCORING_MODEL}; listed score 1`;

/** The full key of a review's listed score: equal keys, equal score. */
export function listedScoreKey(input: Pick<ScoreInputRow, 'stamps' | 'status'>): string {
  return `${input.stamps}:${input.status}:${SCORE_BUILD}`;
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

export interface Entry {
  key: string;
  score: ListedScore | null;
}

/** How the scores of listings were found since the register was opened (for tests and the bench). */
export interface ScoreCacheStats {
  /** Scores served without computing: from memory or from the file. */
  hits: number;
  /** Of those, read from the file (stored by an earlier listing, maybe of another process). */
  fromFile: number;
  /** Scores computed. */
  misses: number;
  /** Scores in memory. */
  size: number;
  /** Computed scores not yet in the file (the last write found the register busy or read-only). */
  unstored: number;
}

/** Scores by review id, valid while their key (stamps and build) is. One per open register. */
export class ScoreCache {
  private readonly entries = new Map<string, Entry>();
  /** Computed here, not yet written to the file: the next listing's write takes them. */
  private readonly unstored = new Map<string, Entry>();
  private hits = 0;
  private fromFile = 0;
  private misses = 0;

  /** True when memory holds the review's score under `key` (counts nothing). */
  has(reviewId: string, key: string): boolean {
    return this.entries.get(reviewId)?.key === key;
  }

  /** The review's score under `key`: from memory, else from what the file stored, else undefined. */
  get(reviewId: string, key: string, stored: Entry | null): Entry | undefined {
    const entry = this.entries.get(reviewId);
    if (entry?.key === key) {
      this.hits += 1;
      return entry;
    }
    if (stored?.key === key) {
      this.hits += 1;
      this.fromFile += 1;
      this.entries.set(reviewId, stored);
      // The file has it (a row computed here and not yet written is replaced by what the file holds).
      this.unstored.delete(reviewId);
      return stored;
    }
    this.misses += 1;
    return undefined;
  }

  stats(): ScoreCacheStats {
    return { hits: this.hits, fromFile: this.fromFile, misses: this.misses, size: this.entries.size, unstored: this.unstored.size };
  }

  /** A score just computed: kept in memory and waiting to be written to the file. */
  set(reviewId: string, entry: Entry): void {
    this.entries.set(reviewId, entry);
    this.unstored.set(reviewId, entry);
  }

  /** The computed scores the file does not have yet, by review id. */
  toStore(): ReadonlyMap<string, Entry> {
    return this.unstored;
  }

  /** These were written to the file (unless computed again since). */
  stored(written: ReadonlyMap<string, Entry>): void {
    for (const [id, entry] of written) if (this.unstored.get(id) === entry) this.unstored.delete(id);
  }

  /** Drops reviews no longer anyone's newest, so the cache never outgrows the register. */
  keepOnly(reviewIds: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!reviewIds.has(id)) this.entries.delete(id);
    for (const id of this.unstored.keys()) if (!reviewIds.has(id)) this.unstored.delete(id);
  }
}

const LISTING = { ...DEFAULT_SCORING_OPTIONS, explain: false };

/** Scores computed in one listing whose profiles are read by id; beyond this, every profile in one read. */
const PROFILES_ONE_BY_ONE = 50;

/**
 * The score of a review as services/review-entries.ts's buildEntry gives it (a decided review's
 * frozen score, else computed from its answers), reduced to what the register shows.
 */
async function computeListed(ctx: Context, input: ScoreInputRow, profile: () => Promise<Vendor>, templates: Map<string, Template | null>): Promise<ListedScore | null> {
  if (!isOpenStatus(input.status as ReviewStatus)) {
    const frozen = await ctx.steps.frozenScore(input.reviewId);
    if (frozen) return listedScore(frozen);
  }
  const templateKey = `${input.templateId}@${input.templateVersion}`;
  let template = templates.get(templateKey);
  if (template === undefined) {
    template = (await ctx.templates.get(input.templateId, input.templateVersion))?.template ?? null;
    templates.set(templateKey, template);
  }
  if (!template) return null;
  // No explanation: the register shows none, and writing the reasons is most of a score's cost.
  return listedScore(scoreReview(template, await ctx.scoreInputs.answerMap(input.reviewId), await profile(), LISTING));
}

/**
 * Each provider's newest review with its score as the register shows it, keyed by provider id
 * (providers without a review are absent). Call inside a read transaction, so stamps and answers
 * are read from one state of the file; then storeListedScores (score-cache-store.ts), after it.
 */
export async function listedReviews(ctx: Context, vendors: readonly Pick<Vendor, 'id'>[]): Promise<Map<string, ListedReview>> {
  const inputs = await ctx.scoreInputs.latestByVendor();
  // What memory lacks is looked up in the file, in one read, before anything is computed.
  const missing: string[] = [];
  for (const input of inputs.values()) if (!ctx.scoreCache.has(input.reviewId, listedScoreKey(input))) missing.push(input.reviewId);
  const stored = missing.length === 0 ? new Map<string, Entry>() : await ctx.scoreInputs.storedScores(missing);
  const templates = new Map<string, Template | null>();
  // The whole profile (data locations included) is read only when a score must be computed: by id
  // for the first few (an answer saved scores one review again), then all at once.
  let profiles: Map<string, Vendor> | undefined;
  let readOneByOne = 0;
  const profileOf = async (id: string): Promise<Vendor> => {
    if (!profiles && readOneByOne < PROFILES_ONE_BY_ONE) {
      readOneByOne += 1;
      return (await ctx.vendors.get(id))!;
    }
    return (profiles ??= new Map((await ctx.vendors.list()).map((v) => [v.id, v]))).get(id)!;
  };
  const listed = new Map<string, ListedReview>();
  const current = new Set<string>();
  for (const vendor of vendors) {
    const input = inputs.get(vendor.id);
    if (!input) continue;
    current.add(input.reviewId);
    const key = listedScoreKey(input);
    let entry = ctx.scoreCache.get(input.reviewId, key, stored.get(input.reviewId) ?? null);
    if (!entry) {
      entry = { key, score: await computeListed(ctx, input, () => profileOf(vendor.id), templates) };
      ctx.scoreCache.set(input.reviewId, entry);
    }
    listed.set(vendor.id, { reviewId: input.reviewId, status: input.status as ReviewStatus, score: entry.score });
  }
  ctx.scoreCache.keepOnly(current);
  return listed;
}
