// Scores a review: question → section → overall score, completion, knock-outs, inherent and
// residual tiers, risk flags, and the "why" list. The model is written out in docs/scoring.md; keep the
// two in step. Pure: no I/O, no clock, nothing rounded (roundScore is for display only).
import { answerLabel, checkAnswerValue } from '../domain/answers';
import { isScoredKind } from '../domain/template';
import { conditionRefs, hiddenQuestionIds, questionsById } from '../domain/conditions';
import { listWords, questionNumbers } from '../domain/question-numbering';
import type { Answer, AnswerMap, AnswerValue } from '../domain/review';
import type { ChoiceOption, NumberBand, Question, RiskFlag, Section, Template } from '../domain/template';
import { maxTier, tierRank } from '../domain/tier';
import type { Tier } from '../domain/tier';
import { evaluateFlag, RISK_FLAG_KNOCKOUTS, RISK_FLAG_WEIGHTS, type FlagOutcome, type FlagRead } from './flags';
import { profileConflicts } from './consistency';
import { visibilities } from './coverage';
import { inherentRisk } from './inherent';
import { controlBand, residualTier } from './residual';
import type { Knockout, NotApplicableQuestion, OpenQuestion, PointLoss, RiskProfile, ScoreResult, ScoringOptions, SectionScore } from './types';
import { DEFAULT_SCORING_OPTIONS, SCORING_MODEL } from './types';

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

// Shared by every outcome without a choice, so frozen: a caller that pushed to it would throw, not corrupt the rest.
const NOTHING_SELECTED = Object.freeze([]) as unknown as ChoiceOption[];

// Positional rather than an object spread: this builds one outcome per answer of every review listed.
function outcome(
  status: QuestionStatus,
  score: number | null = null,
  knockout: Tier | null = null,
  selected: ChoiceOption[] = NOTHING_SELECTED,
  band: NumberBand | null = null,
): QuestionOutcome {
  return { status, score, knockout, selected, band };
}

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
  // N/A counts only where the template allows it; elsewhere the question is still to be answered.
  if (answer?.na) return question.allowNa === true ? outcome('na') : outcome('unanswered');
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
      let best = 0;
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
          if (option.score > best) best = option.score;
        }
        if (option.knockout) knockout = knockout === null ? option.knockout : maxTier(knockout, option.knockout);
      }
      // An empty multi selection is an answer ("none of these") worth 0.
      if (selected.length > 0 && numeric === 0) return outcome('na', null, null, selected);
      if (informational) return outcome('unscored', null, knockout, selected);
      const score = question.kind === 'multi' && question.combine === 'max' ? best : Math.min(1, sum);
      return outcome('scored', score, knockout, selected);
    }
    case 'number': {
      const band = findBand(question.bands, value as number);
      if (!band) return outcome('unscored');
      const knockout = band.knockout ?? null;
      if (informational) return outcome('unscored', null, knockout, NOTHING_SELECTED, band);
      return outcome('scored', band.score, knockout, NOTHING_SELECTED, band);
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
  /** Position in the template (section order, then question order; a section's flags after its questions). */
  order: number;
  value: AnswerValue;
  result: QuestionOutcome;
}

/** A risk flag that fires: an implicit item of its section that loses its whole weight. */
interface FlagLine {
  flag: RiskFlag;
  section: Section;
  sectionIndex: number;
  order: number;
  result: FlagOutcome;
  knockout: Tier | null;
  /** The answer that raises it: the trigger latest in template order. */
  questionId: string;
}

/** Statuses of an answer that says something (not unanswered, not N/A). */
const REAL_ANSWER: ReadonlySet<QuestionStatus> = new Set<QuestionStatus>(['scored', 'unscored']);

/** Losses closer than this are a tie (docs/scoring.md, section 11). */
export const LOSS_TOLERANCE = 1e-9;

const TIER_STEP_UP: Readonly<Record<Tier, Tier>> = { low: 'medium', medium: 'high', high: 'critical', critical: 'critical' };

/** The tier a knock-out forces: one higher on a critical-path provider (docs/scoring.md, section 8). */
function knockoutFloor(tier: Tier | null, profile: RiskProfile): { tier: Tier | null; raised: boolean } {
  if (tier === null || !profile.criticalPath) return { tier, raised: false };
  const raisedTier = TIER_STEP_UP[tier];
  return { tier: raisedTier, raised: raisedTier !== tier };
}

