// Building blocks shared by every report layout: styles, running header and footer, tables,
// the tier badge, the section chart, the table of contents, page-break rules and safe links.
// Pure: no pdfmake, no Node, no DOM, no clock. The same input always gives the same objects.
//
// Plain text everywhere: user strings only ever go into a `text` property (which pdfmake never
// interprets as markup), pass through plain() first, and never become an image source, a file
// path, an svg, a style name or a link target (links go through safeLink()).
//
// Table of contents. pdfmake knows the page count only after layout, and laying out twice would
// tie the layout to the runtime. So the caller estimates the length from what it is about to
// print (questions, characters of free text) and includes tableOfContents() when the estimate is
// over TOC_MIN_PAGES (shouldIncludeToc). The estimate errs towards a TOC: a contents list on a
// four-page report costs little, a missing one on a twenty-page report costs the reader.
import { completionPercent, formatAmount, scoreText } from '../format';
import { sectionBarsSvg } from '../charts/section-bars';
import type { Tier } from '../domain/tier';
import type { SectionScore } from '../scoring/types';
import { TIER_LABELS, labelOf } from '../domain/labels';
import type {
  DocDefinition,
  DocNode,
  DocNodeObject,
  DocStyle,
  DynamicContent,
  Margins,
  NodeInfo,
  PageBreakBefore,
  PageBreakHelpers,
} from './types';

/** The font family every report uses; the runtime registers it (normal, bold, italics, bolditalics). */
export const REPORT_FONT = 'NotoSans';

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Margins leave room for the running header (top) and the footer (bottom). */
export const PORTRAIT_MARGINS: Margins = [50, 64, 50, 56];
export const LANDSCAPE_MARGINS: Margins = [44, 60, 44, 52];

export const COLOURS = {
  text: '#1f2933',
  muted: '#5f6b78',
  rule: '#d5dae1',
  strongRule: '#8a96a3',
  headerFill: '#eef1f5',
  zebra: '#f7f8fa',
  link: '#1d4ed8',
} as const;

/** Tier colours, dark enough to read as text on white. The tier is always written out too. */
export const TIER_COLOURS: Readonly<Record<Tier, string>> = {
  low: '#2f6e46',
  medium: '#8a5a00',
  high: '#b4451f',
  critical: '#a4161a',
};

export const BASE_FONT_SIZE = 9.5;

export function reportStyles(): Record<string, DocStyle> {
  return {
    coverKicker: { fontSize: 11, color: COLOURS.muted, margin: [0, 120, 0, 6] },
    coverTitle: { fontSize: 28, bold: true, margin: [0, 0, 0, 6] },
    coverSubtitle: { fontSize: 14, color: COLOURS.muted, margin: [0, 0, 0, 28] },
    h1: { fontSize: 17, bold: true, margin: [0, 14, 0, 8] },
    h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 5] },
    h3: { fontSize: 10.5, bold: true, margin: [0, 9, 0, 4] },
    paragraph: { margin: [0, 0, 0, 6] },
    small: { fontSize: 8.5 },
    muted: { color: COLOURS.muted },
    label: { color: COLOURS.muted },
    tableHeader: { bold: true, fontSize: 8.5, color: COLOURS.text },
    tableCell: { fontSize: 8.5 },
    questionText: { bold: true, margin: [0, 0, 0, 2] },
    runningHeader: { fontSize: 8, color: COLOURS.muted },
    runningFooter: { fontSize: 8, color: COLOURS.muted },
    tocTitle: { fontSize: 17, bold: true, margin: [0, 0, 0, 10] },
    tocEntry: { fontSize: 10, margin: [0, 2, 0, 2] },
    tocSubEntry: { fontSize: 9.5, color: COLOURS.text, margin: [14, 1, 0, 1] },
  };
}

export function defaultStyle(): DocStyle {
  return { font: REPORT_FONT, fontSize: BASE_FONT_SIZE, lineHeight: 1.2, color: COLOURS.text };
}

// ─────────────────────────────────────────────────────────────────────── text and formatting

