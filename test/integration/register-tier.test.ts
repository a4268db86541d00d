// The register's tier and "Last reviewed" as vendor.list gives them (issue #18): a provider never
// reviewed carries its inherent risk, a draft is not a review, and a finding made from an answer
// takes the fields the person gave.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VendorSummary } from '../../shared/api';
import { answerFindingTitle, lossOf } from '../../shared/domain/answer-finding';
import { registerTier } from '../../shared/register/tier-basis';
import { freshVetted, unwrap } from '../helpers/vetted';

async function setUp(start = '2026-03-10T09:00:00.000Z') {
  const clock = { now: new Date(start) };
  const vetted = await freshVetted({ now: () => clock.now });
  const advanceDays = (days: number) => {
    clock.now = new Date(clock.now.getTime() + days * 86_400_000);
  };
  return { api: vetted.api, advanceDays };
}

const shown = (v: VendorSummary) =>
  registerTier({ reviewStatus: v.reviewStatus, tier: v.tier, lastDecidedAt: v.lastReviewed, inherentTier: v.inherentTier });

test('a provider never reviewed shows its inherent risk as such; Last reviewed waits for a decision, and keeps it through the next draft', async () => {
  const { api, advanceDays } = await setUp();
  unwrap(await api['settings.update']({ userName: 'Ana Ortiz' }));
  unwrap(await api['demo.load']({}));
  // Critical path (2) + high impact (2) + personal data (1) = 5 points: high inherent risk.
  const created = unwrap(
    await api['vendor.create']({ name: 'Quarry Queue', criticalPath: true, businessImpact: 'high', dataCategories: ['personal-data'] }),
  );
  const list = async () => unwrap(await api['vendor.list']({}));
  const quarry = (await list()).find((v) => v.id === created.id)!;
  assert.deepEqual([quarry.state, quarry.tier, quarry.reviewStatus, quarry.inherentTier, quarry.lastReviewed], ['not_started', null, null, 'high', null]);
  assert.deepEqual(shown(quarry), { tier: 'high', basis: 'inherent' });

  // A draft with answers (and a tier from them) is not a review yet: no Last reviewed.
  const tidewater = (await list()).find((v) => v.name === 'Tidewater Postgres')!;
  assert.equal(tidewater.reviewStatus, 'draft');
  assert.ok(tidewater.tier, 'the demo draft has a tier from its answers');
  assert.equal(tidewater.lastReviewed, null, 'a draft leaves Last reviewed empty');
  assert.deepEqual(shown(tidewater), { tier: tidewater.tier, basis: 'not_decided' });

  // Decided: Last reviewed is the decision's instant, and the tier is the decided one.
  const review = unwrap(await api['review.current']({ vendorId: tidewater.id }))!.review;
  unwrap(await api['review.transition']({ reviewId: review.id, to: 'in_review' }));
  advanceDays(2);
  const approved = unwrap(await api['review.transition']({ reviewId: review.id, to: 'approved', by: 'Sam Lee' }));
  const decided = (await list()).find((v) => v.id === tidewater.id)!;
  assert.equal(decided.lastReviewed, approved.review.completedAt);
  assert.deepEqual(shown(decided), { tier: decided.tier, basis: 'decided' });

  // The next review starts as a draft: Last reviewed still names the approval, not the draft's edits.
  advanceDays(5);
  unwrap(await api['review.start']({ vendorId: tidewater.id }));
  const again = (await list()).find((v) => v.id === tidewater.id)!;
  assert.equal(again.reviewStatus, 'draft');
  assert.equal(again.lastReviewed, approved.review.completedAt);
  assert.equal(shown(again).basis, 'not_decided');
});

test('a finding from an answer takes the title, severity, owner and due date given; a blank title is refused by name and nothing is stored', async () => {
  const { api } = await setUp();
  unwrap(await api['demo.load']({}));
  const keystone = unwrap(await api['vendor.list']({})).find((v) => v.name === 'Keystone Config')!;
  const review = unwrap(await api['review.current']({ vendorId: keystone.id }))!.review;
  const score = unwrap(await api['score.get']({ vendorId: keystone.id }))!;
  const losses = score.explanation.filter((l, i, all) => all.findIndex((o) => o.questionId === l.questionId) === i);
  assert.ok(losses.length >= 2, 'Keystone Config lost points on two questions');
  const [first, second] = losses as [(typeof losses)[0], (typeof losses)[0]];
  const before = unwrap(await api['finding.list']({ vendorId: keystone.id })).length;

  const blank = await api['finding.fromAnswer']({ reviewId: review.id, questionId: first.questionId, title: '   ' });
  assert.equal(blank.ok, false, 'a blank title is refused');
  assert.equal(!blank.ok && blank.error.details?.[0]?.path, 'title');
  assert.equal(unwrap(await api['finding.list']({ vendorId: keystone.id })).length, before, 'nothing stored');

  const given = unwrap(
    await api['finding.fromAnswer']({
      reviewId: review.id,
      questionId: first.questionId,
      title: 'Config server has no SSO',
      severity: 'critical',
      owner: 'Platform team',
      dueDate: '2026-06-30',
    }),
  );
  assert.deepEqual(
    [given.title, given.severity, given.owner, given.dueDate, given.questionId, given.reviewId],
    ['Config server has no SSO', 'critical', 'Platform team', '2026-06-30', first.questionId, review.id],
  );
  assert.match(given.description, /^Answer: /, 'the description still explains the answer');

  // Nothing given: the title is the first sentence of the reason, not the question text.
  const byDefault = unwrap(await api['finding.fromAnswer']({ reviewId: review.id, questionId: second.questionId }));
  assert.equal(byDefault.title, answerFindingTitle(lossOf(score.explanation, second.questionId)!.reason));
  assert.notEqual(byDefault.title, second.questionText);
});
