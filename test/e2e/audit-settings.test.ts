// Settings in the real renderer against `vetted serve`: the audit trail's line says the chain is
// intact with its head, and after a row is edited behind the app's back "Check now" names it;
// separation of duties is a checkbox saved with the settings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import type { AuditChainCheck } from '../../shared/domain/audit';
import type { Settings } from '../../shared/domain/settings';
import { callApi, openApp, screenshot, startServe } from './harness';

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

test('settings: the audit trail verifies with its chain head, a tampered row is named on "Check now"; separation of duties is saved', async () => {
  const served = await startServe({ demo: true });
  const intact = await callApi<AuditChainCheck>(served, 'audit.verify', {});
  assert.ok(intact.ok && intact.head, 'the demo register verifies');
  const { page, problems } = await openApp(served);
  await go(page, '#/settings');
  const section = page.getByTestId('audit-trail-settings');
  const line = section.getByTestId('audit-chain');
  await line.filter({ hasText: 'chain intact' }).waitFor();
  assert.equal(
    await line.textContent(),
    `Audit trail: ${intact.rows} entries, chain intact, head ${intact.head.hash.slice(0, 12)}…`,
    'the line names the entries and the first 12 hex of the chain head',
  );
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-audit-trail');

  // Someone with the file and an SQLite shell edits an entry, hiding their tracks.
  const raw = new Database(served.dbPath);
  const target = 7;
  const trigger = (raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").get() as { sql: string }).sql;
  raw.exec('DROP TRIGGER audit_log_no_update');
  raw.prepare("UPDATE audit_log SET actor = 'Someone Else' WHERE id = ?").run(target);
  raw.exec(trigger);
  raw.close();
  await section.getByRole('button', { name: 'Check now' }).click();
  await line.filter({ hasText: 'BROKEN' }).waitFor();
  assert.match((await line.textContent()) ?? '', new RegExp(`chain BROKEN at entry ${target} \\(.*its content was changed after it was written`));
  assert.equal(await line.getAttribute('role'), 'alert', 'a broken chain is announced');
  await screenshot(page, 'settings-audit-trail-broken');

  // Separation of duties: off by default, ticked and saved with the settings.
  const form = page.getByRole('form', { name: 'Settings' });
  const duties = form.getByRole('checkbox', { name: /Separation of duties: the person who submits a review cannot approve it/ });
  assert.equal(await duties.isChecked(), false, 'off by default');
  await duties.check();
  await form.getByLabel('Your name').fill('Ana Auditor');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await page.getByTestId('settings-save-status').filter({ hasText: 'Saved' }).waitFor();
  const saved = await callApi<Settings>(served, 'settings.get', {});
  assert.deepEqual([saved.separationOfDuties, saved.userName], [true, 'Ana Auditor'], 'the setting is stored');
  await duties.scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-separation-of-duties');

  // The submitter then tries to approve: the dialog names the rule, and nothing is decided.
  const vendor = (await callApi<{ id: string; name: string; state: string }[]>(served, 'vendor.list', {})).find((v) => v.state === 'scored')!;
  await go(page, `#/vendor/${vendor.id}`);
  const workflow = page.getByRole('region', { name: 'Review workflow' });
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await workflow.getByTestId('review-status').filter({ hasText: 'In review' }).waitFor();
  await workflow.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve' });
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await dialog
    .getByRole('alert')
    .filter({ hasText: 'Separation of duties is on (Settings): Ana Auditor submitted this review for approval and cannot approve it' })
    .waitFor();
  await screenshot(page, 'separation-of-duties-refused');
  assert.deepEqual(problems, []);
});
