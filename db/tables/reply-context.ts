// Comments as a reply to them is written and exported: the author, links, thread and feed a
// reply's built-in placeholders are filled from (common/placeholders.ts), and for the export the
// service comments whose replies go out, with their text and incident. Reads items, joined with
// feeds, threads and incidents; the drafts themselves come from db/tables/drafts.ts.
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { PlaceholderSource } from '../../common/placeholders';

interface ContextRow {
  author: string;
  url: string | null;
  thread_title: string | null;
  thread_url: string | null;
  feed_title: string;
}

function toPlaceholderSource(row: ContextRow): PlaceholderSource {
  return { author: row.author, url: row.url, threadTitle: row.thread_title ?? '', threadUrl: row.thread_url, feedTitle: row.feed_title };
}

/** What a reply to this comment fills its placeholders from; null if there is no such comment. */
export function replyContext(db: Db, itemId: number): PlaceholderSource | null {
  const row = prepared<[number], ContextRow>(
    db,
    `SELECT i.author, i.url, t.title AS thread_title, t.url AS thread_url, f.title AS feed_title
       FROM items i JOIN feeds f ON f.id = i.feed_id LEFT JOIN threads t ON t.id = i.thread_id WHERE i.id = ?`,
  ).get(itemId);
  return row ? toPlaceholderSource(row) : null;
}

export interface ReplyToExport extends PlaceholderSource {
  itemId: number;
  contentText: string;
  incidentId: number | null;
  incidentTitle: string | null;
}

interface ExportRow extends ContextRow {
  id: number;
  content_text: string;
  incident_id: number | null;
  incident_title: string | null;
}

/** The service states whose replies an export takes: ready ones, or every one drafted so far. */
/** The service states of the replies drafts-export takes, ready ones only or all drafted (item-counts.ts counts the same). */
export const EXPORTED_STATES = { ready: "('ready')", all: "('drafted', 'ready', 'exported')" } as const;

function exportSql(status: 'ready' | 'all', byId: boolean): string {
  return `SELECT i.id, i.url, i.author, i.content_text, t.title AS thread_title, t.url AS thread_url, f.title AS feed_title,
                 i.incident_id, n.title AS incident_title
            FROM items i JOIN feeds f ON f.id = i.feed_id LEFT JOIN threads t ON t.id = i.thread_id LEFT JOIN incidents n ON n.id = i.incident_id
           WHERE i.service_state IN ${EXPORTED_STATES[status === 'ready' ? 'ready' : 'all']}${byId ? ' AND i.id IN (SELECT value FROM json_each(?))' : ''}
           ORDER BY t.title, i.published_at`;
}

/** The comments whose replies an export takes (ready ones, or all drafted; only `itemIds` if given), by thread title, then oldest first. */
export function repliesToExport(db: Db, request: { status: 'ready' | 'all'; itemIds?: number[] }): ReplyToExport[] {
  // One statement per status and with or without ids: the ids are one JSON parameter, however many.
  const rows = request.itemIds
    ? prepared<[string], ExportRow>(db, exportSql(request.status, true)).all(JSON.stringify(request.itemIds.map(Number)))
    : prepared<[], ExportRow>(db, exportSql(request.status, false)).all();
  return rows.map((row) => ({
    ...toPlaceholderSource(row),
    itemId: row.id,
    contentText: row.content_text,
    incidentId: row.incident_id,
    incidentTitle: row.incident_title,
  }));
}
