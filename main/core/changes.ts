// Telling every door that comments changed: the events carry the new counts of every view. Every
// feature that changes comments goes through these, so a door hears of each change once.
import type { ViewCounts } from '../../common/types';
import { overdueBefore } from '../../common/waiting';
import { readSettings } from '../../db/tables/settings';
import { countViews } from '../../db/tables/item-counts';
import { wakeSnoozed } from '../../db/tables/snoozes';
import { writtenElsewhere } from '../../db/data-version';
import type { CoreContext } from './context';

/** The sidebar counts, with customer-service items overdue by the threshold in Settings. */
export function viewCounts(ctx: CoreContext): ViewCounts {
  return countViews(ctx.db, overdueBefore(ctx.now(), readSettings(ctx.db).overdueHours));
}

/** `auditId`: the audit-log entry of the moderator action that made the change, when one did. */
export function announceChange(ctx: CoreContext, reason: string, auditId?: number): void {
  ctx.events.emit('items-changed', auditId === undefined ? { reason } : { reason, auditId });
  ctx.events.emit('counts-changed', viewCounts(ctx));
}

/**
 * Before anything is read: ends snoozes that are due, so every door sees them back in the Inbox,
 * and says so when another process changed comments, so consoles reload what they show.
 */
export function catchUpBeforeRead(ctx: CoreContext): void {
  // A read-only file (opened so, db/open-mode.ts, or because it is damaged) keeps its due snoozes:
  // waking them is a write, and a read must not fail for it.
  if (!ctx.db.readonly && wakeSnoozed(ctx.db, ctx.now()) > 0) announceChange(ctx, 'snooze-ended');
  else if (writtenElsewhere(ctx.db)) announceChange(ctx, 'elsewhere');
}

/** How often an open console's service looks for other processes' writes: one PRAGMA read. */
export const WATCH_MS = 2_000;

/**
 * While a console is open: notices writes by another process on the same file (the CLI in a
 * terminal, a second console) within WATCH_MS and announces them, so the console refreshes its
 * list, counts and feeds without waiting for the moderator's next read. Only SQLite's
 * data_version is read; nothing is written.
 */
export function watchOtherProcesses(ctx: CoreContext, everyMs = WATCH_MS): () => void {
  const timer = setInterval(() => {
    if (!ctx.db.open) return;
    try {
      if (!writtenElsewhere(ctx.db)) return;
      announceChange(ctx, 'elsewhere');
      // A terminal may have subscribed or unsubscribed too.
      ctx.events.emit('feeds-changed', {});
    } catch (error) {
      process.stderr.write(`switchboard: watching for other processes' changes: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The audit entry an action's result names (ActionResult, UndoResult), if it names one. */
function auditIdOf(result: unknown): number | undefined {
  return typeof result === 'object' && result !== null && 'auditId' in result && typeof result.auditId === 'number' ? result.auditId : undefined;
}

/**
 * Runs a moderator action and announces it once the caller has its answer: recounting every view
 * must not stand between a keypress and "stored". The event carries the action's audit id (its
 * result's `auditId`), so the console that made it need not reload; changes another process made
 * meanwhile, and snoozes that came due, are announced apart, so every console reloads for them.
 */
export function runAndAnnounce<T>(ctx: CoreContext, reason: string, run: () => T): T {
  const result = run();
  setImmediate(() => {
    if (!ctx.db.open) return;
    try {
      // A key is now the only call: it also brings back snoozes that came due and others' changes.
      catchUpBeforeRead(ctx);
      announceChange(ctx, reason, auditIdOf(result));
    } catch (error) {
      // Out of any call, nobody is waiting for this error (a full disk while waking a snooze):
      // it is logged, and the next read catches up; thrown, it would end the process.
      process.stderr.write(`switchboard: announce: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
  return result;
}
