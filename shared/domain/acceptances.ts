// Risk acceptance: someone with the authority accepts a finding (or a whole review) as it is, for a
// stated reason, until an expiry date. Expired, the risk is back on the table.
import { z } from 'zod';
import { IsoDate } from './dates';
import { dateState } from './reassessment';

export const AcceptanceInput = z
  .object({
    findingId: z.string().min(1).max(100).optional(),
    reviewId: z.string().min(1).max(100).optional(),
    justification: z.string().trim().min(1, 'say why the risk is accepted').max(5000),
    /** Who accepts; the user name from settings when omitted. */
    acceptedBy: z.string().trim().max(200).optional(),
    expiresOn: IsoDate,
  })
  .strict()
  .refine((a) => (a.findingId === undefined) !== (a.reviewId === undefined), {
    message: 'accept either a finding or a review',
    path: ['findingId'],
  });
export type AcceptanceInput = z.input<typeof AcceptanceInput>;

export interface Acceptance {
  id: string;
  vendorId: string;
  findingId: string | null;
  reviewId: string | null;
  justification: string;
  acceptedBy: string;
  acceptedAt: string;
  /** Valid through this day. */
  expiresOn: string;
  revokedAt: string | null;
}

export type AcceptanceState = 'active' | 'expiring_soon' | 'expired' | 'revoked';

export function acceptanceState(a: Pick<Acceptance, 'expiresOn' | 'revokedAt'>, today: string): AcceptanceState {
  if (a.revokedAt !== null) return 'revoked';
  const state = dateState(a.expiresOn, today);
  return state === 'past' ? 'expired' : state === 'soon' ? 'expiring_soon' : 'active';
}
