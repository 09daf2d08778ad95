// Telling every door that comments changed: the events carry the new counts of every view. Every
// feature that changes comments goes through these, so a door hears of each change once.
import type { ViewCounts } from '../../common/types';
import { overdueBefore } from '../../common/waiting';
import { readSettings } from '../../db/tables/settings';
import { countViews } from '../../db/tables/items';
import { wakeSnoozed } from '../../db/tables/snoozes';
import type { CoreContext } from './context';

/** The sidebar counts, with customer-service items overdue by the threshold in Settings. */
export function viewCounts(ctx: CoreContext): ViewCounts {
  return countViews(ctx.db, overdueBefore(ctx.now(), readSettings(ctx.db).overdueHours));
}

export function announceChange(ctx: CoreContext, reason: string): void {
  ctx.events.emit('items-changed', { reason });
  ctx.events.emit('counts-changed', viewCounts(ctx));
}

/** Ends snoozes that are due before anything is read, so every door sees them back in the Inbox. */
export function wakeDueSnoozes(ctx: CoreContext): void {
  if (wakeSnoozed(ctx.db, ctx.now()) > 0) announceChange(ctx, 'snooze-ended');
}

/**
 * Runs a moderator action and announces it once the caller has its answer: recounting every view
 * must not stand between a keypress and "stored".
 */
export function runAndAnnounce<T>(ctx: CoreContext, reason: string, run: () => T): T {
  const result = run();
  setImmediate(() => {
    if (ctx.db.open) announceChange(ctx, reason);
  });
  return result;
}
