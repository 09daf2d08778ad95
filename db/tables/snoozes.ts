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
 * For a batch of new comments: each ends a snooze "until they write again" of the same author in
 * the same thread. Prepared once per batch.
 */
export function replyWaker(db: Db): (threadId: number, author: string, newItemId: number) => number {
  // Usually nothing waits for a reply: then a batch need not look for one per comment.
  const anyWaiting = prepared(db, `SELECT 1 FROM items WHERE status = 'snoozed' AND snooze_until_reply = 1 LIMIT 1`).get();
  if (!anyWaiting) return () => 0;
  const wake = prepared(db, 
    `UPDATE items SET status = 'new', back_from_snooze = 1, snooze_until_reply = 0
      WHERE status = 'snoozed' AND snooze_until_reply = 1 AND thread_id = ? AND author = ? AND id <> ?`,
  );
  return (threadId, author, newItemId) => wake.run(threadId, author, newItemId).changes;
}
