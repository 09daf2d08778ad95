import type { SliceCreator, UiSlice } from './types';

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  dialog: null,
  composerFor: null,
  memberId: null,
  openMember(id) {
    set({ dialog: 'member', memberId: id });
  },
  openComposer() {
    const id = get().selectedId;
    if (id === null) return;
    set({ composerFor: id });
    requestAnimationFrame(() => document.getElementById('composer')?.focus());
  },
  focusFeedId: null,
  openDialog(dialog, focusFeedId) {
    set({ dialog, focusFeedId: focusFeedId ?? null });
  },
  closeDialog() {
    set({ dialog: null, focusFeedId: null });
  },
});
