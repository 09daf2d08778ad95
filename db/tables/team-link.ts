// The team link: which team server this copy follows, as whom, and how far it has read the change
// log. One row, present only in a team copy (db/migrations/015_team_copy.sql); solo files have none.
import type { Db } from '../connection';
import { prepared } from '../statements';
import { writeTransaction } from '../write';
import type { ModeratorRole } from '../../common/team-wire';

export interface TeamLink {
  serverUrl: string;
  token: string;
  moderatorId: number;
  moderatorName: string;
  moderatorRole: ModeratorRole;
  workspace: string;
  cursor: number;
  lastSyncAt: number | null;
  problem: string | null;
  revokedAt: number | null;
}

interface LinkRow {
  server_url: string;
  token: string;
  moderator_id: number;
  moderator_name: string;
  moderator_role: ModeratorRole;
  workspace: string;
  cursor: number;
  last_sync_at: number | null;
  problem: string | null;
  revoked_at: number | null;
}

/** The link, or null in a solo file. */
export function readTeamLink(db: Db): TeamLink | null {
  const row = prepared<[], LinkRow>(db, 'SELECT * FROM team_link').get();
  if (!row) return null;
  return {
    serverUrl: row.server_url,
    token: row.token,
    moderatorId: row.moderator_id,
    moderatorName: row.moderator_name,
    moderatorRole: row.moderator_role,
    workspace: row.workspace,
    cursor: row.cursor,
    lastSyncAt: row.last_sync_at,
    problem: row.problem,
    revokedAt: row.revoked_at,
  };
}

export function createTeamLink(db: Db, link: Pick<TeamLink, 'serverUrl' | 'token' | 'moderatorId' | 'moderatorName' | 'moderatorRole' | 'workspace'>, now: number): void {
  writeTransaction(db, () => {
    prepared(
      db,
      `INSERT INTO team_link (only, server_url, token, moderator_id, moderator_name, moderator_role, workspace, joined_at)
       VALUES (1, @serverUrl, @token, @moderatorId, @moderatorName, @moderatorRole, @workspace, @now)`,
    ).run({ ...link, now });
  });
}

/** The change log has been applied up to `cursor` (called inside the apply transaction). */
export function setTeamCursor(db: Db, cursor: number, now: number): void {
  prepared(db, 'UPDATE team_link SET cursor = ?, last_sync_at = ?, problem = NULL WHERE cursor <= ?').run(cursor, now, cursor);
}

/** Caught up with the log (nothing new): the last sync is now. */
export function markTeamSynced(db: Db, now: number): void {
  prepared(db, 'UPDATE team_link SET last_sync_at = ?, problem = NULL').run(now);
}

export function setTeamProblem(db: Db, problem: string | null): void {
  prepared(db, 'UPDATE team_link SET problem = ?').run(problem);
}

export function markTeamRevoked(db: Db, problem: string, now: number): void {
  prepared(db, 'UPDATE team_link SET revoked_at = ?, problem = ?').run(now, problem);
}

/** Who this desktop is, as the server said at (re)connect: an owner may have renamed the workspace or changed a role. */
export function updateTeamIdentity(db: Db, identity: { moderatorName: string; moderatorRole: ModeratorRole; workspace: string }): boolean {
  return (
    prepared(
      db,
      `UPDATE team_link SET moderator_name = @moderatorName, moderator_role = @moderatorRole, workspace = @workspace
        WHERE moderator_name IS NOT @moderatorName OR moderator_role IS NOT @moderatorRole OR workspace IS NOT @workspace`,
    ).run(identity).changes > 0
  );
}
