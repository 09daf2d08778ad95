// The workspace's comments as the wire carries them, and their leases ("claims"): who works on a
// comment until when. A lease is taken with FOR UPDATE SKIP LOCKED, so two moderators racing for
// one comment never both get it.
import type pg from 'pg';
import type { ClaimAnswer, CommentState, Lease, LeasePurpose, TeamComment } from '../../../common/team-wire';
import { inTransaction } from '../pool';
import { appendChanges, type ChangeBody } from './changes';

/** The moderator's columns, named as commentState's fields (and SQLite's items). */
export const STATE_COLUMNS = [
  'status',
  'route',
  'routed_at',
  'snoozed_until',
  'snooze_until_reply',
  'back_from_snooze',
  'note',
  'service_state',
  'service_exported_at',
  'resolution',
  'answered_by',
] as const satisfies readonly (keyof CommentState)[];

/** A comments row with its lease holder's and last editor's names (see COMMENT_SELECT). */
export type CommentRow = CommentState & {
    id: number;
    feed_id: number;
    guid: string;
    thread_url: string | null;
    thread_title: string;
    url: string | null;
    author: string;
    author_url: string | null;
    published_at: number;
    content_html: string;
    content_text: string;
    version: number;
    updated_at: number;
    updated_by_name: string | null;
    lease_holder: number | null;
    lease_holder_name: string | null;
    lease_purpose: LeasePurpose | null;
    lease_until: number | null;
  };

/** Reads comments `c` with the names a TeamComment shows; add WHERE (and FOR UPDATE OF c). */
export const COMMENT_SELECT = `SELECT c.*, u.name AS updated_by_name, h.name AS lease_holder_name
  FROM comments c LEFT JOIN moderators u ON u.id = c.updated_by LEFT JOIN moderators h ON h.id = c.lease_holder`;

export function commentState(row: CommentRow): CommentState {
  return Object.fromEntries(STATE_COLUMNS.map((column) => [column, row[column]])) as unknown as CommentState;
}

/** The lease as others should honour it: none once its time has passed. */
export function liveLease(row: Pick<CommentRow, 'lease_holder' | 'lease_holder_name' | 'lease_purpose' | 'lease_until'>, now: number): Lease | null {
  if (row.lease_holder === null || row.lease_until === null || row.lease_until < now) return null;
  return { holder: row.lease_holder_name ?? '', holderId: row.lease_holder, purpose: row.lease_purpose ?? 'open', until: row.lease_until };
}

export function teamComment(row: CommentRow, now: number): TeamComment {
  return {
    id: row.id,
    feedId: row.feed_id,
    guid: row.guid,
    threadUrl: row.thread_url,
    threadTitle: row.thread_title,
    url: row.url,
    author: row.author,
    authorUrl: row.author_url,
    publishedAt: row.published_at,
    contentHtml: row.content_html,
    contentText: row.content_text,
    state: commentState(row),
    version: row.version,
    updatedBy: row.updated_by_name,
    updatedAt: row.updated_at,
    lease: liveLease(row, now),
  };
}

export interface Claimant {
  id: number;
  name: string;
}

export interface ClaimRequest {
  commentIds: number[];
  purpose: LeasePurpose;
  seconds: number;
  takeover: boolean;
}

/**
 * Takes (or renews) leases on comments for `me`: granted where nobody else holds a live lease (or
 * `takeover`), refused otherwise, with who holds it. Never two holders: the rows are locked as they
 * are taken. `skip` passes over rows another transaction has locked at this instant (the claims
 * racing for one comment: the first takes it, the others are refused at once); `wait` waits for
 * them, for a second pass over comments refused with nobody holding them (see claimInTurn).
 * Every granted lease is a change.
 */
export async function claimComments(client: pg.PoolClient, me: Claimant, request: ClaimRequest, locked: 'skip' | 'wait', now = Date.now()): Promise<ClaimAnswer> {
  const until = now + request.seconds * 1000;
  const granted = await client.query<{ id: number }>(
    `UPDATE comments SET lease_holder = $1, lease_purpose = $2, lease_until = $3
      WHERE id IN (SELECT id FROM comments
                    WHERE id = ANY($4) AND (lease_holder IS NULL OR lease_holder = $1 OR lease_until < $5 OR $6)
                    ORDER BY id FOR UPDATE ${locked === 'skip' ? 'SKIP LOCKED' : ''})
      RETURNING id`,
    [me.id, request.purpose, until, request.commentIds, now, request.takeover],
  );
  const grantedIds = new Set(granted.rows.map((row) => row.id));
  const refusedIds = [...new Set(request.commentIds)].filter((id) => !grantedIds.has(id));
  const leases = await currentLeases(client, refusedIds, now);
  // The change log last: its lock is held from the append to the commit.
  await appendChanges(
    client,
    me.id,
    [...grantedIds].sort((a, b) => a - b).map((commentId) => ({ kind: 'lease', commentId, lease: { holder: me.name, holderId: me.id, purpose: request.purpose, until } })),
    now,
  );
  return {
    granted: [...grantedIds].map((commentId) => ({ commentId, until })),
    refused: refusedIds.map((commentId) => ({ commentId, lease: leases.get(commentId) ?? null })),
  };
}

/**
 * A claim in two steps, each its own transaction. First SKIP LOCKED, so racing claimants never wait
 * on each other. Then the comments refused with no other holder (locked at that instant by a
 * decision being written, or by a claim that then failed) once more, waiting for the lock: the
 * answer says "refused" only when someone else holds the lease. The second step holds no lock
 * of the first while it waits, so two claims of several comments cannot deadlock.
 */
export async function claimInTurn(pool: pg.Pool, me: Claimant, request: ClaimRequest, now = Date.now()): Promise<ClaimAnswer> {
  const first = await inTransaction(pool, (client) => claimComments(client, me, request, 'skip', now));
  const busy = first.refused.filter((refusal) => refusal.lease === null || refusal.lease.holderId === me.id).map((refusal) => refusal.commentId);
  if (busy.length === 0) return first;
  const second = await inTransaction(pool, (client) => claimComments(client, me, { ...request, commentIds: busy }, 'wait', now));
  const settled = new Set(busy);
  return { granted: [...first.granted, ...second.granted], refused: [...first.refused.filter((refusal) => !settled.has(refusal.commentId)), ...second.refused] };
}

/** Live leases on these comments, by comment id. */
export async function currentLeases(db: pg.PoolClient | pg.Pool, commentIds: readonly number[], now = Date.now()): Promise<Map<number, Lease>> {
  if (commentIds.length === 0) return new Map();
  const result = await db.query<CommentRow>(`${COMMENT_SELECT} WHERE c.id = ANY($1)`, [commentIds]);
  const leases = new Map<number, Lease>();
  for (const row of result.rows) {
    const lease = liveLease(row, now);
    if (lease) leases.set(row.id, lease);
  }
  return leases;
}

/** Gives back `me`'s leases on these comments; each one released is a change. */
export async function releaseComments(client: pg.PoolClient, meId: number, commentIds: readonly number[], now = Date.now()): Promise<number> {
  const released = await client.query<{ id: number }>(
    'UPDATE comments SET lease_holder = NULL, lease_purpose = NULL, lease_until = NULL WHERE id = ANY($1) AND lease_holder = $2 RETURNING id',
    [commentIds, meId],
  );
  const bodies: ChangeBody[] = released.rows.map((row) => ({ kind: 'lease', commentId: row.id, lease: null }));
  await appendChanges(client, meId, bodies, now);
  return released.rows.length;
}
