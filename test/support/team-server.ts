// A team server for tests: a fresh database on the run's PostgreSQL, the workspace made as
// `switchboard team init` makes it, moderators invited and joined over HTTP, and the server
// in-process on 127.0.0.1. Plus what tests need to talk to it: JSON calls and a stream reader.
import pg from 'pg';
import { TEAM_API, type JoinAnswer, type TeamModerator } from '../../common/team-wire';
import { openPool } from '../../db/pg/pool';
import { seedComments as seedInto, type SeedOptions } from '../../db/pg/tables/seed';
import { initWorkspace, inviteModerator } from '../../main/team-server/admin';
import { createTeamServer, type TeamServer, type TeamServerOptions } from '../../main/team-server/server';
import { createTestDatabase } from './postgres';

export interface TestTeamServerOptions {
  /** Moderators invited and joined (role moderator), besides the owner. */
  moderators?: string[];
  /** The first owner's name (default 'Owner'); their token is in `tokens` too. */
  owner?: string;
  workspace?: string;
  label?: string;
  streamHeartbeatMs?: number;
  listener?: TeamServerOptions['listener'];
  /** More routes to serve (the fetcher's feeds management, before it is part of the server's own). */
  routes?: TeamServerOptions['routes'];
}

export interface TestTeamServer {
  /** http://127.0.0.1:PORT; the same after restart(). */
  url: string;
  pgUrl: string;
  /** A pool on the workspace's database, for looking at what the server wrote. */
  pool: pg.Pool;
  /** Personal tokens (sbt_...) by moderator name, the owner's included. */
  tokens: Record<string, string>;
  moderators: Record<string, TeamModerator>;
  /** Adds comments the way the fetcher stores them (rows and 'comment' changes); their ids. */
  seedComments(count: number, options?: SeedOptions): Promise<number[]>;
  /** Invites and joins another moderator; their token. */
  addModerator(name: string, role?: 'owner' | 'moderator'): Promise<string>;
  /** Stops the server and starts it again on the same port and database (a restart a desktop lives through). */
  restart(): Promise<void>;
  /** Stops the server and drops the database. */
  stop(): Promise<void>;
}

export async function startTestTeamServer(options: TestTeamServerOptions = {}): Promise<TestTeamServer> {
  const database = await createTestDatabase(options.label ?? 'team');
  const pool = openPool(database.url);
  const owner = options.owner ?? 'Owner';
  const init = await initWorkspace(pool, { name: options.workspace ?? 'Test team', owner });
  const start = async (port: number): Promise<{ server: TeamServer; url: string }> => {
    const server = createTeamServer({ pool, pgUrl: database.url, streamHeartbeatMs: options.streamHeartbeatMs, listener: options.listener, routes: options.routes, log: () => {} });
    return { server, url: await server.listen(port, '127.0.0.1') };
  };
  let running = await start(0);
  const url = running.url;
  const tokens: Record<string, string> = {};
  const moderators: Record<string, TeamModerator> = {};
  const join = async (invite: string) => {
    const answer = await teamCall<JoinAnswer>(url, null, 'POST', '/join', { invite });
    if (answer.status !== 200) throw new Error(`test team server: joining failed: ${JSON.stringify(answer.body)}`);
    tokens[answer.body.moderator.name] = answer.body.token;
    moderators[answer.body.moderator.name] = answer.body.moderator;
    return answer.body.token;
  };
  await join(init.owner!.invite);
  const addModerator = async (name: string, role: 'owner' | 'moderator' = 'moderator') => join((await inviteModerator(pool, name, role)).invite);
  for (const name of options.moderators ?? []) await addModerator(name);

  return {
    url,
    pgUrl: database.url,
    pool,
    tokens,
    moderators,
    seedComments: (count, seedOptions) => seedInto(pool, count, seedOptions),
    addModerator,
    async restart() {
      await running.server.close();
      running = await start(Number(new URL(url).port));
    },
    async stop() {
      await running.server.close();
      await pool.end();
      await database.drop();
    },
  };
}

/** Adds comments to a workspace database from outside a test team server (benches, other harnesses). */
export async function seedComments(pgUrl: string, count: number, options?: SeedOptions): Promise<number[]> {
  const pool = openPool(pgUrl, 1);
  try {
    return await seedInto(pool, count, options);
  } finally {
    await pool.end();
  }
}

/** One JSON call to a team server: its status and parsed body (a TeamErrorBody when refused). */
export async function teamCall<T = unknown>(url: string, token: string | null, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const send = () =>
    fetch(`${url}${TEAM_API}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  // A kept-alive connection to a server that restarted since is found closed only when reused:
  // sent once more on a new one, as a desktop's sync should (decisions by key, claims and reads are safe to repeat).
  const response = await send().catch((error: Error & { cause?: { code?: string } }) => {
    if (error.cause?.code === 'UND_ERR_SOCKET') return send();
    throw error;
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export interface StreamEventRead {
  event: string;
  data: unknown;
}

export interface TestStream {
  status: number;
  events: StreamEventRead[];
  /** Resolves with the first event (seen so far or to come) that `match` accepts. */
  next(match: (event: StreamEventRead) => boolean): Promise<StreamEventRead>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens GET /stream with a token and reads its server-sent events as they come. */
export async function openTeamStream(url: string, token: string): Promise<TestStream> {
  const controller = new AbortController();
  const response = await fetch(`${url}${TEAM_API}/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  const events: StreamEventRead[] = [];
  const waiters: { match: (event: StreamEventRead) => boolean; resolve: (event: StreamEventRead) => void }[] = [];
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!event || data === undefined) continue;
          const read = { event, data: JSON.parse(data) as unknown };
          events.push(read);
          for (const waiter of [...waiters]) {
            if (waiter.match(read)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(read);
            }
          }
        }
      }
    } catch {
      // Closed by close(): the stream has ended all the same.
    }
  })();
  return {
    status: response.status,
    events,
    next(match) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    ended,
    close: () => controller.abort(),
  };
}
