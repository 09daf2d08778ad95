// Issue 11, failure 6: feeds on this computer or the local network. A public page linking a host
// name that resolves to 127.0.0.1 must not get it subscribed and fetched unasked, an OPML file
// must not import http://169.254.169.254/, and a feed found on a page or imported from OPML is
// held to public addresses on every fetch, not only on redirects.
// 127.0.0.2 plays a public host (the service is told to classify it so); 127.0.0.1, reached as
// `localhost`, is the moderator's own computer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAddress } from '../../../common/ip-address';
import { openDatabase } from '../../../db/connection';
import { createService, type Service } from '../../../main/app/service';
import { followCommentFeeds } from '../../../main/features/feeds/follow';
import { inProcessRunner } from '../../../main/features/feeds/in-process-runner';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';

let local: FixtureServer;
let publicHost: FixtureServer;
beforeAll(async () => {
  local = await startFixtureServer();
  publicHost = await startFixtureServer({ host: '127.0.0.2' });
});
afterAll(async () => {
  await local.close();
  await publicHost.close();
});

function service(): Service {
  return createService({
    db: openDatabase(':memory:'),
    dbPath: ':memory:',
    version: '0.0.0-test',
    runner: inProcessRunner(),
    classifyAddress: (address) => (address === '127.0.0.2' ? 'public' : classifyAddress(address)),
  });
}

/** A page on the "public" host whose comment feed link is `feedUrl`. */
const pageLinking = (feedUrl: string) => publicHost.url(`/hostile/links-to/${encodeURIComponent(feedUrl)}`);

const terms = (app: Service, id: number) => app.context.db.prepare('SELECT origin, allow_local AS allowLocal, site FROM feeds WHERE id = ?').get(id);