/**
 * User text as it may be printed: line endings normalised to \n, tabs kept, other control
 * characters (which no font can show and which break text extraction), bidi embeddings and
 * overrides, and U+FFFE/U+FFFF dropped.
 */
export function plain(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  const normalised = String(text).replace(/\r\n?/g, '\n');
  let out = '';
  for (const ch of normalised) {
    const code = ch.codePointAt(0)!;
    const control = (code < 0x20 && code !== 0x0a && code !== 0x09) || (code >= 0x7f && code <= 0x9f);
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    // Bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO): the report resolves bidi levels now,
    // and an override typed into a name would reverse the text printed after it (another provider's
    // name in the same line). The reports set direction themselves (isolates around names).
    const override = code >= 0x202a && code <= 0x202e;
    if (control || surrogate || override || code === 0xfffe || code === 0xffff) continue;
    out += ch;
  }
  return breakLongTokens(out);
}

/**
 * A token longer than a line (a pasted key, a URL, "AAAA…") leaves the layout engine no place to
 * break, and pdfmake then measures it character by character: 20,000 such characters took seconds.
 * A zero-width space every 40 characters gives it break opportunities and changes nothing visible.
 */
function breakLongTokens(text: string): string {
  return text.replace(/\S{60,}/gu, (token) => (token.match(/\S{1,40}/gu) ?? [token]).join('\u200B'));
}

