// "Export comparison PDF": 2–6 providers side by side, for whoever decides between them. A4
// landscape. First a summary table (one column per provider: category, overall score, tier,
// completion, knock-outs, cost, template), the maintenance rows and the incident rows from the
// register's records (shared/compare/maintenance.ts, incidents.ts), then one table per section: a
// "Section score" row and one row per question, each provider's answer in its column, with the
// points it lost and any knock-out. The best and worst answers of a row are marked with a sign and
// a word as well as a colour ("+ best", "– worst"), so the marks survive a grey-scale print; a
// section answered too little to compare (or of a review answered too little) reads "Too little
// answered" instead of a score. Dated before a profile's last change, or before today, the report
// says that the profile or the day rate is shown as it is now (as-of-notes.ts). Pure,
// like every layout: it prints the comparison it is given (shared/compare) and never rescores
// anything.
//
// No column is ever lost: columns have fixed widths worked out from the page, a provider name too
// long for three lines of its column head is shortened (the heads are then numbered and a legend
// gives the full names), and providers that do not fit one page width are printed in bands, each
// section once per band with the question column repeated.
//
// The marks use "+" (U+002B) and "–" (U+2013): the bundled Noto Sans has no arrows, triangles or
// check marks, and a glyph taken from a fallback font would be missing on a machine without one.
import { INCIDENTS_SECTION, MAINTENANCE_SECTION, NO_REVIEW_CELL, SECTION_COMPARABLE_SHARE, SHARED_UPSTREAMS_LABEL, UPSTREAMS_SECTION, incidentRows, maintenanceRows, upstreamsNote } from '../compare';
import type { CompareUpstreams } from '../compare';
import { dayRateNote, profileAsOfText, profileChangedNote } from './as-of-notes';
import type {
  CompareCell,
  CompareColumn,
  CompareIncidents,
  CompareMaintenance,
  CompareQuestionRow,
  CompareSectionCell,
  CompareSectionRow,
  Comparison,
} from '../compare';
import { BUILT_IN_TEMPLATES } from '../templates';
import {
  dateOnly,
  A4,
  COLOURS,
  DATA_TABLE_LAYOUT,
  LANDSCAPE_MARGINS,
  TIER_COLOURS,
  completionPercent,
  dataTable,
  estimateHeight,
  formatPoints,
  formatScore,
  heading,
  keepWithNext,
  pageFooter,
  paragraph,
  plain,
  reportDocument,
  runningHeader,
  tierBadge,
} from './blocks';
import { isolate } from './bidi';
import type { Cell } from './blocks';
import { CATEGORY_LABELS, TIER_LABELS, labelOf } from '../domain/labels';
import type { DocDefinition, DocNode, DocNodeObject } from './types';

export interface ComparisonReportOptions {
  /** YYYY-MM-DD (or an ISO timestamp), printed in the footer. Never read from a clock. */
  generatedAt: string;
  /**
   * Today (YYYY-MM-DD), passed in like the date: when the report is dated before it, the report says
   * the day rate in its buy-or-build lines is the current setting. Absent: not said.
   */
  today?: string;
  /**
   * Print only the question rows where the providers differ (and the sections that have any
   * difference, in answers or in section score); the sections left out are named on page 1.
   * Pass the unfiltered comparison: the report filters it itself, and can then say how many
   * questions were compared and which sections were alike.
   */
  differencesOnly: boolean;
  /**
   * Template names by template id, for the summary. Built-in templates are known; any other
   * template without a name here is shown by its id.
   */
  templateNames?: Readonly<Record<string, string>>;
  /** The organisation the document is from (Settings), in every page's footer. */
  organisation?: string;
  /** The columns are reviews in progress, not decided ones: every page says DRAFT. */
  draft?: boolean;
  /**
   * What each provider's column rests on, by vendor id ("Approved 2026-03-01", "No review decided
   * on or before …"): printed on page 1, so nobody reads a draft or an empty column as a decision.
   */
  basis?: Readonly<Record<string, string>>;
}

/** The note printed when only differences are shown. */
export const DIFFERENCES_ONLY_NOTE = 'Only questions where the providers differ are shown.';

/** What a section score cell says instead of the score when the section is below SECTION_COMPARABLE_SHARE. */
export const TOO_LITTLE_ANSWERED = 'Too little answered';

/** The marks of the best and worst answer (or section score) in a row: a sign, a word and a colour. */
export const BEST_MARK = '+ best';
export const WORST_MARK = '– worst';
const BEST_COLOUR = TIER_COLOURS.low;
const WORST_COLOUR = TIER_COLOURS.critical;

/** The width text runs in on a landscape A4 page, and the height, in points. */
export const LANDSCAPE_CONTENT_WIDTH = A4.height - LANDSCAPE_MARGINS[0] - LANDSCAPE_MARGINS[2];
const LANDSCAPE_CONTENT_HEIGHT = A4.width - LANDSCAPE_MARGINS[1] - LANDSCAPE_MARGINS[3];

