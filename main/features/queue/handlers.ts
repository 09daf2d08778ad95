import type { FeatureHandlers } from '../../core/context';
import { runAndAnnounce, viewCounts, catchUpBeforeRead } from '../../core/changes';
import { undoLast } from '../../../db/tables/audit-log';
import { triageAnswer } from '../../core/triage-answer';
import { finishItems, noteItem, reopenItems, routeItems, snoozeItems } from './actions';
import { queueReads } from './reads';
import { getItem, itemContext, itemSummaries, listView } from '../../../db/tables/items';

export const queueHandlers = {
  'views-counts': (ctx) => {
    catchUpBeforeRead(ctx);
    return viewCounts(ctx);
  },
  'items-list': (ctx, input) => {
    catchUpBeforeRead(ctx);
    // A search may rank thousands of matches: off the thread that answers keys (core/reads.ts).
    return input.search === undefined ? listView(ctx.db, input) : ctx.reads.run(queueReads.searchPage, input);
  },
  'items-matching-ids': (ctx, input) => {
    catchUpBeforeRead(ctx);
    return ctx.reads.run(queueReads.matchingIds, input);
  },
  'item-get': (ctx, input) => getItem(ctx.db, input.id),
  'item-context': (ctx, input) => itemContext(ctx.db, input.id),
  'items-query': (ctx, input) => {
    catchUpBeforeRead(ctx);
    return ctx.reads.run(queueReads.query, input);
  },
  'items-route': (ctx, input) => triageAnswer(ctx.db, runAndAnnounce(ctx, 'route', () => routeItems(ctx.db, input.ids, input.route, ctx.now())), input.next),
  'items-done': (ctx, input) => triageAnswer(ctx.db, runAndAnnounce(ctx, 'done', () => finishItems(ctx.db, input.ids, ctx.now())), input.next),
  'items-reopen': (ctx, input) => runAndAnnounce(ctx, 'reopen', () => reopenItems(ctx.db, input.ids, ctx.now())),
  'items-snooze': (ctx, input) =>
    triageAnswer(
      ctx.db,
      runAndAnnounce(ctx, 'snooze', () => snoozeItems(ctx.db, input.ids, input.until === undefined ? { reply: true } : { at: Date.parse(input.until) }, ctx.now())),
      input.next,
    ),
  'item-note': (ctx, input) => runAndAnnounce(ctx, 'note', () => noteItem(ctx.db, input.id, input.note, ctx.now())),
  'items-undo': (ctx, input) => {
    const result = runAndAnnounce(ctx, 'undo', () => undoLast(ctx.db, ctx.now(), input.auditIds));
    return { ...result, items: itemSummaries(ctx.db, result.itemIds) };
  },
} satisfies FeatureHandlers;
