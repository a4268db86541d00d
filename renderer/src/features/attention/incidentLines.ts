// The incident lines of Needs attention: an incident still open on a provider on the critical
// path (newest first), and a major or critical incident with no postmortem on record two weeks
// after it was resolved (oldest first). Each links to the provider's Incidents tab. Times are the
// user's own (the browser's zone), or `timeZone` for tests.
import type { Attention } from '../../../../shared/api';
import { POSTMORTEM_GRACE_DAYS } from '../../../../shared/domain/incidents';
import { hrefs } from '../../app/router';
import type { AttentionLine } from './attentionItems';
import { formatInstant } from './maintenanceLines';

const DAY = 86_400_000;

/** "3 days ago", "today": whole days between two instants. */
function ago(instant: string, now: number): string {
  const days = Math.floor((now - Date.parse(instant)) / DAY);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export function incidentLines(incidents: Attention['incidents'], now: number = Date.now(), timeZone?: string): AttentionLine[] {
  const open: AttentionLine[] = incidents.openCritical.map((i) => ({
    key: `incident-open-${i.id}`,
    href: hrefs.incidents(i.vendorId),
    vendorName: i.vendorName,
    text: `Open incident on a critical-path provider: ${i.title}`,
    when: `since ${formatInstant(i.startedAt, timeZone)} (${ago(i.startedAt, now)})`,
    tone: 'danger',
  }));
  const postmortems: AttentionLine[] = incidents.missingPostmortems.map((i) => ({
    key: `incident-postmortem-${i.id}`,
    href: hrefs.incidents(i.vendorId),
    vendorName: i.vendorName,
    text: `No postmortem ${POSTMORTEM_GRACE_DAYS} days after a ${i.impact === 'critical' ? 'critical' : 'major'} incident: ${i.title}`,
    when: `resolved ${formatInstant(i.resolvedAt ?? i.startedAt, timeZone)} (${ago(i.resolvedAt ?? i.startedAt, now)})`,
    tone: 'warning',
  }));
  return [...open, ...postmortems];
}
