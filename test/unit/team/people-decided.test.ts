// Who made each decision, on every desktop of a team: the comment's detail names the moderator
// whose decision put it where it is, and when they made it (not when this copy heard of it), for
// decisions from the change log, this desktop's own (at once, offline too) and a conflict settled
// with "keep theirs". Solo, nothing is named. And how the detail pane says it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestTeamServer, type TestTeamServer } from '../../support/team-server';
import { teamDesktop, type TestDesktop } from '../../support/team-desktop';
import { addFeed, addItem, memoryService } from '../../support/seed';
import { decidedWords } from '../../../renderer/features/team/team-words';

let server: TestTeamServer;
const desktops: TestDesktop[] = [];
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 15_000, interval: 50 });

function open(name: string): TestDesktop {
  const desktop = teamDesktop(server, name);
  desktops.push(desktop);
  return desktop;
}
const detail = (desktop: TestDesktop, id: number) => desktop.service.client['item-get']({ id });
const decided = async (desktop: TestDesktop, id: number) => {
  const { decidedBy, decidedAt } = await detail(desktop, id);
  return { decidedBy, decidedAt: decidedAt === null ? null : Date.parse(decidedAt) };
};

beforeAll(async () => {
  server = await startTestTeamServer({ moderators: ['Dana', 'Sam'], label: 'people_decided' });
});
afterAll(async () => {
  for (const desktop of desktops) await desktop.close();
  await server?.stop();
});

describe('who made each decision', () => {
  it("names the moderator and the time of their decision on every desktop, a catch-up after a day offline included", async () => {
    const [routed, caughtUp, mine] = await server.seedComments(3);
    const dana = open('Dana');
    const sam = open('Sam');
    await eventually(async () => expect((await detail(sam, mine!)).id).toBe(mine));
    await eventually(async () => expect((await detail(dana, mine!)).id).toBe(mine));
    expect(await decided(sam, routed!)).toEqual({ decidedBy: null, decidedAt: null });

    const before = Date.now();
    await dana.service.client['items-route']({ ids: [routed!], route: 'spotlight' });
    // Dana's own desktop names her at once, before the server has it.
    expect(await decided(dana, routed!)).toEqual({ decidedBy: 'Dana', decidedAt: expect.any(Number) });
    await eventually(async () => expect((await decided(sam, routed!)).decidedBy).toBe('Dana'));
    expect((await decided(sam, routed!)).decidedAt).toBeGreaterThanOrEqual(before - 1000);

    // Sam offline while Dana decides: once back, his copy says when Dana decided, not when it arrived.
    await sam.stopSync();
    await dana.service.client['items-route']({ ids: [caughtUp!], route: 'service' });
    await eventually(async () => expect(await dana.service.client['team-status']({})).toMatchObject({ outbox: 0 }));
    const danaAt = (await decided(dana, caughtUp!)).decidedAt!;
    const reconnectAt = Date.now() + 5;
    await new Promise((resolve) => setTimeout(resolve, 10));
    sam.startSync();
    await eventually(async () => expect((await decided(sam, caughtUp!)).decidedBy).toBe('Dana'));
    const samSees = (await decided(sam, caughtUp!)).decidedAt!;
    expect(samSees).toBeLessThan(reconnectAt);
    expect(Math.abs(samSees - danaAt)).toBeLessThan(1000);

    // His own decision, offline: named at once; a conflict settled "keep theirs" names Dana again.
    await sam.stopSync();
    await sam.service.client['items-route']({ ids: [mine!], route: 'ignore' });
    expect((await decided(sam, mine!)).decidedBy).toBe('Sam');
    await dana.service.client['items-route']({ ids: [mine!], route: 'service' });
    await eventually(async () => expect(await dana.service.client['team-status']({})).toMatchObject({ outbox: 0 }));
    sam.startSync();
    await eventually(async () => expect(await sam.service.client['team-status']({})).toMatchObject({ online: true, outbox: 0, conflicts: 1 }));
    expect((await decided(sam, mine!)).decidedBy).toBe('Sam');
    const [conflict] = await sam.service.client['team-conflicts']({});
    await sam.service.client['team-resolve']({ conflictId: conflict!.id, keep: 'theirs' });
    expect(await detail(sam, mine!)).toMatchObject({ route: 'service', decidedBy: 'Dana' });
    expect(Date.parse((await detail(sam, mine!)).decidedAt!)).toBe(Date.parse(conflict!.theirs!.at!));
  });

  it('names nobody on a solo desktop', async () => {
    const service = memoryService();
    const id = addItem(service.context.db, { feedId: addFeed(service.context.db) });
    await service.client['items-route']({ ids: [id], route: 'service' });
    expect(await service.client['item-get']({ id })).toMatchObject({ route: 'service', decidedBy: null, decidedAt: null });
    await service.close();
  });

  it('says it in the detail pane: what was done, by whom, how long ago', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    const twoMinutesAgo = new Date(now - 2 * 60_000).toISOString();
    expect(decidedWords({ status: 'routed', route: 'spotlight', decidedBy: 'Dana', decidedAt: twoMinutesAgo }, 'Sam', now)).toBe('Routed to Spotlight by Dana · 2 minutes ago');
    expect(decidedWords({ status: 'routed', route: 'ignore', decidedBy: 'Sam', decidedAt: twoMinutesAgo }, 'Sam', now)).toBe('Ignored by you · 2 minutes ago');
    expect(decidedWords({ status: 'new', route: null, decidedBy: null, decidedAt: null }, null, now)).toBeNull();
  });
});
