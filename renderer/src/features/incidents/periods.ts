// The periods the Incidents tab measures over: whole days up to today, as incident.transparency
// takes them (12 months is its default, so that period is the one shared with the questionnaire).
import { addDays } from '../../../../shared/domain/dates';

export type PeriodKey = '90d' | '12m' | '24m';

export const PERIODS: readonly { key: PeriodKey; label: string; words: string }[] = [
  { key: '90d', label: '90 days', words: 'the last 90 days' },
  { key: '12m', label: '12 months', words: 'the last 12 months' },
  { key: '24m', label: '24 months', words: 'the last 24 months' },
];

export const DEFAULT_PERIOD: PeriodKey = '12m';

/** The first day of the period ending `today` (inclusive), as `since`. */
export function sinceOf(key: PeriodKey, today: string): string {
  if (key === '90d') return addDays(today, -89);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - (key === '12m' ? 1 : 2));
  return addDays(d.toISOString().slice(0, 10), 1);
}

/** Today as the register measures incidents: the UTC date (its periods are whole UTC days). */
export function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

export function periodWords(key: PeriodKey): string {
  return PERIODS.find((p) => p.key === key)?.words ?? key;
}
