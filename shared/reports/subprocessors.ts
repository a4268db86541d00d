// The "Subprocessors" annex of a privacy statement, as of a date: the providers in use that process
// personal data and were approved by then, with what a privacy counsel needs for each (legal entity,
// purpose, data, locations, transfer mechanism, DPA, safeguards, the decision it rests on). Facts
// come from the provider's decided review (frozen answers) and its profile; where the two disagree
// the row says so and a warning names it, instead of printing one of them. Drafts never count: a
// reassessment in progress, or one overdue, is said beside the decision. Who was in use on the date
// is read from the audit trail (provider-status-as-of.ts); a provider added after it is not part of
// the annex. Pure.
import type { SubprocessorOmission } from '../api';
import { answerLabel, checkAnswerValue } from '../domain/answers';
import { visibleQuestionIds } from '../domain/conditions';
import { CATEGORY_LABELS, REVIEW_STATUS_LABELS, dataCategoryList, labelOf } from '../domain/labels';
import type { Answer } from '../domain/review';
import { toAnswerMap } from '../domain/review';
import { dayOf, onOrBefore, type Standing } from '../domain/standing';
import type { Template } from '../domain/template';
import { questionIndex } from '../domain/template';
import type { Tier } from '../domain/tier';
import { locationsNeedingTransferMechanism, partsNamingNoCountry } from '../domain/transfers';
import { processesPersonalData, type Vendor, type VendorCategory } from '../domain/vendor';
import { isApproval } from '../domain/workflow';
import type { ScoreResult } from '../scoring';
import {
  COLOURS,
  DATA_TABLE_LAYOUT,
  LANDSCAPE_MARGINS,
  TIER_COLOURS,
  estimateHeight,
  heading,
  linkText,
  pageFooter,
  paragraph,
  plain,
  reportDocument,
  runningHeader,
  tierBadge,
} from './blocks';
import type { Cell } from './blocks';
import type { ProviderStatusOnDate } from './provider-status-as-of';
import { describeSafeguards, safeguardSentence } from './safeguards';
import type { DocDefinition, DocNode, DocNodeObject } from './types';

/** One provider as the list reads it: its profile, standing on the date and decided review. */
export interface SubprocessorCandidate {
  vendor: Vendor;
  /** Its status (proposed, in use, retired) on the date, from the audit trail. */
  status: ProviderStatusOnDate;
  standing: Standing;
  /** The frozen answers and score of the review decided on or before the date (null: none). */
  decided: { template: Template; answers: Answer[]; score: ScoreResult } | null;
}

export interface SubprocessorOptions {
  asOf: string;
  /** Also list providers that process personal data but are proposed or not approved, marked. */
  includeProposed: boolean;
  /** Print the internal risk tier (off by default: the list is for customers). */
  includeTiers: boolean;
}

/** A fact that two sources state differently: printed as such, never as one of them. */
interface Disputed {
  disputed: string;
}
type Fact = string | Disputed;

export interface SubprocessorRow {
  vendor: Vendor;
  category: VendorCategory;
  /** "Proposed: not in use yet" and the like, for rows that are listed only because asked. */
  mark: string | null;
  /** Set when the profile was edited after the date: its facts are today's, which the row says. */
  profileNote: string | null;
  entity: string;
  purpose: string;
  data: Fact;
  locations: Fact;
  transfer: Fact;
  dpa: Fact;
  /** Whether the decided review says the agreement is signed (the fact may still be red: no link). */
  dpaSigned: boolean;
  dpaLink: string | null;
  safeguards: string;
  decision: string;
  tier: Tier | null;
}

export interface SubprocessorSelection {
  rows: SubprocessorRow[];
  leftOut: SubprocessorOmission[];
  /** Disagreements and gaps in the listed rows, one sentence each, naming the provider. */
  warnings: string[];
}

/** Question ids of the built-in template the list reads. */
export const Q = {
  personalData: 'prv_personal_data',
  location: 'prv_data_location',
  transfer: 'prv_transfer_mechanism',
  dpa: 'prv_dpa',
} as const;


const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const compareText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

type AnswerOf = (questionId: string) => { value: string; label: string } | null;

