// What the team server's fetcher writes to the workspace: which feeds are due, and one fetch's
// result stored in one transaction (the feed's state, its new and edited comments, one change per
// comment, a 'feed' change when its title or health changed). Also the fetcher's election: one
// session-level advisory lock, held by the fetching server's own connection.
import type pg from 'pg';
import { inTransaction } from '../pool';
import { appendChanges, type ChangeBody } from './changes';
import { COMMENT_SELECT, commentState, teamComment, type CommentRow } from './comments';
import { lockFeed, teamFeedOf, type FeedRow } from './feeds';

/** The advisory lock whose holder is the workspace's one fetcher. */
export const FETCHER_LOCK = 0x5357_4348_02;

/** True when this connection now holds the fetcher lock (it keeps it until released or closed). */
export async function tryTakeFetcherLock(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1) AS taken', [FETCHER_LOCK]);
  return rows[0]!.taken;
}

export async function releaseFetcherLock(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1)', [FETCHER_LOCK]);
}

/** Whether this connection still holds the lock: false once PostgreSQL ended the session, or it was given up. */
export async function holdsFetcherLock(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
       AND ((classid::bigint << 32) | objid::bigint) = $1) AS held`,
    [FETCHER_LOCK],
  );
  return rows[0]!.held;
}

/** A feed to fetch, with what its fetch needs. */
export interface DueFeed {
  id: number;
  url: string;
  intervalMinutes: number;
  errorCount: number;
  etag: string | null;
  lastModified: string | null;
}

/** Feeds not removed that were never fetched, or whose time has come (a parked or manual feed has none). */
export async function dueFeeds(pool: pg.Pool, now: number): Promise<DueFeed[]> {
  const { rows } = await pool.query<FeedRow>(
    `SELECT * FROM feeds WHERE removed_at IS NULL AND (last_fetched_at IS NULL OR next_fetch_at <= $1) ORDER BY next_fetch_at NULLS FIRST, id`,
    [now],
  );
  return rows.map((row) => ({ id: row.id, url: row.url, intervalMinutes: row.interval_minutes, errorCount: row.error_count, etag: row.etag, lastModified: row.last_modified }));
}

/** A comment as read from a feed, ready to store. */
export interface FetchedComment {
  guid: string;
  url: string | null;
  threadUrl: string | null;
  threadTitle: string;
  author: string;
  authorUrl: string | null;
  publishedAt: number;
  contentHtml: string;
  contentText: string;
}

export type FetchRecord =
  | {
      kind: 'success';
      etag: string | null;
      lastModified: string | null;
      /** What the feed calls itself (null when unchanged: a 304). */
      title: string | null;
      siteUrl: string | null;
      nextFetchAt: number | null;
      comments: FetchedComment[];
    }
  | { kind: 'failure'; message: string; nextFetchAt: number | null };

export interface StoredFetch {
  /** False when the feed was removed while it was fetched: nothing was written. */
  stored: boolean;
  newComments: number;
  editedComments: number;
}

/**
 * Inserts the batch's new comments and updates the edited ones, in one statement, returning only
 * those two kinds. Edited means what the desktop's store counts as an edit (db/tables/items-ingest.ts):
 * other HTML, author or link; a comment's state and version are the moderators', never touched here.
 * A guid twice in one batch keeps its last entry, as storing them one after the other would.
 */
async function upsertComments(client: pg.PoolClient, feedId: number, comments: FetchedComment[], now: number): Promise<(CommentRow & { inserted: boolean })[]> {
  if (comments.length === 0) return [];
  const batch = comments.map((comment, n) => ({ ...comment, n }));
  const written = await client.query<{ id: number; inserted: boolean }>(
    `WITH incoming AS (
       SELECT * FROM (
         SELECT DISTINCT ON (guid) * FROM jsonb_to_recordset($2::jsonb) AS c(
           n int, guid text, url text, "threadUrl" text, "threadTitle" text, author text, "authorUrl" text,
           "publishedAt" bigint, "contentHtml" text, "contentText" text)
         ORDER BY guid, n DESC) last ORDER BY n)
     INSERT INTO comments (feed_id, guid, url, thread_url, thread_title, author, author_url, published_at, content_html, content_text, updated_at)
       SELECT $1, guid, url, "threadUrl", "threadTitle", author, "authorUrl", "publishedAt", "contentHtml", "contentText", $3 FROM incoming
       ON CONFLICT (feed_id, guid) DO UPDATE SET
         content_html = EXCLUDED.content_html, content_text = EXCLUDED.content_text, author = EXCLUDED.author,
         author_url = EXCLUDED.author_url, url = EXCLUDED.url
       WHERE (comments.content_html, comments.author, comments.url) IS DISTINCT FROM (EXCLUDED.content_html, EXCLUDED.author, EXCLUDED.url)
     RETURNING id, (xmax = 0) AS inserted`,
    [feedId, JSON.stringify(batch), now],
  );
  if (written.rows.length === 0) return [];
  // Read back whole, with the names a TeamComment shows.
  const inserted = new Set(written.rows.filter((row) => row.inserted).map((row) => row.id));
  const { rows } = await client.query<CommentRow>(`${COMMENT_SELECT} WHERE c.id = ANY($1) ORDER BY c.id`, [written.rows.map((row) => row.id)]);
  return rows.map((row) => ({ ...row, inserted: inserted.has(row.id) }));
}

/**
 * Comments snoozed until their author writes again, woken by this fetch's new comments: another
 * comment by the same author in the same thread, as a desktop alone wakes them (db/tables/snoozes.ts,
 * wakeOnReplies). Each wake is an applied state change by nobody (the fetcher), so every desktop
 * sees the comment back in its Inbox; a desktop's decision on the older version becomes a conflict.
 */
async function wakeOnReplies(client: pg.PoolClient, newIds: number[], now: number): Promise<ChangeBody[]> {
  if (newIds.length === 0) return [];
  const { rows } = await client.query<CommentRow>(
    `UPDATE comments waiting SET status = 'new', back_from_snooze = 1, snooze_until_reply = 0,
            version = waiting.version + 1, updated_by = NULL, updated_at = $2
       FROM comments reply
      WHERE reply.id = ANY($1) AND waiting.thread_url = reply.thread_url AND waiting.author = reply.author
        AND waiting.status = 'snoozed' AND waiting.snooze_until_reply = 1
      RETURNING waiting.*`,
    [newIds, now],
  );
  return rows.map((row) => ({ kind: 'state', commentId: row.id, version: row.version, state: commentState(row) }));
}

/** The columns a fetch updates on a feed, for each kind of result. */
async function updateFeed(client: pg.PoolClient, feedId: number, record: FetchRecord, now: number): Promise<FeedRow> {
  const { rows } =
    record.kind === 'success'
      ? await client.query<FeedRow>(
          // The feed's own title names it only while nobody named it (an owner's title stays).
          `UPDATE feeds SET etag = $2, last_modified = $3, title = CASE WHEN title = '' THEN COALESCE($4, '') ELSE title END,
             site_url = COALESCE($5, site_url), next_fetch_at = $6,
             last_fetched_at = $7, last_success_at = $7, error_message = NULL, error_count = 0
           WHERE id = $1 RETURNING *`,
          [feedId, record.etag, record.lastModified, record.title, record.siteUrl, record.nextFetchAt, now],
        )
      : await client.query<FeedRow>(
          `UPDATE feeds SET error_message = $2, error_count = error_count + 1, next_fetch_at = $3, last_fetched_at = $4 WHERE id = $1 RETURNING *`,
          [feedId, record.message, record.nextFetchAt, now],
        );
  return rows[0]!;
}

const feedShown = (row: FeedRow) => JSON.stringify([row.title, row.site_url, row.kind, row.error_message]);

/**
 * Stores one fetch in one transaction: all of it, with its changes and the doorbell, or nothing.
 * A feed removed meanwhile gets nothing.
 */
export async function storeFetch(pool: pg.Pool, feedId: number, record: FetchRecord, now: number): Promise<StoredFetch> {
  return inTransaction(pool, async (client) => {
    const before = await lockFeed(client, feedId);
    if (!before || before.removed_at !== null) return { stored: false, newComments: 0, editedComments: 0 };
    const after = await updateFeed(client, feedId, record, now);
    const written = record.kind === 'success' ? await upsertComments(client, feedId, record.comments, now) : [];
    const changes: ChangeBody[] = written.map((row) => ({ kind: 'comment', comment: teamComment(row, now) }));
    changes.push(...(await wakeOnReplies(client, written.filter((row) => row.inserted).map((row) => row.id), now)));
    if (feedShown(before) !== feedShown(after)) changes.push({ kind: 'feed', feed: teamFeedOf(after) });
    await appendChanges(client, null, changes, now);
    const newComments = written.filter((row) => row.inserted).length;
    return { stored: true, newComments, editedComments: written.length - newComments };
  });
}
