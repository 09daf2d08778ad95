// Every path of common/team-wire.ts: what each request may carry, who may make it, what it does.
// Handlers get a checked body or query and the moderator the token belongs to; they never see a
// request that was refused.
import type http from 'node:http';
import type pg from 'pg';
import {
  TEAM_API,
  changesQuery,
  claimRequest,
  decisionsRequest,
  joinRequest,
  releaseRequest,
  type ChangesAnswer,
  type ClaimAnswer,
  type DecisionsAnswer,
  type HelloAnswer,
  type JoinAnswer,
  type PresenceAnswer,
  type ReleaseAnswer,
  type TeamModerator,
} from '../../common/team-wire';
import { inTransaction } from '../../db/pg/pool';
import { PG_SCHEMA_VERSION } from '../../db/pg/migrations';
import { changeHead, readChanges } from '../../db/pg/tables/changes';
import { claimInTurn, releaseComments } from '../../db/pg/tables/comments';
import { applyDecisions } from '../../db/pg/tables/decisions';
import { redeemInvite } from '../../db/pg/tables/moderators';
import { readWorkspace } from '../../db/pg/tables/workspace';
import { TeamHttpError } from './errors';
import { parseWith, readJson } from './http-io';
import type { StreamHub } from './stream-hub';
import { hashToken, newToken } from './tokens';

export interface RouteContext {
  pool: pg.Pool;
  hub: StreamHub;
  request: http.IncomingMessage;
  response: http.ServerResponse;
  url: URL;
  /** The moderator whose token came with the request (routes marked `public` get none). */
  moderator: TeamModerator;
  tokenHash: string;
}

export interface TeamRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** Under TEAM_API. */
  path: string;
  /** Owners only (feeds, saved replies, moderators): a moderator gets 403. */
  owner?: boolean;
  /** Answered without a token (joining only). */
  public?: boolean;
  /** The answer (sent as JSON), or STREAMING when the handler answers itself. */
  handle(context: RouteContext): Promise<unknown>;
}

export const STREAMING = Symbol('streaming');

async function workspaceName(pool: pg.Pool): Promise<string> {
  return (await readWorkspace(pool))?.name ?? 'Team';
}

const join: TeamRoute = {
  method: 'POST',
  path: '/join',
  public: true,
  async handle({ pool, request }): Promise<JoinAnswer> {
    const body = await readJson(request, joinRequest);
    const token = newToken('sbt_');
    const redeemed = await redeemInvite(pool, hashToken(body.invite), hashToken(token));
    if (!redeemed.ok) {
      throw new TeamHttpError(
        'unauthorized',
        redeemed.reason === 'expired'
          ? `this invite expired on ${new Date(redeemed.until ?? 0).toISOString().slice(0, 16).replace('T', ' ')} UTC: ask an owner for a new one (switchboard team invite NAME)`
          : 'this invite is not valid (used already, replaced by a newer one, or never issued): ask an owner for a new one (switchboard team invite NAME)',
      );
    }
    return { token, moderator: redeemed.moderator, workspace: { name: await workspaceName(pool) } };
  },
};

const hello: TeamRoute = {
  method: 'GET',
  path: '/hello',
  async handle({ pool, moderator }): Promise<HelloAnswer> {
    return { moderator, workspace: { name: await workspaceName(pool) }, schemaVersion: PG_SCHEMA_VERSION, head: await changeHead(pool), serverTime: Date.now() };
  },
};

const changes: TeamRoute = {
  method: 'GET',
  path: '/changes',
  async handle({ pool, url }): Promise<ChangesAnswer> {
    const query = parseWith(changesQuery, Object.fromEntries(url.searchParams), 'the query');
    return readChanges(pool, query.since, query.limit);
  },
};

const stream: TeamRoute = {
  method: 'GET',
  path: '/stream',
  async handle({ pool, hub, moderator, tokenHash, response }) {
    hub.open(moderator, tokenHash, response, await changeHead(pool));
    return STREAMING;
  },
};

const presence: TeamRoute = {
  method: 'GET',
  path: '/presence',
  async handle({ hub }): Promise<PresenceAnswer> {
    return hub.presence();
  },
};

const claim: TeamRoute = {
  method: 'POST',
  path: '/claim',
  async handle({ pool, request, moderator }): Promise<ClaimAnswer> {
    const body = await readJson(request, claimRequest);
    return claimInTurn(pool, moderator, body);
  },
};

const release: TeamRoute = {
  method: 'POST',
  path: '/release',
  async handle({ pool, request, moderator }): Promise<ReleaseAnswer> {
    const body = await readJson(request, releaseRequest);
    return { released: await inTransaction(pool, (client) => releaseComments(client, moderator.id, body.commentIds)) };
  },
};

const decisions: TeamRoute = {
  method: 'POST',
  path: '/decisions',
  async handle({ pool, request, moderator }): Promise<DecisionsAnswer> {
    const body = await readJson(request, decisionsRequest);
    return { outcomes: await applyDecisions(pool, moderator, body.decisions) };
  },
};

/** The wire's routes; the fetcher adds the feeds' (owner-only) ones beside them. */
export const teamRoutes: readonly TeamRoute[] = [join, hello, changes, stream, presence, claim, release, decisions];

export function routeKey(method: string, path: string): string {
  return `${method} ${TEAM_API}${path}`;
}
