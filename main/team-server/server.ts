// The team server: plain node:http (or https) over the workspace's PostgreSQL, the only program
// that talks to it. Desktops call the paths of common/team-wire.ts with their personal token and
// keep one change stream open; the LISTEN connection rings the doorbell on every stream.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { personalToken, type TeamModerator } from '../../common/team-wire';
import { changeHead } from '../../db/pg/tables/changes';
import { moderatorByToken, validTokenHashes } from '../../db/pg/tables/moderators';
import { TeamHttpError, unreachable } from './errors';
import { sendError, sendJson } from './http-io';
import { listenForChanges, type ChangeListener } from './listener';
import { STREAMING, routeKey, teamRoutes, type TeamRoute } from './routes';
import { createStreamHub } from './stream-hub';
import { feedRoutes } from './fetcher/feed-routes';
import { statsRoutes } from './stats-route';
import { hashToken } from './tokens';

export interface TeamServerOptions {
  pool: pg.Pool;
  /** The same database as `pool`, for the LISTEN connection (which never goes back to a pool). */
  pgUrl: string;
  tls?: { cert: Buffer | string; key: Buffer | string };
  /** More routes (the fetcher's feeds management). */
  routes?: readonly TeamRoute[];
  streamHeartbeatMs?: number;
  listener?: { heartbeatMs?: number; timeoutMs?: number; retryMs?: number };
  log?: (line: string) => void;
}

export interface TeamServer {
  /** Starts listening; resolves to the address desktops use (http://127.0.0.1:PORT). */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

const unauthorized = (why: string) => new TeamHttpError('unauthorized', why);

async function authenticate(pool: pg.Pool, request: http.IncomingMessage): Promise<{ moderator: TeamModerator; tokenHash: string }> {
  const header = request.headers.authorization;
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token) throw unauthorized('no personal token came with the request: send "Authorization: Bearer sbt_…" (switchboard team join gives this desktop one)');
  if (!personalToken.safeParse(token).success) throw unauthorized('that is not a personal token (they start with sbt_): join with switchboard team join URL --token sbi_… to get one');
  const tokenHash = hashToken(token);
  const moderator = await moderatorByToken(pool, tokenHash);
  if (!moderator) throw unauthorized('this token is not valid (revoked, or replaced when this moderator joined from another desktop): ask an owner for a new invite');
  return { moderator, tokenHash };
}

export function createTeamServer(options: TeamServerOptions): TeamServer {
  const { pool } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const hub = createStreamHub(options.streamHeartbeatMs);
  const routes = new Map([...teamRoutes, ...feedRoutes, ...statsRoutes, ...(options.routes ?? [])].map((route) => [routeKey(route.method, route.path), route]));

  // Doorbells come in bursts (a fetch stores hundreds of comments): one head read at a time,
  // and one more after it when rung meanwhile.
  let reading = false;
  let rungAgain = false;
  const ring = async (): Promise<void> => {
    if (reading) {
      rungAgain = true;
      return;
    }
    reading = true;
    try {
      do {
        rungAgain = false;
        hub.ring(await changeHead(pool));
      } while (rungAgain);
    } catch (error) {
      log(`team server: cannot read the change log's head (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      reading = false;
    }
  };
  const recheckStreams = async (): Promise<void> => {
    try {
      const valid = await validTokenHashes(pool, hub.tokenHashes());
      hub.closeUnless((tokenHash) => valid.has(tokenHash));
    } catch (error) {
      log(`team server: cannot check the open streams' tokens (${error instanceof Error ? error.message : String(error)})`);
    }
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    try {
      const url = new URL(request.url ?? '/', 'http://team.invalid');
      const route = routes.get(`${request.method} ${url.pathname}`);
      if (!route) throw new TeamHttpError('not-found', `there is no ${request.method} ${url.pathname} on this team server (is the desktop's Switchboard newer than the server's?)`);
      const who = route.public ? null : await authenticate(pool, request);
      if (route.owner && who?.moderator.role !== 'owner') throw new TeamHttpError('forbidden', `only an owner of the workspace may do this; ${who?.moderator.name} is a moderator`);
      const answer = await route.handle({ pool, hub, request, response, url, moderator: who?.moderator as TeamModerator, tokenHash: who?.tokenHash ?? '' });
      if (answer !== STREAMING) sendJson(response, 200, answer);
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const refusal = error instanceof TeamHttpError ? error : unreachable(error);
      if (refusal) {
        sendError(response, refusal, request);
        return;
      }
      log(`team server: ${request.method} ${request.url} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      sendError(response, new TeamHttpError('internal', 'the team server failed to answer this request; its log says why. Try again in a moment'), request);
    }
  };

  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handle) : http.createServer(handle);
  let listener: ChangeListener | null = null;

  return {
    async listen(port, host) {
      listener = listenForChanges(options.pgUrl, {
        ...options.listener,
        log,
        onDoorbell: () => void ring(),
        onRevoked: () => void recheckStreams(),
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return `${options.tls ? 'https' : 'http'}://${shownHost}:${address.port}`;
    },
    async close() {
      await listener?.stop();
      hub.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