/** A valid answer to a visible question of the decided review, or null. */
function answerReader(decided: SubprocessorCandidate['decided']): AnswerOf {
  if (!decided) return () => null;
  const map = toAnswerMap(decided.answers);
  const visible = visibleQuestionIds(decided.template, map);
  const index = questionIndex(decided.template);
  return (id) => {
    const question = index.get(id)?.question;
    const answer = map[id];
    if (!question || !answer || answer.na || !visible.has(id) || typeof answer.value !== 'string') return null;
    if (checkAnswerValue(question, answer.value) !== null) return null;
    return { value: answer.value, label: answerLabel(question, answer.value) };
  };
}

/** What the review says about personal data: true, false, or null when it does not say. */
function reviewSaysPersonalData(answerOf: AnswerOf): boolean | null {
  const answer = answerOf(Q.personalData)?.value;
  if (answer === undefined) return null;
  return answer !== 'none';
}

function omission(vendor: Vendor, reason: SubprocessorOmission['reason'], words: string): SubprocessorOmission {
  return { vendorId: vendor.id, name: vendor.name, reason, words };
}

/** Whether the provider is listed, listed only because asked (with its mark), or left out and why. */
function placement(c: SubprocessorCandidate, personal: boolean, options: SubprocessorOptions, warn: (s: string) => void): { mark: string | null } | SubprocessorOmission {
  const { vendor, standing } = c;
  const { asOf } = options;
  // Not in the register on the date: not part of the annex at all, even when proposed ones are asked for.
  if (!onOrBefore(vendor.createdAt, asOf)) return omission(vendor, 'added_after', `added after ${asOf} (on ${dayOf(vendor.createdAt)})`);
  if (!personal) {
    return omission(vendor, 'no_personal_data', `processes no personal data according to the profile${c.decided ? ' and the decided review' : ''}`);
  }
  const { status } = c.status;
  if (!c.status.fromTrail) {
    warn(`${vendor.name}: the audit trail does not tell its status on ${asOf} (no complete record of its status changes); its status today (${STATUS_WORDS[status]}) is used.`);
  }
  if (status === 'retired') {
    return omission(vendor, 'retired', c.status.since ? `retired on ${c.status.since}, on or before ${asOf}` : `retired on or before ${asOf}`);
  }
  const decision = standing.decided?.decision.to;
  const approved = decision !== undefined && isApproval(decision);
  const rejected = decision === 'rejected' ? `rejected on ${standing.decided!.decidedOn}` : null;
  const asked = 'listed, marked, when proposed providers are included';
  if (status === 'proposed') {
    if (options.includeProposed) {
      return { mark: approved ? 'Proposed: approved, not in use yet' : rejected ? `Proposed: ${rejected}` : `Proposed: not approved as of ${asOf}` };
    }
    const why = approved ? 'proposed, not in use' : rejected ? `proposed, not in use; ${rejected}` : `proposed, not in use and not approved as of ${asOf}`;
    return omission(vendor, 'not_active', `${why}; ${asked}`);
  }
  if (!approved) {
    const why = rejected ? `its latest decision (${standing.decided!.decidedOn}) is a rejection` : `not approved as of ${asOf}`;
    if (options.includeProposed) return { mark: `In use, ${why}` };
    return omission(vendor, 'not_approved', `${why}; ${asked}`);
  }
  return { mark: null };
}

const STATUS_WORDS: Readonly<Record<Vendor['status'], string>> = { proposed: 'proposed', active: 'in use', retired: 'retired' };

const text = (s: string) => plain(s).trim();
const ENTITY_NOT_RECORDED = '(legal entity not recorded)';

function dataFact(vendor: Vendor, review: boolean | null, warn: (s: string) => void): Fact {
  const profile = processesPersonalData(vendor);
  if (review === false && profile) {
    warn(`${vendor.name}: the profile lists personal data, the decided review says none reaches the provider.`);
    return { disputed: 'Profile and review disagree' };
  }
  if (review === true && !profile) {
    warn(`${vendor.name}: the decided review says personal data reaches the provider, the profile lists no personal data category.`);
    return { disputed: 'Personal data (per the review); the profile records no category' };
  }
  return dataCategoryList(vendor.dataCategories);
}

