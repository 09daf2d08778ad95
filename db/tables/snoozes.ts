// Snoozes ending: at their time, or when the author writes again in the same thread.
import type { Db } from '../connection';
import { prepared } from '../statements';

/**
 * Every read runs it first, so it must touch only the due ones: it seeks them in
 * items_snoozed_until, named so that SQLite cannot pick items_by_status and read every snoozed
 * comment (24 ms for 20,000 of them); the query-plan guard checks.
 */
export const WAKE_DUE_SQL = `UPDATE items INDEXED BY items_snoozed_until SET status = 'new', back_from_snooze = 1, snoozed_until = NULL WHERE status = 'snoozed' AND snoozed_until <= ?`;

/** Snoozes whose time has come end: the items return to the Inbox, marked as back from snooze. */
export function wakeSnoozed(db: Db, now: number): number {
  return prepared(db, WAKE_DUE_SQL).run(now).changes;
}

/**
 * For a batch of new comments (their ids): each ends the snoozes "until they write again" of its
 * author in its thread. One statement for the batch, after a look whether anything waits for a
 * reply at all (usually nothing does); an update per new comment cost more than storing it at 1M.
 * The waiting comments are found through the partial index that holds only them. New comments are
 * never snoozed, so none wakes itself.
 */
export function wakeOnReplies(db: Db, newItemIds: readonly number[]): number {
  if (newItemIds.length === 0) return 0;
  if (!prepared(db, `SELECT 1 FROM items WHERE status = 'snoozed' AND snooze_until_reply = 1 LIMIT 1`).get()) return 0;
  return prepared<[string]>(
    db,
    `UPDATE items SET status = 'new', back_from_snooze = 1, snooze_until_reply = 0
      WHERE id IN (SELECT waiting.id FROM items reply
                     JOIN items waiting INDEXED BY items_snoozed_reply
                       ON waiting.thread_id = reply.thread_id AND waiting.author = reply.author
                      AND waiting.status = 'snoozed' AND waiting.snooze_until_reply = 1
                    WHERE reply.id IN (SELECT value FROM json_each(?)))`,
  ).run(JSON.stringify(newItemIds)).changes;
}
