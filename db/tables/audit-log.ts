// The audit log: every moderator action on comments is one transaction that records what it
// changed, with the exact prior state of every item it touched, so undo (several steps back, bulk
// actions included) restores it precisely. Every feature's actions go through applyAction.
import type { Db } from '../connection';
import { prepared } from '../statements';
import { removeSpotlightAction } from './spotlight-actions';
import { SwitchboardError } from '../../common/errors';
import type { ActionResult, TriageAction, UndoResult } from '../../common/types';
import { writeTransaction } from '../write';
import { othersLeases } from './team-leases';

/** The columns an action may change, as stored. */
export interface ItemState {
  id: number;
  status: string;
  route: string | null;
  routed_at: number | null;
  snoozed_until: number | null;
  snooze_until_reply: number;
  back_from_snooze: number;
  note: string | null;
  service_state: string | null;
  service_exported_at: number | null;
  resolution: string | null;
  answered_by: number | null;
  incident_id: number | null;
}

export type Change = Partial<Omit<ItemState, 'id'>>;

const STATE_COLUMNS =
  'id, status, route, routed_at, snoozed_until, snooze_until_reply, back_from_snooze, note, service_state, service_exported_at, resolution, answered_by, incident_id';
const MAX_BULK = 10_000;

function snapshot(db: Db, ids: number[]): ItemState[] {
  const placeholders = ids.map(() => '?').join(', ');
  const rows = db.prepare<number[], ItemState>(`SELECT ${STATE_COLUMNS} FROM items WHERE id IN (${placeholders})`).all(...ids);
  const missing = ids.filter((id) => !rows.some((row) => row.id === id));
  if (missing.length) {
    throw new SwitchboardError('not-found', 'items', `there is no comment with id ${missing.slice(0, 10).join(', ')}; it may have been deleted with its feed`);
  }
  return rows;
}

const WRITABLE = new Set(STATE_COLUMNS.split(', ').filter((column) => column !== 'id'));

function writeState(db: Db, id: number, change: Change): void {
  const columns = Object.keys(change).filter((column) => WRITABLE.has(column));
  db.prepare(`UPDATE items SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`).run({ ...change, id });
}

const PURPOSE_WORDS = { open: 'has this comment open', reply: 'is replying to this comment', checkout: 'has checked this comment out' } as const;

/**
 * In a team workspace, a comment another moderator holds (a live lease, as the change log said) is
 * theirs until they let go or this desktop takes it over (team-claim with takeOver): acting on it
 * here would come back as a conflict, so it is refused now, naming who holds it.
 */
function refuseOthersLeases(db: Db, ids: number[]): void {
  // Leases end on the team server's clock, the real one, whatever clock the action is stamped with.
  const held = othersLeases(db, ids, Date.now());
  const first = held.values().next().value;
  if (!first) return;
  const others = held.size > 1 ? ` (and ${held.size - 1} more of these comments are held by others)` : '';
  throw new SwitchboardError('conflict', 'team', `${first.holder} ${PURPOSE_WORDS[first.purpose]}${others}: take it over first (Take over, in the comment's pane) or leave it to them`);
}

/** Applies one change to every item in one transaction and records it, with its undo, in the audit log. */
export function applyAction(
  db: Db,
  action: TriageAction,
  ids: number[],
  change: Change | ((item: ItemState) => Change),
  detail: Record<string, unknown>,
  now: number,
): ActionResult {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new SwitchboardError('invalid-input', action, 'no comments were given');
  if (unique.length > MAX_BULK) throw new SwitchboardError('invalid-input', action, `at most ${MAX_BULK} comments at once`);
  return writeTransaction(db, () => {
    const before = snapshot(db, unique);
    refuseOthersLeases(db, unique);
    const decide = prepared(db, 'INSERT INTO decisions (item_id, route, status, decided_at) VALUES (?, ?, ?, ?)');
    for (const item of before) {
      const itemChange = typeof change === 'function' ? change(item) : change;
      if (Object.keys(itemChange).length > 0) writeState(db, item.id, itemChange);
      if (itemChange.status !== undefined) decide.run(item.id, itemChange.route === undefined ? item.route : itemChange.route, itemChange.status, now);
    }
    const auditId = Number(
      prepared(db, 'INSERT INTO audit_log (at, action, detail, undo) VALUES (?, ?, ?, ?)')
        .run(now, action, JSON.stringify({ ...detail, itemIds: unique }), JSON.stringify({ items: before })).lastInsertRowid,
    );
    return { action, itemIds: unique, auditId };
  });
}

