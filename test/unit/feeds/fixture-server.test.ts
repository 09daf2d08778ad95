// Smoke test of the fixture server other feed tests rely on.
import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../server/fixture-server';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A plain request: no redirects followed, no decompression. */
function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

describe('fixture server', () => {
  it('serves a feed with validators and answers a repeated request with 304', async () => {
    const first = await get(server.url('/feeds/wordpress-comments.xml'));
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(first.body.toString('utf8')).toContain('<title>Comments for Hostwise Blog</title>');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['last-modified']).toBeTruthy();

    const again = await get(server.url('/feeds/wordpress-comments.xml'), { 'If-None-Match': etag ?? '' });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    const since = await get(server.url('/feeds/wordpress-comments.xml'), { 'If-Modified-Since': first.headers['last-modified'] ?? '' });
    expect(since.status).toBe(304);
    expect(server.hits('/feeds/wordpress-comments.xml')).toBe(3);
    expect(server.requests().slice(0, 3)).toEqual(Array(3).fill('GET /feeds/wordpress-comments.xml'));
  });

  it('sends windows-1252.xml without a charset and Atom with its own type', async () => {
    const win = await get(server.url('/feeds/windows-1252.xml'));
    expect(win.headers['content-type']).toBe('application/rss+xml');
    expect(win.body.includes(0x80)).toBe(true); // € as one windows-1252 byte, not UTF-8
    const atom = await get(server.url('/feeds/typepad-comments.atom'));
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  });

  it('serves pages whose feed links resolve to /feeds/ on this server', async () => {
    const page = await get(server.url('/pages/wordpress-home.html'));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const href = /title="Hostwise Blog &raquo; Comments Feed" href="([^"]+)"/.exec(page.body.toString('utf8'))?.[1];
    expect(new URL(href ?? '', server.url('/pages/wordpress-home.html')).href).toBe(server.url('/feeds/wordpress-comments.xml'));
  });

  it('answers the status routes', async () => {
    expect((await get(server.url('/hostile/gone'))).status).toBe(410);
    expect((await get(server.url('/hostile/error'))).status).toBe(500);
    const limited = await get(server.url('/hostile/retry-after'));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('120');
    const down = await get(server.url('/hostile/unavailable'));
    expect(down.status).toBe(503);
    expect(Date.parse(down.headers['retry-after'] ?? '') - Date.now()).toBeGreaterThan(59 * 60_000);
    expect((await get(server.url('/nothing/here'))).status).toBe(404);
    expect((await get(server.url('/feeds/..%2Fpages%2Fno-feed.html'))).status).toBe(404);
  });

  it('redirects in a loop, down a chain, and to a given URL', async () => {
    const loop = await get(server.url('/hostile/redirect-loop'));
    expect(loop.status).toBe(302);
    expect(loop.headers.location).toBe('/hostile/redirect-loop-a');
    expect((await get(server.url('/hostile/redirect-loop-a'))).headers.location).toBe('/hostile/redirect-loop-b');
    expect((await get(server.url('/hostile/redirect-loop-b'))).headers.location).toBe('/hostile/redirect-loop-a');

    expect((await get(server.url('/hostile/redirect-chain/2'))).headers.location).toBe('/hostile/redirect-chain/1');
    const end = await get(server.url('/hostile/redirect-chain/0'));
    expect(end.status).toBe(200);
    expect(end.body.toString('utf8')).toContain('<rss');

    const to = await get(server.url(`/hostile/redirect-to/${encodeURIComponent('http://10.0.0.1/feed?x=1')}`));
    expect(to.status).toBe(302);
    expect(to.headers.location).toBe('http://10.0.0.1/feed?x=1');
  });

  it('compresses only when Accept-Encoding allows it', async () => {
    const plain = await get(server.url('/hostile/gzip'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gz = await get(server.url('/hostile/gzip'), { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
    const br = await get(server.url('/hostile/brotli'), { 'Accept-Encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const refused = await get(server.url('/hostile/deflate'), { 'Accept-Encoding': 'gzip, deflate;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    const df = await get(server.url('/hostile/deflate'), { 'Accept-Encoding': 'deflate' });
    expect(zlib.inflateSync(df.body).equals(plain.body)).toBe(true);
  });

  it('serves a gzip bomb under 2 MB that claims gzip', async () => {
    const bomb = await get(server.url('/hostile/gzip-bomb'), { 'Accept-Encoding': 'gzip' });
    expect(bomb.status).toBe(200);
    expect(bomb.headers['content-encoding']).toBe('gzip');
    expect(bomb.body.length).toBeGreaterThan(500_000);
    expect(bomb.body.length).toBeLessThan(2 * 1024 * 1024);
    expect(Number(bomb.headers['content-length'])).toBe(bomb.body.length);
  }, 60_000);

  it('closes promptly while slow-drip and huge responses are still open', async () => {
    const other = await startFixtureServer({ host: '127.0.0.2' });
    expect(other.origin).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    const received = { slow: 0, huge: 0 };
    const open = (route: 'slow' | 'huge', url: string) =>
      new Promise<void>((resolve) => {
        http
          .get(url, (res) => {
            res.on('data', (chunk: Buffer) => (received[route] += chunk.length));
            res.on('close', () => resolve());
            res.on('error', () => resolve());
          })
          .on('error', () => resolve());
      });
    const slow = open('slow', other.url('/hostile/slow-drip?every=50'));
    const huge = open('huge', other.url('/hostile/huge'));
    // Both responses are under way before the server closes; close() then ends them (a hang
    // here fails the test by its timeout, with no wall-clock assertion to be flaky under load).
    while (received.slow === 0 || received.huge === 0) await new Promise((r) => setTimeout(r, 20));
    await other.close();
    await Promise.all([slow, huge]);
    expect(received.slow).toBeGreaterThan(0);
    expect(received.huge).toBeLessThan(200 * 1024 * 1024);
  });
});
