// Calendar dates (YYYY-MM-DD) as the lifecycle screens show them: in words, relative to today.
import { localIsoDate } from '../../../../shared/domain/dates';
import { daysBetween } from '../../../../shared/domain/reassessment';

const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** A date-only value read as that calendar day where the user is (new Date('YYYY-MM-DD') would be UTC midnight). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date);
}

export function today(): string {
  return localIsoDate(new Date());
}

/** "today", "in 5 days", "12 days ago". */
export function relativeDay(iso: string, from: string = today()): string {
  const days = daysBetween(from, iso);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
