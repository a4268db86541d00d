// "Compare providers side by side": 2–6 providers in columns, their sections and questions in
// rows, aligned across templates and template versions. Pure: it reads the reviews and the scores
// it is given (it never rescores a review), and the same input always gives the same output.
//
// Alignment: sections are matched by section id, questions by question id. The rows are the union
// of every provider's sections and questions: in the order of the first provider that has a
// template, then any section or question the others add, in the order they first appear (a
// question new in a later template goes at the end of its section). A section's title comes from
// the first template that has the section; a question's text from the newest template version
// (among the entries) that asks it. A question that moved to another section between versions
// stays in the section it first appeared in; each provider's cell still comes from its own
// template, wherever that template keeps the question.
//
// Section marks: a section score that rests on a few answers is not comparable with one that rests
// on all of them (one good answer scores 100). So best and worst over section scores are chosen
// only among sections answered enough (SECTION_COMPARABLE_SHARE) of providers whose whole review is
// answered enough (the same share: the bar a review needs for a tier); the others are "too little
// answered" wherever the comparison is shown. Without the second condition, a provider with 2 of
// 61 questions answered took "Best" on a one-question section it happened to answer.
import { answerLabel } from '../domain/answers';
import { visibleQuestionIds } from '../domain/conditions';
import type { Answer, AnswerValue, Review } from '../domain/review';
import { toAnswerMap } from '../domain/review';
import { questionIndex } from '../domain/template';
import type { Question, QuestionIndex, QuestionKind, Template } from '../domain/template';
import type { Tier } from '../domain/tier';
import { maxTier } from '../domain/tier';
import type { Vendor, VendorCategory } from '../domain/vendor';
import { DEFAULT_SCORING_OPTIONS, scoreQuestion } from '../scoring';
import type { ScoreResult, SectionScore } from '../scoring';
import { buyVsBuild, dayRateText, feeText, type DayRate } from '../domain/cost';
import { keptInProfileText, profileHeldFigure } from '../templates/profile-held';
import type { CompareIncidents } from './incidents';
import type { CompareUpstreams } from './upstreams';
import type { CompareMaintenance } from './maintenance';

import { MAX_COMPARE_PROVIDERS, MIN_COMPARE_PROVIDERS } from './limits';

export { MAX_COMPARE_PROVIDERS, MIN_COMPARE_PROVIDERS };

/**
 * The share of a section's questions (visible, non-optional; answered or N/A) a provider must have
 * answered for its section score to be compared: the scoring's completion threshold (80 %), so a
 * section counts as comparable on the same terms as a review counts as complete.
 */
export const SECTION_COMPARABLE_SHARE = DEFAULT_SCORING_OPTIONS.completionThreshold;

/**
 * One provider to compare: its latest review (null when none was started), the template that
 * review uses (null when there is no review), the review's answers, and
 * scoreReview(template, toAnswerMap(answers), vendor) — passed in, never recomputed here.
 */
export interface CompareEntry {
  vendor: Vendor;
  review: Review | null;
  template: Template | null;
  answers: Answer[];
  score: ScoreResult | null;
  /**
   * Why the column has no review, in words, when `review` is null and the caller knows more than
   * "none was started" (an export as of D: "No decided review as of D (a review is in progress
   * since …)"). Absent: NO_REVIEW_STARTED.
   */
  noReviewNote?: string;
}

/** What a column without a review says when its entry gives no reason. */
export const NO_REVIEW_STARTED = 'No review started';

/** What a cell of a column without a review shows: nothing was asked or answered there; the column's note says why. */
export const NO_REVIEW_CELL = '—';

/** 'not_started' when the provider has no review or no score. */
export type CompareState = ScoreResult['state'] | 'not_started';

