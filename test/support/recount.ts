// The sidebar's and the feed list's counts the slow way, from every row of the items table: what
// the kept counts (db/tables/item-counts.ts) must always equal. The views are counted by the
// same rules (VIEW_RULES through viewClause); overdue by the console's own predicate (common/waiting.ts), row by row.
import type { Db } from '../../db/connection';
import { VIEW_NAMES, type ItemSummary, type ViewCounts } from '../../common/types';
import { viewClause } from '../../common/views';
import { isOverdue } from '../../common/waiting';

export function recountViews(db: Db, now: number, overdueHours: number): ViewCounts {
  // NOT INDEXED: a full scan, whatever indexes the schema holds.
  const count = (where: string) => db.prepare(`SELECT COUNT(*) FROM items i NOT INDEXED WHERE ${where}`).pluck().get() as number;
  const rows = db.prepare('SELECT status, route, service_state AS serviceState, published_at FROM items NOT INDEXED').all() as (Pick<ItemSummary, 'status' | 'route' | 'serviceState'> & { published_at: number })[];
  return {
    ...(Object.fromEntries(VIEW_NAMES.map((view) => [view, count(viewClause(view))])) as Record<(typeof VIEW_NAMES)[number], number>),
    // What drafts-export takes by default.
    serviceReady: count(`i.service_state = 'ready'`),
    // What it takes with drafts included.
    serviceDrafted: count(`i.service_state IN ('drafted', 'ready', 'exported')`),
    // The sidebar counts the overdue ones in the lane now: not snoozed, not back in the Inbox.
    serviceOverdue: rows.filter((row) => row.status === 'routed' && isOverdue({ ...row, publishedAt: new Date(row.published_at).toISOString() }, overdueHours, now)).length,
  };
}

/** Each live feed's comments and those in the Inbox, by feed id, as the feed list shows them. */
export function recountFeeds(db: Db): Record<number, { itemCount: number; newCount: number }> {
  const rows = db
    .prepare(
      `SELECT f.id, (SELECT COUNT(*) FROM items i NOT INDEXED WHERE i.feed_id = f.id) AS itemCount,
              (SELECT COUNT(*) FROM items i NOT INDEXED WHERE i.feed_id = f.id AND ${viewClause('inbox')}) AS newCount
         FROM feeds f WHERE f.unsubscribed_at IS NULL`,
    )
    .all() as { id: number; itemCount: number; newCount: number }[];
  return Object.fromEntries(rows.map(({ id, ...counts }) => [id, counts]));
}
