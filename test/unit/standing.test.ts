// The as-of rule (shared/domain/standing.ts): which review speaks for a provider on a date, and
// what the documents say about the reviews around it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_REASSESSMENT_MONTHS } from '../../shared/domain/reassessment';
import type { Review, ReviewStatus } from '../../shared/domain/review';
import { standingAsOf, statusAsOf, type StandingReview } from '../../shared/domain/standing';
import type { Tier } from '../../shared/domain/tier';
import type { ReviewStep } from '../../shared/domain/workflow';

const months = DEFAULT_REASSESSMENT_MONTHS;

/** A review opened on `started` that went through `path`: [status, day] steps in order. */
function reviewWith(id: string, started: string, path: Array<[ReviewStatus, string]>, tier: Tier | null = 'low'): StandingReview {
  let from: ReviewStatus = 'draft';
  const steps: ReviewStep[] = path.map(([to, day]) => {
    const step = { reviewId: id, from, to, by: `Person ${id}`, at: `${day}T10:00:00.000Z`, note: '' };
    from = to;
    return step;
  });
  const review: Review = {
    id,
    vendorId: 'v',
    templateId: 't',
    templateVersion: 1,
    status: from,
    reviewer: '',
    startedAt: `${started}T09:00:00.000Z`,
    updatedAt: `${started}T09:00:00.000Z`,
    completedAt: null,
  };
  return { review, steps, decidedTier: tier, dueOverride: null };
}

test('approved, then a reassessment opened: the approval speaks, with the reassessment in progress', () => {
  const reviews = [
    reviewWith('r1', '2025-01-10', [['in_review', '2025-02-01'], ['approved', '2025-03-01']], 'low'),
    reviewWith('r2', '2026-02-15', []),
  ];
  const s = standingAsOf(reviews, '2026-06-01', months);
  assert.equal(s.decided?.review.id, 'r1');
  assert.equal(s.decided?.decidedOn, '2025-03-01');
  assert.equal(s.open?.review.id, 'r2');
  assert.equal(s.nextReviewDue, '2027-03-01', 'low tier: 24 months');
  assert.deepEqual(s.lines, [
    'Approved on 2025-03-01 by Person r1.',
    'Reassessment in progress since 2026-02-15 (draft, not decided as of 2026-06-01).',
    'Next review due 2027-03-01.',
  ]);
});

test('a reassessment overdue: the line says since when', () => {
  const reviews = [reviewWith('r1', '2025-01-10', [['in_review', '2025-02-01'], ['approved', '2025-03-01']], 'critical')];
  const s = standingAsOf(reviews, '2026-12-04', months);
  assert.equal(s.nextReviewDue, '2025-09-01', 'critical tier: 6 months');
  assert.equal(s.overdue, true);
  assert.ok(s.lines.includes('Reassessment overdue since 2025-09-01.'));
});

test('rejected, then approved: the later decision speaks; before it, the rejection did', () => {
  const reviews = [
    reviewWith('r1', '2025-01-10', [['in_review', '2025-01-20'], ['rejected', '2025-02-01']]),
    reviewWith('r2', '2025-02-05', [['in_review', '2025-03-01'], ['approved', '2025-04-01']]),
  ];
  assert.equal(standingAsOf(reviews, '2025-05-01', months).decided?.review.id, 'r2');
  const before = standingAsOf(reviews, '2025-03-15', months);
  assert.equal(before.decided?.review.id, 'r1');
  assert.equal(before.decided?.decision.to, 'rejected');
  assert.equal(before.nextReviewDue, null, 'a rejection sets no next review');
  assert.equal(before.open?.review.id, 'r2');
  assert.equal(before.open?.status, 'in_review', 'its status on the day, not the approval that came later');
});

test('several decisions: each day sees the one in force then', () => {
  const reviews = [
    reviewWith('r1', '2024-01-01', [['in_review', '2024-01-05'], ['approved', '2024-01-10']]),
    reviewWith('r2', '2025-01-01', [['in_review', '2025-01-05'], ['approved_with_conditions', '2025-01-10']]),
    reviewWith('r3', '2026-01-01', [['in_review', '2026-01-05'], ['approved', '2026-01-10']]),
  ];
  assert.equal(standingAsOf(reviews, '2024-06-01', months).decided?.review.id, 'r1');
  assert.equal(standingAsOf(reviews, '2025-01-10', months).decided?.review.id, 'r2', 'the decision day itself counts');
  assert.equal(standingAsOf(reviews, '2025-01-09', months).decided?.review.id, 'r1');
  assert.equal(standingAsOf(reviews, '2025-01-09', months).open?.review.id, 'r2');
  assert.equal(standingAsOf(reviews, '2027-01-01', months).decided?.review.id, 'r3');
});

test('a day before the first decision: nothing decided, and a review opened later is not seen', () => {
  const reviews = [reviewWith('r1', '2025-01-10', [['in_review', '2025-02-01'], ['approved', '2025-03-01']])];
  const during = standingAsOf(reviews, '2025-02-10', months);
  assert.equal(during.decided, null);
  assert.equal(during.open?.status, 'in_review');
  assert.deepEqual(during.lines, [
    'No review of this provider was decided on or before 2025-02-10.',
    'Review in progress since 2025-01-10 (in review, not decided as of 2025-02-10).',
  ]);
  const before = standingAsOf(reviews, '2025-01-01', months);
  assert.equal(before.open, null, 'opened after the day');
  assert.equal(statusAsOf(reviews[0]!, '2025-01-01'), null);
});

test('a next-review date set by hand wins over the tier rule', () => {
  const r = reviewWith('r1', '2025-01-10', [['in_review', '2025-02-01'], ['approved', '2025-03-01']], 'low');
  const s = standingAsOf([{ ...r, dueOverride: '2025-06-30' }], '2025-07-01', months);
  assert.equal(s.nextReviewDue, '2025-06-30');
  assert.equal(s.overdue, true);
});
