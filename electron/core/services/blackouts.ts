// The company's blackout periods: times no provider should be in maintenance (release freeze,
// peak hours, a sales event). Kept in the register beside the settings, audited.
import type { BlackoutInput, BlackoutPatch, BlackoutPeriod, Schedule } from '../../../shared/domain/maintenance';
import { VettedError } from '../../../shared/result';
import type { Context } from '../context';
import { writeTransaction } from '../db/transactions';

function getBlackout(ctx: Context, id: string): BlackoutPeriod {
  const b = ctx.maintenance.blackout(id);
  if (!b) throw new VettedError('not_found', `No blackout period with id ${id}.`);
  return b;
}

export function listBlackouts(ctx: Context): BlackoutPeriod[] {
  return ctx.maintenance.blackouts();
}

export function addBlackout(ctx: Context, input: BlackoutInput & { schedule: Schedule }): BlackoutPeriod {
  return writeTransaction(ctx.db, () => {
    const stamp = ctx.now().toISOString();
    const blackout: BlackoutPeriod = { id: ctx.newId(), name: input.name.trim(), schedule: input.schedule, notes: input.notes?.trim() ?? '', createdAt: stamp, updatedAt: stamp };
    ctx.maintenance.insertBlackout(blackout);
    return blackout;
  });
}

export function updateBlackout(ctx: Context, id: string, patch: BlackoutPatch & { schedule?: Schedule }): BlackoutPeriod {
  return writeTransaction(ctx.db, () => {
    const current = getBlackout(ctx, id);
    const next: BlackoutPeriod = {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.schedule !== undefined ? { schedule: patch.schedule } : {}),
      ...(patch.notes !== undefined ? { notes: patch.notes.trim() } : {}),
      updatedAt: ctx.now().toISOString(),
    };
    ctx.maintenance.updateBlackout(next);
    return next;
  });
}

export function deleteBlackout(ctx: Context, id: string): { id: string } {
  return writeTransaction(ctx.db, () => {
    getBlackout(ctx, id);
    ctx.maintenance.deleteBlackout(id);
    return { id };
  });
}
