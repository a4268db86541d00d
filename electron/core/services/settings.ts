import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import type { Context } from '../context';
import { checkDefaultTemplates } from './template-choice';
import { writeTransaction } from '../db/transactions';

export function getSettings(ctx: Context): Settings {
  return ctx.settings.get();
}

export function updateSettings(ctx: Context, patch: SettingsPatch): Settings {
  return writeTransaction(ctx.db, () => {
    if (patch.defaultTemplates) checkDefaultTemplates(ctx, patch.defaultTemplates);
    ctx.settings.set(patch);
    return ctx.settings.get();
  });
}
