// PostgreSQL gone from under a running team server: desktops are told, in plain words, that the
// workspace cannot be reached right now (503, worth retrying), not that something broke inside.
import { expect, test } from 'vitest';
import type { TeamErrorBody } from '../../../common/team-wire';
import { openPool } from '../../../db/pg/pool';
import { initWorkspace } from '../../../main/team-server/admin';
import { createTeamServer } from '../../../main/team-server/server';
import { startPostgres } from '../../support/postgres';
import { teamCall } from '../../support/team-server';

test('with its database stopped, the server answers 503 and says the workspace cannot be reached', async () => {
  // A server of its own: this test stops it.
  const postgres = startPostgres();
  const pool = openPool(postgres.url());
  const server = createTeamServer({ pool, pgUrl: postgres.url(), log: () => {}, listener: { retryMs: 50 } });
  try {
    const { owner } = await initWorkspace(pool, { name: 'Gone' });
    const url = await server.listen(0, '127.0.0.1');
    const joined = await teamCall<{ token: string }>(url, null, 'POST', '/join', { invite: owner!.invite });
    postgres.stop();
    const answer = await teamCall<TeamErrorBody>(url, joined.body.token, 'GET', '/hello');
    expect(answer.status).toBe(503);
    expect(answer.body.error).toEqual({ code: 'unavailable', message: 'the team server cannot reach its PostgreSQL database right now: try again in a moment' });
  } finally {
    await server.close();
    await pool.end().catch(() => {});
    postgres.stop();
  }
});
