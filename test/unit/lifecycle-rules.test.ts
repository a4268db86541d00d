// The pure lifecycle rules: next-review dates by tier, "due soon", acceptance and evidence expiry,
// the effective status of an accepted finding, and the workflow's allowed steps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acceptanceState } from '../../shared/domain/acceptances';
import { changedFields } from '../../shared/domain/audit';
import { evidenceState } from '../../shared/domain/evidence';
import { effectiveFindingStatus, isFindingOverdue } from '../../shared/domain/findings';
import { addMonths, daysBetween, DEFAULT_REASSESSMENT_MONTHS, reassessmentOf } from '../../shared/domain/reassessment';
import { canTransition, TRANSITIONS } from '../../shared/domain/workflow';
import { REVIEW_STATUSES } from '../../shared/domain/review';

// Noon UTC: the same calendar date in every time zone the tests may run in.
const approvedAt = (date: string) => `${date}T12:00:00.000Z`;

test('addMonths keeps the day, or takes the month end when the day does not exist', () => {
  assert.equal(addMonths('2026-01-15', 6), '2026-07-15');
  assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
  assert.equal(addMonths('2027-08-31', 6), '2028-02-29');
  assert.equal(addMonths('2026-11-30', 24), '2028-11-30');
  assert.equal(addMonths('2026-12-31', 1), '2027-01-31');
});

test('daysBetween counts calendar days across month and year ends', () => {
  assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
  assert.equal(daysBetween('2027-01-01', '2026-12-31'), -1);
  assert.equal(daysBetween('2026-01-01', '2027-01-01'), 365);
});

test('the next review is due by the approved tier: critical 6, high 12, medium 18, low 24 months', () => {
  const due = (tier: 'critical' | 'high' | 'medium' | 'low') =>
    reassessmentOf({ reviewId: 'r', status: 'approved', decidedAt: approvedAt('2026-03-10'), tier, dueOverride: null }, DEFAULT_REASSESSMENT_MONTHS, '2026-03-10').due;
  assert.deepEqual([due('critical'), due('high'), due('medium'), due('low')], ['2026-09-10', '2027-03-10', '2027-09-10', '2028-03-10']);
});

test('months per tier come from settings, and a date set by hand wins over them', () => {
  const months = { ...DEFAULT_REASSESSMENT_MONTHS, high: 3 };
  const basis = { reviewId: 'r', status: 'approved' as const, decidedAt: approvedAt('2026-03-10'), tier: 'high' as const, dueOverride: null };
  assert.equal(reassessmentOf(basis, months, '2026-03-10').due, '2026-06-10');
  const manual = reassessmentOf({ ...basis, dueOverride: '2026-04-01' }, months, '2026-03-10');
  assert.deepEqual([manual.due, manual.source], ['2026-04-01', 'manual']);
});

test('due soon means within 30 days (today and day 30 included); overdue means after the due date', () => {
  const basis = { reviewId: 'r', status: 'approved' as const, decidedAt: approvedAt('2026-01-10'), tier: 'critical' as const, dueOverride: null }; // due 2026-07-10
  const state = (today: string) => reassessmentOf(basis, DEFAULT_REASSESSMENT_MONTHS, today).state;
  assert.equal(state('2026-06-09'), 'scheduled');
  assert.equal(state('2026-06-10'), 'due_soon');
  assert.equal(state('2026-07-10'), 'due_soon');
  assert.equal(state('2026-07-11'), 'overdue');
});

test('a provider without an approval has no due date; an approval without a tier counts as critical', () => {
  assert.deepEqual(reassessmentOf(null, DEFAULT_REASSESSMENT_MONTHS, '2026-01-01').state, 'not_approved');
  const untiered = reassessmentOf({ reviewId: 'r', status: 'approved', decidedAt: approvedAt('2026-01-10'), tier: null, dueOverride: null }, DEFAULT_REASSESSMENT_MONTHS, '2026-01-10');
  assert.equal(untiered.due, '2026-07-10');
});

