// Administering a workspace from the terminal (`switchboard team init|invite|revoke`): straight on
// PostgreSQL, no team server needed.
import type pg from 'pg';
import { SwitchboardError } from '../../common/errors';
import type { ModeratorRole, TeamModerator } from '../../common/team-wire';
import { migrateWorkspace } from '../../db/pg/migrate';
import { countModerators, revokeModerator, storeInvite } from '../../db/pg/tables/moderators';
import { nameWorkspace, readWorkspace } from '../../db/pg/tables/workspace';
import { hashToken, newToken } from './tokens';

/** How long an invite can be used. */
export const INVITE_DAYS = 7;

export interface Invite {
  moderator: TeamModerator;
  invite: string;
  until: number;
  /** What the new moderator runs on their desktop. */
  joinCommand: string;
}

const NAME = /^\S(.{0,98}\S)?$/;

export async function inviteModerator(pool: pg.Pool, name: string, role: ModeratorRole | undefined, now = Date.now()): Promise<Invite> {
  if (!NAME.test(name)) throw new SwitchboardError('invalid-input', 'team', `a moderator's name is 1 to 100 characters without spaces at either end, not "${name}"`);
  const invite = newToken('sbi_');
  const until = now + INVITE_DAYS * 24 * 3600 * 1000;
  const moderator = await storeInvite(pool, name, role, hashToken(invite), until, now);
  const serverUrl = (await readWorkspace(pool))?.serverUrl ?? 'http://TEAM-SERVER:PORT';
  return { moderator, invite, until, joinCommand: `switchboard team join ${serverUrl} --token ${invite}` };
}

export interface InitResult {
  schemaVersion: number;
  workspace: string;
  /** The first owner's invite, when this run made them. */
  owner: Invite | null;
}

/** Creates or upgrades the schema, names the workspace, and makes its first owner when it has none. */
export async function initWorkspace(pool: pg.Pool, options: { name?: string; owner?: string }): Promise<InitResult> {
  const schemaVersion = await migrateWorkspace(pool);
  const workspace = await nameWorkspace(pool, options.name, 'Team');
  const owner = (await countModerators(pool)) === 0 || options.owner !== undefined ? await inviteModerator(pool, options.owner ?? 'Owner', 'owner') : null;
  return { schemaVersion, workspace: workspace.name, owner };
}

export async function revoke(pool: pg.Pool, name: string): Promise<TeamModerator> {
  const revoked = await revokeModerator(pool, name);
  if (!revoked) throw new SwitchboardError('not-found', 'team', `there is no moderator named "${name}" in this workspace`);
  return revoked;
}
