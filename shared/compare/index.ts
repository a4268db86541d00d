// Compare providers side by side: the pure model (rows aligned across templates) and its CSV.
export type {
  CompareCell,
  CompareCellStatus,
  CompareColumn,
  CompareEntry,
  CompareFilter,
  CompareQuestionRow,
  CompareSectionCell,
  CompareSectionRow,
  CompareState,
  Comparison,
} from './model';
export {
  MAX_COMPARE_PROVIDERS,
  MIN_COMPARE_PROVIDERS,
  SECTION_COMPARABLE_SHARE,
  answeredEnough,
  compareProviders,
  filterComparison,
} from './model';
export { comparisonToCsv, csvField, neutralizeFormula } from './csv';
