import type { Handlers } from '../../api/service';
import { countViews, getItem, listView } from './queries';

export const queueHandlers = {
  'views-counts': (ctx) => countViews(ctx.db),
  'items-list': (ctx, input) => listView(ctx.db, input.view, input.limit, input.cursor),
  'item-get': (ctx, input) => getItem(ctx.db, input.id),
} satisfies Partial<Handlers>;
