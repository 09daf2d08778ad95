// Subscribing, renaming, muting, retrying and unsubscribing.
import { SwitchboardError } from '../../../common/errors';
import type { FeedsContext } from './context';
import type { FeedCandidate, FeedStatus, FeedSummary, SubscribeResult } from '../../../common/types';
import { announceChange } from '../../core/changes';
import type { Discovery } from './discover';
import {
  feedFamilyItemCount,
  findFeedByUrl,
  getFeed,
  insertFeedRow,
  resumeFeed,
  reviveFeed,
  unsubscribeFeedFamily,
  updateFeedRow,
} from '../../../db/tables/feeds';
import { fetchFeedsNow } from './refresh';
import { checkFeedUrl } from './fetch/redirects';
import { plainText } from './sanitize/sanitize';
import { feedSite } from './site';
import { DEFAULT_FOLLOW_DAYS, DEFAULT_INTERVAL_MINUTES } from './schedule-policy';

/** The fetcher's own rules (http or https, no user name or password), said as a subscribe error. */
export function checkSubscribableUrl(url: string): string {
  try {
    return checkFeedUrl(url.trim()).href;
  } catch (error) {
    throw new SwitchboardError('invalid-input', 'subscribe', `${(error as Error).message}; paste an address starting with https://`);
  }
}

/** A new subscription (or one unsubscribed earlier, revived). `page`: the web page it was found on, which vouches for its site. */
export function insertFeed(ctx: FeedsContext, feed: { url: string; title: string; page?: string | null; intervalMinutes?: number; followDays?: number | null; isSample?: boolean }): number {
  const existing = findFeedByUrl(ctx.db, feed.url);
  if (existing && !existing.unsubscribed) {
    throw new SwitchboardError('conflict', 'subscribe', `you are already subscribed to ${feed.url} (feed ${existing.id})`);
  }
  const site = feedSite(feed.url, feed.page);
  // Subscribing again to a feed unsubscribed earlier brings it back (with any comments kept).
  if (existing) {
    reviveFeed(ctx.db, existing.id, { title: plainText(feed.title), site });
    return existing.id;
  }
  return insertFeedRow(
    ctx.db,
    { url: feed.url, site, title: plainText(feed.title), intervalMinutes: feed.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES, followDays: feed.followDays ?? null, isSample: feed.isSample === true },
    ctx.now(),
  );
}

/** The feeds an address offers, found in the ingest worker; one that cannot be read is the moderator's input to fix. */
async function lookAt(ctx: FeedsContext, url: string): Promise<Discovery> {
  const outcome = await ctx.runner.discover(url);
  if (outcome.status === 'error') throw new SwitchboardError('invalid-input', 'subscribe', `${outcome.message} (${outcome.category})`);
  if (outcome.status === 'cancelled') throw new SwitchboardError('unavailable', 'subscribe', 'the address could not be looked at because the feed reader stopped; try again');
  return outcome;
}

/** The feeds an address offers. A feed address was downloaded to be named: that download is kept for the subscribe that follows. */
export async function discover(ctx: FeedsContext, url: string): Promise<FeedCandidate[]> {
  const { candidates, feed, page } = await lookAt(ctx, checkSubscribableUrl(url));
  if (feed && candidates[0]) ctx.feeds.discovered.keep({ candidate: candidates[0], feed }, ctx.now());
  if (page) ctx.feeds.discovered.keepPage(page, candidates.map((candidate) => candidate.url), ctx.now());
  return candidates;
}

/**
 * Subscribes to a feed, or to the best feed a page offers, and stores its first batch. A feed is
 * downloaded once: the download feeds-discover kept for this address, or the one made here to
 * look at it, is what gets stored; a page costs the page and one download of the feed it picks.
 */
export async function subscribe(ctx: FeedsContext, input: { url: string; title?: string; intervalMinutes?: number; followDays?: number }): Promise<SubscribeResult> {
  const url = checkSubscribableUrl(input.url);
  const kept = ctx.feeds.discovered.take(url, ctx.now());
  const looked = kept ? { candidates: [kept.candidate], feed: kept.feed, page: undefined } : await lookAt(ctx, url);
  const { candidates, feed: downloaded } = looked;
  // Found on a page: this call's (a page address), or the one feeds-discover read before (the console's choice).
  const page = looked.page ?? ctx.feeds.discovered.pageOf(url, ctx.now());
  const [best, ...alternatives] = candidates;
  if (!best) throw new SwitchboardError('invalid-input', 'subscribe', 'no feed was found at that address');
  // A posts feed only makes sense followed: its posts' comment feeds are where the comments are.
  const followDays = input.followDays ?? (best.kind === 'posts' ? DEFAULT_FOLLOW_DAYS : undefined);
  const id = insertFeed(ctx, { url: best.url, title: input.title ?? best.title, page, intervalMinutes: input.intervalMinutes, followDays });
  const first = downloaded?.finalUrl === best.url ? new Map([[id, downloaded]]) : undefined;
  const [fetch] = await fetchFeedsNow(ctx, [id], first);
  return { feed: getFeed(ctx.db, id), alternatives, fetch: fetch! };
}

export function updateFeed(ctx: FeedsContext, input: { id: number; title?: string; intervalMinutes?: number; status?: Exclude<FeedStatus, 'parked'>; followDays?: number | null }): FeedSummary {
  getFeed(ctx.db, input.id);
  const { id, ...change } = input;
  updateFeedRow(ctx.db, id, { ...change, title: change.title === undefined ? undefined : plainText(change.title) }, ctx.now());
  ctx.events.emit('feeds-changed', {});
  return getFeed(ctx.db, input.id);
}

/** Un-parks a feed and fetches it now. */
export async function retryFeed(ctx: FeedsContext, id: number) {
  getFeed(ctx.db, id);
  resumeFeed(ctx.db, id);
  const [result] = await fetchFeedsNow(ctx, [id]);
  return result!;
}

/**
 * Stops following a feed and the comment feeds it follows for its posts. With deleteItems their
 * comments (and decisions) go too; the feed rows stay as tombstones, so a posts feed does not
 * follow a deleted comment feed again.
 */
export function unsubscribe(ctx: FeedsContext, id: number, deleteItems: boolean): { feedId: number; deletedItems: number; keptItems: number } {
  getFeed(ctx.db, id);
  const items = feedFamilyItemCount(ctx.db, id);
  unsubscribeFeedFamily(ctx.db, id, deleteItems, ctx.now());
  ctx.events.emit('feeds-changed', {});
  if (deleteItems && items > 0) {
    announceChange(ctx, 'unsubscribe');
  }
  return { feedId: id, deletedItems: deleteItems ? items : 0, keptItems: deleteItems ? 0 : items };
}