const RAISED_NOTE = ' (raised: the provider is on the critical path)';

/** The sentence used when a firing flag has no `why`. */
function flagSentence(line: FlagLine, raised: boolean): string {
  const { flag, result, knockout } = line;
  let sentence = `Answered “${result.answerLabel}”: this raises the ${flag.severity} risk flag “${flag.name}”.`;
  if (knockout) sentence += ` This answer is a knock-out: the tier is at least ${knockout}${raised ? RAISED_NOTE : ''}.`;
  return sentence;
}

/** The sentence used when the chosen option has no `why`. */
function answerSentence(line: Line, label: string, knockout: Tier | null, raised: boolean): string {
  const { question, result } = line;
  let sentence = `Answered “${label}”: ${question.text}`;
  if (question.kind === 'multi') {
    const notSelected = (question.options ?? []).filter(
      (o) => typeof o.score === 'number' && o.score > 0 && !result.selected.includes(o),
    );
    if (notSelected.length > 0) sentence += ` Not selected: ${notSelected.map((o) => `“${o.label}”`).join(', ')}.`;
  }
  if (result.band?.label) sentence += ` Falls in “${result.band.label}”.`;
  if (knockout) sentence += ` This answer is a knock-out: the tier is at least ${knockout}${raised ? RAISED_NOTE : ''}.`;
  return sentence;
}

function reasonFor(line: Line, label: string, knockout: Tier | null, raised: boolean): string {
  // A loop, not map/filter/join: this runs for every answer that costs points, in every explained review.
  let whys = '';
  for (const option of line.result.selected) {
    const why = option.why?.trim();
    if (why) whys = whys === '' ? why : `${whys} ${why}`;
  }
  return whys !== '' ? whys : answerSentence(line, label, knockout, raised);
}

/** Bigger loss first (with a tolerance), then knock-outs (higher tier first), then template order. */
function explanationOrder(a: Placed<PointLoss>, b: Placed<PointLoss>): number {
  if (Math.abs(a.item.pointsLost - b.item.pointsLost) > LOSS_TOLERANCE) return b.item.pointsLost - a.item.pointsLost;
  const rank = (t: Tier | null) => (t === null ? -1 : tierRank(t));
  return rank(b.item.knockout) - rank(a.item.knockout) || a.order - b.order;
}

/**
 * An item with its place in the template, for sorting. The place is kept beside the item rather
 * than in it: taking a field back out of every item (object rest) cost more than the sort.
 */
interface Placed<T> {
  item: T;
  order: number;
}

/** A question that carries weight in its section's full weight (docs/scoring.md, section 3). */
function weighs(question: Question): boolean {
  return isScoredKind(question.kind) && question.weight > 0;
}

// Not shared/format's completionPercent: that module imports this one (roundScore).
const percent = (share: number) => `${Math.floor(share * 100 + 1e-9)}%`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What scoring reads of one review's answers: each question's outcome, whether it is shown, how a flag reads it. */
class ReviewReading {
  threeValued: ReadonlyMap<string, 'shown' | 'hidden' | 'undecided'> = new Map();

  constructor(
    private readonly byId: ReadonlyMap<string, Question>,
    private readonly indexOf: ReadonlyMap<string, number>,
    private readonly outcomes: readonly QuestionOutcome[],
    private readonly hidden: ReadonlySet<string>,
  ) {}

  outcomeOf(question: Question): QuestionOutcome {
    return this.outcomes[this.indexOf.get(question.id)!]!;
  }

  /** Whether the app shows this question for these answers. */
  has(id: string): boolean {
    return this.byId.has(id) && !this.hidden.has(id);
  }

  /** How a risk flag may read a question: known when shown and answered (or N/A), hidden when not shown, else open. */
  read(id: string): FlagRead {
    const question = this.byId.get(id);
    if (question === undefined) return 'hidden';
    if (!this.has(id)) return this.threeValued.get(id) === 'undecided' ? 'open' : 'hidden';
    return this.outcomeOf(question).status !== 'unanswered' ? 'known' : 'open';
  }
}

const indexesCache = new WeakMap<Template, ReadonlyMap<string, number>>();

/** Each question's index in questionsById's order (template order, without flags), once per template. */
function questionIndexes(template: Template): ReadonlyMap<string, number> {
  let indexes = indexesCache.get(template);
  if (!indexes) {
    const map = new Map<string, number>();
    for (const id of questionsById(template).keys()) map.set(id, map.size);
    indexesCache.set(template, (indexes = map));
  }
  return indexes;
}

