import { DEFAULT_SETTINGS } from '../../common/settings-defaults';
import { api } from '../api';
import type { SettingsSlice, SliceCreator } from './types';

export const createSettingsSlice: SliceCreator<SettingsSlice> = (set, get) => ({
  settings: DEFAULT_SETTINGS,
  async loadSettings() {
    try {
      set({ settings: await api['settings-get']() });
    } catch (error) {
      get().report(error);
    }
  },
  async updateSettings(change) {
    // The screen follows at once; the stored settings come back as the answer.
    set((state) => ({ settings: { ...state.settings, ...change } }));
    try {
      set({ settings: await api['settings-update'](change) });
    } catch (error) {
      get().report(error);
      await get().loadSettings();
    }
  },
});
