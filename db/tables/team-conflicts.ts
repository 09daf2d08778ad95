// Decisions of this desktop the workspace refused (changed meanwhile, held by another, or gone),
// kept until the moderator settles them: keep theirs or apply mine.
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { CommentState, DecisionOutcome } from '../../common/team-wire';
import type { TeamConflict } from '../../common/types';
import { iso, isoOrNull } from '../../common/time';
import type { OutboxEntry } from './team-outbox';

type Refusal = Extract<DecisionOutcome, { outcome: 'conflict' }>;

export function recordConflict(db: Db, entry: OutboxEntry, refusal: Refusal): void {
  prepared(
    db,
    `INSERT INTO team_conflicts (key, item_id, kind, reason, mine, theirs, theirs_version, theirs_by, theirs_at, made_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(entry.key, entry.itemId, entry.kind, refusal.reason, entry.state, refusal.state ? JSON.stringify(refusal.state) : null, refusal.version, refusal.by ?? refusal.lease?.holder ?? null, refusal.at, entry.madeAt);
}

export interface StoredConflict {
  id: number;
  key: string;
  itemId: number;
  kind: 'state' | 'draft';
  mine: string | null;
  theirs: CommentState | null;
  theirsVersion: number;
  theirsBy: string | null;
  /** When their decision was made (ms), as the server said. */
  theirsAt: number | null;
}

interface ConflictRow {
  id: number;
  key: string;
  item_id: number;
  kind: 'state' | 'draft';
  reason: TeamConflict['reason'];
  mine: string | null;
  theirs: string | null;
  theirs_version: number;
  theirs_by: string | null;
  theirs_at: number | null;
  made_at: number;
  author: string | null;
  excerpt: string | null;
}

export function conflictById(db: Db, id: number): StoredConflict | null {
  const row = prepared<[number], ConflictRow>(db, 'SELECT * FROM team_conflicts WHERE id = ?').get(id);
  if (!row) return null;
  return { id: row.id, key: row.key, itemId: row.item_id, kind: row.kind, mine: row.mine, theirs: row.theirs ? (JSON.parse(row.theirs) as CommentState) : null, theirsVersion: row.theirs_version, theirsBy: row.theirs_by, theirsAt: row.theirs_at };
}

export function removeConflict(db: Db, id: number): void {
  prepared(db, 'DELETE FROM team_conflicts WHERE id = ?').run(id);
}

export function conflictCount(db: Db): number {
  return prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM team_conflicts').get()?.n ?? 0;
}

function laneOf(state: string | null): { status: TeamConflict['mine']['status']; route: TeamConflict['mine']['route'] } {
  const parsed = state ? (JSON.parse(state) as Partial<CommentState>) : {};
  return { status: parsed.status ?? 'new', route: parsed.route ?? null };
}

/** Oldest first, with the comment they are about. */
export function listConflicts(db: Db): TeamConflict[] {
  return prepared<[], ConflictRow>(
    db,
    `SELECT c.*, i.author, substr(i.content_text, 1, 160) AS excerpt FROM team_conflicts c LEFT JOIN items i ON i.id = c.item_id ORDER BY c.id`,
  )
    .all()
    .map((row) => ({
      id: row.id,
      itemId: row.item_id,
      kind: row.kind,
      author: row.author ?? '',
      excerpt: row.excerpt ?? '',
      reason: row.reason,
      mine: laneOf(row.mine),
      theirs: row.theirs ? { ...laneOf(row.theirs), by: row.theirs_by, at: isoOrNull(row.theirs_at) } : null,
      madeAt: iso(row.made_at),
    }));
}
