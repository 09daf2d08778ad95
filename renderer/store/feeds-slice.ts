import type { FetchResult } from '../../common/types';
import { opmlImportReport } from '../../common/opml-report';
import { api } from '../api';
import { attempter } from './attempt';
import type { FeedsSlice, SliceCreator } from './types';
import { count } from '../../common/plural';


function summarize(results: FetchResult[]): string {
  const newItems = results.reduce((sum, result) => sum + result.newItems, 0);
  const failed = results.filter((result) => result.status === 'error').length;
  const cancelled = results.filter((result) => result.status === 'cancelled').length;
  if (results.length === 0) return 'No feed was due.';
  const parts = [`${count(results.length - cancelled, 'feed')} fetched`, `${count(newItems, 'new comment')}`];
  const skipped = results.reduce((sum, result) => sum + (result.skippedEntries ?? 0), 0);
  if (skipped) parts.push(`${count(skipped, 'unreadable entry', 'unreadable entries')} skipped`);
  const withheld = results.reduce((sum, result) => sum + (result.withheldEntries ?? 0), 0);
  if (withheld) parts.push(`${count(withheld, 'comment')} too large or deeply nested to show`);
  if (failed) parts.push(`${failed} failed — see Feed health`);
  if (cancelled) parts.push(`${cancelled} cancelled`);
  return `${parts.join(', ')}.`;
}

export const createFeedsSlice: SliceCreator<FeedsSlice> = (set, get) => {
  const attempt = attempter(get);

  return {
    feeds: null,
    fetchProgress: null,
    lastFetchSummary: null,
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
    async refreshFeeds() {
      await attempt(async () => set({ feeds: await api['feeds-list']() }));
    },
    async fetchNow() {
      set({ lastFetchSummary: null });
      const results = await attempt(() => api['feeds-fetch']({ all: true }));
      if (results) set({ lastFetchSummary: summarize(results) });
    },
    async cancelFetch() {
      await attempt(() => api['feeds-fetch-cancel']());
    },
    async loadSamples() {
      const results = await attempt(() => api['feeds-load-samples']());
      if (results) set({ lastFetchSummary: `Sample feeds loaded: ${summarize(results)}` });
    },
    async removeSamples() {
      await attempt(() => api['feeds-remove-samples']());
    },
    discover: (url) => api['feeds-discover']({ url }),
    subscribe: (url, followDays, allowLocal) => api['feeds-subscribe']({ url, ...(followDays ? { followDays } : {}), ...(allowLocal ? { allowLocal } : {}) }),
    retryFeed: (id) => attempt(() => api['feeds-retry']({ id })),
    async setFeedMuted(id, muted) {
      await attempt(() => api['feeds-update']({ id, status: muted ? 'muted' : 'active' }));
    },
    async updateFeed(id, change) {
      await attempt(() => api['feeds-update']({ id, ...change }));
    },
    async importOpml(text, allowLocal) {
      const result = await attempt(() => api['opml-import']({ opml: text, ...(allowLocal ? { allowLocal } : {}) }));
      if (!result) return null;
      const report = opmlImportReport(result);
      set({ lastFetchSummary: report.summary });
      if (result.added > 0) void get().fetchNow();
      return { ...report, local: result.local ?? [] };
    },
    async exportOpml() {
      return (await attempt(() => api['opml-export']()))?.opml ?? null;
    },
    async unsubscribe(id, deleteItems) {
      await attempt(() => api['feeds-unsubscribe']({ id, deleteItems }));
    },
  };
};
