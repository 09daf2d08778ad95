// A local HTTP server for feed tests: serves the hand-written fixtures in test/fixtures/ and a set
// of deliberately hostile routes (huge, slow, looping, compressed, bombs). Node built-ins only.
//
//   /feeds/<file>                 test/fixtures/feeds/<file>, with ETag, Last-Modified and 304s
//   /pages/<file>                 test/fixtures/pages/<file> as text/html, charset=utf-8 when they are
//                                 (their feed links are relative, "../feeds/x" or "/feeds/x", so they resolve here)
//   /hostile/malformed            truncated, garbage XML with an <rss> root
//   /hostile/billion-laughs       nested entity expansion in the internal DTD subset
//   /hostile/huge                 200 MiB streamed lazily, chunked (?declare=1 adds Content-Length)
//   /hostile/slow-drip            a valid start, then one byte a second until the client leaves (?every=ms)
//   /hostile/redirect-loop        302 → /hostile/redirect-loop-a → -b → -a → …
//   /hostile/redirect-chain/<n>   302 → <n-1> … until 0, which serves wordpress-comments.xml
//   /hostile/redirect-to/<url>    302 to decodeURIComponent(<url>) (?status=301|303|307|308)
//   /hostile/links-to/<url>       an HTML page whose one comment feed link is decodeURIComponent(<url>)
//   /hostile/gzip-bomb            Content-Encoding: gzip, ~1 MB that inflates to 1 GiB of spaces
//   /hostile/gzip|deflate|brotli  wordpress-comments.xml with that coding if Accept-Encoding allows it
//                                 (deflate is zlib-wrapped; ?raw=1 sends raw deflate as some servers do)
//   /hostile/many-entries         70,000 short HTML comments (~9.7 MiB, under the 10 MiB limit) that take
//                                 seconds to parse and sanitize: the feed a read deadline is for
//   /hostile/gone 410, /hostile/error 500, /hostile/retry-after 429 (Retry-After: 120),
//   /hostile/unavailable 503 (Retry-After: an HTTP date one hour ahead), /hostile/no-feed (HTML, 200)
//   anything else                 404
import { isUtf8 } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';

export interface FixtureServer {
  /** e.g. "http://127.0.0.1:41234" */
  origin: string;
  port: number;
  /** Absolute URL of a path on this server: url('/feeds/atom10.xml'). */
  url(path: string): string;
  /** How many requests reached this path (query string ignored). Takes a path or a full URL. */
  hits(path: string): number;
  /** Every request so far, in arrival order, as "METHOD /path" (query string left off). */
  requests(): string[];
  /**
   * Serves test/fixtures/feeds/<feedFile> at `path` (e.g. to swap edited-comment-v1.xml for v2 under
   * one URL), with the same validators as /feeds/; null removes the override.
   */
  setRoute(path: string, feedFile: string | null): void;
  /** Stops listening and destroys open sockets (slow-drip, huge), so it returns promptly. */
  close(): Promise<void>;
}

// __dirname rather than import.meta: Playwright loads this file as CommonJS, Vitest as ESM.
const FIXTURES = path.resolve(__dirname, '..', 'fixtures') + path.sep;
const FEEDS = path.join(FIXTURES, 'feeds');
const PAGES = path.join(FIXTURES, 'pages');

const MiB = 1024 * 1024;
const HUGE_BYTES = 200 * MiB;
const BOMB_INFLATED_BYTES = 1024 * MiB;
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const MALFORMED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Comments for Broken Blog & Friends</title>
<item>
<title>Comment on Hello by <b>Eve</title>
<dc:creator>Eve</dc:creator>
<description><p>Unescaped markup & an entity &nosuch; that never ends
</item>
<item><title>Second</titl
\u0000\u0001 <<<< ]]> &&& <item`;

const BILLION_LAUGHS = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0">
<channel>
<title>&lol9;</title>
<link>https://laughs.example/</link>
<description>&lol9;</description>
<item>
<title>&lol9;</title>
<link>https://laughs.example/post#comment-1</link>
<guid isPermaLink="false">laughs-1</guid>
<description>&lol9;</description>
</item>
</channel>
</rss>
`;

