// What routing or snoozing does to a comment, as one audited change (db/tables/audit-log.ts):
// shared by the queue's keys, accepting suggestions and the rules acting on arriving comments, so
// a comment routed any of these ways ends up the same.
import type { Change, ItemState } from '../../db/tables/audit-log';
import type { Route } from '../../common/types';

/** Routed to `route`: into the service lane, a comment nobody has answered yet is open; one with a reply in hand keeps its place. */
export function routedChange(item: ItemState, route: Route, now: number): Change {
  const routed: Change = { status: 'routed', route, routed_at: now, snoozed_until: null, snooze_until_reply: 0, back_from_snooze: 0 };
  return route === 'service' ? { ...routed, service_state: item.service_state ?? 'open' } : routed;
}

/** Snoozed until a time, or until the author writes again in the same thread. */
export function snoozedChange(until: { at: number } | { reply: true }): Change {
  return 'at' in until
    ? { status: 'snoozed', snoozed_until: until.at, snooze_until_reply: 0, back_from_snooze: 0 }
    : { status: 'snoozed', snoozed_until: null, snooze_until_reply: 1, back_from_snooze: 0 };
}
