import type { OperationInput } from '../../common/contract';
import type { DraftTarget, UnsavedDraft } from './unsaved-drafts';
import type { EventMap } from '../../common/events';
import type { OpmlImportReport } from '../../common/opml-report';
import type { Rule, RuleDraft, RulePreview } from '../../common/contract/rules';
import type { TeamConflict, TeamStatus } from '../../common/types';
import type { AcceptSummary, BackupInfo, LearningStatus, DatabaseDamage, DashboardStats, Draft, ExportFormat, FeedCandidate, FeedSummary, FetchResult, ItemContext, ItemDetail, ItemFilters, ItemSummary, PageCursor, Member, MemberProfile, Route, Settings, SortOrder, SubscribeResult, Template, ViewCounts, ViewName } from '../../common/types';

export interface ViewsSlice {
  view: ViewName;
  counts: ViewCounts | null;
  /** Shows a view unfiltered, in its own sort order: filters never follow the moderator into another view. */
  showView(view: ViewName): Promise<void>;
  /** Shows a view with exactly these filters (a feed, a saved search), nothing selected. */
  openView(view: ViewName, filters: QueueFilters): Promise<void>;
  refreshCounts(): Promise<void>;
}

/** Dates as yyyy-mm-dd, the day included. */
export interface QueueFilters extends ItemFilters {
  sort: SortOrder;
}

export interface QueueSlice {
  items: ItemSummary[];
  nextCursor: PageCursor | null;
  loading: boolean;
  filters: QueueFilters;
  /** A filtered list's size when its first page came (the service counts it), and how many rows have been read since: the heading's count follows the rows that left. */
  /** `capped`: more match than `total` (the count stops there); the heading says "250+". */
  matching: { total: number; read: number; capped: boolean } | null;
  /** A page was read while actions were in flight and dropped; the last of them reloads. */
  reloadOwed: boolean;
  setFilters(change: Partial<QueueFilters>): Promise<void>;
  loadView(): Promise<void>;
  loadMore(): Promise<void>;
}

export interface SelectionSlice {
  selectedId: number | null;
  detail: ItemDetail | null;
  context: ItemContext | null;
  /** Comments ticked for a bulk action (x, Shift+X). */
  checked: ReadonlySet<number>;
  select(id: number | null): Promise<void>;
  /** Reads the selected comment again, after something changed it (a draft, a recognition, a member note). */
  reloadSelected(): Promise<void>;
  /** Selects a comment and paints it from its list row at once, without fetching it (an action's answer brings it in full). */
  preview(id: number | null): void;
  selectRelative(step: 1 | -1): Promise<void>;
  toggleChecked(id: number): void;
  /** Shift-click: ticks every comment from the selected one to this one. */
  checkRange(id: number): void;
  /** Ticks every comment shown; when they all are already and the view holds more, every matching one (checkAllMatching). */
  checkAll(): Promise<void>;
  /**
   * Ticks every comment the view and its filters match, fetched as ids by the service in one
   * call (at most MOST_IN_ONE_ACTION: the rows themselves never come to the console).
   */
  checkAllMatching(): Promise<void>;
  /** Set by checkAllMatching for the ticks it made (`checked` is that very set until they change): whether more matched than one action takes. */
  checkedMatching: { checked: ReadonlySet<number>; more: boolean } | null;
  clearChecked(): void;
}

export type SnoozeChoice = { until: string } | { untilReply: true };

export interface TriageSlice {
  /** Acts on the ticked comments, or on the selected one when none is ticked; the screen moves on at once. */
  route(route: Route, target?: 'selection' | 'current'): Promise<void>;
  done(target?: 'selection' | 'current'): Promise<void>;
  snooze(choice: SnoozeChoice, target?: 'selection' | 'current'): Promise<void>;
  undo(): Promise<void>;
  saveNote(id: number, note: string): Promise<void>;
  /** Routes the ticked comments, or the one shown, to their suggested lanes (a); comments with no suggestion stay. */
  accept(target?: 'selection' | 'current'): Promise<void>;
  /** Routes every Inbox comment suggested at least this confidently (0 to 1), as one undoable action; resolves to whether it was stored. */
  /** `expect`: the count the moderator was shown; when it changed meanwhile nothing is routed (the error says the new count). */
  acceptAbove(threshold: number, expect: number): Promise<boolean>;
  /** Applies a saved rule to the stored Inbox comments, as one undoable action; resolves to whether it was stored. */
  applyRule(id: number): Promise<boolean>;
  /** An items-changed event: reloads the page and the feed list, unless it is this console's own action, already on screen. */
  itemsChanged(change: EventMap['items-changed']): void;
  /** A short message about the last action ("Routed to customer service. z to undo"). */
  notice: string | null;
  /** Actions sent but not yet stored; views are not reloaded underneath them. */
  pendingActions: number;
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
  /** allowLocal: the moderator confirmed a feed on this computer or the local network. */
  subscribe(url: string, followDays?: number, allowLocal?: boolean): Promise<SubscribeResult>;
  retryFeed(id: number): Promise<FetchResult | null>;
  setFeedMuted(id: number, muted: boolean): Promise<void>;
  updateFeed(id: number, change: { title?: string; intervalMinutes?: 0 | 5 | 15 | 60 | 240 | 1440 }): Promise<void>;
  /**
   * Subscribes to every feed of an OPML file in one transaction, then fetches them with progress.
   * Feeds on this computer or the local network only with allowLocal; the ones left out are listed.
   */
  importOpml(text: string, allowLocal?: boolean): Promise<(OpmlImportReport & { local: { url: string; address: string }[] }) | null>;
  exportOpml(): Promise<string | null>;
  unsubscribe(id: number, deleteItems: boolean): Promise<void>;
}