const HUGE_HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Huge feed</title><link>https://huge.example/</link><description>Never ends</description>
`;
const SLOW_HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Slow drip</title><link>https://slow.example/</link><description>One byte a second</description>`;
const BOMB_HEAD = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>';

/** 64 KiB of repeated, individually valid items: the body of /hostile/huge. */
const HUGE_BLOCK = (() => {
  const item = '<item><title>Filler comment</title><link>https://huge.example/post#comment-0</link><description>' + 'x'.repeat(400) + '</description></item>\n';
  return Buffer.from(item.repeat(Math.ceil((64 * 1024) / item.length))).subarray(0, 64 * 1024);
})();

function* hugeBody(total: number): Generator<Buffer> {
  const head = Buffer.from(HUGE_HEAD);
  yield head;
  let sent = head.length;
  while (sent < total) {
    const chunk = total - sent >= HUGE_BLOCK.length ? HUGE_BLOCK : HUGE_BLOCK.subarray(0, total - sent);
    sent += chunk.length;
    yield chunk;
  }
}

let manyEntries: Buffer | undefined;

/** The slowest feed to read found within the fetch size and comment limits, per byte: many tiny
 *  entries, each a comment with a little HTML to sanitize (about 3 s per 10 MiB on one core). */
function manyEntriesFeed(): Buffer {
  manyEntries ??= Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Many entries</title><link>https://many.example/</link>\n' +
      Array.from({ length: 70_000 }, (_, i) => `<item><guid>g${i}</guid><link>https://many.example/p#${i}</link><description>&lt;p&gt;&lt;b&gt;h${i}&lt;/b&gt;&lt;/p&gt;</description></item>\n`).join('') +
      '</channel></rss>\n',
  );
  return manyEntries;
}

let bomb: Promise<Buffer> | undefined;

/** Gzips 1 GiB of spaces once, 1 MiB at a time, and keeps only the ~1 MB of output. */
function gzipBomb(): Promise<Buffer> {
  bomb ??= new Promise<Buffer>((resolve, reject) => {
    const gzip = zlib.createGzip({ level: 9, memLevel: 9 });
    const out: Buffer[] = [];
    gzip.on('data', (chunk: Buffer) => out.push(chunk));
    gzip.on('end', () => resolve(Buffer.concat(out)));
    gzip.on('error', reject);
    const block = Buffer.alloc(MiB, 0x20);
    const head = Buffer.from(BOMB_HEAD);
    gzip.write(head);
    let remaining = BOMB_INFLATED_BYTES;
    const pump = (): void => {
      while (remaining > 0) {
        const chunk = remaining >= block.length ? block : block.subarray(0, remaining);
        remaining -= chunk.length;
        if (!gzip.write(chunk)) {
          gzip.once('drain', pump);
          return;
        }
      }
      gzip.end();
    };
    pump();
  });
  return bomb;
}

/** Whether Accept-Encoding allows `coding` (q > 0 for it, or for "*" when it is not listed). */
function accepts(header: string | undefined, coding: string, alias?: string): boolean {
  if (!header) return false;
  let exact: number | undefined;
  let star: number | undefined;
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (m?.[1] !== undefined) q = Number(m[1]);
    }
    if (name === coding || (alias !== undefined && name === alias)) exact = Math.max(exact ?? 0, q);
    else if (name === '*') star = q;
  }
  return (exact ?? star ?? 0) > 0;
}

function feedContentType(file: string, bytes: Buffer): string {
  const type = file.endsWith('.atom') ? 'application/atom+xml' : 'application/rss+xml';
  // Say charset=utf-8 only where the document itself is UTF-8 (BOM or declaration); for anything
  // else (windows-1252.xml, rss091.xml's ISO-8859-1) send no charset and let the declaration decide.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return `${type}; charset=utf-8`;
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  return declared && /^utf-?8$/i.test(declared) ? `${type}; charset=utf-8` : type;
}

