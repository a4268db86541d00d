// The incident measures in plain words: durations, counts ("over 9 incidents"), shares and the
// period. Pure, so the words can be tested without a browser.
import type { IncidentImpact } from '../../../../shared/domain/incidents';

/** "1 incident", "9 incidents". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** "over 9 incidents" (the number a measure rests on). */
export const over = (n: number) => `over ${countOf(n, 'incident')}`;

/**
 * Minutes as a reader says them: "42 minutes", "3 h 10 min", "2 days 4 h". Rounded to the minute
 * (to the hour past two days): the record's times are to the minute at best.
 */
export function minutesText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return countOf(m, 'minute');
  if (m < 48 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
  }
  const hours = Math.round(m / 60);
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  return h === 0 ? countOf(days, 'day') : `${countOf(days, 'day')} ${h} h`;
}

/** "67%" (whole percents; a share under 1% that is not 0 says "under 1%"). */
export function shareText(share: number): string {
  const percent = share * 100;
  if (percent > 0 && percent < 1) return 'under 1%';
  return `${Math.round(percent)}%`;
}

/** An availability: two decimals, never rounded up to 100% when anything was down. */
export function availabilityText(percent: number): string {
  const floored = Math.floor(percent * 100) / 100;
  return `${floored.toFixed(2)}%`;
}

/**
 * "2 critical, 3 major, 1 minor and 2 with no impact" (only the impacts that occurred; `unknown`:
 * incidents from a history feed, which gives no impact).
 */
export function impactCounts(byImpact: Readonly<Record<IncidentImpact, number>>, unknown = 0): string {
  const parts: string[] = [];
  if (byImpact.critical > 0) parts.push(`${byImpact.critical} critical`);
  if (byImpact.major > 0) parts.push(`${byImpact.major} major`);
  if (byImpact.minor > 0) parts.push(`${byImpact.minor} minor`);
  if (byImpact.none > 0) parts.push(`${byImpact.none} with no impact`);
  if (unknown > 0) parts.push(`${unknown} with the impact not given`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-03" → "March 2026". */
export function monthText(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (!y || !m) return month;
  return monthFormat.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Minutes between two instants, or null when either is missing. */
export function minutesBetween(from: string, to: string | null): number | null {
  if (to === null) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? ms / 60_000 : null;
}
