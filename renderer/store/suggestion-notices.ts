// What the toast says after suggestions are accepted or a rule applied: how many went where, by
// name when they are few, and how many were left because nothing was suggested for them.
import { ROUTE_LABELS } from '../../common/labels';
import { count } from '../../common/plural';
import type { ItemSummary, Route } from '../../common/types';
import { authorList, commentsOf } from './comment-names';

const ROUTES: readonly Route[] = ['service', 'spotlight', 'ignore'];

/** "2 to customer service and 1 to the community spotlight"; lanes with none are left out. */
export function byLane(byRoute: Record<Route, number>): string {
  const parts = ROUTES.filter((route) => byRoute[route] > 0).map((route) => `${byRoute[route].toLocaleString('en')} ${route === 'ignore' ? 'ignored' : `to ${ROUTE_LABELS[route].destination}`}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'none');
}

/** After `a`: the comments routed, named, and the ones skipped for lack of a suggestion. */
export function acceptNotice(routed: ItemSummary[], skipped: number): string {
  const left = skipped > 0 ? ` Skipped ${count(skipped, 'comment')} with no suggestion.` : '';
  const [only] = routed;
  if (routed.length === 0) return `No suggestion to accept: ${count(skipped, 'comment')} left for you to route.`;
  if (routed.length === 1 && only?.route) {
    const to = only.route === 'ignore' ? 'ignored' : `routed`;
    const where = only.route === 'ignore' ? '' : ` to ${ROUTE_LABELS[only.route].destination}`;
    return `Accepted the suggestion: ${to} ${commentsOf([only])}${where}.${left}`;
  }
  const lanes = Object.fromEntries(ROUTES.map((route) => [route, routed.filter((item) => item.route === route).length])) as Record<Route, number>;
  return `Accepted ${count(routed.length, 'suggestion')}: ${byLane(lanes)} (${authorList(routed)}).${left}`;
}

/** After "Accept all at or above N%", or applying a rule: how many, to which lanes. */
export function bulkNotice(what: string, summary: { count: number; byRoute: Record<Route, number>; capped?: boolean }): string {
  if (summary.count === 0) return `${what}: no comment qualified, nothing was routed.`;
  const rest = summary.capped ? ' More qualified than one action takes: run it again for the rest.' : '';
  return `${what}: routed ${count(summary.count, 'comment')}, ${byLane(summary.byRoute)}.${rest}`;
}
