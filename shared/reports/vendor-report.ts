// The review report of one provider: cover, summary, section chart, the findings, accepted risks
// and evidence, maintenance (maintenance-part.ts), the incident record (incident-part.ts), every
// visible question with its answer, comment and score impact, the provider profile and the
// sign-off with its workflow steps. Pure: it turns report data into a pdfmake document
// definition; electron/core/reports renders it.
import { providerWho } from '../audit/provider-source';
import { answerLabel, checkAnswerValue } from '../domain/answers';
import { visibleQuestionIds } from '../domain/conditions';
import type { Answer, Review } from '../domain/review';
import { toAnswerMap } from '../domain/review';
import type { Question, Template } from '../domain/template';
import type { Tier } from '../domain/tier';
import { maxTier } from '../domain/tier';
import type { Vendor } from '../domain/vendor';
import { CONTROL_BAND_MIN, DEFAULT_SCORING_OPTIONS, inherentRisk } from '../scoring';
import type { PointLoss, ScoreResult } from '../scoring';
import {
  CONTENT_WIDTH,
  completionPercent,
  dataTable,
  dateOnly,
  formatPoints,
  formatScore,
  heading,
  keepTogether,
  keepWithNext,
  keyValueTable,
  labelled,
  linkText,
  pageFooter,
  paragraph,
  plain,
  reportDocument,
  runningHeader,
  sectionChart,
  shouldIncludeToc,
  tableOfContents,
  tierBadge,
  TIER_COLOURS,
} from './blocks';
import type { Cell } from './blocks';
import {
  APPROVAL_LABELS,
  CATEGORY_LABELS,
  IMPACT_LABELS,
  REVIEW_STATUS_LABELS,
  TENANCY_LABELS,
  TIER_LABELS,
  VENDOR_STATUS_LABELS,
  dataCategoryList,
  labelOf,
} from '../domain/labels';
import type { DocDefinition, DocNode, DocNodeObject, Margins } from './types';
import {
  NO_LIFECYCLE,
  evidenceSection,
  findingsSection,
  listedAcceptances,
  openFindings,
  changedAfter,
  signOffSection,
  type ReportLifecycle,
} from './lifecycle';
import { isFindingOverdue, effectiveFindingStatus } from '../domain/findings';
import { acceptanceState } from '../domain/acceptances';
import type { Standing } from '../domain/standing';
import { buildEffortText, buyVsBuild, dayRateText, feeText, type DayRate } from '../domain/cost';
import { keptInProfileText, profileHeldFigure } from '../templates/profile-held';
import { flagFedQuestionIds } from '../templates/flag-fed';
import { questionNumbers } from '../domain/question-numbering';
import { implausibleWarning, plausibleWords } from '../scoring/number-words';
import type { ProviderMaintenance } from './maintenance-facts';
import { estimateMaintenancePages, maintenancePart } from './maintenance-part';
import type { ProviderIncidents } from './incident-facts';
import { estimateIncidentPages, incidentPart } from './incident-part';
import { concentrationPart, type ProviderConcentration } from './concentration-part';
import { auditChainPart, type ReportAuditChain } from './audit-chain-part';
import { dayRateNote, profileChangedNote } from './as-of-notes';
import type { ProviderStatusOnDate } from './provider-status-as-of';

