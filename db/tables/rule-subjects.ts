// The Inbox's comments as the routing rules look at them (main/features/suggestions/rules/), newest
// first, a page at a time: a rule's preview and its apply walk the same comments in the same order.
import type { Db } from '../connection';
import { prepared } from '../statements';

export interface StoredSubject {
  id: number;
  text: string;
  html: string;
  author: string;
  feedId: number;
  threadTitle: string;
}

interface SubjectRow {
  id: number;
  published_at: number;
  text: string;
  html: string;
  author: string;
  feed_id: number;
  thread_title: string | null;
}

const PAGE = 500;

/** The Inbox, newest first, PAGE comments at a time (by keyset on items_by_status, so no page rereads the ones before). */
export function* inboxSubjectPages(db: Db): Generator<StoredSubject[]> {
  const first = prepared<[number], SubjectRow>(
    db,
    `SELECT i.id, i.published_at, i.content_text AS text, i.content_html AS html, i.author, i.feed_id, t.title AS thread_title
     FROM items i LEFT JOIN threads t ON t.id = i.thread_id
     WHERE i.status = 'new' ORDER BY i.published_at DESC, i.id DESC LIMIT ?`,
  );
  const next = prepared<[number, number, number], SubjectRow>(
    db,
    `SELECT i.id, i.published_at, i.content_text AS text, i.content_html AS html, i.author, i.feed_id, t.title AS thread_title
     FROM items i LEFT JOIN threads t ON t.id = i.thread_id
     WHERE i.status = 'new' AND (i.published_at, i.id) < (?, ?) ORDER BY i.published_at DESC, i.id DESC LIMIT ?`,
  );
  let rows = first.all(PAGE);
  while (rows.length > 0) {
    yield rows.map((row) => ({ id: row.id, text: row.text, html: row.html, author: row.author, feedId: row.feed_id, threadTitle: row.thread_title ?? '' }));
    if (rows.length < PAGE) return;
    const last = rows.at(-1)!;
    rows = next.all(last.published_at, last.id, PAGE);
  }
}

/** Those of `ids` still in the Inbox: a rule applied acts only on the comments its scan found there and nobody moved since. */
export function stillInInbox(db: Db, ids: readonly number[]): number[] {
  // By id (+status keeps SQLite from walking the whole Inbox's index instead).
  return prepared<[string], { id: number }>(db, `SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?)) AND +status = 'new'`)
    .all(JSON.stringify(ids))
    .map((row) => row.id);
}
