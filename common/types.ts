// Result shapes of the service operations. Plain data only: this file is shared with the renderer.

export const VIEW_NAMES = ['inbox', 'service', 'spotlight', 'snoozed', 'ignored', 'done', 'all'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export type ItemStatus = 'new' | 'routed' | 'snoozed' | 'done';
/** Where a customer-service item stands: nobody has answered, a reply is drafted, ready, exported, or it is resolved. */
export type ServiceState = 'open' | 'drafted' | 'ready' | 'exported' | 'resolved';
export type Route = 'service' | 'spotlight' | 'ignore';

export interface AppInfo {
  version: string;
  dbPath: string;
  schemaVersion: number;
  /** False while every feed fails to connect (the network seems down). */
  online: boolean;
  /** Why this database can be read but not changed (a read-only file, a full disk at start); null when it can be changed. */
  readOnly: string | null;
  /** Set when the database failed its check at open: the console is read-only until a backup is restored. */
  damage: DatabaseDamage | null;
}

/** What the check at open found wrong with the database file, and the backup that would bring it back. */
export interface DatabaseDamage {
  finding: string;
  newestBackup: BackupInfo | null;
}

/** One backup in the folder beside the database. `before-restore`: the file a restore replaced. */
export interface BackupInfo {
  name: string;
  file: string;
  kind: 'daily' | 'before-migration' | 'manual' | 'before-restore';
  automatic: boolean;
  takenAt: number;
  bytes: number;
}

export interface RestoreResult {
  restored: string;
  /** Where the replaced database was kept (in the backups folder), or null when there was none. */
  keptAside: string | null;
}

export type ViewCounts = Record<ViewName, number> & {
  /** Customer-service items waiting longer than the overdue threshold (Settings). */
  serviceOverdue: number;
  /** Replies marked ready and not exported yet: what "Export replies" writes by default. */
  serviceReady: number;
  /** Replies drafted, ready or exported: what "Export replies" writes with drafts included. */
  serviceDrafted: number;
};

export type FeedStatus = 'active' | 'muted' | 'parked';

/** Why a feed's last fetch failed, as the API reports it (the fetcher throws a FeedError). */
export interface FeedFailure {
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
  lastError: FeedFailure | null;
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
  error: FeedFailure | null;
  /** Entries of the feed left out (empty, unreadable or garbage) while the rest were stored; absent when none. */
  skippedEntries?: number;
  /** Comments stored with a notice instead of their content, whose HTML was over the size or nesting limit; absent when none. */
  withheldEntries?: number;
}

export interface FeedCandidate {
  url: string;
  title: string;
  /** Why it ranks where it does: a comment feed is what Switchboard is for. */
  kind: 'comments' | 'posts' | 'unknown';
  /** The address on this computer or the local network it points at, if any: subscribing to it needs the moderator's confirmation. */
  localAddress?: string;
}

export interface SubscribeResult {
  feed: FeedSummary;
  /** The other feeds the page offered, best first. */
  alternatives: FeedCandidate[];
  fetch: FetchResult;
}

/** An OPML import reads at most this many outlines; the rest are counted as left out. */
export const MAX_OPML_OUTLINES = 10_000;

export interface OpmlImportResult {
  added: number;
  alreadySubscribed: number;
  /** Outlines not imported, each with why in a person's words (an address that is not http or https, ...). */
  skipped: { url: string; reason: string }[];
  /** The file's folders that held feeds: Switchboard has no folders, so their feeds came in without them; absent when none. */
  droppedFolders?: string[];
  /** Outlines past the first MAX_OPML_OUTLINES (10,000), not imported; absent when none. */
  leftOut?: number;
  /** Feeds on this computer or the local network, left out because the import did not confirm them (allowLocal); absent when none. */
  local?: { url: string; address: string }[];
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
  serviceState: ServiceState | null;
  incidentId: number | null;
  /** Featured in the spotlight (in the "Community highlights" digest). */
  featured: boolean;
  /** A milestone this comment marks ("Marcus T: 3rd community answer"), worth a spotlight. */
  milestone: string | null;
  /** The console's routing suggestion, null until the comment is scored (main/features/suggestions). */
  suggestion: Suggestion | null;
  /** In a team workspace: another moderator's lease on it ("Dana is replying"); absent or null when nobody else holds it. */
  lease?: TeamLease | null;
}

/** Another moderator working on a comment, as the console shows it on the row and in the detail pane. */
export interface TeamLease {
  holder: string;
  purpose: 'open' | 'reply' | 'checkout';
  until: string;
}

/** Where this desktop stands with its team (Settings, the header, `switchboard team status`). */
export type TeamStatus =
  | { mode: 'solo' }
  | {
      mode: 'team';
      server: string;
      workspace: string;
      moderator: { name: string; role: 'owner' | 'moderator' };
      /** Connected to the team server's stream right now. */
      online: boolean;
      /** When the copy last caught up with the change log. */
      lastSyncAt: string | null;
      /** Decisions made here and not yet accepted by the server. */
      outbox: number;
      /** Decisions the server refused, waiting for the moderator ("keep theirs / apply mine"). */
      conflicts: number;
      /** Who else is connected, as last heard. */
      people: { name: string; role: 'owner' | 'moderator' }[];
      /** Why the last try to reach the server failed, in plain words; null when it did not. */
      problem: string | null;
    };

/** A decision of this desktop the workspace refused: what the moderator did, and what is there now. */
export interface TeamConflict {
  id: number;
  itemId: number;
  /** A routing decision (or note, snooze...), or a reply draft. */
  kind: 'state' | 'draft';
  author: string;
  excerpt: string;
  reason: 'stale' | 'leased' | 'missing';
  mine: { status: ItemStatus; route: Route | null };
  theirs: { status: ItemStatus; route: Route | null; by: string | null; at: string | null } | null;
  madeAt: string;
}

/**
 * A routing suggestion: the lane the console would pick, or no suggestion (`route` null) when it
 * is unsure; how sure it is (0 to 1); and up to three reasons in plain words. Suggestions never
 * act on their own: the moderator accepts them (`a`, "Accept all at or above N%").
 */
export interface Suggestion {
  route: Route | null;
  confidence: number;
  reasons: string[];
}

/** Which suggested lane a list keeps: one lane, or the comments with no suggestion. */
export const SUGGESTED_FILTERS = ['service', 'spotlight', 'ignore', 'none'] as const;
export type SuggestedFilter = (typeof SUGGESTED_FILTERS)[number];

/** What accepting suggestions would route (a preview), or did route. */
export interface AcceptSummary {
  /** How many comments it routes (or would). */
  count: number;
  byRoute: Record<Route, number>;
  /** More comments qualified than one action takes (10,000): the rest are left for another time. */
  capped: boolean;
}

/** What the console has learned from the moderator's decisions. */
export interface LearningStatus {
  /** Comments whose routing the model has learned from, per lane. */
  learned: Record<Route, number>;
  /** Inbox comments still waiting to be scored again after the latest learning. */
  pendingRescore: number;
}

export interface ItemDetail extends ItemSummary {
  guid: string;
  url: string | null;
  threadUrl: string | null;
  authorUrl: string | null;
  contentHtml: string;
  contentText: string;
  note: string | null;
  resolution: 'replied' | 'answered-by-community' | null;
  answeredBy: number | null;
  /**
   * In a team workspace: the moderator whose decision put the comment where it is (this desktop's
   * own name for its own decisions), and when. Null solo, and before anybody decided.
   */
  decidedBy: string | null;
  decidedAt: string | null;
  /** The reply being drafted for this comment (or for its incident). */
  draft: Draft | null;
}

/**
 * What a spotlight saved reply is for, declared by the moderator (never guessed from its name):
 * Thank and "Answered it" draft the thank-you, Invite the invitation of the kind asked.
 */
export const TEMPLATE_KINDS = ['thank-you', 'invite-guest-post', 'invite-volunteer', 'invite-moderator'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface Template {
  id: number;
  name: string;
  lane: 'service' | 'spotlight';
  body: string;
  /** Placeholders the template declares beyond the built-in ones ({{ticket}}), asked for at insertion. */
  variables: string[];
  /** At most one spotlight reply per kind; null for the others. */
  kind: TemplateKind | null;
  updatedAt: string;
}

export interface Draft {
  id: number;
  itemId: number | null;
  incidentId: number | null;
  body: string;
  templates: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Incident {
  id: number;
  title: string;
  itemIds: number[];
  draft: Draft | null;
}

export type ExportFormat = 'csv' | 'json' | 'md';

export interface ExportResult {
  fileName: string;
  mimeType: string;
  content: string;
  /** How many replies the file holds (one per person, incidents included). */
  count: number;
  /** The comments whose replies it holds (mark them exported once the file is saved). */
  itemIds: number[];
}

/** Where the next page of a view starts: the last row's sort key (keyset paging, never OFFSET). */
export interface PageCursor {
  publishedAt: string;
  id: number;
  /** In the Inbox: the page ended among the comments back from a snooze, which come first. */
  back?: boolean;
  /** Sorted by suggestion: the lane group (0 service, 1 spotlight, 2 ignore, 3 none) and confidence the page ended on. */
  lane?: number;
  confidence?: number;
}

/** The ids of every comment a view and its filters match, up to the most one action takes. */
export interface MatchingIds {
  ids: number[];
  /** More match than one action takes: `ids` are the first of them in the list's order. */
  more: boolean;
}

export interface ItemPage {
  items: ItemSummary[];
  nextCursor: PageCursor | null;
  /** On the first page of a filtered list: how many comments of the view match the filters (the view's own count says how many it holds). */
  matching?: number;
  /** Set when more match than `matching` says: the count stops there (db/tables/items.ts MATCHING_CAP). */
  matchingCapped?: boolean;
}

export type TriageAction = 'route' | 'done' | 'snooze' | 'reopen' | 'note' | 'draft-ready' | 'resolve' | 'answered-by' | 'incident' | 'export' | 'spotlight';

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
  /** The audit-log entry undone (null when nothing was); the items-changed event of the undo carries it. */
  auditId: number | null;
  /**
   * A console's own newest action left as it is, because another window or a terminal changed its
   * comments (itemIds) since: undoing it would overwrite that change.
   */
  superseded?: number;
}

/** A comment as the detail pane shows it: in full, with its thread and its author's history. */
export interface ShownItem {
  detail: ItemDetail;
  context: ItemContext;
}

/**
 * A triage action's answer (route, done, snooze): what it stored, the comments it changed as a list
 * row shows them now, and the comment the console moves on to, when the call named one: everything
 * the screen needs after the key, in one round trip.
 */
/** An undo's answer: the comments it restored, as rows (the console names them and goes back to them). */
export interface UndoAnswer extends UndoResult {
  items: ItemSummary[];
}

export interface TriageResult extends ActionResult {
  items: ItemSummary[];
  /** The comment named as `next`, read after the action; null when none was named or it no longer exists. */
  next: ShownItem | null;
}

export interface ItemContext {
  /** Every stored comment of the same thread, oldest first (this one included). */
  thread: ItemSummary[];
  /** The member who wrote it, with the moderator's private note about them. */
  member: { id: number; name: string; note: string | null } | null;
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

/**
 * With search words, 'relevance' lists the best matches (one page); without, it is 'newest'.
 * 'suggestion' groups the list by suggested lane (customer service, spotlight, ignore, then no
 * suggestion), the most confident first within each.
 */
export type SortOrder = 'newest' | 'oldest' | 'relevance' | 'suggestion';

/** The filters a queue applies within a view. `from`/`to`: ISO times in the API, yyyy-mm-dd days in the console. */
export interface ItemFilters {
  feedId?: number;
  route?: Route;
  status?: ItemStatus;
  from?: string;
  to?: string;
  search?: string;
  /** Only comments suggested for this lane, or with no suggestion ('none'). */
  suggested?: SuggestedFilter;
}

/** Filters a saved search remembers (dates as yyyy-mm-dd). */
export interface SavedSearchFilters extends ItemFilters {
  view: ViewName;
  sort?: SortOrder;
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
  /** A customer-service item waiting longer than this is overdue. */
  overdueHours: number;
  /** Fills {{moderator}} in saved replies. */
  moderatorName: string;
}

export type SpotlightActionKind = 'feature' | 'thank' | 'invite' | 'answer';

export interface MemberStats {
  comments: number;
  featured: number;
  thanked: number;
  communityAnswers: number;
  serviceRequests: number;
  firstSeen: string | null;
  lastSeen: string | null;
  feeds: string[];
}

export interface Milestone {
  itemId: number;
  kind: 'first-comment' | 'third-answer' | 'tenth-answer' | 'returned';
  label: string;
  at: string;
}

export interface Member {
  id: number;
  name: string;
  /** Every author name this member writes under. */
  aliases: string[];
  note: string | null;
  stats: MemberStats;
}

export interface MemberProfile extends Member {
  milestones: Milestone[];
  comments: ItemSummary[];
  /** Members merged into this one (each can be split off again). */
  merged: { id: number; name: string }[];
}

export interface WeekStats {
  week: string;
  service: number;
  spotlight: number;
  ignore: number;
  newContributors: number;
  returningContributors: number;
  communityAnswers: number;
}

export interface DashboardStats {
  from: string;
  to: string;
  weeks: WeekStats[];
  byFeed: { feedId: number; feedTitle: string; service: number; spotlight: number; ignore: number }[];
  /** Median hours from a service comment to its exported reply, over the period. */
  medianServiceWaitHours: number | null;
  overdueNow: number;
  totals: { service: number; spotlight: number; ignore: number; communityAnswers: number; newContributors: number };
}
