import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import type { Context } from '../context';
import { checkDefaultTemplates } from './template-choice';

export async function getSettings(ctx: Context): Promise<Settings> {
  return await ctx.settings.get();
}

export async function updateSettings(ctx: Context, patch: SettingsPatch): Promise<Settings> {
  return await ctx.write(async (ctx) => {
    if (patch.defaultTemplates) await checkDefaultTemplates(ctx, patch.defaultTemplates);
    await ctx.settings.set(patch);
    return ctx.settings.get();
  });
}
