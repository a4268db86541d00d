// The questionnaire at keyboard speed, in the real renderer against `vetted serve`: every key the
// test presses is counted (answering a single-choice question and moving on costs two keys; 24
// answers and a comment fewer than 60), the answers are read back from the register, and a screen
// reader hears the question's text, never its id.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ReviewDetail } from '../../shared/api';
import { Template, type TemplateInput } from '../../shared/domain/template';
import { exportTemplateJson } from '../../shared/templates/format';
import { callApi, openApp, screenshot, SCREENSHOTS, startServe, type Served } from './harness';

const YESNO = [
  { id: 'yes', label: 'Yes', score: 1 },
  { id: 'no', label: 'No', score: 0 },
];
const MATURITY = [
  { id: 'strong', label: 'Documented and tested', score: 1 },
  { id: 'partial', label: 'Documented, never tested', score: 0.5 },
  { id: 'none', label: 'Nothing written down', score: 0 },
];

/** 24 choice questions (ids that appear in no text, so a name built from an id is caught). */
const CHOICE_IDS = Array.from({ length: 24 }, (_, i) => `kq_${String(i + 1).padStart(2, '0')}`);
const choiceQuestion = (id: string, i: number) => ({
  id,
  kind: i % 3 === 2 ? ('single' as const) : ('yesno' as const),
  text: `Control number ${i + 1}: is it in place?`,
  help: i % 4 === 0 ? 'Why it matters: a control nobody runs is no control.' : '',
  options: i % 3 === 2 ? MATURITY : YESNO,
});

const KEYBOARD_TEMPLATE: TemplateInput = {
  id: 'keyboard-e2e',
  version: 1,
  name: 'Keyboard drill',
  sections: [
    { id: 'first', title: 'First twelve', questions: CHOICE_IDS.slice(0, 12).map((id, i) => choiceQuestion(id, i)) },
    { id: 'second', title: 'Second twelve', questions: CHOICE_IDS.slice(12).map((id, i) => choiceQuestion(id, i + 12)) },
    {
      id: 'extras',
      title: 'Other kinds',
      questions: [
        {
          id: 'kx_dr',
          kind: 'yesno',
          text: 'Is there a tested disaster recovery plan?',
          help: 'Backups nobody restored are a hope, not a plan.',
          allowNa: true,
          options: YESNO,
          tips: [{ text: 'Ask for the date of the last restore test.', when: { q: 'kx_dr', is: ['no'] } }],
        },
        {
          id: 'kx_certs',
          kind: 'multi',
          text: 'Which certifications are current?',
          options: [
            { id: 'soc2', label: 'SOC 2 Type II', score: 1 },
            { id: 'iso', label: 'ISO 27001', score: 1 },
            { id: 'none', label: 'None of these', score: 0, exclusive: true },
          ],
        },
        { id: 'kx_hours', kind: 'number', text: 'How many hours until a breach is notified?', unit: 'hours', weight: 0 },
      ],
    },
  ],
};

const textOf = (id: string) => Template.parse(KEYBOARD_TEMPLATE).sections.flatMap((s) => s.questions).find((q) => q.id === id)!.text;
const card = (page: Page, id: string) => page.getByRole('group', { name: textOf(id), exact: true });

/** Every key the test presses goes through here: the count is what a person would type. */
function countedKeyboard(page: Page) {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async press(key: string) {
      count += 1;
      await page.keyboard.press(key);
    },
    async type(text: string) {
      count += [...text].length;
      await page.keyboard.type(text);
    },
  };
}

/** The question the focus is in, read from the page (not a key press). */
const focusedQuestion = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-question-id]')?.dataset.questionId ?? null);

/** What the focused element is called, as a screen reader would say it. */
async function focusedName(page: Page): Promise<string> {
  const snapshot = await page.locator('*:focus').ariaSnapshot();
  return snapshot.split('\n')[0] ?? '';
}

async function waitSaved(page: Page): Promise<void> {
  await page.getByTestId('save-status').filter({ hasText: /^Saved/ }).waitFor({ timeout: 10_000 });
}

type SavedAnswer = ReviewDetail['answers'][number];

