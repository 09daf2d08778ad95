// Reading requests and writing answers. A body is read up to TEAM_MAX_BODY_BYTES and no further,
// parsed as JSON and checked against its schema; anything else is refused before a handler runs.
import type http from 'node:http';
import type { z } from 'zod';
import { TEAM_MAX_BODY_BYTES } from '../../common/team-wire';
import { TeamHttpError } from './errors';

const tooLarge = () => new TeamHttpError('too-large', `the request body is larger than ${TEAM_MAX_BODY_BYTES / 1024 / 1024} MiB, the most the team server reads: send fewer items at once`);

/** The whole body, unless it is larger than the limit (then refused without reading the rest). */
function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** The body as `schema` describes it, or a 400/413 saying what was wrong. */
export async function readJson<S extends z.ZodType>(request: http.IncomingMessage, schema: S, limit = TEAM_MAX_BODY_BYTES): Promise<z.infer<S>> {
  const bytes = await readBody(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new TeamHttpError('invalid-input', 'the request body is not valid JSON: send one JSON object');
  }
  return parseWith(schema, value, 'the request body');
}

/** A value checked against its schema; a refusal names the first field that is wrong. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new TeamHttpError('invalid-input', `${what} is not what this request takes${where}: ${issue?.message ?? 'wrong shape'}`);
}

export function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  response.end(body);
}

/** A refusal as TeamErrorBody. A body left unread (too large) closes the connection instead of being drained. */
export function sendError(response: http.ServerResponse, error: TeamHttpError, request: http.IncomingMessage): void {
  if (!request.complete) response.setHeader('connection', 'close');
  sendJson(response, error.status, error.body());
  if (!request.complete) response.on('finish', () => request.destroy());
}