/** Shortens to `max` code points with an ellipsis, on one line. */
export function oneLine(text: string, max: number): string {
  const chars = Array.from(plain(text).replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

/** The YYYY-MM-DD of an ISO date or timestamp (as stored: UTC), or null. No clock, no time zone. */
export function dateOnly(iso: string | null | undefined): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(iso ?? '');
  return match ? match[1]! : null;
}

/** A score for display: one decimal, or "not scored". */
export { completionPercent };

export function formatScore(score: number | null | undefined): string {
  return scoreText(score, 'not scored');
}

/** Points lost, one decimal; tiny losses read "less than 0.1". */
export function formatPoints(points: number): string {
  if (!Number.isFinite(points) || points <= 0) return '0';
  return points >= 0.05 ? points.toFixed(1) : 'less than 0.1';
}


/** Amounts print the same on every machine: one function for the app, the CSVs and the reports. */
export { formatAmount };

// ─────────────────────────────────────────────────────────────────────── text nodes

export type HeadingLevel = 1 | 2 | 3;

/**
 * A heading: `headlineLevel` lets avoidLoneHeadings find it; with `toc` it is listed in the
 * table of contents (levels 1 and 2 only).
 */
export function heading(
  text: string,
  level: HeadingLevel,
  options: { toc?: boolean; pageBreakBefore?: boolean } = {},
): DocNodeObject {
  const node: DocNodeObject = { text: plain(text), style: `h${level}`, headlineLevel: level };
  if (options.pageBreakBefore) node.pageBreak = 'before';
  if (options.toc && level <= 2) {
    node.tocItem = true;
    node.tocStyle = level === 1 ? 'tocEntry' : 'tocSubEntry';
    if (level === 2) node.tocMargin = [14, 1, 0, 1];
  }
  return node;
}

/** A paragraph of plain text. */
export function paragraph(text: string, style: string | string[] = 'paragraph'): DocNodeObject {
  return { text: plain(text), style };
}

/** "Label: value" on one line, the label muted; one run each so text extracts cleanly. */
export function labelled(label: string, value: string | DocNodeObject): DocNodeObject {
  const valueNode = typeof value === 'string' ? { text: plain(value) } : value;
  return { text: [{ text: `${label}: `, style: 'label' }, valueNode] };
}

// ─────────────────────────────────────────────────────────────────────── header and footer

/**
 * The running header: report title at the left, the provider or context at the right, a thin
 * rule below. Not on the first page when that page is a cover.
 */
export function runningHeader(
  title: string,
  context: string,
  options: { skipFirstPage: boolean; margins?: Margins } = { skipFirstPage: true },
): DynamicContent {
  const [left, , right] = options.margins ?? PORTRAIT_MARGINS;
  const titleText = oneLine(title, 90);
  const contextText = oneLine(context, 80);
  return (currentPage, _pageCount, pageSize) => {
    if (options.skipFirstPage && currentPage === 1) return null;
    const width = (pageSize?.width ?? A4.width) - left - right;
    // Every node carries the style: avoidLoneHeadings recognises header and footer nodes by it.
    return {
      style: 'runningHeader',
      margin: [left, 26, right, 0],
      stack: [
        {
          style: 'runningHeader',
          columns: [
            { text: titleText, style: 'runningHeader', width: '*' },
            { text: contextText, style: 'runningHeader', alignment: 'right', width: '*' },
          ],
        },
        {
          style: 'runningHeader',
          canvas: [{ type: 'line', x1: 0, y1: 4, x2: width, y2: 4, lineWidth: 0.5, lineColor: COLOURS.rule }],
        },
      ],
    };
  };
}

/** The text of the footer's right half. */
export function pageLabel(currentPage: number, pageCount: number): string {
  return `Page ${currentPage} of ${pageCount}`;
}

/** "Organisation · As of YYYY-MM-DD · Vetted" at the left, "Page X of Y" at the right, on every page. */
export interface FooterOptions {
  margins?: Margins;
  /** The organisation the document is from, named on every page. */
  organisation?: string;
  /** A draft (not a decided review): every page says so. */
  draft?: boolean;
}

/**
 * "Example Ltd · As of 2026-11-26 · Vetted" and the page number, on every page. The date is the one
 * the document speaks for (what the register held that day), never the moment it was rendered.
 */
export function pageFooter(asOf: string, options: FooterOptions = {}): DynamicContent {
  const [left, , right] = options.margins ?? PORTRAIT_MARGINS;
  const date = dateOnly(asOf);
  const organisation = oneLine(options.organisation ?? '', 80);
  const words = [organisation, date ? `As of ${date}` : '', 'Vetted'].filter(Boolean).join(' · ');
  const stamp: DocNode = options.draft ? [{ text: 'DRAFT: not a decided review · ', bold: true, color: TIER_COLOURS.critical }, words] : words;
  return (currentPage, pageCount) => ({
    style: 'runningFooter',
    margin: [left, 20, right, 0],
    columns: [
      { text: stamp, style: 'runningFooter', width: '*' },
      // Never broken over two lines, however long the organisation's name on the left (it wraps instead).
      { text: pageLabel(currentPage, pageCount), style: 'runningFooter', alignment: 'right', width: 'auto', noWrap: true },
    ],
  });
}

// ─────────────────────────────────────────────────────────────────────── tables

/** A table cell: plain text, or a node built by these helpers. */
export type Cell = string | DocNodeObject | DocNode[];
export type ColumnWidth = number | '*' | 'auto' | `${number}%`;

interface TableNode {
  table: { body: unknown[]; headerRows?: number };
}

/** Thin horizontal rules, a stronger one under the header row, zebra rows, no vertical lines. */
export const DATA_TABLE_LAYOUT = {
  hLineWidth: (i: number, node: TableNode) =>
    i === 0 || i === node.table.body.length ? 0.5 : i === (node.table.headerRows ?? 0) ? 0.8 : 0.3,
  vLineWidth: () => 0,
  hLineColor: (i: number, node: TableNode) => (i === (node.table.headerRows ?? 0) ? COLOURS.strongRule : COLOURS.rule),
  fillColor: (rowIndex: number, node: TableNode) =>
    rowIndex < (node.table.headerRows ?? 0) ? COLOURS.headerFill : rowIndex % 2 === 0 ? COLOURS.zebra : null,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
} as const;

/** Label/value rows separated by thin rules. */
export const KEY_VALUE_LAYOUT = {
  hLineWidth: (i: number, node: TableNode) => (i === 0 || i === node.table.body.length ? 0 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => COLOURS.rule,
  paddingLeft: (i: number) => (i === 0 ? 0 : 6),
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
} as const;

/** The width text runs in on a portrait A4 page, in points. */
export const CONTENT_WIDTH = A4.width - PORTRAIT_MARGINS[0] - PORTRAIT_MARGINS[2];

/**
 * The tallest block we ever mark unbreakable. pdfmake cannot split an unbreakable block over
 * pages: one taller than a page (about 720 points here) would be cut off. The height estimate
 * below is pessimistic and this limit leaves a wide margin on top of it.
 */
export const KEEP_TOGETHER_MAX_HEIGHT = 480;

/** Average glyph width as a share of the font size, on the wide side for Noto Sans. */
const GLYPH_WIDTH = 0.6;
const LINE_HEIGHT = 1.25;

function flattenText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (Array.isArray(text)) return text.map(flattenText).join('');
  if (text && typeof text === 'object') return flattenText((text as { text?: unknown }).text);
  return '';
}

function styleProps(style: unknown): { fontSize?: number; margin?: unknown } {
  const styles = reportStyles();
  const names = Array.isArray(style) ? style : [style];
  const out: { fontSize?: number; margin?: unknown } = {};
  for (const name of names) {
    const s = typeof name === 'string' ? styles[name] : undefined;
    if (!s) continue;
    if (typeof s.fontSize === 'number') out.fontSize = s.fontSize;
    if (s.margin !== undefined) out.margin = s.margin;
  }
  return out;
}

function verticalMargin(margin: unknown): number {
  if (typeof margin === 'number') return 2 * margin;
  if (Array.isArray(margin) && margin.length === 2) return 2 * Number(margin[1] ?? 0);
  if (Array.isArray(margin) && margin.length === 4) return Number(margin[1] ?? 0) + Number(margin[3] ?? 0);
  return 0;
}

function textHeight(text: string, width: number, fontSize: number): number {
  const charsPerLine = Math.max(4, Math.floor(width / (fontSize * GLYPH_WIDTH)));
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(Array.from(part).length / charsPerLine));
  return lines * fontSize * LINE_HEIGHT;
}

