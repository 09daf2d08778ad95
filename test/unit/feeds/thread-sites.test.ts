// Issue 11, failure 5: a thread belongs to the site that published it. A feed on another host
// names a Ledgerly thread in thr:in-reply-to; it must not join that thread, wake a comment
// snoozed there "until the author writes again", or show up in that thread as "Official Support".
// One fixture server, reached under two host names: 127.0.0.1 is the blog's site, localhost
// plays the hostile host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemDetail } from '../../../common/types';
import type { Service } from '../../../main/app/service';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';
import { memoryService } from '../../support/seed';

const THREAD = 'https://ledgerly.typepad.example/notes/2026/11/bank-sync-changes-december.html';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

/** The fixture server's address under another host name: another site. */
const elsewhere = (path: string) => `http://localhost:${server.port}${path}`;

async function subscribe(service: Service, url: string): Promise<number> {
  const result = await service.client['feeds-subscribe']({ url, allowLocal: true });
  expect(result.fetch).toMatchObject({ status: 'ok', error: null });
  return result.feed.id;
}

async function commentsOf(service: Service, feedId: number): Promise<ItemDetail[]> {
  return service.client['items-query']({ feedId, limit: 100 });
}

async function threadAuthors(service: Service, itemId: number): Promise<string[]> {
  return (await service.client['item-context']({ id: itemId })).thread.map((item) => item.author);
}

describe('a thread belongs to the site that published it', () => {
  it('a feed on another host cannot join, wake or appear in the thread', async () => {
    const service = memoryService();
    const blog = await subscribe(service, server.url('/feeds/typepad-comments.atom'));
    const ruth = (await commentsOf(service, blog)).find((item) => item.author === 'Ruth Abernathy')!;
    await service.client['items-snooze']({ ids: [ruth.id], untilReply: true });

    const hostile = await subscribe(service, elsewhere('/feeds/thread-hijack.atom'));
    const planted = await commentsOf(service, hostile);
    expect(planted.map((item) => item.author).sort()).toEqual(['Official Support', 'Ruth Abernathy']);

    // Ruth's question still waits for her own reply, and her thread shows only the blog's comments.
    expect(await service.client['item-get']({ id: ruth.id })).toMatchObject({ status: 'snoozed', snoozeUntilReply: true });
    expect(await threadAuthors(service, ruth.id)).toEqual(['Kenji Nakamura', 'Ruth Abernathy', 'Oskar Lindqvist']);
    // The planted comments keep the address they claim, in a thread of their own site.
    expect(planted.every((item) => item.threadUrl === THREAD)).toBe(true);
    expect(await threadAuthors(service, planted[0]!.id)).toEqual(['Official Support', 'Ruth Abernathy']);
    await service.close();
  });

  it("the same site's feeds share the thread: the author writing again wakes the snooze", async () => {
    const service = memoryService();
    const blog = await subscribe(service, server.url('/feeds/typepad-comments.atom'));
    const ruth = (await commentsOf(service, blog)).find((item) => item.author === 'Ruth Abernathy')!;
    await service.client['items-snooze']({ ids: [ruth.id], untilReply: true });

    await subscribe(service, server.url('/feeds/typepad-post-comments.atom'));

    expect(await service.client['item-get']({ id: ruth.id })).toMatchObject({ status: 'new', backFromSnooze: true });
    expect(await threadAuthors(service, ruth.id)).toEqual(['Kenji Nakamura', 'Ruth Abernathy', 'Oskar Lindqvist', 'Ruth Abernathy']);
    await service.close();
  });

  it("a blog's comment feed on another host (a CDN) joins the blog's threads when the blog's page links it", async () => {
    const service = memoryService();
    const blog = await subscribe(service, server.url('/feeds/typepad-comments.atom'));
    const ruth = (await commentsOf(service, blog)).find((item) => item.author === 'Ruth Abernathy')!;
    await service.client['items-snooze']({ ids: [ruth.id], untilReply: true });

    // The blog's own page (on 127.0.0.1) vouches for its comment feed served from another host.
    const onCdn = elsewhere('/feeds/typepad-post-comments.atom');
    await subscribe(service, server.url(`/hostile/links-to/${encodeURIComponent(onCdn)}`));

    expect(await service.client['item-get']({ id: ruth.id })).toMatchObject({ status: 'new', backFromSnooze: true });
    expect(await threadAuthors(service, ruth.id)).toEqual(['Kenji Nakamura', 'Ruth Abernathy', 'Oskar Lindqvist', 'Ruth Abernathy']);
    await service.close();
  });

  it('hnrss-style feeds, whose threads are on news.ycombinator, share them across the feeds of their host', async () => {
    const service = memoryService();
    const thread = await subscribe(service, server.url('/feeds/hnrss-comments.xml'));
    const newest = await subscribe(service, server.url('/feeds/hnrss-newcomments.xml'));
    const [kelvin] = await commentsOf(service, newest);
    expect(kelvin).toMatchObject({ author: 'kelvin_r', threadUrl: 'https://news.ycombinator.example/item?id=46120871' });
    const context = await service.client['item-context']({ id: kelvin!.id });
    expect(context.thread.map((item) => item.feedId).sort()).toEqual([thread, newest].sort());
    await service.close();
  });
});
