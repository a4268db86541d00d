// The whole round trip, as issue #16 asks for its proof: `vetted send` → the page opened from
// file:// in Chromium with every request but its own blocked → eleven answers by keyboard, one of them
// on a question that only shows after an earlier answer, and a comment → "Save answers" (a
// download) → `vetted receive --dry-run` shows the diff and writes nothing → `--accept all` → the
// score changes and the audit trail names the provider as the source and the reviewer as the actor.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { openVetted } from '../../electron/core/vetted';
import { AnswersFile } from '../../shared/domain/vendor-exchange';
import { answersDigest } from '../../shared/exchange/digest';
import { cliRegister } from '../helpers/cli';
import { dumpRegister } from '../helpers/db-dump';
import { chooseOption, completionOf, tabUntil, typeAnswer, typeComment } from '../helpers/vendor-page';
import { launchBrowser, screenshot } from './harness';

const CONTACT = 'Sam Provider <sam@acme.example>';
const REVIEWER = 'Dana Whitfield';
const browser = await launchBrowser();
const { dir, db, ok } = cliRegister('vendor-flow-');

async function setReviewer(): Promise<void> {
  const v = await openVetted(db, { logError: () => {} });
  try {
    const r = await v.api['settings.update']({ userName: REVIEWER });
    assert.ok(r.ok, 'the reviewer name is set');
  } finally {
    v.close();
  }
}

/** The overall score line of `vetted score`, e.g. "Score 100.0 / 100". */
function scoreLine(): string {
  const out = ok('score', 'Acme Cloud');
  const line = out.split('\n').find((l) => /score/i.test(l) && /\d/.test(l));
  assert.ok(line, `vetted score prints a score line:\n${out}`);
  return line;
}

test('send → answer on the page by keyboard, offline → save → receive --dry-run → accept: the score changes, the trail names the provider', async () => {
  ok('vendor', 'add', 'Acme Cloud', '--category', 'hosting');
  await setReviewer();
  // The review holds one answer already, which the provider will change.
  ok('answer', 'Acme Cloud', 'sec_encryption_at_rest', 'no');
  const scoreBefore = scoreLine();

  const pagePath = path.join(dir, 'questionnaire.html');
  ok('send', 'Acme Cloud', '--out', pagePath, '--contact', CONTACT, '--due', '2099-01-15');
  const pageUrl = pathToFileURL(pagePath).href;

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const left: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl || url.startsWith('blob:')) return route.continue();
    left.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    const url = r.url();
    if (url !== pageUrl && !url.startsWith('blob:') && !left.includes(url)) left.push(url);
  });
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') cspErrors.push(m.text());
  });
  await page.goto(pageUrl);
  await page.getByRole('button', { name: 'Save answers' }).waitFor();
  assert.ok(((await page.textContent('body')) ?? '').includes('Acme Cloud'), 'the page names the provider');

  // Keyboard only from here.
  await tabUntil(page, '#respondent');
  await page.keyboard.type(CONTACT);
  const start = await completionOf(page);
  await chooseOption(page, 'sec_encryption_at_rest', 'yes'); // changes the reviewer's "no"
  await chooseOption(page, 'sec_encryption_in_transit', 'yes');
  await chooseOption(page, 'sec_key_management', 'cmk');
  await chooseOption(page, 'sec_secrets_handling', 'vault');
  assert.equal(await page.locator('#question-sec_incident_details').count(), 0, 'the incident details question is hidden until an incident is disclosed');
  await chooseOption(page, 'sec_incident_history', 'disclosed_handled');
  await page.locator('#question-sec_incident_details').waitFor();
  await typeAnswer(page, 'sec_incident_details', 'A phishing incident in 2025; MFA enforced since.'); // the conditional one
  await typeAnswer(page, 'sec_breach_notification_hours', '48');
  await chooseOption(page, 'sec_pentest', 'third_party_shared');
  await typeComment(page, 'sec_pentest', 'Report shared under NDA, March 2026.');
  await chooseOption(page, 'acc_individual_accounts', 'individual');
  await chooseOption(page, 'acc_sso', 'yes');
  await chooseOption(page, 'acc_mfa', 'yes');
  const done = await completionOf(page);
  assert.ok(done.answered >= start.answered + 10, `the completion bar counts the answers (${start.answered} → ${done.answered})`);
  await screenshot(page, 'vendor-flow-page');

  await tabUntil(page, '#save-answers');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const answersPath = path.join(dir, download.suggestedFilename());
  await download.saveAs(answersPath);
  const file = AnswersFile.parse(JSON.parse(fs.readFileSync(answersPath, 'utf8')));
  const { sha256, ...body } = file;
  assert.equal(answersDigest(body), sha256, 'the file states the digest of its content');
  assert.equal(await page.getByTestId('answers-digest').textContent(), sha256, 'the page shows the digest to quote');
  assert.equal(file.answers.length, 11, `eleven answers in the file: ${file.answers.map((a) => a.questionId).join(', ')}`);
  assert.deepEqual(left, [], 'no request left the page');
  assert.deepEqual(cspErrors, [], 'no console or CSP errors on the page');
  await context.close();

  const registerBefore = dumpRegister(db);
  const dry = ok('receive', answersPath, '--dry-run');
  assert.match(dry, /^Dry run: nothing was written\./, dry);
  assert.ok(dry.includes(sha256), `the dry run shows the file's digest:\n${dry}`);
  assert.match(dry, /New \(10\):/, `ten new answers:\n${dry}`);
  assert.match(dry, /Changed \(1\):[\s\S]*sec_encryption_at_rest/, `one changed answer, the reviewer's "no":\n${dry}`);
  assert.ok(dry.includes('sec_incident_details'), `the conditional answer is in the diff:\n${dry}`);
  assert.deepEqual(dumpRegister(db), registerBefore, 'a dry run writes nothing');

  const taken = ok('receive', answersPath, '--accept', 'all');
  assert.match(taken, /Accepted 11 answers/, taken);
  assert.notEqual(scoreLine(), scoreBefore, 'the score changed with the provider\'s answers');

  const audit = ok('history', 'Acme Cloud', '--audit');
  assert.ok(
    audit.includes(`answered by the provider (${CONTACT}), accepted by ${REVIEWER}`),
    `the audit trail names the provider as the source and the reviewer as the actor:\n${audit}`,
  );

  const v = await openVetted(db, { logError: () => {} });
  try {
    const vendor = (await v.api['vendor.list']({})) as { ok: true; value: { id: string }[] };
    const current = await v.api['review.current']({ vendorId: vendor.value[0]!.id });
    assert.ok(current.ok && current.value, 'the provider has an open review');
    const pentest = current.value.answers.find((a) => a.questionId === 'sec_pentest');
    assert.equal(pentest?.providerComment, 'Report shared under NDA, March 2026.', "the provider's comment is kept as theirs");
    assert.equal(pentest?.comment, '', "the reviewer's comment is untouched");
    assert.equal(pentest?.answeredBy?.contact, CONTACT, 'the answer records who answered it');
    assert.equal(pentest?.answeredBy?.fileSha256, sha256, 'and the file it came in');
  } finally {
    v.close();
  }
});
