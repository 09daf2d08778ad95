// Refusals of the team server: an HTTP status, a code a desktop acts on, a sentence a person does.
import type { TeamErrorBody } from '../../common/team-wire';
import { SwitchboardError } from '../../common/errors';

type Code = TeamErrorBody['error']['code'];

const STATUS: Record<Code, number> = {
  unauthorized: 401,
  forbidden: 403,
  'invalid-input': 400,
  'too-large': 413,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
};

export class TeamHttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = 'TeamHttpError';
    this.status = STATUS[code];
  }

  body(): TeamErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Failures of reaching PostgreSQL at all (not of a statement): refused, reset, shutting down, gone. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE']);

/** Whether `error` says the database cannot be reached (class 08 connection, class 57 shutdown). */
function isUnreachable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^(08|57P)/.test(code))) ||
    (typeof message === 'string' && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/.test(message))
  );
}

/** A 503 when `error` says the database cannot be reached, else null. */
export function unreachable(error: unknown): TeamHttpError | null {
  return isUnreachable(error) ? new TeamHttpError('unavailable', 'the team server cannot reach its PostgreSQL database right now: try again in a moment') : null;
}

/**
 * For a command run by a person (team init, invite, serve...): PostgreSQL out of reach said as
 * such, with what to check, instead of node's "connect ENOENT /tmp/.s.PGSQL.5432". Other errors as they are.
 */
export function pgReachError(error: unknown): unknown {
  if (!isUnreachable(error)) return error;
  const said = error instanceof Error ? error.message : String(error);
  return new SwitchboardError('unavailable', 'team', `cannot reach the workspace's PostgreSQL (${said}): check that it is running and that --pg (or $SWITCHBOARD_PG) names it`);
}
