// The whole feed pipeline against a real HTTP server on 127.0.0.1 and a real SQLite database:
// every source format, refetching, edits, and hostile feeds side by side with healthy ones.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointsInward } from '../../../main/features/feeds/local-feeds';
import { ingestFeed } from '../../../main/features/feeds/pipeline';
import { storeOutcome, type FeedState } from '../../../main/features/feeds/store';
import { scoreArrivals } from '../../../main/features/suggestions/ingest';
import type { ItemDetail, SubscribeResult } from '../../../common/types';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';
import { addFeed, memoryService } from '../../support/seed';
import type { Service } from '../../../main/app/service';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

async function subscribed(service: Service, path: string): Promise<SubscribeResult> {
  return service.client['feeds-subscribe']({ url: server.url(path), allowLocal: true });
}

async function items(service: Service, feedId?: number): Promise<ItemDetail[]> {
  return service.client['items-query']({ feedId, limit: 1000 });
}

describe('ingesting each source format', () => {
  it.each([
    ['wordpress-comments.xml', ['Dana Okafor', 'Tomasz Wilk', 'Priya Raman', 'Marco Bellini', 'Jane Whitfield']],
    ['wordpress-post-comments.xml', ['Ahmed Farouk', 'Hostwise Support', 'Marco Bellini', 'Jane Whitfield']],
    ['typepad-comments.atom', ['Oskar Lindqvist', 'Ruth Abernathy', 'Kenji Nakamura', 'Amara Osei-Bonsu']],
    ['discourse-posts.rss', ['ines_costa', 'marcus_t', 'quietfox', 'devon_h', 'lukas.brandt']],
    ['discourse-topic.rss', ['sofia_tallyho', 'marcus_t', 'devon_h', 'priya.k', 'devon_h']],
    ['reddit-comments.atom', ['/u/dnsgremlin', '/u/throwaway_sysadmin22', '/u/mira-codes', '/u/ok_chair_4411']],
    ['hnrss-comments.xml', ['mhm', 'snowcrashed', 'jbrowne', 'pinhole_dev', 'kelvin_r']],
    ['rss10-rdf.xml', ['Ravi Menon', 'Grace Ng', 'Teodor Marin', 'Hannah Lowe']],
    ['atom10.xml', ['Aiko Tanaka', 'Miguel Santos', 'Eleanor Price', 'Jonas Berg']],
    ['atom03.xml', ['Ines Albuquerque', 'Paul Devereux', 'Yuki Sato']],
    ['atom-xhtml.xml', ['Mara Lindgren', 'Oren Katz', 'Sunita Rao']],
    ['no-guid.xml', ['Theo Marchetti', 'Liz Carter', 'Yusuf Demir', 'Ruben Castillo']],
    ['windows-1252.xml', ['Zoë Brontë', 'José Martín', 'Hélène Dubois']],
    ['utf8-bom.xml', ['Oluwaseun Adeyemi', 'Björn Åkesson', 'Chloé Martin']],
    ['rss091.xml', ['', '', '']],
  ])('%s: every comment, by its author, with sanitized content and a thread', async (file, authors) => {
    const service = memoryService();
    const result = await subscribed(service, `/feeds/${file}`);
    expect(result.fetch).toMatchObject({ status: 'ok', newItems: authors.length, error: null });
    const stored = await items(service, result.feed.id);
    expect(stored.map((item) => item.author).sort()).toEqual([...authors].sort());
    for (const item of stored) {
      expect(item.contentText.length).toBeGreaterThan(0);
      expect(item.contentHtml).not.toMatch(/<script|onerror=|javascript:/i);
      expect(item.guid.length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(item.publishedAt))).toBe(false);
    }
    await service.close();
  });

  it('decodes windows-1252 punctuation and strips characters XML forbids', async () => {
    const service = memoryService();
    const french = await subscribed(service, '/feeds/windows-1252.xml');
    const text = (await items(service, french.feed.id)).map((item) => item.contentText).join('\n');
    expect(text).toMatch(/’/);
    expect(text).toMatch(/€/);
    expect(text).not.toMatch(/[\u0080-\u009f]/);
    const bom = await subscribed(service, '/feeds/utf8-bom.xml');
    expect((await items(service, bom.feed.id)).map((item) => item.contentText).join('')).not.toMatch(/\u000b/);
    await service.close();
  });

  it('reads inline XHTML content in document order, sanitized like any other', async () => {
    const service = memoryService();
    const result = await subscribed(service, '/feeds/atom-xhtml.xml');
    expect(result.feed.title).toBe('Comments on Fernweh Cycling Notes');
    const stored = await items(service, result.feed.id);
    const byAuthor = (author: string) => stored.find((item) => item.author === author)!;
    expect(byAuthor('Mara Lindgren').contentText).toBe(
      "If the bead won't seat, take the valve core out with a core tool first, then inflate with a track pump in one go.\n\nSoapy water on the bead helps & costs nothing.",
    );
    expect(byAuthor('Mara Lindgren').contentHtml).toContain(
      '<code>a core tool</code> first, then inflate with a <a href="https://notes.fernweh-cycling.example/2026/05/track-pumps" rel="noopener noreferrer">track pump</a> in one go.',
    );
    const oren = byAuthor('Oren Katz');
    expect(oren.contentHtml).toContain('loses <strong>all</strong> its air');
    expect(oren.contentHtml).not.toMatch(/<script|alert|pixel\.gif/);
    expect(oren.threadTitle).toBe('"Tubeless conversion, step by step"');
    expect(byAuthor('Sunita Rao').contentText).toBe('Short version: check the rim tape before anything else.');
    await service.close();
  });

  it('finds the thread of each comment: Atom in-reply-to, Discourse source, WordPress link, per-post feed title', async () => {
    const service = memoryService();
    const typepad = await items(service, (await subscribed(service, '/feeds/typepad-comments.atom')).feed.id);
    expect(new Set(typepad.map((item) => item.threadUrl)).size).toBe(2);
    const discourse = await items(service, (await subscribed(service, '/feeds/discourse-posts.rss')).feed.id);
    expect(new Set(discourse.map((item) => item.threadTitle)).size).toBe(3);
    expect(discourse.every((item) => item.threadUrl && !item.threadUrl.endsWith('.rss'))).toBe(true);
    const wordpress = await items(service, (await subscribed(service, '/feeds/wordpress-comments.xml')).feed.id);
    expect(new Set(wordpress.map((item) => item.threadUrl)).size).toBe(2);
    expect(wordpress.every((item) => item.threadUrl && !item.threadUrl.includes('#'))).toBe(true);
    const perPost = await items(service, (await subscribed(service, '/feeds/wordpress-post-comments.xml')).feed.id);
    expect(new Set(perPost.map((item) => item.threadTitle))).toEqual(new Set(['Moving your DNS to Hostwise without downtime']));
    await service.close();
  });
});

