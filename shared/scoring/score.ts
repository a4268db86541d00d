// Scores a review: question → section → overall score, completion, knock-outs, inherent and
// residual tiers, risk flags, and the "why" list. The model is written out in docs/scoring.md; keep the
// two in step. Pure: no I/O, no clock, nothing rounded (roundScore is for display only).
import { answerLabel, checkAnswerValue } from '../domain/answers';
import { questionsById, visibleQuestionIds } from '../domain/conditions';
import type { Answer, AnswerMap, AnswerValue } from '../domain/review';
import type { ChoiceOption, NumberBand, Question, RiskFlag, Section, Template } from '../domain/template';
import { maxTier, tierRank } from '../domain/tier';
import type { Tier } from '../domain/tier';
import { evaluateFlag, RISK_FLAG_KNOCKOUTS, RISK_FLAG_WEIGHTS, type FlagOutcome } from './flags';
import { inherentRisk } from './inherent';
import { controlBand, residualTier } from './residual';
import type { Knockout, PointLoss, RiskProfile, ScoreResult, ScoringOptions, SectionScore } from './types';
import { DEFAULT_SCORING_OPTIONS } from './types';

/**
 * What one question contributes:
 * - 'unanswered': no answer, a null value, or a value that does not fit the question;
 * - 'na': marked not applicable, or the chosen option(s) are worth 'na';
 * - 'unscored': answered but informational (date/text/longtext, weight 0, number outside
 *   every band or without bands);
 * - 'scored': answered and worth `score` (0..1) of its weight.
 */
export type QuestionStatus = 'unanswered' | 'na' | 'unscored' | 'scored';

export interface QuestionOutcome {
  status: QuestionStatus;
  /** 0..1 when status is 'scored', otherwise null. */
  score: number | null;
  /** The knock-out tier this answer triggers (never for unanswered or N/A questions). */
  knockout: Tier | null;
  /** Options chosen (choice kinds); empty otherwise. */
  selected: ChoiceOption[];
  /** The band a number fell in, if any. */
  band: NumberBand | null;
}

type AnswerLike = Pick<Answer, 'value' | 'na'> | undefined;

const outcome = (status: QuestionStatus, rest: Partial<Omit<QuestionOutcome, 'status'>> = {}): QuestionOutcome => ({
  status,
  score: null,
  knockout: null,
  selected: [],
  band: null,
  ...rest,
});

function highestKnockout(tiers: readonly (Tier | undefined)[]): Tier | null {
  let highest: Tier | null = null;
  for (const t of tiers) if (t) highest = highest === null ? t : maxTier(highest, t);
  return highest;
}

/** The band a number falls in: the first with min ≤ value < max (a missing bound is open). */
export function findBand(bands: readonly NumberBand[] | undefined, value: number): NumberBand | null {
  for (const band of bands ?? []) {
    if ((band.min === undefined || value >= band.min) && (band.max === undefined || value < band.max)) return band;
  }
  return null;
}

/** How one (visible) question scores for its answer. Visibility is the caller's business. */
export function scoreQuestion(question: Question, answer: AnswerLike): QuestionOutcome {
  if (answer?.na) return outcome('na');
  if (!answer || answer.value === null || checkAnswerValue(question, answer.value) !== null) {
    return outcome('unanswered');
  }
  const { value } = answer;
  const informational = question.weight === 0;
  switch (question.kind) {
    case 'yesno':
    case 'single':
    case 'multi': {
      // Plain loops rather than map/filter/reduce: this runs for every answer of every review.
      const ids = Array.isArray(value) ? value : [value as string];
      const selected: ChoiceOption[] = [];
      let numeric = 0;
      let sum = 0;
      let knockout: Tier | null = null;
      for (const id of ids) {
        // checkAnswerValue above guarantees that every id is one of the options.
        let option!: ChoiceOption;
        for (const o of question.options!) {
          if (o.id === id) {
            option = o;
            break;
          }
        }
        selected.push(option);
        if (option.score !== 'na') {
          numeric += 1;
          sum += option.score;
        }
        if (option.knockout) knockout = knockout === null ? option.knockout : maxTier(knockout, option.knockout);
      }
      if (selected.length > 0 && numeric === 0) return outcome('na', { selected });
      if (informational) return outcome('unscored', { selected, knockout });
      return outcome('scored', { selected, knockout, score: Math.min(1, sum) });
    }
    case 'number': {
      const band = findBand(question.bands, value as number);
      if (!band) return outcome('unscored');
      const knockout = band.knockout ?? null;
      if (informational) return outcome('unscored', { band, knockout });
      return outcome('scored', { band, knockout, score: band.score });
    }
    default:
      return outcome('unscored');
  }
}

