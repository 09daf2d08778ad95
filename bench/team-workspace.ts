// The team bench's workspace (issue 15): a real PostgreSQL holding a support team two years into
// 50 busy feeds: 1,000,000 comments by 50,000 authors in 20,000 threads, the newest 5% still in the
// Inbox and the rest routed or done, each with the 'comment' row the fetcher writes to the change
// log when it stores a comment (so a desktop's cursor and the log's size are a working team's).
//
// Rows go in with one INSERT ... SELECT generate_series per table, inside PostgreSQL: sending a
// million rows over the wire would measure node-postgres, not the workspace. Their words come from
// the text generator the SQLite benchmark uses (bench/big-db.ts), one to four of its comments
// joined, so lengths run from a line to a few paragraphs as real comments do. Below the loading:
// the few reads the bench makes of the workspace (the Inbox, the log's head), each on its own connection.
import pg from 'pg';
import { comment } from './big-db';
import { seededRandom } from '../test/support/seeded-random';

export const WORKSPACE = { comments: Number(process.env.BENCH_TEAM_COMMENTS ?? 1_000_000), feeds: 50, threads: 20_000, authors: 50_000, inboxShare: 0.05 };
/** The newest comment's time: fixed, so every run loads the same workspace. */
const WORKSPACE_NOW = Date.UTC(2026, 10, 28, 12);
const TWO_YEARS_MS = 2 * 365 * 86_400_000;
/** Distinct texts the rows pick from (joined one to four at a time). */
const TEXTS = 4_000;

export interface LoadedWorkspace {
  comments: number;
  inbox: number;
  /** Characters of a comment's text. */
  textLength: { median: number; p95: number };
  /** The change log's head after loading. */
  head: number;
  loadMs: { comments: number; changes: number; analyze: number };
  bytes: number;
}

