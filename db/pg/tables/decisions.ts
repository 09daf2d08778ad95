// Decisions sent by desktops (their outboxes), applied in the order given, each in its own
// transaction. A key is remembered for ever: a replayed decision answers 'duplicate' and changes
// nothing. A decision made on another version, or on a comment someone else holds a lease on,
// comes back as a conflict saying what the workspace holds and who made it so.
import type pg from 'pg';
import type { CommentState, Decision, DecisionOutcome } from '../../../common/team-wire';
import { inTransaction } from '../pool';
import { appendChanges, type ChangeBody } from './changes';
import { COMMENT_SELECT, STATE_COLUMNS, commentState, liveLease, type Claimant, type CommentRow } from './comments';

/** A routing that finishes the moderator's work on a comment gives back their lease on it. */
const FINISHED = new Set<CommentState['status']>(['routed', 'done']);

export async function applyDecisions(pool: pg.Pool, me: Claimant, decisions: readonly Decision[], now = Date.now): Promise<DecisionOutcome[]> {
  const outcomes: DecisionOutcome[] = [];
  for (const decision of decisions) outcomes.push(await inTransaction(pool, (client) => applyOne(client, me, decision, now())));
  return outcomes;
}

async function applyOne(client: pg.PoolClient, me: Claimant, decision: Decision, now: number): Promise<DecisionOutcome> {
  // The comment's row lock first: two requests carrying one key (a desktop retrying while its
  // first try is still running) queue here, and the second finds the key remembered.
  const found = await client.query<CommentRow>(`${COMMENT_SELECT} WHERE c.id = $1 FOR UPDATE OF c`, [decision.commentId]);
  const prior = await client.query<{ outcome: 'applied' | 'conflict'; version: number }>('SELECT outcome, version FROM decisions WHERE key = $1', [decision.key]);
  if (prior.rows[0]?.outcome === 'applied') return { key: decision.key, outcome: 'duplicate', version: prior.rows[0].version };

  const row = found.rows[0];
  const outcome = row ? judge(row, me, decision, now) : conflict(decision.key, 'missing', null, now);
  if (outcome.outcome === 'applied' && row && decision.kind === 'state') outcome.version = row.version + 1;
  await client.query(
    `INSERT INTO decisions (key, moderator_id, comment_id, kind, base_version, body, outcome, version, made_at, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (key) DO UPDATE SET base_version = $5, body = $6, outcome = $7, version = $8, made_at = $9, received_at = $10`,
    [
      decision.key,
      me.id,
      decision.commentId,
      decision.kind,
      decision.kind === 'state' ? decision.baseVersion : null,
      JSON.stringify(decision),
      outcome.outcome,
      outcome.version,
      decision.madeAt,
      now,
    ],
  );
  // The write (and its change-log append) last: the log's lock is held from the append to the
  // commit, so the less a transaction does after it, the less other writers wait.
  if (outcome.outcome === 'applied' && row) await write(client, row, me, decision, outcome.version, now);
  return outcome;
}

function conflict(key: string, reason: 'stale' | 'leased' | 'missing', row: CommentRow | null, now: number): DecisionOutcome {
  return {
    key,
    outcome: 'conflict',
    reason,
    version: row?.version ?? 0,
    state: row ? commentState(row) : null,
    by: row?.updated_by_name ?? null,
    at: row?.updated_at ?? null,
    lease: row ? liveLease(row, now) : null,
  };
}

function judge(row: CommentRow, me: Claimant, decision: Decision, now: number): DecisionOutcome {
  const force = decision.force;
  const lease = liveLease(row, now);
  if (lease && lease.holderId !== me.id && !force) return conflict(decision.key, 'leased', row, now);
  if (decision.kind === 'state' && decision.baseVersion !== row.version && !force) return conflict(decision.key, 'stale', row, now);
  return { key: decision.key, outcome: 'applied', version: row.version };
}

/** Writes an accepted decision and its changes; a state decision raises the comment to `version`. */
async function write(client: pg.PoolClient, row: CommentRow, me: Claimant, decision: Decision, version: number, now: number): Promise<void> {
  if (decision.kind === 'draft') {
    if (decision.draft === null) await client.query('DELETE FROM drafts WHERE comment_id = $1', [row.id]);
    else {
      await client.query(
        `INSERT INTO drafts (comment_id, body, templates, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (comment_id) DO UPDATE SET body = $2, templates = $3, updated_by = $4, updated_at = $5`,
        [row.id, decision.draft.body, JSON.stringify(decision.draft.templates), me.id, now],
      );
    }
    await appendChanges(client, me.id, [{ kind: 'draft', commentId: row.id, draft: decision.draft }], now);
    return;
  }
  const assignments = STATE_COLUMNS.map((column, index) => `${column} = $${index + 5}`).join(', ');
  const lease = liveLease(row, now);
  // Finished by the holder (or by whoever took it over with "apply mine"): the lease goes too.
  const releases = FINISHED.has(decision.state.status) && row.lease_holder !== null && (lease === null || lease.holderId === me.id || decision.force);
  await client.query(
    `UPDATE comments SET version = $2, updated_by = $3, updated_at = $4, ${assignments}
       ${releases ? ', lease_holder = NULL, lease_purpose = NULL, lease_until = NULL' : ''}
     WHERE id = $1`,
    [row.id, version, me.id, now, ...STATE_COLUMNS.map((column) => decision.state[column])],
  );
  const bodies: ChangeBody[] = [{ kind: 'state', commentId: row.id, version, state: decision.state }];
  if (releases) bodies.push({ kind: 'lease', commentId: row.id, lease: null });
  await appendChanges(client, me.id, bodies, now);
}
