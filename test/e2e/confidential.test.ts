// Confidential data in the real renderer against `vetted serve`: a comment marked confidential
// before it is typed is never sent (or stored) in plain text, comes back after a reload, and is
// shown as locked — with the reason — when serve runs with a wrong key, while values still save;
// confidential evidence is marked, and cannot be copied out while locked; Settings says where the
// key is and what to do.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ReviewDetail } from '../../shared/api';
import { questionIndex } from '../../shared/domain/template';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';
import { tempDir } from '../helpers/tmp';
import { callApi, openApp, screenshot, startServe, type Served } from './harness';

const questions = questionIndex(INFRASTRUCTURE_TEMPLATE);
const q = (id: string) => questions.get(id)!.question;
const option = (id: string, optionId: string) => q(id).options!.find((o) => o.id === optionId)!.label;
const group = (page: Page, id: string) => page.getByRole('group', { name: q(id).text, exact: true });

const SECRET = 'Pentest 2026 found an unauthenticated admin endpoint on port 8443';
const PLAIN = 'Asked for the TLS configuration on 3 March';
const EVIDENCE_MARKER = 'LEDGERLINE-PENTEST-FINDINGS-7731';
const EVIDENCE_NOTES = 'Shared under NDA by their CISO';

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

async function questionSaved(page: Page, id: string): Promise<void> {
  await group(page, id).getByTestId('question-save-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 10_000 });
}

/** The register's bytes on disk: the database and its write-ahead log. */
function registerBytes(served: Served): Buffer {
  return Buffer.concat([served.dbPath, `${served.dbPath}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

const has = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, 'utf8'));

test('confidential: a comment and a file are stored encrypted, shown after a reload, locked with a wrong key (values still save), and Settings says where the key is', async () => {
  const keys = tempDir('vetted-keys-');
  const keyFile = path.join(keys, 'register.key');
  const served = await startServe({ env: { VETTED_KEY_FILE: keyFile } });
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Ledgerline Storage', category: 'database' });
  await callApi<ReviewDetail>(served, 'review.start', { vendorId: vendor.id });
  const { page, problems } = await openApp(served);
  const saves: { comment?: string; confidential?: boolean }[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/answer.save')) saves.push(JSON.parse(request.postData() ?? '{}') as (typeof saves)[number]);
  });
  await go(page, `#/vendor/${vendor.id}`);
  await page.getByRole('heading', { name: 'Ledgerline Storage' }).waitFor();

  // Confidential ticked before typing: every save of the text carries the mark.
  const atRest = group(page, 'sec_encryption_at_rest');
  await atRest.getByRole('button', { name: 'Add comment' }).click();
  await atRest.getByRole('checkbox', { name: 'Confidential' }).check();
  await questionSaved(page, 'sec_encryption_at_rest');
  const secretBox = atRest.getByRole('textbox', { name: `Comment: ${q('sec_encryption_at_rest').text} (confidential)`, exact: true });
  await secretBox.pressSequentially(SECRET.slice(0, 20));
  await secretBox.fill(SECRET);
  await secretBox.blur();
  await questionSaved(page, 'sec_encryption_at_rest');
  const withText = saves.filter((s) => typeof s.comment === 'string' && s.comment !== '');
  assert.ok(withText.length > 0, 'the comment was sent');
  assert.deepEqual(
    withText.filter((s) => s.confidential !== true),
    [],
    'no save sent the comment without the confidential mark',
  );

  // A plain comment beside it: the bytes check below can find text that is stored in the clear.
  const inTransit = group(page, 'sec_encryption_in_transit');
  await inTransit.getByRole('button', { name: 'Add comment' }).click();
  await inTransit.getByRole('textbox', { name: `Comment: ${q('sec_encryption_in_transit').text}`, exact: true }).fill(PLAIN);
  await inTransit.getByRole('textbox', { name: `Comment: ${q('sec_encryption_in_transit').text}`, exact: true }).blur();
  await questionSaved(page, 'sec_encryption_in_transit');
  await atRest.scrollIntoViewIfNeeded();
  await screenshot(page, 'confidential-comment');

  // Reload: the text is back, marked.
  await page.reload();
  await page.getByRole('heading', { name: 'Ledgerline Storage' }).waitFor();
  assert.equal(await group(page, 'sec_encryption_at_rest').getByRole('textbox', { name: `Comment: ${q('sec_encryption_at_rest').text}` }).inputValue(), SECRET);
  assert.ok(await group(page, 'sec_encryption_at_rest').getByRole('checkbox', { name: 'Confidential' }).isChecked());
  assert.ok(await group(page, 'sec_encryption_at_rest').evaluate((el) => el.classList.contains('has-confidential')), 'the question is marked');

  // Evidence attached as confidential: marked in the list.
  await go(page, `#/vendor/${vendor.id}/evidence`);
  const form = page.getByRole('form', { name: 'Attach evidence' });
  await form.waitFor();
  const fileBytes = Buffer.from(`%PDF-1.4\n% ${EVIDENCE_MARKER}\n%%EOF\n`, 'latin1');
  await form.getByLabel('File').setInputFiles({ name: 'ledgerline-pentest.pdf', mimeType: 'application/pdf', buffer: fileBytes });
  await form.getByLabel('Kind').selectOption({ index: 0 });
  await form.getByLabel('Title (optional)').fill('Penetration test 2026');
  await form.getByLabel('Notes').fill(EVIDENCE_NOTES);
  await form.getByRole('checkbox', { name: 'Confidential (stored encrypted)' }).check();
  await form.getByRole('button', { name: 'Attach evidence' }).click();
  await form.getByRole('status').filter({ hasText: 'Attached “Penetration test 2026”.' }).waitFor();
  assert.equal(await form.getByRole('checkbox', { name: 'Confidential (stored encrypted)' }).isChecked(), false, 'the next file starts unticked');
  const item = page.getByTestId('evidence-item').filter({ has: page.getByRole('heading', { name: 'Penetration test 2026' }) });
  await item.getByTestId('evidence-confidential').waitFor();
  await item.getByText(EVIDENCE_NOTES).waitFor();
  assert.equal(await item.getByRole('button', { name: 'Save a copy' }).isEnabled(), true, 'with the key, a copy can be saved');
  await screenshot(page, 'confidential-evidence');

  // On disk: the plain comment is there to find, the confidential texts and file are not.
  const onDisk = registerBytes(served);
  assert.ok(has(onDisk, PLAIN), 'a plain comment is found in the register bytes (the check can see text)');
  assert.equal(has(onDisk, SECRET), false, 'the confidential comment is not in the register in plain text');
  assert.equal(has(onDisk, EVIDENCE_MARKER), false, 'the confidential file is not in the register in plain text');
  assert.equal(has(onDisk, EVIDENCE_NOTES), false, 'the confidential notes are not in the register in plain text');
  assert.ok(fs.existsSync(keyFile), 'the key was written to VETTED_KEY_FILE');

  // Settings: where the key is, unlocked.
  await go(page, '#/settings');
  const section = page.getByTestId('confidential-settings');
  await section.getByTestId('key-state').filter({ hasText: /^Unlocked/ }).waitFor();
  assert.equal(await section.getByTestId('key-file-path').textContent(), keyFile);
  await section.getByText('The key is never stored in the register').waitFor();
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'confidential-settings');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
  await page.context().close();
  await served.stop();

  // The same register with a wrong key: locked, with the reason.
  const wrongKey = path.join(keys, 'other.key');
  fs.writeFileSync(wrongKey, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
  const locked = await startServe({ dbPath: served.dbPath, env: { VETTED_KEY_FILE: wrongKey } });
  const second = await openApp(locked);
  const lockedPage = second.page;
  await go(lockedPage, `#/vendor/${vendor.id}`);
  await lockedPage.getByRole('heading', { name: 'Ledgerline Storage' }).waitFor();
  const lockedNote = group(lockedPage, 'sec_encryption_at_rest').getByTestId('comment-locked');
  await lockedNote.filter({ hasText: 'Confidential — locked:' }).filter({ hasText: 'does not open' }).waitFor();
  assert.equal(await group(lockedPage, 'sec_encryption_at_rest').getByRole('textbox').count(), 0, 'no empty box to type over the sealed comment');
  assert.equal(await group(lockedPage, 'sec_encryption_at_rest').getByRole('checkbox', { name: 'Confidential' }).isDisabled(), true);

  // The value still saves, and the sealed comment stays as it was.
  await group(lockedPage, 'sec_encryption_at_rest').getByRole('radio', { name: option('sec_encryption_at_rest', 'yes') }).check();
  await questionSaved(lockedPage, 'sec_encryption_at_rest');
  const current = await callApi<ReviewDetail>(locked, 'review.current', { vendorId: vendor.id });
  const stored = current.answers.find((a) => a.questionId === 'sec_encryption_at_rest')!;
  assert.equal(stored.value, 'yes');
  assert.equal(stored.locked, true);
  assert.equal(stored.confidential, true);
  await group(lockedPage, 'sec_encryption_at_rest').scrollIntoViewIfNeeded();
  await screenshot(lockedPage, 'confidential-comment-locked');

  // Marking a plain comment confidential needs the key: refused in place, the text kept.
  const plainGroup = group(lockedPage, 'sec_encryption_in_transit');
  await plainGroup.getByRole('checkbox', { name: 'Confidential' }).check();
  const refusal = plainGroup.getByRole('alert');
  await refusal.filter({ hasText: 'locked' }).waitFor();
  assert.match((await refusal.textContent()) ?? '', /What you typed is kept here/);
  assert.equal(await plainGroup.getByRole('textbox', { name: `Comment: ${q('sec_encryption_in_transit').text}` }).inputValue(), PLAIN);

  // The confidential file: marked locked, no copy.
  await go(lockedPage, `#/vendor/${vendor.id}/evidence`);
  const lockedItem = lockedPage.getByTestId('evidence-item').filter({ has: lockedPage.getByRole('heading', { name: 'Penetration test 2026' }) });
  await lockedItem.getByTestId('evidence-locked').filter({ hasText: 'Confidential — locked:' }).waitFor();
  assert.equal(await lockedItem.getByRole('button', { name: 'Save a copy' }).isDisabled(), true, 'Save a copy is disabled while locked');
  await lockedItem.getByTestId('save-copy-reason').waitFor();
  assert.equal(await lockedItem.getByText(EVIDENCE_NOTES).count(), 0);
  await screenshot(lockedPage, 'confidential-evidence-locked');

  // Settings: locked, why, and what to do.
  await go(lockedPage, '#/settings');
  const lockedSection = lockedPage.getByTestId('confidential-settings');
  await lockedSection.getByTestId('key-state').filter({ hasText: /^Locked/ }).waitFor();
  assert.equal(await lockedSection.getByTestId('key-file-path').textContent(), wrongKey);
  await lockedSection.getByTestId('key-problem').filter({ hasText: 'VETTED_KEY_FILE' }).waitFor();
  await lockedSection.scrollIntoViewIfNeeded();
  await screenshot(lockedPage, 'confidential-settings-locked');
  await second.context.close();
  await locked.stop();

  // The right key again: the comment saved while locked kept its sealed text.
  const back = await startServe({ dbPath: served.dbPath, env: { VETTED_KEY_FILE: keyFile } });
  const reopened = await callApi<ReviewDetail>(back, 'review.current', { vendorId: vendor.id });
  const answer = reopened.answers.find((a) => a.questionId === 'sec_encryption_at_rest')!;
  assert.equal(answer.comment, SECRET);
  assert.equal(answer.value, 'yes');
});
