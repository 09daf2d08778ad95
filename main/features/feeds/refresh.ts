// A fetch run: which feeds are due, fetching them (at most 2 connections per host), storing each
// result as it arrives, following new posts' comment feeds, and telling the console how far along
// it is. One run at a time; a run can be cancelled.
import { SwitchboardError } from '../../../common/errors';
import type { FeedsContext } from './context';
import type { FetchResult } from '../../../common/types';
import { viewCounts } from '../../core/changes';
import type { DownloadedFeed, IngestOutcome } from './pipeline';
import { isSampleUrl } from './samples/sample-feeds';
import { mustStayPublic } from './local-feeds';
import { storeOutcome } from './store';
import { dueFeeds, feedsById, type FeedFetchState } from '../../../db/tables/feeds';
import { storageFault } from '../../../db/storage-faults';

type DueFeed = FeedFetchState;

export interface RefreshRequest {
  feedIds?: number[];
  /** Every active feed, due or not. */
  all?: boolean;
}

/** The feeds a request names, or the active ones that are due (every active one with `all`). */
export function selectFeeds(ctx: FeedsContext, request: RefreshRequest): DueFeed[] {
  const now = ctx.now();
  if (request.feedIds) {
    if (request.feedIds.length === 0) return [];
    const rows = feedsById(ctx.db, request.feedIds);
    const missing = request.feedIds.filter((id) => !rows.some((row) => row.id === id));
    if (missing.length) throw new SwitchboardError('not-found', 'fetch', `there is no feed with id ${missing.join(', ')}; "switchboard feeds" lists them`);
    return rows;
  }
  return dueFeeds(ctx.db, now, request.all === true);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function resultOf(feedId: number, outcome: IngestOutcome, newItems: number): FetchResult {
  if (outcome.status === 'error') return { feedId, status: 'error', newItems: 0, error: { category: outcome.category, message: outcome.message } };
  const skipped = outcome.status === 'ok' ? outcome.feed.skipped : 0;
  const withheld = outcome.status === 'ok' ? outcome.feed.withheld : 0;
  return {
    feedId, status: outcome.status, newItems, error: null,
    ...(skipped > 0 ? { skippedEntries: skipped } : {}),
    ...(withheld > 0 ? { withheldEntries: withheld } : {}),
  };
}

const cancelled = (feedId: number): FetchResult => ({ feedId, status: 'cancelled', newItems: 0, error: null });

/**
 * One feed: fetched in the worker while it holds one of the service's download slots for its
 * host; the slot is given back as soon as the body is read, so the next download starts while
 * this one is parsed and stored. A feed `downloaded` already (by discovery) needs no slot: the
 * worker only reads those bytes. Never throws: a failure is that feed's result, not the run's.
 */
async function fetchAndStore(ctx: FeedsContext, feed: DueFeed, signal: AbortSignal, first = false, downloaded?: DownloadedFeed): Promise<FetchResult> {
  const stopped = () => signal.aborted || ctx.feeds.closed;
  if (stopped()) return cancelled(feed.id);
  try {
    const url = isSampleUrl(feed.url) ? (await ctx.feeds.sampleServer()).locate(feed.url) : feed.url;
    // Assigned inside the slot's callback; the annotation keeps TypeScript from assuming null.
    let outcome = null as Promise<IngestOutcome> | null;
    if (downloaded) {
      outcome = ctx.runner.run({ url, downloaded }, signal);
    } else {
      await ctx.feeds.downloads(
        hostOf(url),
        () =>
          new Promise<void>((release) => {
            if (stopped()) return release();
            outcome = ctx.runner.run({ url, etag: feed.etag, lastModified: feed.last_modified, publicOnly: mustStayPublic(feed) }, signal, release);
            outcome.then(() => release(), () => release());
          }),
        { first },
      );
    }
    const finished = outcome && (await outcome);
    if (!finished || stopped()) return cancelled(feed.id);
    const stored = storeOutcome(ctx.db, feed, finished, ctx.now(), ctx.arrivals);
    return resultOf(feed.id, finished, stored.newItems);
  } catch (error) {
    // The database refused the batch (busy, full, closed): nothing of it was stored.
    const why = storageFault(error, ctx.dbPath, ctx.db)?.message ?? (error instanceof Error ? error.message : String(error));
    const message = `storing this feed's comments failed (${why}); they will be fetched again`;
    return { feedId: feed.id, status: 'error', newItems: 0, error: { category: 'storage', message } };
  }
}

function announce(ctx: FeedsContext, newItems: number): void {
  ctx.events.emit('feeds-changed', {});
  if (newItems > 0) ctx.events.emit('items-changed', { reason: 'fetch' });
  ctx.events.emit('counts-changed', viewCounts(ctx));
}

/**
 * Fetches the named feeds now, beside any run under way (subscribing, retrying one feed): the
 * moderator is waiting, so they go ahead of the run's feeds still queued for a slot. A feed in
 * `downloaded` (by id) is stored from those bytes instead of being downloaded again.
 */
export async function fetchFeedsNow(ctx: FeedsContext, feedIds: number[], downloaded = new Map<number, DownloadedFeed>()): Promise<FetchResult[]> {
  const feeds = selectFeeds(ctx, { feedIds });
  const never = new AbortController().signal;
  const results = await Promise.all(feeds.map((feed) => fetchAndStore(ctx, feed, never, true, downloaded.get(feed.id))));
  announce(ctx, results.reduce((sum, result) => sum + result.newItems, 0));
  return results;
}

/**
 * A fetch run, with progress events and cancellation. Runs take turns: one asked for while
 * another is under way (a scheduler tick, say) starts when that one ends.
 */
export async function refreshFeeds(ctx: FeedsContext, request: RefreshRequest): Promise<FetchResult[]> {
  while (ctx.feeds.activeRun) await ctx.feeds.activeRun.catch(() => undefined);
  const feeds = selectFeeds(ctx, request);
  const controller = new AbortController();
  let done = 0;
  let newItems = 0;
  const progress = (finished: boolean) => ctx.events.emit('fetch-progress', { done, total: feeds.length, newItems, finished });
  const run = Promise.all(
    feeds.map(async (feed) => {
      const result = await fetchAndStore(ctx, feed, controller.signal);
      done += 1;
      newItems += result.newItems;
      progress(false);
      return result;
    }),
  );
  ctx.feeds.activeFetch = controller;
  ctx.feeds.activeRun = run;
  progress(false);
  try {
    return await run;
  } finally {
    ctx.feeds.activeFetch = null;
    ctx.feeds.activeRun = null;
    progress(true);
    announce(ctx, newItems);
  }
}

export function cancelRefresh(ctx: FeedsContext): boolean {
  if (!ctx.feeds.activeFetch) return false;
  ctx.feeds.activeFetch.abort();
  return true;
}
