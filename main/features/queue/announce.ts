// Telling every door that comments changed: the events carry the new counts of every view.
import type { ServiceContext } from '../../app/service';
import type { ViewCounts } from '../../../common/types';
import { readSettings } from '../settings/settings';
import { countViews } from './queries';

const HOUR = 60 * 60_000;

/** The sidebar counts, with customer-service items overdue by the threshold in Settings. */
export function viewCounts(ctx: ServiceContext): ViewCounts {
  return countViews(ctx.db, ctx.now() - readSettings(ctx.db).overdueHours * HOUR);
}

export function announceChange(ctx: ServiceContext, reason: string): void {
  ctx.events.emit('items-changed', { reason });
  ctx.events.emit('counts-changed', viewCounts(ctx));
}
