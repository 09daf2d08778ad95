// Subscribing downloads a feed once (issue 10, "Discover once"): a feed address costs one request
// from discovery to the first stored comments, a page address the page plus one fetch of the feed
// it picks. Counted at the fixture server, through the operations the console's subscribe dialog
// calls (feeds-discover, then feeds-subscribe with the chosen candidate) and through
// feeds-subscribe alone (what `switchboard subscribe` calls), in process and in the real worker.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { createService, type Service } from '../../../main/app/service';
import type { SubscribeResult } from '../../../common/types';
import { KEEP_DISCOVERED_MS } from '../../../main/features/feeds/discovered';
import { workerRunner } from '../../../main/features/feeds/runner';
import { inProcessRunner } from '../../../main/features/feeds/in-process-runner';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';
import { ensureBuilt } from '../../support/built-cli';

let server: FixtureServer;
beforeAll(async () => {
  ensureBuilt();
  server = await startFixtureServer();
}, 120_000);
afterAll(() => server?.close());

const WORKER = path.resolve(__dirname, '../../../out/main/ingest-worker.js');

function serviceWith(runner: 'in process' | 'worker thread', now = () => Date.UTC(2026, 10, 26, 12)): Service {
  return createService({
    db: openDatabase(':memory:'),
    dbPath: ':memory:',
    version: '0.0.0-test',
    now,
    runner: runner === 'in process' ? inProcessRunner() : workerRunner(WORKER, 1),
  });
}

/** The requests the server saw while `work` ran, as "GET /path". */
async function requestsDuring<T>(work: () => Promise<T>): Promise<{ result: T; requests: string[] }> {
  const before = server.requests().length;
  const result = await work();
  return { result, requests: server.requests().slice(before) };
}

/** What SubscribeDialog sends: discover the address, then subscribe to the candidate it preselects (the first). */
async function subscribeAsTheDialogDoes(service: Service, url: string): Promise<SubscribeResult> {
  const candidates = await service.client['feeds-discover']({ url });
  const chosen = candidates[0]!;
  const followDays = chosen.kind === 'posts' ? 14 : undefined;
  return await service.client['feeds-subscribe']({ url: chosen.url, allowLocal: true, ...(followDays ? { followDays } : {}) });
}

async function storedAuthors(service: Service, feedId: number): Promise<string[]> {
  const items = await service.client['items-query']({ feedId, limit: 1000 });
  return items.map((item) => item.author).sort();
}

const WORDPRESS_AUTHORS = ['Dana Okafor', 'Jane Whitfield', 'Marco Bellini', 'Priya Raman', 'Tomasz Wilk'];

describe.each(['in process', 'worker thread'] as const)('subscribing through the console, feed reader %s', (runner) => {
  it('a feed address: one request to the feed, and that download is what gets stored', async () => {
    const service = serviceWith(runner);
    const { result, requests } = await requestsDuring(() => subscribeAsTheDialogDoes(service, server.url('/feeds/wordpress-comments.xml')));
    expect(requests).toEqual(['GET /feeds/wordpress-comments.xml']);
    expect(result.feed).toMatchObject({ url: server.url('/feeds/wordpress-comments.xml'), title: 'Comments for Hostwise Blog', itemCount: 5 });
    expect(result.fetch).toEqual({ feedId: result.feed.id, status: 'ok', newItems: 5, error: null });
    expect(await storedAuthors(service, result.feed.id)).toEqual(WORDPRESS_AUTHORS);
    // The one download's validators were recorded: the next fetch is conditional and unchanged.
    const { result: again, requests: refetch } = await requestsDuring(() => service.client['feeds-fetch']({ feedIds: [result.feed.id] }));
    expect(again).toEqual([{ feedId: result.feed.id, status: 'not-modified', newItems: 0, error: null }]);
    expect(refetch).toEqual(['GET /feeds/wordpress-comments.xml']);
    await service.close();
  });

  it('a page address: one request to the page and one to the comment feed it picks', async () => {
    const service = serviceWith(runner);
    const { result, requests } = await requestsDuring(() => subscribeAsTheDialogDoes(service, server.url('/pages/wordpress-home.html')));
    expect(requests).toEqual(['GET /pages/wordpress-home.html', 'GET /feeds/wordpress-comments.xml']);
    expect(result.feed).toMatchObject({ url: server.url('/feeds/wordpress-comments.xml'), itemCount: 5 });
    expect(result.fetch).toMatchObject({ status: 'ok', newItems: 5 });
    expect(await storedAuthors(service, result.feed.id)).toEqual(WORDPRESS_AUTHORS);
    await service.close();
  });

  it('a feed address that redirects: the redirect once, the feed it lands on once', async () => {
    const service = serviceWith(runner);
    const redirect = `/hostile/redirect-to/${encodeURIComponent(server.url('/feeds/atom10.xml'))}`;
    const { result, requests } = await requestsDuring(() => subscribeAsTheDialogDoes(service, server.url(redirect)));
    expect(requests).toEqual([`GET ${redirect}`, 'GET /feeds/atom10.xml']);
    expect(result.feed).toMatchObject({ url: server.url('/feeds/atom10.xml'), itemCount: 4 });
    await service.close();
  });

  it('a posts feed: one request, and it is followed for the days the dialog sends', async () => {
    const service = serviceWith(runner);
    const { result, requests } = await requestsDuring(() => subscribeAsTheDialogDoes(service, server.url('/feeds/wordpress-posts.xml')));
    expect(requests).toEqual(['GET /feeds/wordpress-posts.xml']);
    expect(result.feed).toMatchObject({ kind: 'posts', followDays: 14, itemCount: 0 });
    expect(result.fetch).toMatchObject({ status: 'ok', error: null });
    await service.close();
  });
});

