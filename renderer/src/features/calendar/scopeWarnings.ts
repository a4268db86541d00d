// The API's warnings cover whole UTC days; the calendar shows days of the user's zone, so the
// answer can reach up to a day past either edge of the view. This trims them to what the grid
// shows: an overlap or a blackout hit counts only where it falls inside the view (its count,
// first time and minutes recomputed from the same occurrences the bars are drawn from), and a
// short-notice maintenance only when it starts inside it. The order is the API's (critical path
// first, then the first time, then names), sorted again by the first time within the view; a
// stable sort keeps the API's name order among equals.
import type { Span } from '../../../../shared/domain/maintenance';
import type { IsoSpan, MaintenanceWarnings } from '../../../../shared/maintenance/overlaps';
import type { CalendarModel } from './calendarModel';

/** ISO instants in UTC compare as strings (thousands of pairs: no locale rules needed). */
const byTime = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Meeting {
  times: number;
  first: IsoSpan;
  minutes: number;
}

/** Where two lists of spans meet: how often, the first time, and for how long in all. */
function meet(xs: readonly Span[], ys: readonly Span[]): Meeting | null {
  let times = 0;
  let minutes = 0;
  let first: Span | null = null;
  for (const x of xs) {
    for (const y of ys) {
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (end <= start) continue;
      times++;
      minutes += (end - start) / 60_000;
      if (first === null || start < first.start) first = { start, end };
    }
  }
  if (first === null) return null;
  return { times, minutes: Math.round(minutes), first: { start: new Date(first.start).toISOString(), end: new Date(first.end).toISOString() } };
}

export function scopeWarnings(warnings: MaintenanceWarnings, model: CalendarModel, span: Span): MaintenanceWarnings {
  const spansOf = (windowId: string) => model.byWindow.get(windowId) ?? [];
  const blackoutSpans = new Map<string, Span[]>();
  for (const s of model.stripes) {
    const list = blackoutSpans.get(s.blackoutId) ?? [];
    list.push({ start: Math.max(s.start, span.start), end: Math.min(s.end, span.end) });
    blackoutSpans.set(s.blackoutId, list);
  }
  const overlaps = warnings.overlaps.flatMap((o) => {
    const m = meet(spansOf(o.a.windowId), spansOf(o.b.windowId));
    return m ? [{ ...o, ...m }] : [];
  });
  const blackouts = warnings.blackouts.flatMap((hit) => {
    const m = meet(spansOf(hit.window.windowId), blackoutSpans.get(hit.blackoutId) ?? []);
    return m ? [{ ...hit, times: m.times, first: m.first }] : [];
  });
  overlaps.sort((x, y) => y.critical - x.critical || byTime(x.first.start, y.first.start));
  blackouts.sort((x, y) => Number(y.window.criticalPath) - Number(x.window.criticalPath) || byTime(x.first.start, y.first.start));
  const shortNotice = warnings.shortNotice.filter((n) => {
    const start = Date.parse(n.start);
    return start >= span.start && start < span.end;
  });
  // What the service left out (beyond its limit) is counted on top, so the list can say so.
  const unread = (total: number, listed: number) => Math.max(0, total - listed);
  return {
    ...warnings,
    span: { start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() },
    overlaps,
    blackouts,
    shortNotice,
    totals: {
      overlaps: overlaps.length + unread(warnings.totals.overlaps, warnings.overlaps.length),
      blackouts: blackouts.length + unread(warnings.totals.blackouts, warnings.blackouts.length),
      shortNotice: shortNotice.length + unread(warnings.totals.shortNotice, warnings.shortNotice.length),
      critical: warnings.totals.critical,
    },
  };
}

/** How many warnings the list cannot show because the service sent only the first ones. */
export function unlistedWarnings(w: MaintenanceWarnings): number {
  return w.totals.overlaps - w.overlaps.length + (w.totals.blackouts - w.blackouts.length) + (w.totals.shortNotice - w.shortNotice.length);
}
