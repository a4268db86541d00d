// The review lifecycle on a real register file with an injected clock: sign-off and snapshots,
// reassessment, findings, risk acceptance and evidence.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { VendorSummary } from '../../shared/api';
import { answerFindingTitle } from '../../shared/domain/answer-finding';
import { MAX_EVIDENCE_BYTES } from '../../shared/domain/evidence';
import { freshVetted, unwrap } from '../helpers/vetted';

/** A register whose clock the test moves. */
async function setUp(start = '2026-03-10T09:00:00.000Z') {
  const clock = { now: new Date(start) };
  const vetted = await freshVetted({ now: () => clock.now });
  const advanceDays = (days: number) => {
    clock.now = new Date(clock.now.getTime() + days * 86_400_000);
  };
  return { vetted, api: vetted.api, clock, advanceDays };
}

async function demoProvider(api: Awaited<ReturnType<typeof setUp>>['api'], name: string): Promise<VendorSummary> {
  unwrap(await api['demo.load']({}));
  return unwrap(await api['vendor.list']({})).find((v) => v.name === name)!;
}

async function approve(api: Awaited<ReturnType<typeof setUp>>['api'], reviewId: string, to: 'approved' | 'rejected' | 'approved_with_conditions' = 'approved', note?: string) {
  unwrap(await api['review.transition']({ reviewId, to: 'in_review' }));
  return unwrap(await api['review.transition']({ reviewId, to, note }));
}

test('approving freezes a snapshot; edits then start a new review from the last answers', async () => {
  const { api, vetted, advanceDays } = await setUp();
  unwrap(await api['settings.update']({ userName: 'Ana Ortiz' }));
  const tidewater = await demoProvider(api, 'Tidewater Postgres');
  const first = unwrap(await api['review.current']({ vendorId: tidewater.id }))!;
  const scoreBefore = unwrap(await api['score.get']({ vendorId: tidewater.id }))!;

  const submitted = unwrap(await api['review.transition']({ reviewId: first.review.id, to: 'in_review', note: 'Ready' }));
  assert.equal(submitted.review.status, 'in_review');
  advanceDays(1);
  const approved = unwrap(await api['review.transition']({ reviewId: first.review.id, to: 'approved', by: 'Sam Lee' }));
  assert.equal(approved.review.status, 'approved');
  assert.equal(approved.review.completedAt, '2026-03-11T09:00:00.000Z');
  assert.deepEqual(
    approved.steps.map((s) => [s.from, s.to, s.by, s.note]),
    [
      ['draft', 'in_review', 'Ana Ortiz', 'Ready'],
      ['in_review', 'approved', 'Sam Lee', ''],
    ],
  );

  // Frozen: an answer to the approved review is refused and nothing changes.
  const q = first.answers[0]!;
  const refused = await api['answer.save']({ reviewId: first.review.id, questionId: q.questionId, comment: 'late edit' });
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.error.code, 'conflict');
  assert.match(!refused.ok ? refused.error.message : '', /frozen/);
  assert.equal((await vetted.ctx.reviews.answer(first.review.id, q.questionId))!.comment, q.comment);

  // A new review begins from the approved answers; editing it leaves the approved one as it was.
  advanceDays(30);
  const second = unwrap(await api['review.start']({ vendorId: tidewater.id }));
  assert.notEqual(second.review.id, first.review.id);
  assert.equal(second.review.status, 'draft');
  assert.deepEqual(
    second.answers.map((a) => [a.questionId, a.value, a.comment, a.na]).sort(),
    first.answers.map((a) => [a.questionId, a.value, a.comment, a.na]).sort(),
  );
  unwrap(await api['answer.save']({ reviewId: second.review.id, questionId: q.questionId, comment: 'reassessed' }));
  assert.equal((await vetted.ctx.reviews.answer(first.review.id, q.questionId))!.comment, q.comment);

  // The snapshot keeps the approved score even when the live inputs change (profile → tier).
  unwrap(await api['vendor.update']({ id: tidewater.id, patch: { businessImpact: 'low', criticalPath: false, dataCategories: [] } }));
  const history = unwrap(await api['review.history']({ vendorId: tidewater.id }));
  assert.deepEqual(history.map((h) => [h.review.id, h.frozen]), [
    [second.review.id, false],
    [first.review.id, true],
  ]);
  assert.equal(history[1]!.score, scoreBefore.overall);
  assert.equal(history[1]!.tier, scoreBefore.tier);
  assert.equal(history[1]!.steps.length, 2);
  const snapshot = (await vetted.ctx.steps.snapshot(first.review.id))!;
  assert.equal(snapshot.answers.length, first.answers.length);
  assert.equal(snapshot.templateVersion, first.review.templateVersion);
});