function locationFact(vendor: Vendor, answerOf: AnswerOf, warn: (s: string) => void): { fact: Fact; known: string[] | null } {
  const locations = vendor.dataLocations.map(text).filter(Boolean);
  const review = answerOf(Q.location)?.value;
  if (locations.length === 0) {
    warn(`${vendor.name}: no processing location is recorded in the profile.`);
    return { fact: { disputed: 'Not recorded' }, known: null };
  }
  if (review === 'unknown') {
    warn(`${vendor.name}: the profile lists ${locations.join(', ')}, the decided review says the location is not disclosed.`);
    return { fact: { disputed: 'Unconfirmed: profile and review disagree' }, known: null };
  }
  for (const location of locations) {
    const parts = partsNamingNoCountry(location);
    if (parts.length === 0) continue;
    const which = parts.length === 1 && parts[0] === location ? '' : ` ('${parts.join("', '")}')`;
    warn(`${vendor.name}: the processing location '${location}'${which} names no country: name the countries in the profile.`);
  }
  // Printed as recorded: a mapping from regions to countries would be a guess.
  return { fact: locations.join(', '), known: locations };
}

const TRANSFER_WORDS: Readonly<Record<string, string>> = {
  adequacy: 'Adequacy decision',
  sccs: 'Standard contractual clauses',
  bcrs: 'Binding corporate rules',
};

function transferFact(vendor: Vendor, known: string[] | null, reviewed: boolean, answerOf: AnswerOf, warn: (s: string) => void): Fact {
  if (known === null) return { disputed: 'Not determined: locations unconfirmed' };
  const outside = locationsNeedingTransferMechanism(known);
  const answer = reviewed ? answerOf(Q.transfer) : null;
  if (outside.length === 0) {
    if (answer && TRANSFER_WORDS[answer.value]) {
      warn(`${vendor.name}: the decided review names ${TRANSFER_WORDS[answer.value]!.toLowerCase()} for transfers, but the profile lists only EEA/UK locations.`);
      return { disputed: 'Unconfirmed: the review names a transfer, the profile lists EEA/UK only' };
    }
    return 'Not needed: EEA/UK only';
  }
  const where = outside.join(', ');
  // A row listed only on request, with no decided review: its mark already says so.
  if (!reviewed) return { disputed: `Not reviewed (${where})` };
  if (answer && TRANSFER_WORDS[answer.value]) return `${TRANSFER_WORDS[answer.value]} (${where})`;
  if (answer?.value === 'not_needed') {
    warn(`${vendor.name}: the profile lists ${where}, outside the EEA/UK, but the decided review says no transfer mechanism is needed.`);
    return { disputed: `Unconfirmed: profile lists ${where}; the review says not needed` };
  }
  if (answer?.value === 'none') {
    warn(`${vendor.name}: data is processed in ${where}, outside the EEA/UK, and the decided review records no transfer mechanism.`);
    return { disputed: `None recorded for ${where}` };
  }
  warn(`${vendor.name}: data is processed in ${where}, outside the EEA/UK, and the decided review does not state the transfer mechanism.`);
  return { disputed: `Not recorded in the review (${where})` };
}

function dpaFact(vendor: Vendor, answerOf: AnswerOf, warn: (s: string) => void): Fact {
  const answer = answerOf(Q.dpa)?.value;
  const linked = Boolean(vendor.links.dpa?.trim());
  if (answer === 'yes') {
    if (linked) return 'Signed';
    warn(`${vendor.name}: the data processing agreement is signed, but no link to it is recorded in the profile.`);
    return { disputed: 'Signed (no link recorded)' };
  }
  if (answer === 'partial') {
    warn(`${vendor.name}: the data processing agreement is offered but not signed.`);
    return { disputed: 'Not signed (offered)' };
  }
  if (answer === 'no') {
    if (linked) {
      warn(`${vendor.name}: the profile links a data processing agreement, the decided review says none is available.`);
      return { disputed: 'Unconfirmed: profile and review disagree' };
    }
    warn(`${vendor.name}: no data processing agreement is available.`);
    return { disputed: 'None' };
  }
  warn(`${vendor.name}: the decided review does not record whether a data processing agreement is signed.`);
  return { disputed: 'Not recorded' };
}

