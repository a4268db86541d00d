// The Templates page in the real renderer, against `vetted serve --demo`: list, preview, import
// (a VSAQ file with an id, a broken file), export, and moving a review to a newer template version.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { GeneratedFile, ReviewDetail } from '../../shared/api';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { REPO_ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { callApi, openApp, screenshot, startServe } from './harness';

const VSAQ_FIXTURE = path.resolve(REPO_ROOT, 'test/fixtures/vsaq/test_template.json');

async function openTemplates(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Templates' }).click();
  await page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
}

test('Templates: list, import a VSAQ file with an id, refuse a broken file, export the built-in template', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);
  await openTemplates(page);
  const list = page.getByRole('list', { name: 'Stored templates' });
  await list.getByRole('heading', { name: /Infrastructure provider review/ }).waitFor();

  // A VSAQ questionnaire needs an id.
  const form = page.getByRole('form', { name: 'Import template' });
  await form.getByLabel('Template file').setInputFiles(VSAQ_FIXTURE);
  await form.getByLabel('Template id (optional)').fill('vsaq-test');
  await form.getByRole('button', { name: 'Import template' }).click();
  await form.getByRole('status').filter({ hasText: /^Added / }).waitFor();
  await list.getByText('(vsaq-test)').waitFor();
  const summaries = await callApi<{ id: string; version: number; name: string; sections: number }[]>(served, 'template.list', {});
  const imported = summaries.find((t) => t.id === 'vsaq-test');
  assert.ok(imported, 'the VSAQ template is stored');
  // Importing selects it: the preview shows its sections.
  const preview = page.getByRole('region', { name: new RegExp(`version ${imported.version}`) });
  await preview.waitFor();
  const stored = await callApi<{ sections: { title: string }[] }>(served, 'template.get', { id: 'vsaq-test' });
  assert.equal(stored.sections.length, imported.sections);
  await preview.getByRole('heading', { name: stored.sections[0]!.title, level: 3 }).waitFor();
  assert.equal(await preview.getByRole('heading', { level: 3 }).count(), imported.sections);
  await screenshot(page, 'templates');

  // A broken file: an error naming where, and nothing changes.
  const before = await callApi<unknown[]>(served, 'template.list', {});
  const rowsBefore = await list.getByRole('row').count();
  const broken = path.join(tempDir('vetted-templates-'), 'broken.json');
  fs.writeFileSync(broken, JSON.stringify({ version: 1, questionnaire: [{ type: 'radiogroup', cond: 'nope' }] }));
  await form.getByLabel('Template file').setInputFiles(broken);
  await form.getByLabel('Template id (optional)').fill('vsaq-broken');
  await form.getByRole('button', { name: 'Import template' }).click();
  const alert = form.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /not imported/);
  assert.match(await alert.innerText(), /\$\./, 'the error names the JSON path');
  await screenshot(page, 'templates-import-error');
  assert.deepEqual(await callApi<unknown[]>(served, 'template.list', {}), before, 'nothing was stored');
  assert.equal(await list.getByRole('row').count(), rowsBefore, 'the list is unchanged');

  // Export the built-in template.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: `Export Infrastructure provider review version ${INFRASTRUCTURE_TEMPLATE.version}`, exact: true }).click(),
  ]);
  const file = path.join(tempDir('vetted-template-export-'), download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string };
  assert.equal(exported.id, 'infrastructure-provider');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('a review on an older template version moves to the newer one and lists the answers left behind', async () => {
  const served = await startServe({ demo: true });
  const vendors = await callApi<{ id: string; name: string }[]>(served, 'vendor.list', {});
  const vendor = vendors.find((v) => v.name === 'Tidewater Postgres');
  assert.ok(vendor);
  const current = await callApi<ReviewDetail>(served, 'review.current', { vendorId: vendor.id });

  // Built-in ids cannot be imported over: a copy of the built-in template under another id, a
  // review on its version 1 with one of Tidewater's answers, then a version 2 without that question.
  const exported = await callApi<GeneratedFile>(served, 'template.export', { id: 'infrastructure-provider' });
  const v2 = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8')) as {
    version: number;
    sections: { questions: { id: string }[] }[];
  };
  v2.version = 1;
  const text = JSON.stringify(v2);
  const answer = current.answers.find(
    (a) => !text.includes(`"q":"${a.questionId}"`) && v2.sections.some((s) => s.questions.length > 1 && s.questions.some((q) => q.id === a.questionId)),
  );
  assert.ok(answer, 'an answered question nothing depends on');
  const dropped = answer.questionId;
  await callApi(served, 'template.import', { text, id: 'infra-copy' });
  const copyVendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Copycat DB', category: 'other' });
  const started = await callApi<ReviewDetail>(served, 'review.start', { vendorId: copyVendor.id, templateId: 'infra-copy' });
  await callApi(served, 'answer.save', { reviewId: started.review.id, questionId: dropped, value: answer.value });
  v2.version = 2;
  for (const s of v2.sections) s.questions = s.questions.filter((q) => q.id !== dropped);
  await callApi(served, 'template.import', { text: JSON.stringify(v2), id: 'infra-copy' });

  const { page, problems } = await openApp(served, { path: `#/vendor/${encodeURIComponent(copyVendor.id)}` });
  await page.getByRole('heading', { name: 'Copycat DB', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Move to version 2' }).click();
  const result = page.getByRole('region', { name: 'Template version change' });
  await result.getByText(/Moved to version 2/).waitFor();
  const left = result.getByRole('list', { name: 'Answers not carried over' });
  assert.match(await left.innerText(), new RegExp(dropped.replace(/\./g, '\\.')));
  assert.equal(await page.getByRole('button', { name: /Move to version/ }).count(), 0, 'no newer version any more');
  await page.getByTestId('review-meta').getByText(/v2/).waitFor();
  await screenshot(page, 'templates-migrated');
  await result.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await result.count(), 0);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});