/** One provider's column head. */
export interface CompareColumn {
  /** The vendor id; best/worst lists name providers by it. */
  id: string;
  name: string;
  category: VendorCategory;
  /** 0..100, unrounded; null when nothing is scored. Provisional when state is 'incomplete'. */
  overall: number | null;
  tier: Tier | null;
  state: CompareState;
  /** 0..1; null when there is no score. */
  completion: number | null;
  /** Why the column has no review (CompareEntry.noReviewNote or NO_REVIEW_STARTED); null when it has one. */
  noReview: string | null;
  knockouts: number;
  /** The fee from the profile with its currency and period ("380 EUR per month"); null: not recorded. */
  fee: string | null;
  /** Buying against building and running it yourself, in one sentence (shared/domain/cost.ts). */
  buyVsBuild: string;
  /**
   * When the profile (fee, build effort, category…) was last changed: the register keeps it as it
   * is now, so a comparison dated before this says so (shared/reports/as-of-notes.ts).
   */
  profileUpdatedAt: string;
  template: { id: string; version: number } | null;
}

/**
 * - 'answered': an answer that fits the question (scored or informational);
 * - 'unanswered': visible, but no answer, a null value or a value that does not fit;
 * - 'na': marked not applicable, or the chosen option(s) make the question not applicable;
 * - 'not_asked': the provider's template has no such question;
 * - 'hidden': the template has it, but its showWhen hides it for this provider's answers;
 * - 'no_review': the column has no review (the column's `noReview` says why); label NO_REVIEW_CELL.
 */
export type CompareCellStatus = 'answered' | 'unanswered' | 'na' | 'not_asked' | 'hidden' | 'no_review';

export interface CompareCell {
  /** The vendor id of the column this cell is in. */
  providerId: string;
  status: CompareCellStatus;
  /**
   * answerLabel for answers (the chosen option's label for an option that makes the question
   * not applicable); otherwise 'Not answered', 'Not applicable', 'Not asked', 'Not shown' or
   * NO_REVIEW_CELL.
   */
  label: string;
  /** 0..1 (scoreQuestion) when the answer is scored; otherwise null. */
  score: number | null;
  /**
   * Points of the provider's overall score this answer cost (score.explanation): 0 for a scored
   * answer that cost nothing; null when the question is not scored or the provider has no score.
   */
  pointsLost: number | null;
  /** The knock-out tier this answer triggers. */
  knockout: Tier | null;
  /** The reviewer's comment, trimmed; '' for 'not_asked', 'hidden' and 'no_review' cells. */
  comment: string;
}

export interface CompareQuestionRow {
  questionId: string;
  /** The section row this question is listed under. */
  sectionId: string;
  /** From the newest template version that asks it. */
  text: string;
  /** From the same template as the text. */
  kind: QuestionKind;
  /** One per column, in column order. */
  cells: CompareCell[];
  /**
   * Provider ids with the highest / lowest question score, among the cells that have a score;
   * both empty unless at least two cells have a score and the scores are not all equal. Ties
   * share the mark.
   */
  best: string[];
  worst: string[];
  /**
   * Not every provider gave the same answer. Answers are compared by value (option ids, numbers,
   * text with whitespace collapsed), "marked not applicable" counts as an answer of its own, and
   * no answer (unanswered, hidden, not asked) differs from any answer but not from another
   * "no answer": a row nobody answered does not differ.
   */
  differs: boolean;
}

export interface CompareSectionCell {
  providerId: string;
  /** 0..100, unrounded; null when the section is not asked or nothing in it is scored. */
  score: number | null;
  /**
   * What the section score rests on: visible, non-optional questions answered (or marked N/A)
   * out of those visible and non-optional (as scoreReview counts them); `asked` is false when
   * the provider's template has no such section (then both counts are 0).
   */
  covers: { answered: number; total: number; asked: boolean };
  /**
   * The section is asked but fewer than SECTION_COMPARABLE_SHARE of its questions are answered, or
   * of the provider's whole review (reviewTooLittleAnswered): its score rests on too little to
   * compare, so it is never best or worst, and the app and the exports show "too little answered"
   * instead of the score.
   */
  tooLittleAnswered: boolean;
  /**
   * The section is asked, but the provider's whole review is answered below SECTION_COMPARABLE_SHARE
   * (the bar a review needs for a tier), however much of this section is answered; implies
   * tooLittleAnswered.
   */
  reviewTooLittleAnswered: boolean;
}

