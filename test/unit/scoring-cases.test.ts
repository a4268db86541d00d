// The named cases of docs/scoring.md, section 14, on the built-in template (version 3): each
// starts from "every question answered with its best option" for the profile at hand.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkAnswerValue } from '../../shared/domain/answers';
import type { AnswerMap, AnswerValue } from '../../shared/domain/review';
import { Template } from '../../shared/domain/template';
import type { ChoiceOption, Question } from '../../shared/domain/template';
import { tierRank } from '../../shared/domain/tier';
import type { Tier } from '../../shared/domain/tier';
import { SCORING_MODEL, scoreQuestion, scoreReview, storedScore } from '../../shared/scoring';
import type { ProfileFact, RiskProfile, ScoreResult } from '../../shared/scoring';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates';
import { checkTemplate } from '../../shared/templates/check';

const T = INFRASTRUCTURE_TEMPLATE;
const QUESTIONS = T.sections.flatMap((s) => s.questions);
const question = (id: string): Question => {
  const q = QUESTIONS.find((x) => x.id === id);
  assert.ok(q, `the built-in template has no question ${id}`);
  return q;
};
const answer = (value: AnswerValue, na = false) => ({ value, na });
const lossOf = (r: ScoreResult, id: string) => r.explanation.find((e) => e.questionId === id && e.flagId === undefined);

// ---------------------------------------------------------------------------------------------
// "Every question answered with its best option", for a profile.
// ---------------------------------------------------------------------------------------------

const PERSONAL = ['personal-data', 'special-personal-data'];

/** What the profile says about a fact (undefined: it does not say), as docs section 7 reads it. */
function profileSays(profile: RiskProfile, fact: ProfileFact): boolean | undefined {
  if (fact === 'criticalPath') return profile.criticalPath;
  if (fact === 'personalData') return profile.dataCategories.some((c) => PERSONAL.includes(c));
  return profile.dataLocations === undefined ? undefined : profile.dataLocations.length > 0;
}

/** An option the profile does not contradict (docs section 7). */
function agrees(option: ChoiceOption, profile: RiskProfile): boolean {
  return Object.entries(option.implies ?? {}).every(([fact, implied]) => {
    const held = profileSays(profile, fact as ProfileFact);
    return held === undefined || held === implied;
  });
}

/**
 * The best answer to one question for this profile: the highest-scoring option worth a number
 * (never 'na') that the profile does not contradict, first in template order on a tie; for a
 * multi question every such option worth more than 0 that is not exclusive (the best for 'sum'
 * and for 'max' alike); for a number, a value in the best band; informational questions get a
 * plain value.
 */
function bestValue(q: Question, profile: RiskProfile): AnswerValue {
  switch (q.kind) {
    case 'yesno':
    case 'single': {
      const candidates = (q.options ?? []).filter((o) => typeof o.score === 'number' && agrees(o, profile));
      assert.ok(candidates.length > 0, `${q.id}: no option fits the profile`);
      const best = candidates.reduce((x, y) => ((y.score as number) > (x.score as number) ? y : x));
      return best.id;
    }
    case 'multi': {
      const chosen = (q.options ?? []).filter((o) => typeof o.score === 'number' && o.score > 0 && !o.exclusive && agrees(o, profile));
      assert.ok(chosen.length > 0, `${q.id}: no option worth points`);
      return chosen.map((o) => o.id);
    }
    case 'number': {
      const bands = q.bands ?? [];
      assert.ok(bands.length > 0, `${q.id}: no bands`);
      const best = bands.reduce((x, y) => (y.score > x.score ? y : x));
      return best.min ?? best.max! - 1;
    }
    case 'date':
      return '2026-11-02';
    default:
      return 'Nothing to add.';
  }
}

/** Every question answered with its best option for this profile, then `changes` applied. */
function best(profile: RiskProfile, changes: Record<string, AnswerMap[string] | null> = {}): AnswerMap {
  const answers: Record<string, AnswerMap[string]> = {};
  for (const q of QUESTIONS) answers[q.id] = answer(bestValue(q, profile));
  for (const [id, change] of Object.entries(changes)) {
    question(id); // a typo in a case must fail, not pass silently
    if (change === null) delete answers[id];
    else answers[id] = change;
  }
  return answers;
}

