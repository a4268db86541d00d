// Hand-computed expectations for scoring model 2 (docs/scoring.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { checkAnswerValue } from '../../shared/domain/answers';
import type { AnswerMap } from '../../shared/domain/review';
import { Template } from '../../shared/domain/template';
import type { TemplateInput } from '../../shared/domain/template';
import { TIERS, tierRank } from '../../shared/domain/tier';
import type { Tier } from '../../shared/domain/tier';
import {
  CONTROL_BAND_MIN,
  CONTROL_BANDS,
  DEFAULT_SCORING_OPTIONS,
  INHERENT_POINTS,
  LOSS_TOLERANCE,
  RESIDUAL_MATRIX,
  SCORING_MODEL,
  controlBand,
  inherentRisk,
  inherentTier,
  roundScore,
  scoreQuestion,
  scoreReview,
} from '../../shared/scoring';
import type { ControlBand, RiskProfile, ScoreResult } from '../../shared/scoring';
import { checkTemplate } from '../../shared/templates/check';

const close = (actual: number | null | undefined, expected: number, message?: string) => {
  assert.ok(actual !== null && actual !== undefined, message ?? `expected ${expected}, got ${actual}`);
  assert.ok(Math.abs(actual - expected) < 1e-9, message ?? `expected ${expected}, got ${actual}`);
};
const sumLost = (r: ScoreResult) => r.explanation.reduce((t, e) => t + e.pointsLost, 0);
const NO_THRESHOLDS = { completionThreshold: 0, coverageThreshold: 0 };

// ---------------------------------------------------------------------------------------------
// The worked example of docs/scoring.md, section 13. Change one and you must change the other.
// ---------------------------------------------------------------------------------------------

const yesNo = (why?: string) => [
  { id: 'yes', label: 'Yes', score: 1 },
  { id: 'partial', label: 'Partly', score: 0.5, ...(why ? { why } : {}) },
  { id: 'no', label: 'No', score: 0 },
];

const EXAMPLE_INPUT: TemplateInput = {
  id: 'example',
  version: 1,
  name: 'Worked example',
  sections: [
    {
      id: 'security',
      title: 'Security',
      weight: 2,
      questions: [
        {
          id: 'encryption',
          kind: 'yesno',
          text: 'Is customer data encrypted at rest?',
          weight: 3,
          mustHave: true,
          options: yesNo('Only some data stores are encrypted at rest.'),
        },
        {
          id: 'restore-test',
          kind: 'single',
          text: 'How often are restores from backup tested?',
          weight: 1,
          options: [
            { id: 'quarterly', label: 'Quarterly', score: 1 },
            { id: 'yearly', label: 'Yearly', score: 0.5 },
            { id: 'never', label: 'Never', score: 0, knockout: 'critical' },
            { id: 'no-data', label: 'It keeps no data', score: 'na' },
          ],
        },
        { id: 'sso', kind: 'yesno', text: 'Does it support single sign-on?', weight: 2, allowNa: true, options: yesNo() },
        {
          id: 'sso-mfa',
          kind: 'yesno',
          text: 'Can single sign-on require MFA?',
          weight: 1,
          options: yesNo(),
          showWhen: { q: 'sso', is: ['yes'] },
        },
      ],
    },
    {
      id: 'operations',
      title: 'Operations',
      weight: 1,
      questions: [
        {
          id: 'sla',
          kind: 'number',
          text: 'What monthly uptime does the SLA commit to?',
          weight: 2,
          unit: '%',
          bands: [
            { min: 99.9, score: 1, label: '99.9% or more' },
            { min: 99, max: 99.9, score: 0.5, label: '99% to 99.9%' },
            { max: 99, score: 0, label: 'under 99%' },
          ],
        },
        {
          id: 'status-channels',
          kind: 'multi',
          text: 'Where does it announce incidents?',
          weight: 1,
          options: [
            { id: 'page', label: 'Status page', score: 0.5 },
            { id: 'email', label: 'E-mail', score: 0.25 },
            { id: 'rss', label: 'RSS feed', score: 0.25 },
          ],
        },
        { id: 'account-manager', kind: 'yesno', text: 'Is there a named account manager?', weight: 1, options: yesNo() },
        { id: 'notes', kind: 'longtext', text: 'Anything else?', optional: true },
      ],
    },
  ],
};
const EXAMPLE = Template.parse(EXAMPLE_INPUT);

const EXAMPLE_ANSWERS: AnswerMap = {
  encryption: { value: 'partial', na: false },
  'restore-test': { value: 'never', na: false },
  sso: { value: null, na: true }, // allowed here; the reason is the answer's comment
  'sso-mfa': { value: 'no', na: false }, // left behind: sso-mfa is hidden, so this is ignored
  sla: { value: 99.5, na: false },
  'status-channels': { value: ['page'], na: false },
  // account-manager: not answered; notes: optional, not answered
};

const EXAMPLE_PROFILE: RiskProfile = {
  criticalPath: false,
  businessImpact: 'medium',
  dataCategories: ['personal-data', 'logs-telemetry'],
};

