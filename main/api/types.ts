// Result shapes of the service operations. Plain data only: this file is shared with the renderer.

export const VIEW_NAMES = ['inbox', 'service', 'spotlight', 'snoozed', 'ignored', 'done', 'all'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export type ItemStatus = 'new' | 'routed' | 'snoozed' | 'done';
export type Route = 'service' | 'spotlight' | 'ignore';

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
}

export type ViewCounts = Record<ViewName, number>;

export interface FeedSummary {
  id: number;
  url: string;
  title: string;
  status: 'active' | 'muted' | 'parked';
  lastError: { category: string; message: string } | null;
  lastFetchedAt: string | null;
  itemCount: number;
}

export interface ItemSummary {
  id: number;
  feedId: number;
  feedTitle: string;
  author: string;
  excerpt: string;
  threadTitle: string;
  publishedAt: string;
  status: ItemStatus;
  route: Route | null;
}

export interface ItemDetail extends ItemSummary {
  guid: string;
  url: string | null;
  threadUrl: string | null;
  authorUrl: string | null;
  contentHtml: string;
  contentText: string;
  note: string | null;
}

/** Where the next page of a view starts: the last row's sort key (keyset paging, never OFFSET). */
export interface PageCursor {
  publishedAt: string;
  id: number;
}

export interface ItemPage {
  items: ItemSummary[];
  nextCursor: PageCursor | null;
}