export interface CompareSectionRow {
  sectionId: string;
  /** From the first template that has the section. */
  title: string;
  /** One per column, in column order. */
  cells: CompareSectionCell[];
  /** As for questions, over the section scores that are not "too little answered". */
  best: string[];
  worst: string[];
  /** Some question row in the section differs, or the section scores differ. */
  differs: boolean;
  questions: CompareQuestionRow[];
}

export interface Comparison {
  columns: CompareColumn[];
  sections: CompareSectionRow[];
  /**
   * The engineer day rate the buy-vs-build lines use ("640 EUR a day"), as Settings hold it now;
   * null when none is set. Absent in a comparison built before this was kept.
   */
  dayRate?: string | null;
  /**
   * What the register's maintenance records (not the questionnaire) say about each column as of
   * the comparison's date (compareMaintenance); added by the service, absent in a bare model.
   */
  maintenance?: CompareMaintenance;
  /**
   * What the register's incident record (not the questionnaire) says about each column over the
   * twelve months up to the comparison's date (compareIncidents); added by the service, absent in
   * a bare model.
   */
  incidents?: CompareIncidents;
  /**
   * The fourth parties at least two compared providers name, from their upstreams recorded on or
   * before the comparison's date (compareUpstreams); added by the service, absent in a bare model.
   */
  upstreams?: CompareUpstreams;
}

export interface CompareFilter {
  /** Keep only question rows that differ. */
  differencesOnly?: boolean;
  /** Keep only question rows whose text or id contains this (case-insensitive; blank = all). */
  text?: string;
}

/** Scores closer than this are equal (sums of option scores carry floating-point noise). */
const EPSILON = 1e-9;

const NOT_ASKED = 'Not asked';
const NOT_SHOWN = 'Not shown';
const NOT_ANSWERED = 'Not answered';
const NOT_APPLICABLE = 'Not applicable';

/** Everything about one entry that the rows need, computed once. */
interface Prepared {
  id: string;
  vendor: Vendor;
  template: Template | null;
  index: QuestionIndex;
  sectionIds: ReadonlySet<string>;
  visible: ReadonlySet<string>;
  answers: ReadonlyMap<string, Answer>;
  score: ScoreResult | null;
  losses: ReadonlyMap<string, number>;
  knockouts: ReadonlyMap<string, Tier>;
  sectionScores: ReadonlyMap<string, SectionScore>;
  /** The whole review reaches SECTION_COMPARABLE_SHARE (false without a review: nothing to compare). */
  reviewAnsweredEnough: boolean;
}

const EMPTY_INDEX: QuestionIndex = new Map();

function prepare(entry: CompareEntry): Prepared {
  const { template, score } = entry;
  const answers = new Map<string, Answer>();
  for (const a of entry.answers) answers.set(a.questionId, a); // the last one wins, as in toAnswerMap
  // An answer's cost: its own loss and the risk flags it raises (a flag belongs to the answer that raises it).
  const losses = new Map<string, number>();
  for (const loss of score?.explanation ?? []) losses.set(loss.questionId, (losses.get(loss.questionId) ?? 0) + loss.pointsLost);
  // The knock-out tier as the score has it (raised on a critical-path provider), per answer.
  const knockouts = new Map<string, Tier>();
  for (const k of score?.knockouts ?? []) knockouts.set(k.questionId, knockouts.has(k.questionId) ? maxTier(knockouts.get(k.questionId)!, k.tier) : k.tier);
  const sectionScores = new Map<string, SectionScore>();
  for (const s of score?.sections ?? []) if (!sectionScores.has(s.sectionId)) sectionScores.set(s.sectionId, s);
  const prepared: Omit<Prepared, 'reviewAnsweredEnough'> = {
    id: entry.vendor.id,
    vendor: entry.vendor,
    template,
    index: template ? questionIndex(template) : EMPTY_INDEX,
    sectionIds: new Set(template?.sections.map((s) => s.id) ?? []),
    visible: template ? visibleQuestionIds(template, toAnswerMap(entry.answers)) : new Set(),
    answers,
    score,
    losses,
    knockouts,
    sectionScores,
  };
  return { ...prepared, reviewAnsweredEnough: template !== null && reviewShareEnough(prepared, score) };
}

