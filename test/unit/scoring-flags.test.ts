// Hand-computed expectations for risk flags (docs/scoring.md, "7a. Risk flags").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { AnswerMap } from '../../shared/domain/review';
import { Template } from '../../shared/domain/template';
import type { TemplateInput } from '../../shared/domain/template';
import { RISK_FLAG_KNOCKOUTS, RISK_FLAG_WEIGHTS, scoreReview } from '../../shared/scoring';
import type { RiskProfile } from '../../shared/scoring';
import { checkTemplate } from '../../shared/templates/check';

const close = (actual: number | null, expected: number, message?: string) => {
  assert.ok(actual !== null, message ?? `expected ${expected}, got null`);
  assert.ok(Math.abs(actual - expected) < 1e-9, message ?? `expected ${expected}, got ${actual}`);
};

const yesNo = [
  { id: 'yes', label: 'Yes', score: 1 },
  { id: 'no', label: 'No', score: 0 },
];
const informationalYesNo = [
  { id: 'yes', label: 'Yes', score: 1 },
  { id: 'no', label: 'No', score: 1 },
];

const FLAGGED_INPUT: TemplateInput = {
  id: 'flagged',
  version: 1,
  name: 'Risk flags example',
  sections: [
    {
      id: 'access',
      title: 'Access',
      weight: 2,
      questions: [
        { id: 'mfa', kind: 'yesno', text: 'Do admin logins require MFA?', weight: 2, options: yesNo },
        {
          id: 'sso',
          kind: 'single',
          text: 'Which single sign-on does it support?',
          weight: 0,
          options: [
            { id: 'saml', label: 'SAML', score: 1 },
            { id: 'oidc', label: 'OpenID Connect', score: 1 },
            { id: 'none', label: 'None', score: 1 },
          ],
        },
      ],
      flags: [
        {
          id: 'weak-login',
          name: 'Password-only admin logins',
          severity: 'high',
          when: { all: [{ q: 'mfa', is: ['no'] }, { q: 'sso', is: ['none'] }] },
          why: 'Accounts are protected by a password alone.',
        },
      ],
    },
    {
      id: 'data',
      title: 'Data',
      weight: 1,
      questions: [
        { id: 'shared', kind: 'yesno', text: 'Do customers share one admin account?', weight: 0, options: informationalYesNo },
        { id: 'backups', kind: 'yesno', text: 'Are backups encrypted?', weight: 1, options: yesNo },
      ],
      flags: [
        { id: 'shared-admin', name: 'Shared admin account', severity: 'critical', when: { q: 'shared', is: ['yes'] } },
        {
          id: 'no-backups',
          name: 'Backups not confirmed encrypted',
          severity: 'medium',
          when: { not: { q: 'backups', is: ['yes'] } },
          why: 'Backups are not confirmed to be encrypted.',
          todo: 'Encrypt backups.',
        },
      ],
    },
  ],
};
const FLAGGED = Template.parse(FLAGGED_INPUT);
const LOW: RiskProfile = { criticalPath: false, businessImpact: 'low', dataCategories: [] };
const yes = (value: string): AnswerMap[string] => ({ value, na: false });

describe('risk flag weights', () => {
  test('medium 1, high 2, critical 4; only critical knocks out', () => {
    assert.deepEqual(RISK_FLAG_WEIGHTS, { medium: 1, high: 2, critical: 4 });
    assert.deepEqual(RISK_FLAG_KNOCKOUTS, { medium: null, high: null, critical: 'critical' });
  });

  test('docs/scoring.md shows the same table', () => {
    const md = readFileSync(new URL('../../docs/scoring.md', import.meta.url), 'utf8');
    for (const [severity, weight] of Object.entries(RISK_FLAG_WEIGHTS)) {
      assert.match(md, new RegExp(`\\| \`${severity}\` \\| ${weight} \\|`), severity);
    }
  });

  test('the example template is sound', () => {
    assert.deepEqual(checkTemplate(FLAGGED), []);
  });
});

