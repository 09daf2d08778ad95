// The workspace's feeds in PostgreSQL: owners add and remove them (the team server's feed routes,
// `switchboard team feeds`), the team server's fetcher keeps their fetch state (ingest.ts). Adding
// or removing one tells every desktop through the change log.
import type pg from 'pg';
import type { FeedAddAnswer, TeamFeed, TeamFeedDetail } from '../../../common/team-wire';
import { inTransaction } from '../pool';
import { appendChanges, type ChangeBody } from './changes';
import { COMMENT_SELECT, teamComment, type CommentRow } from './comments';

/** A feeds row (bigint columns read as numbers: db/pg/pool.ts). */
export interface FeedRow {
  id: number;
  url: string;
  site_url: string | null;
  title: string;
  kind: 'comments' | 'posts';
  interval_minutes: number;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: number | null;
  last_success_at: number | null;
  error_message: string | null;
  error_count: number;
  next_fetch_at: number | null;
  removed_at: number | null;
}

/** A feed as desktops copy it (the 'feed' change). */
export function teamFeedOf(row: FeedRow): TeamFeed {
  return {
    id: row.id, url: row.url, title: row.title, siteUrl: row.site_url, kind: row.kind,
    removed: row.removed_at !== null, lastSuccessAt: row.last_success_at, errorMessage: row.error_message,
  };
}

/** A feed with its schedule, for the owners' list. */
export function feedDetailOf(row: FeedRow): TeamFeedDetail {
  return { ...teamFeedOf(row), intervalMinutes: row.interval_minutes, lastFetchedAt: row.last_fetched_at, nextFetchAt: row.next_fetch_at, errorCount: row.error_count };
}

/** The workspace's feeds, not removed, oldest first. */
export async function listFeeds(pool: pg.Pool): Promise<TeamFeedDetail[]> {
  const { rows } = await pool.query<FeedRow>('SELECT * FROM feeds WHERE removed_at IS NULL ORDER BY id');
  return rows.map(feedDetailOf);
}

/**
 * Adds a feed, due at once. An address already followed is not added twice: it is fetched again at
 * once (how an owner retries a failing or parked feed), with the title and interval given, if any.
 * A feed removed earlier at the same address comes back, its schedule and health started afresh.
 */
export async function addFeed(
  pool: pg.Pool,
  feed: { url: string; title?: string; intervalMinutes?: number },
  by: number | null,
  now: number,
): Promise<FeedAddAnswer> {
  return inTransaction(pool, async (client) => {
    // Without an interval, the schema's default applies.
    const interval = feed.intervalMinutes === undefined ? [] : [feed.intervalMinutes];
    const inserted = await client.query<FeedRow>(
      `INSERT INTO feeds (url, title, added_by, created_at${interval.length ? ', interval_minutes' : ''}) VALUES ($1, $2, $3, $4${interval.length ? ', $5' : ''})
       ON CONFLICT (url) DO NOTHING RETURNING *`,
      [feed.url, feed.title ?? '', by, now, ...interval],
    );
    let row = inserted.rows[0];
    const revived = row === undefined && (await lockFeedByUrl(client, feed.url))?.removed_at !== null;
    if (!row) {
      const { rows } = await client.query<FeedRow>(
        `UPDATE feeds SET next_fetch_at = $2, title = COALESCE($3, CASE WHEN removed_at IS NULL THEN title ELSE '' END),
           interval_minutes = COALESCE($4, interval_minutes),
           etag = CASE WHEN removed_at IS NULL THEN etag END, last_modified = CASE WHEN removed_at IS NULL THEN last_modified END,
           error_message = CASE WHEN removed_at IS NULL THEN error_message END, error_count = CASE WHEN removed_at IS NULL THEN error_count ELSE 0 END,
           added_by = CASE WHEN removed_at IS NULL THEN added_by ELSE $5 END, removed_at = NULL
         WHERE url = $1 RETURNING *`,
        [feed.url, now, feed.title ?? null, feed.intervalMinutes ?? null, by],
      );
      row = rows[0]!;
    }
    const changes: ChangeBody[] = [{ kind: 'feed', feed: teamFeedOf(row) }];
    // Desktops dropped a removed feed's comments (the workspace kept them, decisions and all): they get them again.
    if (revived) {
      const { rows: comments } = await client.query<CommentRow>(`${COMMENT_SELECT} WHERE c.feed_id = $1 ORDER BY c.id`, [row.id]);
      changes.push(...comments.map((comment): ChangeBody => ({ kind: 'comment', comment: teamComment(comment, now) })));
    }
    await appendChanges(client, by, changes, now);
    return { feed: feedDetailOf(row), added: inserted.rows.length > 0 || revived };
  });
}

/** Removes a feed: it is no longer fetched, and desktops drop it and its comments. Null when there is none. */
export async function removeFeed(pool: pg.Pool, id: number, by: number | null, now: number): Promise<TeamFeed | null> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<FeedRow>('UPDATE feeds SET removed_at = $2, next_fetch_at = NULL WHERE id = $1 AND removed_at IS NULL RETURNING *', [id, now]);
    if (rows.length === 0) return null;
    const removed = teamFeedOf(rows[0]!);
    await appendChanges(client, by, [{ kind: 'feed', feed: removed }], now);
    return removed;
  });
}

async function lockFeedByUrl(client: pg.PoolClient, url: string): Promise<FeedRow | null> {
  const { rows } = await client.query<FeedRow>('SELECT * FROM feeds WHERE url = $1 FOR UPDATE', [url]);
  return rows[0] ?? null;
}

/** The feed, removed or not, locked until the transaction ends (so a removal waits for a fetch's store, or the other way round). */
export async function lockFeed(client: pg.PoolClient, id: number): Promise<FeedRow | null> {
  const { rows } = await client.query<FeedRow>('SELECT * FROM feeds WHERE id = $1 FOR UPDATE', [id]);
  return rows[0] ?? null;
}
