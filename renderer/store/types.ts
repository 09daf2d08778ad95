import type { FeedSummary, ItemDetail, ItemSummary, PageCursor, ViewCounts, ViewName } from '../../main/api/types';

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

export interface FeedsSlice {
  feeds: FeedSummary[] | null;
  refreshFeeds(): Promise<void>;
}

export interface StatusSlice {
  /** The last failure, in the service's own words, shown until dismissed. */
  error: string | null;
  report(error: unknown): void;
  dismissError(): void;
}

export type StoreState = ViewsSlice & QueueSlice & SelectionSlice & FeedsSlice & StatusSlice;
export type SliceCreator<T> = (
  set: (partial: Partial<StoreState> | ((state: StoreState) => Partial<StoreState>)) => void,
  get: () => StoreState,
) => T;
