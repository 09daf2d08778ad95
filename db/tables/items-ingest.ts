// Comments arriving from a feed: the items table's writes during a fetch (the moderator's own
// writes go through the audit log). Refetching inserts nothing; an edited comment gets its new
// text and keeps every decision (status, route, note) it had.
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { StoredSuggestion } from './suggestions';

/** A comment as a feed gives it, sanitized. */
export interface IncomingComment {
  guid: string;
  url: string | null;
  author: string;
  authorUrl: string | null;
  publishedAt: number;
  contentHtml: string;
  contentText: string;
}

export type Stored = { kind: 'new'; id: number } | { kind: 'updated'; id: number } | { kind: 'unchanged'; id: number };

/**
 * Stores one comment of a feed: inserted when new (with the suggestion `suggestionFor` gives it,
 * asked only then), its text replaced when edited.
 */
export function storeIncomingComment(db: Db, feedId: number, threadId: number | null, comment: IncomingComment, now: number, suggestionFor: () => StoredSuggestion): Stored {
  const row = prepared<[number, string], { id: number; content_html: string; author: string; url: string | null }>(
    db,
    'SELECT id, content_html, author, url FROM items WHERE feed_id = ? AND guid = ?',
  ).get(feedId, comment.guid);
  if (!row) {
    const { guid, url, author, authorUrl, publishedAt, contentHtml, contentText } = comment;
    // Positional parameters: binding sixteen named ones per comment costs more than the insert's own work.
    const id = Number(
      prepared<[number, string, number | null, string | null, string, string | null, number, string, string, number, number, ...StoredSuggestion]>(
        db,
        `INSERT INTO items (feed_id, guid, thread_id, url, author, author_url, published_at, content_html, content_text, fetched_at, updated_at,
                            suggested_lane, suggested_confidence, suggestion_key, suggestion_reasons, scored_version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(feedId, guid, threadId, url, author, authorUrl, publishedAt, contentHtml, contentText, now, now, ...suggestionFor()).lastInsertRowid,
    );
    return { kind: 'new', id };
  }
  if (row.content_html === comment.contentHtml && row.author === comment.author && row.url === comment.url) return { kind: 'unchanged', id: row.id };
  prepared(
    db,
    `UPDATE items SET content_html = @contentHtml, content_text = @contentText, author = @author, author_url = @authorUrl,
            url = @url, updated_at = @now WHERE id = @id`,
  ).run({ contentHtml: comment.contentHtml, contentText: comment.contentText, author: comment.author, authorUrl: comment.authorUrl, url: comment.url, now, id: row.id });
  return { kind: 'updated', id: row.id };
}