describe('scoring with risk flags', () => {
  test('firing flags cost their weight, clear flags count as 1, a critical flag knocks out', () => {
    const result = scoreReview(
      FLAGGED,
      { mfa: yes('no'), sso: yes('none'), shared: yes('yes'), backups: yes('yes') },
      LOW,
    );
    // Access: mfa 0·2, weak-login fires 0·2 → 0 / 4 = 0.
    close(result.sections[0]!.score, 0);
    // Data: backups 1·1, shared-admin fires 0·4, no-backups clear 1·1 → 2 / 6 = 33.33…
    close(result.sections[1]!.score, 100 / 3);
    // Overall: (0·2 + 33.33·1) / 3 = 11.11…
    close(result.overall, 100 / 9);
    // Flags do not count for completion: 4 of 4 questions answered.
    assert.equal(result.completion, 1);
    assert.deepEqual(result.sections.map((s) => [s.answered, s.total]), [[2, 2], [2, 2]]);
    assert.equal(result.state, 'scored');
    // Low inherent × poor controls → high; the critical flag forces critical.
    assert.equal(result.residual, 'high');
    assert.equal(result.tier, 'critical');
    assert.deepEqual(result.knockouts, [
      { questionId: 'shared', questionText: 'Shared admin account', answerLabel: 'Yes', tier: 'critical', flagId: 'shared-admin' },
    ]);

    const lines = result.explanation.map((l) => [l.flagId ?? l.questionId, l.questionText, l.answerLabel, l.knockout]);
    assert.deepEqual(lines, [
      ['mfa', 'Do admin logins require MFA?', 'No', null],
      ['weak-login', 'Password-only admin logins', 'No; None', null],
      ['shared-admin', 'Shared admin account', 'Yes', 'critical'],
    ]);
    // mfa: (1 − 0)·2/4·2/3·100; weak-login: 2/4·2/3·100; shared-admin: 4/6·1/3·100.
    close(result.explanation[0]!.pointsLost, 100 / 3);
    close(result.explanation[1]!.pointsLost, 100 / 3);
    close(result.explanation[2]!.pointsLost, 200 / 9);
    close(result.explanation.reduce((n, l) => n + l.pointsLost, 0), 100 - result.overall!);
    assert.equal(result.explanation[1]!.reason, 'Accounts are protected by a password alone.');
    assert.equal(result.explanation[1]!.questionId, 'mfa');
    assert.equal(result.explanation[1]!.sectionId, 'access');
    assert.equal(
      result.explanation[2]!.reason,
      'Answered “Yes”: this raises the critical risk flag “Shared admin account”. This answer is a knock-out: the tier is at least critical.',
    );
    // Question lines carry no flagId at all.
    assert.equal('flagId' in result.explanation[0]!, false);
  });

  test('nothing answered: every flag is undecided, a `not` flag does not fire', () => {
    const result = scoreReview(FLAGGED, {}, LOW);
    assert.deepEqual(result.sections.map((s) => s.score), [null, null]);
    assert.equal(result.overall, null);
    assert.deepEqual(result.knockouts, []);
    assert.deepEqual(result.explanation, []);
    assert.equal(result.tier, null);
  });

  test('a flag is clear only when every question it reads is answered', () => {
    // mfa = yes already makes weak-login false, but sso is unanswered: undecided, left out.
    const partial = scoreReview(FLAGGED, { mfa: yes('yes') }, LOW);
    close(partial.sections[0]!.score, 100); // 1·2 / 2
    // With sso answered the flag is clear and counts 1·2: (1·2 + 1·2) / 4.
    const full = scoreReview(FLAGGED, { mfa: yes('no'), sso: yes('saml') }, LOW);
    close(full.sections[0]!.score, 50); // mfa 0·2 + weak-login clear 1·2 → 2 / 4
    assert.equal(full.explanation.some((l) => l.flagId === 'weak-login'), false);
  });

  test('an `any`-style hold fires even while other parts are unknown', () => {
    const template = Template.parse({
      ...FLAGGED_INPUT,
      sections: [
        {
          ...FLAGGED_INPUT.sections[0]!,
          flags: [{ id: 'either', name: 'Either is weak', severity: 'medium', when: { any: [{ q: 'mfa', is: ['no'] }, { q: 'sso', is: ['none'] }] } }],
        },
        FLAGGED_INPUT.sections[1]!,
      ],
    });
    const result = scoreReview(template, { mfa: yes('no') }, LOW);
    // mfa 0·2 + either fires 0·1 → 0 / 3.
    close(result.sections[0]!.score, 0);
    const line = result.explanation.find((l) => l.flagId === 'either')!;
    assert.equal(line.answerLabel, 'No');
    assert.equal(line.reason, 'Answered “No”: this raises the medium risk flag “Either is weak”.');
    assert.equal(line.knockout, null);
    assert.deepEqual(result.knockouts, []);
  });

  test('N/A reads as "none of the options": a `not` flag on an N/A question fires', () => {
    const result = scoreReview(FLAGGED, { backups: { value: null, na: true } }, LOW);
    // backups is N/A (left out); no-backups fires 0·1; shared-admin undecided → 0 / 1.
    close(result.sections[1]!.score, 0);
    const line = result.explanation.find((l) => l.flagId === 'no-backups')!;
    assert.equal(line.answerLabel, 'Not applicable');
    assert.equal(line.reason, 'Backups are not confirmed to be encrypted.');
  });

  test('a flag reading a hidden question is never clear; its answer left behind is ignored', () => {
    const template = Template.parse({
      ...FLAGGED_INPUT,
      sections: [
        {
          ...FLAGGED_INPUT.sections[0]!,
          questions: [
            FLAGGED_INPUT.sections[0]!.questions[0]!,
            { ...FLAGGED_INPUT.sections[0]!.questions[1]!, showWhen: { q: 'mfa', is: ['no'] } },
          ],
        },
        FLAGGED_INPUT.sections[1]!,
      ],
    });
    // sso is hidden (mfa = yes): weak-login is undecided, the left-behind "none" cannot fire it.
    const result = scoreReview(template, { mfa: yes('yes'), sso: yes('none') }, LOW);
    close(result.sections[0]!.score, 100);
    assert.equal(result.explanation.length, 0);
  });

  test('a firing flag in a section that does not count is still listed, at 0 points', () => {
    const template = Template.parse({
      ...FLAGGED_INPUT,
      sections: [FLAGGED_INPUT.sections[0]!, { ...FLAGGED_INPUT.sections[1]!, weight: 0 }],
    });
    const result = scoreReview(template, { mfa: yes('yes'), sso: yes('saml'), shared: yes('yes'), backups: yes('yes') }, LOW);
    close(result.overall, 100);
    const line = result.explanation.find((l) => l.flagId === 'shared-admin')!;
    assert.equal(line.pointsLost, 0);
    assert.equal(result.tier, 'critical');
  });
});