const positionsCache = new WeakMap<Template, ReadonlyMap<string, number>>();

/** Each question's place in template order (a section's flags count after its questions), once per template. */
function templatePositions(template: Template): ReadonlyMap<string, number> {
  let position = positionsCache.get(template);
  if (!position) {
    const map = new Map<string, number>();
    let at = 0;
    for (const section of template.sections) {
      for (const question of section.questions) map.set(question.id, at++);
      at += section.flags?.length ?? 0;
    }
    positionsCache.set(template, (position = map));
  }
  return position;
}

/**
 * Scores a review of `template` with `answers` for a provider with `profile`, with model 2.
 * See docs/scoring.md for the model and a worked example.
 */
export function scoreReview(
  template: Template,
  answers: AnswerMap,
  profile: RiskProfile,
  options: ScoringOptions = DEFAULT_SCORING_OPTIONS,
): ScoreResult {
  const byId = questionsById(template);
  // Every question scored once, up front: conditions, flags and sections all read these. Kept in
  // an array by the question's index (found once per template), not a Map filled per review.
  const indexOf = questionIndexes(template);
  const outcomes: QuestionOutcome[] = new Array<QuestionOutcome>(indexOf.size);
  // Conditions read only answers that count: a value that does not fit its question, or N/A where
  // it is not allowed, reveals nothing (it is unanswered for scoring, so it is for showWhen too).
  // A condition already reads N/A and a null value as not answered, so only a value that does not
  // fit needs filtering out; without one the answers are read as they are (no copy per review).
  let misfit = false;
  let at = 0;
  for (const question of byId.values()) {
    const answer = answers[question.id];
    const result = scoreQuestion(question, answer);
    outcomes[at++] = result;
    if (result.status === 'unanswered' && answer !== undefined && !answer.na && answer.value !== null) misfit = true;
  }
  let counted: AnswerMap = answers;
  if (misfit) {
    const filtered: Record<string, AnswerMap[string]> = {};
    for (const question of byId.values()) if (outcomes[indexOf.get(question.id)!]!.status !== 'unanswered') filtered[question.id] = answers[question.id];
    counted = filtered;
  }
  const hidden = hiddenQuestionIds(template, counted);
  // A class rather than closures: builds that keep function names (the CLI bundle, tsx) wrap every
  // named closure at each call, which cost this function more than half its time.
  const reading = new ReviewReading(byId, indexOf, outcomes, hidden);
  /** The questions the app shows for these answers (every question of the template not hidden). */
  const visible: { has(id: string): boolean } = reading;
  reading.threeValued = visibilities(byId, counted, (q) => reading.outcomeOf(q).status !== 'unanswered', reading);
  // Template order of every question, known before any flag is placed on the answer that raises it.
  const position = templatePositions(template);

  const explain = options.explain ?? true;
  const lines: Line[] = [];
  const flagLines: FlagLine[] = [];
  const sections: SectionScore[] = [];
  /** Per section: full weight F_s, weight lost, weight open, and whether anything in it is answered. */
  const full: number[] = [];
  const lost: number[] = [];
  const openWeight: number[] = [];
  const touched: boolean[] = [];
  const open: OpenQuestion[] = [];
  const notApplicable: NotApplicableQuestion[] = [];
  let answeredAll = 0;
  let totalAll = 0;
  let order = 0;

  template.sections.forEach((section, sectionIndex) => {
    let F = 0;
    let L = 0;
    let O = 0;
    let any = false;
    let answered = 0;
    let total = 0;
    for (const question of section.questions) {
      const counts = weighs(question);
      if (counts) F += question.weight;
      const shown = visible.has(question.id);
      if (!shown) {
        // Hidden: settled, costs nothing. Undecided (its condition reads an open question): open.
        if (counts && !question.optional && reading.threeValued.get(question.id) === 'undecided') O += question.weight;
        order++;
        continue;
      }
      const answer = answers[question.id];
      const result = reading.outcomeOf(question);
      if (!question.optional) {
        total += 1;
        if (result.status !== 'unanswered') answered += 1;
      }
      if (result.status === 'unanswered') {
        // An optional question never holds the tier back: it is not open, and costs nothing until answered.
        if (counts && !question.optional) O += question.weight;
        if (!question.optional) {
          open.push({
            questionId: question.id,
            sectionId: section.id,
            questionText: question.text,
            mustHave: question.mustHave === true,
            ...(answer?.na ? { naRefused: true } : {}),
          });
        }
      } else {
        if (result.status === 'scored' && counts) any = true;
        if (result.status === 'na') {
          notApplicable.push({
            questionId: question.id,
            sectionId: section.id,
            questionText: question.text,
            answerLabel: answerLabel(question, answer?.value ?? null, answer?.na ?? false),
          });
        }
        if (result.status === 'scored' && counts) L += (1 - result.score!) * question.weight;
      }
      // A line only for what can be listed: a knock-out, or (explained) an answer that loses part of
      // its weight. The explanation below still checks the points its section's weight gives it.
      const losesPoints = explain && result.status === 'scored' && counts && result.score! < 1;
      if (losesPoints || result.knockout) lines.push({ question, section, sectionIndex, order, value: answer?.value ?? null, result });
      order++;
    }
    // Risk flags: implicit items weighted by severity; a firing flag loses its whole weight.
    for (const flag of section.flags ?? []) {
      const weight = RISK_FLAG_WEIGHTS[flag.severity];
      F += weight;
      const result = evaluateFlag(flag, counted, (id) => reading.read(id), byId);
      const lineOrder = order++;
      if (result.status === 'undecided') {
        O += weight;
        continue;
      }
      // A decided flag gives its section a score only when a shown question it reads has a real
      // answer: N/A answers alone score nothing (docs/scoring.md, section 6, condition 5).
      if (conditionRefs(flag.when).some((id) => visible.has(id) && REAL_ANSWER.has(reading.outcomeOf(byId.get(id)!).status))) any = true;
      if (result.status === 'fires') {
        L += weight;
        // The answer that raises the flag: of its answered triggers (else of all), the one latest in template order.
        const candidates = result.answered.length > 0 ? result.answered : result.trigger;
        let questionId = candidates[0] ?? flag.id;
        for (const id of candidates) if ((position.get(id) ?? -1) > (position.get(questionId) ?? -1)) questionId = id;
        flagLines.push({ flag, section, sectionIndex, order: lineOrder, result, knockout: RISK_FLAG_KNOCKOUTS[flag.severity], questionId });
      }
    }
    answeredAll += answered;
    totalAll += total;
    full.push(F);
    lost.push(L);
    openWeight.push(O);
    touched.push(any);
    sections.push({
      sectionId: section.id,
      title: section.title,
      weight: section.weight,
      score: any && F > 0 ? 100 * (1 - L / F) : null,
      answered,
      total,
      coverage: F > 0 ? 1 - O / F : 1,
    });
  });

  // The sections that count in the overall: a fixed set (weight and full weight above 0).
  let totalWeight = 0;
  template.sections.forEach((section, i) => {
    if (section.weight > 0 && full[i]! > 0) totalWeight += section.weight;
  });
  /** Points of the overall one unit of each section's weight costs. */
  const units = template.sections.map((section, i) =>
    section.weight > 0 && full[i]! > 0 && totalWeight > 0 ? (section.weight / full[i]! / totalWeight) * 100 : 0,
  );

  let overallLost = 0;
  let coverageSum = 0;
  template.sections.forEach((section, i) => {
    overallLost += lost[i]! * units[i]!;
    if (section.weight > 0 && full[i]! > 0) coverageSum += (1 - openWeight[i]! / full[i]!) * section.weight;
  });
  const overall = totalWeight > 0 && touched.some((t, i) => t && units[i]! > 0) ? 100 - overallLost : null;
  const coverage = totalWeight > 0 ? coverageSum / totalWeight : 1;
  const completion = totalAll > 0 ? answeredAll / totalAll : 1;

  const mustHaveOpen = open.filter((q) => q.mustHave);
  const conflicts = profileConflicts(template, counted, visible, profile);
  const blockers: string[] = [];
  if (completion < options.completionThreshold) {
    blockers.push(`${percent(completion)} of the questions are answered; a tier needs ${percent(options.completionThreshold)}.`);
  }
  if (coverage < options.coverageThreshold - LOSS_TOLERANCE) {
    blockers.push(`The answers cover ${percent(coverage)} of the questionnaire's weight; a tier needs ${percent(options.coverageThreshold)}.`);
  }
  // Questions are named by their number in the template ("2.3"), as the app, the report and
  // docs/questionnaire.md show them; ids are for the CLI's lists and for files.
  const numbered = (ids: readonly string[]) => {
    const numbers = questionNumbers(template.sections);
    return listWords([...new Set(ids)].map((id) => numbers.get(id) ?? id));
  };
  if (mustHaveOpen.length > 0) {
    blockers.push(`${plural(mustHaveOpen.length, 'must-have question is', 'must-have questions are')} not answered: ${numbered(mustHaveOpen.map((q) => q.questionId))}.`);
  }
  if (overall === null && totalWeight > 0) {
    blockers.push('No answer is scored yet: everything answered is N/A or informational.');
  }
  if (conflicts.length > 0) {
    const disagreeing = new Set(conflicts.map((c) => c.questionId));
    blockers.push(`The profile and the answers disagree (${disagreeing.size === 1 ? 'question' : 'questions'} ${numbered([...disagreeing])}).`);
  }
  const state: ScoreResult['state'] = blockers.length > 0 ? 'incomplete' : 'scored';
  open.sort((a, b) => Number(b.mustHave) - Number(a.mustHave) || position.get(a.questionId)! - position.get(b.questionId)!);

  // Knock-outs, in template order (questions and firing critical flags), raised on the critical path.
  const orderedKnockouts: Placed<Knockout>[] = [];
  for (const line of lines) {
    const floor = knockoutFloor(line.result.knockout, profile);
    if (floor.tier) {
      orderedKnockouts.push({
        item: {
          questionId: line.question.id,
          questionText: line.question.text,
          answerLabel: answerLabel(line.question, line.value),
          tier: floor.tier,
          ...(floor.raised ? { raised: true } : {}),
        },
        order: line.order,
      });
    }
  }
  for (const line of flagLines) {
    const floor = knockoutFloor(line.knockout, profile);
    if (floor.tier) {
      orderedKnockouts.push({
        item: {
          questionId: line.questionId,
          questionText: line.flag.name,
          answerLabel: line.result.answerLabel,
          tier: floor.tier,
          flagId: line.flag.id,
          ...(floor.raised ? { raised: true } : {}),
        },
        order: line.order,
      });
    }
  }
  orderedKnockouts.sort((a, b) => a.order - b.order);
  const knockouts: Knockout[] = orderedKnockouts.map((placed) => placed.item);

  const inherent = inherentRisk(profile).tier;
  const residual = state === 'incomplete' || overall === null ? null : residualTier(inherent, controlBand(overall));
  const knockoutTier = highestKnockout(knockouts.map((k) => k.tier));
  const tier =
    residual === null ? knockoutTier : knockoutTier === null ? residual : maxTier(residual, knockoutTier);

  // Explanation: points of the overall each answer cost, each a fixed share of its section.
  const explained: Placed<PointLoss>[] = [];
  for (const line of explain ? lines : []) {
    const { question, result, sectionIndex } = line;
    const pointsLost = result.status === 'scored' && weighs(question) ? (1 - result.score!) * question.weight * units[sectionIndex]! : 0;
    const floor = knockoutFloor(result.knockout, profile);
    if (pointsLost <= 0 && !floor.tier) continue;
    const label = answerLabel(question, line.value);
    explained.push({
      item: {
        questionId: question.id,
        sectionId: line.section.id,
        questionText: question.text,
        answerLabel: label,
        pointsLost,
        reason: reasonFor(line, label, floor.tier, floor.raised),
        knockout: floor.tier,
      },
      order: line.order,
    });
  }
  // A firing flag is always listed, like a knock-out, even when its section does not count.
  for (const line of explain ? flagLines : []) {
    const { flag, result, sectionIndex } = line;
    const floor = knockoutFloor(line.knockout, profile);
    explained.push({
      item: {
        questionId: line.questionId,
        sectionId: line.section.id,
        questionText: flag.name,
        answerLabel: result.answerLabel,
        pointsLost: RISK_FLAG_WEIGHTS[flag.severity] * units[sectionIndex]!,
        reason: flag.why?.trim() || flagSentence({ ...line, knockout: floor.tier }, floor.raised),
        knockout: floor.tier,
        flagId: flag.id,
      },
      order: line.order,
    });
  }
  explained.sort(explanationOrder);
  const explanation: PointLoss[] = explained.map((placed) => placed.item);

  return {
    model: SCORING_MODEL,
    state,
    blockers,
    completion,
    coverage,
    mustHaveOpen,
    conflicts,
    open,
    notApplicable,
    overall,
    sections,
    knockouts,
    inherent,
    residual,
    tier,
    explanation,
  };
}