/** One decimal, for display. Scores are never rounded before this. */
export function roundScore(n: number): number;
export function roundScore(n: number | null): number | null;
export function roundScore(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10) / 10;
}

interface Line {
  question: Question;
  section: Section;
  sectionIndex: number;
  /** Position in the template (section order, then question order). */
  order: number;
  value: AnswerValue;
  result: QuestionOutcome;
}

/** A risk flag that fires: an implicit item of its section that scores 0. */
interface FlagLine {
  flag: RiskFlag;
  section: Section;
  sectionIndex: number;
  order: number;
  result: FlagOutcome;
  knockout: Tier | null;
}

/** The sentence used when a firing flag has no `why`. */
function flagSentence(line: FlagLine): string {
  const { flag, result, knockout } = line;
  let sentence = `Answered “${result.answerLabel}”: this raises the ${flag.severity} risk flag “${flag.name}”.`;
  if (knockout) sentence += ` This answer is a knock-out: the tier is at least ${knockout}.`;
  return sentence;
}

/** The sentence used when the chosen option has no `why`. */
function answerSentence(line: Line, label: string): string {
  const { question, result } = line;
  let sentence = `Answered “${label}”: ${question.text}`;
  if (question.kind === 'multi') {
    const notSelected = (question.options ?? []).filter(
      (o) => typeof o.score === 'number' && o.score > 0 && !result.selected.includes(o),
    );
    if (notSelected.length > 0) sentence += ` Not selected: ${notSelected.map((o) => `“${o.label}”`).join(', ')}.`;
  }
  if (result.band?.label) sentence += ` Falls in “${result.band.label}”.`;
  if (result.knockout) sentence += ` This answer is a knock-out: the tier is at least ${result.knockout}.`;
  return sentence;
}

function reasonFor(line: Line, label: string): string {
  const whys = line.result.selected.map((o) => o.why?.trim()).filter((w): w is string => !!w);
  return whys.length > 0 ? whys.join(' ') : answerSentence(line, label);
}

/** Knock-outs first (higher tier first), then template order. */
function byKnockoutThenOrder(a: { knockout: Tier | null; order: number }, b: { knockout: Tier | null; order: number }): number {
  const rank = (t: Tier | null) => (t === null ? -1 : tierRank(t));
  return rank(b.knockout) - rank(a.knockout) || a.order - b.order;
}

/**
 * Scores a review of `template` with `answers` for a provider with `profile`.
 * See docs/scoring.md for the model and a worked example.
 */