export interface VendorReportData {
  vendor: Vendor;
  review: Review;
  template: Template;
  answers: Answer[];
  /** scoreReview(template, toAnswerMap(answers), vendor): the report prints it, never recomputes it. */
  score: ScoreResult;
  /** When answers and score come from the snapshot a decision froze: that instant (ISO). */
  frozenAt?: string | null;
  /** Sign-off steps of this review and the provider's findings, acceptances and evidence (none when omitted). */
  lifecycle?: ReportLifecycle;
  /** The provider's standing on the report's date (shared/domain/standing.ts); printed on the cover and in the summary. */
  standing?: Standing;
  /** The review is the one in progress, not a decided one: every page says DRAFT. */
  draft?: boolean;
  /** The organisation the report is from (Settings), on the cover and every page. */
  organisation?: string;
  /**
   * The engineer day rate from Settings (null: none set), for the profile's buy-vs-build line.
   * Left out, the report prints no such line rather than claim that no rate is set.
   */
  dayRate?: DayRate | null;
  /**
   * Today (YYYY-MM-DD) when the report is made: on an earlier date the buy-vs-build line says the
   * day rate is the one set now (Settings keep no dated copy), in the comparison's words.
   */
  today?: string;
  /** The provider's status on the report's date (from the audit trail); absent: the profile's. */
  statusOnDate?: ProviderStatusOnDate;
  /**
   * What the register's maintenance records say about the provider as of the report's date
   * (providerMaintenance in maintenance-facts.ts), with the claims checked against `answers`.
   * Left out, the report has no Maintenance part (a layout test); the service always gives it.
   */
  maintenance?: ProviderMaintenance;
  /**
   * What the register's incident record says about the provider over the twelve months up to the
   * report's date (providerIncidents in incident-facts.ts), with the claims checked against
   * `answers`. Left out, the report has no Incident record part; the service always gives it.
   */
  incidents?: ProviderIncidents;
  /**
   * The provider's fourth parties as the register held them on the report's date, who shares
   * them, and its blast-radius outcome per region (concentration-part.ts). Left out, no part.
   */
  concentration?: ProviderConcentration;
  /**
   * The audit trail's hash chain checked when the report was made (verifyAuditChain): its head is
   * printed after the sign-off, or where it failed. Left out, nothing is said about the trail.
   */
  auditChain?: ReportAuditChain;
}

export interface VendorReportOptions {
  /** YYYY-MM-DD (or an ISO timestamp), printed on the cover and in the footer. Never read from a clock. */
  generatedAt: string;
  /**
   * Whether confidential comments were asked for. The service opens them (or not) before the
   * layout runs; the layout only says, per answer and in the answers' introduction, what was left out.
   */
  includeConfidential: boolean;
}

/** How many of the biggest point losses the summary lists. */
export const TOP_LOSSES = 5;

const NOT_RECORDED = 'Not recorded';

/** One visible question as the report prints it. */
export interface ReportQuestion {
  question: Question;
  /** Its number in the template ("2.4"), as the app shows it and the score's blockers name it. */
  number: string;
  answer: string;
  comment: string;
  /** The comment is confidential: printed as such, or left out (locked) and said so. */
  confidential: boolean;
  commentLeftOut: boolean;
  /** Who gave the answer when it was the provider (an accepted answers file), in words; null when the reviewer did. */
  answeredBy: string | null;
  /** The provider's own comment, printed apart from the reviewer's ('' when none). */
  providerComment: string;
  impact: string;
  knockout: Tier | null;
}

export interface ReportSection {
  sectionId: string;
  title: string;
  score: number | null;
  answered: number;
  total: number;
  questions: ReportQuestion[];
}

/** The answer as a person reads it; invalid or missing values read "Not answered" (as scoring treats them). */
function answerText(question: Question, answer: Answer | undefined): string {
  if (!answer) return 'Not answered';
  if (answer.na) return 'Not applicable';
  if (answer.value === null || checkAnswerValue(question, answer.value) !== null) return 'Not answered';
  return answerLabel(question, answer.value);
}

function impactText(lines: readonly PointLoss[], knockout: Tier | null, flagFed: boolean): string {
  const lost = lines.reduce((sum, l) => sum + l.pointsLost, 0);
  const points = lost > 0 ? `${formatPoints(lost)} points lost` : null;
  const flags = lines.filter((l) => l.flagId).map((l) => `raises the risk flag “${plain(l.questionText)}”`);
  const parts = [...(knockout ? [`Knock-out: forces ${labelOf(TIER_LABELS, knockout)}`] : []), ...flags, ...(points ? [points] : [])];
  if (parts.length > 0) return parts.join('; ');
  return flagFed ? 'Scored through risk flags: raises none' : '—';
}

/**
 * A question of an older template version whose answer the profile holds now (the fee, the build
 * effort): printed with the profile's figure, never the review's own answer or its comment, so the
 * report carries one fee. Not scored, so it cost nothing.
 */
function keptInProfile(question: Question, number: string, text: string): ReportQuestion {
  return { question, number, answer: text, comment: '', confidential: false, commentLeftOut: false, answeredBy: null, providerComment: '', impact: '—', knockout: null };
}

