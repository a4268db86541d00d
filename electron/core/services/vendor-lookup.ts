// Finding a provider by id: the one thing every lifecycle service needs from the providers. Kept
// apart from vendors.ts (which builds the register list from findings, reassessment and scores) so
// that no service imports another in a circle.
import type { Vendor } from '../../../shared/domain/vendor';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';

export async function getVendor(ctx: Context, id: string): Promise<Vendor> {
  const vendor = await ctx.vendors.get(id);
  if (!vendor) throw new VettedError('not_found', `No provider with id ${id}.`);
  return vendor;
}
