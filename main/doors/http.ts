// The browser-mode bridge: serves the built console and the service table over HTTP on 127.0.0.1,
// with server-sent events for pushes. Every call goes through service.call, like IPC and the CLI.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { settle, type CallOutcome } from '../../common/outcome';
import type { Service } from '../app/service';
import { checkOrigin, checkToken, newToken } from './http-guard';
import { SECURITY_HEADERS, serveStatic } from './static-files';

const MAX_BODY_BYTES = 1024 * 1024;
/** How much of an oversized body is read and thrown away so its 413 arrives; past this the connection is closed. */
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;
const KEEPALIVE_MS = 25_000;
const HTTP_STATUS = { 'invalid-input': 400, 'not-found': 404, conflict: 409, unavailable: 503, internal: 500 } as const;

export interface BridgeOptions {
  service: Service;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body); // before the head: if this throws, a 500 can still be answered
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, stage: string, message: string): void {
  const code = status === 400 || status === 413 ? 'invalid-input' : status === 404 ? 'not-found' : status === 500 ? 'internal' : 'unavailable';
  sendJson(res, status, { ok: false, error: { code, stage, message } } satisfies CallOutcome);
}

/**
 * The last word on anything a request throws, sync or async: log it to stderr, answer 500 if the
 * head is not out yet (the envelope for API routes, plain text for the rest), else cut the
 * connection. It must not throw itself: nothing a request does may end the process.
 */
function fail(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  try {
    console.error(`bridge: ${req.method} ${String(req.url).slice(0, 200)} failed:`, error);
    if (res.headersSent) {
      res.destroy();
    } else if ((req.url ?? '').startsWith('/api/')) {
      refuse(res, 500, 'bridge', 'bridge: the request failed inside the bridge; the details are in its log');
    } else {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
      res.end('Internal error; the details are in the log');
    }
  } catch {
    res.destroy();
  }
}

/** A body over MAX_BODY_BYTES. Past DRAIN_LIMIT_BYTES the bridge stops waiting for its end (gaveUp). */
class BodyTooLarge extends Error {
  constructor(readonly gaveUp: boolean) {
    super('bridge: the request body is larger than 1 MiB');
  }
}

/**
 * Reads the body. One over the limit is still read to its end, discarding it, before the caller
 * answers 413: destroying the request mid-upload reset the connection and the client never saw an
 * answer. Only a body past DRAIN_LIMIT_BYTES is given up on early (the answer then closes the connection).
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    if (Number(req.headers['content-length']) > DRAIN_LIMIT_BYTES) reject(new BodyTooLarge(true));
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      if (size > DRAIN_LIMIT_BYTES) reject(new BodyTooLarge(true));
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLarge(false)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
    req.on('close', () => reject(new Error('bridge: the request ended before its body did')));
  });
}

async function handleCall(service: Service, name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      if (error.gaveUp) res.setHeader('Connection', 'close');
      refuse(res, 413, 'bridge', error.message);
      return;
    }
    const reason = error instanceof SyntaxError ? 'bridge: the request body is not valid JSON' : (error as Error).message;
    refuse(res, 400, 'bridge', reason);
    return;
  }
  const outcome = await settle(() => service.call(name, input));
  sendJson(res, outcome.ok ? 200 : HTTP_STATUS[outcome.error.code], outcome);
}

function streamEvents(service: Service, req: IncomingMessage, res: ServerResponse): void {
  // Subscribe before the head goes out, so a failure here is still answered with a 500.
  const unsubscribe = service.events.subscribe((event) => {
    try {
      res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    } catch (error) {
      fail(req, res, error); // one stream's failure is not the emitter's
    }
  });
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...SECURITY_HEADERS });
  res.write(': connected\n\n');
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  req.on('close', () => {
    clearInterval(keepalive);
    unsubscribe();
  });
}

export function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? newToken();
  let port = options.port ?? 0;

  const route = (req: IncomingMessage, res: ServerResponse): void => {
    const refusedOrigin = checkOrigin(req, port);
    if (refusedOrigin) return refuse(res, refusedOrigin.status, 'bridge', refusedOrigin.message);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return refuse(res, 400, 'bridge', 'bridge: the request URL is malformed');
    }

    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'bridge', 'bridge: only GET serves the console');
      // The path exactly as sent: URL parsing would quietly resolve `..`, `%2e%2e` and backslashes away.
      const target = req.url ?? '/';
      return serveStatic(options.rendererDir, target.startsWith('/') ? (target.split(/[?#]/)[0] as string) : url.pathname, res);
    }
    const isEvents = url.pathname === '/api/events';
    const refusedToken = checkToken(req, url, token, isEvents);
    if (refusedToken) return refuse(res, refusedToken.status, 'bridge', refusedToken.message);

    if (isEvents && req.method === 'GET') return streamEvents(options.service, req, res);
    const call = /^\/api\/call\/([a-z][a-z-]*)$/.exec(url.pathname);
    if (call && req.method === 'POST') return void handleCall(options.service, call[1] as string, req, res).catch((error: unknown) => fail(req, res, error));
    return refuse(res, 404, 'bridge', `bridge: no API route ${req.method} ${url.pathname}; calls are POST /api/call/OPERATION`);
  };

  const server = http.createServer((req, res) => {
    try {
      route(req, res);
    } catch (error) {
      fail(req, res, error);
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
