// Properties of the scoring model over random small templates and answer maps.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { AnswerMap, AnswerValue } from '../../shared/domain/review';
import type { Condition, Question, Section, Template } from '../../shared/domain/template';
import { TIERS, tierRank } from '../../shared/domain/tier';
import type { Tier } from '../../shared/domain/tier';
import { BUSINESS_IMPACTS, DATA_CATEGORIES } from '../../shared/domain/vendor';
import { scoreReview } from '../../shared/scoring';
import type { RiskProfile, ScoreResult } from '../../shared/scoring';

/**
 * Shrinking these nested arbitraries can take minutes; the time limit bounds a failing run
 * (fast-check then reports the smallest counterexample found so far).
 */
const RUNS = { numRuns: 400, interruptAfterTimeLimit: 20_000 };
const EPS = 1e-9;
const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < EPS);

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/** Mostly exact binary fractions, sometimes any real in [0, 1], sometimes 'na'. */
const numericScore = fc.oneof(
  { arbitrary: fc.constantFrom(0, 0.25, 0.5, 0.75, 1), weight: 6 },
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 2 },
);
const optionScore = fc.oneof(
  { arbitrary: numericScore, weight: 8 },
  { arbitrary: fc.constant('na' as const), weight: 2 },
);
/** Knock-outs are rare, as in real templates: otherwise every tier would be forced. */
const knockout = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 8 },
  { arbitrary: fc.constantFrom(...TIERS), weight: 1 },
);
/** Whole weights mostly, sometimes hundredths (not denormals: nobody weighs a question 5e-324). */
const weightArb = (max: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max }), weight: 5 },
    { arbitrary: fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100), weight: 1 },
  );

const optionsArb = (min: number, max: number) =>
  fc.array(fc.record({ score: optionScore, knockout, why: fc.option(fc.constant('Because.'), { freq: 2, nil: undefined }) }), {
    minLength: min,
    maxLength: max,
  });

const bandsArb = fc.array(
  fc.record({
    min: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    max: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
    score: numericScore,
    knockout,
  }),
  { maxLength: 3 },
);

type Kind = 'yesno' | 'single' | 'multi' | 'number';
const questionShape = fc.record({
  kind: fc.constantFrom<Kind>('yesno', 'single', 'multi', 'number'),
  weight: weightArb(5),
  optional: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
  options: optionsArb(1, 4),
  bands: bandsArb,
  /** Resolved into a showWhen on an earlier question when conditions are on. */
  cond: fc.option(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean()), { freq: 2, nil: undefined }),
});
const sectionShape = (maxQuestions: number) =>
  fc.record({
    weight: weightArb(3),
    questions: fc.array(questionShape, { minLength: 1, maxLength: maxQuestions }),
  });

interface Shape {
  /** Add showWhen conditions on earlier questions. */
  conditions: boolean;
  maxSections?: number;
  maxQuestions?: number;
}

/** 1–4 sections of 1–6 questions of the scored kinds; showWhen only when `conditions`. */
function templateArb({ conditions, maxSections = 4, maxQuestions = 6 }: Shape): fc.Arbitrary<Template> {
  return fc.array(sectionShape(maxQuestions), { minLength: 1, maxLength: maxSections }).map((shapes) => {
    const earlier: Question[] = [];
    const sections: Section[] = shapes.map((s, si) => ({
      id: `s${si}`,
      title: `Section ${si}`,
      description: '',
      weight: s.weight,
      questions: s.questions.map((q, qi) => {
        const id = `s${si}-q${qi}`;
        const question: Question = {
          id,
          kind: q.kind,
          text: `Question ${id}?`,
          help: '',
          weight: q.weight,
          optional: q.optional,
        };
        if (q.kind === 'number') {
          question.bands = q.bands.map((b) => ({ ...b }));
        } else {
          const opts = q.kind === 'yesno' ? q.options.slice(0, 3) : q.options;
          question.options = opts.map((o, oi) => ({ id: `o${oi}`, label: `Option ${oi}`, ...o }));
        }
        if (conditions && q.cond && earlier.length > 0) {
          const [refSeed, optSeed, answered, negate] = q.cond;
          const ref = earlier[refSeed % earlier.length]!;
          const base: Condition =
            answered || !ref.options
              ? { q: ref.id, answered: true }
              : { q: ref.id, is: [ref.options[optSeed % ref.options.length]!.id] };
          question.showWhen = negate ? { not: base } : base;
        }
        earlier.push(question);
        return question;
      }),
    }));
    return { id: 'rand', version: 1, name: 'Random', description: '', sections };
  });
}

