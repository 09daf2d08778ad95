import type { Handlers } from '../../api/service';
import { countViews, getItem, listView, queryItems } from './queries';

export const queueHandlers = {
  'views-counts': (ctx) => countViews(ctx.db),
  'items-list': (ctx, input) => listView(ctx.db, input.view, input.limit, input.cursor),
  'item-get': (ctx, input) => getItem(ctx.db, input.id),
  'items-query': (ctx, input) => queryItems(ctx.db, input),
} satisfies Partial<Handlers>;