describe('worked example (docs/scoring.md, section 13)', () => {
  const r = scoreReview(EXAMPLE, EXAMPLE_ANSWERS, EXAMPLE_PROFILE);

  test('the example template is sound and marks what the docs say', () => {
    assert.deepEqual(checkTemplate(EXAMPLE), []);
    const q = (id: string) => EXAMPLE.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;
    assert.equal(q('encryption').mustHave, true);
    assert.equal(q('sso').allowNa, true);
    assert.equal(r.model, SCORING_MODEL);
    assert.equal(SCORING_MODEL, 2);
  });

  test('section scores: losses out of fixed full weights (Security F = 7, Operations F = 4)', () => {
    const [security, operations] = r.sections;
    // Security: 100 × (1 − (1.5 + 1) / 7); sso N/A loses nothing, sso-mfa hidden but in F.
    assert.equal(security!.sectionId, 'security');
    close(security!.score, 100 * (1 - 2.5 / 7));
    close(security!.score, 64.28571428571429);
    assert.equal(security!.answered, 3);
    assert.equal(security!.total, 3);
    close(security!.coverage, 1);
    // Operations: 100 × (1 − (1 + 0.5) / 4); account-manager unanswered loses nothing, notes is not scored.
    assert.equal(operations!.sectionId, 'operations');
    close(operations!.score, 62.5);
    assert.equal(operations!.answered, 2);
    assert.equal(operations!.total, 3);
    close(operations!.coverage, 0.75);
  });

  test('overall, coverage, completion, state', () => {
    close(r.overall, 100 - ((2.5 / 7) * (2 / 3) + (1.5 / 4) * (1 / 3)) * 100);
    close(r.overall, 63.69047619047619);
    close(r.overall, ((100 * (1 - 2.5 / 7)) * 2 + 62.5) / 3); // the weighted mean of the sections
    assert.equal(roundScore(r.overall), 63.7);
    close(r.coverage, (1 * 2 + 0.75 * 1) / 3);
    close(r.coverage, 0.9166666666666666);
    close(r.completion, 5 / 6);
    assert.equal(r.state, 'scored');
    assert.deepEqual(r.blockers, []);
    assert.deepEqual(r.mustHaveOpen, []);
    assert.deepEqual(r.conflicts, []);
  });

  test('tiers: inherent medium, weak controls, residual high, knock-out critical', () => {
    assert.equal(inherentRisk(EXAMPLE_PROFILE).points, 2.5); // 0 + 1 + 1 + 0.5
    assert.equal(r.inherent, 'medium');
    assert.equal(controlBand(r.overall!), 'weak');
    assert.equal(r.residual, 'high'); // medium × weak
    assert.equal(r.tier, 'critical'); // raised by the knock-out
  });

  test('open and N/A questions', () => {
    assert.deepEqual(r.open, [
      { questionId: 'account-manager', sectionId: 'operations', questionText: 'Is there a named account manager?', mustHave: false },
    ]);
    assert.deepEqual(r.notApplicable, [
      { questionId: 'sso', sectionId: 'security', questionText: 'Does it support single sign-on?', answerLabel: 'Not applicable' },
    ]);
  });

  test('knock-outs', () => {
    assert.deepEqual(r.knockouts, [
      {
        questionId: 'restore-test',
        questionText: 'How often are restores from backup tested?',
        answerLabel: 'Never',
        tier: 'critical',
      },
    ]);
  });

  test('explanation: order, points and reasons', () => {
    assert.deepEqual(
      r.explanation.map((e) => e.questionId),
      ['encryption', 'restore-test', 'sla', 'status-channels'],
    );
    const [enc, restore, sla, status] = r.explanation;
    close(enc!.pointsLost, (1.5 / 7) * (2 / 3) * 100); // 14.29
    close(enc!.pointsLost, 14.285714285714286);
    close(restore!.pointsLost, (1 / 7) * (2 / 3) * 100); // 9.52
    close(sla!.pointsLost, (1 / 4) * (1 / 3) * 100); // 8.33
    close(status!.pointsLost, (0.5 / 4) * (1 / 3) * 100); // 4.17
    close(sumLost(r), 100 - r.overall!);
    close(sumLost(r), 36.30952380952381);

    assert.equal(enc!.reason, 'Only some data stores are encrypted at rest.');
    assert.equal(enc!.answerLabel, 'Partly');
    assert.equal(enc!.sectionId, 'security');
    assert.equal(enc!.knockout, null);
    assert.equal(restore!.knockout, 'critical');
    assert.equal(
      restore!.reason,
      'Answered “Never”: How often are restores from backup tested? This answer is a knock-out: the tier is at least critical.',
    );
    assert.equal(sla!.answerLabel, '99.5 %');
    assert.equal(sla!.reason, 'Answered “99.5 %”: What monthly uptime does the SLA commit to? Falls in “99% to 99.9%”.');
    assert.equal(
      status!.reason,
      'Answered “Status page”: Where does it announce incidents? Not selected: “E-mail”, “RSS feed”.',
    );
  });

  test('the hidden question is ignored even though it has an answer', () => {
    const without: Record<string, AnswerMap[string]> = { ...EXAMPLE_ANSWERS };
    delete without['sso-mfa'];
    assert.deepEqual(scoreReview(EXAMPLE, without, EXAMPLE_PROFILE), r);
  });

  test('sso answered Yes: sso-mfa counts, and no other answer costs more (weight stability)', () => {
    const revealed = scoreReview(EXAMPLE, { ...EXAMPLE_ANSWERS, sso: { value: 'yes', na: false } }, EXAMPLE_PROFILE);
    close(revealed.sections[0]!.score, 50); // 100 × (1 − 3.5 / 7)
    assert.equal(revealed.sections[0]!.total, 4);
    assert.equal(revealed.sections[0]!.answered, 4);
    const lost = (id: string) => revealed.explanation.find((e) => e.questionId === id)?.pointsLost;
    close(lost('sso-mfa'), (1 / 7) * (2 / 3) * 100); // 9.52
    close(lost('encryption'), 14.285714285714286); // unchanged
    close(lost('restore-test'), (1 / 7) * (2 / 3) * 100);
    close(lost('sla'), 100 / 12);
    assert.equal(lost('sso'), undefined); // Yes loses nothing
    assert.deepEqual(revealed.notApplicable, []);
    close(sumLost(revealed), 100 - revealed.overall!);
  });

  test('on the critical path: inherent high (4.5), the critical knock-out stays critical, not "raised"', () => {
    const cp = scoreReview(EXAMPLE, EXAMPLE_ANSWERS, { ...EXAMPLE_PROFILE, criticalPath: true });
    assert.equal(inherentRisk({ ...EXAMPLE_PROFILE, criticalPath: true }).points, 4.5);
    assert.equal(cp.inherent, 'high');
    assert.deepEqual(cp.knockouts.map((k) => [k.questionId, k.tier, k.raised]), [['restore-test', 'critical', undefined]]);
    assert.equal('raised' in cp.knockouts[0]!, false);
    assert.equal(cp.explanation[1]!.reason, r.explanation[1]!.reason);
    assert.equal(cp.tier, 'critical');
  });

  test('on the critical path a high knock-out reads "critical (raised: …)"', () => {
    const input = structuredClone(EXAMPLE_INPUT) as TemplateInput;
    const never = input.sections[0]!.questions[1]!.options!.find((o) => o.id === 'never')!;
    never.knockout = 'high';
    const t = Template.parse(input);
    const off = scoreReview(t, EXAMPLE_ANSWERS, EXAMPLE_PROFILE);
    assert.deepEqual(off.knockouts.map((k) => [k.tier, k.raised]), [['high', undefined]]);
    assert.equal(off.tier, 'high'); // max(high residual, high knock-out)
    const on = scoreReview(t, EXAMPLE_ANSWERS, { ...EXAMPLE_PROFILE, criticalPath: true });
    assert.deepEqual(on.knockouts, [
      { questionId: 'restore-test', questionText: 'How often are restores from backup tested?', answerLabel: 'Never', tier: 'critical', raised: true },
    ]);
    const line = on.explanation.find((e) => e.questionId === 'restore-test')!;
    assert.equal(line.knockout, 'critical');
    assert.equal(
      line.reason,
      'Answered “Never”: How often are restores from backup tested? This answer is a knock-out: the tier is at least critical (raised: the provider is on the critical path).',
    );
    assert.equal(on.tier, 'critical');
  });

  test('without allowNa the N/A on sso is unanswered: open, naRefused, and sso-mfa undecided', () => {
    const input = structuredClone(EXAMPLE_INPUT) as TemplateInput;
    delete input.sections[0]!.questions[2]!.allowNa;
    const t = Template.parse(input);
    const x = scoreReview(t, EXAMPLE_ANSWERS, EXAMPLE_PROFILE);
    // Scores do not move: N/A and unanswered both cost nothing.
    close(x.overall, r.overall!);
    assert.deepEqual(x.notApplicable, []);
    assert.deepEqual(
      x.open.map((o) => [o.questionId, o.naRefused]),
      [
        ['sso', true],
        ['account-manager', undefined],
      ],
    );
    // Security: sso (2) open, and sso-mfa (1) undecided since its condition reads sso: 1 − 3/7.
    close(x.sections[0]!.coverage, 4 / 7);
    close(x.coverage, ((4 / 7) * 2 + 0.75) / 3);
    close(x.completion, 4 / 6);
    assert.equal(x.state, 'incomplete');
    assert.deepEqual(x.blockers, [
      '66% of the questions are answered; a tier needs 80%.',
      "The answers cover 63% of the questionnaire's weight; a tier needs 80%.",
    ]);
    assert.equal(x.residual, null);
    assert.equal(x.tier, 'critical'); // the knock-out alone
  });

  test('the must-have left blank: no residual, the blocker names it', () => {
    const blank: Record<string, AnswerMap[string]> = { ...EXAMPLE_ANSWERS };
    delete blank['encryption'];
    const x = scoreReview(EXAMPLE, blank, EXAMPLE_PROFILE);
    assert.deepEqual(x.mustHaveOpen.map((o) => o.questionId), ['encryption']);
    assert.deepEqual(x.open.map((o) => [o.questionId, o.mustHave]), [
      ['encryption', true],
      ['account-manager', false],
    ]);
    assert.equal(x.state, 'incomplete');
    assert.ok(x.blockers.includes('1 must-have question is not answered: 1.1.'), x.blockers.join(' | '));
    assert.equal(x.residual, null);
    assert.equal(x.tier, 'critical'); // the restore-test knock-out still counts
  });
});

// ---------------------------------------------------------------------------------------------
// Smaller, targeted cases.
// ---------------------------------------------------------------------------------------------

const LOW: RiskProfile = { criticalPath: false, businessImpact: 'low', dataCategories: [] };

type FlatOptions = { allowNa?: boolean; mustHave?: number[] };
/** One section of yes/partial/no questions named q1..qn with the given weights. */
function flat(weights: number[], sectionWeight = 1, { allowNa = false, mustHave = [] }: FlatOptions = {}): Template {
  return Template.parse({
    id: 't',
    version: 1,
    name: 'T',
    sections: [
      {
        id: 's',
        title: 'S',
        weight: sectionWeight,
        questions: weights.map((weight, i) => ({
          id: `q${i + 1}`,
          kind: 'yesno',
          text: `Question ${i + 1}?`,
          weight,
          ...(allowNa ? { allowNa: true } : {}),
          ...(mustHave.includes(i + 1) ? { mustHave: true } : {}),
          options: [
            { id: 'yes', label: 'Yes', score: 1 },
            { id: 'partial', label: 'Partly', score: 0.5 },
            { id: 'no', label: 'No', score: 0 },
            { id: 'ko', label: 'Never', score: 0, knockout: 'high' },
            { id: 'ko-yes', label: 'Yes, but', score: 1, knockout: 'critical' },
            { id: 'ko-medium', label: 'Rarely', score: 0, knockout: 'medium' },
            { id: 'skip', label: 'Does not apply', score: 'na' },
          ],
        })),
      },
    ],
  } satisfies TemplateInput);
}
const a = (value: string | string[] | number | null, na = false) => ({ value, na });