test('sign-off refuses what a reviewer would not sign: no name, no conditions, an unscored review, a skipped step', async () => {
  const { api } = await setUp();
  const forgeline = await demoProvider(api, 'Forgeline CI'); // the demo's incomplete review
  const review = unwrap(await api['review.current']({ vendorId: forgeline.id }))!.review;

  const skip = await api['review.transition']({ reviewId: review.id, to: 'approved', by: 'Sam' });
  assert.equal(!skip.ok && skip.error.code, 'conflict');
  const noName = await api['review.transition']({ reviewId: review.id, to: 'in_review' });
  assert.equal(!noName.ok && noName.error.code, 'validation');
  assert.equal(!noName.ok && noName.error.details?.[0]?.path, 'by');

  unwrap(await api['review.transition']({ reviewId: review.id, to: 'in_review', by: 'Ana' }));
  const unscored = await api['review.transition']({ reviewId: review.id, to: 'approved', by: 'Sam' });
  assert.equal(!unscored.ok && unscored.error.code, 'conflict');
  assert.match(!unscored.ok ? unscored.error.message : '', /gets a tier: \d+% of the questions are answered; a tier needs 80%/);
  const noConditions = await api['review.transition']({ reviewId: review.id, to: 'approved_with_conditions', by: 'Sam' });
  assert.equal(!noConditions.ok && noConditions.error.details?.[0]?.path, 'note');

  // Rejecting an incomplete review is allowed, with a reason; it is then closed.
  const rejected = unwrap(await api['review.transition']({ reviewId: review.id, to: 'rejected', by: 'Sam', note: 'Half the answers missing' }));
  assert.equal(rejected.review.status, 'rejected');
  const again = await api['review.transition']({ reviewId: review.id, to: 'draft', by: 'Sam' });
  assert.equal(!again.ok && again.error.code, 'conflict');
  // A rejection does not schedule a reassessment.
  assert.equal(unwrap(await api['vendor.list']({})).find((v) => v.id === forgeline.id)!.reassessment.state, 'not_approved');
});

test('the next review falls due by the approved tier, shows as due soon and overdue, and can be set by hand', async () => {
  const { api, advanceDays } = await setUp('2026-01-10T12:00:00.000Z');
  unwrap(await api['settings.update']({ userName: 'Ana', reassessmentMonths: { critical: 6, high: 9, medium: 18, low: 24 } }));
  // A high knock-out (one shared credential) on a critical-path provider: critical risk (scoring model 2).
  const pager = await demoProvider(api, 'PagerPigeon');
  const review = unwrap(await api['review.current']({ vendorId: pager.id }))!.review;
  await approve(api, review.id, 'approved_with_conditions', 'Individual accounts by Q3');

  let entry = unwrap(await api['reassessment.list']({})).find((e) => e.vendorId === pager.id)!;
  assert.deepEqual([entry.tier, entry.approvedOn, entry.due, entry.state, entry.source], ['critical', '2026-01-10', '2026-07-10', 'scheduled', 'tier']);
  const pagerWithin30 = async () => unwrap(await api['reassessment.list']({ withinDays: 30 })).filter((e) => e.vendorId === pager.id);
  assert.deepEqual(await pagerWithin30(), []);

  advanceDays(151); // 2026-06-10: 30 days before
  entry = (await pagerWithin30())[0]!;
  assert.deepEqual([entry.vendorId, entry.state], [pager.id, 'due_soon']);
  // (The demo's earlier approvals of Logjam Cloud and StatusHarbor are listed too.)
  assert.ok(unwrap(await api['attention.get']({})).reviews.some((r) => r.vendorName === 'PagerPigeon'));

  advanceDays(31); // 2026-07-11
  assert.equal(unwrap(await api['vendor.list']({})).find((v) => v.id === pager.id)!.reassessment.state, 'overdue');

  // Settings change the rule at once; a date set by hand wins; clearing it returns to the rule.
  unwrap(await api['settings.update']({ reassessmentMonths: { critical: 12, high: 12, medium: 18, low: 24 } }));
  entry = unwrap(await api['reassessment.list']({})).find((e) => e.vendorId === pager.id)!;
  assert.deepEqual([entry.due, entry.state], ['2027-01-10', 'scheduled']);
  unwrap(await api['review.setDue']({ reviewId: review.id, due: '2026-07-01' }));
  entry = unwrap(await api['reassessment.list']({})).find((e) => e.vendorId === pager.id)!;
  assert.deepEqual([entry.due, entry.state, entry.source], ['2026-07-01', 'overdue', 'manual']);
  unwrap(await api['review.setDue']({ reviewId: review.id, due: null }));
  assert.equal(unwrap(await api['reassessment.list']({})).find((e) => e.vendorId === pager.id)!.source, 'tier');

  // Only an approved review carries a next-review date.
  const draft = unwrap(await api['review.start']({ vendorId: pager.id })).review;
  const onDraft = await api['review.setDue']({ reviewId: draft.id, due: '2027-01-01' });
  assert.equal(!onDraft.ok && onDraft.error.code, 'conflict');
});

