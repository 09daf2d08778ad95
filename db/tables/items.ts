import type { Db } from '../connection';
import { SwitchboardError } from '../../common/errors';
import type { Draft, ItemFilters, SortOrder, ItemContext, ItemDetail, ItemPage, MatchingIds, ItemSummary, PageCursor, Route, ViewName } from '../../common/types';
import { iso, isoOrNull } from '../../common/time';
import { draftFor } from './drafts';
import { memberOfAuthor } from './members';
import { milestoneLabels } from './milestones';
import { othersLeases } from './team-leases';
import { ftsQuery, scopeQuery } from '../fts-query';
import { VIEW_RULES, viewClause } from '../../common/views';
import { prepared } from '../statements';
import { SUGGESTION_COLUMNS, laneKeyRange, laneOf, suggestionKey, suggestionOf, NO_LANE, type SuggestionColumns } from './suggestions';
import type { SuggestedFilter } from '../../common/types';

const EXCERPT_LENGTH = 160;

interface SummaryRow extends SuggestionColumns {
  id: number;
  feed_id: number;
  feed_title: string;
  author: string;
  excerpt: string;
  thread_title: string | null;
  published_at: number;
  status: ItemSummary['status'];
  route: ItemSummary['route'];
  routed_at: number | null;
  snoozed_until: number | null;
  snooze_until_reply: number;
  back_from_snooze: number;
  service_state: ItemSummary['serviceState'];
  incident_id: number | null;
  featured: number;
}

interface DetailRow extends SummaryRow {
  guid: string;
  url: string | null;
  thread_url: string | null;
  author_url: string | null;
  content_html: string;
  content_text: string;
  note: string | null;
  resolution: ItemDetail['resolution'];
  answered_by: number | null;
  team_by: string | null;
  team_decided_at: number | null;
}

const SUMMARY_COLUMNS = `i.id, i.feed_id, f.title AS feed_title, i.author,
  substr(i.content_text, 1, ${EXCERPT_LENGTH}) AS excerpt, t.title AS thread_title,
  i.published_at, i.status, i.route, i.routed_at, i.snoozed_until, i.snooze_until_reply, i.back_from_snooze,
  i.service_state, i.incident_id,
  EXISTS (SELECT 1 FROM spotlight_actions sa WHERE sa.item_id = i.id AND sa.action = 'feature') AS featured, ${SUGGESTION_COLUMNS}`;
