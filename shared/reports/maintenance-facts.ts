// What a document may state about maintenance as of a date D, worked out from the register's
// maintenance records. Windows and blackout periods are kept as current records (their edits are
// in the audit trail, not versions), so the one honest cut is by creation: a record created on or
// before D is shown as last recorded, and one changed after D is named as such. Pure: the review
// report's Maintenance part and the comparison's maintenance rows both read these facts.
import { addDays } from '../domain/dates';
import type { Answer } from '../domain/review';
import type { BlackoutPeriod, MaintenanceWindow } from '../domain/maintenance';
import { rangeSpan } from '../domain/maintenance';
import { onOrBefore } from '../domain/standing';
import { occurrences } from '../maintenance/expand';
import { checkMaintenanceClaims, type ClaimCheck } from '../maintenance/claims';
import { maintenanceWarnings, type BlackoutHit, type WindowOf, type WindowOverlap } from '../maintenance/overlaps';
import { utcToWall, wallClock, wallDate } from '../maintenance/zone';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Overlaps and blackout hits are looked for over this many days from D (D included). */
export const OVERLAP_DAYS = 90;
/** How many upcoming occurrences the report lists, and how far ahead it looks for them. */
export const NEXT_OCCURRENCES = 5;
export const NEXT_HORIZON_DAYS = 366;

/** The question whose answer is the notice a provider promises. */
export const NOTICE_QUESTION = 'mnt_notice_hours';

/** The UTC day and clock of an instant (ms): "2026-12-06" and "01:00". Written out, no clock read. */
export function utcParts(instant: number): { day: string; clock: string } {
  const wall = utcToWall('UTC', instant);
  return { day: wallDate(wall), clock: wallClock(wall) };
}

/** "2026-12-06 01:00–03:00 UTC", or with both days when it crosses midnight. */
export function utcSpanText(start: number, end: number): string {
  const s = utcParts(start);
  const e = utcParts(end);
  return `${s.day} ${s.clock}–${s.day === e.day ? '' : `${e.day} `}${e.clock} UTC`;
}

/** "2026-11-27 12:00 UTC" for an ISO instant written in any zone. */
export function utcInstantText(iso: string): string {
  const p = utcParts(Date.parse(iso));
  return `${p.day} ${p.clock} UTC`;
}


