import type { Database } from 'better-sqlite3';

/**
 * Adds new comments to the full-text index. Every insert into items goes with one of these, in
 * the same transaction (an AFTER INSERT trigger into FTS5 measured three to four times slower and
 * was the ingest bottleneck); edits, deletes and thread renames are kept in step by triggers.
 * Prepared once per batch: compiling a statement per comment costs more than running it.
 */
export function searchIndexer(db: Database): (id: number, text: string, author: string, threadTitle: string) => void {
  const insert = db.prepare('INSERT INTO items_fts (rowid, content_text, author, thread_title) VALUES (?, ?, ?, ?)');
  return (id, text, author, threadTitle) => void insert.run(id, text, author, threadTitle);
}

export function indexItem(db: Database, id: number, text: string, author: string, threadTitle: string): void {
  searchIndexer(db)(id, text, author, threadTitle);
}