// Profiles, with the inherent tier docs section 8a gives them.
/** 1 (medium impact) + 1 (personal data) = 2: medium. */
const ORDINARY: RiskProfile = { criticalPath: false, businessImpact: 'medium', dataCategories: ['personal-data'] };
/** 0: low. */
const MINOR: RiskProfile = { criticalPath: false, businessImpact: 'low', dataCategories: [] };
/** 2 (critical path) + 2 (high impact) + 1 (personal data) = 5: high. */
const CRITICAL_PATH: RiskProfile = { criticalPath: true, businessImpact: 'high', dataCategories: ['personal-data'] };
/** 5 + 2 (credentials) = 7: critical. */
const CRITICAL_INHERENT: RiskProfile = { ...CRITICAL_PATH, dataCategories: ['personal-data', 'credentials-secrets'] };
const PROFILES: [string, RiskProfile, Tier, Tier][] = [
  // name, profile, inherent tier, flawless tier (RESIDUAL_MATRIX[inherent].strong)
  ['minor', MINOR, 'low', 'low'],
  ['ordinary', ORDINARY, 'medium', 'low'],
  ['critical path + personal data', CRITICAL_PATH, 'high', 'medium'],
  ['critical inherent risk', CRITICAL_INHERENT, 'critical', 'medium'],
];

describe('the baseline: every question answered with its best option', () => {
  test('the built-in template is version 4 (the scoring of v3, with plausible ranges) and sound', () => {
    assert.equal(T.id, 'infrastructure-provider');
    assert.equal(T.version, 4);
    assert.deepEqual(checkTemplate(T), []);
  });

  for (const [name, profile, inherent, tier] of PROFILES) {
    test(`${name}: scored, complete, no conflict, no knock-out; inherent ${inherent}, strong, tier ${tier}`, () => {
      const r = scoreReview(T, best(profile), profile);
      assert.equal(r.model, SCORING_MODEL);
      assert.deepEqual(r.conflicts, []);
      assert.deepEqual(r.knockouts, []);
      assert.deepEqual(r.open, []);
      assert.deepEqual(r.mustHaveOpen, []);
      assert.deepEqual(r.blockers, []);
      assert.equal(r.state, 'scored');
      assert.equal(r.completion, 1);
      assert.ok(Math.abs(r.coverage! - 1) < 1e-9, `coverage ${r.coverage}`);
      assert.ok(r.overall !== null && r.overall >= 90, `overall ${r.overall} should be strong`);
      assert.equal(r.inherent, inherent);
      assert.equal(r.tier, tier);
    });
  }

  test('off the critical path the best answers lose nothing: overall 100', () => {
    const r = scoreReview(T, best(ORDINARY), ORDINARY);
    assert.equal(r.overall, 100);
    assert.deepEqual(r.explanation, []);
  });

  test('on the critical path "Yes: we keep working without them" contradicts the profile, so the best is "Partly"', () => {
    const answers = best(CRITICAL_PATH);
    assert.equal(answers['ext_critical_path']!.value, 'partial');
    const r = scoreReview(T, answers, CRITICAL_PATH);
    assert.deepEqual(r.explanation.map((e) => e.questionId), ['ext_critical_path']);
    assert.ok(r.overall! > 99 && r.overall! < 100, `overall ${r.overall}`);
  });
});

