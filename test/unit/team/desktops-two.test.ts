// Two desktops (separate SQLite files and services, each with its sync) against one real team
// server on a real PostgreSQL: what one moderator decides shows on the other's copy, a decision on
// a stale version comes back as a conflict the moderator settles, decisions made offline go once
// the desktop is back, across a server restart (none lost, none twice), another's lease refuses a key, and a revoked
// desktop stops and says why.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestTeamServer, type TestTeamServer } from '../../support/team-server';
import { teamDesktop, type TestDesktop } from '../../support/team-desktop';
import { revoke } from '../../../main/team-server/admin';

let server: TestTeamServer;
let desktops: TestDesktop[] = [];
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 15_000, interval: 50 });

function open(name: string): TestDesktop {
  const desktop = teamDesktop(server, name);
  desktops.push(desktop);
  return desktop;
}

const routeOf = async (desktop: TestDesktop, id: number) => {
  const [row] = await desktop.service.client['items-list']({ view: 'all', search: undefined }).then((page) => page.items.filter((item) => item.id === id));
  return row ? { status: row.status, route: row.route } : null;
};
const decidedBy = (desktop: TestDesktop, id: number) => (desktop.service.context.db.prepare('SELECT team_by FROM items WHERE id = ?').get(id) as { team_by: string | null } | undefined)?.team_by;

/** How many state changes the workspace logged for this comment (each applied decision logs one). */
async function stateChanges(id: number): Promise<number> {
  const result = await server.pool.query<{ n: string }>("SELECT count(*) AS n FROM changes WHERE body->>'kind' = 'state' AND (body->>'commentId')::int = $1", [id]);
  return Number(result.rows[0]!.n);
}

beforeAll(async () => {
  server = await startTestTeamServer({ moderators: ['Dana', 'Sam', 'Lee'], label: 'desktops_two' });
});
afterEach(async () => {
  for (const desktop of desktops.splice(0)) await desktop.close();
});
afterAll(async () => {
  await server.stop();
});

