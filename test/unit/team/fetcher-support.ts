// What the fetcher's tests share: a workspace database on the run's real PostgreSQL, and a real
// feed site on 127.0.0.1 whose feeds the test rewrites and whose requests it counts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { migrateWorkspace } from '../../../db/pg/migrate';
import { openPool } from '../../../db/pg/pool';
import { createTestDatabase } from '../../support/postgres';

export interface Workspace {
  url: string;
  /** A pool of its own, like a team server's. */
  pool(): pg.Pool;
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A fresh database with the workspace schema, as `switchboard team init` makes it. */
export async function workspaceDatabase(label: string): Promise<Workspace> {
  const database = await createTestDatabase(label);
  const pools: pg.Pool[] = [];
  const pool = () => {
    const made = openPool(database.url);
    pools.push(made);
    return made;
  };
  const admin = pool();
  await migrateWorkspace(admin);
  return {
    url: database.url,
    pool,
    query: async (sql, values) => (await admin.query(sql, values)).rows,
    close: async () => {
      await Promise.all(pools.map((made) => made.end()));
      await database.drop();
    },
  };
}

/** The fetcher keeps every fetch on public addresses; the tests' site on loopback plays a public one. */
export const everyAddressPublic = () => 'public' as const;

type Answer = { body: string; etag?: boolean; after?: Promise<void> } | { status: number } | { hang: true };

export interface FeedSite {
  url(name: string): string;
  /** What `name` answers from now on: a body (with an ETag, if asked; once `after` settles, if given), a status, or never an answer. */
  serve(name: string, answer: Answer): void;
  /** Requests for `name` so far. */
  requests(name: string): number;
  close(): Promise<void>;
}

export async function startFeedSite(): Promise<FeedSite> {
  const answers = new Map<string, Answer & { version: number }>();
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const name = (req.url ?? '/').slice(1);
    counts.set(name, (counts.get(name) ?? 0) + 1);
    const answer = answers.get(name);
    if (!answer) return void res.writeHead(404).end();
    if ('status' in answer) return void res.writeHead(answer.status).end();
    if ('hang' in answer) return void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).write('<?xml version="1.0"?><rss version="2.0"><channel>');
    const etag = answer.etag ? `"v${answer.version}"` : undefined;
    if (etag && req.headers['if-none-match'] === etag) return void res.writeHead(304, { ETag: etag }).end();
    const send = () => res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ...(etag ? { ETag: etag } : {}) }).end(answer.body);
    if (answer.after) void answer.after.then(send);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    serve: (name, answer) => void answers.set(name, { ...answer, version: (answers.get(name)?.version ?? 0) + 1 }),
    requests: (name) => counts.get(name) ?? 0,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Comment {
  guid: string;
  author: string;
  html: string;
}

/** An RSS comment feed holding these comments, on one thread. */
export function commentFeed(title: string, comments: Comment[]): string {
  const items = comments.map(
    (comment, n) =>
      `<item><title>Comment on Launch day by ${comment.author}</title><link>https://blog.example/launch#${comment.guid}</link>` +
      `<dc:creator>${comment.author}</dc:creator><pubDate>${new Date(Date.UTC(2026, 10, 1, 9, n)).toUTCString()}</pubDate>` +
      `<guid isPermaLink="false">${comment.guid}</guid><description><![CDATA[${comment.html}]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>` +
    `<title>${title}</title><link>https://blog.example/</link>${items.join('')}</channel></rss>\n`;
}

export async function changeRows(workspace: Workspace): Promise<{ seq: number; kind: string; body: any }[]> {
  return workspace.query<{ seq: number; kind: string; body: any }>('SELECT seq, kind, body FROM changes ORDER BY seq');
}