const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, i.guid, i.url, t.url AS thread_url, i.author_url, i.content_html, i.content_text, i.note,
  i.resolution, i.answered_by, i.team_by, i.team_decided_at`;
const FROM = `FROM items i JOIN feeds f ON f.id = i.feed_id LEFT JOIN threads t ON t.id = i.thread_id`;

function toSummary(row: SummaryRow): ItemSummary {
  return {
    id: row.id,
    feedId: row.feed_id,
    feedTitle: row.feed_title,
    author: row.author,
    excerpt: row.excerpt,
    threadTitle: row.thread_title ?? '',
    publishedAt: iso(row.published_at),
    status: row.status,
    route: row.route,
    routedAt: isoOrNull(row.routed_at),
    snoozedUntil: isoOrNull(row.snoozed_until),
    snoozeUntilReply: row.snooze_until_reply === 1,
    backFromSnooze: row.back_from_snooze === 1,
    serviceState: row.service_state,
    incidentId: row.incident_id,
    featured: row.featured === 1,
    milestone: null,
    suggestion: suggestionOf(row),
  };
}

function toDetail(row: DetailRow, draft: Draft | null = null): ItemDetail {
  return {
    ...toSummary(row),
    guid: row.guid,
    url: row.url,
    threadUrl: row.thread_url,
    authorUrl: row.author_url,
    contentHtml: row.content_html,
    contentText: row.content_text,
    note: row.note,
    resolution: row.resolution,
    answeredBy: row.answered_by,
    decidedBy: row.team_by,
    decidedAt: isoOrNull(row.team_decided_at),
    draft,
  };
}

/** WHERE clauses and parameters for the filters other than the search words. */
function filterClauses(filters: ItemFilters): { clauses: string[]; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, name: string, value: unknown) => {
    if (value === undefined) return;
    clauses.push(clause);
    params[name] = value;
  };
  add('i.feed_id = @feedId', 'feedId', filters.feedId);
  add('i.status = @status', 'status', filters.status);
  add('i.route = @route', 'route', filters.route);
  add('i.published_at >= @from', 'from', filters.from === undefined ? undefined : Date.parse(filters.from));
  add('i.published_at < @to', 'to', filters.to === undefined ? undefined : Date.parse(filters.to));
  add('i.suggested_lane = @suggestedLane', 'suggestedLane', suggestedLane(filters.suggested));
  return { clauses, params };
}

/** The sort group a `suggested` filter keeps (3: no suggestion, or not scored yet). */
function suggestedLane(suggested: SuggestedFilter | undefined): number | undefined {
  return suggested === undefined ? undefined : suggested === 'none' ? NO_LANE : laneOf(suggested);
}

export interface ListRequest extends ItemFilters {
  view: ViewName;
  sort: SortOrder;
  limit: number;
  cursor?: PageCursor;
}

/**
 * The index a page without search words walks, by the columns it wants equal to one value (its
 * view's and its filters'): each index (db/migrations) starts with those columns and goes on in
 * time order, so a page reads just its own rows, in the order shown, from the cursor on. Named
 * rather than left to SQLite, which without statistics took a time range over a feed or a lane
 * (items_by_feed for the Inbox of one feed over a month, walking that feed's other comments).
 */
const PAGE_INDEXES: Record<string, string> = {
  '': 'items_by_published',
  status: 'items_by_status',
  route: 'items_by_route_published',
  'route status': 'items_by_route',
  feed_id: 'items_by_feed',
  'feed_id status': 'items_by_feed_status',
  'feed_id route': 'items_by_feed_route_published',
  'feed_id route status': 'items_by_feed_route',
};

/**
 * The Inbox by suggestion, and the Inbox within one suggested lane newest or oldest first: its own
 * partial indexes (migration 013), by the columns wanted equal besides its status. An Inbox
 * comment with a route (routed, snoozed, back) is in the small "routed" ones.
 */
const SUGGESTION_INDEXES: Record<string, string> = {
  '': 'items_inbox_by_suggestion',
  feed_id: 'items_inbox_by_feed_suggestion',
  route: 'items_inbox_routed_by_suggestion',
  'feed_id route': 'items_inbox_routed_by_feed_suggestion',
};
const SUGGESTED_INDEXES: Record<string, string> = {
  '': 'items_inbox_suggested',
  feed_id: 'items_inbox_by_feed_suggested',
  route: 'items_inbox_routed_suggested',
  'feed_id route': 'items_inbox_routed_by_feed_suggested',
};

function pageIndex(request: ListRequest): string {
  const rule = VIEW_RULES[request.view];
  const feedAndRoute = [request.feedId !== undefined && 'feed_id', (rule.route ?? request.route) !== undefined && 'route'].filter(Boolean);
  if (bySuggestion(request)) return SUGGESTION_INDEXES[feedAndRoute.join(' ')] as string;
  if (request.suggested !== undefined) return SUGGESTED_INDEXES[feedAndRoute.join(' ')] as string;
  const equal = [...feedAndRoute, (rule.status ?? request.status) !== undefined && 'status'].filter(Boolean);
  return PAGE_INDEXES[equal.join(' ')] as string;
}

/**
 * Whether the page lists the Inbox by suggestion: grouped by suggested lane, the most confident
 * first. The contract takes the suggestion sort and filter in the Inbox only, where suggestions
 * are for deciding; elsewhere, and with search words (the search index leads), the sort is the
 * time order.
 */
function bySuggestion(request: Pick<ListRequest, 'sort' | 'view' | 'search'>): boolean {
  return request.sort === 'suggestion' && request.view === 'inbox' && request.search === undefined;
}

/**
 * The SQL of one page of a view (listView, queryItems and the query-plan test share it); null when
 * the search has no words (nothing matches). `limit` rows plus one, to tell whether a next page exists.
 *
 * Without search words a page walks its index (pageIndex) in time order from the cursor on: keyset
 * paging, so page 50 costs what page 1 does.
 *
 * With search words the search index leads, in its own rowid order, which is items.id: the order
 * comments were stored in, which is their time order give or take a fetch interval. So "newest
 * first" with a search means newest stored first, the cursor continues after its id, and the
 * first page of a word in every tenth comment reads about a hundred entries instead of sorting
 * all of them by time (950 ms at 1M comments). A feed or a date range narrows the search itself
 * (scopeQuery); every filter is then checked on each match, by id. CROSS JOIN
 * keeps the search index first, where SQLite would otherwise walk a date range and sort it.
 */
export function viewQuery(request: ListRequest, columns = SUMMARY_COLUMNS, leaveOutBack = false): { sql: string; params: Record<string, unknown> } | null {
  const filters = filterClauses(request);
  const where = [viewClause(request.view), ...filters.clauses];
  if (leaveOutBack) where.push('i.back_from_snooze = 0');
  const params: Record<string, unknown> = { ...filters.params, limit: request.limit + 1 };
  // Relevance ranks search matches; without words there is nothing to rank by: newest first.
  const newest = request.sort !== 'oldest';
  const direction = newest ? 'DESC' : 'ASC';
  if (request.search !== undefined) {
    const words = ftsQuery(request.search);
    if (words === null) return null;
    const scope = scopeQuery({ feedId: request.feedId, from: params.from as number | undefined, to: params.to as number | undefined });
    params.match = scope === null ? words : `${words} AND ${scope}`;
    if (request.cursor && request.sort !== 'relevance') {
      where.push(`s.rowid ${newest ? '<' : '>'} @cursorId`);
      params.cursorId = request.cursor.id;
    }
    // Best matches first (bm25) ranks every match before the first row: slower on a common word,
    // and one page only (no cursor continues a ranking).
    const order = request.sort === 'relevance' ? 's.rank' : `s.rowid ${direction}`;
    return {
      sql: `SELECT ${columns} FROM items_fts s CROSS JOIN items i ON i.id = s.rowid JOIN feeds f ON f.id = i.feed_id LEFT JOIN threads t ON t.id = i.thread_id
             WHERE items_fts MATCH @match AND ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit`,
      params,
    };
  }
  if (bySuggestion(request)) return suggestionQuery(request, columns, where, params);
  if (request.cursor) {
    where.push(`(i.published_at, i.id) ${newest ? '<' : '>'} (@cursorAt, @cursorId)`);
    params.cursorAt = Date.parse(request.cursor.publishedAt);
    params.cursorId = request.cursor.id;
  }
  return {
    sql: `SELECT ${columns} FROM items i INDEXED BY ${pageIndex(request)} JOIN feeds f ON f.id = i.feed_id LEFT JOIN threads t ON t.id = i.thread_id
           WHERE ${where.join(' AND ')} ORDER BY i.published_at ${direction}, i.id ${direction} LIMIT @limit`,
    params,
  };
}

/**
 * The Inbox by suggestion: one descending key (lane group, then confidence: db/tables/suggestions.ts)
 * and the id, from the cursor's lane and confidence on. A suggested lane is a range of that key,
 * so the filter and the sort walk the same index.
 */
function suggestionQuery(request: ListRequest, columns: string, where: string[], params: Record<string, unknown>): { sql: string; params: Record<string, unknown> } {
  const lane = suggestedLane(request.suggested);
  if (lane !== undefined) {
    // The range says it with the index's own column; the lane's equality (filterClauses) is then
    // checked on those rows only. Past the first page the cursor is the top of the range: SQLite
    // seeks by one upper bound, and it must be the cursor's for page 50 to cost what page 1 does.
    const range = laneKeyRange(lane);
    where.push(request.cursor ? 'i.suggestion_key >= @laneLow' : 'i.suggestion_key BETWEEN @laneLow AND @laneHigh');
    Object.assign(params, request.cursor ? { laneLow: range.low } : { laneLow: range.low, laneHigh: range.high });
  }
  if (request.cursor) {
    where.push('(i.suggestion_key, i.id) < (@cursorKey, @cursorId)');
    params.cursorKey = suggestionKey(request.cursor.lane ?? NO_LANE, request.cursor.confidence ?? 0);
    params.cursorId = request.cursor.id;
  }
  return {
    sql: `SELECT ${columns} FROM items i INDEXED BY ${pageIndex(request)} JOIN feeds f ON f.id = i.feed_id LEFT JOIN threads t ON t.id = i.thread_id
           WHERE ${where.join(' AND ')} ORDER BY i.suggestion_key DESC, i.id DESC LIMIT @limit`,
    params,
  };
}

/** Whether the list puts the comments back from a snooze first: the Inbox in time order (a search ranks by its words; by suggestion, the suggestion leads). */
function backFirst(request: ListRequest): boolean {
  return request.view === 'inbox' && request.search === undefined && !bySuggestion(request);
}

/** The Inbox's comments back from a snooze that match its filters, newest first (its own small index), after `cursor`, up to `limit` + 1. */
function backInInbox(db: Db, request: ListRequest): SummaryRow[] {
  const query = backInInboxQuery(request);
  return prepared<Record<string, unknown>, SummaryRow>(db, query.sql).all(query.params);
}

/** The SQL of backInInbox (and of the query-plan guard). */
export function backInInboxQuery(request: ListRequest): { sql: string; params: Record<string, unknown> } {
  const filters = filterClauses(request);
  const where = ['i.back_from_snooze = 1', "i.status = 'new'", ...filters.clauses];
  const params: Record<string, unknown> = { ...filters.params, limit: request.limit + 1 };
  if (request.cursor) {
    where.push('(i.published_at, i.id) < (@cursorAt, @cursorId)');
    params.cursorAt = Date.parse(request.cursor.publishedAt);
    params.cursorId = request.cursor.id;
  }
  return {
    sql: `SELECT ${SUMMARY_COLUMNS} FROM items i INDEXED BY items_back_in_inbox JOIN feeds f ON f.id = i.feed_id LEFT JOIN threads t ON t.id = i.thread_id
     WHERE ${where.join(' AND ')} ORDER BY i.published_at DESC, i.id DESC LIMIT @limit`,
    params,
  };
}

/** Rows as a list shows them, with their milestones (computed for these rows only). */
function summaries(db: Db, rows: SummaryRow[]): ItemSummary[] {
  return withTeamMarks(db, rows.map(toSummary));
}

/**
 * What is computed for the rows shown only, never in the list's query (so the views' query plans
 * stay as they are): milestones, and in a team workspace another moderator's live lease.
 */
function withTeamMarks(db: Db, items: ItemSummary[]): ItemSummary[] {
  const milestones = milestoneLabels(db, items);
  const leases = othersLeases(db, items.map((item) => item.id), Date.now());
  for (const item of items) {
    item.milestone = milestones.get(item.id) ?? null;
    const lease = leases.get(item.id);
    if (lease) item.lease = lease;
  }
  return items;
}

/**
 * One page of a view, continuing after `cursor` (keyset paging: the cost does not grow with depth).
 * In the Inbox the comments back from a snooze come first, as many pages of them as there are
 * (their cursor says `back`), then the rest from its start, leaving them out: each shows once.
 */
export function listView(db: Db, request: ListRequest): ItemPage {
  const result = backFirst(request) && (!request.cursor || request.cursor.back) ? backThenRest(db, request) : pageOf(db, request);
  // A filtered list is counted once, with its first page; an unfiltered one is the view's count.
  if (!request.cursor && isFiltered(request)) Object.assign(result, matchingCount(db, request));
  return result;
}

/** A page of the view's own order (the Inbox's without the comments back from a snooze). */
function pageOf(db: Db, request: ListRequest): ItemPage {
  const query = viewQuery(request, SUMMARY_COLUMNS, backFirst(request));
  if (!query) return { items: [], nextCursor: null, ...(request.cursor || !isFiltered(request) ? {} : { matching: 0 }) };
  const rows = prepared<Record<string, unknown>, SummaryRow>(db, query.sql).all(query.params);
  const page = summaries(db, rows.slice(0, request.limit));
  const last = rows[request.limit - 1];
  const ranked = request.sort === 'relevance' && request.search !== undefined;
  if (rows.length <= request.limit || !last || ranked) return { items: page, nextCursor: null };
  const cursor: PageCursor = { publishedAt: iso(last.published_at), id: last.id };
  // By suggestion, the cursor carries the row's own lane and confidence, from which its key is computed again exactly.
  return { items: page, nextCursor: bySuggestion(request) ? { ...cursor, lane: last.suggested_lane, confidence: last.suggested_confidence } : cursor };
}

/** The Inbox's comments back from a snooze after the cursor; once they run out, the rest of the Inbox fills the page. */
function backThenRest(db: Db, request: ListRequest): ItemPage {
  const back = backInInbox(db, request);
  if (back.length >= request.limit) {
    const page = summaries(db, back.slice(0, request.limit));
    const last = page.at(-1)!;
    return { items: page, nextCursor: { publishedAt: last.publishedAt, id: last.id, back: true } };
  }
  const rest = pageOf(db, { ...request, cursor: undefined, limit: request.limit - back.length });
  return { items: [...summaries(db, back), ...rest.items], nextCursor: rest.nextCursor };
}

/** Past this many, a filtered list's count says "250+": counting every match of a common word at 1M took a second, and even a thousand matches of a word within one route cost 20 ms to find. */
export const MATCHING_CAP = 250;

function isFiltered(request: ListRequest): boolean {
  return request.search !== undefined || filterClauses(request).clauses.length > 0;
}

/**
 * How many comments of the view match its filters, up to MATCHING_CAP: the page's own indexed
 * query, reading ids only, so it costs what reading that many rows of an index costs.
 */
function matchingCount(db: Db, request: ListRequest): Pick<ItemPage, 'matching' | 'matchingCapped'> {
  const query = viewQuery({ ...request, cursor: undefined, sort: request.sort === 'relevance' ? 'newest' : request.sort, limit: MATCHING_CAP }, 'i.id');
  if (!query) return { matching: 0 };
  const found = prepared<Record<string, unknown>, { id: number }>(db, query.sql).all(query.params).length;
  return found > MATCHING_CAP ? { matching: MATCHING_CAP, matchingCapped: true } : { matching: found };
}

/** The SQL of matchingIds (and of the query-plan guard). */
export function matchingIdsQuery(request: Omit<ListRequest, 'limit' | 'cursor'>, most: number): { sql: string; params: Record<string, unknown> } | null {
  return viewQuery({ ...request, sort: request.sort === 'relevance' ? 'newest' : request.sort, limit: most }, 'i.id');
}

/**
 * The ids of every comment of the view matching its filters, in the list's order, up to `most`:
 * the page's own indexed query reading ids only (relevance has no order past its first page, so
 * it reads newest first), one query whatever the size, so the console never pages through them.
 */
export function matchingIds(db: Db, request: Omit<ListRequest, 'limit' | 'cursor'>, most: number): MatchingIds {
  const query = matchingIdsQuery(request, most);
  if (!query) return { ids: [], more: false };
  const ids = prepared<Record<string, unknown>, { id: number }>(db, query.sql)
    .all(query.params)
    .map((row) => row.id);
  return ids.length > most ? { ids: ids.slice(0, most), more: true } : { ids, more: false };
}

/** These comments as a list row shows them (milestones included), in no particular order; ids that do not exist are left out. */
export function itemSummaries(db: Db, ids: number[]): ItemSummary[] {
  if (ids.length === 0) return [];
  // One parameter however many ids, so the statement is compiled once per connection.
  const rows = prepared<[string], SummaryRow>(db, `SELECT ${SUMMARY_COLUMNS} ${FROM} WHERE i.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  return withTeamMarks(db, rows.map(toSummary));
}

