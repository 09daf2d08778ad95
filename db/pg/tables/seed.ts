// Comments for tests and benches, stored the way fetched ones are: rows plus their 'comment'
// changes in one transaction, so desktops copy them from the log like any other.
import type pg from 'pg';
import type { TeamFeed } from '../../../common/team-wire';
import { inTransaction } from '../pool';
import { appendChanges, type ChangeBody } from './changes';
import { COMMENT_SELECT, teamComment, type CommentRow } from './comments';

export interface SeedOptions {
  feedUrl?: string;
  /** Text of comment i (0-based). */
  text?: (index: number) => string;
  now?: number;
}

/** Adds `count` new comments to a seed feed (made on first use); returns their ids, oldest first. */
export async function seedComments(pool: pg.Pool, count: number, options: SeedOptions = {}): Promise<number[]> {
  const now = options.now ?? Date.now();
  const feedUrl = options.feedUrl ?? 'https://seed.example/comments/feed/';
  const text = options.text ?? ((index: number) => `Seeded comment ${index + 1}`);
  return inTransaction(pool, async (client) => {
    const bodies: ChangeBody[] = [];
    let feed = await client.query<{ id: number }>('SELECT id FROM feeds WHERE url = $1', [feedUrl]);
    if (!feed.rows[0]) {
      feed = await client.query<{ id: number }>("INSERT INTO feeds (url, title, created_at) VALUES ($1, 'Seed feed', $2) RETURNING id", [feedUrl, now]);
      const made: TeamFeed = { id: feed.rows[0]!.id, url: feedUrl, title: 'Seed feed', siteUrl: null, kind: 'comments', removed: false, lastSuccessAt: null, errorMessage: null };
      bodies.push({ kind: 'feed', feed: made });
    }
    const feedId = feed.rows[0]!.id;
    const texts = Array.from({ length: count }, (_, index) => text(index));
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO comments (feed_id, guid, thread_title, author, published_at, content_html, content_text, updated_at)
       SELECT $1, 'seed-' || gen_random_uuid(), 'Seed thread', 'Member ' || n, $2 + n, '<p>' || t || '</p>', t, $2
         FROM unnest($3::text[]) WITH ORDINALITY AS s(t, n)
       RETURNING id`,
      [feedId, now, texts],
    );
    const ids = inserted.rows.map((row) => row.id).sort((a, b) => a - b);
    const rows = await client.query<CommentRow>(`${COMMENT_SELECT} WHERE c.id = ANY($1) ORDER BY c.id`, [ids]);
    bodies.push(...rows.rows.map((row) => ({ kind: 'comment' as const, comment: teamComment(row, now) })));
    await appendChanges(client, null, bodies, now);
    return ids;
  });
}
