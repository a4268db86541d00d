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
import { tierRank } from '../../../../shared/domain/tier';
import { registerTier, type ShownTier } from '../../../../shared/register/tier-basis';
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

/** The Tier filter's value: the newest review's tier, or why there is none (an inherent tier is not a review's). */
export function tierKey(vendor: VendorSummary): Exclude<TierFilter, ''> | 'none' {
  if (vendor.state === 'not_started') return 'not_started';
  if (vendor.state === 'incomplete') return 'incomplete';
  return vendor.tier ?? 'none';
}

/** The tier the register shows and its kind (shared/register/tier-basis.ts: the CSV reads the same rule). */
export function shownTierOf(v: VendorSummary): ShownTier {
  return registerTier({ reviewStatus: v.reviewStatus, tier: v.tier, lastDecidedAt: v.lastReviewed, inherentTier: v.inherentTier });
}

/** Rows without a tier, lowest first, below every tier. */
const NO_TIER_ORDER: readonly string[] = ['not_started', 'none', 'incomplete'];

/**
 * Where a row sorts by tier: by the tier shown, an inherent one just below the same tier from a
 * review (so "critical first" lists new critical providers right after the reviewed ones).
 */
export function tierSortRank(v: VendorSummary): number {
  const shown = shownTierOf(v);
  if (shown.tier === null) return NO_TIER_ORDER.indexOf(tierKey(v)) - NO_TIER_ORDER.length;
  return tierRank(shown.tier) * 2 + (shown.basis === 'inherent' ? 0 : 1);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export const byText: SortFn<Features, VendorSummary> = (a, b, columnId) =>
  collator.compare(String(a.getValue(columnId)), String(b.getValue(columnId)));

export const byCategoryLabel: SortFn<Features, VendorSummary> = (a, b) =>
  collator.compare(CATEGORY_LABELS[a.original.category], CATEGORY_LABELS[b.original.category]);

/** Low → critical ascending; rows without a tier sort below low. */
export const byTier: SortFn<Features, VendorSummary> = (a, b) => tierSortRank(a.original) - tierSortRank(b.original);

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

/**
 * The Tier filter: a tier finds every row that shows it, a review's tier and an inherent one
 * (marked as such in the cell) alike, so "Critical" lists the new critical providers to triage
 * too; "Incomplete" and "Not started" find rows by their review's state.
 */
export const tierFilter: FilterFn<Features, VendorSummary> = (row, columnId, value) =>
  value === undefined || value === '' || row.getValue(columnId) === value || shownTierOf(row.original).tier === value;

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