test('a finding made from an answer that cost points is prefilled, made once, accepted, and open again when the acceptance expires', async () => {
  const { api, advanceDays } = await setUp('2026-02-01T12:00:00.000Z');
  unwrap(await api['settings.update']({ userName: 'Ana' }));
  const pager = await demoProvider(api, 'PagerPigeon');
  // The demo already tracks this knock-out as a finding; start from none to watch one being made.
  for (const f of unwrap(await api['finding.list']({ vendorId: pager.id }))) unwrap(await api['finding.delete']({ id: f.id }));
  const review = unwrap(await api['review.current']({ vendorId: pager.id }))!.review;
  const score = unwrap(await api['score.get']({ vendorId: pager.id }))!;
  const knockout = score.explanation.find((l) => l.knockout)!;
  const lossless = unwrap(await api['review.current']({ vendorId: pager.id }))!.answers.find(
    (a) => !score.explanation.some((l) => l.questionId === a.questionId),
  )!;

  const finding = unwrap(await api['finding.fromAnswer']({ reviewId: review.id, questionId: knockout.questionId }));
  assert.equal(finding.title, answerFindingTitle(knockout.reason), 'titled by why the answer lost points, not by the question');
  assert.equal(finding.severity, knockout.knockout);
  assert.match(finding.description, /knock-out/);
  assert.equal(finding.questionText, knockout.questionText);
  assert.deepEqual([finding.status, finding.createdBy, finding.vendorName], ['open', 'Ana', 'PagerPigeon']);
  const twice = unwrap(await api['finding.fromAnswer']({ reviewId: review.id, questionId: knockout.questionId }));
  assert.equal(twice.id, finding.id);
  assert.equal(unwrap(await api['finding.list']({ vendorId: pager.id })).length, 1);
  const nothingLost = await api['finding.fromAnswer']({ reviewId: review.id, questionId: lossless.questionId });
  assert.equal(!nothingLost.ok && nothingLost.error.code, 'validation');

  // Overdue once past its due date.
  unwrap(await api['finding.update']({ id: finding.id, patch: { dueDate: '2026-02-10', owner: 'Platform team', status: 'in_progress' } }));
  advanceDays(10); // 2026-02-11
  assert.deepEqual(unwrap(await api['finding.list']({ overdue: true })).map((f) => f.id), [finding.id]);
  assert.equal(unwrap(await api['vendor.list']({})).find((v) => v.id === pager.id)!.overdueFindings, 1);

  // An acceptance must lie in the future and name who accepts.
  const past = await api['acceptance.create']({ findingId: finding.id, justification: 'x', expiresOn: '2026-02-11' });
  assert.equal(!past.ok && past.error.details?.[0]?.path, 'expiresOn');
  const accepted = unwrap(
    await api['acceptance.create']({ findingId: finding.id, justification: 'Shared account is break-glass only', expiresOn: '2026-03-31', acceptedBy: 'CISO' }),
  );
  assert.deepEqual([accepted.state, accepted.subject, accepted.acceptedBy], ['active', finding.title, 'CISO']);
  let view = unwrap(await api['finding.list']({ vendorId: pager.id }))[0]!;
  assert.deepEqual([view.status, view.effectiveStatus, view.overdue], ['accepted', 'accepted', false]);
  assert.deepEqual(unwrap(await api['attention.get']({})).findings, []);

  advanceDays(49); // 2026-04-01: the acceptance expired
  view = unwrap(await api['finding.list']({ vendorId: pager.id }))[0]!;
  assert.deepEqual([view.status, view.effectiveStatus, view.acceptance?.state], ['accepted', 'open', 'expired']);
  assert.deepEqual(unwrap(await api['attention.get']({})).findings.map((f) => f.id), [finding.id]);
  assert.equal(unwrap(await api['finding.list']({ open: true })).length, 1);

  // Revoking an acceptance re-opens its finding at once.
  const again = unwrap(await api['acceptance.create']({ findingId: finding.id, justification: 'Renewed', expiresOn: '2026-12-31' }));
  assert.equal(unwrap(await api['finding.list']({ vendorId: pager.id }))[0]!.effectiveStatus, 'accepted');
  unwrap(await api['acceptance.revoke']({ id: again.id }));
  view = unwrap(await api['finding.list']({ vendorId: pager.id }))[0]!;
  assert.deepEqual([view.status, view.effectiveStatus], ['open', 'open']);
  const twiceRevoked = await api['acceptance.revoke']({ id: again.id });
  assert.equal(!twiceRevoked.ok && twiceRevoked.error.code, 'conflict');
});