/**
 * Whether the whole review reaches SECTION_COMPARABLE_SHARE: the score's completion, decided as
 * scoreReview decides a review complete; without a score, counted over the template's sections.
 */
function reviewShareEnough(p: Omit<Prepared, 'reviewAnsweredEnough'>, score: ScoreResult | null): boolean {
  if (score) return score.completion >= SECTION_COMPARABLE_SHARE;
  let answered = 0;
  let total = 0;
  for (const section of p.template?.sections ?? []) {
    const counted = countSection(p, section.id);
    answered += counted.answered;
    total += counted.total;
  }
  return answeredEnough(answered, total);
}

function column(entry: CompareEntry, dayRate: DayRate | null): CompareColumn {
  const { vendor, template, score } = entry;
  return {
    id: vendor.id,
    name: vendor.name,
    category: vendor.category,
    overall: score?.overall ?? null,
    tier: score?.tier ?? null,
    state: score?.state ?? 'not_started',
    completion: score?.completion ?? null,
    noReview: entry.review === null || template === null ? (entry.noReviewNote ?? NO_REVIEW_STARTED) : null,
    knockouts: score?.knockouts.length ?? 0,
    fee: feeText(vendor),
    buyVsBuild: buyVsBuild(vendor, dayRate).sentence,
    profileUpdatedAt: vendor.updatedAt,
    template: template ? { id: template.id, version: template.version } : null,
  };
}

/** A value in a form where equal answers compare equal: ids sorted, whitespace collapsed. */
function normalizedValue(value: AnswerValue): string {
  if (Array.isArray(value)) return JSON.stringify([...new Set(value)].sort());
  if (typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value.trim().replace(/\s+/g, ' '));
  return 'null';
}

/** The cell, and the key its answer is compared by ('' = no answer). */
function questionCell(p: Prepared, questionId: string): { cell: CompareCell; key: string } {
  const empty = { providerId: p.id, score: null, pointsLost: null, knockout: null, comment: '' };
  // No review in this column: "Not asked" would say its template left the question out.
  if (!p.template) return { cell: { ...empty, status: 'no_review', label: NO_REVIEW_CELL }, key: '' };
  const found = p.index.get(questionId);
  if (!found) return { cell: { ...empty, status: 'not_asked', label: NOT_ASKED }, key: '' };
  if (!p.visible.has(questionId)) return { cell: { ...empty, status: 'hidden', label: NOT_SHOWN }, key: '' };
  // An older template version asked a figure the profile holds now: the profile's, never a second one.
  const held = p.template ? profileHeldFigure(p.template.id, questionId) : null;
  if (held) return { cell: { ...empty, status: 'answered', label: keptInProfileText(held, p.vendor) }, key: '' };

  const { question } = found;
  const answer = p.answers.get(questionId);
  const comment = answer?.comment.trim() ?? '';
  const result = scoreQuestion(question, answer);
  const lost = p.losses.get(questionId);
  const pointsLost = p.score === null ? null : lost !== undefined ? lost : result.status === 'scored' ? 0 : null;

  if (result.status === 'unanswered') {
    return { cell: { ...empty, comment, status: 'unanswered', label: NOT_ANSWERED }, key: '' };
  }
  if (result.status === 'na') {
    // Marked N/A by the reviewer, or an option worth 'na' (such as "We give them no secrets").
    const marked = answer?.na === true;
    return {
      cell: { ...empty, comment, status: 'na', label: marked ? NOT_APPLICABLE : answerLabel(question, answer?.value ?? null) },
      key: marked ? 'na' : `v:${normalizedValue(answer?.value ?? null)}`,
    };
  }
  return {
    cell: {
      providerId: p.id,
      status: 'answered',
      label: answerLabel(question, answer?.value ?? null),
      score: result.score,
      pointsLost,
      knockout: p.score ? (p.knockouts.get(questionId) ?? null) : result.knockout,
      comment,
    },
    key: `v:${normalizedValue(answer?.value ?? null)}`,
  };
}