/** A value that fits the question (choice ids, a subset for multi, a number near the bands). */
function valueArb(q: Question): fc.Arbitrary<AnswerValue> {
  const ids = (q.options ?? []).map((o) => o.id);
  switch (q.kind) {
    case 'multi':
      return fc.subarray(ids);
    case 'number':
      return fc.integer({ min: -1, max: 11 });
    default:
      return fc.constantFrom(...ids);
  }
}

type A = { value: AnswerValue; na: boolean } | undefined;
function answerArb(q: Question): fc.Arbitrary<A> {
  return fc.oneof(
    { arbitrary: valueArb(q).map((value) => ({ value, na: false })), weight: 8 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constant({ value: null, na: false }), weight: 1 },
    { arbitrary: fc.option(valueArb(q), { nil: null }).map((value) => ({ value, na: true })), weight: 1 },
    { arbitrary: fc.constant({ value: 'not-an-option', na: false }), weight: 1 },
  );
}

const allQuestions = (t: Template) => t.sections.flatMap((s) => s.questions);

function answersArb(t: Template): fc.Arbitrary<Record<string, A>> {
  const qs = allQuestions(t);
  return fc.tuple(...qs.map(answerArb)).map((values) => {
    const map: Record<string, A> = {};
    qs.forEach((q, i) => {
      if (values[i] !== undefined) map[q.id] = values[i];
    });
    return map;
  });
}

/** Few data categories, so every inherent tier comes up (all of them would make most critical). */
const profileArb: fc.Arbitrary<RiskProfile> = fc.record({
  criticalPath: fc.boolean(),
  businessImpact: fc.constantFrom(...BUSINESS_IMPACTS),
  dataCategories: fc.subarray([...DATA_CATEGORIES], { maxLength: 3 }),
});
const optionsArbScoring = fc.record({ completionThreshold: fc.constantFrom(0, 0.5, 0.8, 1) });

const reviewArb = (shape: Shape) =>
  templateArb(shape).chain((template) =>
    fc.record({
      template: fc.constant(template),
      answers: answersArb(template),
      profile: profileArb,
      options: optionsArbScoring,
    }),
  );

// ---------------------------------------------------------------------------------------------
// An independent reading of one question's worth, for choosing "better" answers.
// ---------------------------------------------------------------------------------------------

/** s_q for a numeric answer, null when N/A or unscored; the highest knock-out rank (-1 none). */
function oracle(q: Question, value: AnswerValue): { s: number | null; ko: number } {
  if (q.kind === 'number') {
    const band = (q.bands ?? []).find(
      (b) => (b.min === undefined || (value as number) >= b.min) && (b.max === undefined || (value as number) < b.max),
    );
    return { s: band ? band.score : null, ko: band?.knockout ? tierRank(band.knockout) : -1 };
  }
  const ids = Array.isArray(value) ? value : [value as string];
  const chosen = (q.options ?? []).filter((o) => ids.includes(o.id));
  const numeric = chosen.filter((o) => o.score !== 'na').map((o) => o.score as number);
  const ko = Math.max(-1, ...chosen.map((o) => (o.knockout ? tierRank(o.knockout) : -1)));
  if (chosen.length > 0 && numeric.length === 0) return { s: null, ko };
  return { s: Math.min(1, numeric.reduce((x, y) => x + y, 0)), ko };
}

const rank = (t: Tier | null) => (t === null ? -1 : tierRank(t));

// ---------------------------------------------------------------------------------------------
// Comparing results
// ---------------------------------------------------------------------------------------------

/** Everything but completion and section counts: what N/A must leave unchanged. */
function assertSameScores(a: ScoreResult, b: ScoreResult, sectionIds: Iterable<string>) {
  assert.ok(near(a.overall, b.overall), `overall ${a.overall} vs ${b.overall}`);
  for (const id of sectionIds) {
    const sa = a.sections.find((s) => s.sectionId === id)!;
    const sb = b.sections.find((s) => s.sectionId === id)!;
    assert.ok(near(sa.score, sb.score), `section ${id}: ${sa.score} vs ${sb.score}`);
  }
  assert.deepEqual(sortBy(a.knockouts, 'questionId'), sortBy(b.knockouts, 'questionId'));
  assertSameExplanationSet(a, b);
  assert.equal(a.inherent, b.inherent);
  assert.equal(a.residual, b.residual);
  assert.equal(a.tier, b.tier);
}