/** Column widths in points for a table `width` points wide ('*' share what is left, 'auto' counts as narrow). */
function resolveWidths(widths: readonly unknown[], width: number): number[] {
  const fixed = widths.reduce((sum: number, w) => sum + (typeof w === 'number' ? w : w === 'auto' ? 110 : 0), 0);
  const stars = widths.filter((w) => typeof w !== 'number' && w !== 'auto').length;
  const star = stars ? Math.max(40, (width - fixed) / stars) : 0;
  return widths.map((w) => (typeof w === 'number' ? w : w === 'auto' ? 110 : star));
}

const CELL_PADDING_X = 8;
const CELL_PADDING_Y = 7;

function rowHeight(row: readonly unknown[], columnWidths: readonly number[], fontSize: number): number {
  return (
    Math.max(0, ...row.map((cell, i) => estimateHeight(cell, Math.max(20, (columnWidths[i] ?? 110) - CELL_PADDING_X), fontSize))) +
    CELL_PADDING_Y
  );
}

/**
 * A pessimistic estimate of a node's height in points when laid out `width` points wide: enough
 * to decide what may be kept together on a page, never used for positioning.
 */
export function estimateHeight(node: unknown, width = CONTENT_WIDTH, fontSize = BASE_FONT_SIZE): number {
  if (typeof node === 'string') return textHeight(node, width, fontSize);
  if (Array.isArray(node)) return node.reduce((sum: number, n) => sum + estimateHeight(n, width, fontSize), 0);
  if (!node || typeof node !== 'object') return 0;
  const o = node as Record<string, unknown>;
  const style = styleProps(o.style);
  const size = typeof o.fontSize === 'number' ? o.fontSize : (style.fontSize ?? fontSize);
  const margin = verticalMargin(o.margin ?? style.margin);
  let height: number;
  if (o.stack !== undefined) {
    height = estimateHeight(o.stack, width, size);
  } else if (Array.isArray(o.columns)) {
    const share = width / Math.max(1, o.columns.length);
    height = Math.max(0, ...o.columns.map((c) => estimateHeight(c, share, size)));
  } else if (o.table && typeof o.table === 'object') {
    const table = o.table as { body?: unknown; widths?: unknown };
    const body = Array.isArray(table.body) ? (table.body as unknown[]) : [];
    const first = Array.isArray(body[0]) ? (body[0] as unknown[]) : [];
    const columnWidths = resolveWidths(Array.isArray(table.widths) ? table.widths : first.map(() => '*'), width);
    height = body.reduce((sum: number, row) => sum + (Array.isArray(row) ? rowHeight(row, columnWidths, size) : 0), 0);
  } else if (typeof o.svg === 'string') {
    const w = /\swidth="([\d.]+)"/.exec(o.svg);
    const h = /\sheight="([\d.]+)"/.exec(o.svg);
    const scale = w && typeof o.width === 'number' ? o.width / Number(w[1]) : 1;
    height = h ? Number(h[1]) * scale : KEEP_TOGETHER_MAX_HEIGHT;
  } else if (o.canvas !== undefined) {
    height = 12;
  } else if (o.text !== undefined) {
    height = textHeight(flattenText(o.text), width, size);
  } else {
    height = KEEP_TOGETHER_MAX_HEIGHT; // something we cannot measure (a table of contents, …): never keep it together
  }
  return height + margin;
}