describe('checking risk flags', () => {
  const withFlags = (flags: unknown[]) =>
    Template.parse({ ...FLAGGED_INPUT, sections: [{ ...FLAGGED_INPUT.sections[0]!, flags }, FLAGGED_INPUT.sections[1]!] });

  test('a flag naming a missing question or option is a problem at its path', () => {
    const problems = checkTemplate(
      withFlags([
        { id: 'a', name: 'A', severity: 'high', when: { q: 'nope', is: ['yes'] } },
        { id: 'b', name: 'B', severity: 'high', when: { all: [{ q: 'mfa', is: ['maybe'] }] } },
      ]),
    );
    assert.deepEqual(problems.map((p) => p.path), ['sections[0].flags[0].when', 'sections[0].flags[1].when.all[0]']);
    assert.match(problems[0]!.message, /"a".*"nope"/);
    assert.match(problems[1]!.message, /"mfa" has no option "maybe"/);
  });

  test('flag ids are unique across the template', () => {
    const problems = checkTemplate(withFlags([{ id: 'no-backups', name: 'Dup', severity: 'medium', when: { q: 'mfa', answered: true } }]));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.path, 'sections[1].flags[1].id');
    assert.match(problems[0]!.message, /"no-backups" is used more than once/);
  });

  test('the schema is strict and knows only three severities', () => {
    assert.throws(() => withFlags([{ id: 'x', name: 'X', severity: 'low', when: { q: 'mfa', answered: true } }]));
    assert.throws(() => withFlags([{ id: 'x', name: 'X', severity: 'high', when: { q: 'mfa', answered: true }, warn: 'yes' }]));
  });
});

describe('properties with risk flags', () => {
  const answerArb = (options: string[]) =>
    fc.oneof(
      fc.constant(undefined),
      fc.constant({ value: null, na: true }),
      fc.constantFrom(...options).map((value) => ({ value, na: false })),
    );
  const answersArb = fc
    .record({
      mfa: answerArb(['yes', 'no']),
      sso: answerArb(['saml', 'oidc', 'none']),
      shared: answerArb(['yes', 'no']),
      backups: answerArb(['yes', 'no']),
    })
    .map((record) => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as AnswerMap);

  test('points lost still add up to 100 − overall; a firing critical flag always forces critical', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const result = scoreReview(FLAGGED, answers, LOW);
        if (result.overall !== null) {
          assert.ok(result.overall >= -1e-9 && result.overall <= 100 + 1e-9);
          close(result.explanation.reduce((n, l) => n + l.pointsLost, 0), 100 - result.overall);
        }
        const sharedAdmin = answers['shared']?.value === 'yes' && !answers['shared'].na;
        assert.equal(result.knockouts.some((k) => k.flagId === 'shared-admin'), sharedAdmin);
        if (sharedAdmin) assert.equal(result.tier, 'critical');
        // Completion ignores flags: it is the share of the four questions answered or N/A.
        assert.equal(result.completion, Object.keys(answers).length / 4);
      }),
      { numRuns: 300 },
    );
  });
});
