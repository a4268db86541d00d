import { localIsoDate } from '../../../shared/domain/dates';
import type { Context } from '../context';

/** Today's date on the context's clock (injectable in tests), as the lifecycle rules read it. */
export function today(ctx: Context): string {
  return localIsoDate(ctx.now());
}
