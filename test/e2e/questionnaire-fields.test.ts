// The questionnaire for the template fields of scoring model 2, in the real renderer against
// `vetted serve`: must-have tags, tips that follow the answers, "Not applicable" only where a
// question allows it (with its reason), an exclusive "None", an empty selection kept as an answer,
// and questions scored through risk flags.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { ReviewDetail } from '../../shared/api';
import { Template, type TemplateInput } from '../../shared/domain/template';
import { exportTemplateJson } from '../../shared/templates/format';
import { callApi, openApp, screenshot, SCREENSHOTS, startServe } from './harness';

const YESNO = [
  { id: 'yes', label: 'Yes', score: 1 },
  { id: 'no', label: 'No', score: 0 },
];

const MODEL2: TemplateInput = {
  id: 'model2-e2e',
  version: 1,
  name: 'Model 2 fields',
  sections: [
    {
      id: 'controls',
      title: 'Controls',
      questions: [
        {
          id: 'certs',
          kind: 'multi',
          text: 'Which certifications does the provider hold?',
          mustHave: true,
          options: [
            { id: 'soc2', label: 'SOC 2 Type II', score: 1 },
            { id: 'iso', label: 'ISO 27001', score: 1 },
            { id: 'none', label: 'None of these', score: 0, exclusive: true },
          ],
        },
        { id: 'dr', kind: 'yesno', text: 'Is there a tested disaster recovery plan?', allowNa: true, options: YESNO },
        {
          id: 'monitoring',
          kind: 'single',
          text: 'How would you describe the post-launch monitoring?',
          weight: 0,
          options: [
            { id: 'robust', label: 'Robust', score: 1 },
            { id: 'weak', label: 'Weak', score: 1 },
          ],
          tips: [{ text: 'Thank you for your diligence!', when: { q: 'monitoring', is: ['robust'] } }],
        },
        { id: 'legacy', kind: 'yesno', text: 'Is there an on-call rota?', options: YESNO },
        { id: 'notes', kind: 'text', text: 'Anything else?', weight: 0, optional: true },
      ],
      flags: [{ id: 'weak-monitoring', name: 'Weak monitoring', severity: 'high', when: { q: 'monitoring', is: ['weak'] } }],
    },
  ],
};

const group = (page: Page, text: string) => page.getByRole('group', { name: text, exact: true });

async function waitSaved(page: Page): Promise<void> {
  await page.getByTestId('save-status').filter({ hasText: /^Saved/ }).waitFor({ timeout: 10_000 });
}