describe('refetching', () => {
  it('inserts nothing when the feed is unchanged, and sends its validators (304)', async () => {
    const service = memoryService();
    const { feed } = await subscribed(service, '/feeds/atom10.xml');
    const [again] = await service.client['feeds-fetch']({ feedIds: [feed.id] });
    expect(again).toMatchObject({ feedId: feed.id, status: 'not-modified', newItems: 0 });
    expect(await items(service, feed.id)).toHaveLength(4);
    await service.close();
  });

  it('updates an edited comment and keeps every decision on it', async () => {
    const service = memoryService();
    server.setRoute('/feeds/edited.xml', 'edited-comment-v1.xml');
    const { feed } = await subscribed(service, '/feeds/edited.xml');
    const chris = (await items(service, feed.id)).find((item) => item.author === 'Chris Albright')!;
    service.context.db.prepare(`UPDATE items SET status = 'routed', route = 'service', note = 'asked twice' WHERE id = ?`).run(chris.id);

    server.setRoute('/feeds/edited.xml', 'edited-comment-v2.xml');
    const [second] = await service.client['feeds-fetch']({ feedIds: [feed.id] });
    expect(second).toMatchObject({ status: 'ok', newItems: 1 });
    const after = await items(service, feed.id);
    expect(after).toHaveLength(4);
    const edited = after.find((item) => item.id === chris.id)!;
    expect(edited.contentText).toContain('Edit:');
    expect(edited).toMatchObject({ status: 'routed', route: 'service', note: 'asked twice' });
    server.setRoute('/feeds/edited.xml', null);
    await service.close();
  });

  it('finds new comments by full-text search over text, author and thread title', async () => {
    const service = memoryService();
    await subscribed(service, '/feeds/wordpress-comments.xml');
    const byAuthor = await service.client['items-query']({ search: 'okafor' });
    expect(byAuthor.map((item) => item.author)).toEqual(['Dana Okafor']);
    const byThread = await service.client['items-query']({ search: 'dns guid' });
    expect(byThread.length).toBeGreaterThan(0);

    // The index follows a renamed thread and forgets deleted comments, in the same transaction.
    const { db } = service.context;
    db.prepare('UPDATE threads SET title = ? WHERE id = (SELECT thread_id FROM items WHERE author = ?)').run('Zanzibar migration notes', 'Dana Okafor');
    expect((await service.client['items-query']({ search: 'zanzibar' })).map((item) => item.author)).toContain('Dana Okafor');
    db.prepare('DELETE FROM feeds').run();
    expect(db.prepare('SELECT COUNT(*) FROM items_fts').pluck().get()).toBe(0);
    await service.close();
  });
});