/**
 * The tallest block (a section table, the summary with its heading) kept on one page. A
 * landscape page holds about 480 points, so blocks.ts's KEEP_TOGETHER_MAX_HEIGHT (made for
 * portrait pages) would leave no margin, and pdfmake drops the text of an unbreakable block
 * taller than a page. On wide landscape tables estimateHeight is close to the real height (a few
 * per cent under, measured on rendered reports), so the limit is two thirds of a page. A taller
 * section starts where it is and breaks between rows, its header rows repeated.
 */
const KEEP_SECTION_MAX_HEIGHT = Math.round((LANDSCAPE_CONTENT_HEIGHT * 2) / 3);

const NOT_RECORDED = 'Not recorded';

/** A user string on one line, as a column head, in the title or in the running header. */
function oneLineText(text: string): string {
  return plain(text).replace(/\s+/g, ' ').trim();
}

function providerName(column: CompareColumn): string {
  return oneLineText(column.name) || column.id;
}

/** "A", "A and B", "A, B and C". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ─────────────────────────────────────────────────────────────────────── columns
//
// Every table's columns are fixed widths in points, worked out from the page width. pdfmake
// widens a '*' column to its longest unbreakable word, so one long provider name pushed the
// table past the page edge and a column was cut off or not drawn at all. With fixed widths
// pdfmake wraps (and, for a word longer than the column, splits) the text inside the column.

/** The question column's share of the page, and the narrowest it may get to make room. */
const QUESTION_SHARE = 0.28;
const QUESTION_MIN_WIDTH = 160;

/**
 * The narrowest provider column, padding included: about 18 characters of 8.5-point text a line,
 * which still reads well (six providers on a landscape page get about 90 points each). When the
 * providers do not fit at this width beside the question column, they are split into bands.
 */
const PROVIDER_MIN_WIDTH = 84;

/** The horizontal padding of a table cell, which pdfmake adds to a fixed column width. */
const CELL_PADDING = DATA_TABLE_LAYOUT.paddingLeft() + DATA_TABLE_LAYOUT.paddingRight();

/**
 * A group of providers printed side by side in one page width: `start` and `end` index the
 * comparison's columns (end exclusive); `widths` are the table's column widths in points (the
 * question column first), without the cell padding.
 */
export interface ColumnBand {
  start: number;
  end: number;
  widths: number[];
}

/** Points, rounded down to hundredths so that the columns never add up to more than the page. */
function floorPoints(points: number): number {
  return Math.floor(points * 100) / 100;
}

/** The question column at its share of the page, narrower (not below its minimum) to fit `count` providers. */
function bandWidths(count: number, pageWidth: number): number[] {
  const question = Math.max(QUESTION_MIN_WIDTH, Math.min(QUESTION_SHARE * pageWidth, pageWidth - count * PROVIDER_MIN_WIDTH));
  const provider = (pageWidth - question) / count;
  return [floorPoints(question - CELL_PADDING), ...Array.from({ length: count }, () => floorPoints(provider - CELL_PADDING))];
}

/**
 * The providers in bands of nearly equal size (6 that do not fit go 3 + 3, not 5 + 1), each band
 * as many as fit one page width at PROVIDER_MIN_WIDTH beside the question column. Usually one band.
 */
export function planColumnBands(providerCount: number, pageWidth = LANDSCAPE_CONTENT_WIDTH): ColumnBand[] {
  const perBand = Math.max(1, Math.floor((pageWidth - QUESTION_MIN_WIDTH) / PROVIDER_MIN_WIDTH));
  const bandCount = Math.ceil(providerCount / perBand);
  const bands: ColumnBand[] = [];
  let start = 0;
  for (let i = 0; i < bandCount; i++) {
    const size = Math.floor(providerCount / bandCount) + (i < providerCount % bandCount ? 1 : 0);
    bands.push({ start, end: start + size, widths: bandWidths(size, pageWidth) });
    start += size;
  }
  return bands;
}

/** Lines a provider's name may take in a column head before it is shortened. */
const HEAD_MAX_LINES = 3;
/** The column heads' font size (the tableHeader style). */
const HEAD_FONT_SIZE = 8.5;
/**
 * Estimated advance of one character in ems, on the wide side so that a shortened name fits its
 * lines: ideographs, kana, Hangul, full-width forms and emoji take a full em; any other
 * character (Latin capitals in bold are the widest) at most 0.7.
 */
const WIDE_CHARACTER =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}\u3000-\u303f\uff00-\uff60\uffe0-\uffe6]/u;
const NARROW_EM = 0.7;
const ELLIPSIS = '…';

