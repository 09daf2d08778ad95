// Following threads: a posts feed with follow_days set subscribes to each new post's own comment
// feed, for that many days after it first appears.
import type { Db } from '../../../db/connection';
import { DEFAULT_INTERVAL_MINUTES } from './schedule-policy';
import type { FeedLink } from './parse/normalize';

const DAY = 24 * 60 * 60_000;

export function followCommentFeeds(db: Db, parentId: number, days: number, links: FeedLink[], now: number): number {
  const insert = db.prepare(
    `INSERT INTO feeds (url, title, kind, interval_minutes, parent_feed_id, follow_until, created_at)
     VALUES (@url, @title, 'comments', @interval, @parentId, @until, @now)
     ON CONFLICT (url) DO NOTHING`,
  );
  let added = 0;
  db.transaction(() => {
    for (const link of links) {
      added += insert.run({ url: link.url, title: link.title ? `Comments: ${link.title}` : '', interval: DEFAULT_INTERVAL_MINUTES, parentId, until: now + days * DAY, now }).changes;
    }
  })();
  return added;
}