describe('N/A (docs section 2)', () => {
  test('allowed N/A costs nothing and takes nothing from the others: the fixed F keeps its weight', () => {
    const t = flat([1, 3], 1, { allowNa: true });
    const r = scoreReview(t, { q1: a('partial'), q2: a(null, true) }, LOW);
    // F = 4, q1 loses 0.5: 87.5, whatever q2 weighs (model 1 left q2 out: 50).
    close(r.overall, 87.5);
    close(r.explanation[0]!.pointsLost, 12.5);
    assert.equal(r.completion, 1);
    assert.equal(r.coverage, 1); // N/A is settled
    assert.deepEqual(r.notApplicable.map((n) => [n.questionId, n.answerLabel]), [['q2', 'Not applicable']]);
    assert.deepEqual(r.open, []);
    // The same through an option worth 'na', whatever allowNa says.
    const viaOption = scoreReview(flat([1, 3]), { q1: a('partial'), q2: a('skip') }, LOW);
    close(viaOption.overall, 87.5);
    assert.equal(viaOption.coverage, 1);
    assert.deepEqual(viaOption.notApplicable.map((n) => [n.questionId, n.answerLabel]), [['q2', 'Does not apply']]);
  });

  test('N/A where the template does not allow it is unanswered: open (naRefused), costs nothing, lowers coverage', () => {
    const r = scoreReview(flat([1, 3]), { q1: a('partial'), q2: a(null, true) }, LOW);
    close(r.overall, 87.5);
    assert.equal(scoreQuestion(flat([1]).sections[0]!.questions[0]!, a('yes', true)).status, 'unanswered');
    assert.equal(r.completion, 0.5);
    close(r.coverage, 0.25);
    assert.deepEqual(r.notApplicable, []);
    assert.deepEqual(r.open, [{ questionId: 'q2', sectionId: 's', questionText: 'Question 2?', mustHave: false, naRefused: true }]);
    assert.equal(r.state, 'incomplete');
    assert.equal(r.tier, null);
  });

  test('marked N/A wins over a value, and a knock-out value is then ignored (allowed or not)', () => {
    const allowed = scoreReview(flat([1, 1], 1, { allowNa: true }), { q1: a('yes'), q2: a('ko', true) }, LOW);
    close(allowed.overall, 100);
    assert.deepEqual(allowed.knockouts, []);
    assert.deepEqual(allowed.explanation, []);
    assert.equal(allowed.state, 'scored');
    assert.equal(allowed.tier, 'low');
    const refused = scoreReview(flat([1, 1]), { q1: a('yes'), q2: a('ko', true) }, LOW);
    assert.deepEqual(refused.knockouts, []);
    assert.equal(refused.state, 'incomplete');
    assert.equal(refused.tier, null);
  });

  test("an option worth 'na' is N/A even when it carries a knock-out", () => {
    const t = Template.parse({
      id: 't',
      version: 1,
      name: 'T',
      sections: [
        {
          id: 's',
          title: 'S',
          questions: [
            { id: 'q1', kind: 'yesno', text: 'Q1?', options: yesNo() },
            {
              id: 'q2',
              kind: 'single',
              text: 'Q2?',
              options: [
                { id: 'ok', label: 'OK', score: 1 },
                { id: 'odd', label: 'Not used', score: 'na', knockout: 'critical' },
              ],
            },
          ],
        },
      ],
    });
    const r = scoreReview(t, { q1: a('partial'), q2: a('odd') }, LOW);
    close(r.overall, 75); // F = 2, q1 loses 0.5
    assert.deepEqual(r.knockouts, []);
    assert.equal(r.residual, 'low'); // low × adequate
    assert.equal(r.tier, 'low'); // not raised to critical
  });

  test('a section with only N/A answers has no score of its own and still counts as 100 in the overall (a fixed set of sections)', () => {
    const base = flat([1], 1, { allowNa: true }).sections[0]!;
    const t = Template.parse({
      id: 't',
      version: 1,
      name: 'T',
      sections: [
        { ...base, id: 'a', weight: 5 },
        { ...base, id: 'b', questions: [{ ...base.questions[0]!, id: 'b1' }] },
      ],
    });
    const r = scoreReview(t, { q1: a(null, true), b1: a('partial') }, LOW);
    assert.equal(r.sections[0]!.score, null, 'N/A alone gives no score (docs section 3)');
    close(r.sections[0]!.coverage, 1, 'but it is settled');
    close(r.overall, (5 * 100 + 50) / 6);
    close(r.explanation[0]!.pointsLost, 50 / 6);
    // A section with nothing answered in it has no score either (and still counts as 100 in the overall).
    const r2 = scoreReview(t, { b1: a('partial') }, LOW, NO_THRESHOLDS);
    assert.equal(r2.sections[0]!.score, null);
    close(r2.overall, (5 * 100 + 50) / 6);
    close(r2.coverage, 1 / 6);
  });

  test('everything N/A where N/A is not allowed: incomplete, no overall... no residual, no tier', () => {
    const r = scoreReview(flat([1, 1]), { q1: a(null, true), q2: a('ko', true) }, LOW);
    assert.equal(r.overall, null);
    assert.equal(r.state, 'incomplete');
    assert.equal(r.completion, 0);
    assert.equal(r.coverage, 0);
    assert.equal(r.residual, null);
    assert.equal(r.tier, null);
  });

  test('everything N/A with a must-have in the template: no tier (N/A is not an answer to a must-have)', () => {
    const t = flat([1, 1, 1], 1, { mustHave: [1] });
    const noNa = Template.parse({
      ...t,
      sections: [{ ...t.sections[0]!, questions: t.sections[0]!.questions.map((q, i) => (i === 0 ? q : { ...q, allowNa: true })) }],
    });
    const r = scoreReview(noNa, { q1: a(null, true), q2: a(null, true), q3: a('skip') }, LOW);
    assert.deepEqual(r.mustHaveOpen.map((o) => [o.questionId, o.naRefused]), [['q1', true]]);
    assert.equal(r.state, 'incomplete');
    assert.equal(r.tier, null);
    // A must-have answered with an option worth 'na' is answered (the check tells authors so).
    const viaOption = scoreReview(noNa, { q1: a('skip'), q2: a(null, true), q3: a('skip') }, LOW);
    assert.deepEqual(viaOption.mustHaveOpen, []);
  });

  test('everything N/A where N/A is allowed: nothing is scored, so no tier (docs section 6, condition 5)', () => {
    const r = scoreReview(flat([1, 1], 1, { allowNa: true }), { q1: a('skip'), q2: a(null, true) }, LOW);
    assert.equal(r.overall, null);
    assert.equal(r.state, 'incomplete');
    assert.equal(r.tier, null, `state ${r.state}, overall ${r.overall}, tier ${r.tier}`);
    assert.ok(r.blockers.includes('No answer is scored yet: everything answered is N/A or informational.'), r.blockers.join(' | '));
  });
});