/** The register's answers once `done` holds (saves are sent in the background), or as they are after 10 s. */
async function savedAnswers(served: Served, vendorId: string, done: (answers: SavedAnswer[]) => boolean): Promise<SavedAnswer[]> {
  let answers: SavedAnswer[] = [];
  for (let attempt = 0; attempt < 50; attempt += 1) {
    answers = (await callApi<ReviewDetail>(served, 'review.current', { vendorId })).answers;
    if (done(answers)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return answers;
}

async function provider(served: Served, name: string): Promise<{ id: string }> {
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name, category: 'other' });
  await callApi(served, 'review.start', { vendorId: vendor.id, templateId: KEYBOARD_TEMPLATE.id });
  return vendor;
}

async function openProvider(served: Served, vendor: { id: string }, name: string): Promise<Page> {
  const { page, problems } = await openApp(served, { path: `#/vendor/${encodeURIComponent(vendor.id)}` });
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await card(page, CHOICE_IDS[0]!).waitFor();
  problemsOf.set(page, problems);
  return page;
}
const problemsOf = new WeakMap<Page, string[]>();

/** A register with the drill template (each test its own: a server stops when its test ends). */
async function served(): Promise<Served> {
  const s = await startServe();
  await callApi(s, 'template.import', { text: exportTemplateJson(Template.parse(KEYBOARD_TEMPLATE)) });
  return s;
}

test('24 answers and a comment in fewer than 60 keys, two keys a question, all of it saved', async () => {
  const s = await served();
  const vendor = await provider(s, 'Keystone Queues');
  const page = await openProvider(s, vendor, 'Keystone Queues');
  const keys = countedKeyboard(page);

  // The option each question gets, by its number key; a comment on the sixth.
  const plan = CHOICE_IDS.map((_, i) => (i % 3 === 2 ? (i % 2) + 1 : (i % 5 === 0 ? 2 : 1)));
  const COMMENTED = 5;
  const COMMENT = 'Report ok';

  await keys.press('n'); // Next unanswered: the first question
  for (const [i, id] of CHOICE_IDS.entries()) {
    assert.equal(await focusedQuestion(page), id, `the focus is on question ${i + 1}`);
    const before = keys.count;
    await keys.press(String(plan[i]));
    if (i === COMMENTED) {
      await keys.press('c');
      const box = card(page, id).getByRole('textbox', { name: `Comment: ${textOf(id)}`, exact: true });
      assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'C puts the focus into the comment box, not onto its toggle');
      await keys.type(COMMENT);
    }
    if (i === CHOICE_IDS.length - 1) break;
    // Both ways on: Tab (each card is one tab stop) and J; after a comment only Tab leaves the box.
    await keys.press(i % 2 === 0 || i === COMMENTED ? 'Tab' : 'j');
    if (i !== COMMENTED) assert.ok(keys.count - before <= 2, `question ${i + 1} cost ${keys.count - before} keys (at most 2)`);
  }
  assert.ok(keys.count < 60, `24 answers and a comment took ${keys.count} keys (fewer than 60)`);

  // In the register, not just on screen.
  const answers = await savedAnswers(s, vendor.id, (list) =>
      list.filter((a) => a.value !== null).length >= CHOICE_IDS.length && list.some((a) => a.comment === COMMENT),
  );
  const expected = KEYBOARD_TEMPLATE.sections.flatMap((sec) => sec.questions).filter((q) => CHOICE_IDS.includes(q.id));
  for (const [i, question] of expected.entries()) {
    const saved = answers.find((a) => a.questionId === question.id);
    assert.equal(saved?.value, question.options![plan[i]! - 1]!.id, `${question.id} is saved with option ${plan[i]}`);
  }
  assert.equal(answers.find((a) => a.questionId === CHOICE_IDS[COMMENTED])?.comment, COMMENT, 'the comment is saved');
  assert.deepEqual(problemsOf.get(page), [], 'no console errors or CSP violations');
});

