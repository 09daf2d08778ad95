// Subscriptions: one row per feed, kept as a tombstone after unsubscribing (so a posts feed does
// not follow a deleted comment feed again). Every statement on the feeds table is here.
import type { Db } from '../connection';
import { prepared } from '../statements';
import { SwitchboardError } from '../../common/errors';
import type { FeedSummary } from '../../common/types';
import { isoOrNull } from '../../common/time';
import { writeTransaction } from '../write';
import { countItemsOfFeeds, FEED_COUNT_COLUMNS } from './item-counts';

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

// The counts are kept, not counted (db/tables/item-counts.ts): counting 1M comments per feed took 400 ms.
const SELECT_FEEDS = `SELECT f.*, ${FEED_COUNT_COLUMNS} FROM feeds f WHERE f.unsubscribed_at IS NULL`;

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
  return prepared<[], FeedRow>(db, `${SELECT_FEEDS} ORDER BY f.title COLLATE NOCASE, f.id`).all().map(toSummary);
}

export function getFeed(db: Db, id: number): FeedSummary {
  const row = prepared<[number], FeedRow>(db, `${SELECT_FEEDS} AND f.id = ?`).get(id);
  if (!row) throw new SwitchboardError('not-found', 'feeds', `there is no feed with id ${id}; "switchboard feeds" lists them`);
  return toSummary(row);
}

export function findFeedByUrl(db: Db, url: string): { id: number; unsubscribed: boolean; allowLocal: boolean } | null {
  const row = prepared<[string], { id: number; unsubscribed_at: number | null; allow_local: number }>(db, 'SELECT id, unsubscribed_at, allow_local FROM feeds WHERE url = ?').get(url);
  return row ? { id: row.id, unsubscribed: row.unsubscribed_at !== null, allowLocal: row.allow_local === 1 } : null;
}

/** How a subscription came in: typed by the moderator, found on a web page, or imported from OPML. */
export type FeedOrigin = 'typed' | 'discovered' | 'opml';

/** What a fetch needs to know of a feed, and what storing its result updates. */
export interface FeedFetchState {
  id: number;
  url: string;
  title: string;
  interval_minutes: number;
  error_count: number;
  follow_days: number | null;
  etag: string | null;
  last_modified: string | null;
  /** Whose threads its comments join (feeds/site.ts). */
  site: string;
  origin: FeedOrigin;
  /** 1 when the moderator allowed it to reach this computer or the local network. */
  allow_local: number;
}

const FETCH_COLUMNS = 'id, url, title, interval_minutes, error_count, etag, last_modified, follow_days, site, origin, allow_local';

/** These live feeds, whatever their status; ids that are not (any longer) subscribed are left out. */
export function feedsById(db: Db, ids: number[]): FeedFetchState[] {
  return prepared<[string], FeedFetchState>(db, `SELECT ${FETCH_COLUMNS} FROM feeds WHERE unsubscribed_at IS NULL AND id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
}

/** Active live feeds still followed, that are due at `now` (never fetched, or their time has come); every one with `all`. */
export function dueFeeds(db: Db, now: number, all: boolean): FeedFetchState[] {
  const due = all ? '' : 'AND (last_fetched_at IS NULL OR (next_fetch_at IS NOT NULL AND next_fetch_at <= @now))';
  return prepared<{ now: number }, FeedFetchState>(
    db,
    `SELECT ${FETCH_COLUMNS} FROM feeds
      WHERE unsubscribed_at IS NULL AND status = 'active' AND (follow_until IS NULL OR follow_until > @now) ${due}
      ORDER BY id`,
  ).all({ now });
}

/** A failed fetch; `park` stops fetching until the moderator retries. False when the feed is gone or unsubscribed meanwhile. */
export function recordFetchFailure(db: Db, id: number, failure: { category: string; message: string; failures: number; nextFetchAt: number | null; park: boolean }, now: number): boolean {
  return (
    prepared(
      db,
      `UPDATE feeds SET last_fetched_at = @now, error_category = @category, error_message = @message, error_count = @failures,
              next_fetch_at = @next, status = CASE WHEN @park THEN 'parked' ELSE status END
        WHERE id = @id AND unsubscribed_at IS NULL`,
    ).run({ now, category: failure.category, message: failure.message, failures: failure.failures, next: failure.nextFetchAt, park: failure.park ? 1 : 0, id }).changes > 0
  );
}

export interface FetchSuccess {
  nextFetchAt: number | null;
  etag: string | null;
  lastModified: string | null;
  /** What the feed says of itself, when it was read (null on a 304). */
  title: string | null;
  siteUrl: string | null;
  kind: string | null;
  /** How long a posts feed follows its posts' comment feeds when nobody said. */
  defaultFollowDays: number;
}

/** A successful fetch: errors cleared, validators kept, an untitled feed named. False when the feed is gone or unsubscribed meanwhile. */
export function recordFetchSuccess(db: Db, id: number, success: FetchSuccess, now: number): boolean {
  return (
    prepared(
      db,
      `UPDATE feeds SET last_fetched_at = @now, last_success_at = @now, error_category = NULL, error_message = NULL, error_count = 0,
              next_fetch_at = @nextFetchAt, etag = coalesce(@etag, etag), last_modified = coalesce(@lastModified, last_modified),
              title = CASE WHEN title = '' AND @title IS NOT NULL THEN @title ELSE title END,
              site_url = coalesce(@siteUrl, site_url), kind = coalesce(@kind, kind),
              -- A posts feed is only useful followed: follow its posts' comment feeds unless told how long.
              follow_days = CASE WHEN @kind = 'posts' THEN coalesce(follow_days, @defaultFollowDays) ELSE follow_days END
        WHERE id = @id AND unsubscribed_at IS NULL`,
    ).run({ ...success, now, id }).changes > 0
  );
}

/** A new subscription; returns its id. */
export interface NewFeed {
  url: string;
  site: string;
  origin: FeedOrigin;
  allowLocal: boolean;
  title: string;
}

export function insertFeedRow(db: Db, feed: NewFeed & { intervalMinutes: number; followDays: number | null; isSample: boolean }, now: number): number {
  return Number(
    prepared(db, `INSERT INTO feeds (url, site, origin, allow_local, title, interval_minutes, follow_days, is_sample, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      feed.url,
      feed.site,
      feed.origin,
      feed.allowLocal ? 1 : 0,
      feed.title,
      feed.intervalMinutes,
      feed.followDays,
      feed.isSample ? 1 : 0,
      now,
    ).lastInsertRowid,
  );
}

