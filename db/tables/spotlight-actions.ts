// Recognition of members' comments (featured, thanked, invited, marked as the community answer),
// one row per action. Each is undoable: the audit entry that put the comment in the spotlight
// names the row (db/tables/audit-log.ts), and undo removes it.
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { SpotlightActionKind } from '../../common/types';

export interface SpotlightActionRow {
  itemId: number;
  action: SpotlightActionKind;
  note?: string;
  answersItemId?: number;
  inviteKind?: string;
}

/** Records the action; the caller ties its id to the audit entry (undoAlsoRemovesSpotlightAction). */
export function recordSpotlightAction(db: Db, row: SpotlightActionRow, now: number): number {
  const id = Number(
    prepared(db, 'INSERT INTO spotlight_actions (item_id, action, note, answers_item_id, invite_kind, at) VALUES (?, ?, ?, ?, ?, ?)').run(
      row.itemId,
      row.action,
      row.note ?? null,
      row.answersItemId ?? null,
      row.inviteKind ?? null,
      now,
    ).lastInsertRowid,
  );
  return id;
}

/** Removes a recorded action (undo of the audit entry that recorded it). */
export function removeSpotlightAction(db: Db, id: number): void {
  prepared(db, 'DELETE FROM spotlight_actions WHERE id = ?').run(id);
}