export function scoreReview(
  template: Template,
  answers: AnswerMap,
  profile: RiskProfile,
  options: ScoringOptions = DEFAULT_SCORING_OPTIONS,
): ScoreResult {
  const visible = visibleQuestionIds(template, answers);
  const byId = questionsById(template);
  /** Shown and answered (or N/A): what a risk flag may read. */
  const known = (id: string): boolean => {
    const question = byId.get(id);
    return question !== undefined && visible.has(id) && scoreQuestion(question, answers[id]).status !== 'unanswered';
  };
  const lines: Line[] = [];
  const flagLines: FlagLine[] = [];
  const sections: SectionScore[] = [];
  /** Σ w_q over the answered, applicable, scored questions of each section. */
  const sectionDenominators: number[] = [];
  let answeredAll = 0;
  let totalAll = 0;
  let order = 0;

  template.sections.forEach((section, sectionIndex) => {
    let numerator = 0;
    let denominator = 0;
    let answered = 0;
    let total = 0;
    for (const question of section.questions) {
      if (!visible.has(question.id)) continue;
      const answer = answers[question.id];
      const result = scoreQuestion(question, answer);
      if (!question.optional) {
        total += 1;
        if (result.status !== 'unanswered') answered += 1;
      }
      if (result.status === 'scored') {
        numerator += result.score! * question.weight;
        denominator += question.weight;
      }
      lines.push({ question, section, sectionIndex, order: order++, value: answer?.value ?? null, result });
    }
    // Risk flags: implicit items weighted by severity, scored 0 when firing and 1 when clear.
    for (const flag of section.flags ?? []) {
      const result = evaluateFlag(flag, answers, known, byId);
      if (result.score !== null) {
        numerator += result.score * RISK_FLAG_WEIGHTS[flag.severity];
        denominator += RISK_FLAG_WEIGHTS[flag.severity];
      }
      const lineOrder = order++;
      if (result.status === 'fires') {
        flagLines.push({ flag, section, sectionIndex, order: lineOrder, result, knockout: RISK_FLAG_KNOCKOUTS[flag.severity] });
      }
    }
    answeredAll += answered;
    totalAll += total;
    sectionDenominators.push(denominator);
    sections.push({
      sectionId: section.id,
      title: section.title,
      weight: section.weight,
      score: denominator > 0 ? (100 * numerator) / denominator : null,
      answered,
      total,
    });
  });

  // Overall: weighted mean of the sections that have a score and a weight.
  let overallNumerator = 0;
  let overallDenominator = 0;
  for (const s of sections) {
    if (s.score !== null && s.weight > 0) {
      overallNumerator += s.score * s.weight;
      overallDenominator += s.weight;
    }
  }
  const overall = overallDenominator > 0 ? overallNumerator / overallDenominator : null;

  const completion = totalAll > 0 ? answeredAll / totalAll : 1;
  const state: ScoreResult['state'] = completion < options.completionThreshold ? 'incomplete' : 'scored';

  // Knock-outs, in template order (questions and firing critical flags).
  const orderedKnockouts: (Knockout & { order: number })[] = [];
  for (const line of lines) {
    if (line.result.knockout) {
      orderedKnockouts.push({
        questionId: line.question.id,
        questionText: line.question.text,
        answerLabel: answerLabel(line.question, line.value),
        tier: line.result.knockout,
        order: line.order,
      });
    }
  }
  for (const line of flagLines) {
    if (line.knockout) {
      orderedKnockouts.push({
        questionId: line.result.trigger[0] ?? line.flag.id,
        questionText: line.flag.name,
        answerLabel: line.result.answerLabel,
        tier: line.knockout,
        flagId: line.flag.id,
        order: line.order,
      });
    }
  }
  orderedKnockouts.sort((a, b) => a.order - b.order);
  const knockouts: Knockout[] = orderedKnockouts.map(({ order: _order, ...knockout }) => knockout);

  const inherent = inherentRisk(profile).tier;
  const residual = state === 'incomplete' || overall === null ? null : residualTier(inherent, controlBand(overall));
  const knockoutTier = highestKnockout(knockouts.map((k) => k.tier));
  const tier =
    residual === null ? knockoutTier : knockoutTier === null ? residual : maxTier(residual, knockoutTier);

  // Explanation: points of the overall score each answer cost, with the same denominators.
  const explained: (PointLoss & { order: number })[] = [];
  for (const line of lines) {
    const { question, result, sectionIndex } = line;
    let pointsLost = 0;
    if (result.status === 'scored') {
      const section = sections[sectionIndex]!;
      const inOverall = section.score !== null && section.weight > 0 && overallDenominator > 0;
      if (inOverall) {
        pointsLost =
          (1 - result.score!) *
          (question.weight / sectionDenominators[sectionIndex]!) *
          (section.weight / overallDenominator) *
          100;
      }
    }
    if (pointsLost <= 0 && !result.knockout) continue;
    const label = answerLabel(question, line.value);
    explained.push({
      questionId: question.id,
      sectionId: line.section.id,
      questionText: question.text,
      answerLabel: label,
      pointsLost,
      reason: reasonFor(line, label),
      knockout: result.knockout,
      order: line.order,
    });
  }
  // A firing flag is always listed, like a knock-out, even when its section does not count.
  for (const line of flagLines) {
    const { flag, result, sectionIndex } = line;
    const section = sections[sectionIndex]!;
    const inOverall = section.score !== null && section.weight > 0 && overallDenominator > 0;
    const pointsLost = inOverall
      ? (RISK_FLAG_WEIGHTS[flag.severity] / sectionDenominators[sectionIndex]!) * (section.weight / overallDenominator) * 100
      : 0;
    explained.push({
      questionId: result.trigger[0] ?? flag.id,
      sectionId: line.section.id,
      questionText: flag.name,
      answerLabel: result.answerLabel,
      pointsLost,
      reason: flag.why?.trim() || flagSentence(line),
      knockout: line.knockout,
      flagId: flag.id,
      order: line.order,
    });
  }
  explained.sort((a, b) => b.pointsLost - a.pointsLost || byKnockoutThenOrder(a, b));
  const explanation: PointLoss[] = explained.map(({ order: _order, ...loss }) => loss);

  return { state, completion, overall, sections, knockouts, inherent, residual, tier, explanation };
}
