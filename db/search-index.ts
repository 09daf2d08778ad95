import type { Database } from 'better-sqlite3';

/**
 * Adds a new comment to the full-text index. Every insert into items goes with one of these, in
 * the same transaction (an AFTER INSERT trigger into FTS5 measured three to four times slower and
 * was the ingest bottleneck); edits, deletes and thread renames are kept in step by triggers.
 */
export function indexItem(db: Database, id: number, text: string, author: string, threadTitle: string): void {
  db.prepare('INSERT INTO items_fts (rowid, content_text, author, thread_title) VALUES (?, ?, ?, ?)').run(id, text, author, threadTitle);
}
