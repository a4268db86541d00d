// One rule for "what the register says as of D" beyond the review report's standing lines: the
// register and `vetted due` count the next review as a report dated today does; a finding accepted
// again after D was covered on D; a next-review date set by hand after D does not move what a
// document dated D prints; and the demo contradicts none of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { DEFAULT_REASSESSMENT_MONTHS, reassessmentOf } from '../../shared/domain/reassessment';
import { acmeHistory, answerAll, reportText, step, timedRegister } from '../helpers/as-of';
import { freshVetted, unwrap } from '../helpers/vetted';
import { runCli } from '../helpers/cli';
import { tempDbPath } from '../helpers/tmp';

test('approved, then rejected: the register and the due list follow the latest decision, as the report does', async () => {
  const r = await timedRegister();
  const { api } = r;
  const vendor = unwrap(await api['vendor.create']({ name: 'Multi Store', category: 'database', dataCategories: ['personal-data'] }));
  const first = unwrap(await api['review.start']({ vendorId: vendor.id }));
  await answerAll(api, first.review.id);
  r.on('2025-01-10');
  await step(api, vendor.id, 'in_review', 'Ana');
  r.on('2025-01-15');
  await step(api, vendor.id, 'approved', 'Ben');
  r.on('2026-02-01');
  unwrap(await api['review.start']({ vendorId: vendor.id }));
  await step(api, vendor.id, 'in_review', 'Ana');
  r.on('2026-03-01');
  await step(api, vendor.id, 'rejected', 'Ben');
  r.on('2026-12-04');

  const report = (await reportText(api, vendor.id, '2026-12-04')).text;
  assert.ok(report.includes('Rejected on 2026-03-01 by Ben.'), 'the report rests on the rejection');
  assert.ok(!/Next review due|Reassessment overdue/.test(report), 'and names no next review');

  const listed = unwrap(await api['vendor.list']({})).find((v) => v.id === vendor.id)!;
  assert.deepEqual([listed.reassessment.state, listed.reassessment.due], ['not_approved', null], 'the register: not approved, no next review');
  assert.equal(listed.lastReviewed?.slice(0, 10), '2026-03-01', 'last reviewed on the rejection');
  const due = unwrap(await api['reassessment.list']({})).find((e) => e.vendorId === vendor.id)!;
  assert.deepEqual([due.state, due.due], ['not_approved', null], '`vetted due` says the same');
});

