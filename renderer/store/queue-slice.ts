import { api } from '../api';
import type { QueueSlice, SliceCreator } from './types';

const PAGE_SIZE = 100;

export const createQueueSlice: SliceCreator<QueueSlice> = (set, get) => ({
  items: [],
  nextCursor: null,
  loading: false,
  async loadView() {
    const view = get().view;
    set({ loading: true });
    try {
      const page = await api['items-list']({ view, limit: PAGE_SIZE });
      // A slower answer for a view the moderator already left must not overwrite the current one.
      if (get().view === view) set({ items: page.items, nextCursor: page.nextCursor });
    } catch (error) {
      get().report(error);
    } finally {
      set({ loading: false });
    }
  },
  async loadMore() {
    const { view, nextCursor, loading } = get();
    if (!nextCursor || loading) return;
    set({ loading: true });
    try {
      const page = await api['items-list']({ view, limit: PAGE_SIZE, cursor: nextCursor });
      if (get().view === view) set((state) => ({ items: [...state.items, ...page.items], nextCursor: page.nextCursor }));
    } catch (error) {
      get().report(error);
    } finally {
      set({ loading: false });
    }
  },
});
