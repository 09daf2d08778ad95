// Subscribing, renaming, muting, retrying and unsubscribing; the sample feeds; OPML.
import { SwitchboardError } from '../../api/errors';
import type { ServiceContext } from '../../api/service';
import type { FeedCandidate, FeedStatus, FeedSummary, OpmlImportResult, SubscribeResult } from '../../api/types';
import { countViews } from '../queue/queries';
import { readOpml, writeOpml } from './opml';
import { findFeedByUrl, getFeed, listFeeds } from './queries';
import { fetchFeedsNow, refreshFeeds } from './refresh';
import { sampleFeedUrls } from './samples/sample-feeds';
import { DEFAULT_FOLLOW_DAYS, DEFAULT_INTERVAL_MINUTES } from './schedule-policy';

export function checkFeedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new SwitchboardError('invalid-input', 'subscribe', `"${url.slice(0, 80)}" is not a web address; paste one starting with https://`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SwitchboardError('invalid-input', 'subscribe', `only http and https addresses can be subscribed to, not ${parsed.protocol.replace(':', '')}`);
  }
  return parsed.href;
}

function insertFeed(ctx: ServiceContext, feed: { url: string; title: string; intervalMinutes?: number; followDays?: number | null; isSample?: boolean }): number {
  const existing = findFeedByUrl(ctx.db, feed.url);
  if (existing && !existing.unsubscribed) {
    throw new SwitchboardError('conflict', 'subscribe', `you are already subscribed to ${feed.url} (feed ${existing.id})`);
  }
  if (existing) {
    // Subscribing again to a feed unsubscribed with its comments kept brings it back with them.
    ctx.db.prepare(`UPDATE feeds SET unsubscribed_at = NULL, status = 'active', next_fetch_at = NULL, last_fetched_at = NULL WHERE id = ?`).run(existing.id);
    return existing.id;
  }
  return Number(
    ctx.db
      .prepare(`INSERT INTO feeds (url, title, interval_minutes, follow_days, is_sample, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(feed.url, feed.title, feed.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES, feed.followDays ?? null, feed.isSample ? 1 : 0, ctx.now()).lastInsertRowid,
  );
}

/** The feeds an address offers, found in the ingest worker; one that cannot be read is the moderator's input to fix. */
export async function discover(ctx: ServiceContext, url: string): Promise<FeedCandidate[]> {
  const outcome = await ctx.runner.discover(checkFeedUrl(url));
  if (outcome.status === 'error') throw new SwitchboardError('invalid-input', 'subscribe', `${outcome.message} (${outcome.category})`);
  return outcome.candidates;
}

export async function subscribe(ctx: ServiceContext, input: { url: string; title?: string; intervalMinutes?: number; followDays?: number }): Promise<SubscribeResult> {
  const [best, ...alternatives] = await discover(ctx, input.url);
  if (!best) throw new SwitchboardError('invalid-input', 'subscribe', 'no feed was found at that address');
  // A posts feed only makes sense followed: its posts' comment feeds are where the comments are.
  const followDays = input.followDays ?? (best.kind === 'posts' ? DEFAULT_FOLLOW_DAYS : undefined);
  const id = insertFeed(ctx, { url: best.url, title: input.title ?? best.title, intervalMinutes: input.intervalMinutes, followDays });
  const [fetch] = await fetchFeedsNow(ctx, [id]);
  return { feed: getFeed(ctx.db, id), alternatives, fetch: fetch! };
}

export function updateFeed(ctx: ServiceContext, input: { id: number; title?: string; intervalMinutes?: number; status?: Exclude<FeedStatus, 'parked'>; followDays?: number | null }): FeedSummary {
  getFeed(ctx.db, input.id);
  const sets: string[] = [];
  if (input.title !== undefined) sets.push('title = @title');
  if (input.intervalMinutes !== undefined) {
    sets.push('interval_minutes = @intervalMinutes');
    sets.push('next_fetch_at = CASE WHEN @intervalMinutes = 0 THEN NULL ELSE coalesce(last_fetched_at, @now) + @intervalMinutes * 60000 END');
  }
  if (input.status !== undefined) sets.push('status = @status');
  if (input.followDays !== undefined) sets.push('follow_days = @followDays');
  if (sets.length) ctx.db.prepare(`UPDATE feeds SET ${sets.join(', ')} WHERE id = @id`).run({ title: null, intervalMinutes: null, status: null, followDays: null, ...input, now: ctx.now() });
  ctx.events.emit('feeds-changed', {});
  return getFeed(ctx.db, input.id);
}

/** Un-parks a feed and fetches it now. */
export async function retryFeed(ctx: ServiceContext, id: number) {
  getFeed(ctx.db, id);
  ctx.db.prepare(`UPDATE feeds SET status = 'active', error_count = 0, next_fetch_at = NULL WHERE id = ?`).run(id);
  const [result] = await fetchFeedsNow(ctx, [id]);
  return result!;
}

export function unsubscribe(ctx: ServiceContext, id: number, deleteItems: boolean): { feedId: number; deletedItems: number; keptItems: number } {
  getFeed(ctx.db, id);
  const items = ctx.db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM items WHERE feed_id = ?').get(id)?.n ?? 0;
  ctx.db.transaction(() => {
    if (deleteItems) ctx.db.prepare('DELETE FROM feeds WHERE id = ?').run(id);
    else ctx.db.prepare(`UPDATE feeds SET unsubscribed_at = ?, status = 'muted' WHERE id = ?`).run(ctx.now(), id);
  })();
  ctx.events.emit('feeds-changed', {});
  if (deleteItems && items > 0) {
    ctx.events.emit('items-changed', { reason: 'unsubscribe' });
    ctx.events.emit('counts-changed', countViews(ctx.db));
  }
  return { feedId: id, deletedItems: deleteItems ? items : 0, keptItems: deleteItems ? 0 : items };
}

export async function loadSamples(ctx: ServiceContext) {
  const ids = ctx.db.transaction(() =>
    sampleFeedUrls().map((url) => findFeedByUrl(ctx.db, url)?.id ?? insertFeed(ctx, { url, title: '', intervalMinutes: 0, isSample: true })),
  )();
  ctx.events.emit('feeds-changed', {});
  return refreshFeeds(ctx, { feedIds: ids });
}

export function removeSamples(ctx: ServiceContext): { removedFeeds: number } {
  const removed = ctx.db.prepare('DELETE FROM feeds WHERE is_sample = 1').run().changes;
  ctx.events.emit('feeds-changed', {});
  ctx.events.emit('items-changed', { reason: 'samples-removed' });
  ctx.events.emit('counts-changed', countViews(ctx.db));
  return { removedFeeds: removed };
}

export function importOpml(ctx: ServiceContext, text: string): OpmlImportResult {
  let outlines;
  try {
    outlines = readOpml(text);
  } catch (error) {
    throw new SwitchboardError('invalid-input', 'opml', (error as Error).message.replace(/^opml: /, ''));
  }
  const result: OpmlImportResult = { added: 0, alreadySubscribed: 0, invalid: [] };
  ctx.db.transaction(() => {
    for (const outline of outlines) {
      let url: string;
      try {
        url = checkFeedUrl(outline.url);
      } catch {
        result.invalid.push(outline.url.slice(0, 200));
        continue;
      }
      const existing = findFeedByUrl(ctx.db, url);
      if (existing && !existing.unsubscribed) {
        result.alreadySubscribed += 1;
        continue;
      }
      insertFeed(ctx, { url, title: outline.title });
      result.added += 1;
    }
  })();
  ctx.events.emit('feeds-changed', {});
  return result;
}

export function exportOpml(ctx: ServiceContext): { opml: string; feeds: number } {
  const feeds = listFeeds(ctx.db).filter((feed) => !feed.isSample);
  return { opml: writeOpml(feeds, new Date(ctx.now())), feeds: feeds.length };
}
