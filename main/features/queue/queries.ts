import type { Db } from '../../../db/connection';
import { SwitchboardError } from '../../api/errors';
import type { ItemDetail, ItemPage, ItemSummary, PageCursor, ViewCounts, ViewName } from '../../api/types';
import { VIEW_NAMES } from '../../api/types';
import { iso } from '../../platform/time';
import { ftsQuery } from './search';
import { VIEW_FILTERS } from './views';

const EXCERPT_LENGTH = 160;

interface SummaryRow {
  id: number;
  feed_id: number;
  feed_title: string;
  author: string;
  excerpt: string;
  thread_title: string | null;
  published_at: number;
  status: ItemSummary['status'];
  route: ItemSummary['route'];
}

interface DetailRow extends SummaryRow {
  guid: string;
  url: string | null;
  thread_url: string | null;
  author_url: string | null;
  content_html: string;
  content_text: string;
  note: string | null;
}

const SUMMARY_COLUMNS = `i.id, i.feed_id, f.title AS feed_title, i.author,
  substr(i.content_text, 1, ${EXCERPT_LENGTH}) AS excerpt, t.title AS thread_title,
  i.published_at, i.status, i.route`;

const FROM = `FROM items i JOIN feeds f ON f.id = i.feed_id LEFT JOIN threads t ON t.id = i.thread_id`;

function toSummary(row: SummaryRow): ItemSummary {
  return {
    id: row.id,
    feedId: row.feed_id,
    feedTitle: row.feed_title,
    author: row.author,
    excerpt: row.excerpt,
    threadTitle: row.thread_title ?? '',
    publishedAt: iso(row.published_at),
    status: row.status,
    route: row.route,
  };
}

export function countViews(db: Db): ViewCounts {
  const counts = {} as ViewCounts;
  for (const view of VIEW_NAMES) {
    const row = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM items i WHERE ${VIEW_FILTERS[view]}`).get();
    counts[view] = row?.n ?? 0;
  }
  return counts;
}

/** One page of a view, newest first, continuing after `cursor` (keyset paging: cost does not grow with depth). */
export function listView(db: Db, view: ViewName, limit: number, cursor?: PageCursor): ItemPage {
  const after = cursor ? 'AND (i.published_at, i.id) < (@publishedAt, @id)' : '';
  const rows = db
    .prepare<Record<string, unknown>, SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} ${FROM}
        WHERE ${VIEW_FILTERS[view]} ${after}
        ORDER BY i.published_at DESC, i.id DESC
        LIMIT @limit`,
    )
    .all({ limit: limit + 1, ...(cursor ? { publishedAt: Date.parse(cursor.publishedAt), id: cursor.id } : {}) });
  const page = rows.slice(0, limit).map(toSummary);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > limit && last ? { publishedAt: last.publishedAt, id: last.id } : null,
  };
}

const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, i.guid, i.url, t.url AS thread_url, i.author_url, i.content_html, i.content_text, i.note`;

export function getItem(db: Db, id: number): ItemDetail {
  const row = db.prepare<[number], DetailRow>(`SELECT ${DETAIL_COLUMNS} ${FROM} WHERE i.id = ?`).get(id);
  if (!row) throw new SwitchboardError('not-found', 'items', `there is no comment with id ${id}; it may have been deleted with its feed`);
  return toDetail(row);
}

export interface ItemQuery {
  feedId?: number;
  status?: ItemSummary['status'];
  route?: NonNullable<ItemSummary['route']>;
  search?: string;
  limit: number;
}

/** Comments matching every filter given, newest first, with their full text (the CLI's `items`). */
export function queryItems(db: Db, query: ItemQuery): ItemDetail[] {
  const params: Record<string, unknown> = { limit: query.limit, feedId: query.feedId, status: query.status, route: query.route };
  const where = [
    query.feedId !== undefined && 'i.feed_id = @feedId',
    query.status !== undefined && 'i.status = @status',
    query.route !== undefined && 'i.route = @route',
  ].filter((clause): clause is string => typeof clause === 'string');
  if (query.search !== undefined) {
    params.match = ftsQuery(query.search);
    if (params.match === null) return [];
    where.push('i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH @match)');
  }
  const rows = db
    .prepare<Record<string, unknown>, DetailRow>(
      `SELECT ${DETAIL_COLUMNS} ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY i.published_at DESC, i.id DESC LIMIT @limit`,
    )
    .all(params);
  return rows.map(toDetail);
}

function toDetail(row: DetailRow): ItemDetail {
  return {
    ...toSummary(row),
    guid: row.guid,
    url: row.url,
    threadUrl: row.thread_url,
    authorUrl: row.author_url,
    contentHtml: row.content_html,
    contentText: row.content_text,
    note: row.note,
  };
}