/**
 * The decision the row rests on, and what the standing says of the next one: a reassessment in
 * progress (its answers are not the row's: drafts never count) or overdue. An overdue one is warned about.
 */
function decisionWords(vendor: Vendor, standing: Standing, asOf: string, warn: (s: string) => void): string {
  const { decided, open } = standing;
  const parts = [decided ? `${REVIEW_STATUS_LABELS[decided.decision.to]} ${decided.decidedOn}` : `No decided review as of ${asOf}`];
  const next = decided ? 'reassessment' : 'review';
  const overdue = standing.overdue && standing.nextReviewDue ? `overdue since ${standing.nextReviewDue}` : null;
  if (open) parts.push(`${next} in progress since ${open.since}${overdue ? `, ${overdue}` : ''}`);
  else if (overdue) parts.push(`reassessment ${overdue}`);
  if (overdue) {
    const progress = open ? `; one is in progress since ${open.since}` : '';
    warn(`${vendor.name}: its reassessment was due on ${standing.nextReviewDue} and is overdue as of ${asOf}${progress}; the row rests on the decision of ${decided!.decidedOn}.`);
  }
  return parts.join('; ');
}

function row(c: SubprocessorCandidate, mark: string | null, options: SubprocessorOptions, warn: (s: string) => void): SubprocessorRow {
  const { vendor, decided, standing } = c;
  const answerOf = answerReader(decided);
  const entity = text(vendor.legalName);
  if (!entity) warn(`${vendor.name}: the legal entity is not recorded in the profile.`);
  // One profile is kept, not its versions: a profile edited after the date may not be what held then.
  const profileChanged = !onOrBefore(vendor.updatedAt, options.asOf);
  if (profileChanged) warn(`${vendor.name}: the profile was changed on ${dayOf(vendor.updatedAt)}, after ${options.asOf}; the row shows it as recorded now.`);
  const purpose = text(vendor.service);
  if (!purpose) warn(`${vendor.name}: the service and purpose are not recorded in the profile.`);
  const location = locationFact(vendor, answerOf, warn);
  const safeguards = decided ? safeguardSentence(describeSafeguards(decided.template, decided.answers)) : '';
  const decision = decisionWords(vendor, standing, options.asOf, warn);
  return {
    vendor,
    category: vendor.category,
    mark,
    profileNote: [
      profileChanged ? `Profile changed after ${options.asOf}: shown as recorded now` : '',
      // A status the trail could not give is today's: the row says so, not only the export's warnings.
      c.status.fromTrail ? '' : `Status on ${options.asOf} not known from the audit trail: shown as it is now (${STATUS_WORDS[vendor.status]})`,
    ].filter(Boolean).join('. ') || null,
    entity: entity || `${text(vendor.name)} ${ENTITY_NOT_RECORDED}`,
    purpose: purpose || 'Not recorded',
    data: dataFact(vendor, reviewSaysPersonalData(answerOf), warn),
    locations: location.fact,
    transfer: transferFact(vendor, location.known, decided !== null, answerOf, warn),
    dpa: decided ? dpaFact(vendor, answerOf, warn) : { disputed: 'Not reviewed' },
    dpaSigned: decided !== null && answerOf(Q.dpa)?.value === 'yes',
    dpaLink: vendor.links.dpa?.trim() || null,
    safeguards: safeguards || (decided ? 'None confirmed by the review' : 'Not reviewed'),
    decision,
    tier: options.includeTiers ? (decided?.score.tier ?? null) : null,
  };
}

