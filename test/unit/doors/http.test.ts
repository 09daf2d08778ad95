import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