/**
 * Whether every row is short enough to keep on one page (see KEEP_TOGETHER_MAX_HEIGHT). Long
 * rows (free text) must be allowed to break, or pdfmake would cut them off.
 */
export function rowsFitOnAPage(
  rows: readonly (readonly unknown[])[],
  widths: readonly ColumnWidth[],
  fontSize = 8.5,
  width = CONTENT_WIDTH,
): boolean {
  const columnWidths = resolveWidths(widths, width);
  return rows.every((row) => rowHeight(row, columnWidths, fontSize) <= KEEP_TOGETHER_MAX_HEIGHT);
}

function cellNode(cell: Cell, style?: string): DocNode {
  const styled = style ? { style } : {};
  if (typeof cell === 'string') return { text: plain(cell), ...styled };
  if (Array.isArray(cell)) return { stack: cell, ...styled };
  return { ...styled, ...cell };
}

/**
 * A table with a header row repeated on every page, thin rules and zebra rows. Rows are kept
 * whole (dontBreakRows) and the header stays with the first row (keepWithHeaderRows), unless a
 * row is too long to fit on a page (see rowsFitOnAPage).
 */
export function dataTable(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  widths: readonly ColumnWidth[],
  options: { fontSize?: number; margin?: Margins } = {},
): DocNodeObject {
  const fontSize = options.fontSize ?? 8.5;
  const keepRows = rowsFitOnAPage(rows, widths, fontSize);
  return {
    table: {
      headerRows: 1,
      // The header row never stands alone at a page bottom: it moves with the first row.
      ...(keepRows && rows.length > 0 ? { keepWithHeaderRows: 1 } : {}),
      dontBreakRows: keepRows,
      widths: [...widths],
      body: [
        headers.map((h) => ({ text: plain(h), style: 'tableHeader' })),
        ...rows.map((row) => row.map((cell) => cellNode(cell, 'tableCell'))),
      ],
    },
    layout: DATA_TABLE_LAYOUT,
    fontSize,
    margin: options.margin ?? [0, 2, 0, 10],
  };
}

/** Label/value pairs as a two-column table: labels muted at the left. */
export function keyValueTable(
  rows: ReadonlyArray<readonly [string, Cell]>,
  options: { labelWidth?: number; margin?: Margins } = {},
): DocNodeObject {
  const widths: ColumnWidth[] = [options.labelWidth ?? 140, '*'];
  const body = rows.map(([label, value]) => [{ text: plain(label), style: 'label' }, cellNode(value)]);
  return {
    table: {
      dontBreakRows: rowsFitOnAPage(body, widths, BASE_FONT_SIZE),
      widths,
      body,
    },
    layout: KEY_VALUE_LAYOUT,
    margin: options.margin ?? [0, 2, 0, 10],
  };
}