test('the next review counts from the UTC day of the approval, in every time zone, as documents do', () => {
  const zone = process.env.TZ;
  try {
    process.env.TZ = 'Pacific/Auckland'; // 23:30 UTC is already the next day there
    const late = reassessmentOf(
      { reviewId: 'r', status: 'approved', decidedAt: '2025-10-10T23:30:00.000Z', tier: 'low', dueOverride: null },
      DEFAULT_REASSESSMENT_MONTHS,
      '2026-01-01',
    );
    assert.deepEqual([late.approvedOn, late.due], ['2025-10-10', '2027-10-10']);
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

test('a finding accepted again after the date is shown with the acceptance in force on the date', async () => {
  const { api, vendorId, on } = await acmeHistory();
  const finding = unwrap(await api['finding.list']({ vendorId })).find((f) => f.title === 'Backups never restored')!;
  on('2025-09-01');
  unwrap(await api['acceptance.create']({ findingId: finding.id, justification: 'Restore drill planned.', acceptedBy: 'Cleo', expiresOn: '2026-09-01' }));
  on('2026-12-04');
  unwrap(await api['acceptance.create']({ findingId: finding.id, justification: 'Drill moved to spring.', acceptedBy: 'Cleo', expiresOn: '2027-06-01' }));

  const { text } = await reportText(api, vendorId, '2026-06-01');
  assert.ok(!text.includes('no acceptance'), 'the finding was covered on 2026-06-01');
  assert.match(text, /High Backups never restored Accepted/, 'the findings table shows it accepted');
  assert.match(text, /Accepted risks 1 in force/, 'one acceptance in force then (the later one did not exist)');
  assert.ok(!text.includes('Drill moved to spring'), 'the later acceptance is not part of the report');
  assert.ok(text.includes('1 acceptance recorded after 2026-06-01 is not part of this report.'), 'and the report says it left one out');
  assert.ok(text.includes('No evidence was stored on or before 2026-06-01.'), 'evidence is stated for the day');

  const after = (await reportText(api, vendorId, '2026-10-01')).text;
  assert.match(after, /Open findings 1/, 'the first acceptance had expired by 2026-10-01: open again');
  assert.match(after, /Accepted risks None in force \(1 expired\)/, 'the summary says the one listed had lapsed');
});

test('a next-review date set by hand after the date does not change what a document dated earlier prints', async () => {
  const { api, vendorId } = await acmeHistory();
  const before = (await reportText(api, vendorId, '2026-06-01')).text;
  const due = /Next review due (\d{4}-\d{2}-\d{2})\./.exec(before)?.[1];
  assert.ok(due, 'a next review date from the tier rule');
  const approved = unwrap(await api['review.history']({ vendorId })).find((h) => h.review.status === 'approved')!;
  unwrap(await api['review.setDue']({ reviewId: approved.review.id, due: '2027-11-30' }));

  const dated = await reportText(api, vendorId, '2026-06-01');
  assert.ok(dated.text.includes(`Next review due ${due}.`), `the date in force on 2026-06-01 (${due}), not the one set later`);
  assert.ok(!dated.text.includes('2027-11-30'), 'the later date is not printed');
  const today = (await reportText(api, vendorId, '2026-12-04')).text;
  assert.ok(today.includes('Next review due 2027-11-30.'), 'a report dated today prints the date set by hand');
});

test('a report dated before today says its buy-vs-build line uses the day rate set now', async () => {
  const { api, vendorId } = await acmeHistory();
  unwrap(await api['settings.update']({ dayRate: { amount: 600, currency: 'EUR' } }));
  const earlier = (await reportText(api, vendorId, '2026-06-01')).text;
  assert.match(earlier, /The day rate \(600 EUR a day\) is the one set in Settings when this document was made \(2026-12-04\), not necessarily the one on 2026-06-01/);
  const today = (await reportText(api, vendorId, '2026-12-04')).text;
  assert.ok(!today.includes('not necessarily the one on its date'), 'a report dated today needs no such note');
});

test('the demo: providers were added before their first review, and no frozen answer names a day after its decision', async () => {
  const vetted = await freshVetted();
  unwrap(await vetted.api['demo.load']({}));
  const db = new Database(vetted.file, { readonly: true });
  try {
    const late = db
      .prepare(
        `SELECT v.name, r.started_at, v.created_at FROM reviews r JOIN vendors v ON v.id = r.vendor_id WHERE r.started_at < v.created_at`,
      )
      .all();
    assert.deepEqual(late, [], 'no review starts before its provider was added');
    const decided = db.prepare(`SELECT completed_at, snapshot FROM reviews WHERE snapshot IS NOT NULL`).all() as Array<{ completed_at: string; snapshot: string }>;
    assert.ok(decided.length >= 2, 'the demo has earlier decisions');
    for (const { completed_at: decidedAt, snapshot } of decided) {
      const dates = (JSON.parse(snapshot) as { answers: Array<{ questionId: string; value: unknown }> }).answers.filter(
        (a) => typeof a.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a.value),
      );
      assert.ok(dates.length > 0, 'the frozen answers include dates');
      for (const a of dates) assert.ok((a.value as string) <= decidedAt.slice(0, 10), `${a.questionId}: ${String(a.value)} is after the decision on ${decidedAt}`);
    }
  } finally {
    db.close();
  }
});

test('vetted list names each provider standing as a document dated today would: the latest decision, overdue, a reassessment open', () => {
  const db = tempDbPath();
  assert.equal(runCli(['demo', '--db', db]).status, 0);
  const listed = runCli(['list', '--db', db]);
  assert.equal(listed.status, 0, listed.stderr);
  const logjam = listed.stdout.split('\n').find((l) => l.startsWith('Logjam Cloud'))!;
  assert.match(logjam, /Approved \d{4}-\d{2}-\d{2}; review overdue since \d{4}-\d{2}-\d{2}; reassessment open$/, logjam);
  const json = JSON.parse(runCli(['list', '--json', '--db', db]).stdout) as Array<{ name: string; standing: string; decision: { status: string } | null }>;
  assert.equal(json.find((v) => v.name === 'Logjam Cloud')!.decision?.status, 'approved');
  assert.equal(json.find((v) => v.name === 'Burrow MQ')!.standing, 'Not decided yet', 'a provider never decided says so');
});

test('the review report gives the provider status on its date from the audit trail, as the annex does, and today’s beside it', async () => {
  const { api, vendorId } = await acmeHistory();
  unwrap(await api['vendor.update']({ id: vendorId, patch: { status: 'retired' } }));
  const earlier = (await reportText(api, vendorId, '2026-06-01')).text;
  assert.match(earlier, /Provider status Active on 2026-06-01 \(retired since, from the audit trail\)/, 'in use on the date, retired since');
  const today = (await reportText(api, vendorId, '2026-12-04')).text;
  assert.match(today, /Provider status Retired Data categories/, 'today: the status as it is');
});
