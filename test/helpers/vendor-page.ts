// The provider's questionnaire page in tests: a request to compose it for, and keyboard-only ways
// to fill it in (Tab, Space, arrow keys and typing, as a provider without a mouse would).
//
// Stable handles on the page (renderer/vendor):
//   buttons "Next unanswered" #next-unanswered, "Save answers" #save-answers, "Load saved
//   answers" #load-answers (the latter opens a file
//   chooser; the file input behind it is [data-testid="load-answers-input"]);
//   "12 of 48 answered": [data-testid="completion-text"]; the saved file's digest:
//   [data-testid="answers-digest"]; a question: fieldset#question-<id> [data-question-id]
//   [data-answered]; its option: #q-<id>-opt-<optionId>; a free-form field: #q-<id>-input; its
//   comment: #q-<id>-comment (label "Comment on <id>"); the respondent field: label "Your name and e-mail".
import type { Page } from 'playwright-core';
import type { AnswerValue } from '../../shared/domain/review';
import type { SentQuestion, SentTemplate } from '../../shared/exchange/sent-template';
import { toSentTemplate } from '../../shared/exchange/sent-template';
import { REQUEST_FORMAT, type PrefilledAnswer, type QuestionnaireRequest } from '../../shared/domain/vendor-exchange';
import { templateHash } from '../../shared/exchange/digest';
import { BUILT_IN_TEMPLATES } from '../../shared/templates/index';

/** A request for the built-in template, as `vetted send` makes one (the questions only; fields overridable). */
export function vendorPageRequest(overrides: Partial<QuestionnaireRequest> = {}): QuestionnaireRequest {
  const full = BUILT_IN_TEMPLATES[0]!;
  const template = toSentTemplate(full);
  return {
    format: REQUEST_FORMAT,
    requestId: 'req-test-0001',
    vendor: { id: 'vendor-acme', name: 'Acme Cloud GmbH' },
    requestedBy: 'Dana Reviewer',
    contact: 'Sam Provider <sam@acme.example>',
    due: '2027-01-15',
    sentAt: '2026-12-01T09:30:00.000Z',
    template,
    templateHash: templateHash(full),
    prefill: [],
    prefilledFrom: null,
    ...overrides,
  };
}

/** A value that fits the question (its first option, a number, a date, some text). */
export function sampleValue(question: SentQuestion): AnswerValue {
  switch (question.kind) {
    case 'yesno':
    case 'single':
      return question.options?.[0]?.id ?? null;
    case 'multi':
      return question.options?.[0] ? [question.options[0].id] : [];
    case 'number':
      return 12;
    case 'date':
      return '2026-06-30';
    case 'text':
      return 'As agreed in the contract.';
    case 'longtext':
      return 'A longer answer, with the details the reviewer asked for.\nSecond line.';
  }
}

/** An earlier answer for every question of the template, with a comment: the largest prefill. */
export function fullPrefill(template: SentTemplate): PrefilledAnswer[] {
  return template.sections.flatMap((s) =>
    s.questions.map((q) => ({ questionId: q.id, value: sampleValue(q), na: false, comment: `Earlier comment on ${q.id}: see the attached report.` })),
  );
}

/**
 * Presses Tab (or Shift+Tab, when the target comes before the focus) until the focused element
 * matches `selector`: keyboard only, the page is only read to know where the focus is.
 */
export async function tabUntil(page: Page, selector: string, maxPresses = 400): Promise<void> {
  const backwards = await page.evaluate((s) => {
    const target = document.querySelector(s);
    const active = document.activeElement;
    if (!target || !active || active === document.body) return false;
    return (target.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }, selector);
  for (let i = 0; i < maxPresses; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector} in ${maxPresses} presses`);
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/**
 * Chooses an option by keyboard: Tab into the question's radio group and arrow to the option (arrow
 * keys select as they move), or Tab to a checkbox of a multi question and press Space.
 */
export async function chooseOption(page: Page, questionId: string, optionId: string): Promise<void> {
  const target = `q-${questionId}-opt-${optionId}`;
  const type = await page.locator(`#${target}`).getAttribute('type');
  if (type === 'checkbox') {
    await tabUntil(page, `#${target}`);
    await page.keyboard.press('Space');
    return;
  }
  await tabUntil(page, `#question-${questionId} input[type="radio"]`);
  const options = await page.locator(`#question-${questionId} input[type="radio"]`).count();
  for (let i = 0; i <= options && (await activeId(page)) !== target; i++) await page.keyboard.press('ArrowDown');
  if ((await activeId(page)) !== target) throw new Error(`could not reach option ${optionId} of ${questionId} with the arrow keys`);
  // A focused radio that is not yet checked (the group's first, reached by Tab) is chosen with Space.
  if (!(await page.locator(`#${target}`).isChecked())) await page.keyboard.press('Space');
}

/** Types into a question's free-form field (number, date as the browser takes it, text). */
export async function typeAnswer(page: Page, questionId: string, text: string): Promise<void> {
  await tabUntil(page, `#q-${questionId}-input`);
  await page.keyboard.type(text);
}

export async function typeComment(page: Page, questionId: string, text: string): Promise<void> {
  await tabUntil(page, `#q-${questionId}-comment`);
  await page.keyboard.type(text);
}

/** The page's "N of M answered" as numbers. */
export async function completionOf(page: Page): Promise<{ answered: number; total: number }> {
  const text = (await page.getByTestId('completion-text').textContent()) ?? '';
  const m = /(\d+) of (\d+) answered/.exec(text);
  if (!m) throw new Error(`no completion text on the page: "${text}"`);
  return { answered: Number(m[1]), total: Number(m[2]) };
}
