// Hand-computed expectations for the scoring model (docs/scoring.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { AnswerMap } from '../../shared/domain/review';
import { Template } from '../../shared/domain/template';
import type { TemplateInput } from '../../shared/domain/template';
import { TIERS, tierRank } from '../../shared/domain/tier';
import type { Tier } from '../../shared/domain/tier';
import {
  CONTROL_BAND_MIN,
  CONTROL_BANDS,
  INHERENT_POINTS,
  RESIDUAL_MATRIX,
  controlBand,
  inherentRisk,
  inherentTier,
  roundScore,
  scoreQuestion,
  scoreReview,
} from '../../shared/scoring';
import type { ControlBand, RiskProfile, ScoreResult } from '../../shared/scoring';

const close = (actual: number | null, expected: number, message?: string) => {
  assert.ok(actual !== null, message ?? `expected ${expected}, got null`);
  assert.ok(Math.abs(actual - expected) < 1e-9, message ?? `expected ${expected}, got ${actual}`);
};

// ---------------------------------------------------------------------------------------------
// The worked example of docs/scoring.md. Change one and you must change the other.
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
        { id: 'sso', kind: 'yesno', text: 'Does it support single sign-on?', weight: 2, options: yesNo() },
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
  sso: { value: null, na: true },
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

describe('worked example (docs/scoring.md)', () => {
  const r = scoreReview(EXAMPLE, EXAMPLE_ANSWERS, EXAMPLE_PROFILE);

  test('section scores', () => {
    const [security, operations] = r.sections;
    // Security: 100 × (0.5·3 + 0·1) / (3 + 1) = 37.5; sso is N/A, sso-mfa hidden.
    assert.equal(security!.sectionId, 'security');
    close(security!.score, 37.5);
    assert.equal(security!.answered, 3);
    assert.equal(security!.total, 3);
    // Operations: 100 × (0.5·2 + 0.5·1) / (2 + 1) = 50; account-manager unanswered, notes optional.
    assert.equal(operations!.sectionId, 'operations');
    close(operations!.score, 50);
    assert.equal(operations!.answered, 2);
    assert.equal(operations!.total, 3);
  });

  test('overall, completion and tiers', () => {
    close(r.overall, 125 / 3); // (37.5·2 + 50·1) / 3 = 41.67
    assert.equal(roundScore(r.overall), 41.7);
    close(r.completion, 5 / 6);
    assert.equal(r.state, 'scored');
    assert.equal(r.inherent, 'medium'); // 0 + 1 + 1 + 0.5 = 2.5
    assert.equal(controlBand(r.overall!), 'weak');
    assert.equal(r.residual, 'high'); // medium × weak
    assert.equal(r.tier, 'critical'); // raised by the knock-out
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
    close(enc!.pointsLost, 25); // 0.5 · 3/4 · 2/3 · 100
    close(restore!.pointsLost, 50 / 3); // 1 · 1/4 · 2/3 · 100 = 16.67
    close(sla!.pointsLost, 100 / 9); // 0.5 · 2/3 · 1/3 · 100 = 11.11
    close(status!.pointsLost, 50 / 9); // 0.5 · 1/3 · 1/3 · 100 = 5.56
    close(
      r.explanation.reduce((t, e) => t + e.pointsLost, 0),
      100 - r.overall!,
    );

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
    const without = { ...EXAMPLE_ANSWERS };
    delete (without as Record<string, unknown>)['sso-mfa'];
    assert.deepEqual(scoreReview(EXAMPLE, without, EXAMPLE_PROFILE), r);
  });

  test('revealing the hidden question makes it count', () => {
    const revealed = scoreReview(EXAMPLE, { ...EXAMPLE_ANSWERS, sso: { value: 'yes', na: false } }, EXAMPLE_PROFILE);
    // Security: 100 × (1.5 + 0 + 1·2 + 0·1) / (3 + 1 + 2 + 1) = 50
    close(revealed.sections[0]!.score, 50);
    assert.equal(revealed.sections[0]!.total, 4);
    assert.equal(revealed.sections[0]!.answered, 4);
  });
});

// ---------------------------------------------------------------------------------------------
// Smaller, targeted cases.
// ---------------------------------------------------------------------------------------------

const LOW: RiskProfile = { criticalPath: false, businessImpact: 'low', dataCategories: [] };

/** One section of yes/partial/no questions named q1..qn with the given weights. */
function flat(weights: number[], sectionWeight = 1): Template {
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
          options: [
            { id: 'yes', label: 'Yes', score: 1 },
            { id: 'partial', label: 'Partly', score: 0.5 },
            { id: 'no', label: 'No', score: 0 },
            { id: 'ko', label: 'Never', score: 0, knockout: 'high' },
            { id: 'ko-yes', label: 'Yes, but', score: 1, knockout: 'critical' },
            { id: 'skip', label: 'Does not apply', score: 'na' },
          ],
        })),
      },
    ],
  } satisfies TemplateInput);
}
const a = (value: string | string[] | number | null, na = false) => ({ value, na });

