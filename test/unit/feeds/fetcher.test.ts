// The fetcher against real local servers (127.0.0.1 and 127.0.0.2 only) that misbehave on purpose.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FeedError } from '../../../main/features/feeds/errors';
import { DEFAULT_LIMITS, fetchFeed, resolveLimits, USER_AGENT } from '../../../main/features/feeds/fetch/fetcher';
import { checkFeedUrl, resolveRedirect } from '../../../main/features/feeds/fetch/redirects';
import { parseRetryAfter, statusError } from '../../../main/features/feeds/fetch/status';
import type { FetchRequest, FetchResponse } from '../../../main/features/feeds/fetch/types';

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>';
const KiB = 1024;
const MiB = 1024 * KiB;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
interface Served {
  origin: string;
  seen: http.IncomingHttpHeaders[];
  /** Resolves when the server has seen a client socket close. */
  socketClosed: Promise<void>;
}

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();

function track(server: net.Server): Promise<void> {
  servers.push(server);
  return new Promise((resolve) => server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      resolve();
    });
  }));
}

async function listen(server: net.Server, host: string): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as net.AddressInfo).port;
}

async function serve(handler: Handler, host = '127.0.0.1'): Promise<Served> {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    handler(req, res);
  });
  const socketClosed = track(server);
  const port = await listen(server, host);
  return { origin: `http://${host}:${port}`, seen, socketClosed };
}

