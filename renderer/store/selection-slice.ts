import { api } from '../api';
import type { SelectionSlice, SliceCreator } from './types';

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set, get) => ({
  selectedId: null,
  detail: null,
  async select(id) {
    set({ selectedId: id, detail: id === null ? null : get().detail });
    if (id === null) return;
    try {
      const detail = await api['item-get']({ id });
      if (get().selectedId === id) set({ detail });
    } catch (error) {
      get().report(error);
    }
  },
  async selectRelative(step) {
    const { items, selectedId } = get();
    if (items.length === 0) return;
    const index = items.findIndex((item) => item.id === selectedId);
    const next = items[Math.min(items.length - 1, Math.max(0, index === -1 ? 0 : index + step))];
    if (next) await get().select(next.id);
  },
});
