// The outbox: this desktop's decisions waiting for the team server, written by the triggers of
// migration 015 in the same transaction as the decision, sent in order, removed once answered.
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { CommentState, Decision } from '../../common/team-wire';

export interface OutboxEntry {
  seq: number;
  key: string;
  itemId: number;
  baseVersion: number;
  kind: 'state' | 'draft';
  state: string | null;
  force: number;
  madeAt: number;
}

interface OutboxRow {
  seq: number;
  key: string;
  item_id: number;
  base_version: number;
  kind: 'state' | 'draft';
  state: string | null;
  force: number;
  made_at: number;
}

/**
 * The next decisions to send, oldest first, at most one per comment: each names the version it was
 * made on, which the answer to the one before it changes (sendable() then rebases the next).
 */
export function nextOutbox(db: Db, most: number): OutboxEntry[] {
  return prepared<[number], OutboxRow>(
    db,
    `SELECT o.* FROM team_outbox o WHERE o.seq = (SELECT min(seq) FROM team_outbox f WHERE f.item_id = o.item_id AND f.kind = o.kind) ORDER BY o.seq LIMIT ?`,
  )
    .all(most)
    .map((row) => ({ seq: row.seq, key: row.key, itemId: row.item_id, baseVersion: row.base_version, kind: row.kind, state: row.state, force: row.force, madeAt: row.made_at }));
}

/** The decision on the wire. */
export function toDecision(entry: OutboxEntry): Decision {
  if (entry.kind === 'draft') {
    return { kind: 'draft', key: entry.key, commentId: entry.itemId, draft: entry.state === null ? null : (JSON.parse(entry.state) as { body: string; templates: string[] }), force: entry.force === 1, madeAt: entry.madeAt };
  }
  return { kind: 'state', key: entry.key, commentId: entry.itemId, baseVersion: entry.baseVersion, state: JSON.parse(entry.state ?? 'null') as CommentState, force: entry.force === 1, madeAt: entry.madeAt };
}

/**
 * The server took the decision (now, or before: a replay): it goes, the comment's copy is at
 * `version`, and the same comment's next decision waiting is made on it.
 */
export function settleOutbox(db: Db, entry: OutboxEntry, version: number): void {
  prepared(db, 'DELETE FROM team_outbox WHERE seq = ?').run(entry.seq);
  if (entry.kind !== 'state') return;
  prepared(db, 'UPDATE items SET team_version = max(team_version, ?), team_by = (SELECT moderator_name FROM team_link WHERE only = 1) WHERE id = ?').run(version, entry.itemId);
  prepared(db, "UPDATE team_outbox SET base_version = ? WHERE item_id = ? AND kind = 'state'").run(version, entry.itemId);
}

export function removeOutbox(db: Db, seq: number): void {
  prepared(db, 'DELETE FROM team_outbox WHERE seq = ?').run(seq);
}

/** A failed send: counted on every entry it carried, with why. */
export function noteOutboxFailure(db: Db, seqs: readonly number[], error: string): void {
  prepared(db, 'UPDATE team_outbox SET tries = tries + 1, last_error = ? WHERE seq IN (SELECT value FROM json_each(?))').run(error, JSON.stringify(seqs));
}

export function outboxLength(db: Db): number {
  return prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM team_outbox').get()?.n ?? 0;
}

/** Whether decisions on this comment's state are still waiting (then its copy keeps the moderator's own state). */
export function stateWaiting(db: Db, itemId: number): boolean {
  return prepared(db, "SELECT 1 FROM team_outbox WHERE item_id = ? AND kind = 'state' LIMIT 1").get(itemId) !== undefined;
}

/** Queues a decision again ("apply mine"), over whatever the workspace holds now. */
export function requeueForced(db: Db, key: string, itemId: number, kind: 'state' | 'draft', state: string | null, baseVersion: number, now: number): void {
  prepared(db, 'INSERT INTO team_outbox (key, item_id, base_version, kind, state, force, made_at) VALUES (?, ?, ?, ?, ?, 1, ?)').run(key, itemId, baseVersion, kind, state, now);
}

/** Whether this comment's reply draft, written here, is still waiting to be sent. */
export function draftWaiting(db: Db, itemId: number): boolean {
  return prepared(db, "SELECT 1 FROM team_outbox WHERE item_id = ? AND kind = 'draft' LIMIT 1").get(itemId) !== undefined;
}
