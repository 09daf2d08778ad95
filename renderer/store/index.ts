// One store of slices; components read it through narrow selectors, and every API call lives in
// a slice's actions.
import { create } from 'zustand';
import { subscribeEvents } from '../api';
import { createFeedsSlice } from './feeds-slice';
import { createQueueSlice } from './queue-slice';
import { createSelectionSlice } from './selection-slice';
import { createStatusSlice } from './status-slice';
import type { StoreState } from './types';
import { createViewsSlice } from './views-slice';

export const useStore = create<StoreState>()((set, get) => ({
  ...createViewsSlice(set, get),
  ...createQueueSlice(set, get),
  ...createSelectionSlice(set, get),
  ...createFeedsSlice(set, get),
  ...createStatusSlice(set, get),
}));

/** Loads what the console shows first, then keeps it current from the service's events. */
export function startStore(): () => void {
  const { refreshCounts, refreshFeeds, loadView } = useStore.getState();
  void Promise.all([refreshCounts(), refreshFeeds(), loadView()]);
  return subscribeEvents((event) => {
    const state = useStore.getState();
    if (event.name === 'counts-changed') useStore.setState({ counts: event.payload });
    if (event.name === 'items-changed') void Promise.all([state.loadView(), state.refreshFeeds()]);
  });
}
