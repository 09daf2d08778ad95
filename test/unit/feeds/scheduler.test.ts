import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SwitchboardEvent } from '../../../common/events';
import { tick } from '../../../main/features/feeds/scheduler';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';
import { addFeed, memoryService } from '../../support/seed';

let server: FixtureServer;
let closedPort: number;
beforeAll(async () => {
  server = await startFixtureServer();
  // A port nothing listens on: connections are refused, as when the network is down.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => server.close());

describe('scheduler', () => {
  it('fetches what is due, then nothing until the interval passes', async () => {
    const service = memoryService();
    addFeed(service.context.db, 'Atom', server.url('/feeds/atom10.xml'));
    expect((await tick(service.context)).map((result) => result.newItems)).toEqual([4]);
    expect(await tick(service.context)).toEqual([]);
    await service.close();
  });

  it('does not call one dead site an outage', async () => {
    const service = memoryService();
    addFeed(service.context.db, 'Dead', `http://127.0.0.1:${closedPort}/gone.xml`);
    expect((await tick(service.context)).map((result) => result.error?.category)).toEqual(['network']);
    expect(service.context.feeds.online).toBe(true);
    await service.close();
  });

  it('goes offline when every feed fails to connect, probes with one feed, and comes back', async () => {
    const service = memoryService();
    const { db } = service.context;
    const events: SwitchboardEvent[] = [];
    service.events.subscribe((event) => events.push(event));
    const down = [1, 2, 3].map((n) => addFeed(db, `Down ${n}`, `http://127.0.0.1:${closedPort}/feed-${n}.xml`));

    const first = await tick(service.context);
    expect(first.map((result) => result.error?.category)).toEqual(['network', 'network', 'network']);
    expect(service.context.feeds.online).toBe(false);
    expect(events).toContainEqual({ name: 'network-changed', payload: { online: false } });
    expect(await service.client['app-info']()).toMatchObject({ online: false });

    // Still down: the next tick tries a single feed, not all of them.
    db.prepare('UPDATE feeds SET next_fetch_at = 0').run();
    expect(await tick(service.context)).toHaveLength(1);

    // The network is back: the probe succeeds and the failed feeds are due again at once.
    db.prepare('UPDATE feeds SET url = ? WHERE id = ?').run(server.url('/feeds/atom10.xml'), down[0]);
    db.prepare('UPDATE feeds SET next_fetch_at = CASE WHEN id = ? THEN 0 ELSE next_fetch_at END').run(down[0]);
    expect(await tick(service.context)).toMatchObject([{ feedId: down[0], status: 'ok' }]);
    expect(service.context.feeds.online).toBe(true);
    expect(events).toContainEqual({ name: 'network-changed', payload: { online: true } });
    const due = db.prepare('SELECT COUNT(*) FROM feeds WHERE next_fetch_at <= ?').pluck().get(service.context.now());
    expect(due).toBe(2);
    await service.close();
  });
});
