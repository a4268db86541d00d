// The provider's questionnaire page as the provider meets it: one HTML file opened from file://
// in Chromium with every request blocked, filled in by keyboard only, kept in the browser across a
// reload, saved as an answers file (checked with the service's own schema and digest), loaded
// again in a fresh browser, and scanned with axe-core. Needs `npm run build:renderer` first.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { composeQuestionnairePage } from '../../electron/core/questionnaire-page';
import { AnswersFile } from '../../shared/domain/vendor-exchange';
import { parseAnswersText } from '../../shared/exchange/answers-file';
import { answersDigest } from '../../shared/exchange/digest';
import { graveAxeViolations } from '../helpers/axe';
import { launchBrowser, screenshot } from './harness';
import { chooseOption, completionOf, tabUntil, typeAnswer, typeComment, vendorPageRequest } from '../helpers/vendor-page';
import { tempDir } from '../helpers/tmp';

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Requests other than the page's own file and the Blob URLs it makes: there must be none. */
  blocked: string[];
  /** Console errors, page errors and CSP violations. */
  problems: string[];
}

const request = vendorPageRequest();
// Launched here, at the top level: the harness closes it in an after() hook of the file's root.
const browser = await launchBrowser();
// Made at the top level too: the helper removes it in an after() hook of the file's root.
const dir = tempDir('vendor-page-');
let pageUrl: string;
let prefilledUrl: string;

