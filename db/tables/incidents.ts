// Incidents and the comments they group (items.incident_id): many people writing about the same
// thing at once, answered with one shared draft (db/tables/drafts.ts). Which comments look alike
// is decided by the customer-service feature; this file only reads and writes the rows.
import type { Db } from '../connection';
import { prepared } from '../statements';

/** Creates an incident; answers its id. */
export function insertIncident(db: Db, title: string, now: number): number {
  return Number(prepared(db, 'INSERT INTO incidents (title, created_at) VALUES (?, ?)').run(title, now).lastInsertRowid);
}

/** The incident with this id, or null if there is none. */
export function incidentById(db: Db, id: number): { id: number; title: string } | null {
  return prepared<[number], { id: number; title: string }>(db, 'SELECT id, title FROM incidents WHERE id = ?').get(id) ?? null;
}

/** The ids of an incident's comments, oldest first. */
export function incidentItemIds(db: Db, incidentId: number): number[] {
  return prepared<[number], { id: number }>(db, 'SELECT id FROM items WHERE incident_id = ? ORDER BY published_at').all(incidentId).map((item) => item.id);
}

/** Which incident a comment belongs to (incidentId null for none); null if there is no such comment. */
export function incidentOfItem(db: Db, itemId: number): { incidentId: number | null } | null {
  const row = prepared<[number], { incident_id: number | null }>(db, 'SELECT incident_id FROM items WHERE id = ?').get(itemId);
  return row ? { incidentId: row.incident_id } : null;
}

/** What an incident suggestion starts from: where and when a comment was written, and its text; null if there is no such comment. */
export function incidentSeed(db: Db, itemId: number): { id: number; feedId: number; threadId: number | null; publishedAt: number; contentText: string } | null {
  const row = prepared<[number], { id: number; feed_id: number; thread_id: number | null; published_at: number; content_text: string }>(
    db,
    'SELECT id, feed_id, thread_id, published_at, content_text FROM items WHERE id = ?',
  ).get(itemId);
  return row ? { id: row.id, feedId: row.feed_id, threadId: row.thread_id, publishedAt: row.published_at, contentText: row.content_text } : null;
}

export interface IncidentNeighbourhood {
  /** The comment itself, left out of the answer. */
  itemId: number;
  feedId: number;
  threadId: number | null;
  /** Published between these times (ms, inclusive), in the same feed. */
  from: number;
  to: number;
}

/**
 * Routed service comments in no incident yet (at most 500) that could belong with a comment: of
 * its thread, or of its feed and published in the window given.
 */
export function incidentCandidates(db: Db, near: IncidentNeighbourhood): { id: number; threadId: number | null; contentText: string }[] {
  return prepared<{ id: number; feed: number; thread: number | null; from: number; to: number }, { id: number; thread_id: number | null; content_text: string }>(
    db,
    `SELECT id, thread_id, content_text FROM items
      WHERE route = 'service' AND status = 'routed' AND incident_id IS NULL AND id <> @id
        AND ((@thread IS NOT NULL AND thread_id = @thread) OR (feed_id = @feed AND published_at BETWEEN @from AND @to))
      LIMIT 500`,
  )
    .all({ id: near.itemId, feed: near.feedId, thread: near.threadId, from: near.from, to: near.to })
    .map((row) => ({ id: row.id, threadId: row.thread_id, contentText: row.content_text }));
}