afterEach(async () => {
  vi.useRealTimers();
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function failure(request: FetchRequest, transport?: { ca?: string }): Promise<FeedError> {
  const error: unknown = await fetchFeed(request, transport).then(
    (result) => ({ unexpected: result }),
    (e: unknown) => e,
  );
  if (!(error instanceof FeedError)) throw new Error(`expected a FeedError, got ${JSON.stringify(error)}`);
  return error;
}

function ok(result: FetchResponse): Extract<FetchResponse, { status: 'ok' }> {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}`);
  return result;
}

describe('fetchFeed: plain fetches', () => {
  it('returns the body, content type and validators, and sends the feed headers', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: '"v1"', 'Last-Modified': 'Mon, 03 Mar 2025 10:00:00 GMT' });
      res.end(FEED);
    });
    const result = ok(await fetchFeed({ url: `${server.origin}/feed.xml` }));
    expect(result).toEqual({
      status: 'ok',
      finalUrl: `${server.origin}/feed.xml`,
      body: Buffer.from(FEED),
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"v1"',
      lastModified: 'Mon, 03 Mar 2025 10:00:00 GMT',
    });
    const headers = server.seen[0]!;
    expect(headers['user-agent']).toBe('Switchboard/0.1 (feed reader; +https://switchboard.example/bot)');
    expect(headers['user-agent']).toBe(USER_AGENT);
    expect(headers.accept).toBe('application/rss+xml, application/atom+xml, application/xml, text/xml, */*;q=0.8');
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers['if-none-match']).toBeUndefined();
    expect(headers['if-modified-since']).toBeUndefined();
  });

  it('sends the validators and keeps them on a bare 304', async () => {
    const server = await serve((_req, res) => res.writeHead(304).end());
    const result = await fetchFeed({ url: `${server.origin}/f`, etag: '"abc"', lastModified: 'Sun, 02 Mar 2025 09:00:00 GMT' });
    expect(result).toEqual({ status: 'not-modified', finalUrl: `${server.origin}/f`, etag: '"abc"', lastModified: 'Sun, 02 Mar 2025 09:00:00 GMT' });
    expect(server.seen[0]!['if-none-match']).toBe('"abc"');
    expect(server.seen[0]!['if-modified-since']).toBe('Sun, 02 Mar 2025 09:00:00 GMT');
  });

  it('takes new validators from a 304 that has them', async () => {
    const server = await serve((_req, res) => res.writeHead(304, { ETag: '"new"' }).end());
    const result = await fetchFeed({ url: `${server.origin}/f`, etag: '"old"' });
    expect(result).toMatchObject({ status: 'not-modified', etag: '"new"', lastModified: null });
    expect(server.seen[0]!['if-modified-since']).toBeUndefined();
  });

  it.each([
    ['gzip', (b: Buffer) => zlib.gzipSync(b)],
    ['x-gzip', (b: Buffer) => zlib.gzipSync(b)],
    ['deflate', (b: Buffer) => zlib.deflateSync(b)],
    ['deflate', (b: Buffer) => zlib.deflateRawSync(b)], // raw deflate sent as "deflate"
    ['br', (b: Buffer) => zlib.brotliCompressSync(b)],
    ['identity', (b: Buffer) => b],
  ])('decompresses Content-Encoding %s', async (encoding, compress) => {
    const feed = Buffer.from(FEED.repeat(200));
    const server = await serve((_req, res) => {
      const body = compress(feed);
      // Two writes, split after one byte, so the raw-deflate sniffing has to wait for its header.
      res.writeHead(200, { 'Content-Encoding': encoding, 'Content-Type': 'text/xml' });
      res.write(body.subarray(0, 1));
      setTimeout(() => res.end(body.subarray(1)), 10);
    });
    expect(ok(await fetchFeed({ url: server.origin })).body.equals(feed)).toBe(true);
  });

  it('reports an unsupported or damaged compression as a parse error', async () => {
    const zstd = await serve((_req, res) => res.writeHead(200, { 'Content-Encoding': 'zstd' }).end('xx'));
    expect(await failure({ url: zstd.origin })).toMatchObject({ category: 'parse', message: expect.stringContaining('zstd') });
    const broken = await serve((_req, res) => res.writeHead(200, { 'Content-Encoding': 'gzip' }).end('definitely not gzip'));
    expect(await failure({ url: broken.origin })).toMatchObject({ category: 'parse' });
  });
});

describe('fetchFeed: size limits', () => {
  it('stops a gzip bomb (1 GiB of zeros, compressed lazily at level 9) without ballooning memory', async () => {
    let produced = 0;
    const server = await serve((_req, res) => {
      const zeros = Buffer.alloc(MiB);
      const source = Readable.from((function* () {
        for (let i = 0; i < 1024; i++) {
          produced += zeros.length;
          yield zeros;
        }
      })());
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Type': 'application/rss+xml' });
      source.pipe(zlib.createGzip({ level: 9 })).pipe(res);
      res.on('close', () => source.destroy());
    });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const error = await failure({ url: server.origin }); // default limit: 10 MiB
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(error).toMatchObject({ category: 'too-large', message: 'the feed is larger than 10 MiB' });
    expect(peak - before).toBeLessThan(200 * MiB);
    await server.socketClosed;
    expect(produced).toBeLessThan(200 * MiB); // the server stopped compressing when we hung up
  });

  it('gives up on a 200 MB stream as soon as it passes the limit', async () => {
    let sent = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml' }); // chunked, no Content-Length
      const chunk = Buffer.alloc(64 * KiB, 'a');
      const pump = (): void => {
        while (sent < 200 * MiB && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const error = await failure({ url: server.origin, limits: { maxBodyBytes: 64 * KiB } });
    expect(error).toMatchObject({ category: 'too-large', message: 'the feed is larger than 64 KiB' });
    await server.socketClosed;
    expect(sent).toBeLessThan(20 * MiB);
  });

  it('rejects a Content-Length over the limit before reading the body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(64 * KiB + 1) });
      res.write('<rss>'); // and then never anything else
    });
    const error = await failure({ url: server.origin, limits: { maxBodyBytes: 64 * KiB } });
    expect(error).toMatchObject({ category: 'too-large' });
    await server.socketClosed;
  });

  it('accepts a body of exactly the limit', async () => {
    const server = await serve((_req, res) => res.end(Buffer.alloc(64 * KiB, 'x')));
    expect(ok(await fetchFeed({ url: server.origin, limits: { maxBodyBytes: 64 * KiB } })).body.length).toBe(64 * KiB);
  });
});

describe('fetchFeed: timeouts and cancellation', () => {
  function drip(): Promise<Served> {
    return serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      const timer = setInterval(() => res.write('<'), 50);
      res.on('close', () => clearInterval(timer));
    });
  }

  it('times out a slow drip and really closes the socket', async () => {
    const server = await drip();
    const error = await failure({ url: server.origin, limits: { totalTimeoutMs: 300 } });
    expect(error).toMatchObject({ category: 'timeout', message: 'the feed took longer than 0.3 s to download' });
    await server.socketClosed;
  });

  it('times out a TLS handshake that never happens (connect timeout)', async () => {
    // Accepts TCP and never says a word; it reads (and drops) what comes, or it would not notice the close.
    const silent = net.createServer((socket) => socket.resume());
    const closed = track(silent);
    const port = await listen(silent, '127.0.0.1');
    const error = await failure({ url: `https://127.0.0.1:${port}/feed`, limits: { connectTimeoutMs: 200 } });
    expect(error).toMatchObject({ category: 'timeout', message: 'the server at 127.0.0.1 did not answer within 0.2 s' });
    await closed;
  });

  it('uses 10 s / 30 s / 10 MiB / 5 redirects by default', async () => {
    expect(resolveLimits()).toEqual({ connectTimeoutMs: 10_000, totalTimeoutMs: 30_000, maxBodyBytes: 10 * MiB, maxRedirects: 5 });
    expect(DEFAULT_LIMITS).toEqual(resolveLimits({}));
    expect(resolveLimits({ maxBodyBytes: -1, totalTimeoutMs: Number.NaN })).toEqual(DEFAULT_LIMITS);

    // The timers themselves, with only setTimeout faked: sockets stay real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const silent = net.createServer((socket) => socket.resume());
    const connected = new Promise((resolve) => silent.once('connection', resolve));
    track(silent);
    const port = await listen(silent, '127.0.0.1');
    const connectFailure = failure({ url: `https://127.0.0.1:${port}/` });
    await connected;
    let settled = false;
    void connectFailure.finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await connectFailure).toMatchObject({ category: 'timeout', message: 'the server at 127.0.0.1 did not answer within 10 s' });

    const server = await serve((_req, res) => res.writeHead(200).write('<'));
    const totalFailure = failure({ url: server.origin });
    await vi.waitFor(() => expect(server.seen).toHaveLength(1), { interval: 5 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await totalFailure).toMatchObject({ category: 'timeout', message: 'the feed took longer than 30 s to download' });

    vi.useRealTimers();
    const big = await serve((_req, res) => res.writeHead(200, { 'Content-Length': String(10 * MiB + 1) }).write('<'));
    expect(await failure({ url: big.origin })).toMatchObject({ category: 'too-large', message: 'the feed is larger than 10 MiB' });
  });

  it('cancels through the signal, promptly, closing the socket', async () => {
    const server = await serve(() => undefined); // never answers
    const controller = new AbortController();
    const pending = failure({ url: server.origin, signal: controller.signal });
    await vi.waitFor(() => expect(server.seen).toHaveLength(1), { interval: 5 });
    controller.abort();
    expect(await pending).toMatchObject({ category: 'network', message: 'the fetch was cancelled' });
    await server.socketClosed;
  });

  it('honours an already aborted signal, a FeedError reason and AbortSignal.timeout', async () => {
    const server = await serve(() => undefined);
    expect(await failure({ url: server.origin, signal: AbortSignal.abort() })).toMatchObject({ category: 'network', message: 'the fetch was cancelled' });
    expect(server.seen).toHaveLength(0);
    const reason = new FeedError('blocked', 'feed removed by a moderator');
    expect(await failure({ url: server.origin, signal: AbortSignal.abort(reason) })).toBe(reason);
    expect(await failure({ url: server.origin, signal: AbortSignal.timeout(50) })).toMatchObject({ category: 'timeout' });
  });
});

