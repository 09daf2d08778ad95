import type { FeatureHandlers } from '../../core/context';
import { runAndAnnounce, viewCounts, wakeDueSnoozes } from '../../core/changes';
import { undoLast } from '../../../db/tables/audit-log';
import { finishItems, noteItem, reopenItems, routeItems, snoozeItems } from './actions';
import { getItem, itemContext, listView, queryItems } from '../../../db/tables/items';

export const queueHandlers = {
  'views-counts': (ctx) => {
    wakeDueSnoozes(ctx);
    return viewCounts(ctx);
  },
  'items-list': (ctx, input) => {
    wakeDueSnoozes(ctx);
    return listView(ctx.db, input);
  },
  'item-get': (ctx, input) => getItem(ctx.db, input.id),
  'item-context': (ctx, input) => itemContext(ctx.db, input.id),
  'items-query': (ctx, input) => {
    wakeDueSnoozes(ctx);
    return queryItems(ctx.db, input);
  },
  'items-route': (ctx, input) => runAndAnnounce(ctx, 'route', () => routeItems(ctx.db, input.ids, input.route, ctx.now())),
  'items-done': (ctx, input) => runAndAnnounce(ctx, 'done', () => finishItems(ctx.db, input.ids, ctx.now())),
  'items-reopen': (ctx, input) => runAndAnnounce(ctx, 'reopen', () => reopenItems(ctx.db, input.ids, ctx.now())),
  'items-snooze': (ctx, input) =>
    runAndAnnounce(ctx, 'snooze', () => snoozeItems(ctx.db, input.ids, input.until === undefined ? { reply: true } : { at: Date.parse(input.until) }, ctx.now())),
  'item-note': (ctx, input) => runAndAnnounce(ctx, 'note', () => noteItem(ctx.db, input.id, input.note, ctx.now())),
  'items-undo': (ctx) => runAndAnnounce(ctx, 'undo', () => undoLast(ctx.db, ctx.now())),
} satisfies FeatureHandlers;
