// The questionnaire's maintenance answers held against the record: the notice promised
// (mnt_notice_hours) against the notice measured on scheduled maintenances, the typical
// disruption (mnt_duration_minutes) against their length, and the frequency
// (mnt_frequency_per_month) against how many there were. A claim the record contradicts is a
// finding candidate; one with nothing on record to test it says so rather than agreeing.
import type { MaintenanceWindow } from '../domain/maintenance';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** The frequency is measured over at most the last twelve months. */
const FREQUENCY_MONTHS = 12;
const MONTH = 30.4375 * DAY;

export const MAINTENANCE_CLAIM_QUESTIONS = ['mnt_notice_hours', 'mnt_duration_minutes', 'mnt_frequency_per_month'] as const;
export type MaintenanceClaimQuestion = (typeof MAINTENANCE_CLAIM_QUESTIONS)[number];

export interface ClaimCheck {
  questionId: MaintenanceClaimQuestion;
  claimed: number;
  /** What the record shows (hours, minutes, per month); null when nothing on record measures it. */
  observed: number | null;
  /** 'contradicted': the record disagrees; 'consistent': it agrees; 'untested': nothing to measure. */
  verdict: 'contradicted' | 'consistent' | 'untested';
  /** One sentence a report can print as it stands. */
  words: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** "the one scheduled maintenance" or "all 3 scheduled maintenances": a report prints the words as they stand. */
const theOneOrAll = (n: number, what: string) => (n === 1 ? `the one ${what}` : `all ${n} ${what}s`);

/** Scheduled maintenances that happened (or started) by `asOf`: one-off, not cancelled. */
function pastMaintenances(windows: readonly MaintenanceWindow[], asOf: number): MaintenanceWindow[] {
  return windows.filter((w) => w.schedule.kind === 'once' && w.status !== 'cancelled' && Date.parse(w.schedule.start) <= asOf);
}

/**
 * Each maintenance claim answered with a number, checked against the provider's scheduled
 * maintenances up to `asOf` (ms). Answers not given, or not numbers, are left out.
 */
export function checkMaintenanceClaims(
  answers: ReadonlyMap<string, unknown>,
  windows: readonly MaintenanceWindow[],
  asOf: number,
): ClaimCheck[] {
  const past = pastMaintenances(windows, asOf);
  const checks: ClaimCheck[] = [];
  const claimed = (id: MaintenanceClaimQuestion) => {
    const v = answers.get(id);
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };

  const notice = claimed('mnt_notice_hours');
  if (notice !== null) {
    const announced = past.filter((w) => w.announcedAt !== null && w.schedule.kind === 'once');
    const hours = announced.map((w) => (Date.parse((w.schedule as { start: string }).start) - Date.parse(w.announcedAt!)) / HOUR);
    if (hours.length === 0) {
      checks.push({ questionId: 'mnt_notice_hours', claimed: notice, observed: null, verdict: 'untested', words: `Promised ${plural(notice, 'hour')} of notice; no scheduled maintenance with an announcement time is on record to measure it.` });
    } else {
      const least = Math.floor(Math.min(...hours) * 10) / 10;
      const short = hours.filter((h) => h < notice).length;
      const leastWords = hours.length === 1 ? plural(least, 'hour') : `the least: ${plural(least, 'hour')}`;
      checks.push({
        questionId: 'mnt_notice_hours',
        claimed: notice,
        observed: least,
        verdict: short > 0 ? 'contradicted' : 'consistent',
        words:
          short > 0
            ? `Promised ${plural(notice, 'hour')} of notice; ${hours.length === 1 ? 'the one scheduled maintenance' : `${short} of ${plural(hours.length, 'scheduled maintenance')}`} on record had less (${leastWords}).`
            : `Promised ${plural(notice, 'hour')} of notice; ${theOneOrAll(hours.length, 'scheduled maintenance')} on record had at least that (${leastWords}).`,
      });
    }
  }

  const duration = claimed('mnt_duration_minutes');
  if (duration !== null) {
    const disruptive = past.filter((w) => w.impact !== 'none');
    const minutes = disruptive
      .map((w) => (Date.parse((w.schedule as { end: string }).end) - Date.parse((w.schedule as { start: string }).start)) / 60_000)
      .sort((a, b) => a - b);
    if (minutes.length === 0) {
      checks.push({ questionId: 'mnt_duration_minutes', claimed: duration, observed: null, verdict: 'untested', words: `Said a maintenance disrupts the service for ${plural(duration, 'minute')}; no disruptive scheduled maintenance is on record to measure it.` });
    } else {
      const mid = Math.floor(minutes.length / 2);
      const median = round1(minutes.length % 2 === 1 ? minutes[mid]! : (minutes[mid - 1]! + minutes[mid]!) / 2);
      checks.push({
        questionId: 'mnt_duration_minutes',
        claimed: duration,
        observed: median,
        verdict: median > duration ? 'contradicted' : 'consistent',
        words:
          minutes.length === 1
            ? `Said a maintenance disrupts the service for ${plural(duration, 'minute')}; the one disruptive scheduled maintenance on record was scheduled for ${plural(median, 'minute')}.`
            : `Said a maintenance disrupts the service for ${plural(duration, 'minute')}; the ${minutes.length} disruptive scheduled maintenances on record were scheduled for ${plural(median, 'minute')} (median).`,
      });
    }
  }

  const frequency = claimed('mnt_frequency_per_month');
  if (frequency !== null) {
    if (past.length === 0) {
      checks.push({ questionId: 'mnt_frequency_per_month', claimed: frequency, observed: null, verdict: 'untested', words: `Said ${plural(frequency, 'maintenance event')} a month; no scheduled maintenance is on record to count.` });
    } else {
      const earliest = Math.min(...past.map((w) => Date.parse((w.schedule as { start: string }).start)));
      const months = Math.min(FREQUENCY_MONTHS, Math.max(1, (asOf - earliest) / MONTH));
      const since = asOf - months * MONTH;
      const counted = past.filter((w) => Date.parse((w.schedule as { start: string }).start) >= since).length;
      const perMonth = round1(counted / months);
      checks.push({
        questionId: 'mnt_frequency_per_month',
        claimed: frequency,
        observed: perMonth,
        verdict: perMonth > frequency ? 'contradicted' : 'consistent',
        words: `Said ${plural(frequency, 'maintenance event')} a month; the record shows ${perMonth} a month (${plural(counted, 'scheduled maintenance')} over the last ${round1(months) === 1 ? 'month' : `${round1(months)} months`}).`,
      });
    }
  }
  return checks;
}
