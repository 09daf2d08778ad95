// Accepting suggestions: the comments go to the lanes suggested for them, mixed lanes in one
// audited action, so one undo takes all of them back.
import type { Db } from '../../../db/connection';
import { applyAction } from '../../../db/tables/audit-log';
import { itemSummaries } from '../../../db/tables/items';
import { inboxAbove, LANE_ORDER } from '../../../db/tables/suggestions';
import { SwitchboardError } from '../../../common/errors';
import type { AcceptSummary, ActionResult, Route } from '../../../common/types';
import { routedChange } from '../../core/routing';

/** Routes each comment to its lane (by id), as one action. */
function routeEach(db: Db, lanes: Map<number, Route>, detail: Record<string, unknown>, now: number): ActionResult {
  return applyAction(db, 'route', [...lanes.keys()], (item) => routedChange(item, lanes.get(item.id) as Route, now), { ...detail, accepted: true }, now);
}

/** Accepts the suggestions of these comments; the ones without a suggestion are named in `skipped`. */
export function acceptSuggestions(db: Db, ids: readonly number[], now: number): ActionResult & { skipped: number[] } {
  const items = itemSummaries(db, [...new Set(ids)]);
  const missing = ids.filter((id) => !items.some((item) => item.id === id));
  if (missing.length) throw new SwitchboardError('not-found', 'accept', `there is no comment with id ${missing.slice(0, 10).join(', ')}; it may have been deleted with its feed`);
  const suggested = new Map(items.flatMap((item) => (item.suggestion?.route ? [[item.id, item.suggestion.route] as const] : [])));
  const skipped = ids.filter((id) => !suggested.has(id));
  if (suggested.size === 0) {
    const which = ids.length === 1 ? `comment ${ids[0]} has` : `none of these ${ids.length} comments has`;
    throw new SwitchboardError('invalid-input', 'accept', `${which} a suggestion to accept; route ${ids.length === 1 ? 'it' : 'them'} by hand`);
  }
  return { ...routeEach(db, suggested, {}, now), skipped };
}

/** Every Inbox comment at least `threshold` sure, up to `most`: what accepting them routes, per lane. */
export function acceptableAbove(db: Db, threshold: number, most: number): { lanes: Map<number, Route>; summary: AcceptSummary } {
  const rows = inboxAbove(db, threshold, most);
  const lanes = new Map(rows.slice(0, most).map((row) => [row.id, LANE_ORDER[row.lane] as Route]));
  const byRoute: Record<Route, number> = { service: 0, spotlight: 0, ignore: 0 };
  for (const route of lanes.values()) byRoute[route] += 1;
  return { lanes, summary: { count: lanes.size, byRoute, capped: rows.length > most } };
}

/** Accepts every Inbox suggestion at least `threshold` sure (up to `most`), as one action; null when none qualified. */
export function acceptAbove(db: Db, threshold: number, most: number, now: number, expected?: number): { summary: AcceptSummary; result: ActionResult | null } {
  const { lanes, summary } = acceptableAbove(db, threshold, most);
  if (expected !== undefined && summary.count !== expected) {
    const percent = `${Math.round(threshold * 100)}%`;
    throw new SwitchboardError('conflict', 'accept', `the suggestions changed since you looked (they were scored again after learning): ${summary.count.toLocaleString('en')} Inbox ${summary.count === 1 ? 'comment is' : 'comments are'} now at or above ${percent}, not ${expected.toLocaleString('en')}; nothing was routed, look again`);
  }
  return { summary, result: lanes.size === 0 ? null : routeEach(db, lanes, { threshold }, now) };
}
