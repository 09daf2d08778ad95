// Five desktops against one team server, all triaging at once, with a server restart in the
// middle: every copy ends with the same queue, and each decision is applied exactly once.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startTestTeamServer, type TestTeamServer } from '../../support/team-server';
import { teamDesktop, type TestDesktop } from '../../support/team-desktop';

const NAMES = ['Dana', 'Sam', 'Lee', 'Ana', 'Kofi'];
let server: TestTeamServer;
let desktops: TestDesktop[] = [];
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 20_000, interval: 100 });

beforeAll(async () => {
  server = await startTestTeamServer({ moderators: NAMES, label: 'desktops_five' });
});
afterAll(async () => {
  for (const desktop of desktops) await desktop.close();
  await server.stop();
});

const queueOf = async (desktop: TestDesktop) =>
  (await desktop.service.client['items-list']({ view: 'all', limit: 200 })).items.map((item) => `${item.id}:${item.status}:${item.route ?? '-'}`).sort();

it('keeps five copies in step while five moderators route at once across a server restart', async () => {
  const ids = await server.seedComments(40);
  desktops = NAMES.map((name) => teamDesktop(server, name));
  for (const desktop of desktops) await eventually(async () => expect(await queueOf(desktop)).toHaveLength(40));
  const routes = ['service', 'spotlight', 'ignore'] as const;
  // Each moderator routes their own eight comments, one key at a time; the server restarts after the fourth round.
  for (let round = 0; round < 8; round += 1) {
    if (round === 4) await server.restart();
    await Promise.all(desktops.map((desktop, k) => desktop.service.client['items-route']({ ids: [ids[k * 8 + round]!], route: routes[(k + round) % 3]! })));
  }
  const expected = ids.map((id, n) => `${id}:routed:${routes[(Math.floor(n / 8) + (n % 8)) % 3]}`).sort();
  for (const desktop of desktops) {
    await eventually(async () => expect(await queueOf(desktop)).toEqual(expected));
    await eventually(async () => expect(await desktop.service.client['team-status']({})).toMatchObject({ online: true, outbox: 0, conflicts: 0 }));
  }
  const logged = await server.pool.query<{ n: string }>("SELECT count(*) AS n FROM changes WHERE body->>'kind' = 'state'");
  expect(Number(logged.rows[0]!.n)).toBe(40);
  // Everyone sees the others connected.
  const status = await desktops[0]!.service.client['team-status']({});
  expect(status.mode === 'team' && status.people.map((person) => person.name).sort()).toEqual(['Ana', 'Kofi', 'Lee', 'Sam']);
});
