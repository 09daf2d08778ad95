// What each sidebar view shows, written once as data: the SQL clause the queries use and the
// predicate the console uses to tell whether a comment still belongs in the view on screen are
// both made from this table. Every clause is served by an index in db/migrations
// (items_by_status, items_by_route, items_by_published).
import type { ItemSummary, ViewName } from './types';

type ItemPlace = Pick<ItemSummary, 'status' | 'route'>;

/** The status and route a comment must have to be in the view; a missing key matches anything. */
export const VIEW_RULES: Record<ViewName, Partial<{ status: ItemPlace['status']; route: NonNullable<ItemPlace['route']> }>> = {
  inbox: { status: 'new' },
  service: { route: 'service', status: 'routed' },
  spotlight: { route: 'spotlight', status: 'routed' },
  ignored: { route: 'ignore', status: 'routed' },
  snoozed: { status: 'snoozed' },
  done: { status: 'done' },
  all: {},
};

/** The view as a WHERE clause over `items i` (values are fixed words from the table above, never input). */
export function viewClause(view: ViewName): string {
  const rule = VIEW_RULES[view];
  const parts = [rule.route && `i.route = '${rule.route}'`, rule.status && `i.status = '${rule.status}'`].filter(Boolean);
  return parts.length ? parts.join(' AND ') : '1 = 1';
}

/** Whether a comment with this status and route is in the view. */
export function isInView(view: ViewName, item: ItemPlace): boolean {
  const rule = VIEW_RULES[view];
  return (rule.status === undefined || rule.status === item.status) && (rule.route === undefined || rule.route === item.route);
}
