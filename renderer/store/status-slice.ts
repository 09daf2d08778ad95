import { sentence } from '../../common/errors';
import type { SliceCreator, StatusSlice } from './types';

export const createStatusSlice: SliceCreator<StatusSlice> = (set) => ({
  error: null,
  report(error) {
    // The banner says what went wrong as a sentence; the stage it failed in is no help to a moderator.
    set({ error: sentence(error) });
  },
  dismissError() {
    set({ error: null });
  },
});
