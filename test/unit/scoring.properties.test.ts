// Properties of scoring model 2 over random small templates and answer maps (docs/scoring.md).
// Every run uses a fixed seed, so a failure reproduces exactly; fast-check prints the seed and
// the path of the smallest counterexample it found. SCORING_SEED=<n> explores another seed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { visibleQuestionIds } from '../../shared/domain/conditions';
import type { AnswerMap, AnswerValue } from '../../shared/domain/review';
import type { ChoiceOption, Condition, NumberBand, Question, RiskFlag, Section, Template } from '../../shared/domain/template';
import { TIERS, tierRank } from '../../shared/domain/tier';
import type { Tier } from '../../shared/domain/tier';
import { BUSINESS_IMPACTS, DATA_CATEGORIES } from '../../shared/domain/vendor';
import { LOSS_TOLERANCE, scoreReview } from '../../shared/scoring';
import type { RiskProfile, ScoreResult, ScoringOptions } from '../../shared/scoring';
import { INFRASTRUCTURE_TEMPLATE } from '../../shared/templates';

const SEED = Number(process.env['SCORING_SEED'] ?? 20261204);
/**
 * A few hundred cases per property. Shrinking these nested arbitraries can take minutes; the
 * time limit bounds a failing run (fast-check then reports the smallest counterexample so far).
 */
const RUNS = { numRuns: 250, seed: SEED, interruptAfterTimeLimit: 15_000, includeErrorInReport: true };
const EPS = 1e-9;
const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < EPS);

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/** Mostly exact binary fractions, sometimes any real in [0, 1]. */
const numericScore = fc.oneof(
  { arbitrary: fc.constantFrom(0, 0.25, 0.5, 0.75, 1), weight: 6 },
  { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 2 },
);
const optionScore = fc.oneof(
  { arbitrary: numericScore, weight: 8 },
  { arbitrary: fc.constant('na' as const), weight: 1 },
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

/** Bands that do not overlap (the template check refuses overlaps): between sorted cut points. */
const bandsArb: fc.Arbitrary<NumberBand[]> = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 10 }), { maxLength: 4 }),
    openBelow: fc.boolean(),
    openAbove: fc.boolean(),
    scores: fc.array(fc.record({ score: numericScore, knockout }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ cuts, openBelow, openAbove, scores }) => {
    const sorted = [...cuts].sort((x, y) => x - y);
    const bounds: [number | undefined, number | undefined][] = [];
    if (sorted.length > 0 && openBelow) bounds.push([undefined, sorted[0]]);
    for (let i = 0; i + 1 < sorted.length; i++) bounds.push([sorted[i], sorted[i + 1]]);
    if (sorted.length > 0 && openAbove) bounds.push([sorted[sorted.length - 1], undefined]);
    return bounds.map(([min, max], i) => {
      const { score, knockout: ko } = scores[i]!;
      return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), score, ...(ko ? { knockout: ko } : {}) };
    });
  });

type Kind = 'yesno' | 'single' | 'multi' | 'number';
const questionShape = fc.record({
  kind: fc.constantFrom<Kind>('yesno', 'single', 'multi', 'number'),
  weight: weightArb(5),
  optional: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
  /** Must-have (never optional, never allowNa; gets a failing option with a knock-out). */
  mustHave: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }),
  allowNa: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
  combine: fc.constantFrom<'sum' | 'max' | undefined>(undefined, 'sum', 'max'),
  /** Multi only: add an exclusive "None" worth 0. */
  none: fc.boolean(),
  failTier: fc.constantFrom<Tier>('low', 'medium', 'high', 'high', 'critical'),
  options: optionsArb(1, 4),
  bands: bandsArb,
  /** Resolved into a showWhen on an earlier question when conditions are on. */
  cond: fc.option(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean()), { freq: 2, nil: undefined }),
});

/** A condition tree over the template's questions (for risk flags): leaves, not, all, any. */
type CondSeed = { leaf: [number, number, boolean] } | { not: CondSeed } | { all: CondSeed[] } | { any: CondSeed[] };
const condSeed: fc.Arbitrary<CondSeed> = fc.letrec<{ c: CondSeed }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: fc.record({ leaf: fc.tuple(fc.nat(), fc.nat(), fc.boolean()) }), weight: 4 },
    { arbitrary: fc.record({ not: tie('c') }), weight: 1 },
    { arbitrary: fc.record({ all: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }), weight: 1 },
    { arbitrary: fc.record({ any: fc.array(tie('c'), { minLength: 1, maxLength: 3 }) }), weight: 1 },
  ),
})).c;
const flagShape = fc.record({ when: condSeed, severity: fc.constantFrom<RiskFlag['severity']>('medium', 'high', 'critical') });

const sectionShape = (maxQuestions: number, flags: boolean) =>
  fc.record({
    weight: weightArb(3),
    questions: fc.array(questionShape, { minLength: 1, maxLength: maxQuestions }),
    flags: fc.array(flagShape, { maxLength: flags ? 2 : 0 }),
  });

interface Shape {
  /** Add showWhen conditions on earlier questions. */
  conditions: boolean;
  /** Let some showWhen conditions be negated (`not`); the built-in template has none. */
  negations?: boolean;
  /** Add risk flags over any question of the template. */
  flags?: boolean;
  /** Mark questions must-have, allow N/A, combine by max, add exclusive options. */
  model2?: boolean;
  /** Leave some values that do not fit their question (read as unanswered). */
  refused?: boolean;
  /**
   * Let conditions and flags read a question whose own showWhen is negated (default). Without:
   * a negated question is read by nothing (no showWhen, no flag).
   */
  negationChains?: boolean;
  maxSections?: number;
  maxQuestions?: number;
}

/** A leaf on question `q`: `is` one of its options (or, for numbers, `answered`). */
function leafOn(q: Question, optSeed: number, answered: boolean): Condition {
  return answered || !q.options ? { q: q.id, answered: true } : { q: q.id, is: [q.options[optSeed % q.options.length]!.id] };
}

function resolveCond(seed: CondSeed, questions: readonly Question[]): Condition {
  if ('leaf' in seed) {
    const [refSeed, optSeed, answered] = seed.leaf;
    return leafOn(questions[refSeed % questions.length]!, optSeed, answered);
  }
  if ('not' in seed) return { not: resolveCond(seed.not, questions) };
  if ('all' in seed) return { all: seed.all.map((c) => resolveCond(c, questions)) };
  return { any: seed.any.map((c) => resolveCond(c, questions)) };
}

