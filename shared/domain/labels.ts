// Words for the ids the domain stores: one wording for the app, the reports and the CSV.
import type { AcceptanceState } from './acceptances';
import type { AuditEntity } from './audit';
import type { EvidenceKind, EvidenceState } from './evidence';
import type { FindingStatus } from './findings';
import type { DueState } from './reassessment';
import type { ReviewStatus } from './review';
import type { Tier } from './tier';
import { DATA_CATEGORIES } from './vendor';
import type { BusinessImpact, DataCategory, Tenancy, VendorCategory, VendorStatus } from './vendor';

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

export const VENDOR_STATUS_LABELS: Readonly<Record<VendorStatus, string>> = {
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

/** The review status as an approval decision, for the sign-off block. */
export const APPROVAL_LABELS: Readonly<Record<ReviewStatus, string>> = {
  draft: 'Not yet submitted for approval (draft)',
  in_review: 'Awaiting approval (in review)',
  approved: 'Approved',
  approved_with_conditions: 'Approved with conditions',
  rejected: 'Rejected',
};

export const FINDING_STATUS_LABELS: Readonly<Record<FindingStatus, string>> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  accepted: 'Accepted',
};

export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  soc2: 'SOC 2 report',
  iso27001: 'ISO 27001 certificate',
  pentest: 'Penetration test',
  dpa: 'Data processing agreement',
  sla: 'Service level agreement',
  insurance: 'Insurance certificate',
  other: 'Other',
};

export const EVIDENCE_STATE_LABELS: Readonly<Record<EvidenceState, string>> = {
  valid: 'Valid',
  expiring_soon: 'Expires within 30 days',
  expired: 'Expired',
  no_expiry: 'No expiry date',
};

export const ACCEPTANCE_STATE_LABELS: Readonly<Record<AcceptanceState, string>> = {
  active: 'Active',
  expiring_soon: 'Expires within 30 days',
  expired: 'Expired',
  revoked: 'Revoked',
};

export const DUE_STATE_LABELS: Readonly<Record<DueState, string>> = {
  overdue: 'Overdue',
  due_soon: 'Due within 30 days',
  scheduled: 'Scheduled',
  not_approved: 'No approved review',
};

export const AUDIT_ENTITY_LABELS: Readonly<Record<AuditEntity, string>> = {
  vendor: 'Provider',
  review: 'Review',
  answer: 'Answer',
  finding: 'Finding',
  acceptance: 'Risk acceptance',
  evidence: 'Evidence',
  window: 'Maintenance window',
  blackout: 'Blackout period',
  incident: 'Incident',
  status: 'Status page settings',
  request: 'Questionnaire sent',
  member: 'Member name',
  'team-key': 'Team data key',
  setting: 'Setting',
  import: 'Register import',
  upstream: 'Fourth party',
};

export const INCIDENT_IMPACT_LABELS: Readonly<Record<import('./incidents').IncidentImpact, string>> = {
  none: 'No impact',
  minor: 'Minor',
  major: 'Major',
  critical: 'Critical',
};

export const INCIDENT_SOURCE_LABELS: Readonly<Record<import('./incidents').IncidentSource, string>> = {
  entered: 'Entered by hand',
  statuspage: 'Status page (JSON)',
  feed: 'Status page feed',
  instatus: 'Instatus page',
};

export const WINDOW_IMPACT_LABELS: Readonly<Record<import('./maintenance').WindowImpact, string>> = {
  none: 'No impact',
  degraded: 'Degraded',
  outage: 'Outage',
};

export const WINDOW_SOURCE_LABELS: Readonly<Record<import('./maintenance').WindowSource, string>> = {
  entered: 'Entered',
  ical: 'iCalendar',
  statuspage: 'Status page',
};

export const UPSTREAM_KIND_LABELS: Readonly<Record<import('./upstream').UpstreamKind, string>> = {
  hosting: 'Hosting',
  cdn: 'CDN',
  dns: 'DNS',
  email: 'E-mail',
  payment: 'Payment',
  identity: 'Identity',
  other: 'Other',
};

export const UPSTREAM_SOURCE_LABELS: Readonly<Record<import('./upstream').UpstreamSource, string>> = {
  entered: 'Entered',
  subprocessor_list: 'Subprocessor list',
  status_components: 'Status page components',
};

export const WINDOW_STATUS_LABELS: Readonly<Record<import('./maintenance').WindowStatus, string>> = {
  confirmed: 'Confirmed',
  tentative: 'Tentative',
  cancelled: 'Cancelled',
};

/** A label that tolerates an id the map does not know (a newer register read by an older app). */
export function labelOf<K extends string>(labels: Readonly<Record<K, string>>, id: string): string {
  return Object.prototype.hasOwnProperty.call(labels, id) ? labels[id as K] : id;
}

/** "Personal data, Logs and telemetry", in the order the domain lists the categories. */
export function dataCategoryList(categories: readonly DataCategory[]): string {
  const rank = (c: string) => {
    const i = (DATA_CATEGORIES as readonly string[]).indexOf(c);
    return i === -1 ? DATA_CATEGORIES.length : i;
  };
  return [...new Set(categories)]
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((c) => labelOf(DATA_CATEGORY_LABELS, c))
    .join(', ');
}