describe('unanswered questions (docs sections 2 and 5)', () => {
  test('cost nothing in the score; they lower completion and coverage', () => {
    const r = scoreReview(flat([1, 1, 1, 1, 1]), { q1: a('yes'), q2: a('yes'), q3: a('yes'), q4: a('partial') }, LOW);
    close(r.overall, 90); // 100 × (1 − 0.5 / 5): q5 counts in F, loses nothing
    close(r.completion, 0.8);
    close(r.coverage, 0.8);
    assert.equal(r.state, 'scored'); // exactly 80 % is enough, for both
    assert.equal(r.explanation.length, 1);
    assert.deepEqual(r.open.map((o) => o.questionId), ['q5']);
  });

  test('a null value, a value that fits no option, a multi with an exclusive option and another are unanswered', () => {
    const q = flat([1]).sections[0]!.questions[0]!;
    assert.equal(scoreQuestion(q, undefined).status, 'unanswered');
    assert.equal(scoreQuestion(q, a(null)).status, 'unanswered');
    assert.equal(scoreQuestion(q, a('maybe')).status, 'unanswered');
    assert.equal(scoreQuestion(q, a(3)).status, 'unanswered');
    assert.equal(scoreQuestion(q, a(['yes'])).status, 'unanswered');
    const m = KINDS.sections[0]!.questions.find((x) => x.id === 'm')!;
    assert.equal(scoreQuestion(m, a(['none', 'x'])).status, 'unanswered');
    assert.equal(scoreQuestion(m, a(['x', 'x'])).status, 'unanswered');
  });

  test('nothing answered: completion and coverage 0, incomplete, no score and no tier', () => {
    const r = scoreReview(flat([1, 1]), {}, LOW);
    assert.equal(r.completion, 0);
    assert.equal(r.coverage, 0);
    assert.equal(r.state, 'incomplete');
    assert.equal(r.overall, null);
    assert.deepEqual(r.sections.map((s) => s.score), [null]);
    assert.equal(r.tier, null);
    assert.deepEqual(r.explanation, []);
    assert.deepEqual(r.open.map((o) => o.questionId), ['q1', 'q2']);
    assert.deepEqual(r.blockers, [
      '0% of the questions are answered; a tier needs 80%.',
      "The answers cover 0% of the questionnaire's weight; a tier needs 80%.",
      'No answer is scored yet: everything answered is N/A or informational.',
    ]);
  });
});

describe('visibility: hidden is settled, undecided is open (docs sections 1 and 5)', () => {
  const base = flat([1, 2, 1]);
  const t = Template.parse({
    ...base,
    sections: [
      {
        ...base.sections[0]!,
        questions: base.sections[0]!.questions.map((q) => (q.id === 'q2' ? { ...q, showWhen: { q: 'q1', is: ['yes', 'partial'] } } : q)),
      },
    ],
  });

  test('undecided (its parent unanswered): open for coverage, not counted for completion', () => {
    const r = scoreReview(t, { q3: a('yes') }, LOW);
    assert.equal(r.sections[0]!.total, 2); // q1 and q3 shown
    assert.equal(r.completion, 0.5);
    close(r.coverage, 1 / 4); // q1 (1) and q2 (2) open of F = 4
    assert.deepEqual(r.open.map((o) => o.questionId), ['q1']); // q2 is not shown, so not listed
  });

  test('hidden (its parent says it does not apply): settled, costs nothing, F keeps its weight', () => {
    const r = scoreReview(t, { q1: a('no'), q2: a('no'), q3: a('yes') }, LOW); // q2's "No" is left behind
    close(r.coverage, 1);
    assert.equal(r.completion, 1);
    close(r.overall, 75); // q1 loses 1 of F = 4; q2 hidden loses nothing
    assert.deepEqual(r.explanation.map((e) => e.questionId), ['q1']);
  });

  test('shown and unanswered: open; answered: its loss is the same share of F as ever', () => {
    const open = scoreReview(t, { q1: a('yes'), q3: a('yes') }, LOW, NO_THRESHOLDS);
    close(open.coverage, 2 / 4);
    assert.deepEqual(open.open.map((o) => o.questionId), ['q2']);
    const answered = scoreReview(t, { q1: a('yes'), q2: a('partial'), q3: a('no') }, LOW);
    close(answered.explanation.find((e) => e.questionId === 'q3')!.pointsLost, 25);
    const hidden = scoreReview(t, { q1: a('no'), q3: a('no') }, LOW);
    close(hidden.explanation.find((e) => e.questionId === 'q3')!.pointsLost, 25);
  });
});

describe('visibility reads answers the way scoring does (docs section 1)', () => {
  const t = Template.parse({
    id: 't',
    version: 1,
    name: 'T',
    sections: [
      {
        id: 's',
        title: 'S',
        questions: [
          {
            id: 'p',
            kind: 'multi',
            text: 'Which?',
            options: [
              { id: 'a', label: 'A', score: 1 },
              { id: 'none', label: 'None', score: 0, exclusive: true },
            ],
          },
          { id: 'c', kind: 'yesno', text: 'Follow-up?', showWhen: { q: 'p', is: ['a'] }, options: [{ id: 'yes', label: 'Yes', score: 1 }, { id: 'no', label: 'No', score: 0, knockout: 'high' }] },
          { id: 'n', kind: 'yesno', text: 'Otherwise?', showWhen: { not: { q: 'p', is: ['a'] } }, options: [{ id: 'yes', label: 'Yes', score: 1 }, { id: 'no', label: 'No', score: 0, knockout: 'high' }] },
        ],
      },
    ],
  });

  test('a valid answer decides: the follow-up is shown, the negated one hidden', () => {
    const r = scoreReview(t, { p: a(['a']), c: a('no'), n: a('no') }, LOW);
    assert.deepEqual(r.knockouts.map((k) => k.questionId), ['c']);
  });

  test('a refused value on the parent reveals nothing: its follow-up stays hidden and cannot knock out', () => {
    const r = scoreReview(t, { p: a(['a', 'none']), c: a('no') }, LOW);
    assert.deepEqual(r.open.map((o) => o.questionId), ['p', 'n']);
    assert.deepEqual(r.knockouts, []);
  });

  test('a negated condition on an unanswered question shows the question, as the app does: its answer counts', () => {
    const r = scoreReview(t, { n: a('no') }, LOW);
    assert.deepEqual(r.knockouts.map((k) => k.questionId), ['n']);
    assert.equal(r.sections[0]!.total, 2); // p and n are shown
  });
});

