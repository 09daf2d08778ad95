// The dashboard's numbers: is this community handling itself, or is the company's support the
// bottleneck? Per week and per feed: comments routed to each lane, community answers, new and
// returning contributors; the median wait for a service reply and how many are overdue now.
import type { Db } from '../../../db/connection';
import type { DashboardStats, WeekStats } from '../../../common/types';
import { iso } from '../../../common/time';
import { countOverdue } from '../../../db/tables/item-counts';
import { answerTimesBetween } from '../../../db/tables/community-answers';
import { contributorActivity, routedBetween, serviceReplyWaitHours } from '../../../db/tables/dashboard';

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

  const routed = routedBetween(db, from, to);
  const feeds = new Map<number, DashboardStats['byFeed'][number]>();
  for (const row of routed) {
    const bucket = week(row.routedAt);
    if (bucket) bucket[row.route] += 1;
    const feed = feeds.get(row.feedId) ?? { feedId: row.feedId, feedTitle: row.feedTitle, service: 0, spotlight: 0, ignore: 0 };
    feed[row.route] += 1;
    feeds.set(row.feedId, feed);
  }

  const answers = answerTimesBetween(db, from, to);
  for (const at of answers) {
    const bucket = week(at);
    if (bucket) bucket.communityAnswers += 1;
  }

  // Contributors: a member is new in the week of their first comment, returning in later weeks.
  const activity = contributorActivity(db, from, to);
  const seen = new Set<string>();
  let newContributors = 0;
  for (const row of activity) {
    const start = weekStart(row.publishedAt);
    const key = `${row.memberId}:${start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const bucket = weeks.get(start);
    if (!bucket) continue;
    if (weekStart(row.firstPublishedAt) === start) {
      bucket.newContributors += 1;
      newContributors += 1;
    } else if (row.firstPublishedAt < start) bucket.returningContributors += 1;
  }

  const waits = serviceReplyWaitHours(db, from, to);
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
