// Calls to the team server, as this desktop's moderator (the personal token of the team link).
// Answers are read with the wire's types (common/team-wire.ts); a refusal becomes an error that
// says what the server said, and a 401 one the sync stops on.
import { TEAM_API, type TeamErrorBody } from '../../../common/team-wire';
import type { TeamLink } from '../../../db/tables/team-link';
import type { FetchLike } from './runtime';

/** The server answered with an error (its code and sentence). */
export class TeamRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TeamRefusal';
  }
}

/** The server could not be reached, or answered with something that is not the wire. */
export class TeamUnreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamUnreachable';
  }
}

export const isRevoked = (error: unknown): boolean => error instanceof TeamRefusal && error.status === 401;

/** The plain reason of a failed call. */
export function reasonOf(error: unknown): string {
  if (error instanceof TeamRefusal || error instanceof TeamUnreachable) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** The URL of a path of the wire on this link's server. */
export function teamUrl(serverUrl: string, path: string): string {
  return `${serverUrl.replace(/\/+$/, '')}${TEAM_API}${path}`;
}

async function refusal(response: Response): Promise<TeamRefusal> {
  let body: Partial<TeamErrorBody> = {};
  try {
    body = (await response.json()) as Partial<TeamErrorBody>;
  } catch {
    // Not the wire's error body (a proxy's page): the status says enough.
  }
  return new TeamRefusal(response.status, body.error?.code ?? 'internal', body.error?.message ?? `the team server answered HTTP ${response.status}`);
}

export interface TeamCall {
  fetch: FetchLike;
  serverUrl: string;
  token: string | null;
}

/** One JSON call; GET without a body, POST with one. */
export async function teamCall<T>(call: TeamCall, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const send = () => call.fetch(teamUrl(call.serverUrl, path), { method: body === undefined ? 'GET' : 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  let response: Response;
  try {
    // A kept-alive connection to a server that restarted since is found closed only when reused:
    // sent once more on a new one (every call of the wire is safe to repeat: decisions go by key).
    response = await send().catch((error: Error & { cause?: { code?: string } }) => {
      if (error.cause?.code === 'UND_ERR_SOCKET' && !signal?.aborted) return send();
      throw error;
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : reasonOf(error);
    throw new TeamUnreachable(cause);
  }
  if (!response.ok) throw await refusal(response);
  try {
    return (await response.json()) as T;
  } catch {
    throw new TeamUnreachable(`the answer to ${path} was not JSON: is ${call.serverUrl} a Switchboard team server?`);
  }
}

export const linkCall = (fetchImpl: FetchLike, link: TeamLink): TeamCall => ({ fetch: fetchImpl, serverUrl: link.serverUrl, token: link.token });
