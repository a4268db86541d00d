// Hand-computed expectations for risk flags under scoring model 2 (docs/scoring.md, "7a. Risk flags").
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
const NO_THRESHOLDS = { completionThreshold: 0, coverageThreshold: 0 };
const yes = (value: string | string[]): AnswerMap[string] => ({ value, na: false });

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

describe('scoring with risk flags (model 2: implicit items of a fixed full weight)', () => {
  test('a firing flag loses its whole weight out of F_s; a critical flag knocks out', () => {
    const result = scoreReview(
      FLAGGED,
      { mfa: yes('no'), sso: yes('none'), shared: yes('yes'), backups: yes('yes') },
      LOW,
    );
    // Access: F = mfa 2 + weak-login 2 = 4 (sso weighs 0); mfa loses 2, weak-login fires: 2 → 0.
    close(result.sections[0]!.score, 0);
    // Data: F = backups 1 + shared-admin 4 + no-backups 1 = 6; shared-admin fires: 4 → 33.33…
    close(result.sections[1]!.score, 100 / 3);
    // Overall: (0·2 + 33.33·1) / 3 = 11.11…
    close(result.overall, 100 / 9);
    // Every flag is decided (fires or clear): nothing open.
    assert.deepEqual(result.sections.map((s) => s.coverage), [1, 1]);
    assert.equal(result.coverage, 1);
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
    // mfa: 2/4·2/3·100; weak-login: 2/4·2/3·100 (a tie: the question comes first, its flag after);
    // shared-admin: 4/6·1/3·100.
    close(result.explanation[0]!.pointsLost, 100 / 3);
    close(result.explanation[1]!.pointsLost, 100 / 3);
    close(result.explanation[2]!.pointsLost, 200 / 9);
    close(result.explanation.reduce((n, l) => n + l.pointsLost, 0), 100 - result.overall!);
    assert.equal(result.explanation[1]!.reason, 'Accounts are protected by a password alone.');
    // The flag belongs to the answer that raises it: of mfa and sso, the later one in the template.
    assert.equal(result.explanation[1]!.questionId, 'sso');
    assert.equal(result.explanation[1]!.sectionId, 'access');
    assert.equal(
      result.explanation[2]!.reason,
      'Answered “Yes”: this raises the critical risk flag “Shared admin account”. This answer is a knock-out: the tier is at least critical.',
    );
    // Question lines carry no flagId at all.
    assert.equal('flagId' in result.explanation[0]!, false);
  });

  test('a firing flag costs the same share whatever else is answered', () => {
    const alone = scoreReview(FLAGGED, { backups: yes('no') }, LOW, NO_THRESHOLDS);
    const full = scoreReview(FLAGGED, { mfa: yes('yes'), sso: yes('saml'), shared: yes('no'), backups: yes('no') }, LOW);
    for (const r of [alone, full]) {
      const line = r.explanation.find((l) => l.flagId === 'no-backups')!;
      close(line.pointsLost, (1 / 6) * (1 / 3) * 100); // weight 1 of Data's fixed F = 6
      assert.equal(line.questionId, 'backups');
    }
    close(full.sections[1]!.score, 100 * (1 - 2 / 6)); // backups loses 1, the flag 1
  });

  test('nothing answered: every flag is undecided and open, a `not` flag does not fire', () => {
    const result = scoreReview(FLAGGED, {}, LOW);
    assert.deepEqual(result.sections.map((s) => s.score), [null, null]);
    assert.deepEqual(result.sections.map((s) => s.coverage), [0, 0]);
    assert.equal(result.coverage, 0);
    assert.equal(result.overall, null);
    assert.deepEqual(result.knockouts, []);
    assert.deepEqual(result.explanation, []);
    assert.equal(result.tier, null);
  });

  test('undecided flags lose nothing and count as open for coverage', () => {
    // mfa = yes makes weak-login false whatever sso (unanswered) will say: clear, settled.
    const settled = scoreReview(FLAGGED, { mfa: yes('yes') }, LOW, NO_THRESHOLDS);
    close(settled.sections[0]!.score, 100); // nothing lost of F = 4
    close(settled.sections[0]!.coverage, 1);
    // mfa = no: weak-login now waits for sso: undecided, open.
    const partial = scoreReview(FLAGGED, { mfa: yes('no') }, LOW, NO_THRESHOLDS);
    close(partial.sections[0]!.score, 50); // mfa loses 2 of 4
    close(partial.sections[0]!.coverage, 0.5); // weak-login's 2 of 4 open (sso itself weighs 0)
    // With sso answered the flag is clear: settled, loses nothing.
    const full = scoreReview(FLAGGED, { mfa: yes('no'), sso: yes('saml') }, LOW, NO_THRESHOLDS);
    close(full.sections[0]!.score, 50); // mfa loses 2 of 4
    close(full.sections[0]!.coverage, 1);
    assert.equal(full.explanation.some((l) => l.flagId === 'weak-login'), false);
    // Data: shared and backups unanswered: both flags undecided, 1 + 4 + 1 open of 6.
    close(full.sections[1]!.coverage, 0);
    const oneFlag = scoreReview(FLAGGED, { shared: yes('no') }, LOW, NO_THRESHOLDS);
    close(oneFlag.sections[1]!.coverage, 4 / 6); // shared-admin clear; backups and no-backups open
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
    // F = mfa 2 + either 1 = 3: mfa loses 2, either fires and loses 1 → 0.
    close(result.sections[0]!.score, 0);
    close(result.sections[0]!.coverage, 1); // the flag is decided; sso weighs nothing
    const line = result.explanation.find((l) => l.flagId === 'either')!;
    assert.equal(line.questionId, 'mfa');
    assert.equal(line.answerLabel, 'No');
    assert.equal(line.reason, 'Answered “No”: this raises the medium risk flag “Either is weak”.');
    assert.equal(line.knockout, null);
    assert.deepEqual(result.knockouts, []);
  });

  test('N/A (where allowed) reads as "none of the options": a `not` flag on it fires', () => {
    const template = Template.parse({
      ...FLAGGED_INPUT,
      sections: [
        FLAGGED_INPUT.sections[0]!,
        {
          ...FLAGGED_INPUT.sections[1]!,
          questions: FLAGGED_INPUT.sections[1]!.questions.map((q) => (q.id === 'backups' ? { ...q, allowNa: true } : q)),
        },
      ],
    });
    const result = scoreReview(template, { backups: { value: null, na: true } }, LOW);
    // backups is N/A (loses nothing); no-backups fires and loses 1 of F = 6; shared-admin undecided.
    // N/A alone scores nothing, so the section has no score (docs section 6, condition 5), though the flag is listed.
    assert.equal(result.sections[1]!.score, null);
    assert.equal(result.overall, null);
    // With a real answer beside it, the same loss gives a score: 1 of F = 6 lost.
    const answered = scoreReview(template, { backups: { value: null, na: true }, shared: { value: 'no', na: false } }, LOW);
    close(answered.sections[1]!.score, 100 * (1 - 1 / 6));
    close(result.sections[1]!.coverage, 1 - 4 / 6);
    const line = result.explanation.find((l) => l.flagId === 'no-backups')!;
    assert.equal(line.answerLabel, 'Not applicable');
    assert.equal(line.reason, 'Backups are not confirmed to be encrypted.');
  });

  test('N/A where the template does not allow it is unanswered: the flag reading it stays undecided', () => {
    const result = scoreReview(FLAGGED, { backups: { value: null, na: true } }, LOW);
    assert.equal(result.explanation.some((l) => l.flagId === 'no-backups'), false);
    assert.equal(result.sections[1]!.score, null);
    assert.deepEqual(result.open.filter((o) => o.naRefused).map((o) => o.questionId), ['backups']);
  });

  test('an empty multi selection is known and selects nothing: a `not` flag on it fires', () => {
    const template = Template.parse({
      ...FLAGGED_INPUT,
      sections: [
        FLAGGED_INPUT.sections[0]!,
        {
          id: 'mail',
          title: 'Mail',
          questions: [
            {
              id: 'auth',
              kind: 'multi',
              text: 'Which sender authentication is published?',
              options: [
                { id: 'spf', label: 'SPF', score: 0.5 },
                { id: 'dmarc', label: 'DMARC', score: 0.5 },
              ],
            },
          ],
          flags: [{ id: 'no-auth', name: 'No sender authentication', severity: 'high', when: { not: { q: 'auth', is: ['spf', 'dmarc'] } } }],
        },
      ],
    });
    const result = scoreReview(template, { auth: yes([]) }, LOW, NO_THRESHOLDS);
    const line = result.explanation.find((l) => l.flagId === 'no-auth')!;
    assert.equal(line.answerLabel, 'None selected');
    close(line.pointsLost, (2 / 3) * (1 / 3) * 100); // 2 of F = 3, section weight 1 of 3
    assert.equal(scoreReview(template, {}, LOW).explanation.some((l) => l.flagId === 'no-auth'), false);
  });

  test('a flag reading a hidden question reads it as not holding (as showWhen does): here it is clear', () => {
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
    // sso is hidden (mfa = yes): the left-behind "none" cannot fire weak-login, and the flag is clear.
    const result = scoreReview(template, { mfa: yes('yes'), sso: yes('none') }, LOW, NO_THRESHOLDS);
    close(result.sections[0]!.score, 100);
    assert.equal(result.explanation.length, 0);
    // docs section 7a: a hidden leaf is false, so the flag is settled, not open (section 5).
    close(result.sections[0]!.coverage, 1);
  });

  // A flag that can no longer fire is clear, so a fully answered review is fully covered.
  test('a fully answered review whose flag can no longer fire gets a tier', () => {
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
    const result = scoreReview(template, { mfa: yes('yes'), shared: yes('no'), backups: yes('yes') }, LOW);
    assert.equal(result.completion, 1);
    assert.equal(result.overall, 100);
    assert.equal(result.coverage, 1, `coverage ${result.coverage}; blockers: ${result.blockers.join(' | ')}`);
    assert.equal(result.state, 'scored');
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

  test('a critical flag stays critical on the critical path; high and medium flags never knock out', () => {
    const cp: RiskProfile = { ...LOW, criticalPath: true };
    const result = scoreReview(FLAGGED, { mfa: yes('no'), sso: yes('none'), shared: yes('yes'), backups: yes('no') }, cp);
    assert.deepEqual(result.knockouts.map((k) => [k.flagId, k.tier, 'raised' in k]), [['shared-admin', 'critical', false]]);
    const noCritical = scoreReview(FLAGGED, { mfa: yes('no'), sso: yes('none'), shared: yes('no'), backups: yes('no') }, cp);
    assert.deepEqual(noCritical.knockouts, []);
  });
});

describe('a flag belongs to the trigger latest in template order (VSAQ follow-ups)', () => {
  type Layout = { order: 'parent-first' | 'child-first'; child: 'same-section' | 'later-section'; severity?: 'high' | 'critical' };
  /** fw (parent) → fw_stateful (child, shown when fw is yes); the flag sits in the parent's section. */
  const firewall = ({ order, child, severity = 'critical' }: Layout): Template => {
    const leaves = [
      { q: 'fw', is: ['yes'] },
      { q: 'fw_stateful', is: ['no'] },
    ];
    const childQuestion = {
      id: 'fw_stateful',
      kind: 'yesno' as const,
      text: 'Are they stateful?',
      weight: 0,
      options: informationalYesNo,
      showWhen: { q: 'fw', is: ['yes'] },
    };
    const parentQuestions = [
      { id: 'fw', kind: 'yesno' as const, text: 'Do you run firewalls?', weight: 0, options: informationalYesNo },
      ...(child === 'same-section' ? [childQuestion] : []),
      { id: 'other', kind: 'yesno' as const, text: 'Is traffic logged?', options: yesNo },
    ];
    return Template.parse({
      id: 'vsaq',
      version: 1,
      name: 'VSAQ-like',
      sections: [
        {
          id: 'network',
          title: 'Network',
          questions: parentQuestions,
          flags: [
            {
              id: 'stateless-fw',
              name: 'Firewalls are not stateful',
              severity,
              when: { all: order === 'parent-first' ? leaves : [...leaves].reverse() },
            },
          ],
        },
        ...(child === 'later-section' ? [{ id: 'network-detail', title: 'Network detail', weight: 0, questions: [childQuestion] }] : []),
      ],
    });
  };
  const answers: AnswerMap = { fw: yes('yes'), fw_stateful: yes('no'), other: yes('yes') };

  const assertOnChild = (layout: Layout) => {
    const t = firewall(layout);
    const label = `${layout.order}, ${layout.child}`;
    assert.deepEqual(checkTemplate(t), [], label);
    const result = scoreReview(t, answers, LOW);
    const line = result.explanation.find((l) => l.flagId === 'stateless-fw');
    assert.ok(line, `${label}: the flag fires`);
    assert.equal(line.questionId, 'fw_stateful', label);
    assert.equal(line.sectionId, 'network', `${label}: the flag's own section`);
    // Network F = other 1 + flag 4 (fw and fw_stateful weigh 0); the detail section weighs nothing.
    close(line.pointsLost, (4 / 5) * 100, label);
    assert.deepEqual(result.knockouts.map((k) => [k.questionId, k.flagId, k.tier]), [['fw_stateful', 'stateless-fw', 'critical']], label);
    assert.equal(result.tier, 'critical', label);
  };

  test('all: [parent is yes, child is no] fires on the child, whatever the condition order', () => {
    assertOnChild({ order: 'parent-first', child: 'same-section' });
    assertOnChild({ order: 'child-first', child: 'same-section' });
    // The answers are read in condition order for the label.
    assert.equal(scoreReview(firewall({ order: 'parent-first', child: 'same-section' }), answers, LOW).knockouts[0]!.answerLabel, 'Yes; No');
    assert.equal(scoreReview(firewall({ order: 'child-first', child: 'same-section' }), answers, LOW).knockouts[0]!.answerLabel, 'No; Yes');
  });

  // Template order is known for every question before any flag is placed (docs section 7a).
  test('… also when the child sits in a later section than the flag', () => {
    assertOnChild({ order: 'parent-first', child: 'later-section' });
    assertOnChild({ order: 'child-first', child: 'later-section' });
  });

  test('a high flag: no knock-out, the loss is still on the child', () => {
    const result = scoreReview(firewall({ order: 'parent-first', child: 'same-section', severity: 'high' }), answers, LOW);
    assert.deepEqual(result.knockouts, []);
    assert.equal(result.explanation.find((l) => l.flagId === 'stateless-fw')!.questionId, 'fw_stateful');
  });

  test('child stateful: clear; parent "No": the child is hidden and the flag cannot fire', () => {
    const t = firewall({ order: 'parent-first', child: 'same-section' });
    const clear = scoreReview(t, { ...answers, fw_stateful: yes('yes') }, LOW);
    assert.equal(clear.explanation.length, 0);
    assert.equal(clear.coverage, 1);
    const noFirewall = scoreReview(t, { fw: yes('no'), fw_stateful: yes('no'), other: yes('yes') }, LOW, NO_THRESHOLDS);
    assert.deepEqual(noFirewall.knockouts, []);
    assert.equal(noFirewall.explanation.length, 0);
    // The child is hidden, so the flag reads it as not holding: clear, and the review is fully covered.
    close(noFirewall.coverage, 1);
    assert.equal(scoreReview(t, { fw: yes('no'), other: yes('yes') }, LOW).state, 'scored');
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
        // Completion ignores flags: it is the share of the four questions answered (N/A is not
        // allowed on any of them, so it reads as unanswered).
        assert.equal(result.completion, Object.values(answers).filter((a) => a && !a.na).length / 4);
        assert.ok(result.coverage !== null && result.coverage >= 0 && result.coverage <= 1 + 1e-9, `coverage ${result.coverage}`);
        // A firing flag sits on the trigger latest in template order.
        const weak = result.explanation.find((l) => l.flagId === 'weak-login');
        if (weak) assert.equal(weak.questionId, 'sso');
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});

describe('the one exception to monotone coverage (docs/scoring.md, section 5)', () => {
  test('a flag decided through a question shown by `not` of an unanswered question is undecided again once that question is hidden', () => {
    const template = Template.parse({
      id: 'negated',
      version: 1,
      name: 'Negated',
      sections: [
        {
          id: 's',
          title: 'S',
          questions: [
            { id: 'a', kind: 'yesno', text: 'A?', options: yesNo },
            { id: 'b', kind: 'yesno', text: 'B?', options: yesNo, showWhen: { not: { q: 'a', answered: true } } },
            { id: 'd', kind: 'yesno', text: 'D?', options: yesNo },
          ],
          flags: [{ id: 'f', name: 'B or D is no', severity: 'high', when: { any: [{ q: 'b', is: ['no'] }, { q: 'd', is: ['no'] }] } }],
        },
      ],
    });
    const before = scoreReview(template, { b: yes('no') }, LOW, NO_THRESHOLDS);
    assert.equal(before.explanation.some((l) => l.flagId === 'f' && l.questionId === 'b'), true, 'the flag fires on b, which the app shows');
    const after = scoreReview(template, { b: yes('no'), a: yes('yes') }, LOW, NO_THRESHOLDS);
    assert.equal(after.explanation.some((l) => l.flagId === 'f'), false, 'b is hidden: the flag waits for d');
    assert.ok(after.coverage! < before.coverage!, `coverage ${before.coverage} → ${after.coverage}: the documented exception`);
  });
});
