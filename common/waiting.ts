// Who is still waiting for the company's answer, and who has waited too long: one rule, used by
// the list, the composer, the sidebar's overdue count and the dashboard (the SQL clause below is
// made from the same words).
import type { ItemSummary } from './types';

const HOUR = 3_600_000;
const UNANSWERED_STATES = ['open', 'drafted', 'ready'] as const;

/** Routed to customer service, not answered and not closed: snoozed or back in the Inbox, they still wait. */
export function awaitingReply(item: Pick<ItemSummary, 'status' | 'route' | 'serviceState'>): boolean {
  return item.route === 'service' && item.status !== 'done' && (UNANSWERED_STATES as readonly string[]).includes(item.serviceState ?? '');
}

/** Comments published before this time (ms) and still awaiting a reply are overdue. */
export function overdueBefore(now: number, overdueHours: number): number {
  return now - overdueHours * HOUR;
}

export function isOverdue(item: Pick<ItemSummary, 'status' | 'route' | 'serviceState' | 'publishedAt'>, overdueHours: number, now = Date.now()): boolean {
  return awaitingReply(item) && Date.parse(item.publishedAt) < overdueBefore(now, overdueHours);
}

/** awaitingReply as a WHERE clause over `items`. */
export const AWAITING_REPLY_SQL = `route = 'service' AND status <> 'done' AND service_state IN (${UNANSWERED_STATES.map((state) => `'${state}'`).join(', ')})`;