describe('named cases (docs/scoring.md, section 14)', () => {
  test('no MFA, one shared credential, secrets in plain text: three knock-outs, tier high or critical', () => {
    const changes = {
      acc_mfa: answer('no'),
      acc_individual_accounts: answer('shared'),
      sec_secrets_handling: answer('plain'),
    };
    for (const profile of [MINOR, ORDINARY, CRITICAL_PATH]) {
      const r = scoreReview(T, best(profile, changes), profile);
      assert.deepEqual(
        r.knockouts.map((k) => k.questionId).sort(),
        ['acc_individual_accounts', 'acc_mfa', 'sec_secrets_handling'],
      );
      assert.ok(r.tier === 'high' || r.tier === 'critical', `tier ${r.tier}`);
      assert.equal(r.state, 'scored');
    }
    // Off the critical path: three high knock-outs, high; on it each is raised: critical.
    assert.equal(scoreReview(T, best(MINOR, changes), MINOR).tier, 'high');
    const cp = scoreReview(T, best(CRITICAL_PATH, changes), CRITICAL_PATH);
    assert.equal(cp.tier, 'critical');
    assert.ok(cp.knockouts.every((k) => k.tier === 'critical' && k.raised === true), JSON.stringify(cp.knockouts));
  });

  test('… with "own accounts plus one shared root credential": a medium knock-out, with the other two', () => {
    // individual_plus_shared scores 0.4 and, from template v3, is a medium knock-out: a shared
    // root credential outlives every person who knew it.
    const r = scoreReview(
      T,
      best(MINOR, { acc_mfa: answer('no'), acc_individual_accounts: answer('individual_plus_shared'), sec_secrets_handling: answer('plain') }),
      MINOR,
    );
    assert.deepEqual(
      r.knockouts.map((k) => [k.questionId, k.tier]).sort(),
      [['acc_individual_accounts', 'medium'], ['acc_mfa', 'high'], ['sec_secrets_handling', 'high']],
    );
    assert.equal(r.tier, 'high');
    assert.ok(lossOf(r, 'acc_individual_accounts')!.pointsLost > 0, 'the shared root credential costs points too');
  });

  test('no encryption at rest, on the critical path, personal data: critical (raised), worse than flawless (medium)', () => {
    const flawless = scoreReview(T, best(CRITICAL_PATH), CRITICAL_PATH);
    assert.equal(flawless.inherent, 'high');
    assert.equal(flawless.tier, 'medium');
    const r = scoreReview(T, best(CRITICAL_PATH, { sec_encryption_at_rest: answer('no') }), CRITICAL_PATH);
    assert.equal(r.state, 'scored');
    assert.deepEqual(r.knockouts, [
      {
        questionId: 'sec_encryption_at_rest',
        questionText: question('sec_encryption_at_rest').text,
        answerLabel: 'No',
        tier: 'critical',
        raised: true,
      },
    ]);
    assert.equal(r.tier, 'critical');
    assert.ok(tierRank(r.tier!) > tierRank(flawless.tier!), `${r.tier} is worse than ${flawless.tier}`);
    // The same answer off the critical path: the floor itself, high.
    const off = scoreReview(T, best(ORDINARY, { sec_encryption_at_rest: answer('no') }), ORDINARY);
    assert.equal(off.tier, 'high');
    assert.equal('raised' in off.knockouts[0]!, false);
    // With critical inherent risk the flawless provider is medium too, the flawed one critical.
    assert.equal(scoreReview(T, best(CRITICAL_INHERENT), CRITICAL_INHERENT).tier, 'medium');
    assert.equal(scoreReview(T, best(CRITICAL_INHERENT, { sec_encryption_at_rest: answer('no') }), CRITICAL_INHERENT).tier, 'critical');
  });

  test('every question N/A: no tier (incomplete: must-haves open, N/A refused where not allowed)', () => {
    const allNa: AnswerMap = Object.fromEntries(QUESTIONS.map((q) => [q.id, answer(null, true)]));
    for (const [, profile] of PROFILES) {
      const r = scoreReview(T, allNa, profile);
      assert.equal(r.state, 'incomplete');
      assert.equal(r.tier, null);
      assert.equal(r.residual, null);
      assert.deepEqual(r.knockouts, []);
      // Every shown must-have is open, refused as N/A (prv_dpa waits on prv_personal_data: undecided).
      assert.deepEqual(
        r.mustHaveOpen.map((o) => [o.questionId, o.naRefused]),
        [
          'sec_encryption_at_rest',
          'sec_encryption_in_transit',
          'sec_secrets_handling',
          'acc_individual_accounts',
          'acc_mfa',
          'acc_audit_log',
          'acc_support_access',
          'prv_personal_data',
          'prv_deletion_on_exit',
        ].map((id) => [id, true]),
      );
      assert.ok(r.blockers.some((b) => b.startsWith('9 must-have questions are not answered')), r.blockers.join(' | '));
      // Only the questions that allow N/A are N/A.
      for (const na of r.notApplicable) assert.equal(question(na.questionId).allowNa, true, na.questionId);
      assert.ok(r.coverage! < 0.8, `coverage ${r.coverage}`);
    }
  });

  test('… and N/A everywhere it is possible (allowNa, or an option worth N/A), blank elsewhere: still no tier', () => {
    const answers: Record<string, AnswerMap[string]> = {};
    for (const q of QUESTIONS) {
      const naOption = q.options?.find((o) => o.score === 'na');
      if (naOption) answers[q.id] = answer(q.kind === 'multi' ? [naOption.id] : naOption.id);
      else if (q.allowNa) answers[q.id] = answer(null, true);
    }
    const r = scoreReview(T, answers, ORDINARY);
    assert.equal(r.state, 'incomplete');
    assert.equal(r.tier, null);
    assert.ok(r.mustHaveOpen.length > 0, 'must-haves stay open');
  });

  test('must-haves left blank, everything else best: no tier (incomplete: must-haves open)', () => {
    const mustHaves = QUESTIONS.filter((q) => q.mustHave === true).map((q) => q.id);
    assert.deepEqual(mustHaves, [
      'sec_encryption_at_rest',
      'sec_encryption_in_transit',
      'sec_secrets_handling',
      'acc_individual_accounts',
      'acc_mfa',
      'acc_audit_log',
      'acc_support_access',
      'prv_personal_data',
      'prv_dpa',
      'prv_deletion_on_exit',
    ]);
    for (const [, profile] of PROFILES) {
      const r = scoreReview(T, best(profile, Object.fromEntries(mustHaves.map((id) => [id, null]))), profile);
      assert.equal(r.state, 'incomplete');
      assert.equal(r.tier, null);
      assert.equal(r.residual, null);
      // prv_dpa is undecided while prv_personal_data is blank, so it is not "shown and open".
      assert.deepEqual(
        r.mustHaveOpen.map((o) => o.questionId),
        mustHaves.filter((id) => id !== 'prv_dpa'),
      );
      assert.ok(r.blockers.some((b) => b.includes('must-have questions are not answered')), r.blockers.join(' | '));
      // Their answers would have cost nothing: the provisional overall is still 100 off the critical path.
      if (!profile.criticalPath) assert.equal(r.overall, 100);
    }
    // One must-have left blank is enough.
    const one = scoreReview(T, best(ORDINARY, { acc_mfa: null }), ORDINARY);
    assert.equal(one.tier, null);
    assert.deepEqual(one.blockers, ['1 must-have question is not answered: 2.4.']);
  });

  test('profile lists personal data, answer "No personal data reaches them": a conflict blocks the tier', () => {
    const r = scoreReview(T, best(ORDINARY, { prv_personal_data: answer('none') }), ORDINARY);
    assert.deepEqual(
      r.conflicts.map((c) => [c.questionId, c.fact, c.answerLabel]),
      [['prv_personal_data', 'personalData', 'No personal data reaches them']],
    );
    assert.match(r.conflicts[0]!.message, /the profile lists personal data among its data categories/);
    assert.equal(r.state, 'incomplete');
    // The answer hides the DPA question, its must-have and its knock-out; only the conflict blocks.
    assert.deepEqual(r.blockers, ['The profile and the answers disagree (question 9.1).']);
    assert.deepEqual(r.mustHaveOpen, []);
    assert.equal(r.residual, null);
    assert.equal(r.tier, null);
    // Resolved on either side, the review is scored again.
    assert.equal(scoreReview(T, best(ORDINARY), ORDINARY).state, 'scored');
    assert.equal(scoreReview(T, best(MINOR, { prv_personal_data: answer('none') }), MINOR).state, 'scored');
  });

  test('payment data is personal data here as in the subprocessor list: "No personal data" conflicts with it', () => {
    const payments = { ...MINOR, dataCategories: ['payment-data' as const] };
    const r = scoreReview(T, best(MINOR, { prv_personal_data: answer('none') }), payments);
    assert.deepEqual(r.conflicts.map((c) => c.fact), ['personalData']);
    assert.equal(r.tier, null);
  });

  test('… and with the DPA missing, the conflict still blocks; answered honestly, the DPA knock-out counts', () => {
    const honest = scoreReview(T, best(ORDINARY, { prv_dpa: answer('no') }), ORDINARY);
    assert.equal(honest.tier, 'high');
    assert.deepEqual(honest.knockouts.map((k) => k.questionId), ['prv_dpa']);
    const hidden = scoreReview(T, best(ORDINARY, { prv_personal_data: answer('none'), prv_dpa: answer('no') }), ORDINARY);
    assert.deepEqual(hidden.knockouts, []); // the DPA question is hidden: its "No" is left behind
    assert.equal(hidden.state, 'incomplete');
    assert.equal(hidden.tier, null);
  });

  test('SOC 2 Type II alone, Type II + Type I, ISO alone: full marks for sec_certifications', () => {
    const certs = question('sec_certifications');
    assert.equal(certs.combine, 'max');
    assert.equal(scoreQuestion(certs, answer(['soc2_type2'])).score, 1);
    assert.equal(scoreQuestion(certs, answer(['soc2_type2', 'soc2_type1'])).score, 1);
    assert.equal(scoreQuestion(certs, answer(['iso27001'])).score, 1);
    assert.equal(scoreQuestion(certs, answer(['soc2_type1'])).score, 0.5);
    assert.equal(scoreQuestion(certs, answer(['soc2_type1', 'pci_dss', 'csa_star'])).score, 0.5);
    assert.equal(scoreQuestion(certs, answer(['none'])).score, 0);
    for (const value of [['soc2_type2'], ['soc2_type2', 'soc2_type1']]) {
      const r = scoreReview(T, best(ORDINARY, { sec_certifications: answer(value) }), ORDINARY);
      assert.equal(lossOf(r, 'sec_certifications'), undefined, `${value.join(' + ')} loses nothing`);
      assert.equal(r.overall, 100);
    }
  });

  test('"None" with SOC 2 is refused by checkAnswerValue, and reads as unanswered', () => {
    const certs = question('sec_certifications');
    assert.equal(checkAnswerValue(certs, ['none']), null);
    assert.equal(checkAnswerValue(certs, ['soc2_type2']), null);
    const refused = checkAnswerValue(certs, ['none', 'soc2_type2']);
    assert.equal(refused, '"None" is chosen alone, not with other options');
    assert.equal(checkAnswerValue(certs, ['soc2_type2', 'none']), refused);
    assert.equal(scoreQuestion(certs, answer(['none', 'soc2_type2'])).status, 'unanswered');
    const r = scoreReview(T, best(ORDINARY, { sec_certifications: answer(['soc2_type2', 'none']) }), ORDINARY);
    assert.deepEqual(r.open.map((o) => o.questionId), ['sec_certifications']);
    // The other exclusive "None" of the template is refused the same way.
    assert.ok(checkAnswerValue(question('ops_export'), ['none', 'otel']) !== null, 'ops_export: None with OpenTelemetry');
  });

  test('a flag on "none of SPF, DKIM, DMARC" fires on an empty selection and costs points', () => {
    const t = Template.parse({
      id: 'mail',
      version: 1,
      name: 'Mail',
      sections: [
        {
          id: 'mail',
          title: 'Mail',
          questions: [
            {
              id: 'mail_auth',
              kind: 'multi',
              text: 'Which sender authentication does the domain publish?',
              options: [
                { id: 'spf', label: 'SPF', score: 0.3 },
                { id: 'dkim', label: 'DKIM', score: 0.3 },
                { id: 'dmarc', label: 'DMARC', score: 0.4 },
              ],
            },
            { id: 'mail_tls', kind: 'yesno', text: 'Is TLS enforced?', options: [{ id: 'yes', label: 'Yes', score: 1 }, { id: 'no', label: 'No', score: 0 }] },
          ],
          flags: [
            {
              id: 'no-sender-auth',
              name: 'No sender authentication',
              severity: 'high',
              when: { not: { q: 'mail_auth', is: ['spf', 'dkim', 'dmarc'] } },
              why: 'Anyone can send mail as this domain.',
            },
          ],
        },
      ],
    });
    assert.deepEqual(checkTemplate(t), []);
    const tls = { mail_tls: answer('yes') };
    const r = scoreReview(t, { ...tls, mail_auth: answer([]) }, MINOR);
    const line = r.explanation.find((e) => e.flagId === 'no-sender-auth');
    assert.ok(line, 'the flag fires on []');
    assert.ok(line.pointsLost > 0, `pointsLost ${line.pointsLost}`);
    // F = 1 + 1 + 2 (high flag): the flag loses 2, the empty selection its whole weight 1.
    assert.ok(Math.abs(line.pointsLost - 50) < 1e-9, `pointsLost ${line.pointsLost}`);
    assert.equal(line.questionId, 'mail_auth');
    assert.equal(line.answerLabel, 'None selected');
    assert.equal(line.reason, 'Anyone can send mail as this domain.');
    assert.ok(Math.abs(r.overall! - 25) < 1e-9, `overall ${r.overall}`);
    // One of them selected: clear. Not answered: undecided, it does not fire.
    assert.equal(scoreReview(t, { ...tls, mail_auth: answer(['dmarc']) }, MINOR).explanation.some((e) => e.flagId), false);
    const blank = scoreReview(t, tls, MINOR, { completionThreshold: 0, coverageThreshold: 0 });
    assert.equal(blank.explanation.some((e) => e.flagId), false);
    assert.ok(Math.abs(blank.coverage! - 1 / 4) < 1e-9, `coverage ${blank.coverage}`); // mail_auth (1) and the flag (2) open
  });

  test('uncapped usage pricing costs fewer points than no MFA', () => {
    const uncapped = scoreReview(T, best(ORDINARY, { cost_predictable: answer('usage_uncapped') }), ORDINARY);
    const noMfa = scoreReview(T, best(ORDINARY, { acc_mfa: answer('no') }), ORDINARY);
    const costLoss = lossOf(uncapped, 'cost_predictable')!.pointsLost;
    const mfaLoss = lossOf(noMfa, 'acc_mfa')!.pointsLost;
    assert.ok(costLoss > 0, `uncapped pricing costs something: ${costLoss}`);
    assert.ok(costLoss < mfaLoss, `uncapped ${costLoss} < no MFA ${mfaLoss}`);
    assert.ok(uncapped.overall! > noMfa.overall!, `${uncapped.overall} > ${noMfa.overall}`);
    // And the tier: uncapped pricing leaves it where it was; no MFA is a knock-out.
    assert.equal(uncapped.tier, 'low');
    assert.equal(noMfa.tier, 'high');
    // Even the cheapest must-have failure (no audit log, medium) costs more than the bill.
    const noAudit = scoreReview(T, best(ORDINARY, { acc_audit_log: answer('none') }), ORDINARY);
    assert.ok(costLoss < lossOf(noAudit, 'acc_audit_log')!.pointsLost, 'no audit log costs more than uncapped pricing');
  });
});

