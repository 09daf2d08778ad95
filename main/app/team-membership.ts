// Joining and leaving a team workspace, for the CLI: file-level moves around the service, like a
// restore. Joining keeps the solo database aside whole and makes a fresh file at the same path the
// team copy; leaving swaps them back and keeps the team copy aside.
import os from 'node:os';
import { SwitchboardError } from '../../common/errors';
import type { TeamModerator } from '../../common/team-wire';
import { readTeamLink } from '../../db/tables/team-link';
import { outboxLength } from '../../db/tables/team-outbox';
import { databaseExists, moveDatabase, soloAside, teamAside } from '../features/team/copy-files';
import { linkCall, reasonOf } from '../features/team/http';
import { linkTeamCopy, redeemInvite, serverAddress } from '../features/team/join';
import { pull } from '../features/team/sync';
import { openService } from './open-service';
import type { Service } from './service';

async function withService<T>(dbPath: string, run: (service: Service) => Promise<T> | T): Promise<T> {
  const service = await openService(dbPath, { log: () => {}, damaged: 'refuse' });
  try {
    return await run(service);
  } finally {
    await service.close();
  }
}

export interface Joined {
  workspace: string;
  moderator: TeamModerator;
  server: string;
  /** Where the solo database is kept (null: there was none). */
  soloKeptAt: string | null;
  /** Why the workspace could not be copied now (null: it was); the console copies it when it opens. */
  notCopied: string | null;
}

export async function joinTeam(dbPath: string, url: string, invite: string): Promise<Joined> {
  const serverUrl = serverAddress(url);
  if (databaseExists(dbPath)) {
    const linked = await withService(dbPath, (service) => readTeamLink(service.context.db));
    if (linked) throw new SwitchboardError('conflict', 'team join', `${dbPath} is already a copy of the team workspace "${linked.workspace}" at ${linked.serverUrl}: leave it first (switchboard team leave)`);
    if (databaseExists(soloAside(dbPath))) throw new SwitchboardError('conflict', 'team join', `a solo database is already kept aside at ${soloAside(dbPath)}: move it somewhere else first, so joining does not overwrite it`);
  }
  // Nothing moves until the server took the invite: a refused one leaves this desktop as it was.
  const joined = await redeemInvite(serverUrl, invite, os.hostname());
  const keptAside = databaseExists(dbPath);
  if (keptAside) moveDatabase(dbPath, soloAside(dbPath), 'team join');
  const notCopied = await withService(dbPath, async (service) => {
    linkTeamCopy(service.context.db, serverUrl, joined, service.context.now());
    try {
      await pull(service.context, linkCall(service.context.team.fetch, readTeamLink(service.context.db)!));
      return null;
    } catch (error) {
      return reasonOf(error);
    }
  });
  return { workspace: joined.workspace.name, moderator: joined.moderator, server: serverUrl, soloKeptAt: keptAside ? soloAside(dbPath) : null, notCopied };
}

export interface Left {
  teamCopyKeptAt: string;
  soloRestored: boolean;
}

export async function leaveTeam(dbPath: string, force: boolean): Promise<Left> {
  const waiting = databaseExists(dbPath) ? await withService(dbPath, (service) => (readTeamLink(service.context.db) ? outboxLength(service.context.db) : null)) : null;
  if (waiting === null) throw new SwitchboardError('invalid-input', 'team leave', `${dbPath} is not a team copy: this desktop works alone already`);
  if (waiting > 0 && !force) {
    throw new SwitchboardError(
      'conflict',
      'team leave',
      `${waiting} decision${waiting === 1 ? ' has' : 's have'} not reached the team server yet: open the console until \`switchboard team status\` shows an empty outbox, or leave anyway with --force (they stay in the team copy kept aside)`,
    );
  }
  moveDatabase(dbPath, teamAside(dbPath), 'team leave');
  const soloRestored = databaseExists(soloAside(dbPath));
  if (soloRestored) moveDatabase(soloAside(dbPath), dbPath, 'team leave');
  return { teamCopyKeptAt: teamAside(dbPath), soloRestored };
}

export { soloAside };
