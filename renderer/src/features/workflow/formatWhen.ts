// Dates and instants as the lifecycle screens show them.
import { localIsoDate } from '../../../../shared/domain/dates';

const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const instantFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A calendar date stored as YYYY-MM-DD, read as a local day (not UTC midnight, which can show the day before). */
export function formatDay(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return dayFormat.format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** An ISO instant with its local time. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : instantFormat.format(date);
}

/** Today in local time, YYYY-MM-DD. */
export function today(): string {
  return localIsoDate(new Date());
}

/** The day after `isoDate` (YYYY-MM-DD). */
export function dayAfter(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return localIsoDate(new Date(y, m - 1, d + 1));
}
