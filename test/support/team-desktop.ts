// A simulated desktop of a team workspace: its own SQLite file in a temp folder, its own service,
// joined as a moderator of a test team server (test/support/team-server.ts), its sync running.
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { createTeamLink } from '../../db/tables/team-link';
import { createService, type Service } from '../../main/app/service';
import { inProcessRunner } from '../../main/features/feeds/in-process-runner';
import { startTeamSync } from '../../main/features/team/sync';
import type { TestTeamServer } from './team-server';
import { tempDir } from './temp';

export interface TestDesktop {
  name: string;
  service: Service;
  dbPath: string;
  /** Stops the sync (the desktop goes on working on its copy). */
  stopSync(): Promise<void>;
  startSync(): void;
  close(): Promise<void>;
}

/** `name` must be one of the server's moderators (it holds their personal token). */
export function teamDesktop(server: TestTeamServer, name: string, dir = tempDir('switchboard-desktop-')): TestDesktop {
  const dbPath = path.join(dir, `${name}.db`);
  const service = createService({ db: openDatabase(dbPath), dbPath, version: '0.0.0-test', runner: inProcessRunner(), log: () => {} });
  const moderator = server.moderators[name];
  if (!moderator) throw new Error(`teamDesktop: ${name} is not a moderator of the test team server`);
  createTeamLink(service.context.db, { serverUrl: server.url, token: server.tokens[name]!, moderatorId: moderator.id, moderatorName: name, moderatorRole: moderator.role, workspace: 'Test team' }, Date.now());
  let stop: (() => Promise<void>) | null = null;
  const desktop: TestDesktop = {
    name,
    service,
    dbPath,
    async stopSync() {
      await stop?.();
      stop = null;
    },
    startSync() {
      // Quick retries: a test's server restarts in milliseconds.
      stop ??= startTeamSync(service.context, { retryMs: 50, maxRetryMs: 400, outboxCheckMs: 200, log: () => {} });
    },
    async close() {
      await desktop.stopSync();
      await service.close();
    },
  };
  desktop.startSync();
  return desktop;
}
