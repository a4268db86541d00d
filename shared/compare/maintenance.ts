// The comparison's maintenance rows: what the register's maintenance records (not the
// questionnaire) say about each compared provider as of the comparison's date: its windows, where
// they overlap another compared provider's, the least notice measured on its scheduled
// maintenances, and which of its maintenance answers the record contradicts. Pure; the same cut by
// date as the review report (shared/reports/maintenance-facts.ts), so the two never disagree.
import { visibleQuestionIds } from '../domain/conditions';
import { WINDOW_STATUS_LABELS } from '../domain/labels';
import type { MaintenanceWindow } from '../domain/maintenance';
import { rangeSpan } from '../domain/maintenance';
import { toAnswerMap } from '../domain/review';
import { checkMaintenanceClaims, type ClaimCheck } from '../maintenance/claims';
import { maintenanceWarnings } from '../maintenance/overlaps';
import { scheduleWords } from '../maintenance/words';
import { OVERLAP_DAYS, changedAfter, claimAnswers, createdBy, endOfDay, measuredNotices, overlapRange, utcSpanText } from '../reports/maintenance-facts';
import type { CompareEntry } from './model';

/** The Section column of the CSV rows and the title of the PDF table: where the rows come from. */
export const MAINTENANCE_SECTION = "Maintenance (from the register's records, not the questionnaire)";

/** One overlap of a provider's windows with another compared provider's. */
export interface CompareOverlap {
  otherId: string;
  otherName: string;
  otherCriticalPath: boolean;
  times: number;
  /** The first overlapping stretch, ISO instants (UTC). */
  first: { start: string; end: string };
}

export interface CompareMaintenanceCell {
  providerId: string;
  /** The provider's windows created on or before the date, cancelled ones included. */
  windows: MaintenanceWindow[];
  /** Its windows recorded after the date: left out. */
  recordedLater: number;
  /** Its windows created by the date but changed after it: shown as last recorded. */
  changedSince: number;
  overlaps: CompareOverlap[];
  /** The least notice measured on its scheduled maintenances; null when none can be measured. */
  notice: { leastHours: number; measured: number } | null;
  /** Its maintenance claims checked against the record; null when the column has no review. */
  claims: ClaimCheck[] | null;
}

export interface CompareMaintenance {
  asOf: string;
  /** The days overlaps are looked for over: the date and the 89 after it. */
  range: { from: string; to: string };
  /** One per column, in column order. */
  cells: CompareMaintenanceCell[];
}

