// Many generated comment feeds on one local HTTP server (one host), for the kill test and the load
// bench. Feed n lives at /feeds/<n>.xml and carries the comments of the current batch only: each
// call to nextBatch() publishes a new batch on every feed under a new ETag, so every fetch run has
// new comments to store. Comment guids say which feed and batch they belong to ("f3-b2-c17"), so a
// test can check that a batch was stored whole or not at all. The server counts the most requests
// and the most connections it had open at once (the host limiter's figures, seen from outside).
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface CommentFeedServer {
  origin: string;
  /** Absolute URL of feed n. */
  url(feed: number): string;
  /** The batch the feeds carry now (0 at start). */
  readonly batch: number;
  nextBatch(): void;
  /** How many comments feed n carries in each batch. */
  commentsIn(feed: number): number;
  /** Feed requests received so far. */
  requests(): number;
  /** The most requests being answered at one time, and the most sockets open at one time. */
  peak(): { requests: number; connections: number };
  close(): Promise<void>;
}

export interface CommentFeedOptions {
  /** Comments per batch of feed n (default 20). */
  comments?: (feed: number) => number;
  /** Time each answer takes, as a real site's would (default 0). */
  delayMs?: number;
}

/** The guid of a comment: which feed, which batch, which comment. */
export const commentGuid = (feed: number, batch: number, comment: number) => `f${feed}-b${batch}-c${comment}`;

function feedXml(origin: string, feed: number, batch: number, count: number): string {
  const items = Array.from({ length: count }, (_, n) => {
    const guid = commentGuid(feed, batch, n);
    const date = new Date(Date.UTC(2026, 10, 1) + batch * 3_600_000 + n * 60_000).toUTCString();
    return `<item><title>Comment on Post ${feed} by Member ${n % 7}</title><link>${origin}/posts/${feed}#${guid}</link>` +
      `<dc:creator>Member ${n % 7}</dc:creator><pubDate>${date}</pubDate><guid isPermaLink="false">${guid}</guid>` +
      `<description>&lt;p&gt;Comment ${n} of batch ${batch}: is the &lt;b&gt;dashboard&lt;/b&gt; down for anyone else?&lt;/p&gt;</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>` +
    `<title>Comments for Site ${feed}</title><link>${origin}/</link>${items.join('\n')}</channel></rss>\n`;
}

export async function startCommentFeedServer(options: CommentFeedOptions = {}): Promise<CommentFeedServer> {
  const comments = options.comments ?? (() => 20);
  let batch = 0;
  let origin = '';
  let requests = 0;
  let received = 0;
  let connections = 0;
  const peak = { requests: 0, connections: 0 };
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    const match = /^\/feeds\/(\d+)\.xml$/.exec(req.url ?? '');
    if (!match) return void res.writeHead(404).end();
    received += 1;
    requests += 1;
    peak.requests = Math.max(peak.requests, requests);
    res.once('close', () => (requests -= 1));
    const etag = `"b${batch}"`;
    const answer = () => {
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { ETag: etag }).end();
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag }).end(feedXml(origin, Number(match[1]), batch, comments(Number(match[1]))));
    };
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    connections += 1;
    peak.connections = Math.max(peak.connections, connections);
    socket.once('close', () => {
      sockets.delete(socket);
      connections -= 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    url: (feed) => `${origin}/feeds/${feed}.xml`,
    get batch() {
      return batch;
    },
    nextBatch: () => void (batch += 1),
    commentsIn: comments,
    requests: () => received,
    peak: () => ({ ...peak }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
