// Leases on comments as the workspace's change log last said: who is working on what. The console
// shows another moderator's live lease on the row, and a moderator action on such a comment is
// refused here unless this desktop holds it (it took it over).
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { Lease } from '../../common/team-wire';
import type { TeamLease } from '../../common/types';
import { iso } from '../../common/time';

export function storeLease(db: Db, itemId: number, lease: Lease | null): void {
  if (!lease) {
    prepared(db, 'DELETE FROM team_leases WHERE item_id = ?').run(itemId);
    return;
  }
  prepared(
    db,
    `INSERT INTO team_leases (item_id, holder, holder_id, purpose, until) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (item_id) DO UPDATE SET holder = excluded.holder, holder_id = excluded.holder_id, purpose = excluded.purpose, until = excluded.until`,
  ).run(itemId, lease.holder, lease.holderId, lease.purpose, lease.until);
}

interface LeaseRow {
  item_id: number;
  holder: string;
  purpose: TeamLease['purpose'];
  until: number;
}

// Another's lease: held by anyone but the moderator of this copy's link (solo files hold no leases).
const OTHERS = `SELECT l.item_id, l.holder, l.purpose, l.until FROM team_leases l
  WHERE l.item_id IN (SELECT value FROM json_each(?)) AND l.until > ?
    AND l.holder_id IS NOT (SELECT moderator_id FROM team_link WHERE only = 1)`;

/** Live leases other moderators hold on these comments, by comment. */
export function othersLeases(db: Db, itemIds: readonly number[], now: number): Map<number, TeamLease> {
  const leases = new Map<number, TeamLease>();
  if (itemIds.length === 0) return leases;
  for (const row of prepared<[string, number], LeaseRow>(db, OTHERS).all(JSON.stringify(itemIds), now)) {
    leases.set(row.item_id, { holder: row.holder, purpose: row.purpose, until: iso(row.until) });
  }
  return leases;
}

/** This moderator's own live leases (renewed while they work). */
export function ownLeaseIds(db: Db, now: number): number[] {
  return prepared<[number], { item_id: number }>(db, 'SELECT item_id FROM team_leases WHERE until > ? AND holder_id = (SELECT moderator_id FROM team_link WHERE only = 1)')
    .all(now)
    .map((row) => row.item_id);
}

/** This moderator let go of a comment (the change log will say so too). */
export function dropOwnLease(db: Db, itemId: number, moderatorId: number): void {
  prepared(db, 'DELETE FROM team_leases WHERE item_id = ? AND holder_id = ?').run(itemId, moderatorId);
}
