import type { SliceCreator, StatusSlice } from './types';

export const createStatusSlice: SliceCreator<StatusSlice> = (set) => ({
  error: null,
  report(error) {
    set({ error: error instanceof Error ? error.message : String(error) });
  },
  dismissError() {
    set({ error: null });
  },
});
