// Instants as the Incidents tab shows them: in the user's own zone, to the minute, with the
// zone's name (the record stores UTC; the status page may have shown another zone).
function formatter(timeZone: string | undefined, zoneName: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(zoneName ? { timeZoneName: 'short' } : {}),
    ...(timeZone ? { timeZone } : {}),
  });
}

const withZone = formatter(undefined, true);
const withoutZone = formatter(undefined, false);
const dayOnly = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** "3 Mar 2026, 14:05 CET" ("—" for none). */
export function instantText(iso: string | null, options: { zone?: boolean; timeZone?: string } = {}): string {
  if (iso === null) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (options.timeZone) return formatter(options.timeZone, options.zone ?? true).format(d);
  return (options.zone === false ? withoutZone : withZone).format(d);
}

/** A whole UTC day of the period ("2026-03-01") as the user reads it. */
export function periodDayText(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return dayOnly.format(new Date(y, m - 1, d));
}