describe('N/A', () => {
  test('is neutral: an N/A question is left out of numerator and denominator', () => {
    const t = flat([1, 3]);
    const r = scoreReview(t, { q1: a('partial'), q2: a(null, true) }, LOW);
    close(r.overall, 50); // not 12.5 (N/A as 0) and not 87.5 (N/A as 1)
    assert.equal(r.completion, 1);
    const viaOption = scoreReview(t, { q1: a('partial'), q2: a('skip') }, LOW);
    close(viaOption.overall, 50);
  });

  test('marked N/A wins over a value, and a knock-out value is then ignored', () => {
    const r = scoreReview(flat([1, 1]), { q1: a('yes'), q2: a('ko', true) }, LOW);
    close(r.overall, 100);
    assert.deepEqual(r.knockouts, []);
    assert.deepEqual(r.explanation, []);
    assert.equal(r.tier, 'low');
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
    close(r.overall, 50);
    assert.deepEqual(r.knockouts, []);
    assert.equal(r.tier, 'medium'); // low × weak, not raised to critical
  });

  test('a section with only N/A answers has no score and does not count in the overall', () => {
    const t = Template.parse({
      id: 't',
      version: 1,
      name: 'T',
      sections: [
        { ...flat([1]).sections[0]!, id: 'a', weight: 5 },
        { ...flat([1]).sections[0]!, id: 'b', questions: [{ ...flat([1]).sections[0]!.questions[0]!, id: 'b1' }] },
      ],
    });
    const r = scoreReview(t, { q1: a(null, true), b1: a('partial') }, LOW);
    assert.equal(r.sections[0]!.score, null);
    close(r.overall, 50);
  });

  test('everything N/A: no overall, no residual, no tier', () => {
    const r = scoreReview(flat([1, 1]), { q1: a('skip'), q2: a(null, true) }, LOW);
    assert.equal(r.overall, null);
    assert.equal(r.state, 'scored');
    assert.equal(r.residual, null);
    assert.equal(r.tier, null);
  });
});

describe('unanswered questions', () => {
  test('are not zeros: they lower completion, not the score', () => {
    const r = scoreReview(flat([1, 1, 1, 1, 1]), { q1: a('yes'), q2: a('yes'), q3: a('yes'), q4: a('partial') }, LOW);
    close(r.overall, 87.5); // (1 + 1 + 1 + 0.5) / 4, not / 5
    close(r.completion, 0.8);
    assert.equal(r.state, 'scored'); // 0.8 is not under the 0.8 threshold
    assert.equal(r.explanation.length, 1);
  });

  test('a null value, a value that fits no option and a missing answer are all unanswered', () => {
    const q = flat([1]).sections[0]!.questions[0]!;
    assert.equal(scoreQuestion(q, undefined).status, 'unanswered');
    assert.equal(scoreQuestion(q, a(null)).status, 'unanswered');
    assert.equal(scoreQuestion(q, a('maybe')).status, 'unanswered');
    assert.equal(scoreQuestion(q, a(3)).status, 'unanswered');
  });

  test('nothing answered: completion 0, incomplete, no score and no tier', () => {
    const r = scoreReview(flat([1, 1]), {}, LOW);
    assert.equal(r.completion, 0);
    assert.equal(r.state, 'incomplete');
    assert.equal(r.overall, null);
    assert.equal(r.tier, null);
    assert.deepEqual(r.explanation, []);
  });
});