/** Every visible question of every section, with its answer, comment and score impact. */
export function reportSections(data: Pick<VendorReportData, 'vendor' | 'template' | 'answers' | 'score'>): ReportSection[] {
  const map = toAnswerMap(data.answers);
  const visible = visibleQuestionIds(data.template, map);
  const answers = new Map<string, Answer>();
  for (const a of data.answers) answers.set(a.questionId, a); // the last one wins, as in toAnswerMap
  // A question may lose points itself and raise risk flags too (a flag belongs to the answer that raises it).
  const losses = new Map<string, PointLoss[]>();
  for (const loss of data.score.explanation) losses.set(loss.questionId, [...(losses.get(loss.questionId) ?? []), loss]);
  const knockouts = new Map<string, Tier>();
  for (const k of data.score.knockouts) knockouts.set(k.questionId, knockouts.has(k.questionId) ? maxTier(knockouts.get(k.questionId)!, k.tier) : k.tier);
  const naRefused = new Set(data.score.open.filter((q) => q.naRefused).map((q) => q.questionId));
  const flagFed = flagFedQuestionIds(data.template);
  const sectionScores = new Map(data.score.sections.map((s) => [s.sectionId, s]));
  const numbers = questionNumbers(data.template.sections);

  return data.template.sections.map((section) => {
    const scored = sectionScores.get(section.id);
    return {
      sectionId: section.id,
      title: section.title,
      score: scored?.score ?? null,
      answered: scored?.answered ?? 0,
      total: scored?.total ?? 0,
      questions: section.questions
        .filter((q) => visible.has(q.id))
        .map((question) => {
          const figure = profileHeldFigure(data.template.id, question.id);
          const number = numbers.get(question.id) ?? '';
          if (figure) return keptInProfile(question, number, keptInProfileText(figure, data.vendor));
          const answer = answers.get(question.id);
          const lines = losses.get(question.id) ?? [];
          const knockout = knockouts.get(question.id) ?? lines.find((l) => l.knockout)?.knockout ?? null;
          // A number outside the template's plausible range is printed as recorded, and said to be.
          const implausible = answer && !answer.na && typeof answer.value === 'number' && implausibleWarning(question, answer.value) !== null;
          return {
            question,
            number,
            answer: naRefused.has(question.id)
              ? 'Not answered (marked N/A, which this question does not allow)'
              : `${answerText(question, answer)}${implausible ? ` (as recorded; outside the plausible range the template states, ${plausibleWords(question)})` : ''}`,
            comment: plain(answer?.comment ?? '').trim(),
            confidential: answer?.confidential === true,
            commentLeftOut: answer?.locked === true,
            answeredBy: answeredByText(answer),
            providerComment: plain(answer?.providerComment ?? '').trim(),
            impact: impactText(lines, knockout, flagFed.has(question.id)),
            knockout,
          };
        }),
    };
  });
}

/**
 * A rough page count, from what the report will print: the measurable proxy that decides the
 * table of contents (pdfmake knows the real count only after layout). Free text is counted at
 * about 5,500 characters a page, each question block at about a thirteenth of a page.
 */
export function estimateVendorReportPages(
  data: Pick<VendorReportData, 'vendor' | 'template' | 'answers' | 'score' | 'lifecycle' | 'maintenance' | 'incidents'>,
): number {
  const sections = reportSections(data);
  const questions = sections.reduce((n, s) => n + s.questions.length, 0);
  const freeText = sections.reduce(
    (n, s) => n + s.questions.reduce((m, q) => m + q.comment.length + (q.answer.length > 120 ? q.answer.length : 0), 0),
    0,
  );
  const losses = Math.min(TOP_LOSSES, data.score.explanation.filter((l) => l.pointsLost > 0).length);
  const cover = 1;
  const summary = 0.9 + sections.length * 0.05 + losses * 0.04 + data.score.knockouts.length * 0.04;
  const answers = sections.length * 0.06 + questions * 0.075 + freeText / 5500;
  const lifecycle = data.lifecycle ?? NO_LIFECYCLE;
  const records = lifecycle.findings.length + lifecycle.acceptances.length + lifecycle.evidence.length;
  const findingsAndEvidence = 0.3 + records * 0.05;
  const profileAndSignOff = 0.8 + lifecycle.steps.length * 0.03;
  return cover + summary + findingsAndEvidence + estimateMaintenancePages(data.maintenance) + estimateIncidentPages(data.incidents) + answers + profileAndSignOff;
}

