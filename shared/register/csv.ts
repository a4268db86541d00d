// The register as a spreadsheet: one row per provider, RFC 4180 with every field quoted and
// formula injection neutralised (the comparison CSV's csvField), CRLF between records and a
// UTF-8 byte order mark first. Words come from shared/domain/labels.ts and numbers from
// shared/format.ts, so the CSV reads like the app. Pure: the caller writes the string.
import { csvField } from '../csv-field';
import { localIsoDate } from '../domain/dates';
import {
  CATEGORY_LABELS,
  dataCategoryList,
  IMPACT_LABELS,
  labelOf,
  TENANCY_LABELS,
  TIER_LABELS,
  VENDOR_STATUS_LABELS,
} from '../domain/labels';
import type { Review } from '../domain/review';
import type { Vendor } from '../domain/vendor';
import { completionPercent, scoreText } from '../format';
import { inherentTier } from '../scoring/inherent';
import type { ScoreResult } from '../scoring/types';
import { registerTier, TIER_BASIS_LABELS } from './tier-basis';

export interface RegisterCsvRow {
  vendor: Vendor;
  /** The newest review, and its score (frozen when decided). */
  review: Review | null;
  score: ScoreResult | null;
  /** When a review of this provider was last decided; null when none ever was. */
  lastDecidedAt: string | null;
}

export const REGISTER_CSV_HEADERS = [
  'Name',
  'Service',
  'Category',
  'Status',
  'Critical path',
  'Business impact',
  'Data categories',
  'Data locations',
  'Tenancy',
  'Fee',
  'Currency',
  'Fee period',
  'Score',
  'Tier',
  'Tier basis',
  'Completion %',
  'Knock-outs',
  'Last reviewed',
] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';

function record(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + CRLF;
}

/** The register's tier (registerTier: the app's rule), or why there is none, and what kind of tier it is. */
function tierFields(row: RegisterCsvRow): [string, string] {
  const { vendor, review, score, lastDecidedAt } = row;
  const shown = registerTier({ reviewStatus: review?.status ?? null, tier: score?.tier ?? null, lastDecidedAt, inherentTier: inherentTier(vendor) });
  const basis = shown.basis ? TIER_BASIS_LABELS[shown.basis] : '';
  if (shown.tier) return [labelOf(TIER_LABELS, shown.tier), basis];
  if (!score) return ['Not started', basis];
  return [score.state === 'incomplete' ? 'Incomplete' : 'Not rated', basis];
}

/** A plain number a spreadsheet can sum (no thousands separator, no currency sign). */
function amount(n: number | null): string {
  if (n === null) return '';
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** The day of the last decision (a draft's last edit is not a review). */
function lastReviewed(decidedAt: string | null): string {
  if (!decidedAt) return '';
  const instant = new Date(decidedAt);
  return Number.isNaN(instant.getTime()) ? '' : localIsoDate(instant);
}

/** Providers in the order given (the register's: by name). */
export function registerToCsv(rows: readonly RegisterCsvRow[]): string {
  let csv = BOM + record(REGISTER_CSV_HEADERS);
  for (const row of rows) {
    const { vendor, score } = row;
    csv += record([
      vendor.name,
      vendor.service,
      labelOf(CATEGORY_LABELS, vendor.category),
      labelOf(VENDOR_STATUS_LABELS, vendor.status),
      vendor.criticalPath ? 'Yes' : 'No',
      labelOf(IMPACT_LABELS, vendor.businessImpact),
      dataCategoryList(vendor.dataCategories),
      vendor.dataLocations.join('; '),
      labelOf(TENANCY_LABELS, vendor.tenancy),
      amount(vendor.monthlyCost),
      vendor.currency,
      vendor.costPeriod,
      scoreText(score?.overall, ''),
      ...tierFields(row),
      score ? String(completionPercent(score.completion)) : '',
      score ? String(score.knockouts.length) : '',
      lastReviewed(row.lastDecidedAt),
    ]);
  }
  return csv;
}
