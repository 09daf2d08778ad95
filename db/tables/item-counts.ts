// The counts the sidebar and the feed list show, read from the item_counts table the triggers of
// db/migrations/009_kept_counts.sql keep in step with every write to items (one row per feed and
// place: status, route, service state). Nothing here reads the items table but the recent
// comments awaiting a reply, a range of their own index.
import type { Db } from '../connection';
import type { ViewCounts } from '../../common/types';
import { VIEW_NAMES } from '../../common/types';
import { viewClause } from '../../common/views';
import { AWAITING_REPLY_SQL } from '../../common/waiting';
import { prepared } from '../statements';
import { EXPORTED_STATES } from './reply-context';

/** The same rows drafts-export takes, by default and with drafts included (db/tables/reply-context.ts). */
const READY_SQL = `i.service_state IN ${EXPORTED_STATES.ready}`;
const DRAFTED_SQL = `i.service_state IN ${EXPORTED_STATES.all}`;

/** Awaiting a reply in the Customer service view itself (not snoozed, not back in the Inbox). */
const AWAITING_IN_LANE_SQL = `${AWAITING_REPLY_SQL} AND status = 'routed'`;

/**
 * Every view's count, the replies ready to export and the comments awaiting a reply in the lane,
 * in one pass over the counts table: each rule (common/views.ts, common/waiting.ts) applies to it
 * as it does to items, since its columns bear the same names (`i` is the alias viewClause writes).
 */
const KEPT_COUNTS = `SELECT ${VIEW_NAMES.map((view) => `coalesce(sum(n) FILTER (WHERE ${viewClause(view)}), 0) AS "${view}"`).join(', ')},
  coalesce(sum(n) FILTER (WHERE ${READY_SQL}), 0) AS serviceReady,
  coalesce(sum(n) FILTER (WHERE ${DRAFTED_SQL}), 0) AS serviceDrafted,
  coalesce(sum(n) FILTER (WHERE ${AWAITING_IN_LANE_SQL}), 0) AS awaiting FROM item_counts i`;

/**
 * Comments awaiting a reply in the lane published at or after `since` (ms): a range of the
 * partial index that holds only those comments (009_kept_counts.sql). Naming the index makes a
 * rule that stops matching it an error, never a scan of items.
 */
function countAwaitingSince(db: Db, since: number): number {
  return prepared<[number], { n: number }>(db, `SELECT COUNT(*) AS n FROM items INDEXED BY items_overdue WHERE ${AWAITING_IN_LANE_SQL} AND published_at >= ?`).get(since)?.n ?? 0;
}

/**
 * Every view's count; comments awaiting a reply in the Customer service view and published before
 * `overdueBefore` (ms) are overdue. Overdue depends on the clock, so it cannot be kept: it is the
 * kept count of those awaiting less the ones too recent to be overdue, which are few however
 * large the backlog (counting the overdue ones themselves read 90,000 index entries at 1M).
 */
export function countViews(db: Db, overdueBefore: number): ViewCounts {
  const { awaiting, ...kept } = prepared<[], Omit<ViewCounts, 'serviceOverdue'> & { awaiting: number }>(db, KEPT_COUNTS).get()!;
  return { ...kept, serviceOverdue: awaiting - countAwaitingSince(db, overdueBefore) };
}

/** The overdue comments alone (the dashboard's figure), as countViews counts them. */
export function countOverdue(db: Db, before: number): number {
  return countViews(db, before).serviceOverdue;
}

/** A feed's comments and those of them in the Inbox, as columns of a query over `feeds f`. */
export const FEED_COUNT_COLUMNS = `(SELECT coalesce(sum(n), 0) FROM item_counts i WHERE i.feed_id = f.id) AS item_count,
    (SELECT coalesce(sum(n), 0) FROM item_counts i WHERE i.feed_id = f.id AND ${viewClause('inbox')}) AS new_count`;

/** How many comments these feeds hold; `feedIds` is a query naming them, with its own parameters. */
export function countItemsOfFeeds<P extends object>(db: Db, feedIds: string, params: P): number {
  return prepared<P, { n: number }>(db, `SELECT coalesce(sum(n), 0) AS n FROM item_counts WHERE feed_id IN (${feedIds})`).get(params)?.n ?? 0;
}
