import type { Database } from 'better-sqlite3';

/**
 * Adds new comments to the full-text index. Every insert into items goes with one of these, in
 * the same transaction (an AFTER INSERT trigger into FTS5 measured three to four times slower and
 * was the ingest bottleneck); edits, deletes and thread renames are kept in step by triggers.
 * Prepared once per batch: compiling a statement per comment costs more than running it.
 */
export function searchIndexer(db: Database): (id: number, text: string, author: string, threadTitle: string) => void {
  // The scope words (feed and month, db/fts-query.ts scopeQuery) are read from the stored comment;
  // the same expression is in the triggers of db/migrations/010_view_indexes.sql.
  // VALUES with a scalar subquery: INSERT INTO a virtual table ... SELECT goes through a temporary
  // table and cost twice as much per comment (measured at 1M: 48 µs against 25 µs).
  const insert = db.prepare(
    `INSERT INTO items_fts (rowid, content_text, author, thread_title, scope)
     VALUES (?, ?, ?, ?, (SELECT 'f' || feed_id || ' m' || strftime('%Y%m', published_at / 1000, 'unixepoch') FROM items WHERE id = ?))`,
  );
  return (id, text, author, threadTitle) => void insert.run(id, text, author, threadTitle, id);
}

export function indexItem(db: Database, id: number, text: string, author: string, threadTitle: string): void {
  searchIndexer(db)(id, text, author, threadTitle);
}