describe('fetchFeed: redirects', () => {
  function chain(): Promise<Served> {
    return serve((req, res) => {
      const n = Number(/^\/r\/(\d+)$/.exec(req.url ?? '')?.[1] ?? 0);
      if (n === 0) return void res.end(FEED);
      res.writeHead(302, { Location: `/r/${n - 1}` }).end();
    });
  }

  it('follows 5 redirects (relative Locations) and reports the final URL', async () => {
    const server = await chain();
    const result = ok(await fetchFeed({ url: `${server.origin}/r/5` }));
    expect(result.finalUrl).toBe(`${server.origin}/r/0`);
    expect(result.body.toString()).toBe(FEED);
    expect(server.seen).toHaveLength(6);
  });

  it('refuses a 6th redirect', async () => {
    const server = await chain();
    expect(await failure({ url: `${server.origin}/r/6` })).toMatchObject({ category: 'redirect', message: 'more than 5 redirects' });
    expect(server.seen).toHaveLength(6);
  });

  it.each([301, 303, 307, 308])('follows a %i', async (status) => {
    const server = await serve((req, res) => (req.url === '/new' ? res.end(FEED) : res.writeHead(status, { Location: '../new' }).end()));
    expect(ok(await fetchFeed({ url: `${server.origin}/a/old` })).finalUrl).toBe(`${server.origin}/new`);
  });

  it('detects a redirect loop', async () => {
    const server = await serve((req, res) => res.writeHead(301, { Location: req.url === '/a' ? '/b' : '/a#again' }).end());
    expect(await failure({ url: `${server.origin}/a` })).toMatchObject({
      category: 'redirect',
      message: `redirect loop: ${server.origin}/a#again was visited twice`,
    });
  });

  it('reports a redirect without Location', async () => {
    const server = await serve((_req, res) => res.writeHead(302).end());
    expect(await failure({ url: server.origin })).toMatchObject({ category: 'redirect' });
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'ftp://127.0.0.1/feed', 'http://user:secret@127.0.0.1/'])(
    'blocks a redirect to %s',
    async (location) => {
      const server = await serve((_req, res) => res.writeHead(302, { Location: location }).end());
      expect(await failure({ url: server.origin })).toMatchObject({ category: 'blocked' });
      expect(server.seen).toHaveLength(1);
    },
  );

  const publicHost = (ip: string) => (ip === '127.0.0.2' ? 'public' : 'loopback');

  it.each(['127.0.0.1', 'localhost'])('blocks a redirect from a public host to a loopback one (%s)', async (target) => {
    const inside = await serve((_req, res) => res.end('secret'), '127.0.0.1');
    const port = new URL(inside.origin).port;
    const outside = await serve((_req, res) => res.writeHead(302, { Location: `http://${target}:${port}/admin` }).end(), '127.0.0.2');
    const error = await failure({ url: outside.origin, classifyAddress: publicHost });
    expect(error).toMatchObject({ category: 'blocked', message: expect.stringContaining('private address') });
    expect(inside.seen).toHaveLength(0);
  });

  it('allows private → private redirects and public → public ones', async () => {
    const second = await serve((_req, res) => res.end(FEED), '127.0.0.2');
    const first = await serve((_req, res) => res.writeHead(302, { Location: `${second.origin}/feed` }).end(), '127.0.0.1');
    expect(ok(await fetchFeed({ url: first.origin, classifyAddress: () => 'loopback' })).finalUrl).toBe(`${second.origin}/feed`);
    expect(ok(await fetchFeed({ url: first.origin, classifyAddress: () => 'public' })).body.toString()).toBe(FEED);
  });
});

