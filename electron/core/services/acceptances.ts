// Risk acceptance of a finding or of a whole review, until an expiry date.
import { mapInOrder } from '../in-order';
import type { AcceptanceView } from '../../../shared/api';
import { acceptanceState, type Acceptance, type AcceptanceInput } from '../../../shared/domain/acceptances';
import { localIsoDate } from '../../../shared/domain/dates';
import { REVIEW_STATUS_LABELS } from '../../../shared/domain/labels';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { today } from './today';
import { getVendor } from './vendor-lookup';

export async function acceptanceView(
  ctx: Context,
  a: Acceptance,
  names: ReadonlyMap<string, string>,
  findingTitles: ReadonlyMap<string, string>,
  day: string,
): Promise<AcceptanceView> {
  let subject: string;
  if (a.findingId) {
    subject = findingTitles.get(a.findingId) ?? (await ctx.findings.get(a.findingId))?.title ?? 'A finding';
  } else {
    const review = a.reviewId ? await ctx.reviews.get(a.reviewId) : undefined;
    subject = review
      ? `The whole review started ${localIsoDate(new Date(review.startedAt))} (${REVIEW_STATUS_LABELS[review.status].toLowerCase()})`
      : 'A review';
  }
  return { ...a, vendorName: names.get(a.vendorId) ?? '', state: acceptanceState(a, day), subject };
}

async function views(ctx: Context, list: readonly Acceptance[]): Promise<AcceptanceView[]> {
  const names = new Map((await ctx.vendors.list()).map((v) => [v.id, v.name]));
  const day = today(ctx);
  return mapInOrder(list, (a) => acceptanceView(ctx, a, names, new Map(), day));
}

export async function listAcceptances(ctx: Context, input: { vendorId?: string }): Promise<AcceptanceView[]> {
  return await ctx.read(async (ctx) => {
    if (input.vendorId !== undefined) await getVendor(ctx, input.vendorId);
    return views(ctx, await ctx.findings.acceptances(input.vendorId));
  });
}

/** Accepts a finding (which becomes "accepted") or a review, in one transaction. */
export async function createAcceptance(ctx: Context, input: AcceptanceInput): Promise<AcceptanceView> {
  return await ctx.write(async (ctx) => {
    const day = today(ctx);
    if (input.expiresOn <= day) {
      const message = `an acceptance must expire after today (${day})`;
      throw new VettedError('validation', `expiresOn: ${message}`, [{ path: 'expiresOn', message }]);
    }
    const acceptedBy = (input.acceptedBy ?? (await ctx.settings.get()).userName).trim();
    if (!acceptedBy) {
      const message = 'say who accepts the risk (or set your name in Settings)';
      throw new VettedError('validation', `acceptedBy: ${message}`, [{ path: 'acceptedBy', message }]);
    }
    let vendorId: string;
    const finding = input.findingId ? await ctx.findings.get(input.findingId) : undefined;
    if (input.findingId) {
      if (!finding) throw new VettedError('not_found', `No finding with id ${input.findingId}.`);
      if (finding.status === 'resolved') throw new VettedError('conflict', 'The finding is resolved; there is no risk left to accept.');
      vendorId = finding.vendorId;
    } else {
      const review = await ctx.reviews.get(input.reviewId!);
      if (!review) throw new VettedError('not_found', `No review with id ${input.reviewId}.`);
      vendorId = review.vendorId;
    }
    const stamp = ctx.now().toISOString();
    const acceptance: Acceptance = {
      id: ctx.newId(),
      vendorId,
      findingId: input.findingId ?? null,
      reviewId: input.reviewId ?? null,
      justification: input.justification.trim(),
      acceptedBy,
      acceptedAt: stamp,
      expiresOn: input.expiresOn,
      revokedAt: null,
    };
    await ctx.findings.insertAcceptanceRow(acceptance);
    if (finding) await ctx.findings.update({ ...finding, status: 'accepted', updatedAt: stamp });
    return (await views(ctx, [acceptance]))[0]!;
  });
}

/** Withdraws an acceptance; its finding, if accepted, is open again. */
export async function revokeAcceptance(ctx: Context, id: string): Promise<AcceptanceView> {
  return await ctx.write(async (ctx) => {
    const acceptance = await ctx.findings.acceptance(id);
    if (!acceptance) throw new VettedError('not_found', `No risk acceptance with id ${id}.`);
    if (acceptance.revokedAt) throw new VettedError('conflict', 'This acceptance was already revoked.');
    const stamp = ctx.now().toISOString();
    await ctx.findings.revoke(id, stamp);
    const finding = acceptance.findingId ? await ctx.findings.get(acceptance.findingId) : undefined;
    if (finding?.status === 'accepted') await ctx.findings.update({ ...finding, status: 'open', updatedAt: stamp });
    return (await views(ctx, [{ ...acceptance, revokedAt: stamp }]))[0]!;
  });
}