test('re-importing an edited VSAQ file stores the next version and shows what changed; a version not above the latest is refused', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);
  await openTemplates(page);
  const form = page.getByRole('form', { name: 'Import template' });
  const importFile = async (file: string, version = '') => {
    await form.getByLabel('Template file').setInputFiles(file);
    await form.getByLabel('Template id (optional)').fill('vsaq-edit');
    await form.getByLabel('Version (optional)').fill(version);
    await form.getByRole('button', { name: 'Import template' }).click();
  };
  await importFile(VSAQ_FIXTURE);
  await form.getByRole('status').filter({ hasText: /^Added My questionnaire version 1 / }).waitFor();
  assert.equal(await form.getByRole('list', { name: /^Changes from/ }).count(), 0, 'no changes listed for a new template');

  // The same file, edited: a question's wording and the warning's severity. It still says version 1.
  const dir = tempDir('vetted-template-edit-');
  const original = fs.readFileSync(VSAQ_FIXTURE, 'utf8');
  const edited = path.join(dir, 'test_template.json');
  fs.writeFileSync(edited, original.replace('Click me to trigger a warning.', 'Tick to trigger a warning.').replace('"severity": "critical"', '"severity": "high"'));
  await importFile(edited);
  const status = form.getByRole('status');
  await status.filter({ hasText: /^Added My questionnaire version 2 / }).waitFor();
  const changes = form.getByRole('list', { name: 'Changes from version 1' });
  assert.deepEqual(await changes.getByRole('listitem').allInnerTexts(), ['1 question changed: data_warning (text)', '1 risk flag changed: data_tip (severity)']);
  assert.match(await status.innerText(), /Reviews already started keep their version: open the provider and choose “Move to version 2” \(or run vetted review migrate VENDOR\)/);
  await page.getByRole('list', { name: 'Stored templates' }).getByText('(vsaq-edit)').waitFor();
  const versions = async () =>
    (await callApi<{ id: string; version: number }[]>(served, 'template.list', {})).filter((t) => t.id === 'vsaq-edit').map((t) => t.version).sort((a, b) => a - b);
  assert.deepEqual(await versions(), [1, 2]);
  await status.scrollIntoViewIfNeeded();
  await screenshot(page, 'templates-reimport-changes');

  // A version that is not above the latest: refused, naming the version, nothing stored.
  const third = path.join(dir, 'third.json');
  fs.writeFileSync(third, original.replace('Click me to trigger a warning.', 'Third wording.'));
  await importFile(third, '2');
  const alert = form.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /version: must be above 2/);
  assert.deepEqual(await versions(), [1, 2], 'nothing was stored');
  await importFile(third, '5');
  await status.filter({ hasText: /^Added My questionnaire version 5 / }).waitFor();
  await form.getByRole('list', { name: 'Changes from version 2' }).getByText('1 question changed: data_warning (text)').waitFor();
  assert.deepEqual(await versions(), [1, 2, 5]);
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