describe('two desktops', () => {
  it("shows a comment routed on one desktop as routed on the other, with who routed it", async () => {
    const [id] = await server.seedComments(1, { text: () => 'The site is down and my refund never came' });
    const dana = open('Dana');
    const sam = open('Sam');
    await eventually(async () => expect(await routeOf(sam, id!)).toEqual({ status: 'new', route: null }));
    await eventually(async () => expect(await routeOf(dana, id!)).not.toBeNull());
    await dana.service.client['items-route']({ ids: [id!], route: 'service' });
    await eventually(async () => expect(await routeOf(sam, id!)).toEqual({ status: 'routed', route: 'service' }));
    expect(decidedBy(sam, id!)).toBe('Dana');
    await eventually(async () => expect(await dana.service.client['team-status']({})).toMatchObject({ mode: 'team', online: true, outbox: 0, conflicts: 0 }));
  });

  it('turns a decision on a stale version into a conflict on that desktop; apply mine and keep theirs settle it', async () => {
    const [first, second] = await server.seedComments(2);
    const dana = open('Dana');
    const sam = open('Sam');
    await eventually(async () => expect(await routeOf(sam, second!)).not.toBeNull());
    await eventually(async () => expect(await routeOf(dana, second!)).not.toBeNull());
    await sam.stopSync();
    // Dana routes both while Sam, offline, routes them elsewhere on the versions he had.
    await dana.service.client['items-route']({ ids: [first!, second!], route: 'service' });
    await eventually(async () => expect(await dana.service.client['team-status']({})).toMatchObject({ outbox: 0 }));
    await sam.service.client['items-route']({ ids: [first!, second!], route: 'spotlight' });
    expect(await sam.service.client['team-status']({})).toMatchObject({ online: false, outbox: 2 });
    sam.startSync();
    await eventually(async () => expect(await sam.service.client['team-status']({})).toMatchObject({ online: true, outbox: 0, conflicts: 2 }));
    const conflicts = await sam.service.client['team-conflicts']({});
    expect(conflicts.map((conflict) => [conflict.itemId, conflict.reason, conflict.mine.route, conflict.theirs?.route, conflict.theirs?.by])).toEqual([
      [first, 'stale', 'spotlight', 'service', 'Dana'],
      [second, 'stale', 'spotlight', 'service', 'Dana'],
    ]);
    await sam.service.client['team-resolve']({ conflictId: conflicts[0]!.id, keep: 'mine' });
    await sam.service.client['team-resolve']({ conflictId: conflicts[1]!.id, keep: 'theirs' });
    await eventually(async () => expect(await routeOf(dana, first!)).toEqual({ status: 'routed', route: 'spotlight' }));
    expect(decidedBy(dana, first!)).toBe('Sam');
    expect(await routeOf(sam, first!)).toEqual({ status: 'routed', route: 'spotlight' });
    expect(await routeOf(sam, second!)).toEqual({ status: 'routed', route: 'service' });
    await eventually(async () => expect(await sam.service.client['team-status']({})).toMatchObject({ outbox: 0, conflicts: 0 }));
    expect(await sam.service.client['team-conflicts']({})).toEqual([]);
  });

  it('sends every decision made offline once it reconnects, across a team server restart: none lost, none applied twice', async () => {
    const ids = await server.seedComments(20);
    const dana = open('Dana');
    const sam = open('Sam');
    await eventually(async () => expect(await routeOf(sam, ids.at(-1)!)).not.toBeNull());
    await sam.stopSync();
    for (const id of ids.slice(0, 10)) await sam.service.client['items-route']({ ids: [id], route: 'ignore' });
    await sam.service.client['items-route']({ ids: ids.slice(10), route: 'service' });
    await sam.service.client['items-undo']({});
    await sam.service.client['items-route']({ ids: ids.slice(10), route: 'spotlight' });
    await server.restart();
    sam.startSync();
    await eventually(async () => expect(await sam.service.client['team-status']({})).toMatchObject({ online: true, outbox: 0, conflicts: 0 }));
    await eventually(async () => expect(await routeOf(dana, ids.at(-1)!)).toEqual({ status: 'routed', route: 'spotlight' }));
    for (const id of ids.slice(0, 10)) expect(await routeOf(dana, id)).toEqual({ status: 'routed', route: 'ignore' });
    for (const id of ids.slice(10)) expect(await routeOf(dana, id)).toEqual({ status: 'routed', route: 'spotlight' });
    // Each comment: one decision for the first ten; route, undo, route again for the rest.
    for (const id of ids.slice(0, 10)) expect(await stateChanges(id)).toBe(1);
    for (const id of ids.slice(10)) expect(await stateChanges(id)).toBe(3);
  });

  it('keeps working offline, says why, announces the growing outbox, and sends it all when the network is back', async () => {
    const ids = await server.seedComments(3);
    const dana = open('Dana');
    await eventually(async () => expect(await routeOf(dana, ids[2]!)).not.toBeNull());
    const sam = teamDesktop(server, 'Sam');
    desktops.push(sam);
    await eventually(async () => expect(await routeOf(sam, ids[2]!)).not.toBeNull());
    await sam.stopSync();
    let networkUp = false;
    const { startTeamSync } = await import('../../../main/features/team/sync');
    const stop = startTeamSync(sam.service.context, {
      retryMs: 50,
      maxRetryMs: 100,
      log: () => {},
      fetch: (input, init) => (networkUp ? fetch(input, init) : Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }))),
    });
    try {
      await eventually(async () => expect(await sam.service.client['team-status']({})).toMatchObject({ online: false, problem: expect.stringMatching(/cannot reach the team server .*ECONNREFUSED.*kept here and sent when it answers again/) }));
      let announced = 0;
      sam.service.events.subscribe((event) => void (event.name === 'team-changed' && (announced += 1)));
      await sam.service.client['items-route']({ ids, route: 'spotlight' });
      await eventually(() => expect(announced).toBeGreaterThan(0));
      expect(await sam.service.client['team-status']({})).toMatchObject({ online: false, outbox: 3 });
      expect(await routeOf(sam, ids[0]!)).toEqual({ status: 'routed', route: 'spotlight' });
      networkUp = true;
      await eventually(async () => expect(await sam.service.client['team-status']({})).toMatchObject({ online: true, outbox: 0, conflicts: 0, problem: null }));
      for (const id of ids) await eventually(async () => expect(await routeOf(dana, id)).toEqual({ status: 'routed', route: 'spotlight' }));
    } finally {
      await stop();
    }
  });

  it("leaves a console's undo alone when another moderator changed the comment since, as with another window's change", async () => {
    const [id] = await server.seedComments(1);
    const dana = open('Dana');
    const sam = open('Sam');
    await eventually(async () => expect(await routeOf(sam, id!)).not.toBeNull());
    await eventually(async () => expect(await routeOf(dana, id!)).not.toBeNull());
    const mine = await sam.service.client['items-route']({ ids: [id!], route: 'service' });
    await eventually(async () => expect(await routeOf(dana, id!)).toEqual({ status: 'routed', route: 'service' }));
    await dana.service.client['items-route']({ ids: [id!], route: 'spotlight' });
    await eventually(async () => expect(await routeOf(sam, id!)).toEqual({ status: 'routed', route: 'spotlight' }));
    const undone = await sam.service.client['items-undo']({ auditIds: [mine.auditId] });
    expect(undone).toMatchObject({ action: null, superseded: mine.auditId });
    expect(await routeOf(sam, id!)).toEqual({ status: 'routed', route: 'spotlight' });
    await eventually(async () => expect(await sam.service.client['team-status']({})).toMatchObject({ outbox: 0, conflicts: 0 }));
    expect(await routeOf(dana, id!)).toEqual({ status: 'routed', route: 'spotlight' });
  });

  it('applies a decision once when its answer was lost and the desktop sends it again', async () => {
    const [id] = await server.seedComments(1);
    let dropped = 0;
    const lee = teamDesktop(server, 'Lee');
    desktops.push(lee);
    await eventually(async () => expect(await routeOf(lee, id!)).not.toBeNull());
    await lee.stopSync();
    const { startTeamSync } = await import('../../../main/features/team/sync');
    // The server takes the first batch, and the connection drops before its answer arrives.
    const stop = startTeamSync(lee.service.context, {
      retryMs: 50,
      outboxCheckMs: 100,
      log: () => {},
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).endsWith('/decisions') && dropped++ === 0) throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
        return response;
      },
    });
    try {
      await lee.service.client['items-route']({ ids: [id!], route: 'service' });
      await eventually(async () => expect(await lee.service.client['team-status']({})).toMatchObject({ outbox: 0, conflicts: 0 }));
      expect(dropped).toBeGreaterThanOrEqual(2);
      expect(await stateChanges(id!)).toBe(1);
    } finally {
      await stop();
    }
  });

  it("refuses a routing key on a comment another moderator is replying to, naming them, until taken over", async () => {
    const [id] = await server.seedComments(1);
    const dana = open('Dana');
    const sam = open('Sam');
    await eventually(async () => expect(await routeOf(sam, id!)).not.toBeNull());
    await eventually(async () => expect(await routeOf(dana, id!)).not.toBeNull());
    expect(await dana.service.client['team-claim']({ itemId: id!, purpose: 'reply' })).toEqual({ held: true, lease: null });
    await eventually(async () => {
      const [row] = (await sam.service.client['items-list']({ view: 'inbox' })).items.filter((item) => item.id === id);
      expect(row?.lease).toMatchObject({ holder: 'Dana', purpose: 'reply' });
    });
    await expect(sam.service.client['items-route']({ ids: [id!], route: 'ignore' })).rejects.toThrow(/Dana is replying to this comment/);
    expect(await routeOf(sam, id!)).toEqual({ status: 'new', route: null });
    const refused = await sam.service.client['team-claim']({ itemId: id!, purpose: 'open' });
    expect(refused).toMatchObject({ held: false, lease: { holder: 'Dana', purpose: 'reply' } });
    expect(await sam.service.client['team-claim']({ itemId: id!, purpose: 'open', takeOver: true })).toEqual({ held: true, lease: null });
    await sam.service.client['items-route']({ ids: [id!], route: 'ignore' });
    await eventually(async () => expect(await routeOf(dana, id!)).toEqual({ status: 'routed', route: 'ignore' }));
    expect(await sam.service.client['team-conflicts']({})).toEqual([]);
  });

  it("shows a reply drafted on one desktop on the other, and the row free again once its author lets go", async () => {
    const [id] = await server.seedComments(1);
    const dana = open('Dana');
    const sam = open('Sam');
    await eventually(async () => expect(await routeOf(sam, id!)).not.toBeNull());
    await eventually(async () => expect(await routeOf(dana, id!)).not.toBeNull());
    await dana.service.client['team-claim']({ itemId: id!, purpose: 'reply' });
    await dana.service.client['draft-save']({ itemId: id!, body: 'Sorry about the outage, Member 1: refunds go out today.' });
    await eventually(async () => expect((await sam.service.client['item-get']({ id: id! })).draft?.body).toBe('Sorry about the outage, Member 1: refunds go out today.'));
    expect((await sam.service.client['item-get']({ id: id! })).lease).toMatchObject({ holder: 'Dana', purpose: 'reply' });
    expect(await dana.service.client['team-release']({ itemId: id! })).toEqual({ released: true });
    await eventually(async () => expect((await sam.service.client['item-get']({ id: id! })).lease).toBeUndefined());
    await sam.service.client['items-route']({ ids: [id!], route: 'service' });
    await eventually(async () => expect(await routeOf(dana, id!)).toEqual({ status: 'routed', route: 'service' }));
  });

  it("a reply drafted on a comment another moderator holds comes back as a reply conflict, and 'apply mine' puts it in the workspace", async () => {
    const [id] = await server.seedComments(1);
    const dana = open('Dana');
    const sam = open('Sam');
    await eventually(async () => expect(await routeOf(sam, id!)).not.toBeNull());
    await dana.service.client['team-claim']({ itemId: id!, purpose: 'reply' });
    await eventually(async () => expect((await sam.service.client['item-get']({ id: id! })).lease).toMatchObject({ holder: 'Dana' }));
    // Sam's copy takes his draft (a draft is not a routing key); the workspace refuses it while Dana holds the comment.
    await sam.service.client['draft-save']({ itemId: id!, body: 'Refunds go out today.' });
    await eventually(async () => expect(await sam.service.client['team-conflicts']({})).toHaveLength(1));
    const [conflict] = await sam.service.client['team-conflicts']({});
    expect(conflict).toMatchObject({ itemId: id, kind: 'draft', reason: 'leased' });
    await sam.service.client['team-resolve']({ conflictId: conflict!.id, keep: 'mine' });
    await eventually(async () => expect((await dana.service.client['item-get']({ id: id! })).draft?.body).toBe('Refunds go out today.'));
    expect(await sam.service.client['team-conflicts']({})).toEqual([]);
  });

  it('stops syncing a revoked desktop and says so in team-status', async () => {
    const dana = open('Dana');
    const lee = open('Lee');
    await eventually(async () => expect(await lee.service.client['team-status']({})).toMatchObject({ online: true }));
    await revoke(server.pool, 'Lee');
    await eventually(async () => expect(await lee.service.client['team-status']({})).toMatchObject({ online: false, problem: expect.stringMatching(/no longer accepts this desktop's token/) }));
    // It keeps working on its copy; nothing more reaches the workspace.
    const [id] = await server.seedComments(1);
    await eventually(async () => expect(await routeOf(dana, id!)).not.toBeNull());
    expect(await routeOf(lee, id!)).toBeNull();
  });
});