describe('incomplete reviews (docs section 6)', () => {
  const t = flat([1, 1, 1, 1, 1]);
  const answers = { q1: a('yes'), q2: a('yes'), q3: a('no') };

  test('under the thresholds: provisional overall, no residual, the blockers say why', () => {
    const r = scoreReview(t, answers, LOW);
    close(r.completion, 0.6);
    close(r.coverage, 0.6);
    assert.equal(r.state, 'incomplete');
    close(r.overall, 80);
    assert.equal(r.residual, null);
    assert.equal(r.tier, null);
    assert.deepEqual(r.blockers, [
      '60% of the questions are answered; a tier needs 80%.',
      "The answers cover 60% of the questionnaire's weight; a tier needs 80%.",
    ]);
  });

  test('the thresholds are options', () => {
    const r = scoreReview(t, answers, LOW, { completionThreshold: 0.5, coverageThreshold: 0.5 });
    assert.equal(r.state, 'scored');
    assert.equal(r.residual, 'low'); // low × adequate (80)
    assert.equal(r.tier, 'low');
    assert.equal(scoreReview(t, answers, LOW, { completionThreshold: 0.5, coverageThreshold: 0.7 }).state, 'incomplete');
    assert.equal(scoreReview(t, answers, LOW, { completionThreshold: 0.7, coverageThreshold: 0.5 }).state, 'incomplete');
  });

  test('coverage and completion block independently', () => {
    // Heavy question answered: coverage 20/24 is enough, completion 1/5 is not.
    const heavy = flat([20, 1, 1, 1, 1]);
    const byCompletion = scoreReview(heavy, { q1: a('yes') }, LOW);
    close(byCompletion.coverage, 20 / 24);
    assert.deepEqual(byCompletion.blockers, ['20% of the questions are answered; a tier needs 80%.']);
    // Light questions answered: completion 4/5 is enough, coverage 4/24 is not.
    const byCoverage = scoreReview(heavy, { q2: a('yes'), q3: a('yes'), q4: a('yes'), q5: a('yes') }, LOW);
    close(byCoverage.completion, 0.8);
    assert.deepEqual(byCoverage.blockers, ["The answers cover 16% of the questionnaire's weight; a tier needs 80%."]);
    assert.equal(byCoverage.tier, null);
  });

  test('must-haves: open ones block the tier and are listed first', () => {
    const m = flat([1, 1, 1, 1, 1], 1, { mustHave: [4, 5] });
    const r = scoreReview(m, { q1: a('yes'), q2: a('yes'), q3: a('yes') }, LOW, NO_THRESHOLDS);
    assert.deepEqual(r.mustHaveOpen.map((o) => o.questionId), ['q4', 'q5']);
    assert.deepEqual(r.open.map((o) => [o.questionId, o.mustHave]), [
      ['q4', true],
      ['q5', true],
    ]);
    assert.deepEqual(r.blockers, ['2 must-have questions are not answered: 1.4 and 1.5.']);
    assert.equal(r.residual, null);
    assert.equal(r.tier, null);
    const one = scoreReview(m, { q1: a('yes'), q2: a('yes'), q3: a('yes'), q4: a('no') }, LOW);
    assert.deepEqual(one.blockers, ['1 must-have question is not answered: 1.5.']);
    const done = scoreReview(m, { q1: a('yes'), q2: a('yes'), q4: a('no'), q5: a('yes') }, LOW);
    assert.deepEqual(done.open.map((o) => [o.questionId, o.mustHave]), [['q3', false]]);
    assert.equal(done.state, 'scored');
  });

  test('a must-have hidden by its condition does not block', () => {
    const base = flat([1, 1], 1, { mustHave: [2] });
    const t2 = Template.parse({
      ...base,
      sections: [{ ...base.sections[0]!, questions: [base.sections[0]!.questions[0]!, { ...base.sections[0]!.questions[1]!, showWhen: { q: 'q1', is: ['yes'] } }] }],
    });
    assert.deepEqual(scoreReview(t2, { q1: a('no') }, LOW).mustHaveOpen, []);
    assert.equal(scoreReview(t2, { q1: a('no') }, LOW).state, 'scored');
    assert.deepEqual(scoreReview(t2, { q1: a('yes') }, LOW).mustHaveOpen.map((o) => o.questionId), ['q2']);
  });

  test('knock-outs alone give the tier when incomplete', () => {
    const r = scoreReview(t, { ...answers, q3: a('ko') }, LOW);
    assert.equal(r.state, 'incomplete');
    assert.equal(r.residual, null);
    assert.equal(r.tier, 'high');
  });

  test('optional questions do not count for completion nor coverage; answered, they are scored', () => {
    const base = flat([1, 1]);
    const opt = Template.parse({
      ...base,
      sections: [{ ...base.sections[0]!, questions: [base.sections[0]!.questions[0]!, { ...base.sections[0]!.questions[1]!, optional: true }] }],
    });
    const blank = scoreReview(opt, { q1: a('yes') }, LOW);
    assert.equal(blank.completion, 1);
    assert.deepEqual(blank.open, []); // optional questions are never listed as open
    // docs section 5: an optional question is never open.
    close(blank.coverage, 1);
    const r = scoreReview(opt, { q1: a('yes'), q2: a('no') }, LOW);
    close(r.overall, 50);
    assert.equal(r.sections[0]!.total, 1);
  });

  test('a template with nothing to score or answer is complete and fully covered', () => {
    const base = flat([1]);
    const opt = Template.parse({
      ...base,
      sections: [{ ...base.sections[0]!, questions: [{ id: 'd', kind: 'date', text: 'When?', weight: 0, optional: true }] }],
    });
    const r = scoreReview(opt, {}, LOW);
    assert.equal(r.completion, 1);
    assert.equal(r.coverage, 1);
  });
});

describe('profile and answers (docs section 7)', () => {
  const t = Template.parse({
    id: 't',
    version: 1,
    name: 'T',
    sections: [
      {
        id: 's',
        title: 'S',
        questions: [
          {
            id: 'cp',
            kind: 'yesno',
            text: 'Can you work without them?',
            options: [
              { id: 'yes', label: 'Yes', score: 1, implies: { criticalPath: false } },
              { id: 'partial', label: 'Partly', score: 0.5 },
              { id: 'no', label: 'No', score: 0.2, implies: { criticalPath: true } },
            ],
          },
          {
            id: 'pd',
            kind: 'single',
            text: 'Personal data?',
            options: [
              { id: 'users', label: 'Users', score: 1, implies: { personalData: true } },
              { id: 'none', label: 'None', score: 1, implies: { personalData: false } },
            ],
          },
          {
            id: 'loc',
            kind: 'single',
            text: 'Where?',
            showWhen: { q: 'pd', is: ['users'] },
            options: [
              { id: 'known', label: 'Known', score: 1 },
              { id: 'unknown', label: 'Not disclosed', score: 0, implies: { locationsKnown: false } },
            ],
          },
        ],
      },
    ],
  });

  test('agreeing answers: no conflict', () => {
    const r = scoreReview(t, { cp: a('partial'), pd: a('users'), loc: a('unknown') }, { ...LOW, dataCategories: ['personal-data'] });
    assert.deepEqual(r.conflicts, []);
    // With no data locations in the profile, "Not disclosed" is not checked at all.
    assert.equal(r.state, 'scored');
  });

  test('each fact, listed with both readings; the tier waits', () => {
    const profile: RiskProfile = { criticalPath: true, businessImpact: 'low', dataCategories: ['special-personal-data'], dataLocations: ['DE'] };
    const r = scoreReview(t, { cp: a('yes'), pd: a('users'), loc: a('unknown') }, profile);
    assert.deepEqual(r.conflicts.map((c) => [c.questionId, c.fact, c.answerLabel]), [
      ['cp', 'criticalPath', 'Yes'],
      ['loc', 'locationsKnown', 'Not disclosed'],
    ]);
    assert.equal(
      r.conflicts[0]!.message,
      'The answer “Yes” to “Can you work without them?” disagrees with the profile: the profile says it is on the critical path. Correct one of them.',
    );
    assert.match(r.conflicts[1]!.message, /the profile lists where the data is kept/);
    assert.equal(r.state, 'incomplete');
    assert.deepEqual(r.blockers, ['The profile and the answers disagree (questions 1.1 and 1.3).']);
    assert.equal(r.residual, null);
    assert.equal(r.tier, null);
  });

  test('personal data in the profile, "None" in the answers: a conflict (special personal data counts too)', () => {
    const r = scoreReview(t, { cp: a('partial'), pd: a('none') }, { ...LOW, dataCategories: ['special-personal-data'] });
    assert.deepEqual(r.conflicts.map((c) => [c.questionId, c.fact]), [['pd', 'personalData']]);
    assert.match(r.conflicts[0]!.message, /the profile lists personal data among its data categories/);
    const reverse = scoreReview(t, { cp: a('partial'), pd: a('users'), loc: a('known') }, LOW);
    assert.match(reverse.conflicts[0]!.message, /the profile lists no personal data/);
  });

  test('only shown, answered questions are compared', () => {
    const r = scoreReview(t, { cp: a('no'), pd: a('none'), loc: a('unknown') }, { ...LOW, dataLocations: ['DE'] });
    // cp "No" says critical path, the profile says not: a conflict; loc is hidden (pd = none).
    assert.deepEqual(r.conflicts.map((c) => c.questionId), ['cp']);
    assert.deepEqual(scoreReview(t, { cp: a(null, true) }, { ...LOW, criticalPath: true }).conflicts, []);
  });
});