describe('fetchFeed: https', () => {
  let dir = '';
  let cert = '';
  let key = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    key = fs.readFileSync(path.join(dir, 'key.pem'), 'utf8');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function serveTls(handler: Handler): Promise<string> {
    const server = https.createServer({ cert, key }, handler);
    track(server);
    return `https://127.0.0.1:${await listen(server, '127.0.0.1')}`;
  }

  it('fetches over https with a trusted certificate, and refuses an untrusted one', async () => {
    const origin = await serveTls((_req, res) => res.end(FEED));
    const classified: string[] = [];
    const classifyAddress = (ip: string) => (classified.push(ip), 'public' as const);
    expect(ok(await fetchFeed({ url: origin, classifyAddress }, { ca: cert })).body.toString()).toBe(FEED);
    expect(classified).toEqual(['127.0.0.1']); // the address the TLS socket really connected to
    expect(await failure({ url: origin })).toMatchObject({ category: 'network', message: expect.stringContaining('certificate') });
  });

  it('refuses a redirect from https to http', async () => {
    const plain = await serve((_req, res) => res.end(FEED));
    const origin = await serveTls((_req, res) => res.writeHead(301, { Location: `${plain.origin}/feed` }).end());
    expect(await failure({ url: origin }, { ca: cert })).toMatchObject({ category: 'blocked', message: 'refused a redirect from https to http' });
    expect(plain.seen).toHaveLength(0);
  });
});