export function getItem(db: Db, id: number): ItemDetail {
  const row = prepared<[number], DetailRow>(db, `SELECT ${DETAIL_COLUMNS} ${FROM} WHERE i.id = ?`).get(id);
  if (!row) throw new SwitchboardError('not-found', 'items', `there is no comment with id ${id}; it may have been deleted with its feed`);
  const detail = toDetail(row, draftFor(db, row.id, row.incident_id));
  const lease = othersLeases(db, [id], Date.now()).get(id);
  if (lease) detail.lease = lease;
  return detail;
}

/** The SQL of queryItems: the All view's, newest first, `limit` rows with their full text. */
export function itemsQuery(query: ItemFilters & { limit: number }): { sql: string; params: Record<string, unknown> } | null {
  return viewQuery({ ...query, view: 'all', sort: 'newest', limit: query.limit - 1 }, DETAIL_COLUMNS);
}

/** Comments matching every filter given, newest first, with their full text (the CLI's `items`). */
export function queryItems(db: Db, query: ItemFilters & { limit: number }): ItemDetail[] {
  const page = itemsQuery(query);
  if (!page) return [];
  return prepared<Record<string, unknown>, DetailRow>(db, page.sql)
    .all(page.params)
    .map((row) => toDetail(row, draftFor(db, row.id, row.incident_id)));
}