describe('a feed on this computer or the local network needs the moderator to confirm it', () => {
  it('a public page linking a name that resolves to 127.0.0.1: asked first, and nothing is requested from it before', async () => {
    const app = service();
    const feedUrl = `http://localhost:${local.port}/feeds/atom10.xml`;
    const refusal = `subscribe: ${feedUrl} is on your own computer or local network (127.0.0.1); subscribe to it only if you trust it, and confirm: answer yes in the subscribe dialog, or add --allow-local to switchboard subscribe`;

    // The console: the candidate says where it points, and subscribing to it unconfirmed is refused.
    expect(await app.client['feeds-discover']({ url: pageLinking(feedUrl) })).toEqual([{ url: feedUrl, title: 'Comments', kind: 'comments', localAddress: '127.0.0.1' }]);
    await expect(app.client['feeds-subscribe']({ url: feedUrl })).rejects.toThrow(refusal);
    // The command line: the page address alone.
    await expect(app.client['feeds-subscribe']({ url: pageLinking(feedUrl) })).rejects.toThrow(refusal);
    expect(local.hits('/feeds/atom10.xml')).toBe(0);
    expect(await app.client['feeds-list']()).toEqual([]);

    const confirmed = await app.client['feeds-subscribe']({ url: pageLinking(feedUrl), allowLocal: true });
    expect(confirmed.fetch).toMatchObject({ status: 'ok', newItems: 4 });
    expect(terms(app, confirmed.feed.id)).toEqual({ origin: 'discovered', allowLocal: 1, site: '127.0.0.2' });
    await app.close();
  });

  it('a feed found on a page is held to public addresses on every fetch, with a plain error in feed health, until confirmed', async () => {
    const app = service();
    // Public when subscribing; when fetched, its address turns out to be this computer's.
    const feedUrl = publicHost.url('/feeds/atom10.xml');
    const result = await app.client['feeds-subscribe']({ url: pageLinking(feedUrl) });
    const blocked = {
      category: 'blocked',
      message:
        'refused to connect to 127.0.0.2, which is on this computer or the local network: this feed was found on a web page or in an OPML file. ' +
        'If you trust it, subscribe to its address again and confirm the local address (switchboard subscribe --allow-local)',
    };
    expect(result.fetch).toMatchObject({ status: 'error', error: blocked });
    expect(publicHost.hits('/feeds/atom10.xml')).toBe(0);
    const [health] = await app.client['feeds-list']();
    expect(health).toMatchObject({ id: result.feed.id, lastError: blocked });

    const again = await app.client['feeds-subscribe']({ url: feedUrl, allowLocal: true });
    expect(again.feed.id).toBe(result.feed.id);
    expect(again.fetch).toMatchObject({ status: 'ok', newItems: 4, error: null });
    await app.close();
  });

  it('a feed imported from OPML is refused a name that resolves to 127.0.0.1 when fetched; a typed one is not', async () => {
    const app = service();
    const { db } = app.context;
    const add = db.prepare("INSERT INTO feeds (url, site, origin, title, created_at) VALUES (?, 'localhost', ?, '', 0)");
    const imported = Number(add.run(`http://localhost:${local.port}/feeds/rss10-rdf.xml`, 'opml').lastInsertRowid);
    const typed = Number(add.run(`http://localhost:${local.port}/feeds/atom10.xml`, 'typed').lastInsertRowid);
    const [importedResult, typedResult] = await app.client['feeds-fetch']({ feedIds: [imported, typed] });
    expect(importedResult).toMatchObject({ status: 'error', error: { category: 'blocked', message: expect.stringMatching(/^refused to connect to 127\.0\.0\.1, which is on this computer/) } });
    expect(local.hits('/feeds/rss10-rdf.xml')).toBe(0);
    expect(typedResult).toMatchObject({ status: 'ok', newItems: 4 });
    await app.close();
  });

  it('OPML import leaves out feeds on this computer or the local network, saying why, unless confirmed', async () => {
    const app = service();
    const opml = `<opml version="2.0"><body>
      <outline text="Metadata" xmlUrl="http://169.254.169.254/latest/meta-data/"/>
      <outline text="Router" xmlUrl="http://[::1]:8080/feed"/>
      <outline text="Here" xmlUrl="http://localhost:${local.port}/feeds/atom10.xml"/>
      <outline text="Blog" xmlUrl="https://blog.example/comments/feed/"/>
    </body></opml>`;
    expect(await app.client['opml-import']({ opml })).toEqual({
      added: 1,
      alreadySubscribed: 0,
      skipped: [],
      local: [
        { url: 'http://169.254.169.254/latest/meta-data/', address: '169.254.169.254' },
        { url: 'http://[::1]:8080/feed', address: '[::1]' },
        { url: `http://localhost:${local.port}/feeds/atom10.xml`, address: 'localhost' },
      ],
    });
    expect(await app.client['opml-import']({ opml, allowLocal: true })).toEqual({ added: 3, alreadySubscribed: 1, skipped: [] });
    const rows = app.context.db.prepare('SELECT url, origin, allow_local AS allowLocal FROM feeds ORDER BY id').all();
    expect(rows).toEqual([
      { url: 'https://blog.example/comments/feed/', origin: 'opml', allowLocal: 0 },
      { url: 'http://169.254.169.254/latest/meta-data/', origin: 'opml', allowLocal: 1 },
      { url: 'http://[::1]:8080/feed', origin: 'opml', allowLocal: 1 },
      { url: `http://localhost:${local.port}/feeds/atom10.xml`, origin: 'opml', allowLocal: 1 },
    ]);
    await app.close();
  });

  it("a post's comment feed followed through a posts feed comes in on the posts feed's terms", async () => {
    const app = service();
    const { db } = app.context;
    const parent = Number(
      db.prepare("INSERT INTO feeds (url, site, origin, allow_local, kind, title, created_at) VALUES ('https://blog.example/feed/', 'blog.example', 'discovered', 0, 'posts', '', 0)").run().lastInsertRowid,
    );
    followCommentFeeds(db, { id: parent, url: 'https://blog.example/feed/', follow_days: 14 }, [{ url: 'https://blog.example/launch/feed/', title: 'Launch' }], 0);
    expect(db.prepare('SELECT site, origin, allow_local AS allowLocal FROM feeds WHERE parent_feed_id = ?').all(parent)).toEqual([{ site: 'blog.example', origin: 'discovered', allowLocal: 0 }]);
    await app.close();
  });

  it('a typed feed on 127.0.0.1 is refused unconfirmed and stored once confirmed', async () => {
    const app = service();
    const url = local.url('/feeds/atom10.xml');
    await expect(app.client['feeds-subscribe']({ url })).rejects.toThrow(`subscribe: ${url} is on your own computer or local network (127.0.0.1)`);
    expect(await app.client['feeds-list']()).toEqual([]);
    const result = await app.client['feeds-subscribe']({ url, allowLocal: true });
    expect(terms(app, result.feed.id)).toEqual({ origin: 'typed', allowLocal: 1, site: '127.0.0.1' });
    await app.close();
  });
});
