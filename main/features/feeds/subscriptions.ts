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
  allowLocalFeed,
  resumeFeed,
  reviveFeed,
  unsubscribeFeedFamily,
  updateFeedRow,
} from '../../../db/tables/feeds';
import { fetchFeedsNow } from './refresh';
import { checkFeedUrl } from './fetch/redirects';
import { plainText } from './sanitize/plain-text';
import { feedSite } from './site';
import { confirmLocal, localAddressOf } from './local-feeds';
import { DEFAULT_FOLLOW_DAYS, DEFAULT_INTERVAL_MINUTES } from './schedule-policy';
import { addressesToTry, unreachable } from './typed-address';

/** The fetcher's own rules (http or https, no user name or password), said as a subscribe error. */
export function checkSubscribableUrl(url: string): string {
  try {
    return checkFeedUrl(url.trim()).href;
  } catch (error) {
    throw new SwitchboardError('invalid-input', 'subscribe', `${(error as Error).message}; paste an address starting with https://`);
  }
}

/** The addresses to try for what the moderator typed (typed-address.ts), each one the fetcher accepts. */
function typedAddresses(typed: string): string[] {
  const addresses = addressesToTry(typed);
  if (addresses.length === 1) return addresses.map(checkSubscribableUrl);
  try {
    return addresses.map(checkSubscribableUrl);
  } catch {
    // Said about what was typed, not about the https:// address made of it.
    throw new SwitchboardError('invalid-input', 'subscribe', `“${typed.trim().slice(0, 200)}” is not a web address; type one like blog.example.com, or paste the whole address`);
  }
}

export interface FeedToInsert {
  url: string;
  title: string;
  /** The web page it was found on: it vouches for the feed's site (site.ts), and the feed came in 'discovered'. */
  page?: string | null;
  /** Imported from an OPML file. */
  fromOpml?: boolean;
  /** The moderator confirmed it may reach this computer or the local network (local-feeds.ts). */
  allowLocal?: boolean;
  intervalMinutes?: number;
  followDays?: number | null;
  isSample?: boolean;
}

/**
 * A new subscription (or one unsubscribed earlier, revived). Subscribing again to a live feed is a
 * conflict, unless it confirms a local address the feed was refused (its fetch says to do that).
 */
export function insertFeed(ctx: FeedsContext, feed: FeedToInsert): number {
  const existing = findFeedByUrl(ctx.db, feed.url);
  if (existing && !existing.unsubscribed) {
    if (feed.allowLocal && !existing.allowLocal) {
      allowLocalFeed(ctx.db, existing.id);
      return existing.id;
    }
    throw new SwitchboardError('conflict', 'subscribe', `you are already subscribed to ${feed.url} (feed ${existing.id})`);
  }
  const terms = {
    site: feedSite(feed.url, feed.page),
    origin: feed.fromOpml ? ('opml' as const) : feed.page ? ('discovered' as const) : ('typed' as const),
    allowLocal: feed.allowLocal === true,
    title: plainText(feed.title),
  };
  // Subscribing again to a feed unsubscribed earlier brings it back (with any comments kept).
  if (existing) {
    reviveFeed(ctx.db, existing.id, terms);
    return existing.id;
  }
  return insertFeedRow(
    ctx.db,
    { url: feed.url, ...terms, intervalMinutes: feed.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES, followDays: feed.followDays ?? null, isSample: feed.isSample === true },
    ctx.now(),
  );
}

/**
 * The feeds what the moderator typed offers, found in the ingest worker. A bare host is looked at
 * over https, then over http when https cannot be reached at all (typed-address.ts). A failure is
 * the moderator's input to fix, said in words: its category is for feed health.
 */
async function lookAt(ctx: FeedsContext, typed: string): Promise<Discovery> {
  const [secure, plain] = typedAddresses(typed);
  let outcome = await ctx.runner.discover(secure!);
  if (plain && outcome.status === 'error' && unreachable(outcome.category)) {
    const second = await ctx.runner.discover(plain);
    if (second.status !== 'error') outcome = second;
    else throw new SwitchboardError('invalid-input', 'subscribe', `neither ${secure} nor ${plain} could be reached: ${outcome.message}`);
  }
  if (outcome.status === 'error') throw new SwitchboardError('invalid-input', 'subscribe', outcome.message);
  if (outcome.status === 'cancelled') throw new SwitchboardError('unavailable', 'subscribe', 'the address could not be looked at because the feed reader stopped; try again');
  return outcome;
}

/**
 * The feeds an address offers, each marked with the local address it points at, if any (the
 * console asks before subscribing to it). A feed address was downloaded to be named: that
 * download is kept for the subscribe that follows; a page is remembered as where its feeds were found.
 */
export async function discover(ctx: FeedsContext, url: string): Promise<FeedCandidate[]> {
  const { candidates, feed, page } = await lookAt(ctx, url);
  if (feed && candidates[0]) ctx.feeds.discovered.keep({ candidate: candidates[0], feed }, ctx.now());
  if (page) ctx.feeds.discovered.keepPage(page, candidates.map((candidate) => candidate.url), ctx.now());
  const local = await Promise.all(candidates.map((candidate) => localAddressOf(candidate.url, ctx.feeds.classifyAddress)));
  return candidates.map((candidate, index) => (local[index] ? { ...candidate, localAddress: local[index] } : candidate));
}

/**
 * Subscribes to a feed, or to the best feed a page offers, and stores its first batch. A feed is
 * downloaded once: the download feeds-discover kept for this address, or the one made here to
 * look at it, is what gets stored; a page costs the page and one download of the feed it picks.
 * A feed on this computer or the local network needs `allowLocal`, the moderator's confirmation
 * (local-feeds.ts); one found on a page takes that page's site (site.ts).
 */
export async function subscribe(
  ctx: FeedsContext,
  input: { url: string; title?: string; intervalMinutes?: number; followDays?: number; allowLocal?: boolean },
): Promise<SubscribeResult> {
  // The address as the console passes it back (a candidate's), or as first tried when typed bare.
  const url = typedAddresses(input.url)[0]!;
  const allowLocal = input.allowLocal === true;
  // A feed feeds-discover found on a page (the console's choice) is not requested before the moderator confirms a local address.
  const foundOn = ctx.feeds.discovered.pageOf(url, ctx.now());
  if (foundOn) await confirmLocal(url, allowLocal, ctx.feeds.classifyAddress);
  const kept = ctx.feeds.discovered.take(url, ctx.now());
  const looked = kept ? { candidates: [kept.candidate], feed: kept.feed, page: undefined } : await lookAt(ctx, input.url);
  const { candidates, feed: downloaded } = looked;
  const page = looked.page ?? foundOn;
  const [best, ...alternatives] = candidates;
  if (!best) throw new SwitchboardError('invalid-input', 'subscribe', 'no feed was found at that address');
  if (!foundOn || best.url !== url) await confirmLocal(best.url, allowLocal, ctx.feeds.classifyAddress);
  // A posts feed only makes sense followed: its posts' comment feeds are where the comments are.
  const followDays = input.followDays ?? (best.kind === 'posts' ? DEFAULT_FOLLOW_DAYS : undefined);
  const id = insertFeed(ctx, { url: best.url, title: input.title ?? best.title, page, allowLocal, intervalMinutes: input.intervalMinutes, followDays });
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
