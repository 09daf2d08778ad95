// Following threads: a posts feed subscribes to each post's own comment feed (wfw:commentRss,
// Atom rel="replies"), for follow_days after it first appears. Only comment feeds on the posts
// feed's own host are followed: a hostile feed must not make Switchboard poll addresses elsewhere,
// least of all on the moderator's own network.
import type { Db } from '../../../db/connection';
import { insertFollowedFeed } from '../../../db/tables/feeds';
import type { FeedLink } from './parse/normalize';
import { DEFAULT_FOLLOW_DAYS, DEFAULT_INTERVAL_MINUTES } from './schedule-policy';

const DAY = 24 * 60 * 60_000;

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).host === new URL(b).host;
  } catch {
    return false;
  }
}

/** Adds the comment feeds not yet known (a tombstone of one unsubscribed stays unsubscribed); returns how many. */
export function followCommentFeeds(db: Db, parent: { id: number; url: string; follow_days: number | null }, links: FeedLink[], now: number): number {
  const until = now + (parent.follow_days ?? DEFAULT_FOLLOW_DAYS) * DAY;
  let added = 0;
  for (const link of links) {
    if (!sameHost(link.url, parent.url)) continue;
    if (insertFollowedFeed(db, { url: link.url, title: link.title ? `Comments: ${link.title}` : '', intervalMinutes: DEFAULT_INTERVAL_MINUTES, parentId: parent.id, followUntil: until }, now)) added += 1;
  }
  return added;
}
