// The maintenance warnings of the next 90 days as Needs attention lines: overlaps between
// providers (both on the critical path first, as the register sorts them), windows inside the
// company's blackout periods, and maintenances announced with too little notice. Times are the
// user's own (the browser's zone), since that is where the clash is felt.
import type { MaintenanceWarnings } from '../../../../shared/maintenance/overlaps';
import { hrefs } from '../../app/router';
import type { AttentionLine } from './attentionItems';

function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** "Sun, 6 Dec 2026, 03:00–05:00 CET" in the browser's zone (or `timeZone`, for tests). */
export function formatSpan(start: string, end: string, timeZone?: string): string {
  return formatter(timeZone).formatRange(new Date(start), new Date(end));
}

/** "Sun, 6 Dec 2026, 03:00 CET". */
export function formatInstant(instant: string, timeZone?: string): string {
  return formatter(timeZone).format(new Date(instant));
}

const often = (times: number) => (times > 1 ? ` · ${times} times in 90 days` : '');

export function maintenanceLines(m: MaintenanceWarnings, timeZone?: string): AttentionLine[] {
  const overlaps: AttentionLine[] = m.overlaps.map((o) => ({
    key: `overlap-${o.a.windowId}-${o.b.windowId}`,
    href: hrefs.maintenance(o.a.vendorId),
    vendorName: o.a.vendorName,
    partner: { vendorName: o.b.vendorName, href: hrefs.maintenance(o.b.vendorId) },
    text:
      o.critical === 2
        ? 'in maintenance at the same time, both on the critical path'
        : o.critical === 1
          ? 'in maintenance at the same time, one on the critical path'
          : 'in maintenance at the same time',
    when: `first ${formatSpan(o.first.start, o.first.end, timeZone)}${often(o.times)}`,
    tone: o.critical === 2 ? 'danger' : 'warning',
  }));
  const blackouts: AttentionLine[] = m.blackouts.map((b) => ({
    key: `blackout-${b.window.windowId}-${b.blackoutId}`,
    href: hrefs.maintenance(b.window.vendorId),
    vendorName: b.window.vendorName,
    text: `“${b.window.title}” falls in the blackout period “${b.blackoutName}”`,
    when: `first ${formatSpan(b.first.start, b.first.end, timeZone)}${often(b.times)}`,
    tone: b.window.criticalPath ? 'danger' : 'warning',
  }));
  const notice: AttentionLine[] = m.shortNotice.map((s) => ({
    key: `notice-${s.window.windowId}`,
    href: hrefs.maintenance(s.window.vendorId),
    vendorName: s.window.vendorName,
    text: `“${s.window.title}” announced with ${s.noticeHours} hours’ notice, ${s.requiredHours} needed (${s.missed
      .map((w) => (w === 'promised' ? 'as promised' : 'the Settings minimum'))
      .join(' and ')})`,
    when: `starts ${formatInstant(s.start, timeZone)}`,
    tone: 'warning',
  }));
  return [...overlaps, ...blackouts, ...notice];
}