export interface SettingsSlice {
  settings: Settings;
  loadSettings(): Promise<void>;
  updateSettings(change: Partial<Settings>): Promise<void>;
}

export interface BackupsSlice {
  /** The database file the console works on (from app-info). */
  dbPath: string;
  /** Set when the file failed its check at open: the console is read-only until a backup is restored. */
  damage: DatabaseDamage | null;
  /** The backups listed in Settings; null until loaded. */
  backups: BackupInfo[] | null;
  /** The backup a confirmation is open for ("Restore…" in Settings, or the damage banner). */
  restoreCandidate: BackupInfo | null;
  loadBackups(): Promise<void>;
  backUpNow(): Promise<void>;
  askRestore(backup: BackupInfo | null): void;
  /** Replaces the database with the candidate; the console reloads once it is in place. */
  restore(): Promise<void>;
}

export interface CustomerServiceSlice {
  templates: Template[];
  loadTemplates(): Promise<void>;
  /** Rejects with what was wrong, for the saved-replies dialog to say beside the form. */
  saveTemplate(template: { id?: number; name: string; lane: Template['lane']; body: string; variables: string[]; kind: Template['kind'] }): Promise<void>;
  deleteTemplate(id: number): Promise<void>;
  /** Drafts the service could not store yet, by draftKey(target): kept, shown again, retried until stored. */
  unsavedDrafts: Record<string, UnsavedDraft>;
  /**
   * Stores a draft (the composer calls this as you type); resolves to the stored draft, or null
   * when it is not stored: then it waits in unsavedDrafts and is tried again every RETRY_MS.
   */
  saveDraft(target: DraftTarget, body: string, templates: string[]): Promise<Draft | null>;
  markReady(ids: number[]): Promise<boolean>;
  markIncidentReady(incidentId: number): Promise<boolean>;
  resolve(ids: number[]): Promise<void>;
  answeredBy(id: number, answerId: number): Promise<void>;
  createIncident(ids: number[], title: string): Promise<void>;
  /** Ticks the service comments that look like the same problem, ready to become an incident. */
  suggestIncident(id: number): Promise<void>;
  /** `bom`: CSV only, a UTF-8 byte order mark first (see drafts-export). */
  exportReplies(format: ExportFormat, status: 'ready' | 'all', bom: boolean): Promise<void>;
}

export interface SpotlightSlice {
  /** Features, thanks, invites or marks a comment as a community answer; on success shows the notice and refreshes the comment. */
  recognise(input: OperationInput<'spotlight-act'>, notice: string): Promise<boolean>;
  /** The members board: members active since a day (yyyy-mm-dd), or all time. */
  loadMembers(since?: string): Promise<Member[] | null>;
  loadMember(id: number): Promise<MemberProfile | null>;
  /** These three resolve to whether the change was stored; the comment open behind the profile is refreshed. */
  noteMember(id: number, note: string): Promise<boolean>;
  mergeMembers(into: number, from: number): Promise<boolean>;
  splitMember(id: number): Promise<boolean>;
  /** The dashboard's numbers for the last 8 weeks. */
  /** The dashboard's numbers for the days from `from` to `to` (YYYY-MM-DD, both included). */
  loadStats(period: { from: string; to: string }): Promise<DashboardStats | null>;
  /** The community-highlights digest of the last 30 days. */
  exportDigest(format: 'md' | 'html' | 'atom'): Promise<void>;
}

