// "What the register says as of D", end to end: a real register whose clock moves through a
// provider's history, the review report and the subprocessor list rendered for real and read back
// with pdftotext on several dates, and approval making a provider active (with its audit row).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdfText, savePdf } from '../helpers/pdf';
import { runCli } from '../helpers/cli';
import { freshVetted, unwrap } from '../helpers/vetted';
import { acmeHistory, answerAll, flat, reportText, step, timedRegister } from '../helpers/as-of';

test('approved, then a reassessment opened: the report prints the approval, the reassessment and the overdue date', async () => {
  const { api, vendorId } = await acmeHistory();
  const { text, info } = await reportText(api, vendorId, '2026-06-01');
  assert.ok(text.includes('Approved on 2025-03-01 by Ben Boardman.'), text.slice(0, 600));
  assert.ok(text.includes('Reassessment in progress since 2026-02-15 (draft, not decided as of 2026-06-01).'), 'the reassessment line');
  const due = /Next review due (\d{4}-\d{2}-\d{2})\./.exec(text)?.[1];
  assert.ok(due && due > '2026-06-01', `not yet due on 2026-06-01 (tier rule from 2025-03-01): ${due}`);
  assert.ok(!text.includes('Not yet approved'), `not: ${'Not yet approved'}`);
  assert.ok(!text.includes('nobody has signed'), `not: ${'nobody has signed'}`);
  assert.ok(text.includes('Submitted for approval by Ana Auditor'), 'Submitted for approval by Ana Auditor');
  assert.ok(text.includes('Decided by Ben Boardman'), 'Decided by Ben Boardman');
  assert.ok(!text.includes('Not recorded, '), 'the reviewer of record is known');
  assert.ok(text.includes('Example Shop Ltd · As of 2026-06-01'), 'Example Shop Ltd · As of 2026-06-01');
  assert.ok(!text.includes('Generated'), `not: ${'Generated'}`);
  assert.ok(text.includes('Backups never restored'), 'Backups never restored');
  assert.equal(info.CreationDate, undefined, 'the file claims no creation date (it is not created on 2026-06-01)');
  assert.equal(info.Keywords, 'As of 2026-06-01');
});

test('a date before the finding leaves it out; a date before the decision reports nothing decided unless the draft is asked for', async () => {
  const { api, vendorId } = await acmeHistory();
  const early = await reportText(api, vendorId, '2025-04-01');
  assert.ok(!early.text.includes('Backups never restored'), 'recorded after the date');
  assert.ok(!early.text.includes('Reassessment in progress'), 'opened after the date');

  const refused = await api['report.vendor']({ vendorId, date: '2025-02-10' });
  assert.equal(refused.ok, false);
  if (!refused.ok) {
    assert.equal(refused.error.code, 'conflict');
    assert.match(refused.error.message, /no review decided on or before 2025-02-10.*draft/);
  }
  const draft = await reportText(api, vendorId, '2025-02-10', true);
  assert.ok(draft.text.includes('DRAFT vendor risk review'), 'DRAFT vendor risk review');
  assert.ok(draft.text.includes('Review status In review'), 'Review status In review');
  assert.ok(draft.text.includes('No review of this provider was decided on or before 2025-02-10.'), 'No review of this provider was decided on or before 2025-02-10.');
  const pages = draft.text.split('DRAFT: not a decided review').length - 1;
  assert.ok(pages >= 5, `every page says DRAFT (${pages})`);
});

test('a date in the future is refused naming the field; the same date gives the same bytes', async () => {
  const { api, vendorId } = await acmeHistory();
  const future = await api['report.vendor']({ vendorId, date: '2031-01-01' });
  assert.equal(future.ok, false);
  if (!future.ok) {
    assert.equal(future.error.code, 'validation');
    assert.match(future.error.message, /^date: is after today \(2026-12-04, UTC\)/);
  }
  const sub = await api['report.subprocessors']({ date: '2026-12-05' });
  assert.equal(sub.ok, false);
  const a = await reportText(api, vendorId, '2026-06-01');
  const b = await reportText(api, vendorId, '2026-06-01');
  assert.equal(a.base64, b.base64);
});

