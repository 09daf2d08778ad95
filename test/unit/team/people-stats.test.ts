// The dashboard's split by moderator: the decisions the workspace applied in a period, by who made
// them, read from a real team server on a real PostgreSQL through a desktop; a malformed period is
// refused in plain words.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestTeamServer, teamCall, type TestTeamServer } from '../../support/team-server';
import { teamDesktop, type TestDesktop } from '../../support/team-desktop';

let server: TestTeamServer;
const desktops: TestDesktop[] = [];
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 15_000, interval: 50 });
/** yyyy-mm-dd of this machine's day, `offset` days from today. */
const day = (offset = 0) => {
  const date = new Date();
  date.setDate(date.getDate() + offset);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

beforeAll(async () => {
  server = await startTestTeamServer({ moderators: ['Dana', 'Sam'], label: 'people_stats' });
});
afterAll(async () => {
  for (const desktop of desktops) await desktop.close();
  await server?.stop();
});

describe('decisions split by moderator', () => {
  it('counts what each moderator decided in the period, where they put the comments, most first', async () => {
    const ids = await server.seedComments(5);
    const dana = teamDesktop(server, 'Dana');
    const sam = teamDesktop(server, 'Sam');
    desktops.push(dana, sam);
    await eventually(async () => expect((await sam.service.client['item-get']({ id: ids[4]! })).id).toBe(ids[4]));
    await eventually(async () => expect((await dana.service.client['item-get']({ id: ids[4]! })).id).toBe(ids[4]));
    await dana.service.client['items-route']({ ids: [ids[0]!, ids[1]!], route: 'service' });
    await dana.service.client['items-route']({ ids: [ids[2]!], route: 'ignore' });
    await sam.service.client['items-route']({ ids: [ids[3]!], route: 'spotlight' });
    await sam.service.client['items-done']({ ids: [ids[3]!] });
    for (const desktop of [dana, sam]) await eventually(async () => expect(await desktop.service.client['team-status']({})).toMatchObject({ online: true, outbox: 0 }));

    expect(await sam.service.client['team-stats']({ from: day(-7), to: day() })).toEqual({
      moderators: [
        { name: 'Dana', service: 2, spotlight: 0, ignored: 1, snoozed: 0, done: 0, total: 3 },
        { name: 'Sam', service: 0, spotlight: 1, ignored: 0, snoozed: 0, done: 1, total: 2 },
      ],
    });
    expect(await dana.service.client['team-stats']({ from: day(-7), to: day(-1) })).toEqual({ moderators: [] });
  });

  it('refuses a malformed or backwards period, and answers only a moderator of the workspace', async () => {
    const token = server.tokens['Dana']!;
    const malformed = await teamCall<{ error: { code: string; message: string } }>(server.url, token, 'GET', '/stats?from=yesterday&to=1');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/at from/) });
    const backwards = await teamCall<{ error: { code: string; message: string } }>(server.url, token, 'GET', '/stats?from=2000&to=1000');
    expect(backwards.body.error.message).toMatch(/from must come before to/);
    expect((await teamCall(server.url, null, 'GET', '/stats?from=0&to=1')).status).toBe(401);
  });
});
