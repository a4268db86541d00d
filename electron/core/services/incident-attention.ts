// The incident lines of Needs attention: an incident still open on a provider you cannot run
// without, and a major or critical incident that has gone POSTMORTEM_GRACE_DAYS without a
// postmortem on record.
import type { Attention } from '../../../shared/api';
import { POSTMORTEM_GRACE_DAYS } from '../../../shared/domain/incidents';
import type { Context } from '../context';
import { incidentView } from './incidents';

export async function incidentAttention(ctx: Context): Promise<Attention['incidents']> {
  const vendors = new Map((await ctx.vendors.list()).filter((v) => v.status !== 'retired').map((v) => [v.id, v]));
  const dueBefore = ctx.now().getTime() - POSTMORTEM_GRACE_DAYS * 86_400_000;
  const openCritical = [];
  const missingPostmortems = [];
  // One broken row must not take the whole home page down: it is left out here (the provider's Incidents tab names it).
  for (const incident of (await ctx.incidents.readable()).incidents) {
    const vendor = vendors.get(incident.vendorId);
    if (!vendor) continue;
    if (incident.resolvedAt === null && vendor.criticalPath) openCritical.push(incidentView(incident, vendor));
    const serious = incident.impact === 'major' || incident.impact === 'critical';
    if (serious && incident.postmortem === null && incident.resolvedAt !== null && Date.parse(incident.resolvedAt) <= dueBefore) {
      missingPostmortems.push(incidentView(incident, vendor));
    }
  }
  openCritical.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  missingPostmortems.sort((a, b) => a.resolvedAt!.localeCompare(b.resolvedAt!));
  return { openCritical, missingPostmortems };
}
