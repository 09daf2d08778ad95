// The dashboard's numbers: is this community handling itself, or is the company's support the
// bottleneck? Per week and per feed: comments routed to each lane, community answers, new and
// returning contributors; the median wait for a service reply and how many are overdue now.
import type { Db } from '../../../db/connection';
import type { DashboardStats, Route, WeekStats } from '../../../common/types';
import { iso } from '../../../common/time';
import { countOverdue } from '../../../db/tables/items';

const DAY = 24 * 60 * 60_000;

/** Monday 00:00 UTC of the week holding `ms`. */
export function weekStart(ms: number): number {
  const day = new Date(ms);
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - ((day.getUTCDay() + 6) % 7) * DAY;
  return monday;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function dashboardStats(db: Db, from: number, to: number, overdueBefore: number): DashboardStats {
  const weeks = new Map<number, WeekStats>();
  for (let start = weekStart(from); start < to; start += 7 * DAY) {
    weeks.set(start, { week: iso(start).slice(0, 10), service: 0, spotlight: 0, ignore: 0, newContributors: 0, returningContributors: 0, communityAnswers: 0 });
  }
  const week = (ms: number) => weeks.get(weekStart(ms));

  const routed = db
    .prepare<[number, number], { routed_at: number; route: Route; feed_id: number; feed_title: string }>(
      `SELECT i.routed_at, i.route, i.feed_id, f.title AS feed_title FROM items i JOIN feeds f ON f.id = i.feed_id
        WHERE i.route IS NOT NULL AND i.routed_at >= ? AND i.routed_at < ?`,
    )
    .all(from, to);
  const feeds = new Map<number, DashboardStats['byFeed'][number]>();
  for (const row of routed) {
    const bucket = week(row.routed_at);
    if (bucket) bucket[row.route] += 1;
    const feed = feeds.get(row.feed_id) ?? { feedId: row.feed_id, feedTitle: row.feed_title, service: 0, spotlight: 0, ignore: 0 };
    feed[row.route] += 1;
    feeds.set(row.feed_id, feed);
  }

  const answers = db
    .prepare<[number, number], { at: number }>(`SELECT at FROM community_answers WHERE at >= ? AND at < ?`)
    .all(from, to);
  for (const { at } of answers) {
    const bucket = week(at);
    if (bucket) bucket.communityAnswers += 1;
  }

  // Contributors: a member is new in the week of their first comment, returning in later weeks.
  const activity = db
    .prepare<[number, number], { member_id: number; first: number; published_at: number }>(
      `SELECT a.member_id, f.first, i.published_at FROM items i JOIN member_aliases a ON a.author = i.author
         JOIN (SELECT a2.member_id, MIN(i2.published_at) AS first FROM items i2 JOIN member_aliases a2 ON a2.author = i2.author GROUP BY a2.member_id) f
           ON f.member_id = a.member_id
        WHERE i.published_at >= ? AND i.published_at < ?`,
    )
    .all(from, to);
  const seen = new Set<string>();
  let newContributors = 0;
  for (const row of activity) {
    const start = weekStart(row.published_at);
    const key = `${row.member_id}:${start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const bucket = weeks.get(start);
    if (!bucket) continue;
    if (weekStart(row.first) === start) {
      bucket.newContributors += 1;
      newContributors += 1;
    } else if (row.first < start) bucket.returningContributors += 1;
  }

  const waits = db
    .prepare<[number, number], { hours: number }>(
      `SELECT (service_exported_at - published_at) / 3600000.0 AS hours FROM items WHERE service_exported_at >= ? AND service_exported_at < ?`,
    )
    .all(from, to)
    .map((row) => row.hours);
  const overdueNow = countOverdue(db, overdueBefore);

  const list = [...weeks.values()];
  const sum = (key: 'service' | 'spotlight' | 'ignore' | 'communityAnswers') => list.reduce((total, entry) => total + entry[key], 0);
  const medianWait = median(waits);
  return {
    from: iso(from),
    to: iso(to),
    weeks: list,
    byFeed: [...feeds.values()].sort((a, b) => a.feedTitle.localeCompare(b.feedTitle)),
    medianServiceWaitHours: medianWait === null ? null : Math.round(medianWait * 10) / 10,
    overdueNow,
    totals: { service: sum('service'), spotlight: sum('spotlight'), ignore: sum('ignore'), communityAnswers: sum('communityAnswers'), newContributors },
  };
}
