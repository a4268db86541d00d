// The comparison grid's TanStack Table v9 setup. Rows are the sections, each with its questions as
// sub-rows (the expanding feature lists a section's questions under it when it is open); columns
// are the question text, pinned to the start, then one per provider. Filtering is done before the
// table by shared filterComparison, the same function the PDF and CSV exports use, so what is on
// screen is exactly what an export contains.
import {
  columnPinningFeature,
  columnSizingFeature,
  createExpandedRowModel,
  rowExpandingFeature,
  tableFeatures,
  type Cell,
  type Column,
  type Row,
} from '@tanstack/react-table';
import type {
  CompareCell,
  CompareColumn,
  CompareQuestionRow,
  CompareSectionCell,
  CompareSectionRow,
  Comparison,
} from '../../../../shared/compare';

export interface CompareColumnMeta {
  /** The provider of a provider column; absent on the question column. */
  provider?: CompareColumn;
  /** Its position among the providers (cells are in column order). */
  index?: number;
}

export const features = tableFeatures({
  columnSizingFeature,
  columnPinningFeature,
  rowExpandingFeature,
  expandedRowModel: createExpandedRowModel(),
  columnMeta: {} as CompareColumnMeta,
});

export type Features = typeof features;

export type CompareRow =
  | {
      kind: 'section';
      id: string;
      section: CompareSectionRow;
      subRows: CompareRow[];
      /** How many questions the section has before filtering. */
      total: number;
    }
  | { kind: 'question'; id: string; section: CompareSectionRow; question: CompareQuestionRow };

export type CompareTableRow = Row<Features, CompareRow>;
export type CompareTableCell = Cell<Features, CompareRow, unknown>;
export type CompareTableColumn = Column<Features, CompareRow, unknown>;

/** The value of a provider column in a row: the section score or the answer. */
export type ProviderValue = CompareSectionCell | CompareCell;

export const ITEM_COLUMN = 'item';
export const ITEM_WIDTH = 340;
export const PROVIDER_MIN_WIDTH = 200;

export const sectionRowId = (sectionId: string) => `section:${sectionId}`;
export const questionRowId = (questionId: string) => `question:${questionId}`;

/** The table's data: one row per section, its (already filtered) questions as sub-rows. */
export function toRows(filtered: Comparison, full: Comparison): CompareRow[] {
  const totals = new Map(full.sections.map((s) => [s.sectionId, s.questions.length]));
  return filtered.sections.map((section) => ({
    kind: 'section',
    id: sectionRowId(section.sectionId),
    section,
    total: totals.get(section.sectionId) ?? section.questions.length,
    subRows: section.questions.map((question) => ({
      kind: 'question',
      id: questionRowId(question.questionId),
      section,
      question,
    })),
  }));
}

/** Best or worst among the providers for this row, or neither. */
export function markOf(row: CompareRow, providerId: string): 'best' | 'worst' | null {
  const marks = row.kind === 'section' ? row.section : row.question;
  if (marks.best.includes(providerId)) return 'best';
  if (marks.worst.includes(providerId)) return 'worst';
  return null;
}