test('a draft changed after the date cannot be reported as of that date', async () => {
  const { api, vendorId, on } = await acmeHistory();
  const current = unwrap(await api['review.current']({ vendorId }))!;
  on('2026-03-01');
  unwrap(await api['answer.save']({ reviewId: current.review.id, questionId: 'acc_mfa', value: 'no' }));
  on('2026-12-04');
  const refused = await api['report.vendor']({ vendorId, date: '2026-02-20', draft: true });
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.match(refused.error.message, /^date: the draft was last changed on 2026-03-01, after 2026-02-20/);
  const now = await reportText(api, vendorId, '2026-12-04', true);
  assert.ok(now.text.includes('Reassessment in progress since 2026-02-15'), 'Reassessment in progress since 2026-02-15');
});

test('rejected, then approved: each date reports the decision in force', async () => {
  const r = await timedRegister();
  const { api } = r;
  const vendor = unwrap(await api['vendor.create']({ name: 'Turnaround MQ', category: 'message-queue', dataCategories: ['personal-data'] }));
  const first = unwrap(await api['review.start']({ vendorId: vendor.id }));
  await answerAll(api, first.review.id);
  r.on('2025-03-01');
  await step(api, vendor.id, 'in_review', 'Ana');
  r.on('2025-04-01');
  await step(api, vendor.id, 'rejected', 'Ben');
  r.on('2025-04-10');
  unwrap(await api['review.start']({ vendorId: vendor.id }));
  r.on('2025-04-20');
  await step(api, vendor.id, 'in_review', 'Ana');
  r.on('2025-05-01');
  await step(api, vendor.id, 'approved', 'Cleo');
  r.on('2026-12-04');
  const april = (await reportText(api, vendor.id, '2025-04-15')).text;
  assert.ok(april.includes('Rejected on 2025-04-01 by Ben.'), 'Rejected on 2025-04-01 by Ben.');
  assert.ok(april.includes('Reassessment in progress since 2025-04-10 (draft'), 'Reassessment in progress since 2025-04-10 (draft');
  assert.ok(april.includes('Reason for rejecting Not good enough.'), 'Reason for rejecting Not good enough.');
  const june = (await reportText(api, vendor.id, '2025-06-01')).text;
  assert.ok(june.includes('Approved on 2025-05-01 by Cleo.'), 'Approved on 2025-05-01 by Cleo.');
  assert.ok(!june.includes('Rejected on'), `not: ${'Rejected on'}`);
});

test('approving makes a proposed provider active, in the audit trail; "keep status" leaves it proposed; rejecting never activates', async () => {
  const r = await timedRegister();
  const { api } = r;
  const make = async (name: string) => {
    const v = unwrap(await api['vendor.create']({ name, category: 'database', dataCategories: ['personal-data'], dataLocations: ['Ireland'], legalName: `${name} Ltd` }));
    const review = unwrap(await api['review.start']({ vendorId: v.id }));
    await answerAll(api, review.review.id);
    await step(api, v.id, 'in_review', 'Ana');
    return v;
  };
  const activated = await make('Fresh Store');
  const kept = await make('Kept Store');
  const rejected = await make('Rejected Store');
  await step(api, activated.id, 'approved', 'Ben');
  await step(api, kept.id, 'approved', 'Ben', { activateProvider: false });
  await step(api, rejected.id, 'rejected', 'Ben');
  const status = async (id: string) => unwrap(await api['vendor.get']({ id })).status;
  assert.equal(await status(activated.id), 'active');
  assert.equal(await status(kept.id), 'proposed');
  assert.equal(await status(rejected.id), 'proposed');
  const audit = unwrap(await api['audit.list']({ vendorId: activated.id }));
  assert.ok(
    audit.some((row) => row.entity === 'vendor' && row.action === 'update' && row.old?.status === 'proposed' && row.new?.status === 'active'),
    'the status change is in the audit trail',
  );

  const list = unwrap(await api['report.subprocessors']({}));
  assert.equal(list.listed, 1);
  assert.deepEqual(
    list.leftOut.map((o) => [o.name, o.reason]),
    [
      ['Kept Store', 'not_active'],
      ['Rejected Store', 'not_active'],
    ],
  );
  const text = flat(pdfText(savePdf(Buffer.from(list.base64, 'base64'))));
  assert.ok(text.includes('Fresh Store Ltd'), 'Fresh Store Ltd');
  assert.ok(!text.includes('Kept Store'), `not: ${'Kept Store'}`);
  const withProposed = unwrap(await api['report.subprocessors']({ includeProposed: true }));
  assert.equal(withProposed.listed, 3, 'the proposed ones too, marked: approved and kept proposed, and rejected');
});