test('a review-level acceptance expires into the attention list', async () => {
  const { api, advanceDays } = await setUp('2026-02-01T12:00:00.000Z');
  const burrow = await demoProvider(api, 'Burrow MQ');
  const review = unwrap(await api['review.current']({ vendorId: burrow.id }))!.review;
  const acceptance = unwrap(await api['acceptance.create']({ reviewId: review.id, justification: 'Migration planned', expiresOn: '2026-02-28', acceptedBy: 'CTO' }));
  assert.match(acceptance.subject, /whole review started 2026-02-01/);
  assert.deepEqual(unwrap(await api['attention.get']({})).acceptances, []);
  advanceDays(28); // 2026-03-01
  assert.deepEqual(unwrap(await api['attention.get']({})).acceptances.map((a) => a.id), [acceptance.id]);
  const both = await api['acceptance.create']({ reviewId: review.id, findingId: 'x', justification: 'y', expiresOn: '2027-01-01' } as never);
  assert.equal(!both.ok && both.error.code, 'validation');
});

test('evidence is stored with its SHA-256, read back byte-identical, flagged near expiry, and a tampered copy is refused', async () => {
  const { api, vetted, advanceDays } = await setUp('2026-05-01T12:00:00.000Z');
  const gauge = await demoProvider(api, 'Gaugeworks');
  const review = unwrap(await api['review.current']({ vendorId: gauge.id }))!;
  const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256))]);
  const sha = createHash('sha256').update(bytes).digest('hex');

  const added = unwrap(
    await api['evidence.add']({
      vendorId: gauge.id,
      reviewId: review.review.id,
      questionId: review.answers[0]!.questionId,
      kind: 'soc2',
      fileName: 'Gaugeworks SOC 2 Type II 2025.pdf',
      base64: bytes.toString('base64'),
      issuedOn: '2025-12-01',
      expiresOn: '2026-05-20',
    }),
  );
  assert.deepEqual([added.sha256, added.bytes, added.mediaType, added.state], [sha, bytes.length, 'application/pdf', 'expiring_soon']);
  const file = unwrap(await api['evidence.file']({ id: added.id }));
  assert.deepEqual(Buffer.from(file.base64, 'base64'), bytes);
  assert.equal(file.fileName, 'Gaugeworks SOC 2 Type II 2025.pdf');
  assert.ok(unwrap(await api['attention.get']({})).evidence.some((e) => e.id === added.id));
  advanceDays(20); // 2026-05-21
  assert.equal(unwrap(await api['evidence.list']({ vendorId: gauge.id }))[0]!.state, 'expired');

  // Bad input: nothing is stored.
  const before = unwrap(await api['evidence.list']({})).length;
  const bad = [
    await api['evidence.add']({ vendorId: gauge.id, kind: 'dpa', fileName: 'empty.pdf', base64: '' }),
    await api['evidence.add']({ vendorId: gauge.id, kind: 'dpa', fileName: '../../etc/passwd', base64: 'AAAA' }),
    await api['evidence.add']({ vendorId: gauge.id, kind: 'dpa', fileName: 'x.pdf', base64: 'not base64!' }),
    await api['evidence.add']({ vendorId: gauge.id, kind: 'dpa', fileName: 'x.pdf', base64: 'AAAA', issuedOn: '2026-02-01', expiresOn: '2026-01-01' }),
    await api['evidence.add']({ vendorId: gauge.id, kind: 'dpa', fileName: 'big.pdf', base64: Buffer.alloc(MAX_EVIDENCE_BYTES + 1).toString('base64') }),
    await api['evidence.add']({ vendorId: 'nobody', kind: 'dpa', fileName: 'x.pdf', base64: 'AAAA' }),
  ];
  assert.deepEqual(bad.map((r) => !r.ok && r.error.code), ['validation', 'validation', 'validation', 'validation', 'validation', 'not_found']);
  assert.match(!bad[4]!.ok ? bad[4]!.error.message : '', /larger than 20 MB/);
  assert.equal(unwrap(await api['evidence.list']({})).length, before);

  // One flipped byte in the stored copy is caught on the way out.
  await vetted.ctx.store.run('UPDATE evidence_files SET content = ? WHERE evidence_id = ?', [Buffer.concat([bytes.subarray(0, 100), Buffer.from([bytes[100]! ^ 1]), bytes.subarray(101)]), added.id]);
  const tampered = await api['evidence.file']({ id: added.id });
  assert.equal(!tampered.ok && tampered.error.code, 'conflict');
  assert.match(!tampered.ok ? tampered.error.message : '', /no longer matches its SHA-256/);
});
