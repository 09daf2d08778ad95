// An outbox of long notes goes in steps a request may carry: the team server refuses a body over
// TEAM_MAX_BODY_BYTES, so one step of up to TEAM_MAX_DECISIONS long notes was refused, stayed in
// the outbox and was sent again, refused again, for ever.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { TEAM_MAX_BODY_BYTES } from '../../../common/team-wire';
import { startTestTeamServer, type TestTeamServer } from '../../support/team-server';
import { teamDesktop } from '../../support/team-desktop';

let server: TestTeamServer;
beforeAll(async () => {
  server = await startTestTeamServer({ moderators: ['Dana'], label: 'push_size' });
});
afterAll(async () => server.stop());

it('sends an outbox larger than one request in several, and every note reaches the workspace', async () => {
  const ids = await server.seedComments(40);
  const dana = teamDesktop(server, 'Dana');
  try {
    await vi.waitFor(async () => expect((await dana.service.client['items-list']({ view: 'all', limit: 100 })).items).toHaveLength(40), { timeout: 15_000 });
    await dana.stopSync();
    // 10,000 characters of three bytes each, the longest note: 30 KB a note, 1.2 MB in all, over the limit.
    const note = '€'.repeat(10_000);
    for (const id of ids) await dana.service.client['item-note']({ id, note });
    expect(40 * Buffer.byteLength(note)).toBeGreaterThan(TEAM_MAX_BODY_BYTES);
    dana.startSync();
    await vi.waitFor(async () => expect(await dana.service.client['team-status']({})).toMatchObject({ outbox: 0, conflicts: 0, problem: null }), { timeout: 15_000, interval: 100 });
    const stored = await server.pool.query<{ n: string }>('SELECT count(*) AS n FROM comments WHERE note = $1', [note]);
    expect(Number(stored.rows[0]!.n)).toBe(40);
  } finally {
    await dana.close();
  }
});
