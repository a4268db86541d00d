// An imported VSAQ questionnaire used for a review end to end, in the real renderer against
// `vetted serve --demo`: import the file on the Templates page, add a provider on it, answer a
// follow-up that raises a risk flag, see the flag and "Create finding" on that answer (not on the
// parent answer the flag's condition also reads), and export the report, read back with pdftotext.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Template } from '../../shared/domain/template';
import { REPO_ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { callApi, openApp, screenshot, SCREENSHOTS, startServe } from './harness';

const WEBAPP = path.resolve(REPO_ROOT, 'test/fixtures/vsaq/webapp.json');
const FLAG = 'Application does not support changing the password';

test('a VSAQ questionnaire end to end: import, review on it, a flag on the answer that raises it, Create finding there, the report', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);

  // 1. Import Google's web application questionnaire on the Templates page.
  await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Templates' }).click();
  const form = page.getByRole('form', { name: 'Import template' });
  await form.getByLabel('Template file').setInputFiles(WEBAPP);
  await form.getByLabel('Template id (optional)').fill('webapp');
  await form.getByRole('button', { name: 'Import template' }).click();
  await form.getByRole('status').filter({ hasText: /^Added / }).waitFor();
  const template = await callApi<Template>(served, 'template.get', { id: 'webapp' });
  const question = (id: string) => template.sections.flatMap((s) => s.questions).find((q) => q.id === id)!;
  const label = (q: string, o: string) => question(q).options!.find((x) => x.id === o)!.label;

  // 2. Add a provider on it: the questionnaire is chosen in the Add provider dialog.
  await page.evaluate(() => (location.hash = '#/'));
  await page.getByRole('heading', { name: 'Providers', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Add provider' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add provider' });
  await dialog.getByLabel('Name', { exact: true }).fill('Quillpost Mail');
  await dialog.getByRole('combobox', { name: 'Questionnaire' }).selectOption('webapp');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { name: 'Quillpost Mail', level: 1 }).waitFor();

  // 3. Answer the way in: the application has logins, some with passwords, and they cannot be changed.
  const group = (id: string) => page.getByRole('group', { name: question(id).text, exact: true });
  const saved = () => page.getByTestId('save-status').filter({ hasText: /^Saved/ }).waitFor({ timeout: 10_000 });
  await group('block_authn_authz.q1').getByRole('checkbox', { name: label('block_authn_authz.q1', 'application_authentication_requires_login') }).check();
  await saved();
  await group('application_custom_auth').getByRole('radio', { name: label('application_custom_auth', 'application_custom_auth_yes'), exact: true }).check();
  await saved();
  const chpasswd = group('application_custom_auth_chpasswd');
  await chpasswd.getByRole('radio', { name: 'No', exact: true }).check();
  await saved();

  // 4. The flag is on the answer that raises it ("No"), not on the parent ("Yes") its condition reads too.
  const losses = chpasswd.getByTestId('question-losses');
  await losses.getByText(FLAG).waitFor();
  assert.match(await losses.innerText(), /Risk flag Application does not support changing the password · −\d+\.\d points/);
  const parent = group('application_custom_auth');
  assert.equal(await parent.getByTestId('question-losses').count(), 0, 'the parent answer shows no loss');
  assert.equal(await parent.getByRole('button', { name: 'Create finding' }).count(), 0, 'no Create finding on the parent answer');
  // Questions that only feed flags say so.
  await chpasswd.getByText('Scored through risk flags').waitFor();
  const vendorId = (await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {})).find((v) => v.name === 'Quillpost Mail')!.id;
  const review = await callApi<{ review: { id: string; templateId: string } }>(served, 'review.current', { vendorId });
  assert.equal(review.review.templateId, 'webapp', 'the review runs on the imported questionnaire');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await chpasswd.scrollIntoViewIfNeeded();
  await chpasswd.screenshot({ path: path.join(SCREENSHOTS, 'vsaq-flag-on-answer.png') });

  // 5. Create finding on that answer.
  await chpasswd.getByRole('button', { name: 'Create finding…' }).click();
  await page.getByRole('dialog', { name: 'New finding from this answer' }).getByRole('button', { name: 'Create finding', exact: true }).click();
  await chpasswd.getByTestId('question-finding').waitFor();
  await screenshot(page, 'vsaq-review');
  const findings = await callApi<{ questionId: string | null; title: string; severity: string }[]>(served, 'finding.list', { vendorId });
  const finding = findings.find((f) => f.questionId === 'application_custom_auth_chpasswd');
  assert.ok(finding, `a finding on the answer that raised the flag: ${JSON.stringify(findings)}`);

  // 6. The report (a draft: nothing is decided) prints the flag on that answer.
  await page.getByRole('button', { name: 'Export PDF…', exact: true }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export the review report' });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    exportDialog.getByRole('button', { name: 'Export PDF' }).click(),
  ]);
  const file = path.join(tempDir('vetted-vsaq-'), download.suggestedFilename());
  await download.saveAs(file);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /DRAFT/, 'a draft report says so');
  assert.ok(text.includes(`raises the risk flag “${FLAG}”`), 'the flag is printed on the answer that raises it');
  assert.ok(text.includes('Scored through risk flags'), 'questions that only feed flags say so');
  assert.ok(text.includes('Vetted scoring model 2'), 'the report names the scoring model');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '3', file, path.join(SCREENSHOTS, 'vsaq-report')]);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
