// The dashboard's raw numbers over a period: routing decisions, contributors' activity and service
// reply waits, read from items with feeds and member_aliases (community answers come from
// community-answers.ts); the spotlight feature buckets them into weeks and feeds.
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { Route } from '../../common/types';

/** Comments routed from `from` up to `to` (ms): when, to which lane, and their feed. */
export function routedBetween(db: Db, from: number, to: number): { routedAt: number; route: Route; feedId: number; feedTitle: string }[] {
  return prepared<[number, number], { routed_at: number; route: Route; feed_id: number; feed_title: string }>(
    db,
    `SELECT i.routed_at, i.route, i.feed_id, f.title AS feed_title FROM items i JOIN feeds f ON f.id = i.feed_id
      WHERE i.route IS NOT NULL AND i.routed_at >= ? AND i.routed_at < ?`,
  )
    .all(from, to)
    .map((row) => ({ routedAt: row.routed_at, route: row.route, feedId: row.feed_id, feedTitle: row.feed_title }));
}

/** Every comment from `from` up to `to` (ms) by a member: the member, when they first wrote at all, and when this one was published. */
export function contributorActivity(db: Db, from: number, to: number): { memberId: number; firstPublishedAt: number; publishedAt: number }[] {
  return prepared<[number, number], { member_id: number; first: number; published_at: number }>(
    db,
    `SELECT a.member_id, f.first, i.published_at FROM items i JOIN member_aliases a ON a.author = i.author
       JOIN (SELECT a2.member_id, MIN(i2.published_at) AS first FROM items i2 JOIN member_aliases a2 ON a2.author = i2.author GROUP BY a2.member_id) f
         ON f.member_id = a.member_id
      WHERE i.published_at >= ? AND i.published_at < ?`,
  )
    .all(from, to)
    .map((row) => ({ memberId: row.member_id, firstPublishedAt: row.first, publishedAt: row.published_at }));
}

/** For each service reply exported from `from` up to `to` (ms): hours from the comment to the export. */
export function serviceReplyWaitHours(db: Db, from: number, to: number): number[] {
  return prepared<[number, number], { hours: number }>(
    db,
    'SELECT (service_exported_at - published_at) / 3600000.0 AS hours FROM items WHERE service_exported_at >= ? AND service_exported_at < ?',
  )
    .all(from, to)
    .map((row) => row.hours);
}
