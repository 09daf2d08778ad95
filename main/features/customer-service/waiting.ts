// Who is still waiting for the company's answer, and who has waited too long. Plain data: the
// list, the composer and the overdue count (views-counts, in SQL) follow the same rule.
import type { ItemSummary } from '../../../common/types';

const UNANSWERED = new Set(['open', 'drafted', 'ready']);

export function awaitingReply(item: Pick<ItemSummary, 'route' | 'serviceState'>): boolean {
  return item.route === 'service' && UNANSWERED.has(item.serviceState ?? '');
}

export function isOverdue(item: Pick<ItemSummary, 'route' | 'serviceState' | 'publishedAt'>, overdueHours: number, now = Date.now()): boolean {
  return awaitingReply(item) && now - Date.parse(item.publishedAt) > overdueHours * 3_600_000;
}
