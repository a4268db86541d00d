// Words for the enums the domain stores as ids.
import type { Tier } from '../../../shared/domain/tier';
import type {
  BusinessImpact,
  DataCategory,
  Tenancy,
  VendorCategory,
  VendorStatus,
} from '../../../shared/domain/vendor';
import type { ReviewStatus } from '../../../shared/domain/review';

export const CATEGORY_LABELS: Readonly<Record<VendorCategory, string>> = {
  database: 'Database',
  'message-queue': 'Message queue',
  logging: 'Logging',
  metrics: 'Metrics',
  alerting: 'Alerting',
  'status-page': 'Status page',
  configuration: 'Configuration',
  'ci-build': 'CI / build',
  hosting: 'Hosting',
  other: 'Other',
};

export const STATUS_LABELS: Readonly<Record<VendorStatus, string>> = {
  proposed: 'Proposed',
  active: 'Active',
  retired: 'Retired',
};

export const IMPACT_LABELS: Readonly<Record<BusinessImpact, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

export const DATA_CATEGORY_LABELS: Readonly<Record<DataCategory, string>> = {
  'personal-data': 'Personal data',
  'special-personal-data': 'Special category personal data',
  'credentials-secrets': 'Credentials and secrets',
  'customer-content': 'Customer content',
  'logs-telemetry': 'Logs and telemetry',
  'payment-data': 'Payment data',
};

export const TENANCY_LABELS: Readonly<Record<Tenancy, string>> = {
  'multi-tenant': 'Multi-tenant (shared)',
  dedicated: 'Dedicated (we operate it)',
  'dedicated-managed': 'Dedicated, managed by the provider',
};

export const TIER_LABELS: Readonly<Record<Tier, string>> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const REVIEW_STATUS_LABELS: Readonly<Record<ReviewStatus, string>> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  approved_with_conditions: 'Approved with conditions',
  rejected: 'Rejected',
};

/** Typed Object.entries for the label maps above. */
export function entriesOf<K extends string>(labels: Readonly<Record<K, string>>): [K, string][] {
  return Object.entries(labels) as [K, string][];
}