describe('hostile feeds', () => {
  it('each ends in a categorized error within its bound while the healthy feeds of the same run still ingest', async () => {
    const service = memoryService();
    const db = service.context.db;
    const hostile: [string, string][] = [
      ['/hostile/malformed', 'parse'],
      ['/hostile/billion-laughs', 'blocked'],
      ['/hostile/huge', 'too-large'],
      ['/hostile/gzip-bomb', 'too-large'],
      ['/hostile/redirect-loop', 'redirect'],
      ['/hostile/gone', 'http-status'],
      ['/hostile/error', 'http-status'],
      ['/hostile/no-feed', 'not-a-feed'],
      ['/hostile/retry-after', 'http-status'],
    ];
    const ids = new Map<number, string>();
    for (const [path, category] of hostile) ids.set(addFeed(db, path, server.url(path)), category);
    const healthy = ['atom10.xml', 'rss10-rdf.xml', 'discourse-topic.rss'].map((file) => addFeed(db, file, server.url(`/feeds/${file}`)));

    const before = process.memoryUsage().rss;
    const results = await service.client['feeds-fetch']();
    const grown = process.memoryUsage().rss - before;

    for (const [id, category] of ids) expect(results.find((result) => result.feedId === id)?.error?.category, `feed ${id}`).toBe(category);
    for (const id of healthy) expect(results.find((result) => result.feedId === id)).toMatchObject({ status: 'ok', error: null });
    expect(grown).toBeLessThan(300 * 1024 * 1024);

    const feeds = await service.client['feeds-list']();
    const gone = feeds.find((feed) => feed.url.endsWith('/hostile/gone'))!;
    expect(gone).toMatchObject({ status: 'parked', lastError: { category: 'http-status' } });
    expect(gone.lastError?.message).toMatch(/gone \(410\)/);
    const limited = feeds.find((feed) => feed.url.endsWith('/hostile/retry-after'))!;
    expect(Date.parse(limited.nextFetchAt!)).toBeGreaterThanOrEqual(service.context.now() + 15 * 60_000);
    await service.close();
  }, 60_000);

  it.each([
    ['degenerate-items.xml', ['Ana Pereira', 'Kofi Mensah', 'Lin Zhao'], 5],
    ['degenerate-entries.atom', ['Rosa Jiménez', 'Sam Okoro'], 3],
  ])('%s: an empty or garbage entry is skipped and counted, never the feed', async (file, authors, skipped) => {
    const service = memoryService();
    const result = await subscribed(service, `/feeds/${file}`);
    expect(result.fetch).toMatchObject({ status: 'ok', newItems: authors.length, error: null, skippedEntries: skipped });
    const stored = await items(service, result.feed.id);
    expect(stored.map((item) => item.author).sort()).toEqual([...authors].sort());
    for (const item of stored) expect(item.contentText.length).toBeGreaterThan(0);
    // Fetched again through a run, the feed is unchanged (304): nothing new, nothing skipped.
    const again = await service.client['feeds-fetch']({ feedIds: [result.feed.id] });
    expect(again[0]).toMatchObject({ status: 'not-modified', newItems: 0 });
    expect(again[0]?.skippedEntries).toBeUndefined();
    await service.close();
  });
});

