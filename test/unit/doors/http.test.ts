import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBridge, type Bridge } from '../../../main/doors/http';
import { addFeed, addItem, memoryService } from '../../support/seed';
import { tempDir } from '../../support/temp';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so Host and Origin can be set as an attacker's page or a rebinding DNS name would. */
function request(bridge: Bridge, method: string, pathname: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: bridge.port, method, path: pathname, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let open: Bridge[] = [];
afterEach(async () => {
  await Promise.all(open.map((bridge) => bridge.close()));
  open = [];
});

async function bridgeWithRenderer() {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const service = memoryService();
  const bridge = await startBridge({ service, rendererDir });
  open.push(bridge);
  const auth = { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' };
  return { bridge, service, auth };
}

describe('browser-mode bridge', () => {
  it('listens on 127.0.0.1 and gives a URL carrying its token', async () => {
    const { bridge } = await bridgeWithRenderer();
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
    expect(bridge.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 to an API call without the token or with a wrong one', async () => {
    const { bridge } = await bridgeWithRenderer();
    const missing = await request(bridge, 'POST', '/api/call/app-info', {}, '{}');
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { stage: 'bridge' } });
    const wrong = await request(bridge, 'POST', '/api/call/app-info', { Authorization: 'Bearer nope' }, '{}');
    expect(wrong.status).toBe(401);
    const inQuery = await request(bridge, 'POST', `/api/call/app-info?token=${bridge.token}`, {}, '{}');
    expect(inQuery.status).toBe(401);
  });

  it('runs an operation for a request holding the token', async () => {
    const { bridge, service, auth } = await bridgeWithRenderer();
    addItem(service.context.db, { feedId: addFeed(service.context.db) });
    const reply = await request(bridge, 'POST', '/api/call/views-counts', auth, '{}');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, result: { inbox: 1, all: 1 } });
  });

  it('refuses a foreign Origin or Host even with the token', async () => {
    const { bridge, auth } = await bridgeWithRenderer();
    const origin = await request(bridge, 'POST', '/api/call/app-info', { ...auth, Origin: 'https://evil.example' }, '{}');
    expect(origin.status).toBe(403);
    const host = await request(bridge, 'POST', '/api/call/app-info', { ...auth, Host: `rebind.evil.example:${bridge.port}` }, '{}');
    expect(host.status).toBe(403);
    const page = await request(bridge, 'GET', '/', { Host: 'rebind.evil.example' });
    expect(page.status).toBe(403);
    const own = await request(bridge, 'POST', '/api/call/app-info', { ...auth, Origin: `http://127.0.0.1:${bridge.port}` }, '{}');
    expect(own.status).toBe(200);
  });

  it('turns bad input into a 400 that says what was wrong, and a missing item into a 404', async () => {
    const { bridge, auth } = await bridgeWithRenderer();
    const notJson = await request(bridge, 'POST', '/api/call/items-list', auth, '{view:');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toBe('bridge: the request body is not valid JSON');
    const invalid = await request(bridge, 'POST', '/api/call/items-list', auth, '{"limit": "lots"}');
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error.message).toMatch(/^items-list: invalid input: limit:/);
    const unknown = await request(bridge, 'POST', '/api/call/no-such-thing', auth, '{}');
    expect(unknown.status).toBe(400);
    const missing = await request(bridge, 'POST', '/api/call/item-get', auth, '{"id": 5}');
    expect(missing.status).toBe(404);
  });

  it('serves the console with the CSP and never a file outside it', async () => {
    const { bridge } = await bridgeWithRenderer();
    const index = await request(bridge, 'GET', '/?token=abc');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Switchboard</title>');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await request(bridge, 'GET', '/assets/app.js')).headers['content-type']).toContain('text/javascript');
    for (const sneaky of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../package.json']) {
      const reply = await request(bridge, 'GET', sneaky);
      expect(reply.body).not.toContain('root:');
      expect(reply.body).not.toContain('"name"');
    }
    expect((await request(bridge, 'GET', '/assets/missing.js')).status).toBe(404);
  });

  it('streams service events to a client holding the token', async () => {
    const { bridge, service } = await bridgeWithRenderer();
    const refused = await request(bridge, 'GET', '/api/events');
    expect(refused.status).toBe(401);

    const received = new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: bridge.port, path: `/api/events?token=${bridge.token}` }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected')) service.events.emit('items-changed', { reason: 'test' });
          if (text.includes('event: items-changed')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
    });
    expect(await received).toContain('event: items-changed\ndata: {"reason":"test"}\n\n');
  });
});

/** Sends bytes exactly as given (no client-side URL normalising) and reads the whole answer. */
function rawRequest(bridge: Bridge, head: string, body: Buffer | string = ''): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(bridge.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(3000, () => {
      socket.destroy();
      reject(new Error(`no answer to ${JSON.stringify(head.split('\r\n')[0])}`));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [top = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = top.split('\r\n');
      const headers: http.IncomingHttpHeaders = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let body = rest.join('\r\n\r\n');
      if (headers['transfer-encoding'] === 'chunked') {
        let plain = '';
        for (let at = 0; ; ) {
          const eol = body.indexOf('\r\n', at);
          const size = parseInt(body.slice(at, eol), 16);
          if (!(size > 0)) break;
          plain += body.slice(eol + 2, eol + 2 + size);
          at = eol + 2 + size + 2;
        }
        body = plain;
      }
      resolve({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body });
    });
    // No half-close: Node's server may drop an answer still being prepared when the client ends first.
    socket.write(head);
    if (body.length > 0) socket.write(body);
  });
}

