// Who else works in the workspace, as last heard: presence from the stream, revocations from the log.
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { ModeratorRole, PresenceAnswer } from '../../common/team-wire';

/** Replaces who is online with what the server said; everyone else stays known, offline. */
export function storePresence(db: Db, presence: PresenceAnswer, now: number): void {
  prepared(db, 'UPDATE team_people SET online = 0').run();
  const upsert = prepared(
    db,
    `INSERT INTO team_people (name, role, online, since, heard_at) VALUES (?, ?, 1, ?, ?)
     ON CONFLICT (name) DO UPDATE SET role = excluded.role, online = 1, since = excluded.since, heard_at = excluded.heard_at`,
  );
  for (const person of presence.online) upsert.run(person.name, person.role, person.since, now);
}

export function storeModerator(db: Db, moderator: { name: string; role: ModeratorRole; revoked: boolean }, now: number): void {
  prepared(
    db,
    `INSERT INTO team_people (name, role, online, heard_at, revoked) VALUES (?, ?, 0, ?, ?)
     ON CONFLICT (name) DO UPDATE SET role = excluded.role, revoked = excluded.revoked, online = CASE WHEN excluded.revoked = 1 THEN 0 ELSE team_people.online END`,
  ).run(moderator.name, moderator.role, now, moderator.revoked ? 1 : 0);
}

/** Everyone heard online, but this moderator. */
export function onlinePeople(db: Db, except: string): { name: string; role: ModeratorRole }[] {
  return prepared<[string], { name: string; role: ModeratorRole }>(db, 'SELECT name, role FROM team_people WHERE online = 1 AND revoked = 0 AND name != ? ORDER BY name').all(except);
}

/** Nobody is heard while this desktop is offline. */
export function forgetPresence(db: Db): void {
  prepared(db, 'UPDATE team_people SET online = 0 WHERE online = 1').run();
}