describe('knock-outs (docs section 8)', () => {
  test('force the tier even when the overall is high', () => {
    const r = scoreReview(flat([10, 10, 10, 10, 1]), { q1: a('yes'), q2: a('yes'), q3: a('yes'), q4: a('yes'), q5: a('ko') }, LOW);
    close(r.overall, 4000 / 41); // 100 × (1 − 1/41) = 97.6
    assert.equal(r.residual, 'low');
    assert.equal(r.tier, 'high');
    assert.equal(r.knockouts.length, 1);
  });

  test('a knock-out with full marks still appears in the explanation, with 0 points', () => {
    const r = scoreReview(flat([1, 1]), { q1: a('yes'), q2: a('ko-yes') }, LOW);
    close(r.overall, 100);
    assert.equal(r.tier, 'critical');
    assert.equal(r.explanation.length, 1);
    assert.equal(r.explanation[0]!.pointsLost, 0);
    assert.equal(r.explanation[0]!.knockout, 'critical');
  });

  test('raised one tier on a critical-path provider (critical stays critical), with raised: true', () => {
    const answers = { q1: a('ko-medium'), q2: a('ko'), q3: a('ko-yes') };
    const cpProfile: RiskProfile = { ...LOW, criticalPath: true };
    const off = scoreReview(flat([1, 1, 1]), answers, LOW);
    assert.deepEqual(off.knockouts.map((k) => [k.questionId, k.tier, 'raised' in k]), [
      ['q1', 'medium', false],
      ['q2', 'high', false],
      ['q3', 'critical', false],
    ]);
    const on = scoreReview(flat([1, 1, 1]), answers, cpProfile);
    assert.deepEqual(on.knockouts.map((k) => [k.questionId, k.tier, k.raised]), [
      ['q1', 'high', true],
      ['q2', 'critical', true],
      ['q3', 'critical', undefined],
    ]);
    const reason = (r: ScoreResult, id: string) => r.explanation.find((e) => e.questionId === id)!.reason;
    assert.equal(reason(off, 'q2'), 'Answered “Never”: Question 2? This answer is a knock-out: the tier is at least high.');
    assert.equal(
      reason(on, 'q2'),
      'Answered “Never”: Question 2? This answer is a knock-out: the tier is at least critical (raised: the provider is on the critical path).',
    );
    assert.equal(reason(on, 'q3'), 'Answered “Yes, but”: Question 3? This answer is a knock-out: the tier is at least critical.');
    assert.equal(on.explanation.find((e) => e.questionId === 'q1')!.knockout, 'high');
    // Only a medium knock-out: high on the critical path.
    // Only a medium knock-out, overall 90 (strong): medium off the critical path, high on it.
    const mediumOff = scoreReview(flat([9, 1]), { q1: a('yes'), q2: a('ko-medium') }, LOW);
    assert.equal(mediumOff.residual, 'low');
    assert.equal(mediumOff.tier, 'medium');
    const mediumOn = scoreReview(flat([9, 1]), { q1: a('yes'), q2: a('ko-medium') }, cpProfile);
    assert.equal(mediumOn.residual, 'low'); // inherent medium × strong
    assert.equal(mediumOn.tier, 'high');
  });

  test('from multi (any selected option) and number (the matched band); the highest per question', () => {
    const t = Template.parse({
      id: 't',
      version: 1,
      name: 'T',
      sections: [
        {
          id: 's',
          title: 'S',
          questions: [
            {
              id: 'm',
              kind: 'multi',
              text: 'Which?',
              options: [
                { id: 'x', label: 'X', score: 0.5, knockout: 'medium' },
                { id: 'y', label: 'Y', score: 0.5, knockout: 'high' },
                { id: 'z', label: 'Z', score: 0.5 },
              ],
            },
            {
              id: 'n',
              kind: 'number',
              text: 'How many?',
              weight: 0, // informational, but a knock-out still counts
              bands: [{ max: 10, score: 0, knockout: 'critical' }, { min: 10, score: 1 }],
            },
          ],
        },
      ],
    });
    const r = scoreReview(t, { m: a(['x', 'y']), n: a(3) }, LOW);
    assert.deepEqual(
      r.knockouts.map((k) => [k.questionId, k.tier, k.answerLabel]),
      [
        ['m', 'high', 'X; Y'],
        ['n', 'critical', '3'],
      ],
    );
    close(r.overall, 100); // min(1, 0.5 + 0.5)
    assert.equal(r.tier, 'critical');
    // Both cost 0 points: a tie, knock-outs by tier (critical first).
    assert.deepEqual(
      r.explanation.map((e) => [e.questionId, e.pointsLost]),
      [
        ['n', 0],
        ['m', 0],
      ],
    );
    assert.deepEqual(scoreReview(t, { m: a(['z']), n: a(12) }, LOW).knockouts, []);
  });

  test('only from shown questions', () => {
    const base = flat([1, 1]);
    const t = Template.parse({
      ...base,
      sections: [
        {
          ...base.sections[0]!,
          questions: [base.sections[0]!.questions[0]!, { ...base.sections[0]!.questions[1]!, showWhen: { q: 'q1', is: ['no'] } }],
        },
      ],
    });
    assert.deepEqual(scoreReview(t, { q1: a('yes'), q2: a('ko') }, LOW).knockouts, []);
    assert.equal(scoreReview(t, { q1: a('no'), q2: a('ko') }, LOW).knockouts.length, 1);
    // Undecided (q1 unanswered): not shown, cannot knock out.
    assert.deepEqual(scoreReview(t, { q2: a('ko') }, LOW).knockouts, []);
  });
});

const KINDS = Template.parse({
  id: 't',
  version: 1,
  name: 'T',
  sections: [
    {
      id: 's',
      title: 'S',
      questions: [
        {
          id: 'm',
          kind: 'multi',
          text: 'Which?',
          options: [
            { id: 'x', label: 'X', score: 0.75 },
            { id: 'y', label: 'Y', score: 0.75 },
            { id: 'none', label: 'None of these', score: 0, exclusive: true, why: 'No control at all.' },
            { id: 'na1', label: 'N/A one', score: 'na' },
            { id: 'na2', label: 'N/A two', score: 'na' },
          ],
        },
        {
          id: 'att',
          kind: 'multi',
          combine: 'max',
          text: 'Which reports?',
          options: [
            { id: 'strong', label: 'Strong', score: 1 },
            { id: 'weak', label: 'Weak', score: 0.5 },
            { id: 'weaker', label: 'Weaker', score: 0.3 },
            { id: 'none', label: 'None', score: 0, exclusive: true },
          ],
        },
        {
          id: 'n',
          kind: 'number',
          text: 'Days?',
          bands: [
            { min: 0, max: 10, score: 1 },
            { min: 10, max: 30, score: 0.5 },
          ],
        },
        { id: 'nb', kind: 'number', text: 'No bands?' },
        { id: 'd', kind: 'date', text: 'When?' },
        { id: 'w0', kind: 'yesno', text: 'Weightless?', weight: 0, options: yesNo() },
      ],
    },
  ],
});

describe('question kinds (docs section 2)', () => {
  const t = KINDS;
  const q = (id: string) => t.sections[0]!.questions.find((x) => x.id === id)!;

  test('multi, combine sum: capped sum; only-N/A options make it N/A; N/A options add nothing', () => {
    assert.equal(scoreQuestion(q('m'), a(['x', 'y'])).score, 1);
    assert.equal(scoreQuestion(q('m'), a(['x'])).score, 0.75);
    assert.equal(scoreQuestion(q('m'), a(['na1', 'na2'])).status, 'na');
    assert.equal(scoreQuestion(q('m'), a(['na1', 'x'])).score, 0.75);
    assert.equal(scoreQuestion(q('m'), a(['none'])).score, 0);
  });

  test('an empty selection is an answer ("none of these") worth 0, not unanswered', () => {
    assert.equal(scoreQuestion(q('m'), a([])).status, 'scored');
    assert.equal(scoreQuestion(q('m'), a([])).score, 0);
    assert.equal(scoreQuestion(q('att'), a([])).score, 0);
    assert.equal(checkAnswerValue(q('m'), []), null);
    const r = scoreReview(t, { m: a([]) }, LOW, NO_THRESHOLDS);
    assert.deepEqual(r.open.map((o) => o.questionId).includes('m'), false);
    const line = r.explanation.find((e) => e.questionId === 'm')!;
    assert.equal(line.answerLabel, 'None selected');
    close(line.pointsLost, 100 / 4); // full weight 1 of F = 4 (m, att, n, nb)
  });

  test('multi, combine max: the strongest selected option; a weaker one added never lowers it', () => {
    assert.equal(scoreQuestion(q('att'), a(['strong'])).score, 1);
    assert.equal(scoreQuestion(q('att'), a(['strong', 'weak'])).score, 1);
    assert.equal(scoreQuestion(q('att'), a(['weak', 'weaker'])).score, 0.5); // not 0.8
    assert.equal(scoreQuestion(q('att'), a(['weaker'])).score, 0.3);
  });

  test('exclusive: "None" alone is an answer; "None" with another is refused and unanswered', () => {
    assert.equal(checkAnswerValue(q('att'), ['none']), null);
    assert.equal(checkAnswerValue(q('att'), ['none', 'strong']), '"None" is chosen alone, not with other options');
    assert.equal(scoreQuestion(q('att'), a(['none', 'strong'])).status, 'unanswered');
    assert.equal(scoreQuestion(q('att'), a(['none'])).score, 0);
  });

  test('number: the band with min ≤ value < max; no band → unscored; overlapping bands are refused', () => {
    assert.equal(scoreQuestion(q('n'), a(0)).score, 1);
    assert.equal(scoreQuestion(q('n'), a(9.99)).score, 1);
    assert.equal(scoreQuestion(q('n'), a(10)).score, 0.5);
    assert.equal(scoreQuestion(q('n'), a(30)).status, 'unscored');
    assert.equal(scoreQuestion(q('n'), a(-1)).status, 'unscored');
    assert.equal(scoreQuestion(q('nb'), a(5)).status, 'unscored');
    const overlapping = Template.parse({
      ...t,
      sections: [{ ...t.sections[0]!, questions: [{ ...q('n'), bands: [{ min: 0, max: 10, score: 1 }, { min: 5, max: 30, score: 0.5 }] }] }],
    });
    assert.equal(checkTemplate(overlapping).length, 1);
    assert.match(checkTemplate(overlapping)[0]!.message, /overlaps/);
  });

  test('informational answers count for completion and coverage, cost nothing', () => {
    assert.equal(scoreQuestion(q('d'), a('2024-01-31')).status, 'unscored');
    assert.equal(scoreQuestion(q('d'), a('31/01/2024')).status, 'unanswered');
    assert.equal(scoreQuestion(q('w0'), a('no')).status, 'unscored');
    const r = scoreReview(t, { m: a(['x']), att: a(['strong']), n: a(50), nb: a(1), d: a('2024-01-31'), w0: a('no') }, LOW);
    // F = m 1 + att 1 + n 1 + nb 1 (numbers with weight count, banded or not); m loses 0.25.
    close(r.sections[0]!.score, 100 * (1 - 0.25 / 4));
    assert.equal(r.completion, 1);
    assert.equal(r.coverage, 1);
    assert.equal(r.explanation.length, 1);
  });

  test('multi reasons: the why of a selected option, else the good options not selected', () => {
    const r = scoreReview(t, { m: a(['none']) }, LOW, NO_THRESHOLDS);
    assert.equal(r.explanation[0]!.reason, 'No control at all.');
    const r2 = scoreReview(t, { m: a(['x']) }, LOW, NO_THRESHOLDS);
    assert.equal(r2.explanation[0]!.reason, 'Answered “X”: Which? Not selected: “Y”.');
    const r3 = scoreReview(t, { m: a([]) }, LOW, NO_THRESHOLDS);
    assert.equal(r3.explanation[0]!.reason, 'Answered “None selected”: Which? Not selected: “X”, “Y”.');
  });
});