/**
 * A feed unsubscribed earlier, subscribed again: a fresh subscription (no follow expiry, no failure
 * history, reached the way it came in now), its title kept unless a new one is given.
 */
export function reviveFeed(db: Db, id: number, feed: Omit<NewFeed, 'url'>): void {
  prepared(
    db,
    `UPDATE feeds SET unsubscribed_at = NULL, status = 'active', next_fetch_at = NULL, last_fetched_at = NULL, error_count = 0,
            parent_feed_id = NULL, follow_until = NULL, site = @site, origin = @origin, allow_local = @allowLocal,
            title = CASE WHEN @title = '' THEN title ELSE @title END WHERE id = @id`,
  ).run({ id, ...feed, allowLocal: feed.allowLocal ? 1 : 0 });
}

/** The moderator allowed this feed to reach this computer or the local network; it is due at once. */
export function allowLocalFeed(db: Db, id: number): void {
  prepared(db, `UPDATE feeds SET allow_local = 1, status = 'active', error_count = 0, next_fetch_at = NULL WHERE id = ?`).run(id);
}

/**
 * A post's comment feed, followed until `followUntil`, on the posts feed's terms (its site, how it
 * came in, whether it may reach the local network); nothing when the URL is known already (a
 * tombstone stays unsubscribed). Returns whether it was added.
 */
export function insertFollowedFeed(db: Db, feed: { url: string; title: string; intervalMinutes: number; parentId: number; followUntil: number }, now: number): boolean {
  return (
    prepared(
      db,
      `INSERT INTO feeds (url, site, origin, allow_local, title, kind, interval_minutes, parent_feed_id, follow_until, created_at)
       SELECT @url, site, origin, allow_local, @title, 'comments', @intervalMinutes, @parentId, @followUntil, @now FROM feeds WHERE id = @parentId
       ON CONFLICT (url) DO NOTHING`,
    ).run({ ...feed, now }).changes > 0
  );
}

export interface FeedChange {
  title?: string;
  intervalMinutes?: number;
  status?: 'active' | 'muted';
  followDays?: number | null;
}

/** Renames, reschedules (an interval of 0 is manual only), mutes or resumes a feed. */
export function updateFeedRow(db: Db, id: number, change: FeedChange, now: number): void {
  const sets: string[] = [];
  if (change.title !== undefined) sets.push('title = @title');
  if (change.intervalMinutes !== undefined) {
    sets.push('interval_minutes = @intervalMinutes');
    sets.push('next_fetch_at = CASE WHEN @intervalMinutes = 0 THEN NULL ELSE coalesce(last_fetched_at, @now) + @intervalMinutes * 60000 END');
  }
  if (change.status !== undefined) sets.push('status = @status');
  if (change.followDays !== undefined) sets.push('follow_days = @followDays');
  if (sets.length) db.prepare(`UPDATE feeds SET ${sets.join(', ')} WHERE id = @id`).run({ title: null, intervalMinutes: null, status: null, followDays: null, ...change, now, id });
}

/** Un-parks a feed: active again, its failures forgotten, due at once. */
export function resumeFeed(db: Db, id: number): void {
  prepared(db, `UPDATE feeds SET status = 'active', error_count = 0, next_fetch_at = NULL WHERE id = ?`).run(id);
}

/** Feeds that failed only because the network was down are due again at once. */
export function makeOfflineFailuresDue(db: Db, now: number): void {
  prepared(db, `UPDATE feeds SET next_fetch_at = @now WHERE error_category = 'network' AND status = 'active' AND interval_minutes > 0`).run({ now });
}

const FAMILY = `SELECT id FROM feeds WHERE id = @id OR parent_feed_id = @id`;

/** How many comments a feed and the comment feeds it follows hold. */
export function feedFamilyItemCount(db: Db, id: number): number {
  return countItemsOfFeeds(db, FAMILY, { id });
}

/** Unsubscribes a feed and the comment feeds it follows (their rows stay as tombstones), deleting their comments if asked. */
export function unsubscribeFeedFamily(db: Db, id: number, deleteItems: boolean, now: number): void {
  writeTransaction(db, () => {
    if (deleteItems) prepared(db, `DELETE FROM items WHERE feed_id IN (${FAMILY})`).run({ id });
    prepared(db, `UPDATE feeds SET unsubscribed_at = @now, status = 'muted' WHERE id IN (${FAMILY})`).run({ id, now });
  });
}

/** Removes the sample feeds and (by cascade) their comments; returns how many feeds went. */
export function deleteSampleFeeds(db: Db): number {
  return prepared(db, 'DELETE FROM feeds WHERE is_sample = 1').run().changes;
}
