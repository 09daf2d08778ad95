import { api } from '../api';
import type { FeedsSlice, SliceCreator } from './types';

export const createFeedsSlice: SliceCreator<FeedsSlice> = (set, get) => ({
  feeds: null,
  async refreshFeeds() {
    try {
      set({ feeds: await api['feeds-list']() });
    } catch (error) {
      get().report(error);
    }
  },
});