/**
 * Keeps a short group together on one page; a long one (free text can run to pages) may break,
 * because pdfmake would cut an unbreakable block that is taller than a page.
 */
export function keepTogether(stack: DocNode[], options: { margin?: Margins; width?: number } = {}): DocNodeObject {
  const node: DocNodeObject = { stack };
  if (estimateHeight(stack, options.width ?? CONTENT_WIDTH) <= KEEP_TOGETHER_MAX_HEIGHT) node.unbreakable = true;
  if (options.margin) node.margin = options.margin;
  return node;
}

/**
 * A heading kept on the same page as the start of what follows it: heading and `next` go into
 * one unbreakable block when they fit on a page. That is the dependable way to avoid a lone
 * heading, because it does not rely on where pdfmake reports nodes to be (see avoidLoneHeadings).
 * The grouped heading loses its headlineLevel, so avoidLoneHeadings leaves it alone; when the
 * group would be too tall, heading and content stay separate and avoidLoneHeadings is the fallback.
 */
export function keepWithNext(headingNode: DocNodeObject, next: DocNode[], options: { width?: number } = {}): DocNode[] {
  const group: DocNode[] = [headingNode, ...next];
  if (next.length === 0 || estimateHeight(group, options.width ?? CONTENT_WIDTH) > KEEP_TOGETHER_MAX_HEIGHT) return group;
  const { headlineLevel: _level, pageBreak, ...kept } = headingNode;
  return [{ stack: [kept, ...next], unbreakable: true, ...(pageBreak === undefined ? {} : { pageBreak }) }];
}

// ─────────────────────────────────────────────────────────────────────── tier, chart, links

/** A tier in words and in colour (colour alone never carries the meaning). */
export function tierBadge(tier: Tier | null, options: { suffix?: string; none?: string } = {}): DocNodeObject {
  if (tier === null) return { text: `${options.none ?? 'Not rated'}${options.suffix ?? ''}`, color: COLOURS.muted };
  return { text: `${labelOf(TIER_LABELS, tier)}${options.suffix ?? ''}`, color: TIER_COLOURS[tier] ?? COLOURS.text, bold: true };
}

/** Width of the section chart in points (the SVG is drawn at this size, so nothing is scaled). */
export const CHART_WIDTH = 440;

/** The app's section bar chart, as an svg node. Its text is escaped by sectionBarsSvg. */
export function sectionChart(sections: readonly SectionScore[], width = CHART_WIDTH): DocNodeObject {
  return { svg: sectionBarsSvg(sections, { width, title: 'Section scores' }), width, margin: [0, 4, 0, 8] };
}

/** The table of contents: lists headings made with `heading(…, { toc: true })`. */
export function tableOfContents(title = 'Contents'): DocNodeObject {
  return {
    toc: {
      title: { text: title, style: 'tocTitle' },
      textStyle: 'tocEntry',
      numberStyle: 'tocEntry',
    },
  };
}

/** A report longer than this many pages gets a table of contents. */
export const TOC_MIN_PAGES = 4;

export function shouldIncludeToc(estimatedPages: number): boolean {
  return estimatedPages > TOC_MIN_PAGES;
}

function isNodeList(value: PageBreakHelpers | readonly NodeInfo[]): value is readonly NodeInfo[] {
  return Array.isArray(value);
}

const isHeadingNode = (node: NodeInfo) => typeof node.headlineLevel === 'number';

/** Styles that mark the nodes of the running header and footer. */
export const REPEATED_STYLES: ReadonlySet<string> = new Set(['runningHeader', 'runningFooter']);

/**
 * pdfmake 0.3 lays out the header and footer after the content and appends their nodes to the
 * node list, so they show up among "the following nodes on the page" of every page (with a
 * meaningless position). They are not content: they must not keep a heading company.
 */
function isRepeatedNode(node: NodeInfo): boolean {
  const styles = Array.isArray(node.style) ? node.style : [node.style];
  return styles.some((s) => typeof s === 'string' && REPEATED_STYLES.has(s));
}