function scoreLine(score: ScoreResult): string {
  if (score.overall === null) return 'Not scored: no scored answers yet';
  const value = `${formatScore(score.overall)} of 100`;
  return score.state === 'incomplete' ? `${value} (provisional: the review is incomplete)` : value;
}

const THRESHOLD = Math.round(DEFAULT_SCORING_OPTIONS.completionThreshold * 100);

/** Why there is no tier, in words: the score's blockers (model 2), else model 1's one condition. */
function notRatedBecause(score: ScoreResult): string {
  return score.blockers.length > 0 ? score.blockers.join(' ') : `a tier needs ${THRESHOLD}% of the questions answered.`;
}

function tierCell(score: ScoreResult): DocNodeObject {
  if (score.state === 'incomplete') {
    return score.tier === null
      ? tierBadge(null, { none: `Not rated: ${notRatedBecause(score)}` })
      : tierBadge(score.tier, { suffix: ' (set by knock-outs; the review gets no tier of its own yet)' });
  }
  return tierBadge(score.tier);
}

/** The scoring model, and whether the score was frozen at a decision. */
function modelText(score: ScoreResult, frozen: boolean): string {
  return `Vetted scoring model ${score.model}${frozen ? ', as frozen at the decision' : ''}`;
}

function coverageText(score: ScoreResult): string {
  return score.coverage === null
    ? `Not recorded (scoring model ${score.model} had no coverage)`
    : `${completionPercent(score.coverage)}% of the questionnaire's weight settled by the answers`;
}

