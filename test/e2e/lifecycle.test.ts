// The review lifecycle in the real renderer (Chromium against `vetted serve`): sign-off freezes a
// review and the next one starts from its answers; a finding raised from an answer is accepted as a
// risk; the audit trail names who changed what.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { FindingView, ReviewDetail, ReviewHistoryEntry, VendorSummary } from '../../shared/api';
import { localIsoDate } from '../../shared/domain/dates';
import { questionIndex } from '../../shared/domain/template';
import type { ScoreResult } from '../../shared/scoring/types';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { callApi, openApp, screenshot, SCREENSHOTS, startServe, type Served } from './harness';

const questions = questionIndex(INFRASTRUCTURE_TEMPLATE);
const q = (id: string) => questions.get(id)!.question;
const group = (page: Page, id: string) => page.getByRole('group', { name: q(id).text, exact: true });

async function vendorId(served: Served, name: string): Promise<string> {
  const vendors = await callApi<VendorSummary[]>(served, 'vendor.list', {});
  const vendor = vendors.find((v) => v.name === name);
  assert.ok(vendor, `${name} is in the demo register`);
  return vendor.id;
}

async function openProvider(page: Page, name: string): Promise<void> {
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('table').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

async function waitSaved(page: Page): Promise<void> {
  await page.getByTestId('save-status').filter({ hasText: /^Saved/ }).waitFor({ timeout: 10_000 });
}

/** A date `days` from today, as the date inputs take it. */
function inDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return localIsoDate(date);
}