function etagOf(bytes: Buffer): string {
  return `"${crypto.createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 §13.1.2: weak comparison of If-None-Match against our tag. */
function noneMatch(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const ours = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === ours);
}

function readFixture(dir: string, name: string): Buffer | null {
  if (!SAFE_NAME.test(name)) return null;
  try {
    return fs.readFileSync(path.join(dir, name));
  } catch {
    return null;
  }
}

export async function startFixtureServer(options: { host?: string } = {}): Promise<FixtureServer> {
  const host = options.host ?? '127.0.0.1';
  const hits = new Map<string, number>();
  const log: string[] = [];
  const overrides = new Map<string, string>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let compressed: { gzip: Buffer; deflate: Buffer; deflateRaw: Buffer; br: Buffer; plain: Buffer } | undefined;

  const compressedFeed = () => {
    if (!compressed) {
      const plain = fs.readFileSync(path.join(FEEDS, 'wordpress-comments.xml'));
      compressed = {
        plain,
        gzip: zlib.gzipSync(plain),
        deflate: zlib.deflateSync(plain),
        deflateRaw: zlib.deflateRawSync(plain),
        br: zlib.brotliCompressSync(plain),
      };
    }
    return compressed;
  };

  function serveFeedFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): void {
    const bytes = readFixture(FEEDS, file);
    if (!bytes) return notFound(res);
    const etag = etagOf(bytes);
    const mtime = fs.statSync(path.join(FEEDS, file)).mtime;
    const lastModified = new Date(Math.floor(mtime.getTime() / 1000) * 1000);
    const headers = {
      'Content-Type': feedContentType(file, bytes),
      ETag: etag,
      'Last-Modified': lastModified.toUTCString(),
    };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    // If-None-Match wins over If-Modified-Since when both are sent (RFC 9110 §13.2.2).
    const fresh = inm !== undefined ? noneMatch(inm, etag) : ims !== undefined && !Number.isNaN(Date.parse(ims)) && lastModified.getTime() <= Date.parse(ims);
    if (fresh) {
      res.writeHead(304, { ETag: etag, 'Last-Modified': headers['Last-Modified'] }).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': bytes.length }).end(bytes);
  }

  function notFound(res: http.ServerResponse): void {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  }

  function redirect(res: http.ServerResponse, location: string, status = 302): void {
    res.writeHead(status, { Location: location, 'Content-Type': 'text/html; charset=utf-8' }).end(`<a href="${location.replace(/[&"<>]/g, '')}">Moved</a>\n`);
  }

  function hostile(req: http.IncomingMessage, res: http.ServerResponse, route: string, query: URLSearchParams): void {
    const head = req.method === 'HEAD';
    switch (route) {
      case 'malformed':
        res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(MALFORMED);
        return;
      case 'billion-laughs':
        res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(BILLION_LAUGHS);
        return;
      case 'many-entries':
        res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(head ? undefined : manyEntriesFeed());
        return;
      case 'huge': {
        const headers: http.OutgoingHttpHeaders = { 'Content-Type': 'application/rss+xml; charset=utf-8' };
        if (query.get('declare') === '1') headers['Content-Length'] = HUGE_BYTES;
        res.writeHead(200, headers);
        if (head) return void res.end();
        // pipeline destroys the generator's stream when the client goes away, so writing stops.
        pipeline(Readable.from(hugeBody(HUGE_BYTES), { objectMode: false }), res, () => undefined);
        return;
      }
      case 'slow-drip': {
        const every = Math.max(10, Number(query.get('every') ?? 1000) || 1000);
        res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
        if (head) return void res.end();
        res.write(SLOW_HEAD);
        const timer = setInterval(() => {
          if (!res.destroyed && res.writable) res.write(' ');
        }, every);
        timers.add(timer);
        res.on('close', () => {
          clearInterval(timer);
          timers.delete(timer);
        });
        return;
      }
      case 'redirect-loop':
        return redirect(res, '/hostile/redirect-loop-a');
      case 'redirect-loop-a':
        return redirect(res, '/hostile/redirect-loop-b');
      case 'redirect-loop-b':
        return redirect(res, '/hostile/redirect-loop-a');
      case 'gzip-bomb':
        gzipBomb().then(
          (body) => {
            if (res.destroyed) return;
            res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Content-Encoding': 'gzip', 'Content-Length': body.length }).end(body);
          },
          (err: unknown) => {
            if (!res.headersSent) res.writeHead(500).end(String(err));
          },
        );
        return;
      case 'gzip':
      case 'deflate':
      case 'brotli': {
        const feed = compressedFeed();
        const coding = route === 'brotli' ? 'br' : route;
        const headers: http.OutgoingHttpHeaders = { 'Content-Type': 'application/rss+xml; charset=utf-8', Vary: 'Accept-Encoding' };
        let body = feed.plain;
        if (accepts(req.headers['accept-encoding'], coding, coding === 'gzip' ? 'x-gzip' : undefined)) {
          headers['Content-Encoding'] = coding;
          body = route === 'gzip' ? feed.gzip : route === 'brotli' ? feed.br : query.get('raw') === '1' ? feed.deflateRaw : feed.deflate;
        }
        headers['Content-Length'] = body.length;
        res.writeHead(200, headers).end(body);
        return;
      }
      case 'gone':
        res.writeHead(410, { 'Content-Type': 'text/plain; charset=utf-8' }).end('This feed has been removed.\n');
        return;
      case 'error':
        res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' }).end('<h1>Internal Server Error</h1>\n');
        return;
      case 'retry-after':
        res.writeHead(429, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '120' }).end('Too many requests.\n');
        return;
      case 'unavailable':
        res
          .writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': new Date(Date.now() + 3_600_000).toUTCString() })
          .end('<h1>Down for maintenance</h1>\n');
        return;
      case 'no-feed': {
        const page = readFixture(PAGES, 'no-feed.html');
        if (!page) return notFound(res);
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': page.length }).end(page);
        return;
      }
      default:
        return notFound(res);
    }
  }

  const server = http.createServer((req, res) => {
    const raw = req.url ?? '/';
    const queryAt = raw.indexOf('?');
    const pathname = queryAt === -1 ? raw : raw.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
    hits.set(pathname, (hits.get(pathname) ?? 0) + 1);
    log.push(`${req.method ?? 'GET'} ${pathname}`);

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const override = overrides.get(pathname);
    if (override) return serveFeedFile(req, res, override);

    let m: RegExpExecArray | null;
    if ((m = /^\/feeds\/([^/]+)$/.exec(pathname)) && m[1]) return serveFeedFile(req, res, m[1]);
    if ((m = /^\/pages\/([^/]+)$/.exec(pathname)) && m[1]) {
      const page = readFixture(PAGES, m[1]);
      if (!page || !m[1].endsWith('.html')) return notFound(res);
      // A page that is not UTF-8 names its charset itself (<meta>), as older blogs do.
      res.writeHead(200, { 'Content-Type': isUtf8(page) ? 'text/html; charset=utf-8' : 'text/html', 'Content-Length': page.length }).end(page);
      return;
    }
    if ((m = /^\/hostile\/links-to\/(.+)$/.exec(pathname)) && m[1]) {
      // A page linking one comment feed anywhere: a public page steering a subscription elsewhere.
      const href = decodeURIComponent(m[1]).replace(/[<>"&]/g, '');
      const page = `<!doctype html><html><head><title>Ledgerly Notes</title><link rel="alternate" type="application/rss+xml" title="Comments" href="${href}"></head><body>Notes</body></html>`;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    if ((m = /^\/hostile\/redirect-chain\/(\d{1,4})$/.exec(pathname)) && m[1]) {
      const n = Number(m[1]);
      if (n === 0) return serveFeedFile(req, res, 'wordpress-comments.xml');
      return redirect(res, `/hostile/redirect-chain/${n - 1}`);
    }
    if ((m = /^\/hostile\/redirect-to\/(.+)$/.exec(pathname)) && m[1]) {
      let target: string;
      try {
        target = decodeURIComponent(m[1]);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const status = Number(query.get('status') ?? 302);
      return redirect(res, target, REDIRECT_STATUSES.has(status) ? status : 302);
    }
    if ((m = /^\/hostile\/([a-z-]+)$/.exec(pathname)) && m[1]) return hostile(req, res, m[1], query);
    notFound(res);
  });

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const keyOf = (p: string): string => {
    const url = new URL(p, origin);
    return url.pathname;
  };
  let closing: Promise<void> | undefined;

  return {
    origin,
    port,
    url: (p) => `${origin}${p.startsWith('/') ? p : `/${p}`}`,
    hits: (p) => hits.get(keyOf(p)) ?? 0,
    requests: () => [...log],
    setRoute: (p, feedFile) => {
      if (feedFile === null) overrides.delete(keyOf(p));
      else overrides.set(keyOf(p), feedFile);
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
