import { api } from '../api/client';
import type { SettingsSlice, SliceCreator } from './types';

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  settings: null,
  settingsStatus: 'idle',
  settingsError: null,

  async loadSettings() {
    set({ settingsStatus: 'loading', settingsError: null });
    const result = await api['settings.get']({});
    if (result.ok) set({ settings: result.value, settingsStatus: 'ready' });
    else {
      set({ settingsStatus: 'error', settingsError: result.error });
      if (get().settings) get().reportError(result.error); // the form stays; say why it may be stale
    }
  },

  async saveSettings(patch) {
    const result = await api['settings.update'](patch);
    if (result.ok) set({ settings: result.value, settingsStatus: 'ready', settingsError: null });
    return result;
  },
});