/** The rows (by category label, "Other" last, then by name), every provider left out, and the warnings. */
export function selectSubprocessors(candidates: readonly SubprocessorCandidate[], options: SubprocessorOptions): SubprocessorSelection {
  const rows: SubprocessorRow[] = [];
  const leftOut: SubprocessorOmission[] = [];
  const warnings: string[] = [];
  const sorted = [...candidates].sort((a, b) => compareText(a.vendor.name, b.vendor.name) || compareText(a.vendor.id, b.vendor.id));
  for (const c of sorted) {
    const personal = processesPersonalData(c.vendor) || reviewSaysPersonalData(answerReader(c.decided)) === true;
    const warn = (w: string) => warnings.push(w);
    const placed = placement(c, personal, options, warn);
    if ('reason' in placed) leftOut.push(placed);
    else rows.push(row(c, placed.mark, options, warn));
  }
  const label = (r: SubprocessorRow) => labelOf(CATEGORY_LABELS, r.category);
  rows.sort(
    (a, b) =>
      Number(a.category === 'other') - Number(b.category === 'other') ||
      compareText(label(a), label(b)) ||
      compareText(a.vendor.name, b.vendor.name) ||
      compareText(a.vendor.id, b.vendor.id),
  );
  return { rows, leftOut, warnings };
}

export interface SubprocessorAppendixData {
  selection: SubprocessorSelection;
  options: SubprocessorOptions;
  /** The user's own introduction, printed as plain text. */
  intro: string;
  organisation?: string;
}

const ALARM = TIER_COLOURS.critical;

function factCell(fact: Fact): Cell {
  return typeof fact === 'string' ? fact : { text: fact.disputed, color: ALARM, bold: true };
}

// ─────────────────────────────────────────────────────────────────────── the table
//
// Built for registers of hundreds of providers: one compact row each, at most a few lines tall.
// The seven short facts stand side by side; the safeguards, the one long text, run on a line of
// their own under them across the full width (two lines at most for every safeguard the rules
// know), instead of a paragraph in a narrow column that made each row a third of a page. Each
// category is one table whose first header row is the category's heading: with the column heads
// it repeats on every page the group runs over, and pdfmake keeps it with the first provider.

/** The facts' columns in points, and the gap between them: 698 + 6 × 8 = 746, the row's width inside its padding. */
const FACT_WIDTHS = [125, 110, 70, 90, 100, 143, 60] as const;
const FACT_GAP = 8;
const FACT_HEADS = [
  'Processor (legal entity)',
  'Service and purpose',
  'Personal data',
  'Processing locations',
  'Transfers outside the EEA/UK',
  'Data processing agreement',
  'Decision',
] as const;
const ROW_FONT_SIZE = 7;
const SAFEGUARDS_FONT_SIZE = 6.5;
/** A DPA address of about 45 characters fits its column on one line at this size. */
const LINK_FONT_SIZE = 6.5;
const ROW_LINE_HEIGHT = 1;
/** The width a row's text runs in: the landscape content width less the cell padding. */
const ROW_WIDTH = FACT_WIDTHS.reduce((sum, w) => sum + w, 0) + FACT_GAP * (FACT_WIDTHS.length - 1);
/**
 * A row taller than this (fifty long processing locations: the profile allows them) may break
 * over pages; any other is kept whole. A landscape page holds about 480 points.
 */
const KEEP_ROW_MAX_HEIGHT = 320;

interface TableNode {
  table: { body: unknown[]; headerRows?: number };
}

/** DATA_TABLE_LAYOUT under a first header row that holds the category and looks like a heading (no fill, no rule above). */
const GROUP_TABLE_LAYOUT = {
  ...DATA_TABLE_LAYOUT,
  paddingTop: () => 2,
  paddingBottom: () => 2,
  hLineWidth: (i: number, node: TableNode) => (i === 0 ? 0 : i === 1 ? 0.5 : DATA_TABLE_LAYOUT.hLineWidth(i, node)),
  fillColor: (rowIndex: number, node: TableNode) => (rowIndex === 0 ? null : DATA_TABLE_LAYOUT.fillColor(rowIndex, node)),
} as const;

function factColumns(cells: readonly DocNode[]): DocNodeObject {
  return { columns: cells.map((cell, i) => ({ width: FACT_WIDTHS[i]!, stack: [cell] })), columnGap: FACT_GAP };
}