describe('frozen scores (storedScore)', () => {
  test('a model-1-shaped score reads as model 1, coverage null, nothing recomputed', () => {
    const frozen = {
      state: 'scored' as const,
      completion: 0.9,
      overall: 72.5,
      sections: [{ sectionId: 'security', title: 'Security', weight: 3, score: 72.5, answered: 9, total: 10 }],
      knockouts: [{ questionId: 'acc_mfa', questionText: 'MFA?', answerLabel: 'No MFA', tier: 'high' as const }],
      inherent: 'medium' as const,
      residual: 'medium' as const,
      tier: 'high' as const,
      explanation: [],
    };
    const r = storedScore(frozen);
    assert.equal(r.model, 1);
    assert.equal(r.coverage, null);
    assert.deepEqual(r.sections.map((s) => s.coverage), [null]);
    assert.deepEqual(r.blockers, []);
    assert.deepEqual(r.mustHaveOpen, []);
    assert.deepEqual(r.conflicts, []);
    assert.deepEqual(r.open, []);
    assert.deepEqual(r.notApplicable, []);
    assert.equal(r.overall, 72.5);
    assert.equal(r.tier, 'high');
    assert.equal(r.residual, 'medium');
    assert.deepEqual(r.knockouts, frozen.knockouts);
    assert.equal(r.sections[0]!.score, 72.5);
  });

  test('a model-2 score reads back as it was', () => {
    const live = scoreReview(T, best(ORDINARY, { acc_mfa: answer('no') }), ORDINARY);
    const back = storedScore(JSON.parse(JSON.stringify(live)));
    assert.deepEqual(back, live);
    assert.equal(back.model, 2);
  });
});
