// Writes one fetch's result: every comment of the batch and the feed's new state, in one
// transaction. Refetching inserts nothing; an edited comment gets its new text and keeps every
// moderator decision (status, route, note) it had.
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/connection';
import type { NormalizedComment } from './parse/normalize';
import type { IngestOutcome } from './pipeline';
import { nextFetchAfterSuccess, planAfterFailure } from './schedule-policy';

export interface FeedState {
  id: number;
  title: string;
  interval_minutes: number;
  error_count: number;
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

export function storeOutcome(db: Db, feed: FeedState, outcome: IngestOutcome, now: number): StoreResult {
  const result: StoreResult = { newItems: 0, updatedItems: 0, newItemIds: [] };
  db.transaction(() => {
    if (outcome.status === 'error') {
      const failures = feed.error_count + 1;
      const plan = planAfterFailure(now, feed.interval_minutes, failures, { category: outcome.category, status: outcome.httpStatus, retryAt: outcome.retryAt });
      db.prepare(
        `UPDATE feeds SET last_fetched_at = @now, error_category = @category, error_message = @message, error_count = @failures,
                next_fetch_at = @next, status = CASE WHEN @park THEN 'parked' ELSE status END WHERE id = @id`,
      ).run({ now, category: outcome.category, message: outcome.message, failures, next: plan.nextFetchAt, park: plan.park ? 1 : 0, id: feed.id });
      return;
    }
    db.prepare(
      `UPDATE feeds SET last_fetched_at = @now, last_success_at = @now, error_category = NULL, error_message = NULL, error_count = 0,
              next_fetch_at = @next, etag = coalesce(@etag, etag), last_modified = coalesce(@lastModified, last_modified) WHERE id = @id`,
    ).run({ now, next: nextFetchAfterSuccess(now, feed.interval_minutes), etag: outcome.etag, lastModified: outcome.lastModified, id: feed.id });
    if (outcome.status === 'not-modified') return;

    const parsed = outcome.feed;
    db.prepare(`UPDATE feeds SET title = CASE WHEN title = '' THEN @title ELSE title END, site_url = coalesce(@siteUrl, site_url), kind = @kind WHERE id = @id`).run({
      title: parsed.title,
      siteUrl: parsed.siteUrl,
      kind: parsed.kind,
      id: feed.id,
    });
    const upsertThread = db.prepare<{ url: string; title: string; now: number }, Thread>(
      `INSERT INTO threads (url, title, created_at) VALUES (@url, @title, @now)
       ON CONFLICT (url) DO UPDATE SET title = CASE WHEN threads.title = '' THEN excluded.title ELSE threads.title END
       RETURNING id, title`,
    );
    const existing = db.prepare<[number, string], { id: number; content_html: string; author: string; url: string | null }>(
      'SELECT id, content_html, author, url FROM items WHERE feed_id = ? AND guid = ?',
    );
    const insert = db.prepare(
      `INSERT INTO items (feed_id, guid, thread_id, url, author, author_url, published_at, content_html, content_text, fetched_at, updated_at)
       VALUES (@feedId, @guid, @threadId, @url, @author, @authorUrl, @publishedAt, @contentHtml, @contentText, @now, @now)`,
    );
    const index = db.prepare('INSERT INTO items_fts (rowid, content_text, author, thread_title) VALUES (?, ?, ?, ?)');
    const update = db.prepare(
      `UPDATE items SET content_html = @contentHtml, content_text = @contentText, author = @author, author_url = @authorUrl,
              url = @url, updated_at = @now WHERE id = @id`,
    );
    // A posts feed is followed for its comment feeds (follow.ts); its posts are not comments to triage.
    const comments = parsed.kind === 'posts' ? [] : parsed.comments;
    // Most comments of a batch share a handful of threads: upsert each thread once.
    const threads = new Map<string, Thread | null>();
    const threadOf = (comment: NormalizedComment): Thread | null => {
      const key = threadKey(feed.id, comment);
      if (!key) return null;
      if (!threads.has(key)) threads.set(key, upsertThread.get({ url: key, title: comment.thread.title, now }) ?? null);
      return threads.get(key) ?? null;
    };
    for (const comment of comments) {
      const thread = threadOf(comment);
      const threadId = thread?.id ?? null;
      const row = existing.get(feed.id, comment.guid);
      const values = { ...comment, threadId, now, feedId: feed.id };
      if (!row) {
        const id = Number(insert.run(values).lastInsertRowid);
        index.run(id, comment.contentText, comment.author, thread?.title ?? '');
        result.newItemIds.push(id);
        result.newItems += 1;
      } else if (row.content_html !== comment.contentHtml || row.author !== comment.author || row.url !== comment.url) {
        update.run({ ...values, id: row.id });
        result.updatedItems += 1;
      }
    }
  })();
  return result;
}
