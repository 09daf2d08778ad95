import { api } from '../api';
import type { SliceCreator, ViewsSlice } from './types';

export const createViewsSlice: SliceCreator<ViewsSlice> = (set, get) => ({
  view: 'inbox',
  counts: null,
  async showView(view) {
    // Customer service is worked oldest-waiting first; every other view newest first.
    set((state) => ({ view, selectedId: null, detail: null, context: null, checked: new Set(), filters: { ...state.filters, sort: view === 'service' ? 'oldest' : 'newest' } }));
    await get().loadView();
  },
  async refreshCounts() {
    try {
      set({ counts: await api['views-counts']() });
    } catch (error) {
      get().report(error);
    }
  },
});