function factCells(r: SubprocessorRow, includeTiers: boolean): DocNode[] {
  // A missing legal entity is a missing fact: said in red on a line of its own, under the name.
  const unrecorded = r.entity.endsWith(ENTITY_NOT_RECORDED);
  const entity: DocNode[] = unrecorded
    ? [{ text: text(r.vendor.name), bold: true }, { text: 'Legal entity not recorded', color: ALARM }]
    : [{ text: r.entity, bold: true }];
  if (!unrecorded && text(r.vendor.name) !== r.entity) entity.push({ text: text(r.vendor.name), color: COLOURS.muted });
  if (r.mark) entity.push({ text: r.mark, color: ALARM, bold: true });
  if (r.profileNote) entity.push({ text: r.profileNote, color: ALARM });
  const dpa: DocNode[] = [factCell(r.dpa) as DocNode];
  if (r.dpaLink) {
    // Beside a signed agreement the link is the agreement; beside anything else it is only what the profile holds.
    const link = { ...linkText(r.dpaLink), fontSize: LINK_FONT_SIZE };
    if (r.dpa !== 'Signed') dpa.push({ text: 'Link in the profile:', color: COLOURS.muted, fontSize: LINK_FONT_SIZE });
    dpa.push(link);
  }
  const decision: DocNode[] = [{ text: r.decision }];
  if (includeTiers) decision.push({ text: [{ text: 'Tier: ', style: 'label' }, tierBadge(r.tier, { none: 'Not rated' })] });
  return [{ stack: entity }, { text: r.purpose }, cellNode(factCell(r.data)), cellNode(factCell(r.locations)), cellNode(factCell(r.transfer)), { stack: dpa }, { stack: decision }];
}

function cellNode(cell: Cell): DocNode {
  return typeof cell === 'string' ? { text: cell } : (cell as DocNode);
}

/** One provider: its facts side by side, its safeguards on a line under them. */
function providerRow(r: SubprocessorRow, includeTiers: boolean): DocNodeObject {
  return {
    stack: [
      factColumns(factCells(r, includeTiers)),
      { text: [{ text: 'Safeguards: ', style: 'label' }, { text: r.safeguards }], fontSize: SAFEGUARDS_FONT_SIZE, margin: [0, 1, 0, 0] },
    ],
  };
}

/** A pessimistic height of a provider's row, in points (estimateHeight per column at its real width). */
function rowHeight(row: DocNodeObject, r: SubprocessorRow, includeTiers: boolean): number {
  const facts = factCells(r, includeTiers).map((cell, i) => estimateHeight(cell, FACT_WIDTHS[i]!, ROW_FONT_SIZE));
  const safeguards = estimateHeight((row.stack as DocNode[])[1], ROW_WIDTH, SAFEGUARDS_FONT_SIZE);
  return Math.max(0, ...facts) + safeguards + 8;
}

/** One category as one table; its heading and the column heads are the header rows. */
function groupTable(category: VendorCategory, rows: readonly SubprocessorRow[], includeTiers: boolean, last: boolean): DocNodeObject {
  const providerRows = rows.map((r) => providerRow(r, includeTiers));
  const keepRows = rows.every((r, i) => rowHeight(providerRows[i]!, r, includeTiers) <= KEEP_ROW_MAX_HEIGHT);
  const title: DocNodeObject = {
    text: [labelOf(CATEGORY_LABELS, category), { text: `   ${rows.length} ${rows.length === 1 ? 'provider' : 'providers'}`, style: ['small', 'muted'], bold: false }],
    style: 'h2',
    // The cell's padding taken back, so the heading sits where a heading would.
    margin: [-DATA_TABLE_LAYOUT.paddingLeft(), 4, 0, 2],
  };
  return {
    table: {
      headerRows: 2,
      // The heading and the column heads never stand alone at a page bottom.
      ...(keepRows ? { keepWithHeaderRows: 1 } : {}),
      dontBreakRows: keepRows,
      widths: ['*'],
      body: [[title], [factColumns(FACT_HEADS.map((h) => ({ text: h, style: 'tableHeader' })))], ...providerRows.map((row) => [row])],
    },
    layout: GROUP_TABLE_LAYOUT,
    fontSize: ROW_FONT_SIZE,
    lineHeight: ROW_LINE_HEIGHT,
    // No space under the last table: on a full last page pdfmake would start an empty page for it.
    margin: [0, 2, 0, last ? 0 : 10],
  };
}