/** Each column's maintenance as of `asOf`, from the compared providers' windows as the register holds them. */
export function compareMaintenance(entries: readonly CompareEntry[], windows: readonly MaintenanceWindow[], asOf: string): CompareMaintenance {
  const ids = new Set(entries.map((e) => e.vendor.id));
  const compared = windows.filter((w) => ids.has(w.vendorId));
  const held = createdBy(compared, asOf);
  const range = overlapRange(asOf);
  const vendors = new Map(entries.map((e) => [e.vendor.id, e.vendor]));
  // Overlaps among the compared providers only: the comparison speaks about them, not the register.
  const warnings = maintenanceWarnings(
    held.map((window) => ({ window, vendorName: vendors.get(window.vendorId)!.name, criticalPath: vendors.get(window.vendorId)!.criticalPath, promisedNoticeHours: null })),
    [],
    rangeSpan(range),
  );
  const cells = entries.map((entry): CompareMaintenanceCell => {
    const id = entry.vendor.id;
    const own = held.filter((w) => w.vendorId === id);
    const notices = measuredNotices(own);
    const overlaps = warnings.overlaps
      .filter((o) => o.a.vendorId === id || o.b.vendorId === id)
      .map((o): CompareOverlap => {
        const other = o.a.vendorId === id ? o.b : o.a;
        return { otherId: other.vendorId, otherName: other.vendorName, otherCriticalPath: other.criticalPath, times: o.times, first: o.first };
      });
    let claims: ClaimCheck[] | null = null;
    if (entry.review && entry.template) {
      const visible = visibleQuestionIds(entry.template, toAnswerMap(entry.answers));
      claims = checkMaintenanceClaims(claimAnswers(entry.answers, visible), own, endOfDay(asOf) - 1);
    }
    return {
      providerId: id,
      windows: own,
      recordedLater: compared.filter((w) => w.vendorId === id).length - own.length,
      changedSince: own.filter((w) => changedAfter(w, asOf)).length,
      overlaps,
      notice: notices.length === 0 ? null : { leastHours: Math.min(...notices.map((n) => n.hours)), measured: notices.length },
      claims,
    };
  });
  return { asOf, range, cells };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const utcSpan = (span: { start: string; end: string }) => utcSpanText(Date.parse(span.start), Date.parse(span.end));

function recordsText(cell: CompareMaintenanceCell, asOf: string): string {
  const parts = [`${plural(cell.windows.length, 'window')} created on or before ${asOf}`];
  if (cell.changedSince > 0) parts.push(`${cell.changedSince} changed since, shown as last recorded`);
  if (cell.recordedLater > 0) parts.push(`${cell.recordedLater} recorded later, left out`);
  return parts.join('; ');
}

function windowsText(cell: CompareMaintenanceCell): string {
  if (cell.windows.length === 0) return 'None recorded';
  const counted = cell.windows.filter((w) => w.status !== 'cancelled');
  const lines = counted.map((w) => `${w.title.trim() || 'Maintenance window'}: ${scheduleWords(w.schedule)}${w.status === 'tentative' ? ` (${WINDOW_STATUS_LABELS.tentative.toLowerCase()})` : ''}`);
  const cancelled = cell.windows.length - counted.length;
  if (cancelled > 0) lines.push(`${plural(cancelled, 'cancelled window')}, never counted`);
  return lines.join('\n');
}

function overlapsText(cell: CompareMaintenanceCell): string {
  if (cell.windows.every((w) => w.status === 'cancelled')) return 'None (no windows)';
  if (cell.overlaps.length === 0) return 'None';
  return cell.overlaps
    .map((o) => `${o.otherName}${o.otherCriticalPath ? ' (critical path)' : ''}: ${plural(o.times, 'time')}, first ${utcSpan(o.first)}`)
    .join('\n');
}

function noticeText(cell: CompareMaintenanceCell): string {
  if (cell.notice === null) return 'Not measured: no scheduled maintenance with an announcement time';
  return `${cell.notice.leastHours} hours (the least of ${plural(cell.notice.measured, 'scheduled maintenance')})`;
}

function claimsText(cell: CompareMaintenanceCell): string {
  if (cell.claims === null) return 'No review in this column'; // not "No review": one may be in progress, just not decided
  if (cell.claims.length === 0) return 'No maintenance claim to test';
  const contradicted = cell.claims.filter((c) => c.verdict === 'contradicted');
  const untested = cell.claims.filter((c) => c.verdict === 'untested').length;
  const of = `of ${plural(cell.claims.length, 'claim')}${untested > 0 ? ` (${untested} untested)` : ''}`;
  if (contradicted.length === 0) return `None ${of}`;
  return [`${contradicted.length} ${of}, finding ${contradicted.length === 1 ? 'candidate' : 'candidates'}:`, ...contradicted.map((c) => c.words)].join('\n');
}

/** One maintenance row: its label and one text per column (lines separated by \n). */
export interface MaintenanceRow {
  label: string;
  cells: string[];
}

/** The rows the CSV and the PDF print, in order, in the same words. */
export function maintenanceRows(m: CompareMaintenance): MaintenanceRow[] {
  const row = (label: string, text: (c: CompareMaintenanceCell) => string): MaintenanceRow => ({ label, cells: m.cells.map(text) });
  return [
    row(`Records (as of ${m.asOf})`, (c) => recordsText(c, m.asOf)),
    row('Maintenance windows', windowsText),
    row(`Overlaps with other compared providers (${OVERLAP_DAYS} days from ${m.range.from})`, overlapsText),
    row('Measured notice (least)', noticeText),
    row('Claims contradicted by the record', claimsText),
  ];
}
