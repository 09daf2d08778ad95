import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../../common/errors';
import type { FeedSummary } from '../../../common/types';
import { isoOrNull } from '../../../common/time';

interface FeedRow {
  id: number;
  url: string;
  title: string;
  site_url: string | null;
  kind: FeedSummary['kind'];
  status: FeedSummary['status'];
  interval_minutes: number;
  follow_days: number | null;
  parent_feed_id: number | null;
  is_sample: number;
  error_category: string | null;
  error_message: string | null;
  error_count: number;
  last_fetched_at: number | null;
  last_success_at: number | null;
  next_fetch_at: number | null;
  item_count: number;
  new_count: number;
}

const SELECT_FEEDS = `SELECT f.*,
    (SELECT COUNT(*) FROM items i WHERE i.feed_id = f.id) AS item_count,
    (SELECT COUNT(*) FROM items i WHERE i.feed_id = f.id AND i.status = 'new') AS new_count
  FROM feeds f WHERE f.unsubscribed_at IS NULL`;

function toSummary(row: FeedRow): FeedSummary {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    siteUrl: row.site_url,
    kind: row.kind,
    status: row.status,
    intervalMinutes: row.interval_minutes,
    followDays: row.follow_days,
    parentFeedId: row.parent_feed_id,
    isSample: row.is_sample === 1,
    lastError: row.error_category === null ? null : { category: row.error_category, message: row.error_message ?? '' },
    failuresInARow: row.error_count,
    lastFetchedAt: isoOrNull(row.last_fetched_at),
    lastSuccessAt: isoOrNull(row.last_success_at),
    nextFetchAt: isoOrNull(row.next_fetch_at),
    itemCount: row.item_count,
    newCount: row.new_count,
  };
}

export function listFeeds(db: Db): FeedSummary[] {
  return db.prepare<[], FeedRow>(`${SELECT_FEEDS} ORDER BY f.title COLLATE NOCASE, f.id`).all().map(toSummary);
}

export function getFeed(db: Db, id: number): FeedSummary {
  const row = db.prepare<[number], FeedRow>(`${SELECT_FEEDS} AND f.id = ?`).get(id);
  if (!row) throw new SwitchboardError('not-found', 'feeds', `there is no feed with id ${id}; "switchboard feeds" lists them`);
  return toSummary(row);
}

export function findFeedByUrl(db: Db, url: string): { id: number; unsubscribed: boolean } | null {
  const row = db.prepare<[string], { id: number; unsubscribed_at: number | null }>('SELECT id, unsubscribed_at FROM feeds WHERE url = ?').get(url);
  return row ? { id: row.id, unsubscribed: row.unsubscribed_at !== null } : null;
}