function get(bridge: Bridge, target: string): Promise<Reply> {
  return rawRequest(bridge, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nConnection: close\r\n\r\n`);
}

async function stillServes(bridge: Bridge, auth: Record<string, string>): Promise<void> {
  const reply = await request(bridge, 'POST', '/api/call/views-counts', auth, '{}');
  expect(reply.status).toBe(200);
  expect(JSON.parse(reply.body)).toMatchObject({ ok: true });
}

describe('browser-mode bridge under malformed requests', () => {
  it('refuses bad static paths with a plain-text 400 and keeps serving', async () => {
    const { bridge, auth } = await bridgeWithRenderer();
    const bad = [
      '/assets/x%00.js',
      '/%00',
      '/assets/x\0.js',
      '/assets/%E0%A4%A.js',
      '/assets/%zz.js',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/../../package.json',
      '/assets\\..\\..\\package.json',
      '/assets/%5c..%5cpackage.json',
      '/assets/' + 'a'.repeat(5000) + '.js',
    ];
    for (const target of bad) {
      const reply = await get(bridge, target);
      expect(reply.status, target.slice(0, 60)).toBe(400);
      expect(reply.body.length, target.slice(0, 60)).toBeLessThan(200);
      expect(reply.body).not.toContain('"name"');
    }
    const typed = await get(bridge, '/assets/x%00.js');
    expect(typed.headers['content-type']).toContain('text/plain');
    expect(typed.headers['x-content-type-options']).toBe('nosniff');
    await stillServes(bridge, auth);
    expect((await get(bridge, '/assets/app.js')).status).toBe(200);
    expect((await get(bridge, '/some/console/route')).body).toContain('<title>Switchboard</title>');
  });

  it('answers a request URL it cannot parse with a 400 and keeps serving', async () => {
    const { bridge, auth } = await bridgeWithRenderer();
    for (const target of ['//%', '//%/api/call/app-info', 'http://[::1']) {
      const reply = await get(bridge, target);
      expect(reply.status, target).toBe(400);
    }
    await stillServes(bridge, auth);
  });

  it('turns anything a request throws, sync or async, into a 500 and keeps serving', async () => {
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
    const real = memoryService();
    let mode: 'normal' | 'sync' | 'async' = 'normal';
    const service = Object.create(real) as typeof real;
    service.call = (name, input) => (mode === 'async' ? Promise.resolve({ unserializable: 1n }) : real.call(name, input));
    const events = Object.create(real.events) as typeof real.events;
    events.subscribe = (listener) => {
      if (mode === 'sync') throw new Error('subscribe exploded');
      return real.events.subscribe(listener);
    };
    Object.defineProperty(service, 'events', { value: events });
    const bridge = await startBridge({ service, rendererDir });
    open.push(bridge);
    const auth = { Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'application/json' };
    const logged: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    try {
      mode = 'sync';
      const sync = await get(bridge, `/api/events?token=${bridge.token}`);
      expect(sync.status).toBe(500);
      expect(JSON.parse(sync.body)).toMatchObject({ ok: false, error: { code: 'internal', stage: 'bridge' } });
      expect(sync.body).not.toContain('exploded');
      mode = 'async';
      const async = await request(bridge, 'POST', '/api/call/views-counts', auth, '{}');
      expect(async.status).toBe(500);
      expect(JSON.parse(async.body)).toMatchObject({ ok: false, error: { code: 'internal', stage: 'bridge' } });
    } finally {
      spy.mockRestore();
      mode = 'normal';
    }
    expect(logged.join('\n')).toContain('subscribe exploded');
    expect(logged.join('\n')).toMatch(/BigInt/);
    await stillServes(bridge, auth);
  });

  it('answers a body over 1 MiB with a 413 the client actually reads', async () => {
    const { bridge, auth } = await bridgeWithRenderer();
    const big = '"' + 'x'.repeat(1024 * 1024 + 16) + '"';
    const reply = await request(bridge, 'POST', '/api/call/items-list', auth, big);
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', stage: 'bridge' } });
    expect(JSON.parse(reply.body).error.message).toMatch(/larger than 1 MiB/);
    const raw = await rawRequest(
      bridge,
      `POST /api/call/items-list HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nAuthorization: Bearer ${bridge.token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${big.length}\r\nConnection: close\r\n\r\n`,
      big,
    );
    expect(raw.status).toBe(413);
    // A body declared far past what the bridge will drain is answered at once, and the connection closed.
    const huge = await rawRequest(
      bridge,
      `POST /api/call/items-list HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\nAuthorization: Bearer ${bridge.token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${64 * 1024 * 1024}\r\n\r\n`,
    );
    expect(huge.status).toBe(413);
    expect(huge.headers.connection).toBe('close');
    const notJson = await request(bridge, 'POST', '/api/call/items-list', auth, '{' + ' '.repeat(1024 * 1024 - 10));
    expect(notJson.status).toBe(400);
    await stillServes(bridge, auth);
  });
});