test('one tab stop per card, arrows inside it, A and C, the ? list, and names without ids', async () => {
  const s = await served();
  const vendor = await provider(s, 'Keyhole Logs');
  const page = await openProvider(s, vendor, 'Keyhole Logs');
  const dr = card(page, 'kx_dr');
  const certs = card(page, 'kx_certs');

  // Tab and Shift+Tab go card to card; Shift+Tab comes back to the control last used.
  await card(page, CHOICE_IDS[0]!).getByRole('radio', { name: 'Yes' }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await focusedQuestion(page), CHOICE_IDS[1], 'Tab from an answer goes to the next question');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedQuestion(page), CHOICE_IDS[0], 'Shift+Tab goes back to the previous question');
  await page.keyboard.press('k');
  assert.equal(await focusedQuestion(page), CHOICE_IDS[0], 'K on the first question stays there');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await focusedQuestion(page), CHOICE_IDS[2], 'J twice: the third question');
  await page.keyboard.press('k');
  assert.equal(await focusedQuestion(page), CHOICE_IDS[1], 'K: back one question');

  // Inside a card: → ← between its controls; ↑ ↓ in the options stay the radio group's own.
  await dr.getByRole('radio', { name: 'Yes' }).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await dr.getByRole('radio', { name: 'No' }).isChecked(), true, '↓ in a radio group chooses the next option, as always');
  await dr.getByText('Ask for the date of the last restore test.').waitFor();
  await page.keyboard.press('ArrowRight');
  assert.match(await focusedName(page), /checkbox "Not applicable"/, '→ leaves the options for Not applicable');
  await page.keyboard.press('ArrowRight');
  assert.match(await focusedName(page), /button "Clear answer"/, '→ again: Clear answer');
  // The answer lost points: Create finding is the card's last control.
  await dr.getByRole('button', { name: /Create finding/ }).waitFor();
  await page.keyboard.press('End');
  assert.match(await focusedName(page), /button "Create finding/, 'End: the last control');
  await page.keyboard.press('Home');
  assert.match(await focusedName(page), /radio "No"/, 'Home: back to the answer, on the option chosen');
  await page.keyboard.press('ArrowLeft');
  assert.match(await focusedName(page), /button "Create finding/, '← from the first control wraps to the last');
  await page.keyboard.press('Tab');
  assert.equal(await focusedQuestion(page), 'kx_certs', 'Tab from any control of a card goes to the next card');
  await page.keyboard.press('Shift+Tab');
  assert.match(await focusedName(page), /button "Create finding/, 'Shift+Tab comes back to the control last used in that card');

  // C: into the comment box; letters typed there are text, not shortcuts; Escape back to the card.
  await page.keyboard.press('c');
  const drComment = dr.getByRole('textbox', { name: `Comment: ${textOf('kx_dr')}`, exact: true });
  assert.equal(await drComment.evaluate((el) => el === document.activeElement), true, 'C puts the focus into the comment box');
  await page.keyboard.type('1 j a c n ?');
  assert.equal(await drComment.inputValue(), '1 j a c n ?', 'the keys went into the box');
  assert.equal(await dr.getByRole('radio', { name: 'No' }).isChecked(), true, 'typing "1" chose no option');
  assert.equal(await dr.getByRole('checkbox', { name: 'Not applicable' }).isChecked(), false, 'typing "a" did not tick N/A');
  assert.equal(await page.getByRole('dialog').count(), 0, 'typing "?" opened no list');
  assert.equal(await focusedQuestion(page), 'kx_dr', 'typing "j" or "n" moved nowhere');
  await page.keyboard.press('Escape');
  assert.equal(await dr.evaluate((el) => el === document.activeElement), true, 'Escape leaves the box for the card');
  await page.keyboard.press('1');
  assert.equal(await dr.getByRole('radio', { name: 'Yes' }).isChecked(), true, 'from the card, 1 chooses the first option');
  await dr.scrollIntoViewIfNeeded();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await screenshot(page, 'questionnaire-keyboard-focus');
  await dr.screenshot({ path: path.join(SCREENSHOTS, 'questionnaire-keyboard-focus-card.png') });

  // The accessible names in the card say the question's text, never its id.
  await page.keyboard.press('a'); // N/A: a comment is there, so it is saved at once
  await dr.getByText('Not applicable: say why it does not apply.').waitFor();
  await page.keyboard.press('a');
  await page.keyboard.press('2'); // "No": the tip shows (a named list)
  await dr.getByText('Ask for the date of the last restore test.').waitFor();
  await dr.getByRole('button', { name: 'Why this matters' }).click();
  const tree = await dr.ariaSnapshot();
  const names = [...tree.matchAll(/^\s*- [\w-]+ "([^"]*)"/gm)].map((m) => m[1]!);
  assert.ok(names.length >= 6, `the card's controls are named (${names.join(' | ')})`);
  assert.deepEqual(names.filter((name) => name.includes('kx_dr')), [], 'no accessible name in the card uses the question id');
  assert.equal(tree.includes('kx_dr'), false, `a screen reader reading the card does not hear the id:\n${tree}`);
  await dr.getByRole('list', { name: 'Tips' }).waitFor();

  // A on a question that allows N/A and has no comment: ticked, and the focus waits in the box for
  // the reason; N/A is saved with it (scoring model 2), not before.
  const other = card(page, CHOICE_IDS[3]!);
  await other.getByRole('radio', { name: 'Yes' }).focus();
  await page.keyboard.press('a');
  await page.getByText('This question does not allow Not applicable: answer it instead.').waitFor();
  assert.equal(await other.getByRole('checkbox', { name: 'Not applicable' }).count(), 0, 'A where N/A is not allowed ticks nothing');
  await drComment.fill('');
  await drComment.blur();
  await waitSaved(page);
  await dr.getByRole('radio', { name: 'No' }).focus();
  await page.keyboard.press('a');
  assert.equal(await dr.getByRole('checkbox', { name: 'Not applicable' }).isChecked(), true, 'A ticks Not applicable');
  assert.equal(await drComment.evaluate((el) => el === document.activeElement), true, 'A without a reason puts the focus into the box for it');
  await dr.getByText('Not saved yet: N/A is saved with the reason below').waitFor();
  await page.keyboard.type('No state kept');
  await page.keyboard.press('Tab');
  const drSaved = (list: SavedAnswer[]) => list.find((a) => a.questionId === 'kx_dr');
  const naSaved = drSaved(await savedAnswers(s, vendor.id, (list) => drSaved(list)?.na === true));
  assert.equal(naSaved?.na, true, 'N/A is saved');
  assert.equal(naSaved?.comment, 'No state kept', 'with its reason');

  // Number keys on a multiple choice tick and untick.
  await certs.getByRole('checkbox', { name: 'SOC 2 Type II' }).focus();
  for (const key of ['1', '2', '1']) await page.keyboard.press(key);
  assert.deepEqual(
    [await certs.getByRole('checkbox', { name: 'SOC 2 Type II' }).isChecked(), await certs.getByRole('checkbox', { name: 'ISO 27001' }).isChecked()],
    [false, true],
    '1, 2, 1: only ISO 27001 stays ticked',
  );
  const certsOf = (list: SavedAnswer[]) => list.find((a) => a.questionId === 'kx_certs');
  const certsSaved = certsOf(await savedAnswers(s, vendor.id, (list) => JSON.stringify(certsOf(list)?.value) === '["iso"]'));
  assert.deepEqual(certsSaved?.value, ['iso'], 'the multiple choice is saved');

  // ?: the list of shortcuts, a modal dialog; no shortcut fires behind it; Escape closes it and
  // the focus comes back.
  await page.keyboard.press('?');
  const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await list.waitFor();
  await list.getByRole('table', { name: 'Answering' }).waitFor();
  await screenshot(page, 'questionnaire-keyboard-shortcuts');
  await page.keyboard.press('j');
  await page.keyboard.press('2');
  assert.equal(await list.isVisible(), true, 'the list stays open');
  assert.equal(await certs.getByRole('checkbox', { name: 'ISO 27001' }).isChecked(), true, 'no shortcut fired behind the list');
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'hidden' });
  assert.equal(await focusedQuestion(page), 'kx_certs', 'the focus is back on the question');

  // Clear answer by keyboard takes itself away: the focus stays in the card, on the answer.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  assert.match(await focusedName(page), /button "Clear answer"/, 'End, ←: Clear answer');
  await page.keyboard.press('Enter');
  await certs.getByRole('button', { name: 'Clear answer' }).waitFor({ state: 'detached' });
  assert.match(await focusedName(page), /checkbox "SOC 2 Type II"/, 'the focus did not fall to the page');
  assert.deepEqual(problemsOf.get(page), [], 'no console errors or CSP violations');
});