/** Visible, non-optional questions answered (or N/A) and in all, as scoreReview counts them. */
function countSection(p: Omit<Prepared, 'reviewAnsweredEnough'>, sectionId: string): { answered: number; total: number } {
  let answered = 0;
  let total = 0;
  const section = p.template?.sections.find((s) => s.id === sectionId);
  for (const question of section?.questions ?? []) {
    if (!p.visible.has(question.id) || question.optional) continue;
    total += 1;
    if (scoreQuestion(question, p.answers.get(question.id)).status !== 'unanswered') answered += 1;
  }
  return { answered, total };
}

/**
 * Whether `answered` of `total` reaches SECTION_COMPARABLE_SHARE, decided as scoreReview decides
 * completion (so exactly 80 % is enough, and a section with nothing to answer is complete).
 */
export function answeredEnough(answered: number, total: number): boolean {
  const share = total > 0 ? answered / total : 1;
  return share >= SECTION_COMPARABLE_SHARE;
}

function sectionCell(p: Prepared, sectionId: string): CompareSectionCell {
  if (!p.sectionIds.has(sectionId)) {
    return {
      providerId: p.id,
      score: null,
      covers: { answered: 0, total: 0, asked: false },
      tooLittleAnswered: false,
      reviewTooLittleAnswered: false,
    };
  }
  const scored = p.sectionScores.get(sectionId);
  const { answered, total } = scored ?? countSection(p, sectionId);
  return {
    providerId: p.id,
    score: scored?.score ?? null,
    covers: { answered, total, asked: true },
    // A well answered section of a barely answered review is no better grounded: the review is the unit decided on.
    tooLittleAnswered: !answeredEnough(answered, total) || !p.reviewAnsweredEnough,
    reviewTooLittleAnswered: !p.reviewAnsweredEnough,
  };
}

/** Best and worst providers among those with a score; empty unless two or more scores differ. */
function extremes(scored: readonly { providerId: string; score: number | null }[]): { best: string[]; worst: string[] } {
  const withScore = scored.filter((c): c is { providerId: string; score: number } => c.score !== null);
  if (withScore.length < 2) return { best: [], worst: [] };
  const scores = withScore.map((c) => c.score);
  const high = Math.max(...scores);
  const low = Math.min(...scores);
  if (high - low <= EPSILON) return { best: [], worst: [] };
  return {
    best: withScore.filter((c) => high - c.score <= EPSILON).map((c) => c.providerId),
    worst: withScore.filter((c) => c.score - low <= EPSILON).map((c) => c.providerId),
  };
}

/** Scores differ when some are null and some are not, or the numbers are not all equal. */
function scoresDiffer(scores: readonly (number | null)[]): boolean {
  const numbers = scores.filter((s): s is number => s !== null);
  if (numbers.length === 0) return false;
  if (numbers.length < scores.length) return true;
  return Math.max(...numbers) - Math.min(...numbers) > EPSILON;
}

/**
 * The side-by-side comparison of 2–6 providers, in the order given. Throws a RangeError for
 * fewer or more providers, or for the same vendor twice (best/worst name providers by id).
 */