async function openPage(url = pageUrl, options: { storageRefused?: boolean } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  if (options.storageRefused) {
    // As a browser that refuses storage to file:// pages does (init scripts are not subject to the CSP).
    await context.addInitScript(() => {
      Object.defineProperty(window, 'sessionStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
  }
  const blocked: string[] = [];
  const problems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl || url === prefilledUrl || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  // Listening from the start turns on Playwright's file-chooser interception before any key press
  // (enabled only when waiting for the event, it may come after the chooser already opened).
  page.on('filechooser', () => undefined);
  page.on('request', (r) => {
    const url = r.url();
    if (url !== pageUrl && url !== prefilledUrl && !url.startsWith('blob:') && !blocked.includes(url)) blocked.push(url);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(url);
  await page.getByRole('button', { name: 'Save answers' }).waitFor();
  return { context, page, blocked, problems };
}

async function checked(page: Page, questionId: string, optionId: string): Promise<boolean> {
  return page.locator(`#q-${questionId}-opt-${optionId}`).isChecked();
}

describe('the provider questionnaire page, from file:// with the network blocked', () => {
  let first: Opened;
  let savedPath: string;
  let savedFile: AnswersFile;

  before(async () => {
    const file = path.join(dir, 'questionnaire.html');
    fs.writeFileSync(file, composeQuestionnairePage(request));
    pageUrl = pathToFileURL(file).href;
    const prefilledFile = path.join(dir, 'prefilled.html');
    fs.writeFileSync(
      prefilledFile,
      composeQuestionnairePage(
        vendorPageRequest({
          prefill: [
            { questionId: 'sec_encryption_at_rest', value: 'yes', na: false, comment: 'AES-256, backups included.' },
            { questionId: 'acc_sso', value: 'no', na: false, comment: '' },
          ],
          prefilledFrom: { date: '2025-11-03' },
        }),
      ),
    );
    prefilledUrl = pathToFileURL(prefilledFile).href;
    first = await openPage();
  });
  after(async () => {
    await first?.context.close();
  });

  it('shows who asks, for whom and by when, with nothing answered yet', async () => {
    const { page } = first;
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Acme Cloud GmbH' }).waitFor(), 'the provider is the page heading');
    const header = (await page.locator('header').textContent()) ?? '';
    for (const fact of ['Dana Reviewer', 'Sam Provider <sam@acme.example>', '2027-01-15', 'req-test-0001']) {
      assert.ok(header.includes(fact), `the header shows ${fact}`);
    }
    assert.equal((await completionOf(page)).answered, 0, 'nothing answered yet');
    assert.equal(await page.locator('#question-sec_key_management').count(), 0, 'the key question is hidden until encryption at rest is answered');
    await screenshot(page, 'vendor-page-top');
  });

  it('is filled in by keyboard: conditions reveal and hide questions, N/A takes its reason, completion follows', async () => {
    const { page } = first;
    const before = await completionOf(page);
    await tabUntil(page, '#respondent');
    await page.keyboard.type('Sam Provider <sam@acme.example>');

    await chooseOption(page, 'sec_encryption_at_rest', 'yes');
    assert.equal(await page.locator('#question-sec_key_management').count(), 1, 'answering "yes" shows the key question');
    const afterOne = await completionOf(page);
    assert.equal(afterOne.answered, 1, 'one answered');
    assert.equal(afterOne.total, before.total + 1, 'the revealed question counts');
    await chooseOption(page, 'sec_encryption_in_transit', 'yes');
    await chooseOption(page, 'sec_key_management', 'cmk');
    await chooseOption(page, 'sec_secrets_handling', 'vault');
    await chooseOption(page, 'sec_vuln_management', 'documented');
    await chooseOption(page, 'sec_certifications', 'iso27001');
    // Answered, then hidden again: the details question disappears and its text is not saved.
    await chooseOption(page, 'sec_incident_history', 'disclosed_handled');
    await typeAnswer(page, 'sec_incident_details', 'A phishing incident in 2025; MFA enforced since.');
    await chooseOption(page, 'sec_incident_history', 'none');
    assert.equal(await page.locator('#question-sec_incident_details').count(), 0, 'the details question is hidden again');
    await typeAnswer(page, 'sec_breach_notification_hours', '72');
    await chooseOption(page, 'sec_pentest', 'third_party_shared');
    await typeComment(page, 'sec_pentest', 'Report shared under NDA, March 2026.');
    await chooseOption(page, 'acc_individual_accounts', 'individual');
    await chooseOption(page, 'acc_sso', 'yes');

    // N/A counts only with its reason.
    await tabUntil(page, '#question-mnt_duration_minutes .q-actions input[type="checkbox"]');
    await page.keyboard.press('Space');
    assert.equal((await completionOf(page)).answered, 11, 'N/A without a reason is not an answer yet');
    await typeComment(page, 'mnt_duration_minutes', 'We do no planned maintenance that disrupts service.');
    const done = await completionOf(page);
    assert.equal(done.answered, 12, 'twelve answered');
    assert.equal(await page.getByTestId('completion-text').textContent(), `12 of ${done.total} answered`);
    assert.equal(await page.locator('progress').getAttribute('value'), '12', 'the progress bar follows');
    await page.locator('#question-sec_pentest').scrollIntoViewIfNeeded();
    await screenshot(page, 'vendor-page-answered');
  });

  it('"Next unanswered" moves the focus to the next open question after the last answered', async () => {
    const { page } = first;
    await tabUntil(page, '#next-unanswered');
    await page.keyboard.press('Enter');
    const focusedQuestion = await page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-question-id]')?.dataset.questionId ?? null);
    assert.equal(focusedQuestion, 'mnt_frequency_per_month', 'the focus is in the next open question');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q-mnt_frequency_per_month-input', 'its field has the focus');
  });

  it('keeps the progress in the browser across a reload', async () => {
    const { page } = first;
    await page.reload();
    await page.getByRole('button', { name: 'Save answers' }).waitFor();
    assert.equal((await completionOf(page)).answered, 12, 'the twelve answers are back');
    assert.ok(await checked(page, 'sec_key_management', 'cmk'), 'the conditional answer is back');
    assert.equal(await page.locator('#q-sec_pentest-comment').inputValue(), 'Report shared under NDA, March 2026.', 'the comment is back');
    assert.equal(await page.getByLabel('Your name and e-mail').inputValue(), 'Sam Provider <sam@acme.example>', 'the respondent is back');
    assert.ok(((await page.locator('.messages').textContent()) ?? '').includes('restored'), 'the page says the progress was restored');
  });

  it('"Save answers" downloads the answers file and shows its SHA-256 to quote', async () => {
    const { page } = first;
    await tabUntil(page, '#save-answers');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.match(download.suggestedFilename(), /^answers-acme-cloud-gmbh-\d{4}-\d{2}-\d{2}\.json$/, 'the file is named for the provider and the day');
    savedPath = path.join(dir, download.suggestedFilename());
    await download.saveAs(savedPath);
    const text = fs.readFileSync(savedPath, 'utf8');
    savedFile = AnswersFile.parse(JSON.parse(text));
    const { sha256, ...body } = savedFile;
    assert.equal(answersDigest(body), sha256, 'the stated digest is the digest of the content');
    const received = parseAnswersText(text);
    assert.equal(received.format, 'vetted', 'the receiving side reads it as a Vetted answers file');
    assert.equal(received.computedSha256, sha256, 'and computes the same digest');
    assert.equal(await page.getByTestId('answers-digest').textContent(), sha256, 'the page shows the same digest');
    assert.equal(savedFile.requestId, request.requestId);
    assert.equal(savedFile.template.hash, request.templateHash);
    assert.equal(savedFile.respondent, 'Sam Provider <sam@acme.example>');
    const byId = new Map(savedFile.answers.map((a) => [a.questionId, a]));
    assert.equal(savedFile.answers.length, 12, 'the twelve shown answers, nothing else');
    assert.ok(!byId.has('sec_incident_details'), 'the answer to the hidden question is not in the file');
    assert.deepEqual(byId.get('sec_certifications')?.value, ['iso27001']);
    assert.equal(byId.get('sec_breach_notification_hours')?.value, 72);
    assert.equal(byId.get('sec_pentest')?.comment, 'Report shared under NDA, March 2026.');
    assert.deepEqual(byId.get('mnt_duration_minutes'), { questionId: 'mnt_duration_minutes', value: null, na: true, comment: 'We do no planned maintenance that disrupts service.' });
    await screenshot(page, 'vendor-page-saved');
  });

  it('passes axe-core with no serious or critical violations', async () => {
    assert.deepEqual(await graveAxeViolations(first.page), [], 'no serious or critical accessibility violations');
  });

  it('in a fresh browser, "Load saved answers" restores the saved file, and refuses another request\'s file', async () => {
    const fresh = await openPage();
    try {
      const { page } = fresh;
      assert.equal((await completionOf(page)).answered, 0, 'a fresh browser starts empty');
      const other = path.join(dir, 'other-request.json');
      fs.writeFileSync(other, JSON.stringify({ ...savedFile, requestId: 'req-someone-else' }));
      await page.getByTestId('load-answers-input').setInputFiles(other);
      await assert.doesNotReject(page.getByText('This answers file is for another questionnaire (request req-someone-else)').waitFor(), 'another request\'s file is refused by name');
      assert.equal((await completionOf(page)).answered, 0, 'nothing was loaded from it');

      await tabUntil(page, '#load-answers');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
      await chooser.setFiles(savedPath);
      await page.waitForFunction(() => document.querySelector('.messages')?.textContent?.includes('Loaded') ?? false);
      assert.equal(await page.locator('.messages').textContent(), `Loaded 12 answers from ${path.basename(savedPath)}.`, 'the page says what it loaded');
      assert.equal((await completionOf(page)).answered, 12, 'the twelve answers are back');
      assert.ok(await checked(page, 'sec_key_management', 'cmk'), 'the conditional answer is back');
      assert.equal(await page.locator('#q-mnt_duration_minutes-comment').inputValue(), 'We do no planned maintenance that disrupts service.', 'the N/A reason is back');
      assert.equal(await page.getByLabel('Your name and e-mail').inputValue(), 'Sam Provider <sam@acme.example>');
      assert.deepEqual(fresh.blocked, [], 'the fresh page made no request');
      assert.deepEqual(fresh.problems, [], 'no errors and no CSP violations on the fresh page');
    } finally {
      await fresh.context.close();
    }
  });

  it('starts a prefilled page filled in and marked, until an answer is changed; says once when progress cannot be kept', async () => {
    const prefilled = await openPage(prefilledUrl, { storageRefused: true });
    try {
      const { page } = prefilled;
      const mark = page.getByText('Already in our review (as of 2025-11-03): confirm or change it');
      assert.equal(await mark.count(), 2, 'both prefilled answers are marked');
      assert.equal((await completionOf(page)).answered, 2, 'prefilled answers count as answered');
      assert.ok(await checked(page, 'sec_encryption_at_rest', 'yes'), 'the prefilled value is chosen');
      assert.equal(await page.locator('#q-sec_encryption_at_rest-comment').inputValue(), 'AES-256, backups included.', 'the earlier comment is there');
      assert.equal(await page.locator('#question-sec_key_management').count(), 1, 'the prefilled answer reveals its conditional question');
      assert.equal(await page.getByText('This browser does not let the page keep your progress').count(), 1, 'the page says once that progress is not kept');
      await screenshot(page, 'vendor-page-prefilled');
      await page.locator('#question-sec_encryption_at_rest').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await screenshot(page, 'vendor-page-prefilled-question');

      await chooseOption(page, 'acc_sso', 'yes');
      assert.equal(await mark.count(), 1, 'the changed answer is no longer marked as an earlier one');
      assert.equal(await page.locator('#question-acc_sso .q-tag-prefill').count(), 0, 'the mark is gone from the changed question');
      assert.deepEqual(await graveAxeViolations(page), [], 'no serious or critical accessibility violations with the marks and the warning');

      await tabUntil(page, '#save-answers');
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      const file = AnswersFile.parse(JSON.parse(fs.readFileSync(await download.path(), 'utf8')));
      assert.deepEqual(
        file.answers.map((a) => [a.questionId, a.value]),
        [
          ['sec_encryption_at_rest', 'yes'],
          ['acc_sso', 'yes'],
        ],
        'the file holds the kept earlier answer and the changed one',
      );
      assert.deepEqual(prefilled.blocked, [], 'the prefilled page made no request');
      assert.deepEqual(prefilled.problems, [], 'no errors on the prefilled page, even with storage refused');
    } finally {
      await prefilled.context.close();
    }
  });

  it('made no request at all and met no CSP violation', () => {
    assert.deepEqual(first.blocked, [], 'no request left the page');
    assert.deepEqual(first.problems, [], 'no console errors, page errors or CSP violations');
  });
});
