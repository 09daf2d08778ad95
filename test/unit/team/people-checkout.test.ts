// Checking out before going offline, with two desktops against a real team server on a real
// PostgreSQL: Sam checks out comments (by `switchboard team checkout`), Dana's desktop shows them as
// his and refuses her routing key naming him; Sam, offline, routes them and, back online, they all
// apply with no conflict, while a comment he did not check out, which Dana routed meanwhile, comes
// back to him as a conflict. Opening or leaving a checked-out comment keeps it checked out.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestTeamServer, type TestTeamServer } from '../../support/team-server';
import { teamDesktop, type TestDesktop } from '../../support/team-desktop';
import { runCli } from '../../../main/doors/cli/program';

let server: TestTeamServer;
let dana: TestDesktop;
let sam: TestDesktop;
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 15_000, interval: 50 });

/** `switchboard --db FILE ...args` in this process, its output captured. */
async function cli(desktop: TestDesktop, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const hooks = { start: async () => 1, serve: async () => 1 };
  const code = await runCli(['--db', desktop.dbPath, ...args], hooks, { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) });
  return { code, out, err };
}

const rowOf = async (desktop: TestDesktop, id: number) => (await desktop.service.client['items-list']({ view: 'all', limit: 500 })).items.find((item) => item.id === id);

/** The lease the workspace holds on a comment, as PostgreSQL has it. */
async function leaseOf(id: number): Promise<{ holder: string | null; purpose: string | null }> {
  const result = await server.pool.query<{ holder: string | null; purpose: string | null }>(
    'SELECT m.name AS holder, c.lease_purpose AS purpose FROM comments c LEFT JOIN moderators m ON m.id = c.lease_holder WHERE c.id = $1',
    [id],
  );
  return result.rows[0]!;
}

beforeAll(async () => {
  server = await startTestTeamServer({ moderators: ['Dana', 'Sam'], label: 'people_checkout' });
});
afterAll(async () => {
  await dana?.close();
  await sam?.close();
  await server?.stop();
});

describe('checking out before going offline', () => {
  it("holds the comments for hours, shows them as Sam's on Dana's desktop, and lets his offline decisions through", async () => {
    // Seeded oldest first: the Inbox lists the last three first.
    const ids = await server.seedComments(6, { text: (n) => `Question ${n + 1}: when will the site be back?` });
    const checkedOut = ids.slice(3);
    const notCheckedOut = ids[0]!;
    dana = teamDesktop(server, 'Dana');
    sam = teamDesktop(server, 'Sam');
    await eventually(async () => expect(await rowOf(sam, ids.at(-1)!)).toBeDefined());
    await eventually(async () => expect(await rowOf(dana, ids.at(-1)!)).toBeDefined());

    const before = Date.now();
    const checkout = await cli(sam, 'team', 'checkout', '--limit', '3');
    expect(checkout.err).toBe('');
    expect(checkout.code).toBe(0);
    expect(checkout.out).toMatch(/^Checked out 3 comments of the Inbox until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(checkout.out).toContain('Nobody else holds any of them.');
    for (const id of checkedOut) expect(await leaseOf(id)).toEqual({ holder: 'Sam', purpose: 'checkout' });
    expect(await leaseOf(notCheckedOut)).toEqual({ holder: null, purpose: null });

    // Dana sees them as Sam's, cannot route one, and her own checkout leaves them out.
    for (const id of checkedOut) await eventually(async () => expect((await rowOf(dana, id))?.lease).toMatchObject({ holder: 'Sam', purpose: 'checkout' }));
    const until = Date.parse((await rowOf(dana, checkedOut[0]!))!.lease!.until);
    expect(until).toBeGreaterThanOrEqual(before + 8 * 3600_000 - 60_000);
    await expect(dana.service.client['items-route']({ ids: [checkedOut[0]!], route: 'ignore' })).rejects.toThrow(/Sam has checked this comment out/);
    const hers = JSON.parse((await cli(dana, '--json', 'team', 'checkout', '--limit', '1', '--hours', '1')).out);
    expect(hers).toMatchObject({ view: 'inbox', held: 1, heldByOthers: 3, holders: [{ name: 'Sam', count: 3 }] });
    expect((await cli(dana, 'team', 'checkin')).out).toContain('Gave back 1 comment you had checked out.');
    await eventually(async () => expect((await rowOf(sam, ids[2]!))?.lease).toBeUndefined());

    // Opening a checked-out comment and leaving it (the console claims and releases) keeps it checked out.
    expect(await sam.service.client['team-claim']({ itemId: checkedOut[0]!, purpose: 'open' })).toEqual({ held: true, lease: null });
    expect(await sam.service.client['team-release']({ itemId: checkedOut[0]! })).toEqual({ released: false });
    expect(await leaseOf(checkedOut[0]!)).toEqual({ holder: 'Sam', purpose: 'checkout' });

    // Sam goes offline; he routes what he checked out, and one comment he did not, which Dana routes meanwhile.
    await sam.stopSync();
    await sam.service.client['items-route']({ ids: checkedOut, route: 'spotlight' });
    await sam.service.client['items-route']({ ids: [notCheckedOut], route: 'service' });
    await dana.service.client['items-route']({ ids: [notCheckedOut], route: 'ignore' });
    await eventually(async () => expect(await dana.service.client['team-status']({})).toMatchObject({ outbox: 0 }));
    expect(await sam.service.client['team-status']({})).toMatchObject({ online: false, outbox: 4 });

    sam.startSync();
    await eventually(async () => expect(await sam.service.client['team-status']({})).toMatchObject({ online: true, outbox: 0, conflicts: 1 }));
    const conflicts = await sam.service.client['team-conflicts']({});
    expect(conflicts.map((conflict) => [conflict.itemId, conflict.mine.route, conflict.theirs?.route, conflict.theirs?.by])).toEqual([[notCheckedOut, 'service', 'ignore', 'Dana']]);
    for (const id of checkedOut) await eventually(async () => expect(await rowOf(dana, id)).toMatchObject({ status: 'routed', route: 'spotlight' }));
    // Routing finished his work on them: the leases went with it.
    for (const id of checkedOut) expect(await leaseOf(id)).toEqual({ holder: null, purpose: null });
    expect((await cli(sam, 'team', 'checkin')).out).toContain('You had no comment checked out.');
  });

  it('says plainly that a solo desktop has nothing to check out', async () => {
    const { tempDir } = await import('../../support/temp');
    const path = await import('node:path');
    const solo = { dbPath: path.join(tempDir(), 'solo.db') } as TestDesktop;
    const refused = await cli(solo, 'team', 'checkout');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/not in a team workspace, so there is nothing to check out/);
  });
});