/** Estimated width of a character (a grapheme cluster) in ems. */
function emWidth(grapheme: string): number {
  return WIDE_CHARACTER.test(grapheme) ? 1 : NARROW_EM;
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * `text` cut to at most `maxEms` (estimated) with an ellipsis, or as it is when it fits. It cuts
 * between grapheme clusters, so an accent, a conjunct or an emoji sequence is never split.
 */
export function shortenToWidth(text: string, maxEms: number): { text: string; shortened: boolean } {
  const graphemes = Array.from(GRAPHEMES.segment(text), (g) => g.segment);
  const total = graphemes.reduce((sum, g) => sum + emWidth(g), 0);
  if (total <= maxEms) return { text, shortened: false };
  let kept = '';
  let used = emWidth(ELLIPSIS);
  for (const g of graphemes) {
    if (used + emWidth(g) > maxEms) break;
    kept += g;
    used += emWidth(g);
  }
  return { text: `${kept.trimEnd()}${ELLIPSIS}`, shortened: true };
}

/**
 * `text` with a line break inside every word too long for the rest of its line, so such a word
 * fills its lines evenly (pdfmake would otherwise move it to a fresh line, split it only where
 * it overflows, and leave a short line where plain() put a break opportunity). Words that fit
 * are left for pdfmake to wrap at their spaces; the line widths are estimates, as in shortenToWidth.
 * Words with ideographs, kana or Hangul are left alone too: pdfmake may break between those
 * characters anyway, and a forced break after its own would leave a line of one character.
 */
export function breakLongWords(text: string, emsPerLine: number): string {
  let used = 0;
  return text
    .split(' ')
    .map((word, i) => {
      const graphemes = Array.from(GRAPHEMES.segment(word), (g) => g.segment);
      const width = graphemes.reduce((sum, g) => sum + emWidth(g), 0);
      const space = i === 0 ? 0 : NARROW_EM;
      if (used + space + width <= emsPerLine) {
        used += space + width;
        return word;
      }
      if (width <= emsPerLine || graphemes.some((g) => WIDE_CHARACTER.test(g))) {
        used = width % emsPerLine;
        return word;
      }
      // Too long for any line: fill what is left of this one, then whole lines.
      let out = '';
      used += space;
      for (const g of graphemes) {
        if (used + emWidth(g) > emsPerLine && used > 0) {
          out += '\n';
          used = 0;
        }
        out += g;
        used += emWidth(g);
      }
      return out;
    })
    .join(' ');
}

/**
 * How a provider is named in the column heads. `key` is its column number (1 based): when some
 * name had to be shortened, or the providers are split into bands, every head starts with it and
 * the legend after the summary gives each number's full name (two shortened names can start alike).
 */
interface ProviderHead {
  key: number;
  name: string;
  head: string;
}

/** Room for the "6. " before a numbered head, in ems. */
const KEY_EMS = 3 * NARROW_EM;

/**
 * What a name may take in a head of `emsPerLine`: HEAD_MAX_LINES lines, less the column number,
 * less up to one character (one em) per line that does not fit at a line's end.
 */
function headBudget(emsPerLine: number): number {
  return HEAD_MAX_LINES * (emsPerLine - 1) - KEY_EMS;
}

function providerHeads(
  columns: readonly CompareColumn[],
  bands: readonly ColumnBand[],
): { heads: ProviderHead[]; numbered: boolean; shortened: boolean } {
  const fitted = columns.map((column, i) => {
    const band = bands.find((b) => i >= b.start && i < b.end)!;
    const emsPerLine = band.widths[1 + i - band.start]! / HEAD_FONT_SIZE;
    return { name: providerName(column), emsPerLine, ...shortenToWidth(providerName(column), headBudget(emsPerLine)) };
  });
  const shortened = fitted.some((f) => f.shortened);
  const numbered = bands.length > 1 || shortened;
  const heads = fitted.map((f, i) => ({
    key: i + 1,
    name: f.name,
    head: breakLongWords(numbered ? `${i + 1}. ${f.text}` : f.text, f.emsPerLine),
  }));
  return { heads, numbered, shortened };
}

/** The legend's first column: wide enough for its head, "Column". */
const LEGEND_KEY_WIDTH = 44;

/** The legend of numbered heads: each column's number and the provider's full name. */
function providerLegend(heads: readonly ProviderHead[]): DocNodeObject {
  return dataTable(
    ['Column', 'Provider'],
    heads.map((h): Cell[] => [`${h.key}.`, h.name]),
    [LEGEND_KEY_WIDTH, floorPoints(LANDSCAPE_CONTENT_WIDTH - LEGEND_KEY_WIDTH - 2 * CELL_PADDING)],
  );
}

/** The providers of one band, with their heads and the table widths. */
interface Band {
  start: number;
  end: number;
  columns: CompareColumn[];
  heads: string[];
  widths: number[];
  /** "1–3 of 6" when the providers are split into bands, else ''. */
  range: string;
}

function bandsOf(columns: readonly CompareColumn[], plan: readonly ColumnBand[], heads: readonly ProviderHead[]): Band[] {
  return plan.map(({ start, end, widths }) => ({
    start,
    end,
    columns: columns.slice(start, end),
    heads: heads.slice(start, end).map((h) => h.head),
    widths,
    range: plan.length > 1 ? `${start + 1}–${end} of ${columns.length}` : '',
  }));
}

// ─────────────────────────────────────────────────────────────────────── summary

const BUILT_IN_NAMES: ReadonlyMap<string, string> = new Map(BUILT_IN_TEMPLATES.map((t) => [t.id, t.name]));

function templateText(column: CompareColumn, names: Readonly<Record<string, string>> | undefined): string {
  if (!column.template) return NO_REVIEW_CELL;
  const { id, version } = column.template;
  const given = names && Object.prototype.hasOwnProperty.call(names, id) ? names[id] : undefined;
  const name = oneLineText(given ?? BUILT_IN_NAMES.get(id) ?? '') || oneLineText(id);
  return `${name}, version ${version}`;
}

function overallText(column: CompareColumn): Cell {
  // No review in this column: the State row says why; "no review" would be false for one under way.
  if (column.noReview !== null || column.state === 'not_started') return { text: NO_REVIEW_CELL, color: COLOURS.muted };
  if (column.overall === null) return { text: formatScore(null), color: COLOURS.muted };
  const score = { text: formatScore(column.overall), bold: true };
  return column.state === 'incomplete' ? { text: [score, { text: ' (provisional)', color: COLOURS.muted }] } : score;
}

function tierText(column: CompareColumn): Cell {
  if (column.state === 'incomplete') {
    return column.tier === null
      ? tierBadge(null, { none: 'Not rated (review incomplete)' })
      : tierBadge(column.tier, { suffix: ' (set by knock-outs)' });
  }
  return tierBadge(column.tier);
}

function stateText(column: CompareColumn): string {
  if (column.noReview !== null) return oneLineText(column.noReview);
  if (column.state === 'not_started' || column.completion === null) return 'Not started';
  const percent = `${completionPercent(column.completion)}% answered`;
  return column.state === 'incomplete' ? `Incomplete: ${percent}` : `Scored: ${percent}`;
}


/**
 * The profile as of the report date: the register keeps only the current one, so a column whose
 * profile changed after the date says so (the review report's words), the others when it last changed.
 */
function profileCell(column: CompareColumn, asOf: string): Cell {
  const changed = profileChangedNote(column.profileUpdatedAt, asOf) !== null;
  return { text: profileAsOfText(column.profileUpdatedAt, asOf), style: 'small', bold: changed };
}

/** Whether some column's profile changed after the report date: only then the summary has a Profile row. */
function someProfileChanged(columns: readonly CompareColumn[], asOf: string): boolean {
  return columns.some((c) => profileChangedNote(c.profileUpdatedAt, asOf) !== null);
}

/** The summary of one band; over several bands, the corner cell says which providers it holds. */
function summaryTable(band: Band, options: ComparisonReportOptions, profileRow: boolean): DocNodeObject {
  const { columns } = band;
  const asOf = dateOnly(options.generatedAt) ?? options.generatedAt;
  const rows: Array<[string, (c: CompareColumn) => Cell]> = [
    ['Category', (c) => labelOf(CATEGORY_LABELS, c.category)],
    ['Overall score (of 100)', overallText],
    ['Tier', tierText],
    ['State', stateText],
    ['Knock-outs', (c) => (c.state === 'not_started' ? '—' : c.knockouts === 0 ? 'None' : String(c.knockouts))],
    // Before the money rows it qualifies: the fee and build effort are the profile's.
    ...(profileRow ? [['Profile (fee, build effort)', (c: CompareColumn) => profileCell(c, asOf)] as [string, (c: CompareColumn) => Cell]] : []),
    ['Fee', (c) => (c.fee === null ? NOT_RECORDED : oneLineText(c.fee))],
    ['Buy or build', (c) => ({ text: oneLineText(c.buyVsBuild), style: 'small' })],
    ['Template', (c) => templateText(c, options.templateNames)],
  ];
  return dataTable(
    [band.range ? `Providers ${band.range}` : '', ...band.heads],
    rows.map(([label, value]): Cell[] => [{ text: label, style: 'label' }, ...columns.map(value)]),
    band.widths,
  );
}

// ─────────────────────────────────────────────────────────────────────── maintenance

/** The maintenance rows of one band: from the register's records, so set apart from the answers. */
function maintenanceTable(band: Band, maintenance: CompareMaintenance): DocNodeObject {
  const rows = maintenanceRows(maintenance);
  const claimsRow = rows.length - 1;
  return dataTable(
    [band.range ? `Providers ${band.range}` : '', ...band.heads],
    rows.map((row, r): Cell[] => [
      { text: row.label, style: 'label' },
      ...row.cells.slice(band.start, band.end).map((text, i): Cell => {
        const cell = maintenance.cells[band.start + i]!;
        // A contradicted claim is a finding candidate: it stands out in colour and in bold, and says so.
        const contradicted = r === claimsRow && (cell.claims ?? []).some((c) => c.verdict === 'contradicted');
        return contradicted ? { text: plain(text), style: 'small', bold: true, color: WORST_COLOUR } : { text: plain(text), style: 'small' };
      }),
    ]),
    band.widths,
  );
}

/**
 * The maintenance rows after the summary: the heading says they come from the register's records,
 * and a note says what "as of" means for records the register keeps without versions.
 */
function maintenanceBlocks(bands: readonly Band[], maintenance: CompareMaintenance | undefined): DocNode[] {
  if (!maintenance) return [];
  const note = paragraph(
    `From the register's maintenance records created on or before ${maintenance.asOf}, not from the questionnaire answers. ` +
      `The register keeps windows as current records (edits and deletions are in its audit trail, not versions): each is shown ` +
      `as last recorded, and one deleted since is not shown. Overlaps are looked for among the compared providers only, ` +
      `from ${maintenance.range.from} to ${maintenance.range.to}. Claims are each column's maintenance answers (notice, disruption, ` +
      `frequency) held against its scheduled maintenances up to the end of ${maintenance.asOf}; a contradicted claim is a finding candidate.`,
    ['small', 'muted'],
  );
  const [first, ...rest] = bands.map((band) => maintenanceTable(band, maintenance));
  const block: DocNode[] = [heading(MAINTENANCE_SECTION, 2), note, first!];
  return [
    ...(fitsWell(block) ? keepWithNext(block[0] as DocNodeObject, block.slice(1), { width: LANDSCAPE_CONTENT_WIDTH }) : block),
    ...rest,
  ];
}

// ─────────────────────────────────────────────────────────────────────── shared upstreams

/** The fourth parties the compared providers share, one line each, after the incident rows. */
function upstreamBlocks(upstreams: CompareUpstreams | undefined): DocNode[] {
  if (!upstreams) return [];
  const note = upstreamsNote(upstreams);
  const lines =
    upstreams.lines.length > 0
      ? upstreams.lines.map((line) => paragraph(`${SHARED_UPSTREAMS_LABEL}: ${line}`))
      : [paragraph(`No fourth party that two of these providers share was recorded on or before ${upstreams.asOf}.`)];
  return keepWithNext(heading(UPSTREAMS_SECTION, 2), [
    paragraph(
      `From the providers' fourth parties (their own upstreams) recorded in the register on or before ${upstreams.asOf}: providers sharing a fourth party, ` +
        `or one of its regions, can fail together.${note ? ` ${note[0]!.toUpperCase()}${note.slice(1)}.` : ''}`,
      ['small', 'muted'],
    ),
    ...lines,
  ], { width: LANDSCAPE_CONTENT_WIDTH });
}

// ─────────────────────────────────────────────────────────────────────── incidents

/** The incident rows of one band: from the register's incident record, so set apart from the answers. */
function incidentTable(band: Band, incidents: CompareIncidents): DocNodeObject {
  return dataTable(
    [band.range ? `Providers ${band.range}` : '', ...band.heads],
    incidentRows(incidents).map((row): Cell[] => [
      { text: row.label, style: 'label' },
      ...row.cells.slice(band.start, band.end).map((text, i): Cell => {
        const cell = incidents.cells[band.start + i]!;
        // A claim the record contradicts is a finding candidate: it stands out in colour and in bold.
        const contradicted = row.claims === true && (cell.claims ?? []).some((c) => c.verdict === 'contradicted');
        return contradicted ? { text: plain(text), style: 'small', bold: true, color: WORST_COLOUR } : { text: plain(text), style: 'small' };
      }),
    ]),
    band.widths,
  );
}

/** The incident rows after the maintenance rows, with what they rest on in a note. */
function incidentBlocks(bands: readonly Band[], incidents: CompareIncidents | undefined): DocNode[] {
  if (!incidents) return [];
  const { from, to } = incidents.period;
  const note = paragraph(
    `From each provider's incident record in the register, not from the questionnaire: incidents that started from ${from} to ${to} and were ` +
      `recorded by then, without updates, resolutions or postmortems dated later. p90: the 90th percentile. Availability is an estimate ` +
      `(major and critical incidents on the components in use count as down). A contradicted claim is a finding candidate.`,
    ['small', 'muted'],
  );
  const [first, ...rest] = bands.map((band) => incidentTable(band, incidents));
  const block: DocNode[] = [heading(INCIDENTS_SECTION, 2), note, first!];
  if (fitsWell(block)) return [...keepWithNext(block[0] as DocNodeObject, block.slice(1), { width: LANDSCAPE_CONTENT_WIDTH }), ...rest];
  // Too tall to keep whole safely: it starts a page, so the rows are read together (a page holds
  // them; a table taller than a page still breaks between rows, its header row repeated).
  return [{ ...heading(INCIDENTS_SECTION, 2), pageBreak: 'before' }, note, first!, ...rest];
}

// ─────────────────────────────────────────────────────────────────────── sections

function mark(providerId: string, row: { best: readonly string[]; worst: readonly string[] }): DocNodeObject | null {
  if (row.best.includes(providerId)) return { text: BEST_MARK, bold: true, color: BEST_COLOUR };
  if (row.worst.includes(providerId)) return { text: WORST_MARK, bold: true, color: WORST_COLOUR };
  return null;
}

/** Cells with no answer to show ("Not answered", "Not asked", "Not shown", and "Not applicable"): muted italics, the words carry the meaning. */
const QUIET_STATUSES: ReadonlySet<CompareCell['status']> = new Set(['unanswered', 'not_asked', 'hidden', 'no_review']);

function answerCell(cell: CompareCell, row: CompareQuestionRow): Cell {
  const stack: DocNode[] = [];
  const m = mark(cell.providerId, row);
  if (m) stack.push(m);
  const quiet = QUIET_STATUSES.has(cell.status) || (cell.status === 'na' && cell.label === 'Not applicable');
  stack.push(quiet ? { text: plain(cell.label), color: COLOURS.muted, italics: true } : { text: plain(cell.label) });
  if (cell.pointsLost !== null && cell.pointsLost > 0) {
    stack.push({ text: `${formatPoints(cell.pointsLost)} points lost`, style: ['small', 'muted'] });
  }
  if (cell.knockout) {
    stack.push({
      text: `Knock-out: ${labelOf(TIER_LABELS, cell.knockout)}`,
      style: 'small',
      bold: true,
      color: TIER_COLOURS[cell.knockout] ?? COLOURS.text,
    });
  }
  return stack;
}

/** "covers 7 of 8 questions": what a section score rests on. */
function coversText(answered: number, total: number): DocNodeObject {
  return { text: `covers ${answered} of ${total} question${total === 1 ? '' : 's'}`, style: ['small', 'muted'] };
}

/**
 * The section score, its mark and what it rests on. A section answered too little to compare
 * (see SECTION_COMPARABLE_SHARE) gets the words instead of a score, so nobody reads a 100.0 that
 * rests on one answer as better than a complete 98.5.
 */
function sectionScoreCell(cell: CompareSectionCell, section: CompareSectionRow, column: CompareColumn): Cell {
  if (column.noReview !== null) return { text: NO_REVIEW_CELL, color: COLOURS.muted };
  if (!cell.covers.asked) return { text: 'Not asked', color: COLOURS.muted, italics: true };
  const { answered, total } = cell.covers;
  if (cell.reviewTooLittleAnswered) {
    // The section may be answered in full: what keeps it out of the marks is the review as a whole.
    const review = column.completion === null ? '' : `; the review ${completionPercent(column.completion)}% answered`;
    return [
      { text: TOO_LITTLE_ANSWERED, color: COLOURS.muted, italics: true },
      { text: `covers ${answered} of ${total} question${total === 1 ? '' : 's'}${review}`, style: ['small', 'muted'] },
    ];
  }
  if (cell.tooLittleAnswered) return [{ text: TOO_LITTLE_ANSWERED, color: COLOURS.muted, italics: true }, coversText(answered, total)];
  const stack: DocNode[] = [];
  const m = mark(cell.providerId, section);
  if (m) stack.push(m);
  stack.push(cell.score === null ? { text: formatScore(null), color: COLOURS.muted } : { text: formatScore(cell.score), bold: true });
  if (answered < total) stack.push(coversText(answered, total));
  return stack;
}

/**
 * A section table's layout: DATA_TABLE_LAYOUT under a first header row that holds the section
 * title and looks like a heading (no fill, no rule above it).
 */
const SECTION_TABLE_LAYOUT = {
  ...DATA_TABLE_LAYOUT,
  hLineWidth: (i: number, node: TableNode) => (i === 0 ? 0 : i === 1 ? 0.5 : DATA_TABLE_LAYOUT.hLineWidth(i, node)),
  fillColor: (rowIndex: number, node: TableNode) => (rowIndex === 0 ? null : DATA_TABLE_LAYOUT.fillColor(rowIndex, node)),
} as const;

interface TableNode {
  table: { body: unknown[]; headerRows?: number };
}

/**
 * One section (for one band of providers) as one table. The section title is the first header
 * row, so it repeats on every page the table runs over and can never be left alone at the bottom
 * of a page: pdfmake keeps the header rows with the first body rows (the section score and the
 * first question). The column heads (provider names) repeat with it.
 */
function sectionTable(section: CompareSectionRow, band: Band): DocNodeObject {
  const inBand = <T>(cells: readonly T[]): T[] => cells.slice(band.start, band.end);
  const rows: Cell[][] = [
    [{ text: 'Section score', bold: true }, ...inBand(section.cells).map((cell, i) => sectionScoreCell(cell, section, band.columns[i]!))],
    ...section.questions.map((q): Cell[] => [plain(q.text), ...inBand(q.cells).map((cell) => answerCell(cell, q))]),
  ];
  const base = dataTable(['Question', ...band.heads], rows, band.widths);
  const table = base.table as { body: unknown[][]; dontBreakRows: boolean };
  const title = {
    text: band.range
      ? [plain(section.title), { text: `  providers ${band.range}`, style: ['small', 'muted'], bold: false }]
      : plain(section.title),
    style: 'h2',
    // The cell's padding and the heading's own margin, taken back so the title sits where a heading would.
    margin: [-DATA_TABLE_LAYOUT.paddingLeft(), 4, 0, 2],
    colSpan: band.columns.length + 1,
  };
  return {
    ...base,
    table: {
      ...table,
      headerRows: 2,
      // The section score row is always short; the first question only when rows are kept whole.
      keepWithHeaderRows: table.dontBreakRows ? Math.min(2, rows.length) : 1,
      body: [[title, ...band.columns.map(() => '')], ...table.body],
    },
    layout: SECTION_TABLE_LAYOUT,
  };
}

/** Whether a block may be kept whole on a landscape page (see KEEP_SECTION_MAX_HEIGHT). */
function fitsWell(nodes: DocNode[]): boolean {
  return estimateHeight(nodes, LANDSCAPE_CONTENT_WIDTH) <= KEEP_SECTION_MAX_HEIGHT;
}

/** A section kept whole on one page when it fits well. */
function sectionBlock(section: CompareSectionRow, band: Band): DocNodeObject {
  const table = sectionTable(section, band);
  return fitsWell([table]) ? { stack: [table], unbreakable: true } : table;
}

/**
 * The sections to print. With differencesOnly: the question rows that differ, in the sections
 * where anything differs (a section whose scores differ stays, even if no answer does).
 */
function shownSections(comparison: Comparison, differencesOnly: boolean): { shown: CompareSectionRow[]; alike: CompareSectionRow[] } {
  if (!differencesOnly) return { shown: comparison.sections, alike: [] };
  const shown: CompareSectionRow[] = [];
  const alike: CompareSectionRow[] = [];
  for (const section of comparison.sections) {
    if (section.differs) shown.push({ ...section, questions: section.questions.filter((q) => q.differs) });
    else alike.push(section);
  }
  return { shown, alike };
}

// ─────────────────────────────────────────────────────────────────────── the document

/**
 * The title, and the providers in a subtitle unless a name had to be shortened: the legend names
 * them in full then (six 200-character names would fill page 1 at the subtitle's size).
 */
function titleBlock(heads: readonly ProviderHead[], shortened: boolean): DocNode[] {
  const title = heading('Provider comparison', 1);
  if (shortened) return [title];
  return [title, { text: listOf(heads.map((h) => isolate(h.name))), style: 'coverSubtitle', margin: [0, 0, 0, 8] }];
}

/** Which review each column rests on, as of the report date. */
function basisBlock(columns: readonly CompareColumn[], options: ComparisonReportOptions): DocNode[] {
  if (!options.basis) return [];
  const date = dateOnly(options.generatedAt) ?? options.generatedAt;
  const organisation = plain(options.organisation ?? '').trim();
  const from: DocNode[] = organisation ? [paragraph(`Organisation: ${organisation}. As of ${date}.`, ['small', 'muted'])] : [];
  const lead = options.draft
    ? `DRAFT: each column shows the provider's review in progress on ${date} where it has one (not a decision), else its latest decided review; each column's basis follows.`
    : `Each column shows the provider's latest review decided on or before ${date}, with the answers and score frozen at that decision.`;
  const lines = columns.map((c) => `${isolate(oneLineText(c.name))}: ${options.basis![c.id] ?? 'not recorded'}.`);
  return [...from, { text: lead, bold: options.draft === true, style: 'small', margin: [0, 0, 0, 2] }, paragraph(lines.join(' '), ['small', 'muted'])];
}

/** The legend of numbered column heads, after the summary: page 1 shows the summary first. */
function legendBlock(heads: readonly ProviderHead[], numbered: boolean): DocNode[] {
  if (!numbered) return [];
  return keepWithNext(heading('Providers compared', 2), [providerLegend(heads)], { width: LANDSCAPE_CONTENT_WIDTH });
}

/** The summary heading kept with the first band's table when it fits; later bands follow. */
function summaryBlocks(bands: readonly Band[], options: ComparisonReportOptions): DocNode[] {
  const asOf = dateOnly(options.generatedAt) ?? options.generatedAt;
  const profileRow = someProfileChanged(bands.flatMap((b) => b.columns), asOf);
  const [first, ...rest] = bands.map((band) => summaryTable(band, options, profileRow));
  const summary: DocNode[] = [heading('Summary', 2), first!];
  return [
    ...(fitsWell(summary) ? keepWithNext(summary[0] as DocNodeObject, summary.slice(1), { width: LANDSCAPE_CONTENT_WIDTH }) : summary),
    ...rest,
  ];
}

const SHARE_PERCENT = Math.round(SECTION_COMPARABLE_SHARE * 100);

/** The comparison as a pdfmake document definition (A4, landscape). */
export function buildComparisonReport(comparison: Comparison, options: ComparisonReportOptions): DocDefinition {
  const { columns } = comparison;
  const names = columns.map(providerName);
  const plan = planColumnBands(columns.length);
  const { heads, numbered, shortened } = providerHeads(columns, plan);
  const bands = bandsOf(columns, plan, heads);
  const { shown, alike } = shownSections(comparison, options.differencesOnly);
  const questionCount = comparison.sections.reduce((n, s) => n + s.questions.length, 0);
  const shownCount = shown.reduce((n, s) => n + s.questions.length, 0);

  const content: DocNode[] = titleBlock(heads, shortened);
  content.push(...basisBlock(columns, options));
  if (options.differencesOnly) {
    content.push({ text: DIFFERENCES_ONLY_NOTE, bold: true, margin: [0, 0, 0, 4] });
    content.push(
      paragraph(
        // Given a comparison filtered already (filterComparison), the total is not known: no "of".
        `${shownCount} question${shownCount === 1 ? ' differs' : 's differ'}` +
          (questionCount > shownCount ? ` (of ${questionCount} compared).` : '.') +
          (alike.length > 0
            ? ` Left out, because every provider answered alike: ${alike.map((s) => oneLineText(s.title)).join(', ')}.`
            : ''),
        ['small', 'muted'],
      ),
    );
  }
  const asOf = dateOnly(options.generatedAt) ?? options.generatedAt;
  const rate = options.today ? dayRateNote(comparison.dayRate ?? null, asOf, options.today) : null;
  content.push(
    ...summaryBlocks(bands, options),
    // Settings keep one day rate: a comparison dated before today prices buy-or-build at today's.
    ...(rate ? [{ text: rate, style: 'small', bold: true, margin: [0, 0, 0, 4] } as DocNodeObject] : []),
    paragraph(
      `Scores are out of 100 and count only answered questions; a provisional score rests on an incomplete review. ` +
        `In the tables below, "${BEST_MARK}" and "${WORST_MARK}" mark the highest and lowest scoring answer ` +
        `(or section score) among the providers; ties share the mark. A section score is compared only when at least ` +
        `${SHARE_PERCENT}% of the section's questions are answered and at least ${SHARE_PERCENT}% of the provider's whole ` +
        `review is (the bar a review needs for a tier); otherwise it reads "${TOO_LITTLE_ANSWERED}" and is ` +
        `never marked. Points lost are points of the overall score that an answer cost. A knock-out forces the ` +
        `provider's tier to at least the tier named, whatever the score. A column without a review shows ` +
        `"${NO_REVIEW_CELL}" in every cell; its State says why.`,
      ['small', 'muted'],
    ),
    ...legendBlock(heads, numbered),
    ...maintenanceBlocks(bands, comparison.maintenance),
    ...incidentBlocks(bands, comparison.incidents),
    ...upstreamBlocks(comparison.upstreams),
  );

  if (shown.length === 0) {
    content.push(paragraph(options.differencesOnly ? 'The providers gave the same answers to every question.' : 'There are no questions to compare.'));
  }
  // Over several bands, each section is printed once per band, one after the other, so the
  // providers of a section stay on neighbouring pages.
  const blocks = shown.flatMap((section) => bands.map((band) => sectionBlock(section, band)));
  blocks.forEach((block, i) => {
    // The sections start on a page of their own: page 1 is the overview to decide on.
    content.push(i === 0 ? { ...block, pageBreak: 'before' } : block);
  });

  const title = `Provider comparison${options.differencesOnly ? ' (differences only)' : ''}`;
  return reportDocument({
    title: `Provider comparison: ${names.join(', ')}`,
    content,
    // Shortened names would not fit the header either: it counts the providers instead.
    header: runningHeader(title, shortened ? `${names.length} providers` : names.map(isolate).join(', '), {
      skipFirstPage: true,
      margins: LANDSCAPE_MARGINS,
    }),
    footer: pageFooter(options.generatedAt, { margins: LANDSCAPE_MARGINS, organisation: options.organisation, draft: options.draft }),
    orientation: 'landscape',
  });
}
