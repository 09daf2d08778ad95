import type { FeedCandidate, FeedSummary, FetchResult, ItemDetail, ItemSummary, PageCursor, SubscribeResult, ViewCounts, ViewName } from '../../main/api/types';

export interface ViewsSlice {
  view: ViewName;
  counts: ViewCounts | null;
  showView(view: ViewName): Promise<void>;
  refreshCounts(): Promise<void>;
}

export interface QueueSlice {
  items: ItemSummary[];
  nextCursor: PageCursor | null;
  loading: boolean;
  loadView(): Promise<void>;
  loadMore(): Promise<void>;
}

export interface SelectionSlice {
  selectedId: number | null;
  detail: ItemDetail | null;
  select(id: number | null): Promise<void>;
  selectRelative(step: 1 | -1): Promise<void>;
}

export interface FetchProgress {
  done: number;
  total: number;
  newItems: number;
  finished: boolean;
}

export interface FeedsSlice {
  feeds: FeedSummary[] | null;
  fetchProgress: FetchProgress | null;
  /** The last fetch run's outcome in one line, shown until the next run. */
  lastFetchSummary: string | null;
  online: boolean;
  refreshFeeds(): Promise<void>;
  fetchNow(): Promise<void>;
  cancelFetch(): Promise<void>;
  loadSamples(): Promise<void>;
  removeSamples(): Promise<void>;
  discover(url: string): Promise<FeedCandidate[]>;
  subscribe(url: string, followDays?: number): Promise<SubscribeResult>;
  retryFeed(id: number): Promise<FetchResult | null>;
  setFeedMuted(id: number, muted: boolean): Promise<void>;
  updateFeed(id: number, change: { title?: string; intervalMinutes?: 0 | 5 | 15 | 60 | 240 | 1440 }): Promise<void>;
  /** Subscribes to every feed of an OPML file in one transaction, then fetches them with progress. */
  importOpml(text: string): Promise<string | null>;
  exportOpml(): Promise<string | null>;
  unsubscribe(id: number, deleteItems: boolean): Promise<void>;
}

export type DialogName = 'subscribe' | 'feed-health';

export interface UiSlice {
  dialog: DialogName | null;
  /** The feed the health panel opens on, if any. */
  focusFeedId: number | null;
  openDialog(dialog: DialogName, focusFeedId?: number): void;
  closeDialog(): void;
}

export interface StatusSlice {
  /** The last failure, in the service's own words, shown until dismissed. */
  error: string | null;
  report(error: unknown): void;
  dismissError(): void;
}

export type StoreState = ViewsSlice & QueueSlice & SelectionSlice & FeedsSlice & StatusSlice & UiSlice;
export type SliceCreator<T> = (
  set: (partial: Partial<StoreState> | ((state: StoreState) => Partial<StoreState>)) => void,
  get: () => StoreState,
) => T;
