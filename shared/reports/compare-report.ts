// "Export comparison PDF": 2–6 providers side by side, for whoever decides between them. A4
// landscape. First a summary table (one column per provider: category, overall score, tier,
// completion, knock-outs, cost, template), then one table per section: a "Section score" row and
// one row per question, each provider's answer in its column, with the points it lost and any
// knock-out. The best and worst answers of a row are marked with a sign and a word as well as a
// colour ("+ best", "– worst"), so the marks survive a grey-scale print. Pure, like every layout:
// it prints the comparison it is given (shared/compare) and never rescores anything.
//
// The marks use "+" (U+002B) and "–" (U+2013): the bundled Noto Sans has no arrows, triangles or
// check marks, and a glyph taken from a fallback font would be missing on a machine without one.
import type { CompareCell, CompareColumn, CompareQuestionRow, CompareSectionCell, CompareSectionRow, Comparison } from '../compare';
import { BUILT_IN_TEMPLATES } from '../templates';
import {
  A4,
  COLOURS,
  DATA_TABLE_LAYOUT,
  LANDSCAPE_MARGINS,
  TIER_COLOURS,
  completionPercent,
  dataTable,
  estimateHeight,
  formatAmount,
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
import type { Cell, ColumnWidth } from './blocks';
import { CATEGORY_LABELS, TIER_LABELS, labelOf } from '../domain/labels';
import type { DocDefinition, DocNode, DocNodeObject } from './types';

export interface ComparisonReportOptions {
  /** YYYY-MM-DD (or an ISO timestamp), printed in the footer. Never read from a clock. */
  generatedAt: string;
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
}

/** The note printed when only differences are shown. */
export const DIFFERENCES_ONLY_NOTE = 'Only questions where the providers differ are shown.';

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

/** The question column, then the providers sharing the rest equally. */
const FIRST_COLUMN: ColumnWidth = '28%';

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

function widths(columns: readonly CompareColumn[]): ColumnWidth[] {
  return [FIRST_COLUMN, ...columns.map((): ColumnWidth => '*')];
}

// ─────────────────────────────────────────────────────────────────────── summary

const BUILT_IN_NAMES: ReadonlyMap<string, string> = new Map(BUILT_IN_TEMPLATES.map((t) => [t.id, t.name]));

function templateText(column: CompareColumn, names: Readonly<Record<string, string>> | undefined): string {
  if (!column.template) return 'No review';
  const { id, version } = column.template;
  const given = names && Object.prototype.hasOwnProperty.call(names, id) ? names[id] : undefined;
  const name = oneLineText(given ?? BUILT_IN_NAMES.get(id) ?? '') || oneLineText(id);
  return `${name}, version ${version}`;
}

function overallText(column: CompareColumn): Cell {
  if (column.state === 'not_started') return { text: 'not scored (no review)', color: COLOURS.muted };
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
  if (column.state === 'not_started' || column.completion === null) return 'Not started';
  const percent = `${completionPercent(column.completion)}% answered`;
  return column.state === 'incomplete' ? `Incomplete: ${percent}` : `Scored: ${percent}`;
}

function costText(column: CompareColumn): string {
  if (column.monthlyCost === null) return NOT_RECORDED;
  const currency = oneLineText(column.currency);
  return `${formatAmount(column.monthlyCost)}${currency ? ` ${currency}` : ''} per month`;
}

function summaryTable(comparison: Comparison, options: ComparisonReportOptions): DocNodeObject {
  const { columns } = comparison;
  const rows: Array<[string, (c: CompareColumn) => Cell]> = [
    ['Category', (c) => labelOf(CATEGORY_LABELS, c.category)],
    ['Overall score (of 100)', overallText],
    ['Tier', tierText],
    ['State', stateText],
    ['Knock-outs', (c) => (c.state === 'not_started' ? '—' : c.knockouts === 0 ? 'None' : String(c.knockouts))],
    ['Monthly cost', costText],
    ['Template', (c) => templateText(c, options.templateNames)],
  ];
  return dataTable(
    ['', ...columns.map(providerName)],
    rows.map(([label, value]): Cell[] => [{ text: label, style: 'label' }, ...columns.map(value)]),
    widths(columns),
  );
}

// ─────────────────────────────────────────────────────────────────────── sections

function mark(providerId: string, row: { best: readonly string[]; worst: readonly string[] }): DocNodeObject | null {
  if (row.best.includes(providerId)) return { text: BEST_MARK, bold: true, color: BEST_COLOUR };
  if (row.worst.includes(providerId)) return { text: WORST_MARK, bold: true, color: WORST_COLOUR };
  return null;
}

/** Cells with no answer to show ("Not answered", "Not asked", "Not shown", and "Not applicable"): muted italics, the words carry the meaning. */
const QUIET_STATUSES: ReadonlySet<CompareCell['status']> = new Set(['unanswered', 'not_asked', 'hidden']);

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

function sectionScoreCell(cell: CompareSectionCell, section: CompareSectionRow): Cell {
  if (!cell.covers.asked) return { text: 'Not asked', color: COLOURS.muted, italics: true };
  const stack: DocNode[] = [];
  const m = mark(cell.providerId, section);
  if (m) stack.push(m);
  stack.push(cell.score === null ? { text: formatScore(null), color: COLOURS.muted } : { text: formatScore(cell.score), bold: true });
  const { answered, total } = cell.covers;
  if (answered < total) {
    stack.push({ text: `covers ${answered} of ${total} question${total === 1 ? '' : 's'}`, style: ['small', 'muted'] });
  }
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
 * One section as one table. The section title is the first header row, so it repeats on every
 * page the table runs over and can never be left alone at the bottom of a page: pdfmake keeps
 * the header rows with the first body rows (the section score and the first question). The
 * column heads (provider names) repeat with it.
 */
function sectionTable(section: CompareSectionRow, columns: readonly CompareColumn[]): DocNodeObject {
  const rows: Cell[][] = [
    [{ text: 'Section score', bold: true }, ...section.cells.map((cell) => sectionScoreCell(cell, section))],
    ...section.questions.map((q): Cell[] => [plain(q.text), ...q.cells.map((cell) => answerCell(cell, q))]),
  ];
  const base = dataTable(['Question', ...columns.map(providerName)], rows, widths(columns));
  const table = base.table as { body: unknown[][]; dontBreakRows: boolean };
  const title = {
    text: plain(section.title),
    style: 'h2',
    // The cell's padding and the heading's own margin, taken back so the title sits where a heading would.
    margin: [-DATA_TABLE_LAYOUT.paddingLeft(), 4, 0, 2],
    colSpan: columns.length + 1,
  };
  return {
    ...base,
    table: {
      ...table,
      headerRows: 2,
      // The section score row is always short; the first question only when rows are kept whole.
      keepWithHeaderRows: table.dontBreakRows ? Math.min(2, rows.length) : 1,
      body: [[title, ...columns.map(() => '')], ...table.body],
    },
    layout: SECTION_TABLE_LAYOUT,
  };
}

/** Whether a block may be kept whole on a landscape page (see KEEP_SECTION_MAX_HEIGHT). */
function fitsWell(nodes: DocNode[]): boolean {
  return estimateHeight(nodes, LANDSCAPE_CONTENT_WIDTH) <= KEEP_SECTION_MAX_HEIGHT;
}

/** A section kept whole on one page when it fits well. */
function sectionBlock(section: CompareSectionRow, columns: readonly CompareColumn[]): DocNodeObject {
  const table = sectionTable(section, columns);
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

/** The comparison as a pdfmake document definition (A4, landscape). */
export function buildComparisonReport(comparison: Comparison, options: ComparisonReportOptions): DocDefinition {
  const { columns } = comparison;
  const names = columns.map(providerName);
  const { shown, alike } = shownSections(comparison, options.differencesOnly);
  const questionCount = comparison.sections.reduce((n, s) => n + s.questions.length, 0);
  const shownCount = shown.reduce((n, s) => n + s.questions.length, 0);

  const content: DocNode[] = [
    heading('Provider comparison', 1),
    { text: listOf(names), style: 'coverSubtitle', margin: [0, 0, 0, 8] },
  ];
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
  const summary: DocNode[] = [heading('Summary', 2), summaryTable(comparison, options)];
  content.push(
    ...(fitsWell(summary) ? keepWithNext(summary[0] as DocNodeObject, summary.slice(1), { width: LANDSCAPE_CONTENT_WIDTH }) : summary),
    paragraph(
      `Scores are out of 100 and count only answered questions; a provisional score rests on an incomplete review. ` +
        `In the tables below, "${BEST_MARK}" and "${WORST_MARK}" mark the highest and lowest scoring answer ` +
        `(or section score) among the providers; ties share the mark. Points lost are points of the overall score ` +
        `that an answer cost. A knock-out forces the provider's tier to at least the tier named, whatever the score.`,
      ['small', 'muted'],
    ),
  );

  if (shown.length === 0) {
    content.push(paragraph(options.differencesOnly ? 'The providers gave the same answers to every question.' : 'There are no questions to compare.'));
  }
  shown.forEach((section, i) => {
    const block = sectionBlock(section, columns);
    // The sections start on a page of their own: page 1 is the overview to decide on.
    content.push(i === 0 ? { ...block, pageBreak: 'before' } : block);
  });

  const title = `Provider comparison${options.differencesOnly ? ' (differences only)' : ''}`;
  return reportDocument({
    title: `Provider comparison: ${names.join(', ')}`,
    content,
    header: runningHeader(title, names.join(', '), { skipFirstPage: true, margins: LANDSCAPE_MARGINS }),
    footer: pageFooter(options.generatedAt, { margins: LANDSCAPE_MARGINS }),
    orientation: 'landscape',
  });
}
