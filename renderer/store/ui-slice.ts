import type { SliceCreator, UiSlice } from './types';

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  dialog: null,
  focusFeedId: null,
  openDialog(dialog, focusFeedId) {
    set({ dialog, focusFeedId: focusFeedId ?? null });
  },
  closeDialog() {
    set({ dialog: null, focusFeedId: null });
  },
});
