import { api } from '../api';
import type { QueueFilters, QueueSlice, SliceCreator, StoreState } from './types';

const PAGE_SIZE = 100;

/** The API's filters from the screen's: dates become the start of the day and of the day after. */
export function listInput(state: StoreState) {
  const { sort, feedId, route, status, from, to, search, suggested } = state.filters;
  const dayStart = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00`) + plusDays * 86_400_000).toISOString();
  return {
    view: state.view,
    sort,
    feedId,
    route,
    status,
    from: from ? dayStart(from) : undefined,
    to: to ? dayStart(to, 1) : undefined,
    search: search?.trim() ? search : undefined,
    suggested,
  };
}

/** Bumped by every reload, so a "load more" page fetched before it is dropped, not appended. */
let generation = 0;

export const createQueueSlice: SliceCreator<QueueSlice> = (set, get) => ({
  items: [],
  nextCursor: null,
  loading: false,
  filters: { sort: 'newest' },
  matching: null,
  reloadOwed: false,
  async setFilters(change: Partial<QueueFilters>) {
    set((state) => ({ filters: { ...state.filters, ...change } }));
    await get().loadView();
  },
  async loadView() {
    generation += 1;
    const request = listInput(get());
    const key = JSON.stringify(request);
    set({ loading: true });
    try {
      const page = await api['items-list']({ ...request, limit: PAGE_SIZE });
      // A slower answer for a view or filter the moderator already left must not overwrite the current
      // one, nor may a page read before actions still in flight (the last of them reloads: reloadOwed).
      if (JSON.stringify(listInput(get())) !== key) return;
      if (get().pendingActions > 0) return set({ reloadOwed: true });
      const { selectedId } = get();
      set({ items: page.items, nextCursor: page.nextCursor, matching: page.matching === undefined ? null : { total: page.matching, read: page.items.length, capped: page.matchingCapped === true }, reloadOwed: false });
      if (selectedId === null || !page.items.some((item) => item.id === selectedId)) await get().select(page.items[0]?.id ?? null);
    } catch (error) {
      get().report(error);
    } finally {
      set({ loading: false });
    }
  },
  async loadMore() {
    const { nextCursor, loading } = get();
    if (!nextCursor || loading) return;
    const request = listInput(get());
    const started = generation;
    set({ loading: true });
    try {
      const page = await api['items-list']({ ...request, limit: PAGE_SIZE, cursor: nextCursor });
      if (started === generation) {
        set((state) => ({ items: [...state.items, ...page.items], nextCursor: page.nextCursor, matching: state.matching && { ...state.matching, read: state.matching.read + page.items.length } }));
      }
    } catch (error) {
      get().report(error);
    } finally {
      set({ loading: false });
    }
  },
});