/** The first instant after the day D (UTC): everything before it happened "by D". */
export const endOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`) + DAY;

/** Records created on or before D; the rest did not exist on D. */
export function createdBy<T extends { createdAt: string }>(records: readonly T[], asOf: string): T[] {
  return records.filter((r) => onOrBefore(r.createdAt, asOf));
}

/** A record created by D but changed after it: shown as last recorded, and said so. */
export const changedAfter = (r: { updatedAt: string }, asOf: string) => !onOrBefore(r.updatedAt, asOf);

/** The days D … D+89, over which overlaps and blackout hits are looked for. */
export function overlapRange(asOf: string): { from: string; to: string } {
  return { from: asOf, to: addDays(asOf, OVERLAP_DAYS - 1) };
}

/** Answer values by question id, of the answers a document shows: not N/A, and visible. */
export function claimAnswers(answers: readonly Pick<Answer, 'questionId' | 'value' | 'na'>[], visible?: ReadonlySet<string>): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const a of answers) {
    if (a.na || a.value === null || (visible && !visible.has(a.questionId))) map.delete(a.questionId);
    else map.set(a.questionId, a.value);
  }
  return map;
}

/** One scheduled maintenance's notice: from its announcement to its start. */
export interface MeasuredNotice {
  window: MaintenanceWindow;
  start: string;
  announcedAt: string;
  /** Hours, rounded down to a tenth (as the warnings round it). */
  hours: number;
}

/** The notice of each scheduled maintenance (one-off, announced, not cancelled), earliest start first. */
export function measuredNotices(windows: readonly MaintenanceWindow[]): MeasuredNotice[] {
  const out: MeasuredNotice[] = [];
  for (const w of windows) {
    if (w.status === 'cancelled' || w.announcedAt === null || w.schedule.kind !== 'once') continue;
    const hours = Math.floor(((Date.parse(w.schedule.start) - Date.parse(w.announcedAt)) / HOUR) * 10) / 10;
    out.push({ window: w, start: w.schedule.start, announcedAt: w.announcedAt, hours });
  }
  return out.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.window.id.localeCompare(b.window.id));
}

/** An upcoming occurrence of one of the provider's windows. */
export interface UpcomingOccurrence {
  window: MaintenanceWindow;
  start: number;
  end: number;
}

/** The next `limit` occurrences of the windows (not cancelled) starting after D, within the horizon. */
export function nextOccurrences(windows: readonly MaintenanceWindow[], asOf: string, limit = NEXT_OCCURRENCES): UpcomingOccurrence[] {
  const span = { start: endOfDay(asOf), end: endOfDay(asOf) + NEXT_HORIZON_DAYS * DAY };
  const all: UpcomingOccurrence[] = [];
  for (const window of windows) {
    if (window.status === 'cancelled') continue;
    // An occurrence already running when D ends started on D or before: it is not "next".
    for (const o of occurrences(window.schedule, span)) if (o.start >= span.start) all.push({ window, start: o.start, end: o.end });
  }
  return all.sort((a, b) => a.start - b.start || a.end - b.end || a.window.id.localeCompare(b.window.id)).slice(0, limit);
}

/** Everything the review report's Maintenance part states about one provider as of D. */
export interface ProviderMaintenance {
  asOf: string;
  range: { from: string; to: string };
  /** The provider's windows created by D, cancelled ones included, by first start. */
  windows: MaintenanceWindow[];
  /** The provider's windows created after D: left out, and counted so the document can say so. */
  recordedLater: number;
  next: UpcomingOccurrence[];
  /** Overlaps of this provider's windows with another provider's, critical-path pairs first. */
  overlaps: WindowOverlap[];
  blackoutHits: BlackoutHit[];
  /** Whether any blackout period was recorded by D at all. */
  anyBlackouts: boolean;
  notices: MeasuredNotice[];
  /** Scheduled maintenances not measured because they were cancelled. */
  cancelledScheduled: number;
  /** The notice promised in the answers the document shows; null when not answered. */
  promisedNoticeHours: number | null;
  claims: ClaimCheck[];
  /** Records the part rests on that were changed after D: shown as last recorded. */
  changed: { own: number; others: number; blackouts: number; lastDay: string | null };
  /**
   * Other providers named in the overlaps whose profile (critical path flag included) was changed
   * after D, with the day of that change: the register keeps one profile, not its versions.
   */
  profilesChanged: Record<string, string>;
}

export interface ProviderMaintenanceInput {
  vendorId: string;
  asOf: string;
  /** Every provider's windows as the register holds them, with the provider facts. */
  windows: readonly WindowOf[];
  blackouts: readonly BlackoutPeriod[];
  /** The answer values the document shows (claimAnswers). */
  answers: ReadonlyMap<string, unknown>;
  /** When each provider's profile was last changed (Vendor.updatedAt), by vendor id. */
  profileUpdatedAt: ReadonlyMap<string, string>;
}

const firstStart = (w: MaintenanceWindow) => (w.schedule.kind === 'once' ? w.schedule.start : `${w.schedule.from}T${w.schedule.startTime}`);

export function providerMaintenance(input: ProviderMaintenanceInput): ProviderMaintenance {
  const { asOf, vendorId } = input;
  const held = input.windows.filter((w) => onOrBefore(w.window.createdAt, asOf));
  const ownAll = input.windows.filter((w) => w.window.vendorId === vendorId);
  const own = held
    .filter((w) => w.window.vendorId === vendorId)
    .map((w) => w.window)
    .sort((a, b) => firstStart(a).localeCompare(firstStart(b)) || a.id.localeCompare(b.id));
  const blackouts = createdBy(input.blackouts, asOf);
  const range = overlapRange(asOf);
  // Promised notice is the one in the answers this document shows, not the latest review's.
  const warnings = maintenanceWarnings(
    held.map((w) => ({ ...w, promisedNoticeHours: null })),
    blackouts,
    rangeSpan(range),
  );
  const notice = input.answers.get(NOTICE_QUESTION);
  const changedOwn = own.filter((w) => changedAfter(w, asOf));
  const changedOthers = held.filter((w) => w.window.vendorId !== vendorId && changedAfter(w.window, asOf)).map((w) => w.window);
  const changedBlackouts = blackouts.filter((b) => changedAfter(b, asOf));
  const lastDay = [...changedOwn, ...changedOthers, ...changedBlackouts].map((r) => r.updatedAt.slice(0, 10)).sort().at(-1) ?? null;
  const overlaps = warnings.overlaps.filter((o) => o.a.vendorId === vendorId || o.b.vendorId === vendorId);
  const profilesChanged: Record<string, string> = {};
  for (const o of overlaps) {
    const other = o.a.vendorId === vendorId ? o.b : o.a;
    const updated = input.profileUpdatedAt.get(other.vendorId);
    if (updated && !onOrBefore(updated, asOf)) profilesChanged[other.vendorId] = updated.slice(0, 10);
  }
  return {
    asOf,
    range,
    windows: own,
    recordedLater: ownAll.length - own.length,
    next: nextOccurrences(own, asOf),
    overlaps,
    blackoutHits: warnings.blackouts.filter((h) => h.window.vendorId === vendorId),
    anyBlackouts: blackouts.length > 0,
    notices: measuredNotices(own),
    cancelledScheduled: own.filter((w) => w.status === 'cancelled' && w.schedule.kind === 'once' && w.announcedAt !== null).length,
    promisedNoticeHours: typeof notice === 'number' && Number.isFinite(notice) ? notice : null,
    // The last millisecond of D: a maintenance starting at midnight after D has not happened by D.
    claims: checkMaintenanceClaims(input.answers, own, endOfDay(asOf) - 1),
    changed: { own: changedOwn.length, others: changedOthers.length, blackouts: changedBlackouts.length, lastDay },
    profilesChanged,
  };
}
