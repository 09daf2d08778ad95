// Writes one fetch's result: every comment of the batch and the feed's new state, in one
// transaction. Refetching inserts nothing; an edited comment gets its new text and keeps every
// moderator decision (status, route, note) it had.
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/connection';
import type { NormalizedComment } from './parse/normalize';
import type { IngestOutcome } from './pipeline';
import { searchIndexer } from '../../../db/search-index';
import { replyWaker } from '../../../db/tables/snoozes';
import { syncMembers } from '../../../db/tables/members';
import { followCommentFeeds } from './follow';
import { DEFAULT_FOLLOW_DAYS, nextFetchAfterSuccess, planAfterFailure } from './schedule-policy';

export interface FeedState {
  id: number;
  url: string;
  title: string;
  interval_minutes: number;
  error_count: number;
  follow_days: number | null;
}

interface Thread {
  id: number;
  title: string;
}

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
  const written = db
    .prepare(
      `UPDATE feeds SET last_fetched_at = @now, error_category = @category, error_message = @message, error_count = @failures,
              next_fetch_at = @next, status = CASE WHEN @park THEN 'parked' ELSE status END
        WHERE id = @id AND unsubscribed_at IS NULL`,
    )
    .run({ now, category: outcome.category, message: outcome.message, failures, next: plan.nextFetchAt, park: plan.park ? 1 : 0, id: feed.id });
  return written.changes > 0;
}

/** Records a successful fetch on a live feed; false when the feed is gone or unsubscribed meanwhile. */
function recordSuccess(db: Db, feed: FeedState, outcome: Exclude<IngestOutcome, { status: 'error' | 'cancelled' }>, now: number): boolean {
  const parsed = outcome.status === 'ok' ? outcome.feed : null;
  const written = db
    .prepare(
      `UPDATE feeds SET last_fetched_at = @now, last_success_at = @now, error_category = NULL, error_message = NULL, error_count = 0,
              next_fetch_at = @next, etag = coalesce(@etag, etag), last_modified = coalesce(@lastModified, last_modified),
              title = CASE WHEN title = '' AND @title IS NOT NULL THEN @title ELSE title END,
              site_url = coalesce(@siteUrl, site_url), kind = coalesce(@kind, kind),
              -- A posts feed is only useful followed: follow its posts' comment feeds unless told how long.
              follow_days = CASE WHEN @kind = 'posts' THEN coalesce(follow_days, @defaultFollowDays) ELSE follow_days END
        WHERE id = @id AND unsubscribed_at IS NULL`,
    )
    .run({
      now,
      next: nextFetchAfterSuccess(now, feed.interval_minutes),
      etag: outcome.etag,
      lastModified: outcome.lastModified,
      title: parsed?.title ?? null,
      siteUrl: parsed?.siteUrl ?? null,
      kind: parsed?.kind ?? null,
      defaultFollowDays: DEFAULT_FOLLOW_DAYS,
      id: feed.id,
    });
  return written.changes > 0;
}

function storeComments(db: Db, feedId: number, comments: NormalizedComment[], now: number, result: StoreResult): void {
  const upsertThread = db.prepare<{ url: string; title: string; now: number }, Thread>(
    `INSERT INTO threads (url, title, created_at) VALUES (@url, @title, @now)
     ON CONFLICT (url) DO UPDATE SET title = CASE WHEN threads.title = '' THEN excluded.title ELSE threads.title END
     RETURNING id, title`,
  );
  const existing = db.prepare<[number, string], { id: number; content_html: string; author: string; url: string | null }>(
    'SELECT id, content_html, author, url FROM items WHERE feed_id = ? AND guid = ?',
  );
  // Positional parameters: binding eleven named ones per comment costs more than the insert's own work.
  const insert = db.prepare<[number, string, number | null, string | null, string, string | null, number, string, string, number, number]>(
    `INSERT INTO items (feed_id, guid, thread_id, url, author, author_url, published_at, content_html, content_text, fetched_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const index = searchIndexer(db);
  const wakeOnReply = replyWaker(db);
  const update = db.prepare(
    `UPDATE items SET content_html = @contentHtml, content_text = @contentText, author = @author, author_url = @authorUrl,
            url = @url, updated_at = @now WHERE id = @id`,
  );
  // Most comments of a batch share a handful of threads: upsert each thread once.
  const threads = new Map<string, Thread | null>();
  const storedThreadOf = (comment: NormalizedComment): Thread | null => {
    const key = threadKey(feedId, comment);
    if (!key) return null;
    if (!threads.has(key)) threads.set(key, upsertThread.get({ url: key, title: comment.thread.title, now }) ?? null);
    return threads.get(key) ?? null;
  };
  for (const comment of comments) {
    const thread = storedThreadOf(comment);
    const row = existing.get(feedId, comment.guid);
    const threadId = thread?.id ?? null;
    if (!row) {
      const { guid, url, author, authorUrl, publishedAt, contentHtml, contentText } = comment;
      const id = Number(insert.run(feedId, guid, threadId, url, author, authorUrl, publishedAt, contentHtml, contentText, now, now).lastInsertRowid);
      index(id, comment.contentText, comment.author, thread?.title ?? '');
      if (thread) wakeOnReply(thread.id, comment.author, id);
      result.newItemIds.push(id);
      result.newItems += 1;
    } else if (row.content_html !== comment.contentHtml || row.author !== comment.author || row.url !== comment.url) {
      update.run({ ...comment, now, id: row.id });
      result.updatedItems += 1;
    }
  }
}

/**
 * Stores one fetch's outcome in one transaction: the feed's new state, every comment of the batch,
 * and, for a posts feed, the comment feeds it now follows. A feed unsubscribed or deleted while
 * its fetch was under way gets nothing.
 */
export function storeOutcome(db: Db, feed: FeedState, outcome: IngestOutcome, now: number): StoreResult {
  const result: StoreResult = { newItems: 0, updatedItems: 0, newItemIds: [] };
  if (outcome.status === 'cancelled') return result;
  db.transaction(() => {
    if (outcome.status === 'error') return void recordFailure(db, feed, outcome, now);
    if (!recordSuccess(db, feed, outcome, now) || outcome.status === 'not-modified') return;
    const parsed = outcome.feed;
    // A posts feed is followed for its comment feeds; its posts are not comments to triage.
    if (parsed.kind === 'posts') followCommentFeeds(db, feed, parsed.commentFeeds, now);
    else storeComments(db, feed.id, parsed.comments, now, result);
    // New authors get their member records as they arrive (milestones and the board read them).
    if (result.newItems > 0) syncMembers(db, now, parsed.comments.map((comment) => comment.author));
  })();
  return result;
}