describe('subscribing by page address', () => {
  it('picks the comment feed a page links, and lists the others', async () => {
    const service = memoryService();
    const result = await subscribed(service, '/pages/wordpress-home.html');
    expect(result.feed.url).toBe(server.url('/feeds/wordpress-comments.xml'));
    expect(result.alternatives.map((candidate) => candidate.url)).toEqual([server.url('/feeds/wordpress-posts.xml')]);
    expect(result.fetch.newItems).toBe(5);
    await service.close();
  });

  it("on a post page, picks that post's own comment feed", async () => {
    const service = memoryService();
    const result = await subscribed(service, '/pages/wordpress-post.html');
    expect(result.feed.url).toBe(server.url('/feeds/wordpress-post-comments.xml'));
    await service.close();
  });

  it('finds a rel="alternate nofollow" Typepad comment feed', async () => {
    const service = memoryService();
    const result = await subscribed(service, '/pages/typepad-post.html');
    expect(result.feed.url).toBe(server.url('/feeds/typepad-comments.atom'));
    await service.close();
  });

  it("reads a page in the charset its <meta> names when the server sends none", async () => {
    const service = memoryService();
    const candidates = await service.client['feeds-discover']({ url: server.url('/pages/windows-1252-post.html') });
    await service.close();
    expect(candidates.map((candidate) => candidate.title)).toEqual([
      'Maison Torréfaction » Nouvelle machine : l’Expresso Duo Flux des commentaires',
      'Maison Torréfaction » Flux',
    ]);
  });

  it('explains a page with no feed, and a subscription twice', async () => {
    const service = memoryService();
    await expect(subscribed(service, '/pages/no-feed.html')).rejects.toThrow('subscribe: this page links no RSS or Atom feed; paste the address of its comment feed instead');
    await subscribed(service, '/feeds/atom10.xml');
    await expect(subscribed(service, '/feeds/atom10.xml')).rejects.toMatchObject({ code: 'conflict' });
    await expect(service.client['feeds-subscribe']({ url: 'ftp://files.example/feed' })).rejects.toThrow('subscribe: only http and https feeds can be fetched, not ftp; paste an address starting with https://');
    await service.close();
  });

  it("follows a posts feed's comment feeds on its own host only, and never one unsubscribed", async () => {
    // A posts feed served here whose posts point at comment feeds here, on another loopback
    // address and in a private network: only the first kind may be followed.
    const posts = http.createServer((_req, res) => {
      const origin = `http://127.0.0.1:${(posts.address() as AddressInfo).port}`;
      const item = (n: number, commentRss: string) =>
        `<item><title>Post ${n}</title><link>${origin}/post-${n}/</link><guid>${origin}/?p=${n}</guid><wfw:commentRss>${commentRss}</wfw:commentRss></item>`;
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(
        `<?xml version="1.0"?><rss version="2.0" xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel><title>Posts</title><link>${origin}/</link>
         ${item(1, `${origin}/post-1/feed/`)}${item(2, `${origin}/post-2/feed/`)}${item(3, 'http://192.168.1.1/cgi-bin/reboot')}${item(4, server.url('/feeds/atom10.xml'))}
         </channel></rss>`,
      );
    });
    await new Promise<void>((resolve) => posts.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(posts.address() as AddressInfo).port}`;
    const service = memoryService();
    const result = await service.client['feeds-subscribe']({ url: `${origin}/feed/`, allowLocal: true });
    expect(result.feed).toMatchObject({ kind: 'posts', followDays: 14, itemCount: 0 });
    const followed = () => service.client['feeds-list']().then((feeds) => feeds.filter((feed) => feed.parentFeedId === result.feed.id));
    expect((await followed()).map((feed) => feed.url).sort()).toEqual([`${origin}/post-1/feed/`, `${origin}/post-2/feed/`]);

    const [first] = await followed();
    await service.client['feeds-unsubscribe']({ id: first!.id, deleteItems: true });
    await service.client['feeds-fetch']({ feedIds: [result.feed.id] });
    expect((await followed()).map((feed) => feed.url)).toEqual([`${origin}/post-2/feed/`]);

    // Unsubscribing the posts feed takes its followed feeds with it.
    await service.client['feeds-unsubscribe']({ id: result.feed.id });
    expect(await service.client['feeds-list']()).toEqual([]);
    await service.close();
    posts.close();
  });

  it('drops feed links that point a public page into a private network', () => {
    expect(pointsInward('http://192.168.1.1/feed')).toBe(true);
    expect(pointsInward('http://localhost:8080/feed')).toBe(true);
    expect(pointsInward('http://[::1]/feed')).toBe(true);
    expect(pointsInward('https://blog.example.com/feed')).toBe(false);
    expect(pointsInward('http://8.8.8.8/feed')).toBe(false);
  });
});

describe('subscription life cycle', () => {
  it('a resubscribed feed starts afresh: no failure history, no follow expiry', async () => {
    const service = memoryService();
    const { db } = service.context;
    const id = (await subscribed(service, '/feeds/atom10.xml')).feed.id;
    await service.client['feeds-unsubscribe']({ id });
    db.prepare('UPDATE feeds SET error_count = 7, follow_until = 1, parent_feed_id = NULL WHERE id = ?').run(id);
    const again = await subscribed(service, '/feeds/atom10.xml');
    expect(again.feed).toMatchObject({ id, failuresInARow: 0, itemCount: 4, status: 'active' });
    expect(db.prepare('SELECT follow_until FROM feeds WHERE id = ?').pluck().get(id)).toBeNull();
    await service.close();
  });

  it('stores nothing for a feed unsubscribed while its fetch was under way', async () => {
    const service = memoryService();
    const { db } = service.context;
    const id = addFeed(db, 'x', server.url('/feeds/atom10.xml'));
    const feed = db.prepare('SELECT * FROM feeds WHERE id = ?').get(id) as FeedState;
    const outcome = await ingestFeed({ url: server.url('/feeds/atom10.xml') });
    await service.client['feeds-unsubscribe']({ id });
    expect(storeOutcome(db, feed, outcome, Date.now(), scoreArrivals)).toMatchObject({ newItems: 0 });
    expect(db.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(0);
    await service.close();
  });

  it('titles from pages and OPML files are plain text, control characters removed', async () => {
    const service = memoryService();
    const opml = `<opml version="2.0"><body><outline text="&lt;b&gt;Evil&lt;/b&gt; &#x1b;[2J&#x7;blog" xmlUrl="${server.url('/feeds/atom10.xml')}"/></body></opml>`;
    await service.client['opml-import']({ opml, allowLocal: true });
    const [feed] = await service.client['feeds-list']();
    expect(feed!.title).toBe('Evil [2Jblog');
    await service.close();
  });
});

describe('unsubscribing, samples and OPML', () => {
  it('keeps or deletes the comments, as asked', async () => {
    const service = memoryService();
    const keep = (await subscribed(service, '/feeds/atom10.xml')).feed.id;
    const drop = (await subscribed(service, '/feeds/rss10-rdf.xml')).feed.id;
    expect(await service.client['feeds-unsubscribe']({ id: keep })).toEqual({ feedId: keep, deletedItems: 0, keptItems: 4 });
    expect(await service.client['feeds-unsubscribe']({ id: drop, deleteItems: true })).toEqual({ feedId: drop, deletedItems: 4, keptItems: 0 });
    expect(await items(service)).toHaveLength(4);
    expect((await service.client['feeds-list']()).map((feed) => feed.id)).toEqual([]);
    await service.close();
  });

  it('loads the sample feeds through the pipeline, offline, and removes them', async () => {
    const service = memoryService();
    const results = await service.client['feeds-load-samples']();
    expect(results).toHaveLength(4);
    expect(results.every((result) => result.status === 'ok' && result.newItems > 0)).toBe(true);
    const feeds = await service.client['feeds-list']();
    expect(feeds.every((feed) => feed.isSample && feed.title.startsWith('Sample: '))).toBe(true);
    expect((await items(service)).length).toBeGreaterThanOrEqual(30);
    expect(await service.client['feeds-remove-samples']()).toEqual({ removedFeeds: 4 });
    expect(await items(service)).toHaveLength(0);
    await service.close();
  });

  it('imports OPML in one go and exports it back', async () => {
    const service = memoryService();
    const opml = `<opml version="2.0"><body>
      <outline text="A" xmlUrl="${server.url('/feeds/atom10.xml')}"/>
      <outline text="B" xmlUrl="${server.url('/feeds/rss10-rdf.xml')}"/>
      <outline text="bad" xmlUrl="javascript:alert(1)"/>
    </body></opml>`;
    expect(await service.client['opml-import']({ opml, allowLocal: true })).toEqual({
      added: 2,
      alreadySubscribed: 0,
      skipped: [{ url: 'javascript:alert(1)', reason: 'only http and https feeds can be fetched, not javascript' }],
    });
    expect(await service.client['opml-import']({ opml, allowLocal: true })).toMatchObject({ added: 0, alreadySubscribed: 2 });
    const fetched = await service.client['feeds-fetch']();
    expect(fetched.map((result) => result.newItems)).toEqual([4, 4]);
    const exported = await service.client['opml-export']();
    expect(exported.feeds).toBe(2);
    expect(exported.opml).toContain(`xmlUrl="${server.url('/feeds/atom10.xml')}"`);
    await service.close();
  });
});
