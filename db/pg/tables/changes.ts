// The change log's one writer: every PostgreSQL write that desktops must see appends its new value
// here, inside its own transaction, and rings the doorbell before committing. Appends take a
// transaction-level advisory lock first, so transactions append one after another and their seqs
// commit in order: a desktop that read up to seq N never misses a row later committed below N.
import type { ClientBase, Pool, PoolClient } from 'pg';
import type { TeamChange } from '../../../common/team-wire';

/** The advisory lock key serialising appends to `changes` (any writer of the log takes it). */
export const CHANGE_LOG_LOCK = 0x5357_4348_01;
/** The channel the team server LISTENs on; a notification carries nothing but "read the log". */
export const CHANGES_CHANNEL = 'switchboard_changes';

type WithoutStamp<T> = T extends unknown ? Omit<T, 'seq' | 'at' | 'by'> : never;
/** What a change row's `body` holds: the TeamChange without seq, at and by (the row's columns). */
export type ChangeBody = WithoutStamp<TeamChange>;

/**
 * Appends changes in the caller's transaction (which must be open: the lock lasts until it ends)
 * and queues the doorbell, which PostgreSQL delivers on commit only. Returns their seqs.
 */
export async function appendChanges(client: ClientBase, changes: readonly ChangeBody[], at: number, moderatorId: number | null): Promise<number[]> {
  if (changes.length === 0) return [];
  await client.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOG_LOCK]);
  const { rows } = await client.query<{ seq: string }>(
    `INSERT INTO changes (at, moderator_id, kind, body)
     SELECT $1, $2, change->>'kind', change FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS list(change, n)
     ORDER BY n RETURNING seq`,
    [at, moderatorId, JSON.stringify(changes)],
  );
  await client.query(`NOTIFY ${CHANGES_CHANNEL}`);
  return rows.map((row) => Number(row.seq));
}

/**
 * Runs `work` in one transaction on a connection of the pool: committed when it returns, rolled
 * back (nothing of it kept, no doorbell rung) when it throws.
 */
export async function inWorkspaceTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is closed rather than handed to the next caller.
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw error;
  } finally {
    client.release(broken);
  }
}