describe('fetchFeed: HTTP errors', () => {
  it.each([
    [410, 'the feed is gone (410); the site removed it'],
    [404, 'not found (404)'],
    [403, 'the server refused access (403)'],
    [401, 'the server refused access (401)'],
    [500, 'the server failed (500)'],
    [400, 'the server rejected the request (400)'],
  ])('reports %i', async (status, message) => {
    const server = await serve((_req, res) => res.writeHead(status).end('<html>error page</html>'));
    expect(await failure({ url: server.origin })).toMatchObject({ category: 'http-status', status, message, retryAt: undefined });
  });

  it('reads Retry-After in seconds on a 429', async () => {
    const server = await serve((_req, res) => res.writeHead(429, { 'Retry-After': '120' }).end());
    const before = Date.now();
    const error = await failure({ url: server.origin });
    expect(error).toMatchObject({ category: 'http-status', status: 429 });
    expect(error.message).toMatch(/^the server is rate-limiting us \(429\); it asked us to wait until (\d{4}-\d\d-\d\d )?\d\d:\d\d$/);
    expect(error.retryAt).toBeGreaterThanOrEqual(before + 120_000);
    expect(error.retryAt).toBeLessThanOrEqual(Date.now() + 120_000);
  });

  it('reads Retry-After as an HTTP date on a 503', async () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
    const server = await serve((_req, res) => res.writeHead(503, { 'Retry-After': at.toUTCString() }).end());
    const error = await failure({ url: server.origin });
    expect(error).toMatchObject({ category: 'http-status', status: 503, retryAt: at.getTime() });
    expect(error.message).toContain('(503); it asked us to wait until');
  });
});

describe('fetchFeed: refusals and network errors', () => {
  it('reports a refused connection as a network error with the code', async () => {
    const probe = net.createServer();
    const port = await listen(probe, '127.0.0.1');
    await new Promise((resolve) => probe.close(resolve));
    const error = await failure({ url: `http://127.0.0.1:${port}/feed` });
    expect(error).toMatchObject({ category: 'network', message: 'could not connect to 127.0.0.1: connection refused' });
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('reports a connection cut mid-body as a network error', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'Content-Length': '1000' });
      res.write('<rss>', () => req.socket.destroy());
    });
    expect(await failure({ url: server.origin })).toMatchObject({ category: 'network', message: expect.stringContaining('cut off') });
  });

  it.each(['ftp://127.0.0.1/feed', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/xml,<rss/>', 'not a url'])('blocks %s', async (url) => {
    expect(await failure({ url })).toMatchObject({ category: 'blocked' });
  });

  it('blocks a URL with credentials without connecting', async () => {
    const server = await serve((_req, res) => res.end(FEED));
    const { host } = new URL(server.origin);
    expect(await failure({ url: `http://user:pw@${host}/` })).toMatchObject({ category: 'blocked' });
    expect(await failure({ url: `http://token@${host}/` })).toMatchObject({ category: 'blocked' });
    expect(server.seen).toHaveLength(0);
  });
});

