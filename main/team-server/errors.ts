// Refusals of the team server: an HTTP status, a code a desktop acts on, a sentence a person does.
import type { TeamErrorBody } from '../../common/team-wire';

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

/** A 503 when `error` says the database cannot be reached (class 08 connection, class 57 shutdown), else null. */
export function unreachable(error: unknown): TeamHttpError | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const gone =
    (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^(08|57P)/.test(code))) ||
    (typeof message === 'string' && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/.test(message));
  return gone ? new TeamHttpError('unavailable', 'the team server cannot reach its PostgreSQL database right now: try again in a moment') : null;
}
