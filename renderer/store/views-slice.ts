import { api } from '../api';
import type { SliceCreator, ViewsSlice } from './types';

export const createViewsSlice: SliceCreator<ViewsSlice> = (set, get) => ({
  view: 'inbox',
  counts: null,
  async showView(view) {
    // Customer service is worked oldest-waiting first; every other view newest first.
    await get().openView(view, { sort: view === 'service' ? 'oldest' : 'newest' });
  },
  async openView(view, filters) {
    set({ view, filters, selectedId: null, detail: null, context: null, checked: new Set() });
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