/**
 * pageBreakBefore: moves a heading to the next page when nothing but headings follows it on its
 * page, so no heading is left alone at a page bottom. (A chain of headings moves together: the
 * first one breaks, the rest follow.) A heading already at the top of a page, or the last thing
 * in the document, stays where it is. Header and footer nodes are ignored (isRepeatedNode).
 *
 * A limit of pdfmake 0.3: nodes laid out inside an unbreakable block (unbreakable stacks, rows
 * of dontBreakRows tables) report page 1 whatever page they land on (only nodes with an id or a
 * tocItem get their page corrected). So after a heading followed only by such nodes this rule
 * breaks even when they would have fitted (a gap, never a lone heading), and on page 1 it
 * cannot see that they moved on. The layouts therefore keep headings with what follows them by
 * construction (keepWithNext) and leave this rule as the fallback for content too tall to group.
 */
export const avoidLoneHeadings: PageBreakBefore = (currentNode, following, nodesOnNextPage) => {
  if (!isHeadingNode(currentNode) || currentNode.pageBreak === 'before' || isRepeatedNode(currentNode)) return false;
  if (currentNode.startPosition && currentNode.startPosition.verticalRatio <= 0.001) return false;
  const followingOnPage = (isNodeList(following) ? following : following.getFollowingNodesOnPage()).filter(
    (n) => !isRepeatedNode(n),
  );
  const onNextPage = (isNodeList(following) ? nodesOnNextPage : following.getNodesOnNextPage())?.filter(
    (n) => !isRepeatedNode(n),
  );
  if (onNextPage !== undefined && onNextPage.length === 0) return false;
  return followingOnPage.every(isHeadingNode);
};

const HTTP_LINK = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:[/?#][^\s"<>\\]*)?$/i;
const MAILTO_LINK = /^mailto:[^\s"<>\\@/:]+@[A-Za-z0-9.-]+(?:\?[^\s"<>\\]*)?$/i;

/**
 * The address when it may become a link target: http(s) with a plain host (no user:password@),
 * or mailto. Anything else (javascript:, file:, data:, relative paths, …) gives null and is shown
 * as plain text.
 */
export function safeLink(url: string | null | undefined): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (trimmed.length === 0 || trimmed.length > 2000 || plain(trimmed) !== trimmed) return null;
  return HTTP_LINK.test(trimmed) || MAILTO_LINK.test(trimmed) ? trimmed : null;
}

/** An address as text: a link when safeLink allows it, plain text otherwise. */
export function linkText(url: string): DocNodeObject {
  const target = safeLink(url);
  if (target === null) return { text: plain(url) };
  return { text: target, link: target, color: COLOURS.link, decoration: 'underline' };
}

/** Blank lines to sign on, each with its label underneath ("Approved by", "Date"). */
export function signatureLines(labels: readonly string[], lineWidth = 200): DocNodeObject {
  return {
    columns: labels.map((label) => ({
      width: lineWidth,
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: lineWidth - 20, y2: 0, lineWidth: 0.7, lineColor: COLOURS.text }] },
        { text: plain(label), style: 'label', margin: [0, 3, 0, 0] },
      ],
    })),
    columnGap: 30,
    margin: [0, 44, 0, 0],
  };
}

// ─────────────────────────────────────────────────────────────────────── the document

function copyMargins([left, top, right, bottom]: Margins): Margins {
  return [left, top, right, bottom];
}

/** A report document with the shared styles, header, footer and page-break rule. */
export function reportDocument(options: {
  title: string;
  subject?: string;
  content: DocNode[];
  header: DynamicContent;
  footer: DynamicContent;
  orientation?: 'portrait' | 'landscape';
}): DocDefinition {
  const orientation = options.orientation ?? 'portrait';
  const info: DocDefinition['info'] = { title: plain(options.title) };
  if (options.subject !== undefined) info.subject = plain(options.subject);
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: copyMargins(orientation === 'landscape' ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS),
    content: options.content,
    styles: reportStyles(),
    defaultStyle: defaultStyle(),
    header: options.header,
    footer: options.footer,
    pageBreakBefore: avoidLoneHeadings,
    info,
  };
}