function sortBy<T, K extends keyof T>(xs: readonly T[], key: K): T[] {
  return [...xs].sort((x, y) => String(x[key]).localeCompare(String(y[key])));
}

function assertSameExplanationSet(a: ScoreResult, b: ScoreResult) {
  const ea = sortBy(a.explanation, 'questionId');
  const eb = sortBy(b.explanation, 'questionId');
  assert.deepEqual(
    ea.map((e) => e.questionId),
    eb.map((e) => e.questionId),
    'explained questions differ',
  );
  ea.forEach((x, i) => {
    const y = eb[i]!;
    assert.ok(near(x.pointsLost, y.pointsLost), `${x.questionId}: ${x.pointsLost} vs ${y.pointsLost}`);
    assert.deepEqual({ ...x, pointsLost: 0 }, { ...y, pointsLost: 0 });
  });
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('scoring properties', () => {
  test('scores stay in [0, 100], completion in [0, 1], and the result is consistent', () => {
    fc.assert(
      fc.property(reviewArb({ conditions: true }), ({ template, answers, profile, options }) => {
        const r = scoreReview(template, answers, profile, options);
        const inRange = (x: number | null) => x === null || (x >= -EPS && x <= 100 + EPS);
        assert.ok(inRange(r.overall), `overall ${r.overall}`);
        for (const s of r.sections) {
          assert.ok(inRange(s.score), `section ${s.sectionId} ${s.score}`);
          assert.ok(s.answered >= 0 && s.answered <= s.total);
        }
        assert.ok(r.completion >= 0 && r.completion <= 1, `completion ${r.completion}`);
        assert.equal(r.state, r.completion < options.completionThreshold ? 'incomplete' : 'scored');
        // The why list: no negative losses, and together they are exactly what the overall lost.
        for (const e of r.explanation) assert.ok(e.pointsLost >= 0, `${e.questionId} ${e.pointsLost}`);
        const lost = r.explanation.reduce((t, e) => t + e.pointsLost, 0);
        assert.ok(Math.abs(lost - (r.overall === null ? 0 : 100 - r.overall)) < 1e-6, `lost ${lost}, overall ${r.overall}`);
        for (let i = 1; i < r.explanation.length; i++) {
          assert.ok(r.explanation[i - 1]!.pointsLost >= r.explanation[i]!.pointsLost, 'biggest loss first');
        }
        // Every knock-out is explained; the tier is at least every knock-out and the residual.
        for (const k of r.knockouts) {
          assert.ok(r.explanation.some((e) => e.questionId === k.questionId && e.knockout === k.tier));
          assert.ok(r.tier !== null && tierRank(r.tier) >= tierRank(k.tier));
        }
        if (r.residual !== null) assert.ok(r.tier !== null && tierRank(r.tier) >= tierRank(r.residual));
        assert.equal(r.tier === null, r.residual === null && r.knockouts.length === 0);
        assert.equal(r.residual === null, r.state === 'incomplete' || r.overall === null);
      }),
      RUNS,
    );
  });

  test('N/A is neutral: marking one more question N/A equals removing it from the template', () => {
    const arb = reviewArb({ conditions: false }).chain((review) =>
      fc.record({
        review: fc.constant(review),
        pick: fc.nat({ max: allQuestions(review.template).length - 1 }),
        viaOption: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(arb, ({ review: { template, answers, profile }, pick, viaOption }) => {
        const target = allQuestions(template)[pick]!;
        // Two ways to make it N/A: choose its 'na' option(s), or mark it N/A while keeping
        // whatever value was there (a knock-out option, say): N/A must win over that value.
        const naIds = (target.options ?? []).filter((o) => o.score === 'na').map((o) => o.id);
        const naAnswer =
          viaOption && naIds.length > 0
            ? { value: target.kind === 'multi' ? naIds : naIds[0]!, na: false }
            : { value: answers[target.id]?.value ?? null, na: true };
        const marked: AnswerMap = { ...answers, [target.id]: naAnswer };
        const removed: Template = {
          ...template,
          sections: template.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => q !== target) })),
        };
        // Completion does change ((a + 1) / (t + 1) ≠ a / t), so compare at a threshold of 0.
        const options = { completionThreshold: 0, coverageThreshold: 0 };
        const a = scoreReview(template, marked, profile, options);
        const b = scoreReview(removed, answers, profile, options);
        assertSameScores(
          a,
          b,
          template.sections.map((s) => s.id),
        );
      }),
      RUNS,
    );
  });

  test('monotonic: a better answer never lowers a score nor raises the tier (unless it adds a knock-out)', () => {
    // Small templates too: there one answer moves the overall across a control band more often.
    const reviews = fc.oneof(
      reviewArb({ conditions: false }),
      reviewArb({ conditions: false, maxSections: 2, maxQuestions: 3 }),
    );
    const arb = reviews.chain((review) => {
      const qs = allQuestions(review.template);
      return fc.nat({ max: qs.length - 1 }).chain((pick) =>
        fc.record({
          review: fc.constant(review),
          pick: fc.constant(pick),
          better: valueArb(qs[pick]!),
        }),
      );
    });
    fc.assert(
      fc.property(arb, ({ review: { template, answers, profile, options }, pick, better }) => {
        const target = allQuestions(template)[pick]!;
        const current = answers[target.id];
        fc.pre(current !== undefined && !current.na && current.value !== null && current.value !== 'not-an-option');
        const before = oracle(target, current!.value);
        const after = oracle(target, better);
        fc.pre(before.s !== null && after.s !== null && after.s > before.s);
        fc.pre(after.ko <= before.ko); // a new or higher knock-out may raise the tier, by design

        const a = scoreReview(template, answers, profile, options);
        const b = scoreReview(template, { ...answers, [target.id]: { value: better, na: false } }, profile, options);
        const section = template.sections.find((s) => s.questions.includes(target))!;
        const sa = a.sections.find((s) => s.sectionId === section.id)!.score;
        const sb = b.sections.find((s) => s.sectionId === section.id)!.score;
        assert.equal(sa === null, sb === null);
        if (sa !== null) assert.ok(sb! >= sa - EPS, `section ${sa} → ${sb}`);
        assert.equal(a.overall === null, b.overall === null);
        if (a.overall !== null) assert.ok(b.overall! >= a.overall - EPS, `overall ${a.overall} → ${b.overall}`);
        assert.equal(a.state, b.state);
        assert.ok(rank(b.tier) <= rank(a.tier), `tier ${a.tier} → ${b.tier}`);
        assert.ok(rank(b.residual) <= rank(a.residual), `residual ${a.residual} → ${b.residual}`);
      }),
      { ...RUNS, maxSkipsPerRun: 1000 },
    );
  });

  test('order does not matter: shuffled sections, questions and answers give the same result', () => {
    const arb = reviewArb({ conditions: true }).chain((review) =>
      fc.record({
        review: fc.constant(review),
        sectionOrder: fc.shuffledSubarray(review.template.sections, {
          minLength: review.template.sections.length,
          maxLength: review.template.sections.length,
        }),
        questionOrders: fc.tuple(
          ...review.template.sections.map((s) =>
            fc.shuffledSubarray(s.questions, { minLength: s.questions.length, maxLength: s.questions.length }),
          ),
        ),
        answerOrder: fc.shuffledSubarray(Object.keys(review.answers), {
          minLength: Object.keys(review.answers).length,
          maxLength: Object.keys(review.answers).length,
        }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ review: { template, answers, profile, options }, sectionOrder, questionOrders, answerOrder }) => {
        const questionsOf = new Map(template.sections.map((s, i) => [s.id, questionOrders[i]!]));
        const shuffled: Template = {
          ...template,
          sections: sectionOrder.map((s) => ({ ...s, questions: questionsOf.get(s.id)! })),
        };
        const reordered: Record<string, A> = {};
        for (const id of answerOrder) reordered[id] = answers[id];

        const a = scoreReview(template, answers, profile, options);
        const b = scoreReview(shuffled, reordered, profile, options);
        assert.equal(a.state, b.state);
        assert.ok(near(a.completion, b.completion));
        for (const s of a.sections) {
          const t = b.sections.find((x) => x.sectionId === s.sectionId)!;
          assert.deepEqual({ ...t, score: 0 }, { ...s, score: 0 });
        }
        assertSameScores(
          a,
          b,
          template.sections.map((s) => s.id),
        );
        // Same ranking up to ties.
        assert.ok(a.explanation.every((e, i) => near(e.pointsLost, b.explanation[i]!.pointsLost)));
      }),
      RUNS,
    );
  });
});
