// The company's blackout periods: times no provider should be in maintenance (release freeze,
// peak hours, a sales event). Kept in the register beside the settings, audited.
import type { BlackoutInput, BlackoutPatch, BlackoutPeriod, Schedule } from '../../../shared/domain/maintenance';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { lockToEdit } from '../db/store/row-lock';

async function getBlackout(ctx: Context, id: string): Promise<BlackoutPeriod> {
  const b = await ctx.maintenance.blackout(id);
  if (!b) throw new VettedError('not_found', `No blackout period with id ${id}.`);
  return b;
}

export async function listBlackouts(ctx: Context): Promise<BlackoutPeriod[]> {
  return await ctx.maintenance.blackouts();
}

export async function addBlackout(ctx: Context, input: BlackoutInput & { schedule: Schedule }): Promise<BlackoutPeriod> {
  return await ctx.write(async (ctx) => {
    const stamp = ctx.now().toISOString();
    const blackout: BlackoutPeriod = { id: ctx.newId(), name: input.name.trim(), schedule: input.schedule, notes: input.notes?.trim() ?? '', createdAt: stamp, updatedAt: stamp };
    await ctx.maintenance.insertBlackout(blackout);
    return blackout;
  });
}

export async function updateBlackout(ctx: Context, id: string, patch: BlackoutPatch & { schedule?: Schedule }): Promise<BlackoutPeriod> {
  return await ctx.write(async (ctx) => {
    await lockToEdit(ctx.sql, 'blackout_periods', id);
    const current = await getBlackout(ctx, id);
    const next: BlackoutPeriod = {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.schedule !== undefined ? { schedule: patch.schedule } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes.trim() } : {}),
      updatedAt: ctx.now().toISOString(),
    };
    await ctx.maintenance.updateBlackout(next);
    return next;
  });
}

export async function deleteBlackout(ctx: Context, id: string): Promise<{ id: string }> {
  return await ctx.write(async (ctx) => {
    await getBlackout(ctx, id);
    await ctx.maintenance.deleteBlackout(id);
    return { id };
  });
}
