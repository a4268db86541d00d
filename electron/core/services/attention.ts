// What needs attention now: the app's home page and `vetted due` read this in one transaction.
import type { Attention } from '../../../shared/api';
import { acceptanceState } from '../../../shared/domain/acceptances';
import { addDays } from '../../../shared/domain/dates';
import type { Context } from '../context';
import { listAcceptances } from './acceptances';
import { listEvidence } from './evidence';
import { listFindings } from './findings';
import { concentrationAttention } from './concentration';
import { incidentAttention } from './incident-attention';
import { warningsFor } from './maintenance';
import { listReassessments } from './reassessment';
import { today } from './today';

/** Maintenance warnings look this many days ahead (today included). */
export const ATTENTION_MAINTENANCE_DAYS = 90;
/**
 * At most this many of each kind of maintenance warning (critical-path first): a register of
 * hundreds of providers can have tens of thousands of overlapping pairs, which no home page can
 * show; the totals still count them all and the calendar lists them.
 */
export const ATTENTION_MAINTENANCE_LIMIT = 25;

export async function attention(ctx: Context): Promise<Attention> {
  return await ctx.read(async (ctx) => {
    const day = today(ctx);
    return {
      today: day,
      reviews: (await listReassessments(ctx, {})).filter(
        (e) => e.vendorStatus !== 'retired' && (e.state === 'overdue' || e.state === 'due_soon'),
      ),
      findings: (await listFindings(ctx, {})).filter(
        (f) => f.overdue || (f.status === 'accepted' && f.effectiveStatus === 'open'),
      ),
      evidence: (await listEvidence(ctx, {})).filter((e) => e.state === 'expired' || e.state === 'expiring_soon'),
      acceptances: (await listAcceptances(ctx, {})).filter((a) => a.reviewId !== null && acceptanceState(a, day) === 'expired'),
      maintenance: await warningsFor(ctx, { range: { from: day, to: addDays(day, ATTENTION_MAINTENANCE_DAYS - 1) }, limit: ATTENTION_MAINTENANCE_LIMIT }),
      incidents: await incidentAttention(ctx),
      concentration: await concentrationAttention(ctx),
    };
  });
}
