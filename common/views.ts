// What each sidebar view shows, as a WHERE clause over items. Every clause is served by an index
// in db/migrations (items_by_status, items_by_route, items_by_published).
import type { ViewName } from './types';

export const VIEW_FILTERS: Record<ViewName, string> = {
  inbox: `i.status = 'new'`,
  service: `i.route = 'service' AND i.status = 'routed'`,
  spotlight: `i.route = 'spotlight' AND i.status = 'routed'`,
  ignored: `i.route = 'ignore' AND i.status = 'routed'`,
  snoozed: `i.status = 'snoozed'`,
  done: `i.status = 'done'`,
  all: `1 = 1`,
};