/** The cover title's sizes in points, largest first: the first that sets the name in TITLE_MAX_LINES lines is used. */
export const COVER_TITLE_SIZES = [28, 24, 20, 17, 15] as const;
const TITLE_MAX_LINES = 3;
/** Average bold glyph width as a share of the size, on the wide side (capitals are wider than the 0.6 of blocks.ts). */
const TITLE_GLYPH_WIDTH = 0.66;
/** Ideographs, kana, Hangul and full-width forms: a whole em each. */
const WIDE = /[\u1100-\u11FF\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/u;

/**
 * How many lines `text` takes at `size` points over the content width, wrapping greedily at
 * spaces and splitting a word longer than a line (as pdfmake does). An estimate, for choosing a size.
 */
function titleLines(text: string, size: number): number {
  const perLine = Math.max(1, Math.floor(CONTENT_WIDTH / (size * TITLE_GLYPH_WIDTH)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = Math.ceil(Array.from(word).reduce((n, ch) => n + (WIDE.test(ch) ? 1 / TITLE_GLYPH_WIDTH : 1), 0));
    const needed = used === 0 ? length : used + 1 + length;
    if (needed <= perLine) {
      used = needed;
      continue;
    }
    if (used > 0) lines++;
    lines += Math.ceil(length / perLine) - 1;
    used = length % perLine || perLine;
  }
  return lines;
}

/**
 * The provider's name as the cover's title. A name of up to 200 characters (the limit of the
 * profile) must leave room on page 1 for the score, the tier and the dates: a long name gets a
 * smaller size, and the kicker above it comes up the page. plain() cuts a long word into pieces
 * of 40 characters (with zero-width spaces) to keep pdfmake fast on pasted keys; a title wider
 * than those pieces would break at them and leave ragged lines, so the title drops them and lets
 * pdfmake split the word where the line is full (200 characters cost nothing to measure).
 */
function coverTitle(name: string): { title: DocNodeObject; long: boolean } {
  const text = plain(name);
  const size = COVER_TITLE_SIZES.find((s) => titleLines(text, s) <= TITLE_MAX_LINES) ?? COVER_TITLE_SIZES[COVER_TITLE_SIZES.length - 1];
  if (size === COVER_TITLE_SIZES[0] && titleLines(text, size) <= 2) return { title: { text, style: 'coverTitle' }, long: false };
  return { title: { text: text.replace(/\u200B/g, ''), style: 'coverTitle', fontSize: size }, long: true };
}

/**
 * The cover: the name, the service, then the verdict and its dates before the rest, so they stay
 * on page 1 whatever length the name, the service, the standing or the reason for no tier have.
 */
function cover(data: VendorReportData, asOf: string): DocNode[] {
  const { vendor, review, template, score } = data;
  const service = plain(vendor.service).trim();
  const organisation = plain(data.organisation ?? '').trim();
  const rows: Array<[string, Cell]> = [
    ['Overall score', scoreLine(score)],
    ['Tier', tierCell(score)],
    ['As of', asOf],
    ['Review started', dateOnly(review.startedAt) ?? NOT_RECORDED],
    ['Review status', labelOf(REVIEW_STATUS_LABELS, review.status)],
    ['Review reported', data.draft ? { text: 'DRAFT: the review in progress, not decided', bold: true, color: TIER_COLOURS.critical } : 'The latest review decided on or before the report date'],
    ['Template', `${plain(template.name)}, version ${template.version}`],
    ['Category', labelOf(CATEGORY_LABELS, vendor.category)],
  ];
  if (organisation) rows.push(['Organisation', organisation]);
  if (data.standing) rows.push([`Standing on ${asOf}`, data.standing.lines.join(' ')]);
  const { title, long } = coverTitle(vendor.name);
  // A long name or service takes the room the kicker's top margin (120 points) otherwise leaves.
  const roomy = !long && Array.from(service).length <= COVER_SUBTITLE_LONG;
  return [
    {
      text: data.draft ? 'DRAFT vendor risk review' : 'Vendor risk review',
      style: 'coverKicker',
      ...(data.draft ? { color: TIER_COLOURS.critical } : {}),
      ...(roomy ? {} : { margin: [0, 40, 0, 6] as Margins }),
    },
    title,
    { text: service, style: 'coverSubtitle' },
    keyValueTable(rows),
  ];
}

/** A service longer than this many characters (the profile allows 200) takes three lines or more on the cover. */
const COVER_SUBTITLE_LONG = 90;

/** "2 open (1 overdue)", as of the report date. */
/** In force on the day, and apart from them those that had lapsed by then (still listed below). */
function acceptedRisksText(lifecycle: ReportLifecycle, today: string): string {
  const listed = listedAcceptances(lifecycle.acceptances);
  const inForce = listed.filter((a) => acceptanceState(a, today) !== 'expired').length;
  const lapsed = listed.length - inForce;
  if (listed.length === 0) return 'None';
  const head = inForce === 0 ? 'None in force' : `${inForce} in force`;
  return lapsed === 0 ? head : `${head} (${lapsed} expired)`;
}

function openFindingsText(lifecycle: ReportLifecycle, today: string): string {
  const open = openFindings(lifecycle.findings, today);
  const overdue = open.filter((f) => isFindingOverdue(f.dueDate, effectiveFindingStatus(f, f.acceptance, today), today)).length;
  const unknown = lifecycle.findings.filter((f) => !open.includes(f) && changedAfter(f, lifecycle.asOf)).length;
  const parts: string[] = [];
  if (open.length > 0) parts.push(`${open.length}${overdue ? ` (${overdue} overdue)` : ''}`);
  if (unknown > 0) parts.push(`${unknown} changed after ${today}, state on the day unknown`);
  return parts.join('; ') || 'None';
}

function summary(data: VendorReportData, lifecycle: ReportLifecycle, today: string, toc: boolean): DocNode[] {
  const { score } = data;
  const out: DocNode[] = [heading('Summary', 1, { toc, pageBreakBefore: true })];
  const frozen = dateOnly(data.frozenAt);
  if (frozen) out.push(paragraph(`Answers and score as they were signed off on ${frozen}.`, ['small', 'muted']));
  if (data.draft) out.push({ text: 'DRAFT: answers and score of the review in progress. Nobody has decided on them; they may still change.', style: 'paragraph', bold: true });
  if (data.standing) out.push(...keepWithNext(heading(`Standing on ${today}`, 3), data.standing.lines.map((line) => paragraph(line))));
  out.push(
    keyValueTable([
      ['Overall score', scoreLine(score)],
      ['Tier', tierCell(score)],
      ['Inherent risk', tierBadge(score.inherent, { suffix: ' (from the provider profile)' })],
      [
        'Residual risk',
        score.residual === null
          ? { text: `Not determined: ${notRatedBecause(score)}`, style: 'muted' }
          : tierBadge(score.residual, { suffix: ' (profile and controls)' }),
      ],
      ['Completion', `${completionPercent(score.completion)}% of the questions answered`],
      ['Coverage', coverageText(score)],
      ['Scored with', modelText(score, frozen !== null)],
      ['Knock-outs', score.knockouts.length === 0 ? 'None' : String(score.knockouts.length)],
      ['Approval', labelOf(APPROVAL_LABELS, data.review.status)],
      ['Open findings', openFindingsText(lifecycle, today)],
      ['Accepted risks', acceptedRisksText(lifecycle, today)],
    ]),
  );

  out.push(
    ...keepWithNext(
      heading('Knock-outs', 3),
      score.knockouts.length === 0
        ? [paragraph('No answer forces the tier up.')]
        : [
            dataTable(
              ['Question', 'Answer', 'Forces the tier to at least'],
              score.knockouts.map((k): Cell[] => [
                k.questionText,
                k.answerLabel,
                k.raised ? tierBadge(k.tier, { suffix: ' (one higher: critical path)' }) : tierBadge(k.tier),
              ]),
              ['*', 150, 80],
            ),
          ],
    ),
  );

  const losses = score.explanation.filter((l) => l.pointsLost > 0).slice(0, TOP_LOSSES);
  out.push(
    ...keepWithNext(
      heading('Biggest point losses', 3),
      losses.length === 0
        ? [paragraph(score.overall === null ? 'Nothing is scored yet.' : 'No answer lost points.')]
        : [
            paragraph('Points of the overall score of 100 that each answer cost, biggest first.', ['small', 'muted']),
            dataTable(
              ['Points lost', 'Question', 'Why'],
              losses.map((l): Cell[] => [formatPoints(l.pointsLost), l.questionText, l.reason]),
              [48, '*', '*'],
            ),
          ],
    ),
  );

  out.push(...notRestedOn(data));

  out.push(
    ...keepWithNext(heading('Section scores', 2, { toc }), [
      sectionChart(score.sections),
      paragraph(
        `Bars: strong ${CONTROL_BAND_MIN.strong} or more, adequate ${CONTROL_BAND_MIN.adequate} or more, weak ${CONTROL_BAND_MIN.weak} or more, poor below.`,
        ['small', 'muted'],
      ),
    ]),
    dataTable(
      ['Section', 'Weight', 'Score', 'Answered'],
      score.sections.map((s): Cell[] => [s.title, String(s.weight), formatScore(s.score), `${s.answered} of ${s.total}`]),
      ['*', 50, 60, 70],
    ),
  );
  return out;
}

/** What the score does not rest on: conflicts with the profile, open questions and N/A ones (with the reason given). */
function notRestedOn(data: VendorReportData): DocNode[] {
  const { score } = data;
  const out: DocNode[] = [];
  if (score.conflicts.length > 0) {
    out.push(
      ...keepWithNext(
        heading('Profile and answers disagree', 3),
        score.conflicts.map((c) => paragraph(c.message)),
      ),
    );
  }
  if (score.open.length > 0) {
    out.push(
      ...keepWithNext(heading('Not answered', 3), [
        dataTable(
          ['Question', 'Must-have'],
          score.open.map((q): Cell[] => [
            q.naRefused ? `${q.questionText} (marked N/A, which this question does not allow)` : q.questionText,
            q.mustHave ? 'Yes: no tier while open' : '—',
          ]),
          ['*', 110],
        ),
      ]),
    );
  }
  if (score.notApplicable.length > 0) {
    const answers = new Map(data.answers.map((a) => [a.questionId, a]));
    out.push(
      ...keepWithNext(heading('Not applicable', 3), [
        dataTable(
          ['Question', 'Answer', 'Why it does not apply'],
          score.notApplicable.map((q): Cell[] => {
            const answer = answers.get(q.questionId);
            const why = answer?.locked || (answer?.confidential && !plain(answer.comment).trim())
              ? 'Confidential: left out'
              : plain(answer?.comment ?? '').trim() || 'No reason recorded';
            return [q.questionText, q.answerLabel, why];
          }),
          ['*', 110, '*'],
        ),
      ]),
    );
  }
  return out;
}

/** "The provider (Jane Doe <jane@…>), received 2027-01-10": the answer came in an accepted answers file. */
export function answeredByText(answer: Answer | undefined): string | null {
  const by = answer?.answeredBy;
  if (!by) return null;
  const who = providerWho(by);
  const source = by.format === 'vsaq' ? 'a VSAQ answers file' : `questionnaire ${by.requestId ?? ''}`.trim();
  return `the provider${who ? ` (${plain(who)})` : ''}, received ${by.receivedAt.slice(0, 10)} in ${source}`;
}

function questionBlock(q: ReportQuestion): DocNode {
  const stack: DocNode[] = [
    { text: plain(`${q.number} ${q.question.text}`), style: 'questionText' },
    labelled('Answer', q.answer),
  ];
  if (q.answeredBy) stack.push(labelled('Answered by', q.answeredBy));
  if (q.providerComment) stack.push(labelled('Provider\'s comment', q.providerComment));
  if (q.commentLeftOut) stack.push(labelled('Comment', { text: 'Confidential: left out of this report.', italics: true }));
  else if (q.comment) stack.push(labelled(q.confidential ? 'Comment (confidential)' : 'Comment', q.comment));
  stack.push(
    labelled('Score impact', q.knockout ? { text: q.impact, color: TIER_COLOURS[q.knockout], bold: true } : q.impact),
  );
  return keepTogether(stack, { margin: [0, 0, 0, 9] });
}

function answersPart(sections: ReportSection[], toc: boolean): DocNode[] {
  const out: DocNode[] = [
    heading('Answers', 1, { toc, pageBreakBefore: true }),
    paragraph(
      'Every question shown for this provider, with its answer (and who gave it, where the provider did), the reviewer\'s comment, the provider\'s own comment where they sent one, and what the answer cost: points of the overall score of 100, and knock-outs, which force the tier up whatever the score.',
      ['small', 'muted'],
    ),
  ];
  for (const section of sections) {
    const blocks = section.questions.map(questionBlock);
    const [first, ...rest] = blocks.length ? blocks : [paragraph('No question applies to this provider.')];
    const subtitle = paragraph(
      `Section score: ${formatScore(section.score)}. Answered: ${section.answered} of ${section.total}.`,
      ['small', 'muted'],
    );
    // The heading stays with its score line and first question (a long first question may break).
    out.push(...keepWithNext(heading(section.title, 2, { toc }), [subtitle, first!]), ...rest);
  }
  return out;
}

/**
 * The money rows, all from the profile: the fee in its own currency and period, the effort to
 * build and run it yourself, and (given the day rate) the buy-vs-build line.
 */
function costRows(vendor: Vendor, dayRate: DayRate | null | undefined, today: string | undefined, asOf: string): Array<[string, Cell]> {
  const rows: Array<[string, Cell]> = [
    ['Fee', plain(feeText(vendor) ?? NOT_RECORDED)],
    ['Build it yourself', plain(vendor.buildEffortDays === null ? NOT_RECORDED : `${buildEffortText(vendor)} (estimate)`)],
  ];
  if (dayRate !== undefined) {
    const note = dayRate && today ? dayRateNote(dayRateText(dayRate), asOf, today) : null;
    rows.push(['Buy or build', plain(note ? `${buyVsBuild(vendor, dayRate).sentence} ${note}` : buyVsBuild(vendor, dayRate).sentence)]);
  }
  return rows;
}

/**
 * The status on the report's date, as the subprocessor annex reads it from the audit trail, and
 * today's beside it when they differ; today's alone, said so, where the trail cannot tell.
 */
function statusText(vendor: Vendor, onDate: ProviderStatusOnDate | undefined, asOf: string): string {
  const now = labelOf(VENDOR_STATUS_LABELS, vendor.status);
  if (!onDate) return now;
  if (!onDate.fromTrail) return `${now} (as recorded now: the audit trail does not tell the status on ${asOf})`;
  if (onDate.status === vendor.status) return now;
  return `${labelOf(VENDOR_STATUS_LABELS, onDate.status)} on ${asOf} (${now.toLowerCase()} since, from the audit trail)`;
}

function profile(vendor: Vendor, dayRate: DayRate | null | undefined, today: string | undefined, statusOnDate: ProviderStatusOnDate | undefined, toc: boolean, asOf: string): DocNode[] {
  const risk = inherentRisk(vendor);
  const text = (value: string) => plain(value).trim();
  const locations = vendor.dataLocations.map(text).filter((l) => l !== '');
  const rows: Array<[string, Cell]> = [
    ['Provider', text(vendor.name)],
    ['Legal entity', text(vendor.legalName) || NOT_RECORDED],
    ['Service and purpose', text(vendor.service) || NOT_RECORDED],
    ['Category', labelOf(CATEGORY_LABELS, vendor.category)],
    ['Owner', text(vendor.owner) || NOT_RECORDED],
    ['Provider status', statusText(vendor, statusOnDate, asOf)],
    ['Data categories', vendor.dataCategories.length ? dataCategoryList(vendor.dataCategories) : 'None recorded'],
    ['Data locations', locations.length ? locations.join(', ') : NOT_RECORDED],
    ['Tenancy', labelOf(TENANCY_LABELS, vendor.tenancy)],
    ['On the critical path', vendor.criticalPath ? 'Yes' : 'No'],
    ['Business impact', labelOf(IMPACT_LABELS, vendor.businessImpact)],
    ['Inherent risk', tierBadge(risk.tier, { suffix: ` (${Math.round(risk.points * 10) / 10} points from the profile)` })],
    ...costRows(vendor, dayRate, today, asOf),
    ['Website', vendor.website.trim() ? linkText(vendor.website) : NOT_RECORDED],
  ];
  const links: Array<[string, string | undefined]> = [
    ['Status page', vendor.links.statusPage],
    ['Trust or security page', vendor.links.trustPage],
    ['Data processing agreement', vendor.links.dpa],
    ['Subprocessor list', vendor.links.subprocessors],
    ['Privacy policy', vendor.links.privacyPolicy],
  ];
  for (const [label, url] of links) if (url && url.trim()) rows.push([label, linkText(url)]);
  // The register keeps one profile, not its versions: say so when it changed after the report's date.
  const note = profileChangedNote(vendor.updatedAt, asOf);
  const changed = note === null ? [] : [{ text: note, style: 'paragraph', bold: true }];
  return keepWithNext(heading('Provider profile', 1, { toc }), [...changed, keyValueTable(rows, { labelWidth: 150 })]);
}

/** The review report of one provider as a pdfmake document definition (A4, portrait). */
export function buildVendorReport(data: VendorReportData, options: VendorReportOptions): DocDefinition {
  const asOf = dateOnly(options.generatedAt) ?? 'Not recorded';
  const toc = shouldIncludeToc(estimateVendorReportPages(data));
  const sections = reportSections(data);
  const lifecycle = data.lifecycle ?? NO_LIFECYCLE;
  const today = dateOnly(options.generatedAt) ?? '';
  const content: DocNode[] = [...cover(data, asOf)];
  if (toc) content.push({ ...tableOfContents(), pageBreak: 'before' });
  content.push(
    ...summary(data, lifecycle, today, toc),
    ...findingsSection(lifecycle, today, toc),
    ...evidenceSection(lifecycle.evidence, today, toc, lifecycle),
    ...(data.maintenance ? maintenancePart(data.maintenance, { vendorId: data.vendor.id, template: data.template, draft: data.draft ?? false, toc }) : []),
    ...(data.incidents ? incidentPart(data.incidents, { template: data.template, draft: data.draft ?? false, toc }) : []),
    ...(data.concentration ? concentrationPart(data.concentration, { toc }) : []),
    ...answersPart(sections, toc),
    ...profile(data.vendor, data.dayRate, data.today, data.statusOnDate, toc, asOf),
    ...signOffSection(data.review, lifecycle.steps, toc),
    ...(data.auditChain ? auditChainPart(data.auditChain) : []),
  );
  const kicker = data.draft ? 'DRAFT vendor risk review' : 'Vendor risk review';
  return reportDocument({
    title: `${data.draft ? 'DRAFT vendor review' : 'Vendor review'}: ${data.vendor.name}`,
    content,
    // A draft says so on every page, the first included.
    header: runningHeader(kicker, data.vendor.name, { skipFirstPage: !data.draft }),
    footer: pageFooter(options.generatedAt, { organisation: data.organisation, draft: data.draft }),
    orientation: 'portrait',
  });
}
