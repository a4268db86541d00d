// Words for the enums the domain stores as ids: the same wording as the reports (shared/domain/labels.ts).
export {
  CATEGORY_LABELS,
  DATA_CATEGORY_LABELS,
  IMPACT_LABELS,
  REVIEW_STATUS_LABELS,
  TENANCY_LABELS,
  TIER_LABELS,
  VENDOR_STATUS_LABELS as STATUS_LABELS,
} from '../../../shared/domain/labels';

/** Typed Object.entries for the label maps above. */
export function entriesOf<K extends string>(labels: Readonly<Record<K, string>>): [K, string][] {
  return Object.entries(labels) as [K, string][];
}
