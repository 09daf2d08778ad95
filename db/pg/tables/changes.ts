// The change log desktops copy from (`changes`): appended by every write they must see, in the
// same transaction, and read since a cursor.
import type pg from 'pg';
import type { ChangesAnswer, TeamChange } from '../../../common/team-wire';

/** What a writer appends: a TeamChange without the fields the log itself gives (seq, at, by). */
export type ChangeBody = TeamChange extends infer C ? (C extends TeamChange ? Omit<C, 'seq' | 'at' | 'by'> : never) : never;

export const CHANGES_CHANNEL = 'switchboard_changes';

/**
 * One lock every appending transaction takes before it draws a seq, held until it commits. Without
 * it a bigserial commits out of order (one transaction draws 10, another 11 and commits first: a
 * desktop reading then moves its cursor to 11 and never sees 10). With it, seqs become visible in
 * order. It serialises appends only, from the first one to the commit: fine at a team's scale.
 */
const CHANGE_LOG_LOCK = 0x5357_4331;

/**
 * Appends changes inside the caller's transaction and rings the doorbell when it commits. Call it
 * last, after every row the transaction locks: the log's lock is then held only until the commit,
 * and no writer ever holds it while waiting for a row another writer (waiting for it) has locked.
 */
export async function appendChanges(client: pg.PoolClient, moderatorId: number | null, bodies: readonly ChangeBody[], now = Date.now()): Promise<void> {
  if (bodies.length === 0) return;
  await client.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK]);
  await client.query(
    `INSERT INTO changes (at, moderator_id, kind, body)
     SELECT $1, $2, b->>'kind', b FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(b, n) ORDER BY n`,
    [now, moderatorId, JSON.stringify(bodies)],
  );
  // Delivered at commit, and only then; never if the transaction rolls back.
  await client.query(`NOTIFY ${CHANGES_CHANNEL}`);
}

/** The newest seq in the log (0 when empty). */
export async function changeHead(db: pg.Pool | pg.PoolClient): Promise<number> {
  const result = await db.query<{ head: number }>('SELECT coalesce(max(seq), 0) AS head FROM changes');
  return result.rows[0]?.head ?? 0;
}

/**
 * What one read of the log may carry, roughly (the JSON of its changes): a page of big comments is
 * cut short and `more` says to read on, so neither the server nor a desktop holds a huge answer.
 */
export const CHANGES_PAGE_BYTES = 8 * 1024 * 1024;

/**
 * The changes after `since`, oldest first: at most `limit`, and no more than `pageBytes` of them
 * (but always one); `more` when the log holds further ones.
 */
export async function readChanges(db: pg.Pool, since: number, limit: number, pageBytes = CHANGES_PAGE_BYTES): Promise<ChangesAnswer> {
  // One statement, one snapshot: head and rows agree. A row past the page's bytes comes without
  // its body (never read from disk): it only says there is more.
  const result = await db.query<{ seq: number; at: number; by: string | null; body: ChangeBody | null; head: number }>(
    `SELECT seq, at, by, head, CASE WHEN before < $3 THEN body END AS body
       FROM (SELECT c.seq, c.at, m.name AS by, c.body, (SELECT coalesce(max(seq), 0) FROM changes) AS head,
                    coalesce(sum(octet_length(c.body::text)) OVER (ORDER BY c.seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::bigint AS before
               FROM changes c LEFT JOIN moderators m ON m.id = c.moderator_id
              WHERE c.seq > $1 ORDER BY c.seq LIMIT $2) page
      ORDER BY seq`,
    [since, limit + 1, pageBytes],
  );
  const rows = result.rows.slice(0, limit).filter((row): row is typeof row & { body: ChangeBody } => row.body !== null);
  const head = result.rows[0]?.head ?? (await changeHead(db));
  return {
    changes: rows.map((row) => ({ ...row.body, seq: row.seq, at: row.at, by: row.by }) as TeamChange),
    head,
    more: result.rows.length > rows.length,
  };
}
