// The slice of pdfmake 0.3's document definition that the report layouts use, typed here so that
// shared/ stays free of pdfmake (the runtime in electron/core/reports renders these objects).
// Everything is plain data except the header, footer and pageBreakBefore callbacks and the table
// layout callbacks, which pdfmake calls while laying out.

/** Any node of a document: a plain string, a node object, or a list of nodes (a stack). */
export type DocNode = string | DocNodeObject | DocNode[];

/** A node object: `{ text }`, `{ stack }`, `{ table }`, `{ svg }`, `{ toc }`, `{ canvas }`, … */
export type DocNodeObject = { [key: string]: unknown };

/** A style: font, fontSize, bold, color, margin, … */
export type DocStyle = { [key: string]: unknown };

/** [left, top, right, bottom] in points. */
export type Margins = [number, number, number, number];

export interface PageSize {
  width: number;
  height: number;
  orientation?: 'portrait' | 'landscape';
}

/** pdfmake calls header and footer once per page, after layout, with the final page count. */
export type DynamicContent = (currentPage: number, pageCount: number, pageSize: PageSize) => DocNode | null;

/** Where a node starts (pdfmake's DocumentContext.getCurrentPosition). */
export interface NodePosition {
  pageNumber: number;
  pageOrientation?: string;
  pageInnerHeight?: number;
  pageInnerWidth?: number;
  left?: number;
  top: number;
  /** 0 at the top margin, 1 at the bottom margin. */
  verticalRatio: number;
  horizontalRatio?: number;
}

/** What pdfmake tells pageBreakBefore about a laid-out node. */
export interface NodeInfo {
  id?: string;
  text?: unknown;
  headlineLevel?: number;
  style?: unknown;
  pageBreak?: string;
  startPosition?: NodePosition;
  pageNumbers?: number[];
  pages?: number;
  stack?: boolean;
  [key: string]: unknown;
}

/** pdfmake 0.3 passes these lazy getters as the second argument of pageBreakBefore. */
export interface PageBreakHelpers {
  getFollowingNodesOnPage(): NodeInfo[];
  getNodesOnNextPage(): NodeInfo[];
  getPreviousNodesOnPage(): NodeInfo[];
}

/**
 * pdfmake 0.3: `(currentNode, { getFollowingNodesOnPage, getNodesOnNextPage, getPreviousNodesOnPage })`.
 * pdfmake 0.1/0.2 passed the lists themselves: `(currentNode, followingNodesOnPage, nodesOnNextPage,
 * previousNodesOnPage)`. Our function accepts both.
 */
export type PageBreakBefore = (
  currentNode: NodeInfo,
  following: PageBreakHelpers | readonly NodeInfo[],
  nodesOnNextPage?: readonly NodeInfo[],
  previousNodesOnPage?: readonly NodeInfo[],
) => boolean;

/** The document definition handed to the runtime. The runtime adds author, dates and the like to `info`. */
export interface DocDefinition {
  pageSize: 'A4';
  pageOrientation: 'portrait' | 'landscape';
  pageMargins: Margins;
  content: DocNode[];
  styles: Record<string, DocStyle>;
  defaultStyle: DocStyle;
  header: DynamicContent;
  footer: DynamicContent;
  pageBreakBefore: PageBreakBefore;
  info: { title: string; subject?: string };
}
