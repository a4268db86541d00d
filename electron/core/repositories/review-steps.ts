// The sign-off side of reviews: workflow steps, the snapshot a decision freezes, and the
// next-review date set by hand. Kept apart from ReviewRepository, which holds answers.
import { jsonField } from '../db/store/dialect';
import { storedScore } from '../../../shared/scoring/stored';
import { query } from '../db/store/query';
import type { Sql } from '../db/store/sql';
import type { ReviewStatus } from '../../../shared/domain/review';
import type { Tier } from '../../../shared/domain/tier';
import type { ReviewSnapshot, ReviewStep } from '../../../shared/domain/workflow';
import type { DecisionBasis } from '../../../shared/domain/reassessment';
import type { ScoreResult } from '../../../shared/scoring/types';

interface StepRow {
  review_id: string;
  from_status: string;
  to_status: string;
  by: string;
  at: string;
  note: string;
}

const stepFromRow = (r: StepRow): ReviewStep => ({
  reviewId: r.review_id,
  from: r.from_status as ReviewStatus,
  to: r.to_status as ReviewStatus,
  by: r.by,
  at: r.at,
  note: r.note,
});

export class ReviewStepRepository {
  private readonly stepsOf;
  private readonly stepsOfVendor;
  private readonly insertStep;
  private readonly setStatusStmt;
  private readonly snapshotOf;
  private readonly scoreOf;
  private readonly latestScores;
  private readonly tierOf;
  private readonly dueOf;
  private readonly setDueStmt;
  private readonly latestDecisions;
  private readonly everyStep;
  private readonly decisions;
  private readonly restoreStmt;

  constructor(sql: Sql) {
    this.stepsOf = query<[string], StepRow>(sql, 'SELECT * FROM review_steps WHERE review_id = ? ORDER BY id');
    this.stepsOfVendor = query<[string], StepRow>(sql,
      `SELECT s.* FROM review_steps s JOIN reviews r ON r.id = s.review_id WHERE r.vendor_id = ? ORDER BY s.id`,
    );
    this.insertStep = query<[StepRow]>(sql,
      `INSERT INTO review_steps (review_id, from_status, to_status, by, at, note)
       VALUES (@review_id, @from_status, @to_status, @by, @at, @note)`,
    );
    this.setStatusStmt = query<[{ id: string; status: string; updated_at: string; completed_at: string | null; snapshot: string | null }]>(sql,
      `UPDATE reviews SET status = @status, updated_at = @updated_at, completed_at = @completed_at, snapshot = @snapshot WHERE id = @id`,
    );
    this.snapshotOf = query<[string], { snapshot: string | null }>(sql, 'SELECT snapshot FROM reviews WHERE id = ?');
    // The tier alone, without parsing a whole snapshot (its answers) for every review of every provider.
    this.latestScores = query<[], { id: string; score: string }>(sql,
      `SELECT r.id, ${jsonField(sql.dialect, 'r.snapshot', 'score')} AS score FROM reviews r
       WHERE r.snapshot IS NOT NULL
         AND r.rowid = (SELECT r2.rowid FROM reviews r2 WHERE r2.vendor_id = r.vendor_id
                        ORDER BY r2.started_at DESC, r2.rowid DESC LIMIT 1)`,
    );
    this.scoreOf = query<[string], { score: string | null }>(sql, `SELECT ${jsonField(sql.dialect, 'snapshot', 'score')} AS score FROM reviews WHERE id = ?`);
    this.tierOf = query<[string], { tier: string | null }>(sql, `SELECT ${jsonField(sql.dialect, 'snapshot', 'score', 'tier')} AS tier FROM reviews WHERE id = ?`);
    this.dueOf = query<[string], { due_override: string | null }>(sql, 'SELECT due_override FROM reviews WHERE id = ?');
    this.setDueStmt = query<[string | null, string]>(sql, 'UPDATE reviews SET due_override = ? WHERE id = ?');
    // Each provider's newest decision: its next-review date is counted from it when it is an
    // approval (a later rejection ends the schedule, as in shared/domain/standing.ts). Decisions are
    // final, so the newest by completion is the standing's decision as of today.
    // The frozen tier alone: parsing every decision's whole snapshot (its answers) cost the register
    // tens of milliseconds per thousand providers.
    this.latestDecisions = query<[], { id: string; vendor_id: string; status: string; completed_at: string; due_override: string | null; tier: string | null }>(sql,
      `SELECT r.id, r.vendor_id, r.status, r.completed_at, r.due_override, ${jsonField(sql.dialect, 'r.snapshot', 'score', 'tier')} AS tier FROM reviews r
       WHERE r.rowid = (SELECT r2.rowid FROM reviews r2
                        WHERE r2.vendor_id = r.vendor_id AND r2.status IN ('approved', 'approved_with_conditions', 'rejected')
                          AND r2.completed_at IS NOT NULL
                        ORDER BY r2.completed_at DESC, r2.started_at DESC, r2.rowid DESC LIMIT 1)`,
    );
    // Whole-register reads and writes for the exchange format (export and import).
    this.everyStep = query<[], StepRow>(sql, 'SELECT * FROM review_steps ORDER BY id');
    this.decisions = query<[], { id: string; snapshot: string | null; due_override: string | null }>(sql,
      'SELECT id, snapshot, due_override FROM reviews WHERE snapshot IS NOT NULL OR due_override IS NOT NULL',
    );
    this.restoreStmt = query<[string | null, string | null, string]>(sql, 'UPDATE reviews SET snapshot = ?, due_override = ? WHERE id = ?');
  }

