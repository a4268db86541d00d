import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import type { Context } from '../context';

export function getSettings(ctx: Context): Settings {
  return ctx.settings.get();
}

export function updateSettings(ctx: Context, patch: SettingsPatch): Settings {
  return ctx.db.transaction(() => {
    ctx.settings.set(patch);
    return ctx.settings.get();
  })();
}
