// The counts the sidebar and the feed list show, read from the item_counts table the triggers of
// db/migrations/009_kept_counts.sql keep in step with every write to items (one row per feed and
// place: status, route, service state). Nothing here reads the items table but the overdue
// count, a range of its own index.
import type { Db } from '../connection';
import type { ViewCounts } from '../../common/types';
import { VIEW_NAMES } from '../../common/types';
import { viewClause } from '../../common/views';
import { AWAITING_REPLY_SQL } from '../../common/waiting';
import { prepared } from '../statements';

/** The same rows drafts-export takes by default (db/tables/reply-context.ts). */
const READY_SQL = `i.service_state = 'ready'`;

/**
 * Every view's count and the replies ready to export, in one pass over the counts table: each
 * view's rule (common/views.ts) applies to it as it does to items, since its columns bear the
 * same names (`i` is the alias viewClause writes).
 */
const KEPT_VIEW_COUNTS = `SELECT ${VIEW_NAMES.map((view) => `coalesce(sum(n) FILTER (WHERE ${viewClause(view)}), 0) AS "${view}"`).join(', ')},
  coalesce(sum(n) FILTER (WHERE ${READY_SQL}), 0) AS serviceReady FROM item_counts i`;

/**
 * Overdue comments in the Customer service view (the sidebar's and the dashboard's count): awaiting
 * a reply, published before `before` (ms), and in the lane now (not snoozed, not back in the Inbox).
 * It depends on the clock, so it is counted, over a range of the partial index that holds only
 * these comments; naming the index makes a rule that stops matching it an error, never a scan.
 */
export function countOverdue(db: Db, before: number): number {
  return (
    prepared<[number], { n: number }>(db, `SELECT COUNT(*) AS n FROM items INDEXED BY items_overdue WHERE ${AWAITING_REPLY_SQL} AND status = 'routed' AND published_at < ?`).get(before)
      ?.n ?? 0
  );
}

/** Every view's count; customer-service items still unanswered and published before `overdueBefore` (ms) are overdue. */
export function countViews(db: Db, overdueBefore: number): ViewCounts {
  const kept = prepared<[], Omit<ViewCounts, 'serviceOverdue'>>(db, KEPT_VIEW_COUNTS).get() as Omit<ViewCounts, 'serviceOverdue'>;
  return { ...kept, serviceOverdue: countOverdue(db, overdueBefore) };
}

/** A feed's comments and those of them in the Inbox, as columns of a query over `feeds f`. */
export const FEED_COUNT_COLUMNS = `(SELECT coalesce(sum(n), 0) FROM item_counts i WHERE i.feed_id = f.id) AS item_count,
    (SELECT coalesce(sum(n), 0) FROM item_counts i WHERE i.feed_id = f.id AND ${viewClause('inbox')}) AS new_count`;

/** How many comments these feeds hold; `feedIds` is a query naming them, with its own parameters. */
export function countItemsOfFeeds<P extends object>(db: Db, feedIds: string, params: P): number {
  return prepared<P, { n: number }>(db, `SELECT coalesce(sum(n), 0) AS n FROM item_counts WHERE feed_id IN (${feedIds})`).get(params)?.n ?? 0;
}