test('approve → frozen → a new review from the same answers, and History shows both', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Gaugeworks' }).waitFor();

  // Who I am: the name every step records.
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.getByLabel('Your name').fill('Ana Reviewer');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Saved', { exact: true }).first().waitFor();

  // An incomplete review cannot be approved: the server's reason is shown in the dialog.
  await openProvider(page, 'Forgeline CI');
  const workflow = page.getByRole('region', { name: 'Review workflow' });
  await workflow.getByTestId('review-status').filter({ hasText: 'Draft' }).waitFor();
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await workflow.getByTestId('review-status').filter({ hasText: 'In review' }).waitFor();
  await workflow.getByRole('button', { name: 'Approve', exact: true }).click();
  const approveDialog = page.getByRole('dialog', { name: 'Approve' });
  assert.equal(await approveDialog.getByLabel('Decided by').inputValue(), 'Ana Reviewer', 'the decision is prefilled with my name');
  await approveDialog.getByRole('button', { name: 'Approve' }).click();
  await approveDialog.getByRole('alert').filter({ hasText: /Approving needs a review that gets a tier: .*of the questions are answered/ }).waitFor();
  await screenshot(page, 'lifecycle-decision-error');
  await approveDialog.getByRole('button', { name: 'Cancel' }).click();
  // Rejecting says why it needs a note, and refuses an empty one.
  await workflow.getByRole('button', { name: 'Reject' }).click();
  const rejectDialog = page.getByRole('dialog', { name: 'Reject' });
  await rejectDialog.getByText(/Required: the reason stays/).waitFor();
  await rejectDialog.getByRole('button', { name: 'Reject' }).click();
  await rejectDialog.getByText('Say why the provider is rejected.').waitFor();
  await rejectDialog.getByRole('button', { name: 'Cancel' }).click();
  await workflow.getByRole('button', { name: 'Return to draft' }).click();
  await workflow.getByTestId('review-status').filter({ hasText: 'Draft' }).waitFor();

  // A scored review: submit, then approve.
  await openProvider(page, 'Gaugeworks');
  const gaugeworks = await vendorId(served, 'Gaugeworks');
  const before = (await callApi<ReviewDetail>(served, 'review.current', { vendorId: gaugeworks }))!;
  const notice = page.getByRole('spinbutton', { name: q('mnt_notice_hours').text });
  const noticeBefore = await notice.inputValue();
  assert.notEqual(noticeBefore, '', 'the demo answered the notice question');
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await workflow.getByTestId('review-status').filter({ hasText: 'In review' }).waitFor();
  await screenshot(page, 'lifecycle-workflow-bar');
  await workflow.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve' });
  await dialog.getByLabel('Note (optional)').fill('Meets the baseline.');
  await dialog.getByText(/^Signs off: score \d+\.\d \/ 100, Low risk\.$/).waitFor();
  await screenshot(page, 'lifecycle-decision-dialog');
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // Decided: read-only, and saying who decided.
  const banner = page.getByRole('region', { name: 'Decided review' });
  await banner.getByText(/^Approved by Ana Reviewer on .+ — answers are frozen\.$/).waitFor();
  await workflow.getByTestId('review-status').filter({ hasText: 'Approved' }).waitFor();
  await workflow.getByRole('list', { name: 'Workflow steps' }).getByText('Submitted for review').waitFor();
  await workflow.getByRole('list', { name: 'Workflow steps' }).getByText('“Meets the baseline.”').waitFor();
  assert.ok(await notice.isDisabled(), 'a number input of a decided review is disabled');
  const radios = group(page, 'sec_encryption_at_rest').getByRole('radio');
  for (const radio of await radios.all()) assert.ok(await radio.isDisabled(), 'choices of a decided review are disabled');
  // "Not applicable" is offered only where the template allows it (or an older answer is N/A): never editable here.
  for (const na of await page.getByRole('checkbox', { name: 'Not applicable' }).all()) {
    assert.ok(await na.isDisabled(), 'Not applicable of a decided review is disabled');
  }
  assert.equal(await page.getByRole('button', { name: 'Move to version' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: /Next unanswered/ }).count(), 0, 'nothing is left to answer in a decided review');
  assert.equal(await page.getByRole('button', { name: 'Add comment' }).count(), 0, 'nor to comment on');
  await page.getByRole('region', { name: 'Review workflow' }).scrollIntoViewIfNeeded();
  await screenshot(page, 'lifecycle-decided-banner');

  // Nothing is ever sent to the decided review: a keyboard attempt is ignored too.
  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/answer.save')) saves.push(request.postData() ?? '');
  });
  await notice.focus().catch(() => undefined);
  await page.keyboard.type('9');
  assert.equal(await notice.inputValue(), noticeBefore);

  // The next review starts from the same answers; an edit there saves.
  await banner.getByRole('button', { name: 'Start a new review from these answers' }).click();
  await workflow.getByTestId('review-status').filter({ hasText: 'Draft' }).waitFor();
  await banner.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /Next unanswered/ }).waitFor();
  assert.deepEqual(saves, [], 'no answer was sent while the review was decided');
  assert.equal(await notice.inputValue(), noticeBefore, 'the answer was carried into the new review');
  assert.ok(await notice.isEnabled());
  const changed = String(Number(noticeBefore) + 24);
  await notice.fill(changed);
  await notice.blur();
  await waitSaved(page);
  const after = (await callApi<ReviewDetail>(served, 'review.current', { vendorId: gaugeworks }))!;
  assert.notEqual(after.review.id, before.review.id, 'a new review');
  assert.equal(after.review.status, 'draft');
  assert.equal(after.answers.find((a) => a.questionId === 'mnt_notice_hours')!.value, Number(changed));
  const history = await callApi<ReviewHistoryEntry[]>(served, 'review.history', { vendorId: gaugeworks });
  assert.deepEqual(
    history.map((h) => [h.review.status, h.frozen]),
    [
      ['draft', false],
      ['approved', true],
    ],
  );

  // History: both reviews, newest first, and the score over time.
  await page.getByRole('navigation', { name: 'Provider views' }).getByRole('link', { name: 'History' }).click();
  const reviews = page.getByRole('table', { name: 'Reviews' });
  await reviews.getByTestId('history-review').nth(1).waitFor();
  assert.equal(await reviews.getByTestId('history-review').count(), 2);
  assert.match((await reviews.getByTestId('history-review').nth(0).textContent()) ?? '', /Draft.*Not decided.*live/);
  assert.match((await reviews.getByTestId('history-review').nth(1).textContent()) ?? '', /Approved.*Ana Reviewer.*Meets the baseline.*frozen/);
  const chart = page.getByRole('img', { name: /^Score over time/ });
  const label = (await chart.getAttribute('aria-label')) ?? '';
  assert.match(label, /\(Approved, frozen\); .*\(Draft\)\.$/);
  // The next review: counted from the approval by tier (Low: 24 months), or set by hand.
  const nextReview = page.getByRole('region', { name: 'Next review' });
  await nextReview.getByText(/^24 months after the approval on .+ \(Low risk\)\.$/).waitFor();
  await screenshot(page, 'lifecycle-history');
  await nextReview.getByRole('button', { name: 'Set the date by hand' }).click();
  await nextReview.getByLabel('Next review on').fill(inDays(100));
  await nextReview.getByRole('button', { name: 'Save date' }).click();
  await nextReview.getByText('Set by hand.').waitFor();
  type Due = { vendorId: string; due: string; source: string };
  const schedule = await callApi<Due[]>(served, 'reassessment.list', {});
  assert.deepEqual(
    schedule.filter((d) => d.vendorId === gaugeworks).map((d) => [d.due, d.source]),
    [[inDays(100), 'manual']],
  );
  await nextReview.getByRole('button', { name: 'Use the tier’s rule' }).click();
  await nextReview.getByText(/^24 months after/).waitFor();
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('a finding from an answer that lost points, accepted as a risk in a dialog', async () => {
  const served = await startServe({ demo: true });
  await callApi(served, 'settings.update', { userName: 'Bo Risk' });
  const keystone = await vendorId(served, 'Keystone Config');
  const score = (await callApi<ScoreResult>(served, 'score.get', { vendorId: keystone }))!;
  const loss = score.explanation.find((l) => l.flagId === undefined && questions.has(l.questionId));
  assert.ok(loss, 'Keystone Config lost points on a question');
  // One overdue finding written by hand, so the list shows how overdue looks.
  await callApi(served, 'finding.create', {
    vendorId: keystone,
    title: 'Backups not restored in a test this year',
    severity: 'high',
    owner: 'Platform team',
    dueDate: inDays(-10),
  });

  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Keystone Config' }).waitFor();
  await openProvider(page, 'Keystone Config');
  const question = group(page, loss.questionId);
  await question.getByRole('button', { name: 'Create finding…' }).click();
  await page.getByRole('dialog', { name: 'New finding from this answer' }).getByRole('button', { name: 'Create finding', exact: true }).click();
  const link = question.getByTestId('question-finding');
  await link.waitFor();
  const [created] = (await callApi<FindingView[]>(served, 'finding.list', { vendorId: keystone })).filter((f) => f.questionId === loss.questionId);
  assert.ok(created, 'finding.fromAnswer stored a finding for the question');
  assert.equal(created.createdBy, 'Bo Risk');
  assert.match((await link.textContent()) ?? '', new RegExp(`Finding: ${escapeRegExp(created.title.slice(0, 40))}.* · Open`));
  assert.equal(await question.getByRole('button', { name: 'Create finding' }).count(), 0, 'one finding per answer');

  // The link leads to the Findings tab, where the finding is listed with its prefilled title.
  await link.click();
  const table = page.getByRole('table', { name: 'Findings' });
  const row = table.getByRole('row').filter({ hasText: created.title });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /Open/);
  const overdueRow = table.getByRole('row').filter({ hasText: 'Backups not restored' });
  assert.match((await overdueRow.textContent()) ?? '', /Overdue/);
  assert.equal(await overdueRow.getAttribute('class'), 'is-overdue');

  // Accept the risk: justification and expiry are required; the name is prefilled.
  await row.getByRole('button', { name: `Accept risk: ${created.title}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Accept risk' });
  assert.equal(await dialog.getByLabel('Accepted by').inputValue(), 'Bo Risk');
  await dialog.getByRole('button', { name: 'Accept risk' }).click();
  await dialog.getByText(/Justification say why the risk is accepted/).waitFor();
  await dialog.getByLabel('Justification').fill('Compensating control: config changes are reviewed by two people.');
  await dialog.getByLabel('Accepted until').fill(inDays(90));
  await dialog.getByRole('button', { name: 'Accept risk' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await row.getByText('Accepted', { exact: true }).waitFor();
  await page.getByRole('table', { name: 'Risk acceptances' }).getByRole('row').filter({ hasText: created.title }).getByText('Active').waitFor();
  await screenshot(page, 'lifecycle-findings');

  const stored = (await callApi<FindingView[]>(served, 'finding.list', { vendorId: keystone })).find((f) => f.id === created.id)!;
  assert.equal(stored.status, 'accepted');
  assert.equal(stored.effectiveStatus, 'accepted');
  assert.equal(stored.acceptance?.acceptedBy, 'Bo Risk');
  assert.equal(stored.acceptance?.expiresOn, inDays(90));

  // Revoked, it is open again.
  await row.getByRole('button', { name: `Revoke acceptance: ${created.title}` }).click();
  await page.getByRole('dialog', { name: 'Revoke acceptance' }).getByRole('button', { name: 'Revoke acceptance' }).click();
  await page.getByRole('table', { name: 'Risk acceptances' }).getByRole('row').filter({ hasText: created.title }).getByText(/^Revoked/).waitFor();
  await row.getByText('Open', { exact: true }).waitFor();
  const revoked = (await callApi<FindingView[]>(served, 'finding.list', { vendorId: keystone })).find((f) => f.id === created.id)!;
  assert.equal(revoked.effectiveStatus, 'open');

  // Edit: only what changed is sent; the overdue finding in progress with a later date is no longer overdue.
  await overdueRow.getByRole('button', { name: 'Edit Backups not restored in a test this year' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit finding' });
  await edit.getByLabel('Status').selectOption({ label: 'In progress' });
  await edit.getByLabel('Due date').fill(inDays(20));
  await edit.getByLabel('Remediation').fill('Restore last night’s backup into a scratch project.');
  await edit.getByRole('button', { name: 'Save finding' }).click();
  await edit.waitFor({ state: 'hidden' });
  await overdueRow.getByText('In progress', { exact: true }).waitFor();
  assert.doesNotMatch((await overdueRow.textContent()) ?? '', /Overdue/);
  const edited = (await callApi<FindingView[]>(served, 'finding.list', { vendorId: keystone })).find((f) => f.title.startsWith('Backups'))!;
  assert.deepEqual([edited.status, edited.dueDate, edited.owner], ['in_progress', inDays(20), 'Platform team']);

  // The whole review's risk, accepted from the same tab.
  await page.getByRole('button', { name: 'Accept the review’s risk' }).click();
  const reviewDialog = page.getByRole('dialog', { name: 'Accept the review’s risk' });
  await reviewDialog.getByLabel('Justification').fill('Replacement planned for Q2; no new data goes to it meanwhile.');
  await reviewDialog.getByLabel('Accepted until').fill(inDays(120));
  await reviewDialog.getByRole('button', { name: 'Accept risk' }).click();
  await reviewDialog.waitFor({ state: 'hidden' });
  await page.getByRole('table', { name: 'Risk acceptances' }).getByRole('row').filter({ hasText: 'Whole review' }).getByText('Active').waitFor();

  // Delete asks first.
  await overdueRow.getByRole('button', { name: 'Delete Backups not restored in a test this year' }).click();
  await page.getByRole('dialog', { name: 'Delete finding' }).getByRole('button', { name: 'Delete finding' }).click();
  await overdueRow.waitFor({ state: 'detached' });
  assert.equal((await callApi<FindingView[]>(served, 'finding.list', { vendorId: keystone })).length, 1);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('the audit trail names who changed an answer, pages back, and exports as CSV', async () => {
  const served = await startServe({ demo: true });
  await callApi(served, 'settings.update', { userName: 'Casey Auditor' });
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres' }).waitFor();
  await openProvider(page, 'Tidewater Postgres');
  const notice = page.getByRole('spinbutton', { name: q('mnt_notice_hours').text });
  const before = await notice.inputValue();
  await notice.fill('168');
  await notice.blur();
  await waitSaved(page);

  await page.getByRole('navigation', { name: 'Provider views' }).getByRole('link', { name: 'History' }).click();
  const trail = page.getByRole('list', { name: 'Audit trail entries' });
  const newest = trail.getByTestId('audit-row').first();
  await newest.waitFor();
  const text = (await newest.textContent()) ?? '';
  assert.match(text, /Casey Auditor/);
  assert.match(text, /Answer changed/);
  assert.ok(text.includes(q('mnt_notice_hours').text), 'the row names the question');
  assert.match(text, new RegExp(`value:\\s*${before}\\s*→\\s*to\\s*168`));

  await trail.scrollIntoViewIfNeeded();
  await screenshot(page, 'lifecycle-audit-trail');

  // The demo's answers make more than one page: "Show older" appends the next.
  const firstPage = await trail.getByTestId('audit-row').count();
  assert.equal(firstPage, 50);
  await page.getByRole('button', { name: 'Show older' }).click();
  await trail.getByTestId('audit-row').nth(firstPage).waitFor();
  assert.ok((await trail.getByTestId('audit-row').count()) > firstPage);

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Export audit trail (CSV)' }).click(),
  ]);
  const file = path.join(SCREENSHOTS, '..', 'audit-trail.csv');
  await download.saveAs(file);
  const csv = fs.readFileSync(file, 'utf8');
  assert.match(csv, /Casey Auditor/);
  assert.match(csv, /mnt_notice_hours/);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('a review decided in another window: the next save is refused and the page turns read-only', async () => {
  const served = await startServe({ demo: true });
  await callApi(served, 'settings.update', { userName: 'Dee Elsewhere' });
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'StatusHarbor' }).waitFor();
  await openProvider(page, 'StatusHarbor');
  const statusHarbor = await vendorId(served, 'StatusHarbor');
  const current = (await callApi<ReviewDetail>(served, 'review.current', { vendorId: statusHarbor }))!;
  await callApi(served, 'review.transition', { reviewId: current.review.id, to: 'in_review' });
  await callApi(served, 'review.transition', { reviewId: current.review.id, to: 'rejected', note: 'Decided in the other window.' });

  const notice = page.getByRole('spinbutton', { name: q('mnt_notice_hours').text });
  const stored = current.answers.find((a) => a.questionId === 'mnt_notice_hours')!.value;
  await notice.fill('1');
  await notice.blur();
  await page.getByRole('region', { name: 'Decided review' }).getByText(/^Rejected by Dee Elsewhere on .+ — answers are frozen\.$/).waitFor();
  await page.getByRole('alert').filter({ hasText: /was decided elsewhere, so 1 answer could not be saved/ }).waitFor();
  assert.equal(await notice.inputValue(), String(stored), 'the page shows the frozen answer again');
  assert.ok(await notice.isDisabled());
  const after = (await callApi<ReviewDetail>(served, 'review.current', { vendorId: statusHarbor }))!;
  assert.equal(after.answers.find((a) => a.questionId === 'mnt_notice_hours')!.value, stored, 'the decided review kept its answer');
  // Nothing is left to save: leaving the page does not ask.
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid="save-status"]')?.textContent ?? ''), '');
  assert.deepEqual(
    problems.filter((p) => !/409|Conflict/i.test(p)),
    [],
    'no console errors or CSP violations beyond the refused save',
  );
});
