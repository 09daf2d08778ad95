// This moderator's checkout (comments held for hours before going offline): which comments it
// holds, as the team copy's lease table says (the claim stores them, the change log confirms them).
import type { Db } from '../connection';
import { prepared } from '../statements';

const OWN_CHECKOUT = `SELECT item_id FROM team_leases
  WHERE purpose = 'checkout' AND until > ? AND holder_id = (SELECT moderator_id FROM team_link WHERE only = 1)`;

/** The comments this moderator has checked out, still live. */
export function ownCheckoutIds(db: Db, now: number): number[] {
  return prepared<[number], { item_id: number }>(db, `${OWN_CHECKOUT} ORDER BY item_id`)
    .all(now)
    .map((row) => row.item_id);
}

/** Whether this moderator has this comment checked out (then opening or replying to it must not shorten that lease). */
export function isOwnCheckout(db: Db, itemId: number, now: number): boolean {
  return prepared<[number, number], { item_id: number }>(db, `${OWN_CHECKOUT} AND item_id = ?`).get(now, itemId) !== undefined;
}