describe('incomplete reviews', () => {
  const t = flat([1, 1, 1, 1, 1]);
  const answers = { q1: a('yes'), q2: a('yes'), q3: a('no') };

  test('under the threshold: provisional overall, no residual', () => {
    const r = scoreReview(t, answers, LOW);
    close(r.completion, 0.6);
    assert.equal(r.state, 'incomplete');
    close(r.overall, 200 / 3);
    assert.equal(r.residual, null);
    assert.equal(r.tier, null);
  });

  test('the threshold is an option', () => {
    const r = scoreReview(t, answers, LOW, { completionThreshold: 0.5, coverageThreshold: 0 });
    assert.equal(r.state, 'scored');
    assert.equal(r.residual, 'low'); // low × adequate
    assert.equal(r.tier, 'low');
  });

  test('knock-outs alone give the tier when incomplete', () => {
    const r = scoreReview(t, { ...answers, q3: a('ko') }, LOW);
    assert.equal(r.state, 'incomplete');
    assert.equal(r.residual, null);
    assert.equal(r.tier, 'high');
  });

  test('optional questions do not count for completion but are scored when answered', () => {
    const base = flat([1, 1]);
    const opt = Template.parse({
      ...base,
      sections: [{ ...base.sections[0]!, questions: [base.sections[0]!.questions[0]!, { ...base.sections[0]!.questions[1]!, optional: true }] }],
    });
    assert.equal(scoreReview(opt, { q1: a('yes') }, LOW).completion, 1);
    const r = scoreReview(opt, { q1: a('yes'), q2: a('no') }, LOW);
    close(r.overall, 50);
    assert.equal(r.sections[0]!.total, 1);
  });

  test('a template with no countable question is complete', () => {
    const base = flat([1]);
    const opt = Template.parse({
      ...base,
      sections: [{ ...base.sections[0]!, questions: [{ ...base.sections[0]!.questions[0]!, optional: true }] }],
    });
    assert.equal(scoreReview(opt, {}, LOW).completion, 1);
  });
});

describe('knock-outs', () => {
  test('force the tier even when the overall is high', () => {
    const r = scoreReview(flat([10, 10, 10, 10, 1]), { q1: a('yes'), q2: a('yes'), q3: a('yes'), q4: a('yes'), q5: a('ko') }, LOW);
    close(r.overall, (4000 / 41)); // 40/41 = 97.6
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
    assert.deepEqual(
      r.explanation.map((e) => [e.questionId, e.pointsLost]),
      [
        ['n', 0],
        ['m', 0],
      ],
    );
    assert.deepEqual(scoreReview(t, { m: a(['z']), n: a(12) }, LOW).knockouts, []);
  });

  test('only from visible questions', () => {
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
  });
});

describe('question kinds', () => {
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
              { id: 'x', label: 'X', score: 0.75 },
              { id: 'y', label: 'Y', score: 0.75 },
              { id: 'none', label: 'None of these', score: 0, why: 'No control at all.' },
              { id: 'na1', label: 'N/A one', score: 'na' },
              { id: 'na2', label: 'N/A two', score: 'na' },
            ],
          },
          {
            id: 'n',
            kind: 'number',
            text: 'Days?',
            bands: [
              { min: 0, max: 10, score: 1 },
              { min: 5, max: 30, score: 0.5 },
            ],
          },
          { id: 'nb', kind: 'number', text: 'No bands?' },
          { id: 'd', kind: 'date', text: 'When?' },
          { id: 'w0', kind: 'yesno', text: 'Weightless?', weight: 0, options: yesNo() },
        ],
      },
    ],
  });
  const q = (id: string) => t.sections[0]!.questions.find((x) => x.id === id)!;

  test('multi: capped sum; empty is 0; only-N/A options make it N/A; N/A options add nothing', () => {
    assert.equal(scoreQuestion(q('m'), a(['x', 'y'])).score, 1);
    assert.equal(scoreQuestion(q('m'), a(['x'])).score, 0.75);
    assert.equal(scoreQuestion(q('m'), a([])).score, 0);
    assert.equal(scoreQuestion(q('m'), a([])).status, 'scored');
    assert.equal(scoreQuestion(q('m'), a(['na1', 'na2'])).status, 'na');
    assert.equal(scoreQuestion(q('m'), a(['na1', 'x'])).score, 0.75);
  });

  test('number: first matching band, min inclusive, max exclusive; no band → unscored', () => {
    assert.equal(scoreQuestion(q('n'), a(0)).score, 1);
    assert.equal(scoreQuestion(q('n'), a(7)).score, 1); // first band wins over the overlapping second
    assert.equal(scoreQuestion(q('n'), a(10)).score, 0.5);
    assert.equal(scoreQuestion(q('n'), a(30)).status, 'unscored');
    assert.equal(scoreQuestion(q('n'), a(-1)).status, 'unscored');
    assert.equal(scoreQuestion(q('nb'), a(5)).status, 'unscored');
  });

  test('informational questions count for completion only', () => {
    assert.equal(scoreQuestion(q('d'), a('2024-01-31')).status, 'unscored');
    assert.equal(scoreQuestion(q('d'), a('31/01/2024')).status, 'unanswered');
    assert.equal(scoreQuestion(q('w0'), a('no')).status, 'unscored');
    const r = scoreReview(t, { m: a(['x']), n: a(50), nb: a(1), d: a('2024-01-31'), w0: a('no') }, LOW);
    close(r.overall, 75);
    assert.equal(r.completion, 1);
    assert.equal(r.explanation.length, 1);
  });

  test('multi reasons: the why of a selected option, else the good options not selected', () => {
    const r = scoreReview(t, { m: a(['none']) }, LOW, { completionThreshold: 0, coverageThreshold: 0 });
    assert.equal(r.explanation[0]!.reason, 'No control at all.');
    const r2 = scoreReview(t, { m: a(['x']) }, LOW, { completionThreshold: 0, coverageThreshold: 0 });
    assert.equal(r2.explanation[0]!.reason, 'Answered “X”: Which? Not selected: “Y”.');
    const r3 = scoreReview(t, { m: a([]) }, LOW, { completionThreshold: 0, coverageThreshold: 0 });
    assert.equal(r3.explanation[0]!.reason, 'Answered “None selected”: Which? Not selected: “X”, “Y”.');
  });
});

