import type { Db } from '../../../db/connection';
import type { FeedSummary } from '../../api/types';
import { isoOrNull } from '../../platform/time';

interface FeedRow {
  id: number;
  url: string;
  title: string;
  status: FeedSummary['status'];
  error_category: string | null;
  error_message: string | null;
  last_fetched_at: number | null;
  item_count: number;
}

export function listFeeds(db: Db): FeedSummary[] {
  const rows = db
    .prepare<[], FeedRow>(
      `SELECT f.id, f.url, f.title, f.status, f.error_category, f.error_message, f.last_fetched_at,
              (SELECT COUNT(*) FROM items i WHERE i.feed_id = f.id) AS item_count
         FROM feeds f ORDER BY f.title COLLATE NOCASE, f.id`,
    )
    .all();
  return rows.map((row) => ({
    id: row.id,
    url: row.url,
    title: row.title,
    status: row.status,
    lastError:
      row.error_category === null ? null : { category: row.error_category, message: row.error_message ?? '' },
    lastFetchedAt: isoOrNull(row.last_fetched_at),
    itemCount: row.item_count,
  }));
}
