// How a question behaves while it is filled in (shared/domain/question-view.ts): which tips show
// for the answers, and ticking multi options (an exclusive "None", an empty selection kept).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { visibleQuestionIds } from '../../shared/domain/conditions';
import { shownTipIndexes, toggleMultiOption } from '../../shared/domain/question-view';
import type { AnswerMap, AnswerValue } from '../../shared/domain/review';
import { Question, type ChoiceOption } from '../../shared/domain/template';
import { importVsaq } from '../../shared/templates/vsaq';
import { REPO_ROOT } from '../helpers/cli';

const a = (value: AnswerValue, na = false) => ({ value, na });
const from = (answers: AnswerMap) => (id: string) => answers[id];

describe('shownTipIndexes', () => {
  const question = Question.parse({
    id: 'q',
    kind: 'single',
    text: 'Q?',
    options: [
      { id: 'good', label: 'Good', score: 1 },
      { id: 'bad', label: 'Bad', score: 0 },
    ],
    tips: [
      { text: 'Always.' },
      { text: 'Thanks for good.', when: { q: 'q', is: ['good'] } },
      { text: 'Other says yes.', when: { q: 'other', is: ['yes'] } },
    ],
  });
  const all = new Set(['q', 'other']);

  test('a tip shows only while its condition holds', () => {
    assert.deepEqual(shownTipIndexes(question, from({}), all), [0]);
    assert.deepEqual(shownTipIndexes(question, from({ q: a('good') }), all), [0, 1]);
    assert.deepEqual(shownTipIndexes(question, from({ q: a('bad'), other: a('yes') }), all), [0, 2]);
  });

  test('N/A and an answer left on a hidden question count as no answer', () => {
    assert.deepEqual(shownTipIndexes(question, from({ q: a('good', true) }), all), [0]);
    assert.deepEqual(shownTipIndexes(question, from({ other: a('yes') }), new Set(['q'])), [0]);
    const text = Question.parse({ id: 't', kind: 'text', text: 'T', tips: [{ text: 'Typed.', when: { q: 't', answered: true } }] });
    assert.deepEqual(shownTipIndexes(text, from({ t: a(null) }), new Set(['t'])), []);
    assert.deepEqual(shownTipIndexes(text, from({ t: a('x') }), new Set(['t'])), [0]);
    assert.deepEqual(shownTipIndexes(Question.parse({ id: 'n', kind: 'text', text: 'N' }), from({}), all), []);
  });

  test('webapp.json: "Thank you for putting effort into post-launch monitoring" shows for robust monitoring only', () => {
    const { template } = importVsaq(fs.readFileSync(path.resolve(REPO_ROOT, 'test/fixtures/vsaq/webapp.json'), 'utf8'), { id: 'w' });
    const monitoring = template.sections.flatMap((s) => s.questions).find((q) => q.options?.some((o) => o.id === 'warn_application_monitoring_robust'));
    assert.ok(monitoring, 'the monitoring question is imported');
    const shown = (value: string | null) => {
      const answers: AnswerMap = { [monitoring.id]: a(value) };
      return shownTipIndexes(monitoring, from(answers), visibleQuestionIds(template, answers)).map((i) => monitoring.tips![i]!.text.slice(0, 32));
    };
    assert.deepEqual(shown('warn_application_monitoring_robust'), ['Thank you for putting effort int']);
    assert.deepEqual(shown('warn_application_monitoring_none'), []);
    assert.deepEqual(shown(null), []);
    // A tip inside a block with a condition: hidden while the block is, whatever was left behind.
    const ciphers = template.sections.flatMap((s) => s.questions).find((q) => q.id === 'application_ssl_configuration_ciphers')!;
    const https = template.sections.flatMap((s) => s.questions).find((q) => q.options?.some((o) => o.id === 'application_ssl_exclusively'))!;
    const answers = (served: string): AnswerMap => ({ [https.id]: a(served), [ciphers.id]: a('application_ssl_configuration_ciphers_no') });
    const tipsFor = (served: string) => shownTipIndexes(ciphers, from(answers(served)), visibleQuestionIds(template, answers(served)));
    assert.deepEqual(tipsFor('application_ssl_exclusively'), [0]);
    assert.deepEqual(tipsFor(https.options!.find((o) => !['application_ssl_mixed', 'application_ssl_exclusively'].includes(o.id))!.id), []);
  });
});

describe('toggleMultiOption', () => {
  const options: ChoiceOption[] = [
    { id: 'soc2', label: 'SOC 2', score: 1 },
    { id: 'iso', label: 'ISO 27001', score: 1 },
    { id: 'none', label: 'None', score: 0, exclusive: true },
  ];

  test('ticking keeps the template order; unticking the last box leaves an empty selection', () => {
    assert.deepEqual(toggleMultiOption(options, [], 'iso', true), ['iso']);
    assert.deepEqual(toggleMultiOption(options, ['iso'], 'soc2', true), ['soc2', 'iso']);
    assert.deepEqual(toggleMultiOption(options, ['soc2', 'iso'], 'soc2', false), ['iso']);
    assert.deepEqual(toggleMultiOption(options, ['iso'], 'iso', false), []);
  });

  test('an exclusive option is chosen alone, and ticking another unticks it', () => {
    assert.deepEqual(toggleMultiOption(options, ['soc2', 'iso'], 'none', true), ['none']);
    assert.deepEqual(toggleMultiOption(options, ['none'], 'soc2', true), ['soc2']);
    assert.deepEqual(toggleMultiOption(options, ['none'], 'none', false), []);
    // Without exclusive options nothing else is unticked.
    const plain = options.map((o) => ({ id: o.id, label: o.label, score: o.score }));
    assert.deepEqual(toggleMultiOption(plain, ['soc2', 'iso'], 'none', true), ['soc2', 'iso', 'none']);
  });
});