/** `dayRate`: the engineer day rate from Settings, for each column's buy-vs-build line (null: none set). */
export function compareProviders(entries: readonly CompareEntry[], options: { dayRate?: DayRate | null } = {}): Comparison {
  if (entries.length < MIN_COMPARE_PROVIDERS || entries.length > MAX_COMPARE_PROVIDERS) {
    throw new RangeError(
      `compare ${MIN_COMPARE_PROVIDERS} to ${MAX_COMPARE_PROVIDERS} providers, not ${entries.length}`,
    );
  }
  const ids = new Set(entries.map((e) => e.vendor.id));
  if (ids.size !== entries.length) throw new RangeError('each provider can be compared only once');

  // Row order and wording: the union over the templates, first appearance wins the place.
  const sectionOrder: string[] = [];
  const sectionTitles = new Map<string, string>();
  const sectionQuestions = new Map<string, string[]>();
  const placed = new Set<string>();
  const wording = new Map<string, { version: number; question: Question }>();
  for (const { template } of entries) {
    if (!template) continue;
    for (const section of template.sections) {
      if (!sectionTitles.has(section.id)) {
        sectionOrder.push(section.id);
        sectionTitles.set(section.id, section.title);
        sectionQuestions.set(section.id, []);
      }
      for (const question of section.questions) {
        if (!placed.has(question.id)) {
          placed.add(question.id);
          sectionQuestions.get(section.id)!.push(question.id);
        }
        const current = wording.get(question.id);
        if (!current || template.version > current.version) {
          wording.set(question.id, { version: template.version, question });
        }
      }
    }
  }

  const prepared = entries.map(prepare);
  const sections = sectionOrder.map((sectionId): CompareSectionRow => {
    const questions = sectionQuestions.get(sectionId)!.map((questionId): CompareQuestionRow => {
      const { question } = wording.get(questionId)!;
      const built = prepared.map((p) => questionCell(p, questionId));
      const cells = built.map((b) => b.cell);
      const keys = new Set(built.map((b) => b.key));
      return {
        questionId,
        sectionId,
        text: question.text,
        kind: question.kind,
        cells,
        ...extremes(cells),
        differs: keys.size > 1,
      };
    });
    const cells = prepared.map((p) => sectionCell(p, sectionId));
    return {
      sectionId,
      title: sectionTitles.get(sectionId)!,
      cells,
      ...extremes(cells.filter((c) => !c.tooLittleAnswered)),
      differs: questions.some((q) => q.differs) || scoresDiffer(cells.map((c) => c.score)),
      questions,
    };
  });

  const dayRate = options.dayRate ?? null;
  return { columns: entries.map((e) => column(e, dayRate)), sections, dayRate: dayRate ? dayRateText(dayRate) : null };
}

/**
 * A comparison with only the question rows that match: with `differencesOnly`, rows that differ;
 * with `text`, rows whose question text or id contains it (case-insensitive). A section left
 * without question rows is dropped, unless its title contains the text. Columns, section scores
 * and marks are kept as they are (they describe the providers, not the filter).
 */
export function filterComparison(comparison: Comparison, filter: CompareFilter = {}): Comparison {
  const needle = (filter.text ?? '').trim().toLowerCase();
  const matches = (s: string) => s.toLowerCase().includes(needle);
  const keep = (row: CompareQuestionRow) =>
    (!filter.differencesOnly || row.differs) && (needle === '' || matches(row.text) || matches(row.questionId));
  const sections: CompareSectionRow[] = [];
  for (const section of comparison.sections) {
    const questions = section.questions.filter(keep);
    if (questions.length > 0 || (needle !== '' && matches(section.title))) sections.push({ ...section, questions });
  }
  // The maintenance and incident rows describe the providers too: kept, whatever the filter.
  return { ...comparison, sections };
}