const CONTEXT_LIMIT = 200;

/** The thread around a comment and its author's history, for the detail pane. */
export function itemContext(db: Db, id: number): ItemContext {
  const item = getItem(db, id);
  const threadId = prepared<[number], { thread_id: number | null }>(db, 'SELECT thread_id FROM items WHERE id = ?').get(id)?.thread_id ?? null;
  const thread =
    threadId === null
      ? [item]
      : prepared<[number], SummaryRow>(db, `SELECT ${SUMMARY_COLUMNS} ${FROM} WHERE i.thread_id = ? ORDER BY i.published_at, i.id LIMIT ${CONTEXT_LIMIT}`)
          .all(threadId)
          .map(toSummary);
  const stats = prepared<[string], { comments: number; first: number | null; last: number | null; service: number; spotlight: number; ignore: number }>(
      db,
      `SELECT COUNT(*) AS comments, MIN(published_at) AS first, MAX(published_at) AS last,
              SUM(route = 'service') AS service, SUM(route = 'spotlight') AS spotlight, SUM(route = 'ignore') AS ignore
         FROM items WHERE author = ?`,
    )
    .get(item.author);
  const feeds = prepared<[string], { title: string }>(db, 'SELECT DISTINCT f.title FROM items i JOIN feeds f ON f.id = i.feed_id WHERE i.author = ? ORDER BY f.title')
    .all(item.author)
    .map((row) => row.title);
  const recent = prepared<[string], SummaryRow>(db, `SELECT ${SUMMARY_COLUMNS} ${FROM} WHERE i.author = ? ORDER BY i.published_at DESC LIMIT 10`)
    .all(item.author)
    .map(toSummary);
  const memberId = memberOfAuthor(db, item.author);
  const member = memberId === null ? undefined : prepared<[number], { id: number; name: string; note: string | null }>(db, 'SELECT id, name, note FROM members WHERE id = ?').get(memberId);
  return {
    thread,
    member: member ?? null,
    author: {
      name: item.author,
      comments: stats?.comments ?? 0,
      byRoute: { service: stats?.service ?? 0, spotlight: stats?.spotlight ?? 0, ignore: stats?.ignore ?? 0 },
      firstSeen: isoOrNull(stats?.first ?? null),
      lastSeen: isoOrNull(stats?.last ?? null),
      feeds,
      recent,
    },
  };
}

/** The newest comments written under any of these author names (a member's profile). */
export function itemsByAuthors(db: Db, authors: string[], limit: number): ItemSummary[] {
  if (authors.length === 0) return [];
  return db
    .prepare<string[], SummaryRow>(`SELECT ${SUMMARY_COLUMNS} ${FROM} WHERE i.author IN (${authors.map(() => '?').join(', ')}) ORDER BY i.published_at DESC LIMIT ${Math.floor(limit)}`)
    .all(...authors)
    .map(toSummary);
}