test('must-have, tips, N/A where allowed (with its reason), an exclusive None and an empty selection', async () => {
  const served = await startServe({ demo: true });
  // An older answer marked N/A on a question that no longer allows it: saved on a version that
  // allowed it, then the review moved to the version that does not.
  const older = {
    ...MODEL2,
    sections: MODEL2.sections.map((s) => ({ ...s, questions: s.questions.map((q) => (q.id === 'legacy' ? { ...q, allowNa: true } : q)) })),
  };
  await callApi(served, 'template.import', { text: exportTemplateJson(Template.parse(older)) });
  const vendor = await callApi<{ id: string }>(served, 'vendor.create', { name: 'Fieldstone Cloud', category: 'other' });
  const started = await callApi<ReviewDetail>(served, 'review.start', { vendorId: vendor.id, templateId: MODEL2.id });
  await callApi(served, 'answer.save', { reviewId: started.review.id, questionId: 'legacy', na: true, comment: 'No rota yet.' });
  await callApi(served, 'template.import', { text: exportTemplateJson(Template.parse(MODEL2)), version: 2 });
  await callApi(served, 'review.migrate', { reviewId: started.review.id });

  const { page, problems } = await openApp(served, { path: `#/vendor/${encodeURIComponent(vendor.id)}` });
  await page.getByRole('heading', { name: 'Fieldstone Cloud', level: 1 }).waitFor();
  const certs = group(page, 'Which certifications does the provider hold?');
  const dr = group(page, 'Is there a tested disaster recovery plan?');
  const monitoring = group(page, 'How would you describe the post-launch monitoring?');
  const legacy = group(page, 'Is there an on-call rota?');
  const notes = group(page, 'Anything else?');
  await certs.waitFor();

  // Tags: must-have; weight 0 read by a flag is scored through it, other weight 0 is not scored.
  await certs.getByText('Must-have', { exact: true }).waitFor();
  assert.equal(await dr.getByText('Must-have', { exact: true }).count(), 0, 'only must-have questions are tagged');
  await monitoring.getByText('Scored through risk flags', { exact: true }).waitFor();
  assert.equal(await monitoring.getByText('Not scored', { exact: true }).count(), 0, 'the flag-fed question is not "Not scored"');
  await notes.getByText('Not scored', { exact: true }).waitFor();

  // "Not applicable" only where allowed.
  const naOf = (g: Awaited<ReturnType<typeof group>>) => g.getByRole('checkbox', { name: 'Not applicable' });
  assert.equal(await naOf(certs).count(), 0, 'no N/A on a question that does not allow it');
  assert.equal(await naOf(monitoring).count(), 0, 'no N/A on the monitoring question');
  assert.equal(await naOf(dr).count(), 1, 'N/A where allowNa');
  // …except an older answer already N/A: shown ticked, saying to answer instead.
  assert.equal(await naOf(legacy).isChecked(), true, 'the older N/A answer is shown ticked');
  await legacy.getByText('This question does not allow N/A: answer it instead').waitFor();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await legacy.screenshot({ path: path.join(SCREENSHOTS, 'questionnaire-model2-na-refused.png') });

  // Ticking N/A opens the comment and asks for the reason; N/A is saved with it, not before.
  await naOf(dr).check();
  await dr.getByText('Not applicable: say why it does not apply.').waitFor();
  await dr.getByText('Not saved yet: N/A is saved with the reason below').waitFor();
  const reason = dr.getByRole('textbox', { name: 'Comment: Is there a tested disaster recovery plan?', exact: true });
  assert.equal(await reason.isVisible(), true, 'the comment field is open for the reason');
  assert.equal(await reason.getAttribute('placeholder'), 'Say why it does not apply…');
  await dr.scrollIntoViewIfNeeded();
  await screenshot(page, 'questionnaire-model2-na');
  await reason.fill('No disaster recovery site: the service keeps no state of ours.');
  await reason.blur();
  await waitSaved(page);
  await dr.getByText('Not saved yet: N/A is saved with the reason below').waitFor({ state: 'detached' });

  // Tips follow the answers.
  assert.equal(await monitoring.getByText('Thank you for your diligence!').count(), 0, 'no tip before the answer');
  await monitoring.getByRole('radio', { name: 'Robust' }).check();
  await monitoring.getByText('Thank you for your diligence!').waitFor();
  await waitSaved(page);

  // Exclusive "None": ticking it unticks the others, ticking another unticks it.
  const box = (label: string) => certs.getByRole('checkbox', { name: label, exact: true });
  await box('SOC 2 Type II').check();
  await box('ISO 27001').check();
  await box('None of these').check();
  assert.deepEqual(
    [await box('SOC 2 Type II').isChecked(), await box('ISO 27001').isChecked(), await box('None of these').isChecked()],
    [false, false, true],
    '"None of these" is chosen alone',
  );
  await box('ISO 27001').check();
  assert.equal(await box('None of these').isChecked(), false, 'ticking another option unticks "None of these"');
  await waitSaved(page);
  await certs.scrollIntoViewIfNeeded();
  await screenshot(page, 'questionnaire-model2-fields');

  // Unticking the last box keeps an empty selection (an answer); Clear answer makes it unanswered.
  await box('ISO 27001').uncheck();
  await waitSaved(page);
  const stored = async () =>
    (await callApi<ReviewDetail>(served, 'review.current', { vendorId: vendor.id })).answers.find((x) => x.questionId === 'certs')?.value;
  assert.deepEqual(await stored(), [], 'an empty selection is stored as []');
  assert.equal(await certs.getAttribute('data-answered'), 'true', 'an empty selection counts as answered');
  await certs.getByRole('button', { name: 'Clear answer' }).click();
  await waitSaved(page);
  assert.equal(await stored(), null, 'Clear answer stores null');
  assert.equal(await certs.getAttribute('data-answered'), 'false');
  assert.equal(await certs.getByRole('button', { name: 'Clear answer' }).count(), 0);

  // Unticking the older N/A leaves the question to be answered, without an N/A box.
  await naOf(legacy).click(); // not uncheck(): the box goes away once unticked
  await waitSaved(page);
  assert.equal(await naOf(legacy).count(), 0, 'once unticked, N/A is not offered again');
  await legacy.getByRole('radio', { name: 'Yes' }).check();
  await waitSaved(page);
  await monitoring.scrollIntoViewIfNeeded();
  await screenshot(page, 'questionnaire-model2-tips');
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
});