describe('weights (docs sections 3 and 4)', () => {
  test('sections without weight do not count in the overall and lose no points', () => {
    const base = flat([1]);
    const t = Template.parse({
      ...base,
      sections: [
        { ...base.sections[0]!, id: 'a', weight: 0 },
        { ...base.sections[0]!, id: 'b', weight: 1, questions: [{ ...base.sections[0]!.questions[0]!, id: 'b1' }] },
      ],
    });
    const r = scoreReview(t, { q1: a('no'), b1: a('partial') }, LOW);
    close(r.sections[0]!.score, 0);
    close(r.overall, 50);
    assert.deepEqual(r.explanation.map((e) => e.questionId), ['b1']);
    close(r.explanation[0]!.pointsLost, 50);
    // Coverage is over the counted sections only: section a open does not lower it.
    const r2 = scoreReview(t, { b1: a('partial') }, LOW);
    close(r2.coverage, 1);
    assert.equal(r2.state, 'incomplete'); // completion is over every section: 1 of 2
  });

  test('F_s counts hidden questions: an answer costs the same share whatever is shown', () => {
    const base = flat([2, 1, 1]);
    const t = Template.parse({
      ...base,
      sections: [
        {
          ...base.sections[0]!,
          questions: base.sections[0]!.questions.map((q) => (q.id === 'q3' ? { ...q, showWhen: { q: 'q2', is: ['yes'] } } : q)),
        },
      ],
    });
    const hidden = scoreReview(t, { q1: a('no'), q2: a('no') }, LOW);
    const shown = scoreReview(t, { q1: a('no'), q2: a('yes'), q3: a('yes') }, LOW);
    close(hidden.explanation.find((e) => e.questionId === 'q1')!.pointsLost, 50); // 2 of F = 4
    close(shown.explanation.find((e) => e.questionId === 'q1')!.pointsLost, 50);
    close(hidden.overall, 25);
    close(shown.overall, 50);
  });
});

describe('explanation (docs section 11)', () => {
  test('biggest loss first; ties: knock-outs first, then template order', () => {
    const r = scoreReview(
      flat([1, 1, 1, 1, 2]),
      { q1: a('partial'), q2: a('no'), q3: a('partial'), q4: a('ko'), q5: a('yes') },
      LOW,
    );
    // F = 6: q2 and q4 lose 1/6 · 100 each, q1 and q3 lose 0.5/6 · 100 each.
    assert.deepEqual(
      r.explanation.map((e) => e.questionId),
      ['q4', 'q2', 'q1', 'q3'],
    );
    close(r.explanation[0]!.pointsLost, 100 / 6);
    close(r.explanation[2]!.pointsLost, 50 / 6);
  });

  test('losses within 1e-9 of each other are a tie (template order), not ordered by float noise', () => {
    // q2 weighs 0.1 + 0.2 = 0.30000000000000004, a hair more than q1's 0.3.
    const r = scoreReview(flat([0.3, 0.1 + 0.2, 1]), { q1: a('no'), q2: a('no'), q3: a('yes') }, LOW);
    const [first, second] = r.explanation;
    assert.ok(second!.pointsLost > first!.pointsLost, `the losses differ in floating point: ${first!.pointsLost} vs ${second!.pointsLost}`);
    assert.ok(second!.pointsLost - first!.pointsLost < LOSS_TOLERANCE, 'within the tolerance');
    assert.deepEqual(r.explanation.map((e) => e.questionId), ['q1', 'q2']);
    // A knock-out wins a tie over template order.
    const ko = scoreReview(flat([0.3, 0.1 + 0.2, 1]), { q1: a('no'), q2: a('ko'), q3: a('yes') }, LOW);
    assert.deepEqual(ko.explanation.map((e) => e.questionId), ['q2', 'q1']);
    const ko2 = scoreReview(flat([0.1 + 0.2, 0.3, 1]), { q1: a('ko-medium'), q2: a('ko'), q3: a('yes') }, LOW);
    assert.deepEqual(ko2.explanation.map((e) => e.questionId), ['q2', 'q1']); // high before medium
  });

  test('points lost add up to 100 − overall, with unanswered, N/A and hidden questions too', () => {
    const t = Template.parse({
      id: 't',
      version: 1,
      name: 'T',
      sections: [
        { ...flat([1, 2, 3], 1, { allowNa: true }).sections[0]!, id: 'a', weight: 3 },
        {
          ...flat([5, 1]).sections[0]!,
          id: 'b',
          weight: 7,
          questions: flat([5, 1]).sections[0]!.questions.map((x) => ({ ...x, id: `b-${x.id}` })),
        },
      ],
    });
    const r = scoreReview(t, { q1: a('partial'), q2: a(null, true), 'b-q1': a('partial') }, LOW, NO_THRESHOLDS);
    // a: F = 6, loses 0.5; b: F = 6, loses 2.5 (b-q2 unanswered loses nothing).
    close(r.overall, 100 - ((0.5 / 6) * 3 + (2.5 / 6) * 7) / 10 * 100);
    close(sumLost(r), 100 - r.overall!);
  });
});

