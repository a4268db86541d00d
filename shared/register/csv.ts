// The register as a spreadsheet: one row per provider, RFC 4180 with every field quoted and
// formula injection neutralised (the comparison CSV's csvField), CRLF between records and a
// UTF-8 byte order mark first. Words come from shared/domain/labels.ts and numbers from
// shared/format.ts, so the CSV reads like the app. Pure: the caller writes the string.
import { csvField } from '../compare/csv';
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
import type { ScoreResult } from '../scoring/types';

export interface RegisterCsvRow {
  vendor: Vendor;
  review: Review | null;
  score: ScoreResult | null;
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
  'Completion %',
  'Knock-outs',
  'Last reviewed',
] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';

function record(fields: readonly string[]): string {
  return fields.map(csvField).join(',') + CRLF;
}

/** The tier to act on, or why there is none. */
function tierText(score: ScoreResult | null): string {
  if (!score) return 'Not started';
  if (score.tier) return labelOf(TIER_LABELS, score.tier);
  return score.state === 'incomplete' ? 'Incomplete' : 'Not rated';
}

/** A plain number a spreadsheet can sum (no thousands separator, no currency sign). */
function amount(n: number | null): string {
  if (n === null) return '';
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

function lastReviewed(review: Review | null): string {
  if (!review) return '';
  const instant = new Date(review.completedAt ?? review.updatedAt);
  return Number.isNaN(instant.getTime()) ? '' : localIsoDate(instant);
}

/** Providers in the order given (the register's: by name). */
export function registerToCsv(rows: readonly RegisterCsvRow[]): string {
  let csv = BOM + record(REGISTER_CSV_HEADERS);
  for (const { vendor, review, score } of rows) {
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
      tierText(score),
      score ? String(completionPercent(score.completion)) : '',
      score ? String(score.knockouts.length) : '',
      lastReviewed(review),
    ]);
  }
  return csv;
}
