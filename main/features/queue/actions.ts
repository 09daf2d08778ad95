// Moderator actions on comments: route, finish, snooze, reopen, annotate; each one audited and
// undoable through the audit log.
import type { Db } from '../../../db/connection';
import { applyAction, type Change, type ItemState } from '../../../db/tables/audit-log';
import { SwitchboardError } from '../../../common/errors';
import type { ActionResult, Route } from '../../../common/types';

export function routeItems(db: Db, ids: number[], route: Route, now: number): ActionResult {
  const routed: Change = { status: 'routed', route, routed_at: now, snoozed_until: null, snooze_until_reply: 0, back_from_snooze: 0 };
  // Into the service lane, a comment nobody has answered yet is open; one with a reply in hand keeps its place.
  const change = (item: ItemState): Change => (route === 'service' ? { ...routed, service_state: item.service_state ?? 'open' } : routed);
  return applyAction(db, 'route', ids, change, { route }, now);
}

export function finishItems(db: Db, ids: number[], now: number): ActionResult {
  return applyAction(db, 'done', ids, { status: 'done', snoozed_until: null, snooze_until_reply: 0, back_from_snooze: 0 }, {}, now);
}

export function reopenItems(db: Db, ids: number[], now: number): ActionResult {
  return applyAction(db, 'reopen', ids, { status: 'new', route: null, routed_at: null, snoozed_until: null, snooze_until_reply: 0, back_from_snooze: 0 }, {}, now);
}

export function snoozeItems(db: Db, ids: number[], until: { at: number } | { reply: true }, now: number): ActionResult {
  if ('at' in until && until.at <= now) throw new SwitchboardError('invalid-input', 'snooze', 'the snooze must end in the future');
  const change: Change = 'at' in until ? { status: 'snoozed', snoozed_until: until.at, snooze_until_reply: 0, back_from_snooze: 0 } : { status: 'snoozed', snoozed_until: null, snooze_until_reply: 1, back_from_snooze: 0 };
  return applyAction(db, 'snooze', ids, change, 'at' in until ? { until: new Date(until.at).toISOString() } : { untilReply: true }, now);
}

export function noteItem(db: Db, id: number, note: string, now: number): ActionResult {
  return applyAction(db, 'note', [id], { note: note.trim() === '' ? null : note }, {}, now);
}
