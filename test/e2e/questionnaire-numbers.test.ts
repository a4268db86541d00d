// Reading the questionnaire (#18): question numbers stay the template's and, where a hidden
// conditional question makes them skip, a note says which and when it is asked; a number answer
// is explained once, in words, with its band; a number outside the template's plausible range is
// warned about (and saved as typed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { graveAxeViolations } from '../helpers/axe';
import { openApp, screenshot, startServe } from './harness';

test('skipped numbers are explained, number answers read in words, implausible numbers warned about', async () => {
  const served = await startServe({ demo: true });
  const { page, problems } = await openApp(served);
  await page.getByRole('table').getByRole('link', { name: 'Tidewater Postgres', exact: true }).click();
  await page.getByRole('heading', { name: 'Tidewater Postgres', level: 1 }).waitFor();
  const waitSaved = async () => {
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.textContent === 'Saved');
  };

  const sla = page.getByRole('group', { name: /Is there an availability SLA/ });
  const uptime = page.getByRole('group', { name: /What monthly uptime does the SLA promise/ });
  const section = page.locator('section.q-section', { has: sla });

  // "No SLA" hides 4.6: the numbering goes 4.5 → 4.7, and the note in its place says why.
  await sla.getByRole('radio', { name: 'No SLA' }).check();
  await uptime.waitFor({ state: 'detached' });
  const note = section.getByTestId('skipped-questions');
  assert.equal(
    await note.textContent(),
    '4.6 is not asked: it applies only when 4.5 is “SLA with credits applied automatically”, “SLA with credits you have to claim” or “An uptime target without remedies”.',
    'the skipped number and its condition, in words (numbers and labels, no ids)',
  );
  // A question not asked claims nothing: the score panel's incident flag drops the uptime claim
  // (it read 99.97 % before; the answer is kept, hidden, and no longer held against the record).
  const flag = page.getByTestId('incident-claim-flag');
  await page.waitForFunction(() => !(document.querySelector('[data-testid="incident-claim-flag"]')?.textContent ?? '').includes('Monthly uptime'));
  assert.doesNotMatch((await flag.count()) > 0 ? ((await flag.textContent()) ?? '') : '', /Monthly uptime/, 'no claim from the hidden uptime question');
  await note.scrollIntoViewIfNeeded();
  await screenshot(page, 'questionnaire-skipped-number');

  // An SLA with credits shows 4.6 again, and the note goes.
  await sla.getByRole('radio', { name: 'SLA with credits applied automatically' }).check();
  await uptime.waitFor();
  assert.equal(await note.count(), 0, 'nothing skipped, nothing said');

  // 119 % is kept, warned about, and explained with its band.
  const field = uptime.getByRole('spinbutton');
  await field.fill('119');
  const warning = uptime.getByRole('status').filter({ hasText: 'plausible' });
  await warning.waitFor();
  assert.equal(await warning.textContent(), '119 % is outside the plausible range (90 to 100 %): check it is not a typing slip. It is saved as typed.');
  const described = await field.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`));
  assert.ok(described.some((t) => t.startsWith('119 % is outside')), `the field is described by the warning: ${JSON.stringify(described)}`);
  await uptime.scrollIntoViewIfNeeded();
  await screenshot(page, 'questionnaire-implausible-number');
  // The warning and the skipped-number note pass axe in both colour schemes (contrast included).
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    assert.deepEqual(await graveAxeViolations(page, `implausible number, ${scheme}`), [], `no serious or critical axe violation (${scheme})`);
  }
  await screenshot(page, 'questionnaire-implausible-number-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // "It is saved as typed": the warning appears only once the register holds 119, and after a
  // reload 119 is there, warned about again.
  await page.reload();
  const reloaded = page.getByRole('group', { name: /What monthly uptime does the SLA promise/ });
  await reloaded.getByText('119 % is outside the plausible range (90 to 100 %): check it is not a typing slip. It is saved as typed.').waitFor();
  assert.equal(await reloaded.getByRole('spinbutton').inputValue(), '119', 'the register kept the implausible number');

  // A plausible number: the warning goes, the band reads in words.
  await field.fill('99.9');
  await waitSaved();
  await uptime.getByText('99.9 %: “99.9% to 99.95%” (99.9 % to under 99.95 %), 70 % of the points.').waitFor();
  assert.equal(await warning.isVisible(), false, 'no warning for a plausible uptime');

  // Notice: singular unit, the best band.
  const notice = page.getByRole('group', { name: /How many hours of notice/ });
  await notice.getByRole('spinbutton').fill('72');
  await notice.getByText('72 hours: “72 hours or more”, the best band.').waitFor();
  await notice.getByRole('spinbutton').fill('1');
  await notice.getByText('1 hour: “Less than 24 hours”, the lowest band (no points).').waitFor();
  await notice.getByRole('spinbutton').blur();

  // After a reload the saved 99.9 is there (119 was saved too, then replaced: nothing refused it).
  await waitSaved();
  await page.reload();
  await page.getByRole('group', { name: /What monthly uptime does the SLA promise/ }).getByText('99.9 %: “99.9% to 99.95%” (99.9 % to under 99.95 %), 70 % of the points.').waitFor();
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
