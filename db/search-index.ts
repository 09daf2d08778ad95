import type { Database } from 'better-sqlite3';
import { prepared } from './statements';

/**
 * Adds a new comment to the full-text index: every insert into items goes with one of these, in
 * the same transaction (an AFTER INSERT trigger into FTS5 measured three to four times slower and
 * was the ingest bottleneck); edits, deletes and thread renames are kept in step by triggers.
 * The scope words (feed and month, db/fts-query.ts scopeQuery) are made from the comment's feed
 * and publication time as stored, by the expression the triggers of
 * db/migrations/010_view_indexes.sql use; given here rather than read back from items, which cost
 * a lookup per comment.
 */
// The casts: better-sqlite3 binds a JS number as a real, and 'f' || 12.0 is 'f12.0' (a stray word
// "0" in every comment's index entry), where the triggers read integers from the row.
const INDEX_SQL = `INSERT INTO items_fts (rowid, content_text, author, thread_title, scope)
  VALUES (?, ?, ?, ?, 'f' || CAST(? AS INTEGER) || ' m' || strftime('%Y%m', CAST(? AS INTEGER) / 1000, 'unixepoch'))`;

/** What the index holds of one comment: its text, author and thread title, and its scope. */
export interface IndexedComment {
  id: number;
  text: string;
  author: string;
  threadTitle: string;
  feedId: number;
  publishedAt: number;
}

export function indexComment(db: Database, comment: IndexedComment): void {
  prepared(db, INDEX_SQL).run(comment.id, comment.text, comment.author, comment.threadTitle, comment.feedId, comment.publishedAt);
}

/** Indexes a comment already stored in items, reading its feed and time from there (for seeding tests). */
export function indexItem(db: Database, id: number, text: string, author: string, threadTitle: string): void {
  const row = prepared<[number], { feed_id: number; published_at: number }>(db, 'SELECT feed_id, published_at FROM items WHERE id = ?').get(id);
  if (!row) throw new Error(`indexItem: there is no comment ${id} to index`);
  indexComment(db, { id, text, author, threadTitle, feedId: row.feed_id, publishedAt: row.published_at });
}
