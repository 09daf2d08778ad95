// "Community highlights": the comments featured in a period (spotlight_actions of kind
// 'feature'), with their author, links, thread and the moderator's note. The digest's wording and
// formats (Markdown, HTML, Atom) are the spotlight feature's.
import type { Db } from '../connection';
import { prepared } from '../statements';
import { iso } from '../../common/time';

export interface Highlight {
  itemId: number;
  author: string;
  url: string | null;
  threadTitle: string;
  threadUrl: string | null;
  text: string;
  note: string | null;
  featuredAt: string;
}

interface HighlightRow {
  item_id: number;
  author: string;
  url: string | null;
  thread_title: string | null;
  thread_url: string | null;
  content_text: string;
  note: string | null;
  at: number;
}

/** The comments featured from `from` up to `to` (ms), in the order they were featured. */
export function highlightsBetween(db: Db, from: number, to: number): Highlight[] {
  return prepared<[number, number], HighlightRow>(
    db,
    `SELECT a.item_id, i.author, i.url, t.title AS thread_title, t.url AS thread_url, i.content_text, a.note, a.at
       FROM spotlight_actions a JOIN items i ON i.id = a.item_id LEFT JOIN threads t ON t.id = i.thread_id
      WHERE a.action = 'feature' AND a.at >= ? AND a.at < ? ORDER BY a.at`,
  )
    .all(from, to)
    .map((row) => ({ itemId: row.item_id, author: row.author, url: row.url, threadTitle: row.thread_title ?? '', threadUrl: row.thread_url, text: row.content_text, note: row.note, featuredAt: iso(row.at) }));
}
