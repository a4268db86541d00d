// Settings → Confidential data on a team register (issue 22): a reviewer who just joined sees the
// owner's confidential comment locked and why; "Publish my member key and share" publishes her key;
// once the owner shares the data key with her she reads it, and the members' table says who holds
// the current key. Real serve, real Chromium, a real PostgreSQL. Needs the renderer built.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { keyFileSource } from '../../electron/core/crypto/key-sources';
import { shareTeamKey } from '../../electron/core/services/team-keys';
import { openVetted } from '../../electron/core/vetted';
import { freshDatabase, teamMemberUrl } from '../helpers/postgres';
import { tempDir } from '../helpers/tmp';
import { unwrap } from '../helpers/vetted';
import { callApi, openApp, screenshot, startServe } from './harness';

const SECRET = 'Tidewater pentest: replica credentials in a public bucket (SEC-77)';

async function openConfidentialSettings(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.getByTestId('confidential-settings').getByTestId('key-state').waitFor();
  await page.getByTestId('team-key').waitFor();
  await page.getByTestId('confidential-settings').scrollIntoViewIfNeeded();
}

test('a new member publishes her key from Settings, and reads confidential comments once the owner shares the data key', async () => {
  const { name, url } = await freshDatabase('vetted_e2e_key');
  const ownerKeys = tempDir();
  const owner = await openVetted(url, { keySource: keyFileSource((id) => path.join(ownerKeys, `${id}.key`)), logError: () => {} });
  try {
    unwrap(await owner.api['demo.load']({}));
    const tidewater = unwrap(await owner.api['vendor.list']({})).find((v) => v.name === 'Tidewater Postgres')!;
    const current = unwrap(await owner.api['review.current']({ vendorId: tidewater.id }))!;
    const questionId = current.answers[0]!.questionId;
    unwrap(await owner.api['answer.save']({ reviewId: current.review.id, questionId, comment: SECRET, confidential: true, basedOn: current.versions[questionId] }));

    const erin = `erin_${name}`;
    const served = await startServe({ dbPath: await teamMemberUrl(url, erin, 'reviewer', 'erin-pw'), env: { XDG_DATA_HOME: tempDir(), VETTED_KEY_FILE: '', VETTED_PASSPHRASE: '' } });
    const readComment = async () => {
      const seen = await callApi<{ answers: { questionId: string; comment: string; locked?: boolean }[] }>(served, 'review.current', { vendorId: tidewater.id });
      return seen.answers.find((a) => a.questionId === questionId)!;
    };
    assert.deepEqual(await readComment().then((a) => [a.comment, a.locked]), ['', true]);

    const { page, problems } = await openApp(served);
    await openConfidentialSettings(page);
    const section = page.getByTestId('confidential-settings');
    assert.match((await section.getByTestId('key-state').textContent()) ?? '', /Locked/);
    assert.match((await section.getByTestId('key-problem').textContent()) ?? '', /You have not published a member key on this team register yet[^]*What to do:[^]*Publish your member key with the button below/);
    assert.match((await page.getByTestId('team-key-you').textContent()) ?? '', new RegExp(`Generation 1\\. You \\(${erin}\\) have not published a member key yet`));
    assert.equal(await section.getByText('Yours:').count(), 0, 'no key is called hers before she has one');
    await screenshot(page, 'team-key-not-published');

    await page.getByRole('button', { name: 'Publish my member key and share' }).click();
    const shared = page.getByTestId('team-key-shared');
    await shared.waitFor();
    assert.match((await shared.textContent()) ?? '', new RegExp(`Published your member key \\(fingerprint [0-9a-f ]+\\)\\. The team's data key has not been shared with you \\(${erin}\\) yet`));
    await page.getByRole('row', { name: new RegExp(`${erin} .* Waiting for the current key`) }).waitFor();
    await section.getByText(/Yours: .*\.key/).waitFor();
    assert.doesNotMatch((await shared.textContent()) ?? '', /Still without/, 'she is not told she is waiting for herself');
    await screenshot(page, 'team-key-published');

    // The owner, who holds the key, shares it (from the command line or their own Settings).
    const ownerShare = await shareTeamKey(owner.ctx);
    assert.deepEqual(ownerShare.wrappedFor, [erin]);

    await page.reload();
    await openConfidentialSettings(page);
    assert.match((await section.getByTestId('key-state').textContent()) ?? '', /Unlocked/);
    await page.getByRole('row', { name: new RegExp(`${erin} .* Current key wrapped for them`) }).waitFor();
    assert.equal(await section.getByTestId('key-problem').count(), 0);
    await screenshot(page, 'team-key-holds');
    assert.deepEqual(await readComment().then((a) => [a.comment, a.locked]), [SECRET, undefined]);
    assert.deepEqual(problems, []);
  } finally {
    owner.close();
  }
});