/** 1–4 sections of 1–6 questions of the scored kinds; showWhen only when `conditions`. */
function templateArb({ conditions, negations = true, flags = false, model2 = true, negationChains = true, maxSections = 4, maxQuestions = 6 }: Shape): fc.Arbitrary<Template> {
  return fc.array(sectionShape(maxQuestions, flags), { minLength: 1, maxLength: maxSections }).map((shapes) => {
    const earlier: Question[] = [];
    /** The questions a condition or flag may read. */
    const readable = () => (negationChains ? earlier : earlier.filter((q) => !(q.showWhen && 'not' in q.showWhen)));
    const sections: Section[] = shapes.map((s, si) => ({
      id: `s${si}`,
      title: `Section ${si}`,
      description: '',
      weight: s.weight,
      questions: s.questions.map((q, qi) => {
        const id = `s${si}-q${qi}`;
        const mustHave = model2 && q.mustHave && q.kind !== 'number';
        const question: Question = {
          id,
          kind: q.kind,
          text: `Question ${id}?`,
          help: '',
          weight: q.weight,
          optional: q.optional && !mustHave,
        };
        if (mustHave) question.mustHave = true;
        else if (model2 && q.allowNa) question.allowNa = true;
        if (q.kind === 'number') {
          question.bands = q.bands.map((b) => ({ ...b }));
        } else {
          const opts = q.kind === 'yesno' ? q.options.slice(0, 3) : q.options;
          // A must-have knocks out only through its failing answer (as in the built-in template).
          const options: ChoiceOption[] = opts.map((o, oi) => ({ id: `o${oi}`, label: `Option ${oi}`, ...o, ...(mustHave ? { knockout: undefined } : {}) }));
          if (q.kind === 'multi' && model2 && q.combine) question.combine = q.combine;
          if (q.kind === 'multi' && model2 && q.none) options.push({ id: 'none', label: 'None', score: 0, exclusive: true });
          // A must-have's failing answer: worth 0, a knock-out (docs section 8).
          if (mustHave) options.push({ id: 'fail', label: 'Fails', score: 0, knockout: q.failTier });
          question.options = options;
        }
        const parents = readable();
        if (conditions && q.cond && parents.length > 0) {
          const [refSeed, optSeed, answered, negate] = q.cond;
          const base = leafOn(parents[refSeed % parents.length]!, optSeed, answered);
          question.showWhen = negate && negations ? { not: base } : base;
        }
        earlier.push(question);
        return question;
      }),
    }));
    const flagReads = readable();
    if (flags && flagReads.length > 0) {
      shapes.forEach((s, si) => {
        if (s.flags.length === 0) return;
        sections[si]!.flags = s.flags.map((f, fi) => ({ id: `s${si}-f${fi}`, name: `Flag ${si}.${fi}`, severity: f.severity, when: resolveCond(f.when, flagReads) }));
      });
    }
    return { id: 'rand', version: 1, name: 'Random', description: '', sections };
  });
}

/** A value that fits the question (choice ids, a subset for multi that respects "None", a number near the bands). */
function validValueArb(q: Question): fc.Arbitrary<AnswerValue> {
  const ids = (q.options ?? []).map((o) => o.id);
  switch (q.kind) {
    case 'multi': {
      const exclusive = (q.options ?? []).filter((o) => o.exclusive).map((o) => o.id);
      const others = ids.filter((id) => !exclusive.includes(id));
      return exclusive.length === 0
        ? fc.subarray(ids)
        : fc.oneof({ arbitrary: fc.subarray(others), weight: 4 }, { arbitrary: fc.constant(exclusive), weight: 1 });
    }
    case 'number':
      return fc.integer({ min: -1, max: 11 });
    case 'date':
      return fc.constantFrom('2026-01-31', '2025-12-01');
    case 'text':
    case 'longtext':
      return fc.constantFrom('Some words.', 'More words.');
    default:
      return fc.constantFrom(...ids);
  }
}

type A = { value: AnswerValue; na: boolean } | undefined;
/**
 * Mostly valid answers; sometimes none, null, N/A (allowed or not), or (when `refused`) a value
 * that does not fit: an unknown option id, or "None" with another option.
 */
function answerArb(q: Question, refused = true): fc.Arbitrary<A> {
  const invalid: AnswerValue = q.kind === 'multi' && (q.options ?? []).some((o) => o.exclusive) ? ['none', q.options![0]!.id] : 'not-an-option';
  return fc.oneof(
    { arbitrary: validValueArb(q).map((value) => ({ value, na: false })), weight: 8 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constant({ value: null, na: false }), weight: 1 },
    { arbitrary: fc.option(validValueArb(q), { nil: null }).map((value) => ({ value, na: true })), weight: 1 },
    { arbitrary: fc.constant(refused ? { value: invalid, na: false } : undefined), weight: 1 },
  );
}

const allQuestions = (t: Template) => t.sections.flatMap((s) => s.questions);

