// Where the timeline puts things: the incidents of the period with their start and end (pure,
// so it is tested without a browser), and the month ticks along the axis.
import type { IncidentView } from '../../../../shared/api';

const DAY = 86_400_000;

export interface Placed {
  incident: IncidentView;
  start: number;
  end: number;
  open: boolean;
}

/**
 * The incidents that started in the period (as the measures count them), oldest first; a line
 * ends at the resolution, or for one still open at the end of the period (or now, if sooner).
 */
export function placeIncidents(incidents: readonly IncidentView[], from: number, to: number, now: number): Placed[] {
  const placed: Placed[] = [];
  for (const incident of incidents) {
    const start = Date.parse(incident.startedAt);
    if (!Number.isFinite(start) || start < from || start >= to) continue;
    const resolved = incident.resolvedAt === null ? null : Date.parse(incident.resolvedAt);
    const open = resolved === null || resolved > to;
    const end = open ? Math.min(Math.max(now, start), to) : Math.max(resolved, start);
    placed.push({ incident, start, end, open });
  }
  return placed.sort((a, b) => a.start - b.start);
}

/** The month starts inside the period, labelled every `step` months. */
export function monthTicks(from: number, to: number): { at: number; label: string | null }[] {
  const months = (to - from) / (30 * DAY);
  const step = months > 15 ? 3 : 1;
  const ticks: { at: number; label: string | null }[] = [];
  const d = new Date(from);
  let cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const monthName = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
  const withYear = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  let first = true;
  while (cursor < to) {
    const c = new Date(cursor);
    const labelled = c.getUTCMonth() % step === 0;
    ticks.push({ at: cursor, label: labelled ? (first || c.getUTCMonth() === 0 ? withYear.format(c) : monthName.format(c)) : null });
    if (labelled) first = false;
    cursor = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
  }
  return ticks;
}