describe.each(['in process', 'worker thread'] as const)('feeds-subscribe alone (as `switchboard subscribe` calls it), feed reader %s', (runner) => {
  it('a feed address: one request to the feed, its comments stored', async () => {
    const service = serviceWith(runner);
    const url = server.url('/feeds/wordpress-comments.xml');
    const { result, requests } = await requestsDuring(() => service.client['feeds-subscribe']({ url, allowLocal: true }));
    expect(requests).toEqual(['GET /feeds/wordpress-comments.xml']);
    expect(result).toMatchObject({ feed: { url, itemCount: 5 }, alternatives: [], fetch: { status: 'ok', newItems: 5 } });
    expect(await storedAuthors(service, result.feed.id)).toEqual(WORDPRESS_AUTHORS);
    await service.close();
  });

  it('a page address: one request to the page and one to the feed', async () => {
    const service = serviceWith(runner);
    const { result, requests } = await requestsDuring(() => service.client['feeds-subscribe']({ url: server.url('/pages/wordpress-home.html'), allowLocal: true }));
    expect(requests).toEqual(['GET /pages/wordpress-home.html', 'GET /feeds/wordpress-comments.xml']);
    expect(result.alternatives.map((candidate) => candidate.url)).toEqual([server.url('/feeds/wordpress-posts.xml')]);
    expect(result.fetch).toMatchObject({ status: 'ok', newItems: 5 });
    await service.close();
  });
});

describe('the download discovery keeps', () => {
  it('is not used once a few minutes have passed: subscribing then downloads the feed afresh, and stores that', async () => {
    let now = Date.UTC(2026, 10, 26, 12);
    const service = serviceWith('in process', () => now);
    const url = server.url('/feeds/atom10.xml');
    const { result, requests } = await requestsDuring(async () => {
      await service.client['feeds-discover']({ url });
      now += KEEP_DISCOVERED_MS + 1;
      return await service.client['feeds-subscribe']({ url, allowLocal: true });
    });
    expect(requests).toEqual(['GET /feeds/atom10.xml', 'GET /feeds/atom10.xml']);
    expect(result.fetch).toMatchObject({ status: 'ok', newItems: 4 });
    await service.close();
  });

  it('serves one subscription: subscribing again after unsubscribing downloads the feed again', async () => {
    const service = serviceWith('in process');
    const url = server.url('/feeds/atom10.xml');
    const { requests } = await requestsDuring(async () => {
      const { feed } = await subscribeAsTheDialogDoes(service, url);
      await service.client['feeds-unsubscribe']({ id: feed.id });
      return service.client['feeds-subscribe']({ url, allowLocal: true });
    });
    expect(requests).toEqual(['GET /feeds/atom10.xml', 'GET /feeds/atom10.xml']);
    await service.close();
  });
});
