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