/** Fills an empty, migrated workspace database (the team server's schema) and says how long each part took. */
export async function loadWorkspace(url: string): Promise<LoadedWorkspace> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const next = seededRandom(15);
    const texts = Array.from({ length: TEXTS }, (_, n) => comment(next, n));
    const total = WORKSPACE.comments;
    const firstInbox = Math.floor(total * (1 - WORKSPACE.inboxShare)) + 1;
    await client.query(`INSERT INTO workspace (name) VALUES ('Bench support team') ON CONFLICT DO NOTHING`);
    // Fetched a moment ago and not due for a day: the server's fetcher leaves them be, since the
    // bench measures moderators and desktops (the addresses are not real sites either).
    const fetchedAt = Date.now();
    await client.query(
      `INSERT INTO feeds (url, site_url, title, created_at, last_fetched_at, last_success_at, next_fetch_at)
       SELECT 'https://site' || f || '.example/comments/feed/', 'https://site' || f || '.example/', 'Site ' || f, $1, $3::bigint, $3::bigint, $3::bigint + 86400000
       FROM generate_series(1, $2) AS f`,
      [WORKSPACE_NOW - TWO_YEARS_MS, WORKSPACE.feeds, fetchedAt],
    );
    // Each feed's row in the change log (a TeamFeed), as adding it writes one, before its comments'.
    await client.query(
      `INSERT INTO changes (at, moderator_id, kind, body)
       SELECT created_at, NULL, 'feed', jsonb_build_object('kind', 'feed', 'feed', jsonb_build_object(
                'id', id, 'url', url, 'title', title, 'siteUrl', site_url, 'kind', kind, 'removed', false,
                'lastSuccessAt', last_success_at, 'errorMessage', error_message))
       FROM feeds ORDER BY id`,
    );

    let started = performance.now();
    // Comment i: feed i % 50, thread i % 20,000 (a thread stays on one feed), author by a
    // multiplicative hash (some write often, most rarely), published evenly over two years, oldest
    // first. Its state: the newest 5% are new (the Inbox); the rest routed to the three lanes or done.
    await client.query(
      `INSERT INTO comments (feed_id, guid, thread_url, thread_title, url, author, author_url, published_at,
                             content_html, content_text, status, route, routed_at, service_state, updated_at)
       SELECT f.id, 'c-' || i, t.url, 'Thread ' || t.n || ' on site ' || f.id, t.url || '#comment-' || i,
              a.name, 'https://people.example/' || a.n, p.at,
              '<p>' || x.text || '</p>', x.text,
              s.status, s.route, CASE WHEN s.route IS NULL THEN NULL ELSE p.at + 3600000 END,
              CASE WHEN s.route = 'service' THEN 'resolved' END, p.at
       FROM generate_series(1, $1::int) AS i
       CROSS JOIN LATERAL (SELECT 1 + (i % $2::int) AS id) AS f
       CROSS JOIN LATERAL (SELECT (i % $3::int) AS n, 'https://site' || (1 + (i % $2::int)) || '.example/t/' || (i % $3::int) AS url) AS t
       CROSS JOIN LATERAL (SELECT ((i::bigint * 2654435761) % $4::int) ^ 2 / $4::int AS n) AS h
       CROSS JOIN LATERAL (SELECT h.n::int AS n, 'Member ' || h.n::int AS name) AS a
       CROSS JOIN LATERAL (SELECT $5::bigint - ($1::int - i)::bigint * ($6::bigint / $1::int) AS at) AS p
       CROSS JOIN LATERAL (
         SELECT CASE (i::bigint * 40503) % 10 WHEN 0 THEN ($7::text[])[1 + (i * 7) % $8::int] || ' ' || ($7::text[])[1 + (i * 13) % $8::int] || ' ' || ($7::text[])[1 + (i * 17) % $8::int] || ' ' || ($7::text[])[1 + (i * 19) % $8::int]
                                              WHEN 1 THEN ($7::text[])[1 + (i * 7) % $8::int] || ' ' || ($7::text[])[1 + (i * 13) % $8::int]
                                              WHEN 2 THEN ($7::text[])[1 + (i * 7) % $8::int] || ' ' || ($7::text[])[1 + (i * 13) % $8::int]
                                              ELSE ($7::text[])[1 + (i * 7) % $8::int] END AS text) AS x
       CROSS JOIN LATERAL (
         SELECT CASE WHEN i >= $9::int THEN 'new' WHEN i % 4 = 0 THEN 'done' ELSE 'routed' END AS status,
                CASE WHEN i >= $9::int THEN NULL ELSE (ARRAY['service', 'spotlight', 'ignore', 'ignore'])[1 + i % 4] END AS route) AS s`,
      [total, WORKSPACE.feeds, WORKSPACE.threads, WORKSPACE.authors, WORKSPACE_NOW, TWO_YEARS_MS, texts, TEXTS, firstInbox],
    );
    const commentsMs = performance.now() - started;

    // The fetcher appends one 'comment' change per stored comment (the TeamComment, common/team-wire.ts).
    // Here it carries the state the comment was loaded with; a real team's log would hold the new
    // comment and, later, a 'state' row per decision: this log is shorter by those 950,000 rows.
    started = performance.now();
    await client.query(
      `INSERT INTO changes (at, moderator_id, kind, body)
       SELECT c.updated_at, NULL, 'comment', jsonb_build_object('kind', 'comment', 'comment', jsonb_build_object(
                'id', c.id, 'feedId', c.feed_id, 'guid', c.guid, 'threadUrl', c.thread_url, 'threadTitle', c.thread_title,
                'url', c.url, 'author', c.author, 'authorUrl', c.author_url, 'publishedAt', c.published_at,
                'contentHtml', c.content_html, 'contentText', c.content_text,
                'state', jsonb_build_object('status', c.status, 'route', c.route, 'routed_at', c.routed_at,
                  'snoozed_until', c.snoozed_until, 'snooze_until_reply', c.snooze_until_reply, 'back_from_snooze', c.back_from_snooze,
                  'note', c.note, 'service_state', c.service_state, 'service_exported_at', c.service_exported_at,
                  'resolution', c.resolution, 'answered_by', c.answered_by),
                'version', c.version, 'updatedBy', NULL, 'updatedAt', c.updated_at, 'lease', NULL))
       FROM comments AS c ORDER BY c.id`,
    );
    const changesMs = performance.now() - started;

    started = performance.now();
    await client.query('ANALYZE');
    const analyzeMs = performance.now() - started;

    const counts = await client.query<{ inbox: string; head: string; bytes: string; median: string; p95: string }>(
      `SELECT (SELECT count(*) FROM comments WHERE status = 'new') AS inbox,
              (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY length(content_text)) FROM comments) AS median,
              (SELECT percentile_disc(0.95) WITHIN GROUP (ORDER BY length(content_text)) FROM comments) AS p95,
              (SELECT coalesce(max(seq), 0) FROM changes) AS head,
              pg_database_size(current_database()) AS bytes`,
    );
    const row = counts.rows[0]!;
    return { comments: total, inbox: Number(row.inbox), textLength: { median: Number(row.median), p95: Number(row.p95) }, head: Number(row.head), loadMs: { comments: commentsMs, changes: changesMs, analyze: analyzeMs }, bytes: Number(row.bytes) };
  } finally {
    await client.end();
  }
}

/** One statement on a connection of its own. */
export async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The change log's newest seq. */
export async function headOf(url: string): Promise<number> {
  return Number((await query<{ head: string }>(url, 'SELECT coalesce(max(seq), 0) AS head FROM changes'))[0]!.head);
}

/** The seq just before comment `id`'s 'comment' row in the log. */
export async function seqBefore(url: string, id: number): Promise<number> {
  const rows = await query<{ seq: string }>(url, "SELECT seq FROM changes WHERE kind = 'comment' AND (body->'comment'->>'id')::bigint = $1", [id]);
  return Number(rows[0]!.seq) - 1;
}

/** The Inbox as the desktops show it: new comments, newest first (their ids). */
export async function inboxIds(url: string): Promise<number[]> {
  const rows = await query<{ id: string }>(url, `SELECT id FROM comments WHERE status = 'new' ORDER BY published_at DESC, id DESC`);
  return rows.map((row) => Number(row.id));
}
