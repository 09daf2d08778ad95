// Joining a team from this desktop: the invite is exchanged for this desktop's personal token
// (POST /join, the one call without a token), and the fresh team copy is linked with it.
import type { JoinAnswer } from '../../../common/team-wire';
import { inviteToken } from '../../../common/team-wire';
import { SwitchboardError } from '../../../common/errors';
import { createTeamLink } from '../../../db/tables/team-link';
import type { Db } from '../../../db/connection';
import { reasonOf, teamCall, TeamRefusal } from './http';
import type { FetchLike } from './runtime';

/** The server's address as given (`https://` may be written or not: http on loopback only). */
export function serverAddress(url: string): string {
  const written = /^[a-z]+:\/\//i.test(url) ? url : `https://${url}`;
  let parsed: URL;
  try {
    parsed = new URL(written);
  } catch {
    throw new SwitchboardError('invalid-input', 'team join', `${JSON.stringify(url)} is not a web address: give the team server's, like https://team.example.com`);
  }
  return parsed.origin;
}

export async function redeemInvite(serverUrl: string, invite: string, device: string, fetchImpl: FetchLike = fetch): Promise<JoinAnswer> {
  if (!inviteToken.safeParse(invite).success) throw new SwitchboardError('invalid-input', 'team join', 'the invite should start with sbi_ (as `switchboard team invite` printed it); check it was copied whole');
  try {
    return await teamCall<JoinAnswer>({ fetch: fetchImpl, serverUrl, token: null }, '/join', { invite, device });
  } catch (error) {
    if (error instanceof TeamRefusal) throw new SwitchboardError('invalid-input', 'team join', `the team server refused the invite: ${error.message}`);
    throw new SwitchboardError('unavailable', 'team join', `cannot reach the team server at ${serverUrl} (${reasonOf(error)}); nothing was changed on this desktop`);
  }
}

export function linkTeamCopy(db: Db, serverUrl: string, joined: JoinAnswer, now: number): void {
  createTeamLink(db, { serverUrl, token: joined.token, moderatorId: joined.moderator.id, moderatorName: joined.moderator.name, moderatorRole: joined.moderator.role, workspace: joined.workspace.name }, now);
}
