import type { Handlers, ServiceContext } from '../../app/service';
import { finishItems, noteItem, reopenItems, routeItems, snoozeItems, undoLast, wakeSnoozed } from './actions';
import { announceChange, viewCounts } from './announce';
import { getItem, itemContext, listView, queryItems } from './queries';

/** Ends snoozes that are due before anything is read, so every door sees them back in the Inbox. */
export function awake(ctx: ServiceContext): void {
  if (wakeSnoozed(ctx.db, ctx.now()) > 0) announceChange(ctx, 'snooze-ended');
}

/**
 * Runs a moderator action and announces it once the caller has its answer: recounting every view
 * must not stand between a keypress and "stored".
 */
export function act<T>(ctx: ServiceContext, reason: string, run: () => T): T {
  const result = run();
  setImmediate(() => {
    if (ctx.db.open) announceChange(ctx, reason);
  });
  return result;
}

export const queueHandlers = {
  'views-counts': (ctx) => {
    awake(ctx);
    return viewCounts(ctx);
  },
  'items-list': (ctx, input) => {
    awake(ctx);
    return listView(ctx.db, input);
  },
  'item-get': (ctx, input) => getItem(ctx.db, input.id),
  'item-context': (ctx, input) => itemContext(ctx.db, input.id),
  'items-query': (ctx, input) => {
    awake(ctx);
    return queryItems(ctx.db, input);
  },
  'items-route': (ctx, input) => act(ctx, 'route', () => routeItems(ctx.db, input.ids, input.route, ctx.now())),
  'items-done': (ctx, input) => act(ctx, 'done', () => finishItems(ctx.db, input.ids, ctx.now())),
  'items-reopen': (ctx, input) => act(ctx, 'reopen', () => reopenItems(ctx.db, input.ids, ctx.now())),
  'items-snooze': (ctx, input) =>
    act(ctx, 'snooze', () => snoozeItems(ctx.db, input.ids, input.until === undefined ? { reply: true } : { at: Date.parse(input.until) }, ctx.now())),
  'item-note': (ctx, input) => act(ctx, 'note', () => noteItem(ctx.db, input.id, input.note, ctx.now())),
  'items-undo': (ctx) => act(ctx, 'undo', () => undoLast(ctx.db, ctx.now())),
} satisfies Partial<Handlers>;