  /** Every step of every review, in the order they were recorded. */
  async allSteps(): Promise<ReviewStep[]> {
    return (await this.everyStep.all()).map(stepFromRow);
  }

  /** Records a step as it was written elsewhere (an import), without moving its review. */
  async insert(step: ReviewStep): Promise<void> {
    await this.insertStep.run({ review_id: step.reviewId, from_status: step.from, to_status: step.to, by: step.by, at: step.at, note: step.note });
  }

  /**
   * The stored snapshot text (not read through the scoring model: an export carries it as frozen)
   * and the next-review date set by hand, of every review that has either.
   */
  async decisionRecords(): Promise<Map<string, { snapshot: string | null; dueOverride: string | null }>> {
    return new Map((await this.decisions.all()).map((r) => [r.id, { snapshot: r.snapshot, dueOverride: r.due_override }]));
  }

  /** Puts back what a decision froze and the date set by hand, as an import carries them. */
  async restoreDecision(reviewId: string, snapshot: string | null, dueOverride: string | null): Promise<void> {
    await this.restoreStmt.run(snapshot, dueOverride, reviewId);
  }

  async steps(reviewId: string): Promise<ReviewStep[]> {
    return (await this.stepsOf.all(reviewId)).map(stepFromRow);
  }

  /** Every step of a provider's reviews, keyed by review id. */
  async stepsByReview(vendorId: string): Promise<Map<string, ReviewStep[]>> {
    const map = new Map<string, ReviewStep[]>();
    for (const row of await this.stepsOfVendor.all(vendorId)) {
      const list = map.get(row.review_id) ?? [];
      list.push(stepFromRow(row));
      map.set(row.review_id, list);
    }
    return map;
  }

  /** Records a step and moves the review, with its snapshot when the step is a decision. */
  async move(step: ReviewStep, snapshot: ReviewSnapshot | null): Promise<void> {
    await this.insertStep.run({ review_id: step.reviewId, from_status: step.from, to_status: step.to, by: step.by, at: step.at, note: step.note });
    await this.setStatusStmt.run({
            id: step.reviewId,
            status: step.to,
            updated_at: step.at,
            completed_at: snapshot ? step.at : null,
            snapshot: snapshot ? JSON.stringify(snapshot) : null,
          });
  }

  async snapshot(reviewId: string): Promise<ReviewSnapshot | null> {
    const raw = (await this.snapshotOf.get(reviewId))?.snapshot;
    return raw ? readSnapshot(raw) : null;
  }

  /** The score a decision froze (without parsing the snapshot's answers), or null when none was frozen. */
  async frozenScore(reviewId: string): Promise<ScoreResult | null> {
    const raw = (await this.scoreOf.get(reviewId))?.score;
    return raw ? storedScore(JSON.parse(raw) as ScoreResult) : null;
  }

  /** The frozen score of every provider's newest review that has one, keyed by review id (one query, for the register). */
  async frozenScoresOfLatest(): Promise<Map<string, ScoreResult>> {
    return new Map((await this.latestScores.all()).map((r) => [r.id, storedScore(JSON.parse(r.score) as ScoreResult)]));
  }

  /** The tier a decision froze, or null (not decided, or not rated). */
  async decidedTier(reviewId: string): Promise<Tier | null> {
    return ((await this.tierOf.get(reviewId))?.tier as Tier | null | undefined) ?? null;
  }

  async dueOverride(reviewId: string): Promise<string | null> {
    return (await this.dueOf.get(reviewId))?.due_override ?? null;
  }

  async setDueOverride(reviewId: string, due: string | null): Promise<void> {
    await this.setDueStmt.run(due, reviewId);
  }

  /** The newest decision of every provider that has one, keyed by provider id. */
  async latestDecisionByVendor(): Promise<Map<string, DecisionBasis>> {
    return new Map(
      (await this.latestDecisions.all()).map((r) => [
        r.vendor_id,
        { reviewId: r.id, status: r.status as ReviewStatus, decidedAt: r.completed_at, dueOverride: r.due_override, tier: (r.tier as Tier | null) ?? null },
      ]),
    );
  }
}

/** A snapshot as stored, its score read with the model it was frozen under (older ones: model 1). */
function readSnapshot(raw: string): ReviewSnapshot {
  const snapshot = JSON.parse(raw) as ReviewSnapshot;
  return { ...snapshot, score: storedScore(snapshot.score) };
}