describe('weights', () => {
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
  });
});

describe('explanation', () => {
  test('biggest loss first; ties: knock-outs first, then question order', () => {
    const r = scoreReview(
      flat([1, 1, 1, 1, 2]),
      { q1: a('partial'), q2: a('no'), q3: a('partial'), q4: a('ko'), q5: a('yes') },
      LOW,
    );
    // Σw = 6: q2 and q4 lose 1/6 · 100 each, q1 and q3 lose 0.5/6 · 100 each.
    assert.deepEqual(
      r.explanation.map((e) => e.questionId),
      ['q4', 'q2', 'q1', 'q3'],
    );
    close(r.explanation[0]!.pointsLost, 100 / 6);
    close(r.explanation[2]!.pointsLost, 50 / 6);
  });

  test('for a complete review without N/A, the points lost add up to 100 − overall', () => {
    const t = Template.parse({
      id: 't',
      version: 1,
      name: 'T',
      sections: [
        { ...flat([1, 2, 3]).sections[0]!, id: 'a', weight: 3 },
        {
          ...flat([5, 1]).sections[0]!,
          id: 'b',
          weight: 7,
          questions: flat([5, 1]).sections[0]!.questions.map((x) => ({ ...x, id: `b-${x.id}` })),
        },
      ],
    });
    const r = scoreReview(
      t,
      { q1: a('partial'), q2: a('no'), q3: a('yes'), 'b-q1': a('partial'), 'b-q2': a('no') },
      LOW,
    );
    assert.equal(r.completion, 1);
    // a: 100 × (0.5 + 0 + 3) / 6 = 58.33; b: 100 × 2.5 / 6 = 41.67; overall = (175 + 291.67) / 10
    close(r.overall, (3 * 350 / 6 + 7 * 250 / 6) / 10);
    close(
      r.explanation.reduce((sum, e) => sum + e.pointsLost, 0),
      100 - r.overall!,
    );
  });
});

describe('inherent risk', () => {
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
});

describe('residual risk', () => {
  test('control bands at their boundaries', () => {
    const cases: [number, ControlBand][] = [
      [100, 'strong'],
      [80, 'strong'],
      [80 - 1e-12, 'strong'], // float noise on the boundary
      [79.9, 'adequate'],
      [60, 'adequate'],
      [59.99, 'weak'],
      [40, 'weak'],
      [39.99, 'poor'],
      [0, 'poor'],
    ];
    for (const [overall, band] of cases) assert.equal(controlBand(overall), band, String(overall));
  });

  const EXPECTED: Record<Tier, Record<ControlBand, Tier>> = {
    low: { strong: 'low', adequate: 'low', weak: 'medium', poor: 'high' },
    medium: { strong: 'low', adequate: 'medium', weak: 'high', poor: 'high' },
    high: { strong: 'medium', adequate: 'medium', weak: 'high', poor: 'critical' },
    critical: { strong: 'medium', adequate: 'high', weak: 'critical', poor: 'critical' },
  };
  const PROFILE_FOR: Record<Tier, RiskProfile> = {
    low: LOW,
    medium: { criticalPath: true, businessImpact: 'low', dataCategories: [] },
    high: { criticalPath: true, businessImpact: 'high', dataCategories: [] },
    critical: { criticalPath: true, businessImpact: 'high', dataCategories: ['payment-data'] },
  };
  /** One question per band: yes (100), a 0.7 option (70), a 0.5 option (50), no (0). */
  const ANSWER_FOR: Record<ControlBand, string> = { strong: 'yes', adequate: 'good', weak: 'partial', poor: 'no' };
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
              { id: 'good', label: 'Mostly', score: 0.7 },
              { id: 'partial', label: 'Partly', score: 0.5 },
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
        if (j > 0) assert.ok(cell >= tierRank(RESIDUAL_MATRIX[inherent][CONTROL_BANDS[j - 1]!]));
        if (i > 0) assert.ok(cell >= tierRank(RESIDUAL_MATRIX[TIERS[i - 1]!][band]));
      });
    });
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
});