test('the subprocessor list as of a date before the approval leaves the provider out and says why', async () => {
  const { api } = await acmeHistory();
  const before = unwrap(await api['report.subprocessors']({ date: '2025-02-10' }));
  assert.equal(before.listed, 0);
  // Proposed on that day (approval made it active on 2025-03-01, the audit trail says).
  assert.deepEqual(before.leftOut.map((o) => o.words), ['proposed, not in use and not approved as of 2025-02-10; listed, marked, when proposed providers are included']);
  const after = unwrap(await api['report.subprocessors']({ date: '2025-06-01' }));
  assert.equal(after.listed, 1);
  const text = flat(pdfText(savePdf(Buffer.from(after.base64, 'base64'))));
  assert.ok(text.includes('Acme Database GmbH'), 'Acme Database GmbH');
  assert.match(text, /Approved .*2025-03-01/, 'the decision it rests on');
  assert.ok(!text.includes('Tier'), 'internal tiers are off by default');
});

test('the CLI refuses a future date with exit 2 and names every provider the list leaves out', () => {
  const db = `${process.env.TMPDIR ?? '/tmp'}/vetted-asof-${process.pid}.db`;
  assert.equal(runCli(['demo', '--db', db]).status, 0);
  const future = runCli(['report', 'Gaugeworks', '--out', '/tmp/never.pdf', '--date', '2999-01-01', '--db', db]);
  assert.equal(future.status, 2);
  assert.match(future.stderr, /^vetted: --date: is after today/, 'the flag is named');
  const list = runCli(['subprocessors', '--out', `${db}.pdf`, '--db', db]);
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /Listed: \d+ providers?\./);
  assert.match(list.stdout, /Left out: \d+\n/);
  assert.match(list.stdout, /Forgeline CI: /);
});

test('a finding resolved after the date is still listed for that date, marked; a profile edited since is said', async () => {
  const { api, vendorId, on } = await acmeHistory();
  const [finding] = unwrap(await api['finding.list']({ vendorId }));
  on('2026-03-01');
  unwrap(await api['finding.update']({ id: finding!.id, patch: { status: 'resolved' } }));
  unwrap(await api['vendor.update']({ id: vendorId, patch: { dataLocations: ['Germany', 'Austria'] } }));
  on('2026-12-04');
  const then = (await reportText(api, vendorId, '2026-02-01')).text;
  assert.ok(then.includes('Backups never restored'), 'open on the day: not dropped because it was resolved later');
  assert.ok(then.includes('Changed after 2026-02-01: shown as last recorded, on 2026-03-01'), 'and marked');
  assert.ok(then.includes('Open findings 1 changed after 2026-02-01, state on the day unknown'), 'the summary says so');
  assert.ok(then.includes('The profile was last changed on 2026-03-01, after 2026-02-01'), 'the profile says it is today’s');
  const now = (await reportText(api, vendorId, '2026-12-04')).text;
  assert.ok(!now.includes('Changed after'), 'nothing changed after today');
  assert.ok(now.includes('1 resolved finding is not listed.'), 'resolved now: counted, not listed');
});

test('a decision imported without its sign-off steps still speaks for its provider, and says who decided is not known', async () => {
  const { api } = await acmeHistory();
  const exported = unwrap(await api['register.export']({}));
  const other = await freshVetted({ now: () => new Date('2026-12-04T12:00:00Z') });
  // An export older than the lifecycle in the exchange format carries the decision but not its steps.
  const { reviewSteps: _steps, ...older } = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8')) as Record<string, unknown>;
  unwrap(await other.api['register.import']({ text: JSON.stringify(older) }));
  const vendorId = unwrap(await other.api['vendor.list']({}))[0]!.id;
  const { text } = await reportText(other.api, vendorId, '2026-06-01');
  assert.ok(text.includes('Approved on 2025-03-01 (recorded without its sign-off steps: who decided is not known).'), 'the decision, and what is not known');
  const annex = unwrap(await other.api['report.subprocessors']({ date: '2026-06-01' }));
  assert.equal(annex.listed, 1, 'an imported approval lists the provider');
});
