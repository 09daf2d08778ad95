// Result shapes of the service operations. Plain data only: this file is shared with the renderer.

export const VIEW_NAMES = ['inbox', 'service', 'spotlight', 'snoozed', 'ignored', 'done', 'all'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export type ItemStatus = 'new' | 'routed' | 'snoozed' | 'done';
export type Route = 'service' | 'spotlight' | 'ignore';

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  /** False while every feed fails to connect (the network seems down). */
  online: boolean;
}

export type ViewCounts = Record<ViewName, number>;

export type FeedStatus = 'active' | 'muted' | 'parked';

export interface FeedError {
  category: string;
  message: string;
}

export interface FeedSummary {
  id: number;
  url: string;
  title: string;
  siteUrl: string | null;
  kind: 'comments' | 'posts';
  status: FeedStatus;
  intervalMinutes: number;
  followDays: number | null;
  parentFeedId: number | null;
  isSample: boolean;
  lastError: FeedError | null;
  failuresInARow: number;
  lastFetchedAt: string | null;
  lastSuccessAt: string | null;
  nextFetchAt: string | null;
  itemCount: number;
  newCount: number;
}

export interface FetchResult {
  feedId: number;
  status: 'ok' | 'not-modified' | 'error' | 'cancelled';
  newItems: number;
  error: FeedError | null;
}

export interface FeedCandidate {
  url: string;
  title: string;
  /** Why it ranks where it does: a comment feed is what Switchboard is for. */
  kind: 'comments' | 'posts' | 'unknown';
}

export interface SubscribeResult {
  feed: FeedSummary;
  /** The other feeds the page offered, best first. */
  alternatives: FeedCandidate[];
  fetch: FetchResult;
}

export interface OpmlImportResult {
  added: number;
  alreadySubscribed: number;
  invalid: string[];
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
  routedAt: string | null;
  snoozedUntil: string | null;
  snoozeUntilReply: boolean;
  /** Back in the Inbox because its snooze ended. */
  backFromSnooze: boolean;
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

export type TriageAction = 'route' | 'done' | 'snooze' | 'reopen' | 'note';

export interface ActionResult {
  action: TriageAction;
  itemIds: number[];
  /** The audit-log entry that undoes it. */
  auditId: number;
}

export interface UndoResult {
  /** The action undone, or null when there was nothing left to undo. */
  action: TriageAction | null;
  itemIds: number[];
}

export interface ItemContext {
  /** Every stored comment of the same thread, oldest first (this one included). */
  thread: ItemSummary[];
  author: {
    name: string;
    comments: number;
    byRoute: Record<Route, number>;
    firstSeen: string | null;
    lastSeen: string | null;
    feeds: string[];
    recent: ItemSummary[];
  };
}

/** Filters a saved search remembers (dates as yyyy-mm-dd). */
export interface SavedSearchFilters {
  view: ViewName;
  sort?: 'newest' | 'oldest';
  feedId?: number;
  route?: Route;
  status?: ItemStatus;
  from?: string;
  to?: string;
  search?: string;
}

export interface SavedSearch {
  id: string;
  name: string;
  filters: SavedSearchFilters;
}

export interface Settings {
  /** Single-key shortcuts (j, k, s, ...); off leaves only Ctrl+Z and the buttons. */
  singleKeyShortcuts: boolean;
  /** Shortcut name → key, for the ones the moderator rebound; the rest keep their defaults. */
  keyBindings: Record<string, string>;
  savedSearches: SavedSearch[];
}
