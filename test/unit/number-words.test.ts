// A number answer explained in words, and numbers outside the template's plausible range warned about.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { implausibleWarning, numberBandWords, plausibleWords } from '../../shared/scoring/number-words';
import { questionIndex, Template } from '../../shared/domain/template';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates';

const q = (id: string) => {
  const found = questionIndex(INFRASTRUCTURE_TEMPLATE).get(id)?.question;
  assert.ok(found, `the built-in template asks ${id}`);
  return found;
};

test('the band in words: best, a share of the points, the lowest; singular units', () => {
  const notice = q('mnt_notice_hours');
  assert.equal(numberBandWords(notice, 72), '72 hours: “72 hours or more”, the best band.');
  assert.equal(numberBandWords(notice, 48), '48 hours: “24 hours to under 72”, 50 % of the points.');
  assert.equal(numberBandWords(notice, 1), '1 hour: “Less than 24 hours”, the lowest band (no points).');
  assert.equal(numberBandWords(q('acc_audit_retention_days'), 20), '20 days: “Less than 30 days”, the lowest band.');
});

test('a knock-out band says so, also where the question is not weighted; a fraction gets its band\'s bounds', () => {
  const breach = q('sec_breach_notification_hours');
  assert.equal(numberBandWords(breach, 100), '100 hours: “More than 72 hours”, the lowest band (no points).');
  assert.equal(numberBandWords(breach, 800), '800 hours: “More than 30 days”, the lowest band (no points). A knock-out: the tier is at least High.');
  assert.equal(numberBandWords(breach, 24.5), '24.5 hours: “24 hours or less” (0 hours to under 25 hours), the best band.', 'the label was written for whole hours');
  const bands = [{ max: 10, score: 1 }, { min: 10, score: 0, knockout: 'critical' as const }];
  assert.equal(numberBandWords({ weight: 0, unit: 'days', bands }, 12), '12 days: “10 days or more” (not weighted). A knock-out: the tier is at least Critical.');
  assert.equal(numberBandWords({ weight: 0, unit: 'days', bands }, 3, { flagFed: true }), '3 days: “under 10 days” (weighed through the risk flags).');
});

test('a band without a label is described by its bounds; a number no band covers says it is not scored', () => {
  const question = { weight: 1, unit: 'days', bands: [{ min: 10, max: 20, score: 1 }, { min: 20, score: 0.5 }] };
  assert.equal(numberBandWords(question, 12), '12 days: “10 days to under 20 days”, the best band.');
  assert.equal(numberBandWords(question, 25), '25 days: “20 days or more”, the lowest band.');
  assert.equal(numberBandWords(question, 3), '3 days: no band of this question covers it, so it is not scored.');
  assert.equal(numberBandWords({ weight: 0, unit: 'days', bands: question.bands }, 12), '12 days: “10 days to under 20 days” (not weighted).');
  assert.equal(numberBandWords({ weight: 1, unit: 'days' }, 12), null, 'no bands, nothing to explain');
});

test('outside the plausible range (bounds inclusive) is warned about; inside is not', () => {
  const uptime = q('inc_sla_uptime_percent');
  assert.equal(plausibleWords(uptime), '90 to 100 %');
  assert.equal(implausibleWarning(uptime, 99.9), null, '99.9 % is plausible');
  assert.equal(implausibleWarning(uptime, 100), null, 'the upper bound itself is plausible');
  assert.equal(implausibleWarning(uptime, 90), null, 'the lower bound itself is plausible');
  assert.equal(implausibleWarning(uptime, 119), '119 % is outside the plausible range (90 to 100 %): check it is not a typing slip. It is saved as typed.');
  assert.equal(implausibleWarning(uptime, 119, 'frozen'), '119 % is outside the plausible range (90 to 100 %).', 'no advice on a frozen answer');
  assert.match(implausibleWarning(uptime, 24) ?? '', /^24 % is outside/, 'the issue\'s SLA of 24 % is warned about');
  assert.match(implausibleWarning(q('mnt_notice_hours'), -3) ?? '', /^-3 hours is outside the plausible range \(0 to 2160 hours\)/);
  assert.equal(implausibleWarning({ weight: 1, plausible: { min: 0 } }, 5), null, 'an open upper bound');
  assert.equal(plausibleWords({ weight: 1, unit: 'days', plausible: { max: 30 } }), '30 days or less');
});

test('every number question of the built-in template states a plausible range, and every band lies inside it', () => {
  const numbers = INFRASTRUCTURE_TEMPLATE.sections.flatMap((s) => s.questions).filter((x) => x.kind === 'number');
  assert.ok(numbers.length >= 7, `the built-in template has its number questions (${numbers.length})`);
  for (const question of numbers) {
    assert.ok(question.plausible, `${question.id} states a plausible range`);
    const range: { min?: number; max?: number } = question.plausible;
    for (const band of question.bands ?? []) {
      // Some plausible number falls in every band: its lower bound (or the range's minimum), and just under its upper bound.
      const low: number = band.min ?? range.min!;
      assert.equal(implausibleWarning(question, low), null, `${question.id}: ${low}, in band ${JSON.stringify(band)}, is plausible`);
      if (band.max !== undefined) assert.ok(band.max - 1e-9 <= (range.max ?? Infinity), `${question.id}: the band ending at ${band.max} stays inside the range`);
    }
  }
});

test('a template may state a plausible range on a number question only, with min not above max', async () => {
  const { checkTemplate } = await import('../../shared/templates/check');
  const base = { id: 'p', version: 1, name: 'P', sections: [{ id: 's', title: 'S', questions: [] as unknown[] }] };
  const withQuestion = (question: unknown) => Template.parse({ ...base, sections: [{ ...base.sections[0], questions: [question] }] });
  const problems = (t: Template) => checkTemplate(t).map((p) => `${p.path}: ${p.message}`).join('\n');
  assert.match(problems(withQuestion({ id: 'n', kind: 'number', weight: 0, text: 'N', plausible: { min: 5, max: 1 } })), /plausible: .*min 5 is above its max 1/);
  assert.match(problems(withQuestion({ id: 't', kind: 'text', text: 'T', plausible: { min: 0 } })), /plausible: .*only number questions have a plausible range/);
  assert.equal(problems(withQuestion({ id: 'n', kind: 'number', weight: 0, text: 'N', plausible: { min: 0, max: 0 } })), '', 'a single plausible value is allowed');
  assert.match(
    problems(withQuestion({ id: 'n', kind: 'number', text: 'N', plausible: { min: 0, max: 100 }, bands: [{ max: 100, score: 1 }, { min: 100, max: 150, score: 0.5 }, { min: 150, score: 0, knockout: 'high' }] })),
    /bands\[2\]: .*band 3 .* lies wholly outside the plausible range/,
    'a knock-out band no plausible answer reaches is refused',
  );
  assert.doesNotMatch(problems(withQuestion({ id: 'n', kind: 'number', text: 'N', plausible: { min: 0, max: 100 }, bands: [{ max: 100, score: 1 }, { min: 100, score: 0.5 }] })), /bands\[1\]/, 'a band that starts at the range\'s maximum is reachable (100 is plausible)');
});