export interface SuggestionsSlice {
  /** What has been learned from the moderator's decisions (Settings); null until loaded. */
  learning: LearningStatus | null;
  /** Resolves to whether it could be read (a failure is in the error banner). */
  loadLearning(): Promise<boolean>;
  resetLearning(): Promise<void>;
  /** What accepting every suggestion at or above the threshold would route; rejects with what was wrong, for the dialog to say. */
  previewAcceptAbove(threshold: number): Promise<AcceptSummary>;
  /** After learning, the suggestions of the rows and the comment shown are read again in place: the list neither moves nor loses the moderator's place. */
  refreshSuggestions(): Promise<void>;
  /** The routing rules in order; null until loaded. */
  rules: Rule[] | null;
  loadRules(): Promise<void>;
  /** These reject with what was wrong (a bad regular expression, say), for the rule editor to say beside the form. */
  saveRule(id: number | undefined, rule: RuleDraft): Promise<Rule>;
  previewRule(rule: RuleDraft): Promise<RulePreview>;
  deleteRule(id: number): Promise<void>;
  moveRule(id: number, position: number): Promise<void>;
  exportRules(): Promise<void>;
  /** Adds the rules of an exported file; resolves to what was added, rejects naming the broken rule. */
  importRules(text: string): Promise<string>;
}

/** An action the workspace refused because another moderator holds the comment, and its way out. */
export interface TeamRefusal {
  itemIds: number[];
  /** The service's words: who holds it and how to take over. */
  message: string;
  /** The action again, once taken over. */
  retry: () => Promise<void>;
}

export interface TeamSlice {
  /** Where this desktop stands with its team (solo: { mode: 'solo' }); null until read. */
  team: TeamStatus | null;
  /** The decisions the workspace refused, oldest first; null until read (only ever read in a team). */
  conflicts: TeamConflict[] | null;
  teamRefusal: TeamRefusal | null;
  /** Reads team-status again (at start and on every team-changed event), and the conflicts when there are any. */
  refreshTeam(): Promise<void>;
  loadConflicts(): Promise<void>;
  resolveConflict(conflictId: number, keep: 'theirs' | 'mine'): Promise<void>;
  /** The comment shown changed: its lease is claimed and the last one's given back (in a team only). */
  followSelection(itemId: number | null): void;
  /** The moderator started a reply on this comment: its lease says so (in a team only). */
  startReply(itemId: number): void;
  /** Takes these comments from whoever holds them; resolves to whether all were taken. */
  takeOver(itemIds: number[]): Promise<boolean>;
  /** An action refused by the lease guard (its error), or null once the moderator chose a way out. */
  refusedByTeam(refusal: { itemIds: number[]; error: unknown; retry: () => Promise<void> } | null): void;
  /** Gives back the lease held (the console is closing). */
  releaseAll(): void;
}

export type DialogName = 'team-conflicts' | 'accept-above' | 'rules' | 'subscribe' | 'feed-health' | 'shortcuts' | 'snooze' | 'settings' | 'templates' | 'export' | 'members' | 'member' | 'dashboard' | 'palette';

/**
 * Something a key or the palette asked of the comment shown, carried out by the part of the detail
 * pane that owns it (the spotlight bar opens its form, the composer saves its text before marking
 * it ready or puts a saved reply in at the cursor).
 */
export type CommentAsk = { kind: 'feature' | 'thank' | 'invite' | 'answer' | 'mark-ready' | 'focus-reply' } | { kind: 'insert-reply'; templateId: number };
export type CommentRequest = CommentAsk & { itemId: number };

export interface UiSlice {
  dialog: DialogName | null;
  /** The comment whose reply composer was opened with r, though it is not in a lane that shows one. */
  composerFor: number | null;
  openComposer(): void;
  /** The member the profile dialog shows. */
  memberId: number | null;
  openMember(id: number): void;
  /** The feed the health panel opens on, if any. */
  focusFeedId: number | null;
  openDialog(dialog: DialogName, focusFeedId?: number): void;
  closeDialog(): void;
  commentRequest: CommentRequest | null;
  /**
   * Asks the detail pane to do this to the comment shown; says in the notice why not when that
   * comment cannot take it (a spotlight action on a comment outside the spotlight, say).
   */
  requestOnComment(ask: CommentAsk): void;
  /** The part of the pane that carried the request out takes it, so it runs once. */
  takeCommentRequest(): CommentRequest | null;
}

export interface StatusSlice {
  /** The last failure, in the service's own words, shown until dismissed. */
  error: string | null;
  report(error: unknown): void;
  dismissError(): void;
}

export type StoreState = ViewsSlice & QueueSlice & SelectionSlice & TriageSlice & FeedsSlice & StatusSlice & UiSlice & SettingsSlice & CustomerServiceSlice & SpotlightSlice & BackupsSlice & SuggestionsSlice & TeamSlice;
export type SliceCreator<T> = (
  set: (partial: Partial<StoreState> | ((state: StoreState) => Partial<StoreState>)) => void,
  get: () => StoreState,
) => T;