test('an acceptance is valid through its expiry day, then expired; revoked wins', () => {
  const a = { expiresOn: '2026-06-30', revokedAt: null };
  assert.equal(acceptanceState(a, '2026-05-01'), 'active');
  assert.equal(acceptanceState(a, '2026-06-01'), 'expiring_soon');
  assert.equal(acceptanceState(a, '2026-06-30'), 'expiring_soon');
  assert.equal(acceptanceState(a, '2026-07-01'), 'expired');
  assert.equal(acceptanceState({ ...a, revokedAt: '2026-05-02T10:00:00Z' }, '2026-05-03'), 'revoked');
});

test('an accepted finding is open again once its acceptance expired, was revoked, or is missing', () => {
  const accepted = { status: 'accepted' as const };
  const acceptance = { expiresOn: '2026-06-30', revokedAt: null };
  assert.equal(effectiveFindingStatus(accepted, acceptance, '2026-06-30'), 'accepted');
  assert.equal(effectiveFindingStatus(accepted, acceptance, '2026-07-01'), 'open');
  assert.equal(effectiveFindingStatus(accepted, { ...acceptance, revokedAt: '2026-06-01T00:00:00Z' }, '2026-06-02'), 'open');
  assert.equal(effectiveFindingStatus(accepted, null, '2026-06-02'), 'open');
  assert.equal(effectiveFindingStatus({ status: 'resolved' }, null, '2026-06-02'), 'resolved');
});

test('a finding is overdue only while open or in progress, after (not on) its due date', () => {
  assert.equal(isFindingOverdue('2026-05-01', 'open', '2026-05-01'), false);
  assert.equal(isFindingOverdue('2026-05-01', 'open', '2026-05-02'), true);
  assert.equal(isFindingOverdue('2026-05-01', 'in_progress', '2026-05-02'), true);
  assert.equal(isFindingOverdue('2026-05-01', 'resolved', '2026-05-02'), false);
  assert.equal(isFindingOverdue('2026-05-01', 'accepted', '2026-05-02'), false);
  assert.equal(isFindingOverdue(null, 'open', '2099-01-01'), false);
});

test('evidence is flagged expiring within 30 days and expired after its expiry day', () => {
  assert.equal(evidenceState(null, '2026-01-01'), 'no_expiry');
  assert.equal(evidenceState('2026-03-01', '2026-01-01'), 'valid');
  assert.equal(evidenceState('2026-01-31', '2026-01-01'), 'expiring_soon');
  assert.equal(evidenceState('2026-01-01', '2026-01-01'), 'expiring_soon');
  assert.equal(evidenceState('2026-01-01', '2026-01-02'), 'expired');
});

test('the workflow: draft → in review → a decision; decisions are final', () => {
  assert.equal(canTransition('draft', 'in_review'), true);
  assert.equal(canTransition('draft', 'approved'), false);
  assert.equal(canTransition('in_review', 'approved_with_conditions'), true);
  assert.equal(canTransition('in_review', 'draft'), true);
  for (const closed of ['approved', 'approved_with_conditions', 'rejected'] as const) {
    for (const to of REVIEW_STATUSES) assert.equal(canTransition(closed, to), false, `${closed} → ${to}`);
  }
  assert.deepEqual(Object.keys(TRANSITIONS).sort(), [...REVIEW_STATUSES].sort());
});

test('changedFields lists what an audit entry changed, ignoring equal values', () => {
  assert.deepEqual(changedFields({ old: { a: 1, b: 'x', c: [1] }, new: { a: 1, b: 'y', c: [1, 2] } }), [
    { field: 'b', old: 'x', new: 'y' },
    { field: 'c', old: [1], new: [1, 2] },
  ]);
  assert.deepEqual(changedFields({ old: null, new: { a: 1 } }), [{ field: 'a', old: null, new: 1 }]);
});
