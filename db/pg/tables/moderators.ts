// The workspace's moderators and their tokens. Only sha256 hashes of tokens are stored: a copy of
// the database lets nobody in. An invite is used once; revoking cuts a moderator off at once.
import type pg from 'pg';
import type { ModeratorRole, TeamModerator } from '../../../common/team-wire';
import { inTransaction } from '../pool';
import { appendChanges } from './changes';

export const REVOKED_CHANNEL = 'switchboard_revoked';

interface ModeratorRow {
  id: number;
  name: string;
  role: ModeratorRole;
}

const moderator = (row: ModeratorRow): TeamModerator => ({ id: row.id, name: row.name, role: row.role });

/**
 * Stores a one-time invite for `name`, making the moderator if new. An existing moderator keeps
 * their role unless one is given; their current token works until the invite is used (a new
 * desktop then replaces it).
 */
export async function storeInvite(pool: pg.Pool, name: string, role: ModeratorRole | undefined, inviteHash: string, until: number, now = Date.now()): Promise<TeamModerator> {
  const result = await pool.query<ModeratorRow>(
    `INSERT INTO moderators (name, role, invite_hash, invite_until, created_at) VALUES ($1, coalesce($2, 'moderator'), $3, $4, $5)
     ON CONFLICT (name) DO UPDATE SET role = coalesce($2, moderators.role), invite_hash = $3, invite_until = $4
     RETURNING id, name, role`,
    [name, role ?? null, inviteHash, until, now],
  );
  return moderator(result.rows[0]!);
}

export type RedeemResult = { ok: true; moderator: TeamModerator } | { ok: false; reason: 'unknown' | 'expired'; until?: number };

/** Exchanges an unused, unexpired invite for a personal token (its hash), in one transaction. */
export async function redeemInvite(pool: pg.Pool, inviteHash: string, tokenHash: string, now = Date.now()): Promise<RedeemResult> {
  return inTransaction(pool, async (client) => {
    const found = await client.query<ModeratorRow & { invite_until: number | null; token_hash: string | null }>(
      'SELECT id, name, role, invite_until, token_hash FROM moderators WHERE invite_hash = $1 FOR UPDATE',
      [inviteHash],
    );
    const row = found.rows[0];
    if (!row) return { ok: false, reason: 'unknown' } as const;
    if (row.invite_until !== null && row.invite_until < now) return { ok: false, reason: 'expired', until: row.invite_until } as const;
    await client.query(
      'UPDATE moderators SET token_hash = $2, invite_hash = NULL, invite_until = NULL, joined_at = $3, revoked_at = NULL WHERE id = $1',
      [row.id, tokenHash, now],
    );
    await appendChanges(client, row.id, [{ kind: 'moderator', moderator: { ...moderator(row), revoked: false } }], now);
    // The token this one replaces (their previous desktop's) stops now: its open streams close too.
    if (row.token_hash !== null) await client.query('SELECT pg_notify($1, $2)', [REVOKED_CHANNEL, String(row.id)]);
    return { ok: true, moderator: moderator(row) } as const;
  });
}

/** The moderator a personal token belongs to, unless revoked. */
export async function moderatorByToken(pool: pg.Pool, tokenHash: string): Promise<TeamModerator | null> {
  const result = await pool.query<ModeratorRow>('SELECT id, name, role FROM moderators WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
  const row = result.rows[0];
  return row ? moderator(row) : null;
}

/** Of these token hashes, the ones that still let their holder in. */
export async function validTokenHashes(pool: pg.Pool, tokenHashes: readonly string[]): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set();
  const result = await pool.query<{ token_hash: string }>('SELECT token_hash FROM moderators WHERE token_hash = ANY($1) AND revoked_at IS NULL', [tokenHashes]);
  return new Set(result.rows.map((row) => row.token_hash));
}

/**
 * Cuts a moderator off: their token and any open invite stop working at once, desktops learn it
 * from the change log, and team servers close their open streams (NOTIFY on REVOKED_CHANNEL).
 * Null when there is no such moderator.
 */
export async function revokeModerator(pool: pg.Pool, name: string, now = Date.now()): Promise<TeamModerator | null> {
  return inTransaction(pool, async (client) => {
    const result = await client.query<ModeratorRow>(
      'UPDATE moderators SET revoked_at = $2, token_hash = NULL, invite_hash = NULL, invite_until = NULL WHERE name = $1 RETURNING id, name, role',
      [name, now],
    );
    const row = result.rows[0];
    if (!row) return null;
    // Their leases go with them: nobody waits on a comment held by someone who cannot come back.
    const released = await client.query<{ id: number }>(
      'UPDATE comments SET lease_holder = NULL, lease_purpose = NULL, lease_until = NULL WHERE lease_holder = $1 RETURNING id',
      [row.id],
    );
    await appendChanges(
      client,
      null,
      [{ kind: 'moderator', moderator: { ...moderator(row), revoked: true } }, ...released.rows.map((lease) => ({ kind: 'lease' as const, commentId: lease.id, lease: null }))],
      now,
    );
    await client.query('SELECT pg_notify($1, $2)', [REVOKED_CHANNEL, String(row.id)]);
    return moderator(row);
  });
}

export async function countModerators(db: pg.Pool | pg.PoolClient): Promise<number> {
  const result = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM moderators');
  return result.rows[0]?.n ?? 0;
}