describe('redirect and status rules (pure)', () => {
  const state = () => ({ visited: new Set<string>(), followed: 0, maxRedirects: 5 });
  const from = (url: string, location: string) => resolveRedirect(new URL(url), 302, location, state());

  it('resolves relative Locations and allows http → https', () => {
    expect(from('https://a.example/x/feed', '../other?p=1').href).toBe('https://a.example/other?p=1');
    expect(from('http://a.example/feed', 'https://b.example/feed').href).toBe('https://b.example/feed');
    expect(from('https://a.example/feed', '//b.example/feed').href).toBe('https://b.example/feed');
  });

  it('refuses https → http, also protocol-relative and via another host', () => {
    expect(() => from('https://a.example/feed', 'http://a.example/feed')).toThrow('refused a redirect from https to http');
    expect(() => from('https://a.example/feed', 'HTTP://b.example/')).toThrow(expect.objectContaining({ category: 'blocked' }));
  });

  it('refuses invalid Locations, loops and one redirect too many', () => {
    expect(() => from('http://a.example/', 'http://[::1')).toThrow(expect.objectContaining({ category: 'redirect' }));
    const visited = new Set(['http://a.example/feed']);
    expect(() => resolveRedirect(new URL('http://a.example/x'), 301, '/feed#top', { visited, followed: 1, maxRedirects: 5 })).toThrow('redirect loop');
    expect(() => resolveRedirect(new URL('http://a.example/x'), 301, '/y', { visited, followed: 5, maxRedirects: 5 })).toThrow('more than 5 redirects');
    expect(() => resolveRedirect(new URL('http://a.example/x'), 301, '/y', { visited, followed: 0, maxRedirects: 0 })).toThrow('more than 0 redirects');
  });

  it('vets the first URL', () => {
    expect(checkFeedUrl('HTTPS://Blog.Example.com/feed').href).toBe('https://blog.example.com/feed');
    expect(() => checkFeedUrl('gopher://x')).toThrow(expect.objectContaining({ category: 'blocked' }));
  });

  it('parses Retry-After', () => {
    const now = Date.UTC(2025, 2, 3, 12, 0, 0);
    expect(parseRetryAfter('60', now)).toBe(now + 60_000);
    expect(parseRetryAfter('Mon, 03 Mar 2025 12:30:00 GMT', now)).toBe(now + 30 * 60_000);
    expect(parseRetryAfter('Mon, 03 Mar 2025 11:00:00 GMT', now)).toBe(now); // in the past: now
    expect(parseRetryAfter('99999999999', now)).toBe(now + 7 * 24 * 3600_000); // capped at a week
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('says until when, in local time', () => {
    const now = new Date(2025, 2, 3, 13, 0, 0).getTime();
    expect(statusError(429, '300', now).message).toBe('the server is rate-limiting us (429); it asked us to wait until 13:05');
    expect(statusError(503, String(2 * 86400), now).message).toBe('the server is temporarily unavailable (503); it asked us to wait until 2025-03-05 13:00');
    expect(statusError(429, undefined, now)).toMatchObject({ message: 'the server is rate-limiting us (429)', retryAt: undefined });
  });
});

describe('fetchFeed: malformed responses', () => {
  it('reports garbage instead of HTTP as a network error', async () => {
    const liar = net.createServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
    track(liar);
    const port = await listen(liar, '127.0.0.1');
    const error = await failure({ url: `http://127.0.0.1:${port}/` });
    expect(error).toMatchObject({ category: 'network', message: expect.stringContaining('malformed HTTP response') });
  });
});