describe('inherent risk (docs section 8a)', () => {
  const P = (criticalPath: boolean, businessImpact: RiskProfile['businessImpact'], ...dataCategories: RiskProfile['dataCategories'][number][]): RiskProfile => ({
    criticalPath,
    businessImpact,
    dataCategories,
  });

  test('the point table', () => {
    assert.equal(INHERENT_POINTS.criticalPath, 2);
    assert.deepEqual(INHERENT_POINTS.businessImpact, { low: 0, medium: 1, high: 2 });
    assert.deepEqual(INHERENT_POINTS.dataCategories, {
      'credentials-secrets': 2,
      'special-personal-data': 2,
      'payment-data': 2,
      'personal-data': 1,
      'customer-content': 1,
      'logs-telemetry': 0.5,
    });
  });

  test('points and tiers at every boundary', () => {
    const cases: [RiskProfile, number, Tier][] = [
      [P(false, 'low'), 0, 'low'],
      [P(false, 'low', 'logs-telemetry'), 0.5, 'low'],
      [P(false, 'medium', 'logs-telemetry'), 1.5, 'low'],
      [P(false, 'high'), 2, 'medium'],
      [P(true, 'low'), 2, 'medium'],
      [P(false, 'medium', 'personal-data', 'customer-content', 'logs-telemetry'), 3.5, 'medium'],
      [P(true, 'high'), 4, 'high'],
      [P(false, 'low', 'credentials-secrets', 'payment-data', 'logs-telemetry', 'logs-telemetry'), 4.5, 'high'],
      [P(true, 'medium', 'customer-content', 'logs-telemetry'), 4.5, 'high'],
      [P(false, 'medium', 'special-personal-data', 'payment-data'), 5, 'high'],
      [P(true, 'high', 'credentials-secrets'), 6, 'critical'],
      [P(false, 'low', 'credentials-secrets', 'special-personal-data', 'payment-data'), 6, 'critical'],
    ];
    for (const [profile, points, tier] of cases) {
      const risk = inherentRisk(profile);
      assert.equal(risk.points, points, JSON.stringify(profile));
      assert.equal(risk.tier, tier, JSON.stringify(profile));
      assert.equal(inherentTier(profile), tier);
    }
  });

  test('capped', () => {
    const all = P(true, 'high', 'credentials-secrets', 'special-personal-data', 'payment-data', 'personal-data', 'customer-content', 'logs-telemetry');
    const risk = inherentRisk(all);
    assert.equal(risk.contributions.reduce((t, c) => t + c.points, 0), 12.5);
    assert.equal(risk.points, INHERENT_POINTS.cap);
    assert.equal(risk.tier, 'critical');
  });

  test('comes from the profile only, never from the answers', () => {
    const answers = { q1: a('no'), q2: a('ko') };
    assert.equal(scoreReview(flat([1, 1]), answers, LOW).inherent, 'low');
    assert.equal(scoreReview(flat([1, 1]), {}, P(true, 'high', 'payment-data')).inherent, 'critical');
  });
});

describe('residual risk (docs section 9)', () => {
  test('control bands at their boundaries: strong ≥ 90, adequate ≥ 75, weak ≥ 55', () => {
    const cases: [number, ControlBand][] = [
      [100, 'strong'],
      [90, 'strong'],
      [90 - 1e-12, 'strong'], // float noise on the boundary
      [89.99999999999999, 'strong'],
      [89.9, 'adequate'],
      [75, 'adequate'],
      [74.99, 'weak'],
      [55, 'weak'],
      [54.99, 'poor'],
      [0, 'poor'],
    ];
    for (const [overall, band] of cases) assert.equal(controlBand(overall), band, String(overall));
    assert.deepEqual(CONTROL_BAND_MIN, { strong: 90, adequate: 75, weak: 55, poor: -Infinity });
  });

  const EXPECTED: Record<Tier, Record<ControlBand, Tier>> = {
    low: { strong: 'low', adequate: 'low', weak: 'medium', poor: 'high' },
    medium: { strong: 'low', adequate: 'medium', weak: 'high', poor: 'high' },
    high: { strong: 'medium', adequate: 'high', weak: 'high', poor: 'critical' },
    critical: { strong: 'medium', adequate: 'high', weak: 'critical', poor: 'critical' },
  };
  const PROFILE_FOR: Record<Tier, RiskProfile> = {
    low: LOW,
    medium: { criticalPath: true, businessImpact: 'low', dataCategories: [] },
    high: { criticalPath: true, businessImpact: 'high', dataCategories: [] },
    critical: { criticalPath: true, businessImpact: 'high', dataCategories: ['payment-data'] },
  };
  /** One question, one answer per band: 100, 80, 60, 0. */
  const ANSWER_FOR: Record<ControlBand, string> = { strong: 'yes', adequate: 'good', weak: 'fair', poor: 'no' };
  const t = Template.parse({
    id: 't',
    version: 1,
    name: 'T',
    sections: [
      {
        id: 's',
        title: 'S',
        questions: [
          {
            id: 'q',
            kind: 'single',
            text: 'Q?',
            options: [
              { id: 'yes', label: 'Yes', score: 1 },
              { id: 'good', label: 'Mostly', score: 0.8 },
              { id: 'fair', label: 'Partly', score: 0.6 },
              { id: 'no', label: 'No', score: 0 },
            ],
          },
        ],
      },
    ],
  });

  test('the matrix never improves with weaker controls or higher inherent risk', () => {
    TIERS.forEach((inherent, i) => {
      CONTROL_BANDS.forEach((band, j) => {
        const cell = tierRank(RESIDUAL_MATRIX[inherent][band]);
        if (j > 0) assert.ok(cell >= tierRank(RESIDUAL_MATRIX[inherent][CONTROL_BANDS[j - 1]!]), `${inherent} × ${band} vs the stronger band`);
        if (i > 0) assert.ok(cell >= tierRank(RESIDUAL_MATRIX[TIERS[i - 1]!][band]), `${inherent} × ${band} vs the lower inherent tier`);
      });
    });
  });

  test('high and critical inherent risk need strong controls to come down to medium', () => {
    for (const inherent of ['high', 'critical'] as const) {
      assert.equal(RESIDUAL_MATRIX[inherent].strong, 'medium');
      for (const band of ['adequate', 'weak', 'poor'] as const) {
        assert.ok(tierRank(RESIDUAL_MATRIX[inherent][band]) >= tierRank('high'), `${inherent} × ${band}`);
      }
    }
  });

  for (const inherent of TIERS) {
    for (const band of CONTROL_BANDS) {
      test(`inherent ${inherent} × ${band} → ${EXPECTED[inherent][band]}`, () => {
        assert.equal(RESIDUAL_MATRIX[inherent][band], EXPECTED[inherent][band]);
        const r: ScoreResult = scoreReview(t, { q: a(ANSWER_FOR[band]) }, PROFILE_FOR[inherent]);
        assert.equal(r.inherent, inherent);
        assert.equal(controlBand(r.overall!), band);
        assert.equal(r.residual, EXPECTED[inherent][band]);
        assert.equal(r.tier, EXPECTED[inherent][band]);
      });
    }
  }
});

describe('roundScore', () => {
  test('one decimal, null passes through', () => {
    assert.equal(roundScore(41.666), 41.7);
    assert.equal(roundScore(63.69047619047619), 63.7);
    assert.equal(roundScore(37.5), 37.5);
    assert.equal(roundScore(100), 100);
    assert.equal(roundScore(0.04), 0);
    assert.equal(roundScore(null), null);
  });
});

describe('docs/scoring.md', () => {
  const doc = readFileSync(new URL('../../docs/scoring.md', import.meta.url), 'utf8');
  const row = (...cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const has = (line: string) => assert.ok(doc.includes(line), `docs/scoring.md lacks the line: ${line}`);

  test('quotes the inherent point table and tiers', () => {
    has(row('on the critical path', INHERENT_POINTS.criticalPath));
    for (const [impact, points] of Object.entries(INHERENT_POINTS.businessImpact)) has(row(`business impact \`${impact}\``, points));
    for (const [category, points] of Object.entries(INHERENT_POINTS.dataCategories)) has(row(`\`${category}\``, points));
    has(`capped at **${INHERENT_POINTS.cap}**`);
    let previous: number | null = null;
    for (const { tier, below } of INHERENT_POINTS.tiers) {
      const range = previous === null ? `under ${below}` : below === Infinity ? `${previous} or more` : `${previous} to under ${below}`;
      has(row(range, tier));
      previous = below;
    }
  });

  test('quotes the control bands and the residual matrix', () => {
    let upper: number | null = null;
    for (const band of CONTROL_BANDS) {
      const min = CONTROL_BAND_MIN[band];
      const range = min === -Infinity ? `under ${upper}` : upper === null ? `${min} or more` : `${min} to under ${upper}`;
      has(row(range, band));
      upper = min;
    }
    has(row('Inherent \\ Controls', ...CONTROL_BANDS));
    for (const inherent of TIERS) has(row(`**${inherent}**`, ...CONTROL_BANDS.map((b) => RESIDUAL_MATRIX[inherent][b])));
  });

  test('quotes the thresholds and the scoring model', () => {
    has(`\`completionThreshold\` (**${DEFAULT_SCORING_OPTIONS.completionThreshold}**`);
    has(`\`coverageThreshold\` (**${DEFAULT_SCORING_OPTIONS.coverageThreshold}**)`);
    has(`**scoring model ${SCORING_MODEL}**`);
  });
});
