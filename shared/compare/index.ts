// Compare providers side by side: the pure model (rows aligned across templates), the maintenance
// and incident rows from the register's records, and the CSV.
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
  NO_REVIEW_CELL,
  NO_REVIEW_STARTED,
  SECTION_COMPARABLE_SHARE,
  answeredEnough,
  compareProviders,
  filterComparison,
} from './model';
export { comparisonToCsv, csvField, neutralizeFormula } from './csv';
export { MAINTENANCE_SECTION, compareMaintenance, maintenanceRows } from './maintenance';
export type { CompareMaintenance, CompareMaintenanceCell, CompareOverlap, MaintenanceRow } from './maintenance';
export { CLAIM_LABELS, INCIDENTS_SECTION, NOT_MEASURED, compareIncidents, incidentRows } from './incidents';
export type { CompareClaim, CompareIncidents, CompareIncidentsCell, IncidentRecord, IncidentRow } from './incidents';
export { SHARED_UPSTREAMS_LABEL, UPSTREAMS_SECTION, compareUpstreams, upstreamsNote } from './upstreams';
export type { CompareUpstreams } from './upstreams';
