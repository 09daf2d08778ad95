// Stores one fetch's result in one transaction: the feed's new state, every comment of the batch
// with its thread, its search entry and the snoozes it ends (new authors get their members from
// migration 011's triggers).
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/connection';
import type { NormalizedComment } from './parse/normalize';
import type { IngestOutcome } from './pipeline';
import { indexComment, type IndexedComment } from '../../../db/search-index';
import { wakeOnReplies } from '../../../db/tables/snoozes';
import { recordFetchFailure, recordFetchSuccess, type FeedFetchState } from '../../../db/tables/feeds';
import { storeIncomingComment } from '../../../db/tables/items-ingest';
import { upsertThread, type StoredThread } from '../../../db/tables/threads';
import { followCommentFeeds } from './follow';
import { DEFAULT_FOLLOW_DAYS, nextFetchAfterSuccess, planAfterFailure } from './schedule-policy';
import { writeTransaction } from '../../../db/write';
import type { ArrivalsPort, ArrivingComment, NewComment } from '../../core/new-comments';

/** What storing a fetch needs to know of its feed. */
export type FeedState = Pick<FeedFetchState, 'id' | 'url' | 'title' | 'interval_minutes' | 'error_count' | 'follow_days' | 'site'>;

export interface StoreResult {
  newItems: number;
  updatedItems: number;
  newItemIds: number[];
}

function threadKey(feedId: number, comment: NormalizedComment): string | null {
  if (comment.thread.url) return comment.thread.url;
  if (!comment.thread.title) return null;
  // No link to the post: group by title within the feed, under a key that is not a web address.
  return `urn:switchboard:feed:${feedId}:thread:${createHash('sha256').update(comment.thread.title).digest('hex').slice(0, 24)}`;
}

/** Records a failed fetch on a live feed; false when the feed is gone or unsubscribed meanwhile. */
function recordFailure(db: Db, feed: FeedState, outcome: Extract<IngestOutcome, { status: 'error' }>, now: number): boolean {
  const failures = feed.error_count + 1;
  const plan = planAfterFailure(now, feed.interval_minutes, failures, { category: outcome.category, status: outcome.httpStatus, retryAt: outcome.retryAt });
  return recordFetchFailure(db, feed.id, { category: outcome.category, message: outcome.message, failures, nextFetchAt: plan.nextFetchAt, park: plan.park }, now);
}

/** Records a successful fetch on a live feed; false when the feed is gone or unsubscribed meanwhile. */
function recordSuccess(db: Db, feed: FeedState, outcome: Exclude<IngestOutcome, { status: 'error' | 'cancelled' }>, now: number): boolean {
  const parsed = outcome.status === 'ok' ? outcome.feed : null;
  return recordFetchSuccess(
    db,
    feed.id,
    {
      nextFetchAt: nextFetchAfterSuccess(now, feed.interval_minutes),
      etag: outcome.etag,
      lastModified: outcome.lastModified,
      title: parsed?.title ?? null,
      siteUrl: parsed?.siteUrl ?? null,
      kind: parsed?.kind ?? null,
      defaultFollowDays: DEFAULT_FOLLOW_DAYS,
    },
    now,
  );
}

/**
 * Comments join their threads within the feed's site only (site.ts): another site's thread of the
 * same address is not theirs. Each new comment is inserted with what `arrivals` gives it (its
 * suggestion), and the batch's new comments are handed back to it once stored.
 */
function storeComments(db: Db, feed: FeedState, comments: NormalizedComment[], now: number, result: StoreResult, arrivals: ArrivalsPort): void {
  // Most comments of a batch share a handful of threads: upsert each thread once.
  const threads = new Map<string, StoredThread | null>();
  const storedThreadOf = (comment: NormalizedComment): StoredThread | null => {
    const key = threadKey(feed.id, comment);
    if (!key) return null;
    if (!threads.has(key)) threads.set(key, upsertThread(db, feed.site, key, comment.thread.title, now));
    return threads.get(key) ?? null;
  };
  const arriving = comments.map((comment): ArrivingComment => {
    const thread = storedThreadOf(comment);
    return { guid: comment.guid, feedId: feed.id, threadId: thread?.id ?? null, threadTitle: thread?.title ?? '', author: comment.author, text: comment.contentText, publishedAt: comment.publishedAt };
  });
  const batch = arrivals(db, arriving, now);
  // New comments are indexed for search once all of them are stored: each insert into items opens a
  // statement savepoint (its triggers keep the counts), and a savepoint makes FTS5 write out what it
  // holds in memory, so indexing in between wrote the index one comment at a time (twice the cost).
  const unindexed = new Map<number, IndexedComment>();
  const fresh = new Map<number, NewComment>();
  comments.forEach((comment, k) => {
    const arrived = arriving[k]!;
    const stored = storeIncomingComment(db, feed.id, arrived.threadId, comment, now, () => batch.suggestionFor(arrived));
    if (stored.kind === 'new') {
      const { id } = stored;
      unindexed.set(id, { id, text: arrived.text, author: arrived.author, threadTitle: arrived.threadTitle, feedId: feed.id, publishedAt: arrived.publishedAt });
      fresh.set(id, { ...arrived, id });
      result.newItemIds.push(id);
      result.newItems += 1;
    } else if (stored.kind === 'updated') {
      // Edited within the batch it arrived in: the search index's trigger on items indexed the new
      // text already. (Its suggestion stays the first text's, as for any edit: what the moderator saw.)
      unindexed.delete(stored.id);
      result.updatedItems += 1;
    }
  });
  for (const entry of unindexed.values()) indexComment(db, entry);
  // A new comment ends its author's snoozes "until they write again" in its thread.
  wakeOnReplies(db, result.newItemIds);
  if (fresh.size > 0) batch.stored([...fresh.values()]);
}

/**
 * Stores one fetch's outcome in one transaction: the feed's new state, every comment of the batch
 * (each new one stored with what `arrivals` gives it, in the same transaction), and, for a posts feed, the
 * comment feeds it now follows. A feed unsubscribed or deleted while its fetch was under way gets nothing.
 */
export function storeOutcome(db: Db, feed: FeedState, outcome: IngestOutcome, now: number, arrivals: ArrivalsPort): StoreResult {
  const result: StoreResult = { newItems: 0, updatedItems: 0, newItemIds: [] };
  if (outcome.status === 'cancelled') return result;
  writeTransaction(db, () => {
    if (outcome.status === 'error') return void recordFailure(db, feed, outcome, now);
    if (!recordSuccess(db, feed, outcome, now) || outcome.status === 'not-modified') return;
    const parsed = outcome.feed;
    // A posts feed is followed for its comment feeds; its posts are not comments to triage.
    if (parsed.kind === 'posts') followCommentFeeds(db, feed, parsed.commentFeeds, now);
    else storeComments(db, feed, parsed.comments, now, result, arrivals);
  });
  return result;
}