/**
 * In a team copy: other moderators changed these comments (their decisions, applied from the
 * workspace's change log). Recorded as an entry nothing can undo, so a console's `z` on an older
 * action of its own sees the comment changed since and leaves it be, as for another window's change.
 */
export function recordOthersChange(db: Db, itemIds: readonly number[], by: readonly string[], now: number): void {
  if (itemIds.length === 0) return;
  prepared(db, "INSERT INTO audit_log (at, action, detail, undo) VALUES (?, 'team', ?, NULL)").run(now, JSON.stringify({ itemIds, by }));
}

/** Undoing audit entry `auditId` also removes spotlight action `actionId` (recorded in the same transaction). */
export function undoAlsoRemovesSpotlightAction(db: Db, auditId: number, actionId: number): void {
  prepared(db, `UPDATE audit_log SET undo = json_set(undo, '$.spotlightActionId', ?) WHERE id = ?`).run(actionId, auditId);
}

type UndoEntry = { id: number; action: string; undo: string };

/** The newest entry not yet undone; among `auditIds` only, when given. */
function newestUndoable(db: Db, auditIds: readonly number[] | undefined): UndoEntry | undefined {
  if (auditIds === undefined) return prepared<[], UndoEntry>(db, 'SELECT id, action, undo FROM audit_log WHERE undone_at IS NULL AND undo IS NOT NULL ORDER BY id DESC LIMIT 1').get();
  return prepared<[string], UndoEntry>(
    db,
    'SELECT id, action, undo FROM audit_log WHERE undone_at IS NULL AND undo IS NOT NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT 1',
  ).get(JSON.stringify(auditIds));
}

/** Whether a later action, not undone, changed one of this entry's comments (only another window or a terminal can have, when a console undoes its own newest). */
function changedSince(db: Db, entryId: number): boolean {
  return (
    prepared<[number], { found: number }>(
      db,
      `SELECT 1 AS found FROM audit_log AS later, audit_log AS entry
       WHERE entry.id = ? AND later.id > entry.id AND later.undone_at IS NULL
         AND EXISTS (SELECT 1 FROM json_each(later.detail, '$.itemIds') AS l JOIN json_each(entry.detail, '$.itemIds') AS e ON l.value = e.value)
       LIMIT 1`,
    ).get(entryId) !== undefined
  );
}

/**
 * Restores the items of the newest action not yet undone; with `auditIds` (the actions one console
 * made), the newest of those, so a console's z never undoes what a terminal or another window did.
 * Nor does it overwrite their later change to the same comments: such an action of the console's
 * is left as it is and named as `superseded` (the console forgets it; z again goes further back).
 */
export function undoLast(db: Db, now: number, auditIds?: readonly number[]): UndoResult {
  return writeTransaction(db, (): UndoResult => {
    const entry = newestUndoable(db, auditIds);
    if (!entry) return { action: null, itemIds: [], auditId: null };
    const { items, spotlightActionId } = JSON.parse(entry.undo) as { items: ItemState[]; spotlightActionId?: number };
    if (auditIds !== undefined && changedSince(db, entry.id)) return { action: null, itemIds: items.map((item) => item.id), auditId: null, superseded: entry.id };
    if (spotlightActionId !== undefined) removeSpotlightAction(db, spotlightActionId);
    const present = new Set(db.prepare<[], { id: number }>(`SELECT id FROM items WHERE id IN (${items.map((item) => Number(item.id)).join(', ') || 'NULL'})`).all().map((row) => row.id));
    for (const { id, ...state } of items) if (present.has(id)) writeState(db, id, state);
    prepared(db, 'UPDATE audit_log SET undone_at = ? WHERE id = ?').run(now, entry.id);
    return { action: entry.action as UndoResult['action'], itemIds: items.map((item) => item.id).filter((id) => present.has(id)), auditId: entry.id };
  });
}
