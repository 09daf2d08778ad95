// Moderator actions on comments: route, finish, snooze, reopen, annotate; each one audited and
// undoable through the audit log.
import type { Db } from '../../../db/connection';
import { applyAction } from '../../../db/tables/audit-log';
import { routedChange, snoozedChange } from '../../core/routing';
import { SwitchboardError } from '../../../common/errors';
import type { ActionResult, Route } from '../../../common/types';

export function routeItems(db: Db, ids: number[], route: Route, now: number): ActionResult {
  return applyAction(db, 'route', ids, (item) => routedChange(item, route, now), { route }, now);
}

export function finishItems(db: Db, ids: number[], now: number): ActionResult {
  return applyAction(db, 'done', ids, { status: 'done', snoozed_until: null, snooze_until_reply: 0, back_from_snooze: 0 }, {}, now);
}

export function reopenItems(db: Db, ids: number[], now: number): ActionResult {
  return applyAction(db, 'reopen', ids, { status: 'new', route: null, routed_at: null, snoozed_until: null, snooze_until_reply: 0, back_from_snooze: 0 }, {}, now);
}

export function snoozeItems(db: Db, ids: number[], until: { at: number } | { reply: true }, now: number): ActionResult {
  if ('at' in until && until.at <= now) throw new SwitchboardError('invalid-input', 'snooze', 'the snooze must end in the future');
  return applyAction(db, 'snooze', ids, snoozedChange(until), 'at' in until ? { until: new Date(until.at).toISOString() } : { untilReply: true }, now);
}

export function noteItem(db: Db, id: number, note: string, now: number): ActionResult {
  return applyAction(db, 'note', [id], { note: note.trim() === '' ? null : note }, {}, now);
}
