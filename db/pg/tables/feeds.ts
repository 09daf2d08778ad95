// The workspace's feeds in PostgreSQL: owners add and remove them (the team server's feed routes,
// `switchboard team feeds`), the team server's fetcher keeps their fetch state (ingest.ts). Adding
// or removing one tells every desktop through the change log.
import type { ClientBase, Pool } from 'pg';
import type { TeamFeed, TeamFeedDetail } from '../../../common/team-wire';
import { appendChanges, inWorkspaceTransaction } from './changes';

/** A feeds row as node-postgres reads it (bigint columns arrive as strings). */
export interface FeedRow {
  id: string;
  url: string;
  site_url: string | null;
  title: string;
  kind: 'comments' | 'posts';
  interval_minutes: number;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  last_success_at: string | null;
  error_message: string | null;
  error_count: number;
  next_fetch_at: string | null;
  removed_at: string | null;
}

const time = (value: string | null): number | null => (value === null ? null : Number(value));

/** A feed as desktops copy it (the 'feed' change). */
export function teamFeedOf(row: FeedRow): TeamFeed {
  return {
    id: Number(row.id), url: row.url, title: row.title, siteUrl: row.site_url, kind: row.kind,
    removed: row.removed_at !== null, lastSuccessAt: time(row.last_success_at), errorMessage: row.error_message,
  };
}

/** A feed with its schedule, for the owners' list. */
export function feedDetailOf(row: FeedRow): TeamFeedDetail {
  return { ...teamFeedOf(row), intervalMinutes: row.interval_minutes, lastFetchedAt: time(row.last_fetched_at), nextFetchAt: time(row.next_fetch_at), errorCount: row.error_count };
}

/** The workspace's feeds, not removed, oldest first. */
export async function listFeeds(pool: Pool): Promise<TeamFeedDetail[]> {
  const { rows } = await pool.query<FeedRow>('SELECT * FROM feeds WHERE removed_at IS NULL ORDER BY id');
  return rows.map(feedDetailOf);
}

export type AddFeedResult = { added: TeamFeedDetail } | { exists: TeamFeedDetail };

/**
 * Adds a feed, due at once; a feed removed earlier at the same address comes back (its comments
 * were kept). An address already followed is not added twice: the answer names that feed.
 */
export async function addFeed(
  pool: Pool,
  feed: { url: string; title?: string; intervalMinutes?: number },
  by: number | null,
  now: number,
): Promise<AddFeedResult> {
  return inWorkspaceTransaction(pool, async (client) => {
    const { rows } = await client.query<FeedRow>(
      `INSERT INTO feeds (url, title, interval_minutes, added_by, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (url) DO UPDATE SET removed_at = NULL, title = EXCLUDED.title, interval_minutes = EXCLUDED.interval_minutes,
         next_fetch_at = NULL, last_fetched_at = NULL, etag = NULL, last_modified = NULL, error_message = NULL, error_count = 0,
         added_by = EXCLUDED.added_by
       WHERE feeds.removed_at IS NOT NULL
       RETURNING *`,
      [feed.url, feed.title ?? '', feed.intervalMinutes ?? 15, by, now],
    );
    if (rows.length === 0) {
      const existing = await client.query<FeedRow>('SELECT * FROM feeds WHERE url = $1', [feed.url]);
      return { exists: feedDetailOf(existing.rows[0]!) };
    }
    await appendChanges(client, [{ kind: 'feed', feed: teamFeedOf(rows[0]!) }], now, by);
    return { added: feedDetailOf(rows[0]!) };
  });
}

/** Removes a feed: it is no longer fetched, and desktops drop it and its comments. Null when there is none. */
export async function removeFeed(pool: Pool, id: number, by: number | null, now: number): Promise<TeamFeed | null> {
  return inWorkspaceTransaction(pool, async (client) => {
    const { rows } = await client.query<FeedRow>('UPDATE feeds SET removed_at = $2, next_fetch_at = NULL WHERE id = $1 AND removed_at IS NULL RETURNING *', [id, now]);
    if (rows.length === 0) return null;
    const removed = teamFeedOf(rows[0]!);
    await appendChanges(client, [{ kind: 'feed', feed: removed }], now, by);
    return removed;
  });
}

/** The feed, removed or not, locked until the transaction ends (so a removal waits for a fetch's store, or the other way round). */
export async function lockFeed(client: ClientBase, id: number): Promise<FeedRow | null> {
  const { rows } = await client.query<FeedRow>('SELECT * FROM feeds WHERE id = $1 FOR UPDATE', [id]);
  return rows[0] ?? null;
}
