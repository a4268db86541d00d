// The register table's TanStack Table v9 feature registry: sorting, column + global filtering
// (client-side, all rows are loaded) and row selection. Kept at module scope so it is stable.
import {
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type FilterFn,
  type SortFn,
} from '@tanstack/react-table';
import type { VendorSummary } from '../../../../shared/api';
import { TIERS } from '../../../../shared/domain/tier';
import { CATEGORY_LABELS } from '../../lib/labels';
import type { TierFilter } from '../../store/types';

export const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  rowSelectionFeature,
});

export type Features = typeof features;

/** The Tier column's value: the tier, or why there is none. */
export function tierKey(vendor: VendorSummary): Exclude<TierFilter, ''> | 'none' {
  if (vendor.state === 'not_started') return 'not_started';
  if (vendor.state === 'incomplete') return 'incomplete';
  return vendor.tier ?? 'none';
}

const TIER_ORDER: readonly string[] = ['not_started', 'none', 'incomplete', ...TIERS];

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export const byText: SortFn<Features, VendorSummary> = (a, b, columnId) =>
  collator.compare(String(a.getValue(columnId)), String(b.getValue(columnId)));

export const byCategoryLabel: SortFn<Features, VendorSummary> = (a, b) =>
  collator.compare(CATEGORY_LABELS[a.original.category], CATEGORY_LABELS[b.original.category]);

/** Low → critical ascending; reviews without a tier sort below low. */
export const byTier: SortFn<Features, VendorSummary> = (a, b) =>
  TIER_ORDER.indexOf(tierKey(a.original)) - TIER_ORDER.indexOf(tierKey(b.original));

export const byNumber: SortFn<Features, VendorSummary> = (a, b, columnId) =>
  Number(a.getValue(columnId)) - Number(b.getValue(columnId));

/** By open findings, then by how many of them are overdue. */
export const byFindings: SortFn<Features, VendorSummary> = (a, b) =>
  a.original.openFindings - b.original.openFindings || a.original.overdueFindings - b.original.overdueFindings;

/** By incidents of the last 90 days, then by how many are still open. */
export const byIncidents: SortFn<Features, VendorSummary> = (a, b) =>
  a.original.incidents90d - b.original.incidents90d || a.original.openIncidents - b.original.openIncidents;

/** The "Next review" filter: one reassessment state. */
export const dueStateFilter: FilterFn<Features, VendorSummary> = (row, _columnId, value) =>
  value === undefined || value === '' || row.original.reassessment.state === value;

export const equalsFilter: FilterFn<Features, VendorSummary> = (row, columnId, value) =>
  value === undefined || value === '' || row.getValue(columnId) === value;

const haystacks = new WeakMap<VendorSummary, string>();

/** The filter box: name, service and category, case-insensitive. */
export const textFilter: FilterFn<Features, VendorSummary> = (row, _columnId, value) => {
  const needle = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!needle) return true;
  let haystack = haystacks.get(row.original);
  if (haystack === undefined) {
    const v = row.original;
    haystack = `${v.name}\n${v.service}\n${CATEGORY_LABELS[v.category]}`.toLowerCase();
    haystacks.set(row.original, haystack);
  }
  return haystack.includes(needle);
};