/** The rows by category, one table each; `endsDocument`: the last table gets no space under it. */
function pushGroups(content: DocNode[], rows: readonly SubprocessorRow[], includeTiers: boolean, endsDocument: boolean): void {
  const groups = new Map<VendorCategory, SubprocessorRow[]>();
  for (const r of rows) {
    const group = groups.get(r.category);
    if (group) group.push(r);
    else groups.set(r.category, [r]);
  }
  const last = [...groups.keys()].pop();
  for (const [category, group] of groups) content.push(groupTable(category, group, includeTiers, endsDocument && category === last));
}

/** The annex as a pdfmake document definition (A4, landscape). */
export function buildSubprocessorAppendix(data: SubprocessorAppendixData): DocDefinition {
  const { selection, options } = data;
  const organisation = plain(data.organisation ?? '').trim();
  const content: DocNode[] = [
    { text: 'Annex to the privacy statement', style: ['small', 'muted'] },
    heading('Subprocessors', 1),
    paragraph([organisation ? `Organisation: ${organisation}` : '', `As of ${options.asOf}`].filter(Boolean).join('. ') + '.', ['small', 'muted']),
  ];
  for (const part of plain(data.intro).trim().split(/\n\s*\n/)) {
    if (part.trim()) content.push(paragraph(part.trim()));
  }

  // The introduction speaks of the providers in use and approved: those rows come under it, and
  // rows listed only on request follow in a part of their own that says the introduction is not theirs.
  const stated = selection.rows.filter((r) => r.mark === null);
  const asked = selection.rows.filter((r) => r.mark !== null);
  if (stated.length === 0) content.push(paragraph(`No provider in use that processes personal data was approved on or before ${options.asOf}.`));
  // How to read the rows comes before them: after three hundred rows it would stand alone on the last page.
  if (selection.rows.length > 0) {
    content.push(
      paragraph(
        `Each row rests on the provider's latest review decided on or before ${options.asOf} (its date is under Decision, with any reassessment in progress or overdue) and on the provider's profile. ` +
          'Safeguards are those that review confirmed. Where the two sources disagree, or a fact is missing, the cell says so in red instead of stating either.',
        ['small', 'muted'],
      ),
    );
  }
  content.push(
    paragraph(
      `Providers proposed but not in use on ${options.asOf}, not approved on or before ${options.asOf}, retired on or before ${options.asOf}, ` +
        `or added to the register after ${options.asOf}, are not ${asked.length > 0 ? 'part of this statement' : 'listed'}.`,
      ['small', 'muted'],
    ),
  );
  pushGroups(content, stated, options.includeTiers, asked.length === 0);
  if (asked.length > 0) {
    content.push(heading('Listed on request: not part of this statement', 2));
    content.push(
      paragraph(
        `The introduction above does not apply to the ${asked.length === 1 ? 'provider' : `${asked.length} providers`} below: each is proposed and not in use on ${options.asOf}, ` +
          'or not approved on or before it (the mark in red under the processor says which), and may rest on no decided review.',
        ['small', 'muted'],
      ),
    );
    pushGroups(content, asked, options.includeTiers, true);
  }

  return reportDocument({
    title: 'Subprocessors',
    content,
    header: runningHeader('Annex: Subprocessors', organisation, { skipFirstPage: false, margins: LANDSCAPE_MARGINS }),
    footer: pageFooter(options.asOf, { organisation, margins: LANDSCAPE_MARGINS }),
    orientation: 'landscape',
  });
}

/**
 * The introduction is the user's own text: where it promises a data processing agreement for every
 * provider and a listed row has none signed, the document would contradict itself.
 */
export function introWarnings(intro: string, selection: SubprocessorSelection): string[] {
  if (!/\b(under|with|signed)\s+(a|an|the|our)?\s*(data processing agreements?|DPAs?)\b/i.test(intro)) return [];
  // Only the rows the introduction speaks of: those listed on request stand under a part of their own.
  const unsigned = selection.rows.filter((r) => r.mark === null && !r.dpaSigned).map((r) => r.vendor.name);
  if (unsigned.length === 0) return [];
  return [`The introduction speaks of data processing agreements, but none is signed with ${unsigned.join(', ')}: reword it in Settings or sign the agreements.`];
}
