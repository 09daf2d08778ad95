// Who may talk to the browser-mode bridge: only pages it served itself, on loopback, holding the
// per-run token. Host is checked against DNS rebinding, Origin against other sites' pages.
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export type Refusal = { status: 401 | 403; message: string } | null;

/** Host and Origin must name this server; checked on every request, static files included. */
export function checkOrigin(req: IncomingMessage, port: number): Refusal {
  const hosts = allowedHosts(port);
  if (!hosts.has(req.headers.host ?? '')) {
    return { status: 403, message: 'bridge: refused a request for another host name' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length)))) {
    return { status: 403, message: 'bridge: refused a request from another site' };
  }
  return null;
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** API calls carry `Authorization: Bearer TOKEN`; the event stream (EventSource sends no headers) may use ?token=. */
export function checkToken(req: IncomingMessage, url: URL, token: string, allowQuery: boolean): Refusal {
  const header = req.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : allowQuery ? (url.searchParams.get('token') ?? '') : '';
  if (given && sameSecret(given, token)) return null;
  return { status: 401, message: 'bridge: this request has no valid token; open the link that "npm run serve" printed' };
}