function answersArb(t: Template, refused = true): fc.Arbitrary<Record<string, A>> {
  const qs = allQuestions(t);
  return fc.tuple(...qs.map((q) => answerArb(q, refused))).map((values) => {
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
const optionsArbScoring: fc.Arbitrary<ScoringOptions> = fc.record({
  completionThreshold: fc.constantFrom(0, 0.5, 0.8, 1),
  coverageThreshold: fc.constantFrom(0, 0.5, 0.8, 1),
});

const reviewArb = (shape: Shape) =>
  templateArb(shape).chain((template) =>
    fc.record({
      template: fc.constant(template),
      answers: answersArb(template, shape.refused ?? true),
      profile: profileArb,
      options: optionsArbScoring,
    }),
  );

// ---------------------------------------------------------------------------------------------
// An independent reading of one question's worth (docs section 2), for choosing answers.
// ---------------------------------------------------------------------------------------------

/** s_q for a valid, non-N/A answer (null when N/A, unscored or unanswered); the highest knock-out rank (-1 none). */
function oracle(q: Question, value: AnswerValue): { s: number | null; ko: number } {
  if (value === null) return { s: null, ko: -1 };
  if (q.kind === 'number') {
    if (typeof value !== 'number') return { s: null, ko: -1 };
    const band = (q.bands ?? []).find((b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max));
    if (!band || q.weight === 0) return { s: null, ko: band?.knockout ? tierRank(band.knockout) : -1 };
    return { s: band.score, ko: band.knockout ? tierRank(band.knockout) : -1 };
  }
  const ids = Array.isArray(value) ? value : [value];
  if ((q.kind === 'multi') !== Array.isArray(value)) return { s: null, ko: -1 };
  const chosen = ids.map((id) => (q.options ?? []).find((o) => o.id === id));
  if (chosen.some((o) => o === undefined) || new Set(ids).size !== ids.length) return { s: null, ko: -1 };
  const options = chosen as ChoiceOption[];
  if (options.length > 1 && options.some((o) => o.exclusive)) return { s: null, ko: -1 };
  const numeric = options.filter((o) => o.score !== 'na').map((o) => o.score as number);
  const ko = Math.max(-1, ...options.map((o) => (o.knockout ? tierRank(o.knockout) : -1)));
  if (options.length > 0 && numeric.length === 0) return { s: null, ko: -1 };
  if (q.weight === 0) return { s: null, ko };
  const s = q.combine === 'max' ? Math.max(0, ...numeric) : Math.min(1, numeric.reduce((x, y) => x + y, 0));
  return { s, ko };
}

// ---------------------------------------------------------------------------------------------
// Comparing results
// ---------------------------------------------------------------------------------------------

/**
 * "x is a better verdict than y", for properties (b) and (c). Tiers: low < medium < high <
 * critical, lower is better. Two rules make the order safe where a tier is missing or partial:
 *
 * - No tier (null) is never better than anything, and nothing is better than no tier. "No tier"
 *   is no verdict at all, not a verdict of low risk: ranking it as the best would reward leaving
 *   questions blank, and ranking it as the worst would make the knock-out floor a failure adds to
 *   an incomplete review look like an improvement. So null is incomparable.
 * - An incomplete review is never better than a scored one: its tier is only the floor its
 *   knock-outs set, the app shows it as "Incomplete" and it cannot be approved (docs section 6).
 *
 * Otherwise (both scored, both incomplete, or x scored against an incomplete y's floor) the lower
 * tier is better.
 */
function better(x: ScoreResult, y: ScoreResult): boolean {
  if (x.tier === null || y.tier === null) return false;
  if (x.state === 'incomplete' && y.state === 'scored') return false;
  return tierRank(x.tier) < tierRank(y.tier);
}

const key = (e: { questionId: string; flagId?: string }) => e.flagId ?? e.questionId;
function sortBy<T>(xs: readonly T[], by: (x: T) => string): T[] {
  return [...xs].sort((p, q) => by(p).localeCompare(by(q)));
}
const lostBy = (r: ScoreResult, questionId: string) =>
  r.explanation.find((e) => e.questionId === questionId && e.flagId === undefined)?.pointsLost ?? 0;
const firing = (r: ScoreResult) => new Set(r.explanation.filter((e) => e.flagId !== undefined).map((e) => e.flagId!));
const scoreOf = (r: ScoreResult, sectionId: string) => r.sections.find((s) => s.sectionId === sectionId)!.score;
/** Whether an answer counts (docs section 2): not missing, not null, fits, N/A only where allowed. */
const counts = (q: Question, a: A) =>
  a !== undefined && (a.na ? q.allowNa === true : a.value !== null && (oracle(q, a.value).s !== null || isNaOrUnscored(q, a.value)));
function isNaOrUnscored(q: Question, value: AnswerValue): boolean {
  if (q.kind === 'number') return typeof value === 'number';
  const ids = Array.isArray(value) ? value : [value];
  if ((q.kind === 'multi') !== Array.isArray(value) || new Set(ids).size !== ids.length) return false;
  const chosen = ids.map((id) => (q.options ?? []).find((o) => o.id === id));
  if (chosen.some((o) => o === undefined)) return false;
  return !(chosen.length > 1 && chosen.some((o) => o!.exclusive));
}

/**
 * The questions shown, as the app shows them (docs section 1): showWhen conditions read only the
 * answers that count (docs section 2), so a refused value (one that does not fit its question, or
 * N/A where the template does not allow it) reveals nothing. Visibility is read through this,
 * never from the raw answer map.
 */
function shownIds(t: Template, answers: Record<string, A>): Set<string> {
  const counting: Record<string, A> = {};
  for (const q of allQuestions(t)) if (counts(q, answers[q.id])) counting[q.id] = answers[q.id];
  return visibleQuestionIds(t, counting);
}
const sameShown = (t: Template, a: Record<string, A>, b: Record<string, A>) =>
  [...shownIds(t, a)].sort().join() === [...shownIds(t, b)].sort().join();

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('scoring properties (model 2)', () => {
  test('ranges and consistency: scores in [0, 100], coverage and completion in [0, 1], state, tier, lists', () => {
    fc.assert(
      fc.property(reviewArb({ conditions: true, flags: true }), ({ template, answers, profile, options }) => {
        const r = scoreReview(template, answers, profile, options);
        const inRange = (x: number | null) => x === null || (x >= -EPS && x <= 100 + EPS);
        assert.equal(r.model, 2);
        assert.ok(inRange(r.overall), `overall ${r.overall}`);
        assert.ok(r.coverage !== null && r.coverage >= -EPS && r.coverage <= 1 + EPS, `coverage ${r.coverage}`);
        for (const s of r.sections) {
          assert.ok(inRange(s.score), `section ${s.sectionId} ${s.score}`);
          assert.ok(s.coverage !== null && s.coverage >= -EPS && s.coverage <= 1 + EPS, `section ${s.sectionId} coverage ${s.coverage}`);
          assert.ok(s.answered >= 0 && s.answered <= s.total, `section ${s.sectionId} ${s.answered}/${s.total}`);
        }
        assert.ok(r.completion >= 0 && r.completion <= 1, `completion ${r.completion}`);
        // The overall is null exactly while no section that counts (docs section 4) has a score,
        // that is while nothing is scored (docs sections 3 and 4: N/A and informational answers
        // alone give no score).
        assert.equal(r.overall === null, r.sections.every((s) => s.weight <= 0 || s.score === null), `overall ${r.overall}`);
        // The state is exactly the five conditions of docs section 6. Condition 5 ("something is
        // scored") applies where the template has something to score: with no section that counts
        // (docs section 4: W_s > 0 and F_s > 0) the overall is always null, coverage is 1 (docs
        // section 5) and no answer could change that; such a review is not blocked, it simply has
        // no residual (docs section 9). See the report: the docs do not say so in section 6.
        const nothingScored = r.overall === null && scoresAnything(template);
        const blocked =
          r.completion < options.completionThreshold ||
          r.coverage! < options.coverageThreshold - EPS ||
          r.mustHaveOpen.length > 0 ||
          r.conflicts.length > 0 ||
          nothingScored;
        assert.equal(r.state, blocked ? 'incomplete' : 'scored', r.blockers.join(' | '));
        assert.equal(r.blockers.length > 0, blocked, r.blockers.join(' | '));
        assert.equal(r.blockers.some((b) => b.startsWith('No answer is scored yet')), nothingScored, r.blockers.join(' | '));
        assert.deepEqual(r.conflicts, []); // no option implies anything here
        // Open lists: must-haves first; mustHaveOpen is the must-haves among them.
        assert.deepEqual(r.mustHaveOpen, r.open.filter((o) => o.mustHave));
        assert.deepEqual(r.open.slice(0, r.mustHaveOpen.length), r.mustHaveOpen);
        // Open questions are shown, not optional and have no answer that counts (docs section 5:
        // an optional question is never open).
        const shown = shownIds(template, answers);
        for (const o of r.open) {
          const q = allQuestions(template).find((x) => x.id === o.questionId)!;
          assert.ok(!counts(q, answers[o.questionId]), `${o.questionId} is open but answered`);
          assert.ok(shown.has(q.id) && !q.optional, `${o.questionId} is open but hidden or optional`);
        }
        // A firing flag sits on one of the questions its condition reads (docs section 7a).
        for (const e of r.explanation.filter((x) => x.flagId)) {
          const flag = template.sections.flatMap((s) => s.flags ?? []).find((f) => f.id === e.flagId)!;
          assert.ok(conditionIds(flag.when).includes(e.questionId), `flag ${e.flagId} sits on ${e.questionId}`);
        }
        // The why list: no negative losses, biggest first (within the tolerance).
        for (const e of r.explanation) assert.ok(e.pointsLost >= 0, `${key(e)} ${e.pointsLost}`);
        for (let i = 1; i < r.explanation.length; i++) {
          assert.ok(r.explanation[i - 1]!.pointsLost >= r.explanation[i]!.pointsLost - LOSS_TOLERANCE, 'biggest loss first');
        }
        // Every knock-out is explained; the tier is at least every knock-out and the residual.
        for (const k of r.knockouts) {
          assert.ok(r.explanation.some((e) => key(e) === (k.flagId ?? k.questionId) && e.knockout === k.tier), `knock-out ${k.questionId} explained`);
          assert.ok(r.tier !== null && tierRank(r.tier) >= tierRank(k.tier), `tier ${r.tier} ≥ ${k.tier}`);
          // Raised only on the critical path, and never to or from nothing: a raised knock-out is at least medium.
          if (k.raised !== undefined) assert.ok(k.raised === true && profile.criticalPath && k.tier !== 'low', `raised ${k.questionId}`);
        }
        if (r.residual !== null) assert.ok(r.tier !== null && tierRank(r.tier) >= tierRank(r.residual), `tier ${r.tier} ≥ residual ${r.residual}`);
        assert.equal(r.tier === null, r.residual === null && r.knockouts.length === 0, 'no tier only without residual and knock-outs');
        assert.equal(r.residual === null, r.state === 'incomplete' || r.overall === null, 'residual only when scored');
        if (profile.criticalPath) for (const k of r.knockouts) assert.notEqual(k.tier, 'low', 'a knock-out on the critical path is at least medium');
      }),
      RUNS,
    );
  });

  test('the listing\'s score (no explanation) is the full score without its explanation', () => {
    fc.assert(
      fc.property(reviewArb({ conditions: true, flags: true }), ({ template, answers, profile, options }) => {
        const full = scoreReview(template, answers, profile, options);
        const listed = scoreReview(template, answers, profile, { ...options, explain: false });
        assert.deepEqual(listed, { ...full, explanation: [] }, 'every field but the explanation is the same');
      }),
      RUNS,
    );
  });

  test('answers that do not count (no value, N/A where not allowed, a value that does not fit) weigh exactly as no answer', () => {
    fc.assert(
      fc.property(reviewArb({ conditions: true, flags: true }), ({ template, answers, profile, options }) => {
        const counting: Record<string, A> = {};
        for (const q of allQuestions(template)) if (counts(q, answers[q.id])) counting[q.id] = answers[q.id];
        const pick = (r: ScoreResult) => ({ overall: r.overall, tier: r.tier, state: r.state, coverage: r.coverage, completion: r.completion, sections: r.sections, knockouts: r.knockouts, conflicts: r.conflicts, explanation: r.explanation });
        assert.deepEqual(pick(scoreReview(template, answers, profile, options)), pick(scoreReview(template, counting, profile, options)));
      }),
      RUNS,
    );
  });

  test('(e) the points lost add up to 100 − overall (0 when there is no overall)', () => {
    fc.assert(
      fc.property(reviewArb({ conditions: true, flags: true }), ({ template, answers, profile, options }) => {
        const r = scoreReview(template, answers, profile, options);
        const lost = r.explanation.reduce((t, e) => t + e.pointsLost, 0);
        const expected = r.overall === null ? 0 : 100 - r.overall;
        assert.ok(Math.abs(lost - expected) < 1e-6, `lost ${lost}, overall ${r.overall}`);
      }),
      RUNS,
    );
  });

  test('(a) a stronger answer (same visibility, no new flag) never lowers the overall or any section score', () => {
    // Small templates too: there one answer moves the overall across a control band more often.
    const reviews = fc.oneof(
      reviewArb({ conditions: true, flags: true }),
      reviewArb({ conditions: false, maxSections: 2, maxQuestions: 3 }),
    );
    const arb = reviews.chain((review) => {
      const qs = allQuestions(review.template);
      return fc.nat({ max: qs.length - 1 }).chain((pick) =>
        fc.record({ review: fc.constant(review), pick: fc.constant(pick), stronger: validValueArb(qs[pick]!) }),
      );
    });
    let checked = 0;
    let strict = 0;
    fc.assert(
      fc.property(arb, ({ review: { template, answers, profile, options }, pick, stronger }) => {
        const target = allQuestions(template)[pick]!;
        const current = answers[target.id];
        fc.pre(current !== undefined && !current.na && current.value !== null);
        const before = oracle(target, current!.value);
        const after = oracle(target, stronger);
        fc.pre(before.s !== null && after.s !== null && after.s > before.s);
        const changed = { ...answers, [target.id]: { value: stronger, na: false } };
        // Same visibility effects: the same questions are shown either way.
        fc.pre(sameShown(template, answers, changed));

        const a = scoreReview(template, answers, profile, options);
        const b = scoreReview(template, changed, profile, options);
        // Flags are arbitrary conditions here, not tied to option scores: a "stronger" answer that
        // makes a flag fire is not stronger. Real templates flag the weak answers.
        fc.pre([...firing(b)].every((f) => firing(a).has(f)));
        checked++;
        // A flag that reads the target may still change between firing, clear and undecided (a
        // firing flag may stop firing, a clear one may turn undecided while another question it
        // reads is open: docs section 7a). An undecided flag gives its section no score (docs
        // section 3) and is open for coverage (docs section 5), so with such a flag a section's
        // score may appear or vanish, and coverage, state and tier may move: only the scores that
        // exist on both sides are compared then.
        const flagReadsTarget = template.sections.some((s) => (s.flags ?? []).some((f) => conditionIds(f.when).includes(target.id)));
        for (const s of a.sections) {
          const sa = s.score;
          const sb = scoreOf(b, s.sectionId);
          if (!flagReadsTarget) assert.equal(sa === null, sb === null, `section ${s.sectionId} null-ness: ${sa} → ${sb}`);
          if (sa !== null && sb !== null) assert.ok(sb >= sa - EPS, `section ${s.sectionId}: ${sa} → ${sb}`);
        }
        if (!flagReadsTarget) assert.equal(a.overall === null, b.overall === null, `overall null-ness: ${a.overall} → ${b.overall}`);
        if (a.overall !== null && b.overall !== null) assert.ok(b.overall >= a.overall - EPS, `overall ${a.overall} → ${b.overall}`);
        if (flagReadsTarget) return;
        // Nothing else moves: same state, coverage and completion.
        if (hasNegation(template)) return; // a `not`-shown question read by a flag: the exception of docs section 5
        strict++;
        assert.equal(a.state, b.state, `state ${a.state} → ${b.state}`);
        assert.ok(near(a.coverage, b.coverage), `coverage ${a.coverage} → ${b.coverage}`);
        assert.ok(near(a.completion, b.completion), `completion ${a.completion} → ${b.completion}`);
        // Without a new or higher knock-out, the tier does not get worse either.
        if (after.ko <= before.ko) {
          const rank = (t: Tier | null) => (t === null ? -1 : tierRank(t));
          assert.ok(rank(b.tier) <= rank(a.tier), `tier ${a.tier} → ${b.tier}`);
          assert.ok(rank(b.residual) <= rank(a.residual), `residual ${a.residual} → ${b.residual}`);
        }
      }),
      { ...RUNS, maxSkipsPerRun: 1000 },
    );
    assert.ok(checked >= 50, `only ${checked} cases met the preconditions`);
    assert.ok(strict >= 50, `only ${strict} cases checked that nothing else moves`);
  });

  test('(b) adding a must-have failure (its knock-out answer) never improves the tier', () => {
    const arb = reviewArb({ conditions: true, flags: true }).chain((review) => {
      const mustHaves = allQuestions(review.template).filter((q) => q.mustHave);
      return fc.record({ review: fc.constant(review), pick: fc.nat({ max: Math.max(0, mustHaves.length - 1) }) });
    });
    let checked = 0;
    let hidingOrRevealing = 0;
    fc.assert(
      fc.property(arb, ({ review: { template, answers, profile, options }, pick }) => {
        const mustHaves = allQuestions(template).filter((q) => q.mustHave);
        fc.pre(mustHaves.length > 0);
        const target = mustHaves[pick]!;
        fc.pre(shownIds(template, answers).has(target.id));
        const failure = { value: target.kind === 'multi' ? ['fail'] : 'fail', na: false };
        const changed = { ...answers, [target.id]: failure };
        // A failure that hides a heavier, badly answered follow-up can raise the overall: the
        // template's weighting (docs section 3: a parent carries the cost of what it stands for),
        // not the scoring. Such cases are counted, not checked, here; the built-in template's
        // failures that hide follow-ups are checked below.
        if (!sameShown(template, answers, changed)) {
          hidingOrRevealing++;
          return;
        }
        const a = scoreReview(template, answers, profile, options);
        const b = scoreReview(template, changed, profile, options);
        // Flags are arbitrary conditions here: one may fire on the answer the failure replaces
        // (a critical flag on a middling option, say). Real templates flag the failing answers;
        // a failure that turns a flag off is not counted.
        fc.pre([...firing(a)].every((f) => firing(b).has(f)));
        checked++;
        assert.ok(!better(b, a), `${a.state} ${a.tier} → ${b.state} ${b.tier}`);
        // And the failure itself is always a floor of the new tier.
        assert.ok(b.tier !== null && tierRank(b.tier) >= tierRank(target.options!.find((o) => o.id === 'fail')!.knockout!), `tier ${b.tier}`);
      }),
      { ...RUNS, maxSkipsPerRun: 1000 },
    );
    assert.ok(checked >= 50, `only ${checked} cases checked (${hidingOrRevealing} changed visibility)`);
  });

  test('(b) on the built-in template: every must-have failure, over random answers', () => {
    const T = INFRASTRUCTURE_TEMPLATE;
    const failures: [string, string][] = allQuestions(T)
      .filter((q) => q.mustHave)
      .flatMap((q) => (q.options ?? []).filter((o) => o.knockout).map((o): [string, string] => [q.id, o.id]));
    // Template v3: acc_individual_accounts has two failing answers, "shared" (high) and
    // "individual_plus_shared" (medium) (docs section 8, the built-in template's must-haves).
    assert.equal(failures.length, 10, failures.join(' '));
    const arb = fc.record({ answers: answersArb(T), profile: profileArb, failure: fc.constantFrom(...failures) });
    let checked = 0;
    fc.assert(
      fc.property(arb, ({ answers, profile, failure: [id, option] }) => {
        // Adding a failure, not softening one: replacing "One shared login" (high) with "Own
        // accounts, plus one shared root credential" (medium, and worth more) is a milder answer by
        // the docs' own table (section 8), so it may lower the tier. Only a failure at least as
        // severe as the knock-out the question already carries is checked.
        const q = T.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;
        const current = answers[id];
        const currentKo = current !== undefined && counts(q, current) && !current.na ? oracle(q, current.value).ko : -1;
        fc.pre(currentKo <= tierRank(q.options!.find((o) => o.id === option)!.knockout!));
        checked++;
        const a = scoreReview(T, answers, profile);
        const b = scoreReview(T, { ...answers, [id]: { value: option, na: false } }, profile);
        assert.ok(!better(b, a), `${id}=${option}: ${a.state} ${a.tier} → ${b.state} ${b.tier}`);
        if (a.state === 'scored' && b.state === 'scored') assert.ok(b.overall! <= a.overall! + EPS, `overall ${a.overall} → ${b.overall}`);
      }),
      RUNS,
    );
    assert.ok(checked >= 200, `only ${checked} cases checked`);
  });

  test('(c) N/A everywhere never yields a better tier than answering: the built-in template', () => {
    const T = INFRASTRUCTURE_TEMPLATE;
    const allNa: AnswerMap = Object.fromEntries(allQuestions(T).map((q) => [q.id, { value: null, na: true }]));
    fc.assert(
      fc.property(fc.record({ answers: answersArb(T), profile: profileArb }), ({ answers, profile }) => {
        const na = scoreReview(T, allNa, profile);
        const answered = scoreReview(T, answers, profile);
        assert.equal(na.tier, null);
        assert.ok(!better(na, answered), `N/A ${na.state} ${na.tier} vs answered ${answered.state} ${answered.tier}`);
      }),
      RUNS,
    );
  });

  /** N/A marked on every question (kept on the value left there), or the question's N/A option. */
  const naEverywhere = (template: Template, viaOption: boolean): AnswerMap =>
    Object.fromEntries(
      allQuestions(template).map((q) => {
        const naIds = (q.options ?? []).filter((o) => o.score === 'na').map((o) => o.id);
        return [q.id, viaOption && naIds.length > 0 ? { value: q.kind === 'multi' ? naIds : naIds[0]!, na: false } : { value: null, na: true }];
      }),
    );

  test('(c) … random templates with a must-have that is always shown and cannot be N/A (the model-2 guard)', () => {
    const arb = reviewArb({ conditions: true, flags: true }).chain((review) => fc.record({ review: fc.constant(review), viaOption: fc.boolean() }));
    let checked = 0;
    fc.assert(
      fc.property(arb, ({ review: { template, answers, profile, options }, viaOption }) => {
        // A must-have that is always shown and has no option worth N/A can only be answered.
        fc.pre(allQuestions(template).some((q) => q.mustHave && !q.showWhen && !(q.options ?? []).some((o) => o.score === 'na')));
        checked++;
        const na = scoreReview(template, naEverywhere(template, viaOption), profile, options);
        const answered = scoreReview(template, answers, profile, options);
        assert.ok(!better(na, answered), `N/A ${na.state} ${na.tier} vs answered ${answered.state} ${answered.tier}`);
      }),
      { ...RUNS, maxSkipsPerRun: 1000 },
    );
    assert.ok(checked >= 50, `only ${checked} templates had a must-have`);
  });

  /** Property (c) over `shape`: N/A everywhere (marked, or through an option worth 'na') against random answers. */
  const naNeverBetter = (shape: Shape, runs: Parameters<typeof fc.assert>[1]) => {
    const arb = reviewArb(shape).chain((review) => fc.record({ review: fc.constant(review), viaOption: fc.boolean() }));
    fc.assert(
      fc.property(arb, ({ review: { template, answers, profile, options }, viaOption }) => {
        const na = scoreReview(template, naEverywhere(template, viaOption), profile, options);
        const answered = scoreReview(template, answers, profile, options);
        assert.ok(!better(na, answered), `N/A ${na.state} ${na.tier} (overall ${na.overall}) vs answered ${answered.state} ${answered.tier}`);
      }),
      runs,
    );
  };

  // N/A allowed anywhere, no must-have needed: N/A and informational answers alone give no score
  // (docs sections 3 and 4), so N/A everywhere is never scored (docs section 6, condition 5) and,
  // an N/A raising no knock-out (docs section 8), has no tier at all.
  test('(c) … any random template without risk flags', () => {
    naNeverBetter({ conditions: true, flags: false }, RUNS);
  });

  // A flag decided by N/A answers alone scores nothing either (docs section 6, condition 5): a
  // decided flag gives its section a score only when a shown question it reads has a real answer.
  test('(c) … any random template', () => {
    naNeverBetter({ conditions: true, flags: true }, RUNS);
  });

  /** Answering one shown question that has no answer that counts yet: coverage must not go down. */
  const assertCoverageMonotone = (template: Template, answers: AnswerMap, profile: RiskProfile, options: ScoringOptions, target: Question, answer: A) => {
    const a = scoreReview(template, answers, profile, options);
    const b = scoreReview(template, { ...answers, [target.id]: answer }, profile, options);
    assert.ok(b.coverage! >= a.coverage! - EPS, `${target.id}: coverage ${a.coverage} → ${b.coverage}`);
    for (const s of a.sections) {
      const after = b.sections.find((x) => x.sectionId === s.sectionId)!.coverage!;
      assert.ok(after >= s.coverage! - EPS, `${target.id}: section ${s.sectionId} coverage ${s.coverage} → ${after}`);
    }
  };
  const monotoneArb = (shape: Shape) =>
    reviewArb(shape).chain((review) => {
      const qs = allQuestions(review.template);
      return fc.nat({ max: qs.length - 1 }).chain((pick) =>
        fc.record({
          review: fc.constant(review),
          pick: fc.constant(pick),
          value: validValueArb(qs[pick]!),
          na: qs[pick]!.allowNa ? fc.boolean() : fc.constant(false),
        }),
      );
    });

  test('(d) coverage is monotone: answering an unanswered shown question never lowers it', () => {
    // showWhen conditions without `not`, as in the built-in template; flags of any form; no
    // refused value left on another question (tested below).
    let checked = 0;
    fc.assert(
      fc.property(monotoneArb({ conditions: true, negations: false, flags: true, refused: false }), ({ review: { template, answers, profile, options }, pick, value, na }) => {
        const target = allQuestions(template)[pick]!;
        fc.pre(shownIds(template, answers).has(target.id) && !counts(target, answers[target.id]));
        checked++;
        assertCoverageMonotone(template, answers, profile, options, target, { value: na ? null : value, na });
      }),
      { ...RUNS, maxSkipsPerRun: 1000 },
    );
    assert.ok(checked >= 50, `only ${checked} cases checked`);
  });

  test('(d) … on the built-in template', () => {
    const T = INFRASTRUCTURE_TEMPLATE;
    const qs = allQuestions(T);
    const arb = fc.record({ answers: answersArb(T), profile: profileArb, pick: fc.nat({ max: qs.length - 1 }) }).chain((r) =>
      fc.record({ r: fc.constant(r), value: validValueArb(qs[r.pick]!), na: qs[r.pick]!.allowNa ? fc.boolean() : fc.constant(false) }),
    );
    let checked = 0;
    fc.assert(
      fc.property(arb, ({ r: { answers, profile, pick }, value, na }) => {
        const target = qs[pick]!;
        fc.pre(shownIds(T, answers).has(target.id) && !counts(target, answers[target.id]));
        checked++;
        assertCoverageMonotone(T, answers, profile, { completionThreshold: 0.8, coverageThreshold: 0.8 }, target, { value: na ? null : value, na });
      }),
      { ...RUNS, maxSkipsPerRun: 2000 },
    );
    assert.ok(checked >= 50, `only ${checked} cases checked`);
  });

  /** Property (d) over `shape`: answering a shown question that has no answer that counts. */
  const coverageMonotone = (shape: Shape, runs: Parameters<typeof fc.assert>[1]) => {
    let checked = 0;
    fc.assert(
      fc.property(monotoneArb(shape), ({ review: { template, answers, profile, options }, pick, value, na }) => {
        const target = allQuestions(template)[pick]!;
        fc.pre(shownIds(template, answers).has(target.id) && !counts(target, answers[target.id]));
        checked++;
        assertCoverageMonotone(template, answers, profile, options, target, { value: na ? null : value, na });
      }),
      { maxSkipsPerRun: 1000, ...runs },
    );
    return checked;
  };

  // A negated showWhen (`not` of an unanswered question) shows its question, which is open until
  // answered and then counts (docs section 1). When nothing reads such a question, answering the
  // question the `not` reads can only hide it as settled (its condition now reads an answer).
  test('(d) … with negated conditions that no other condition or flag reads', () => {
    for (const flags of [false, true]) {
      const checked = coverageMonotone({ conditions: true, negations: true, negationChains: false, flags }, RUNS);
      assert.ok(checked >= 50, `only ${checked} cases checked (flags: ${flags})`);
    }
  });

  // Shown and hidden are the app's (docs section 1); three values only tell an undecided hidden
  // question from a settled one, so a question shown by `not` stays shown and its follow-ups follow it.
  test('(d) … with negated conditions read by other conditions (no flags)', () => {
    coverageMonotone({ conditions: true, negations: true, flags: false }, RUNS);
  });

  // Not a property: a flag reading a question shown by `not` of an unanswered question may be
  // decided through that question's answer; answering what the `not` reads hides it, and the flag
  // can turn undecided again. docs/scoring.md section 5 states this exception (tested by name in
  // test/unit/scoring-flags.test.ts).

  // A value the question refuses (an unknown option id, "None" with another option, N/A where not
  // allowed) is unanswered, and conditions read only answers that count (docs section 1), so it
  // reveals no follow-up; a flag leaf on a hidden question reads false (docs section 7a). So
  // answering such a question properly can only settle what was open.
  test('(d) … with refused values left on other questions', () => {
    fc.assert(
      fc.property(monotoneArb({ conditions: true, negations: false, flags: true, refused: true }), ({ review: { template, answers, profile, options }, pick, value, na }) => {
        const target = allQuestions(template)[pick]!;
        fc.pre(shownIds(template, answers).has(target.id) && !counts(target, answers[target.id]));
        assertCoverageMonotone(template, answers, profile, options, target, { value: na ? null : value, na });
      }),
      { ...RUNS, maxSkipsPerRun: 1000 },
    );
  });

  /**
   * Property (h) over `shape`: the answer left on a hidden question is replaced or taken away, and
   * the result does not move (docs section 1: a hidden question is neither scored nor counted and
   * cannot knock out, even with an answer left behind on it). With `flagLabels: false` the lines
   * of firing flags are compared without the answers they quote and the question they sit on.
   */
  const hiddenAnswersInert = (shape: Shape, flagLabels: boolean, runs: Parameters<typeof fc.assert>[1]) => {
    const arb = reviewArb(shape).chain((review) => {
      const qs = allQuestions(review.template);
      return fc.nat({ max: qs.length - 1 }).chain((pick) =>
        fc.record({ review: fc.constant(review), pick: fc.constant(pick), other: answerArb(qs[pick]!) }),
      );
    });
    const masked = (r: ScoreResult): ScoreResult =>
      flagLabels
        ? r
        : {
            ...r,
            knockouts: r.knockouts.map((k) => (k.flagId ? { ...k, questionId: '', answerLabel: '' } : k)),
            explanation: r.explanation.map((e) => (e.flagId ? { ...e, questionId: '', answerLabel: '', reason: '' } : e)),
          };
    let checked = 0;
    fc.assert(
      fc.property(arb, ({ review: { template, answers, profile, options }, pick, other }) => {
        const target = allQuestions(template)[pick]!;
        fc.pre(!shownIds(template, answers).has(target.id));
        const changed: Record<string, A> = { ...answers, [target.id]: other };
        if (other === undefined) delete changed[target.id];
        checked++;
        const a = scoreReview(template, answers, profile, options);
        const b = scoreReview(template, changed, profile, options);
        assert.deepEqual(masked(b), masked(a), `${target.id}: ${JSON.stringify(answers[target.id])} → ${JSON.stringify(other)}`);
      }),
      { maxSkipsPerRun: 1000, ...runs },
    );
    return checked;
  };

  // A flag firing through a leaf on a hidden question quotes it as "Not shown" and sits on an
  // answered trigger when it has one (docs section 7a), so the answer left behind changes nothing.
  test('(h) an answer left behind on a hidden question changes nothing', () => {
    const checked = hiddenAnswersInert({ conditions: true, negations: false, flags: true }, false, RUNS);
    assert.ok(checked >= 50, `only ${checked} cases checked`);
  });

  test('(h) … not even the answer a firing flag quotes', () => {
    hiddenAnswersInert({ conditions: true, negations: false, flags: true }, true, RUNS);
  });

  test('(h) … with negated conditions', () => {
    hiddenAnswersInert({ conditions: true, negations: true, flags: false }, false, RUNS);
  });

  test('(f) order does not matter: shuffled sections, questions, flags and answers give the same result', () => {
    const arb = reviewArb({ conditions: true, flags: true }).chain((review) => {
      const all = <T>(xs: readonly T[]) => fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length });
      return fc.record({
        review: fc.constant(review),
        sectionOrder: all(review.template.sections),
        questionOrders: fc.tuple(...review.template.sections.map((s) => all(s.questions))),
        flagOrders: fc.tuple(...review.template.sections.map((s) => all(s.flags ?? []))),
        answerOrder: all(Object.keys(review.answers)),
      });
    });
    fc.assert(
      fc.property(arb, ({ review: { template, answers, profile, options }, sectionOrder, questionOrders, flagOrders, answerOrder }) => {
        const index = new Map(template.sections.map((s, i) => [s.id, i]));
        const shuffled: Template = {
          ...template,
          sections: sectionOrder.map((s) => {
            const i = index.get(s.id)!;
            return { ...s, questions: questionOrders[i]!, ...(s.flags ? { flags: flagOrders[i]! } : {}) };
          }),
        };
        const reordered: Record<string, A> = {};
        for (const id of answerOrder) reordered[id] = answers[id];

        const a = scoreReview(template, answers, profile, options);
        const b = scoreReview(shuffled, reordered, profile, options);
        assert.equal(a.state, b.state);
        assert.equal(a.blockers.length, b.blockers.length);
        assert.ok(near(a.completion, b.completion), 'completion');
        assert.ok(near(a.coverage, b.coverage), `coverage ${a.coverage} vs ${b.coverage}`);
        assert.ok(near(a.overall, b.overall), `overall ${a.overall} vs ${b.overall}`);
        for (const s of a.sections) {
          const t = b.sections.find((x) => x.sectionId === s.sectionId)!;
          assert.ok(near(s.score, t.score), `section ${s.sectionId}: ${s.score} vs ${t.score}`);
          assert.ok(near(s.coverage, t.coverage), `section ${s.sectionId} coverage`);
          assert.deepEqual([t.answered, t.total, t.weight], [s.answered, s.total, s.weight]);
        }
        assert.equal(a.inherent, b.inherent);
        assert.equal(a.residual, b.residual);
        assert.equal(a.tier, b.tier);
        // Lists as sets. A flag's line sits on its trigger latest in template order, which a
        // shuffle may change by design (docs section 7a): flags are compared by flagId only.
        const flagless = <T extends { questionId: string; flagId?: string }>(x: T) => (x.flagId ? { ...x, questionId: '' } : x);
        assert.deepEqual(sortBy(b.knockouts.map(flagless), key), sortBy(a.knockouts.map(flagless), key));
        assert.deepEqual(sortBy(b.open, (o) => o.questionId), sortBy(a.open, (o) => o.questionId));
        assert.deepEqual(sortBy(b.notApplicable, (o) => o.questionId), sortBy(a.notApplicable, (o) => o.questionId));
        const ea = sortBy(a.explanation.map(flagless), key);
        const eb = sortBy(b.explanation.map(flagless), key);
        assert.deepEqual(ea.map(key), eb.map(key), 'explained items differ');
        ea.forEach((x, i) => {
          const y = eb[i]!;
          assert.ok(near(x.pointsLost, y.pointsLost), `${key(x)}: ${x.pointsLost} vs ${y.pointsLost}`);
          assert.deepEqual({ ...y, pointsLost: 0, sectionId: '' }, { ...x, pointsLost: 0, sectionId: '' });
        });
        // Same ranking up to ties.
        assert.ok(a.explanation.every((e, i) => Math.abs(e.pointsLost - b.explanation[i]!.pointsLost) < 1e-6), 'same ranking');
      }),
      RUNS,
    );
  });

  test('(g) weight stability: an answer that changes what is shown leaves an always-shown question’s loss alone', () => {
    const arb = reviewArb({ conditions: true, flags: true }).chain((review) => {
      const qs = allQuestions(review.template);
      const parents = [...new Set(qs.flatMap((q) => (q.showWhen ? conditionIds(q.showWhen) : [])))];
      return fc.record({
        review: fc.constant(review),
        parent: parents.length > 0 ? fc.constantFrom(...parents) : fc.constant(''),
        other: fc.nat({ max: qs.length - 1 }),
        value: fc.nat(),
      });
    });
    let checked = 0;
    fc.assert(
      fc.property(arb, ({ review: { template, answers, profile, options }, parent, other, value }) => {
        fc.pre(parent !== '');
        const qs = allQuestions(template);
        const switchQuestion = qs.find((q) => q.id === parent)!;
        const third = qs[other]!;
        fc.pre(third.id !== parent && third.showWhen === undefined);
        // Any answer of the parent, as long as it changes which questions are shown.
        const values = fc.sample(validValueArb(switchQuestion), { numRuns: 8, seed: value });
        const changed = values
          .map((v) => ({ ...answers, [parent]: { value: v, na: false } }))
          .find((m) => !sameShown(template, m, answers));
        fc.pre(changed !== undefined);
        const a = scoreReview(template, answers, profile, options);
        const b = scoreReview(template, changed!, profile, options);
        checked++;
        assert.ok(near(lostBy(a, third.id), lostBy(b, third.id)), `${third.id}: ${lostBy(a, third.id)} → ${lostBy(b, third.id)}`);
      }),
      { ...RUNS, maxSkipsPerRun: 1000 },
    );
    assert.ok(checked >= 50, `only ${checked} cases checked`);
  });

  test('an allowed N/A costs nothing and moves no other loss (same visibility, no flag reads it or its follow-ups)', () => {
    const arb = reviewArb({ conditions: true, flags: true }).chain((review) => {
      const qs = allQuestions(review.template);
      return fc.record({ review: fc.constant(review), pick: fc.nat({ max: qs.length - 1 }) });
    });
    let checked = 0;
    fc.assert(
      fc.property(arb, ({ review: { template, answers, profile, options }, pick }) => {
        const target = allQuestions(template)[pick]!;
        fc.pre(target.allowNa === true);
        // No flag reads the target, nor a question whose showWhen reads it (at any depth): an N/A
        // settles a hidden follow-up that was undecided (docs section 1), and a flag leaf on a hidden
        // question reads false where it read unknown (docs section 7a), so such a flag may fire or
        // clear, which is the model working, not the N/A costing.
        const reach = dependents(template, target.id);
        fc.pre(!template.sections.some((s) => (s.flags ?? []).some((f) => conditionIds(f.when).some((id) => reach.has(id)))));
        const marked = { ...answers, [target.id]: { value: answers[target.id]?.value ?? null, na: true } };
        fc.pre(sameShown(template, answers, marked));
        const a = scoreReview(template, answers, profile, options);
        const b = scoreReview(template, marked, profile, options);
        checked++;
        assert.equal(b.explanation.some((e) => e.questionId === target.id && !e.flagId), false, 'an N/A question is not listed');
        const others = (r: ScoreResult) => sortBy(r.explanation.filter((e) => e.questionId !== target.id || e.flagId), key);
        assert.deepEqual(others(b).map((e) => [key(e), e.pointsLost]), others(a).map((e) => [key(e), e.pointsLost]));
        if (a.overall !== null && b.overall !== null) assert.ok(near(b.overall, a.overall + lostBy(a, target.id)), `${a.overall} + ${lostBy(a, target.id)} → ${b.overall}`);
        if (shownIds(template, answers).has(target.id)) assert.ok(b.notApplicable.some((n) => n.questionId === target.id), 'listed as N/A');
      }),
      { ...RUNS, maxSkipsPerRun: 1000 },
    );
    assert.ok(checked >= 50, `only ${checked} cases checked`);
  });
});

/** Whether some section counts in the overall (docs section 4: W_s > 0 and F_s > 0). */
function scoresAnything(template: Template): boolean {
  return template.sections.some(
    (s) => s.weight > 0 && ((s.flags ?? []).length > 0 || s.questions.some((q) => ['yesno', 'single', 'multi', 'number'].includes(q.kind) && q.weight > 0)),
  );
}

/** Whether some showWhen of the template has a `not`. */
function hasNegation(template: Template): boolean {
  const negated = (c: Condition): boolean =>
    'not' in c ? true : 'all' in c ? c.all.some(negated) : 'any' in c ? c.any.some(negated) : false;
  return allQuestions(template).some((q) => q.showWhen !== undefined && negated(q.showWhen));
}

/** `id` and every question whose showWhen reads it, directly or through other questions. */
function dependents(template: Template, id: string): Set<string> {
  const reach = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const q of allQuestions(template)) {
      if (!reach.has(q.id) && q.showWhen && conditionIds(q.showWhen).some((x) => reach.has(x))) {
        reach.add(q.id);
        grew = true;
      }
    }
  }
  return reach;
}

/** The question ids a condition reads. */
function conditionIds(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(conditionIds);
  if ('any' in c) return c.any.flatMap(conditionIds);
  if ('not' in c) return conditionIds(c.not);
  return [c.q];
}
