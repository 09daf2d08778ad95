// `team serve` beyond this machine: with a certificate it serves https on any address, and
// half a TLS configuration is refused in plain words.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TEAM_API } from '../../../common/team-wire';
import { openPool } from '../../../db/pg/pool';
import { readWorkspace } from '../../../db/pg/tables/workspace';
import { initWorkspace } from '../../../main/team-server/admin';
import { checkExposure, isLoopback, serveTeam } from '../../../main/team-server/serve';
import { createTestDatabase } from '../../support/postgres';
import { tempDir } from '../../support/temp';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let invite: string;
beforeAll(async () => {
  database = await createTestDatabase('serve');
  const pool = openPool(database.url, 1);
  invite = (await initWorkspace(pool, { name: 'Secure' })).owner!.invite;
  await pool.end();
});
afterAll(async () => database?.drop());

function selfSigned(): { cert: string; key: string } {
  const dir = tempDir();
  const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=team.test', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { cert, key };
}

test('with a certificate, the team server listens on every address over https', async () => {
  const { cert, key } = selfSigned();
  const running = await serveTeam({ pgUrl: database.url, host: '0.0.0.0', port: 0, tlsCert: cert, tlsKey: key, log: () => {} });
  try {
    expect(running.url).toMatch(/^https:\/\/0\.0\.0\.0:\d+$/);
    const port = Number(new URL(running.url).port);
    // Invites name this machine, not "every address".
    const pool = openPool(database.url, 1);
    expect((await readWorkspace(pool))!.serverUrl).toBe(`https://${os.hostname().toLowerCase()}:${port}`);
    await pool.end();
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = JSON.stringify({ invite });
      const request = https.request({ host: '127.0.0.1', port, method: 'POST', path: `${TEAM_API}/join`, ca: fs.readFileSync(cert), headers: { 'content-type': 'application/json' } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      request.on('error', reject);
      request.end(body);
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).workspace).toEqual({ name: 'Secure' });
  } finally {
    await running.stop();
  }
});

test('half a TLS configuration is refused, and loopback is told apart from the rest', () => {
  expect(() => checkExposure({ host: '127.0.0.1', tlsCert: 'cert.pem' })).toThrow('give both --tls-cert FILE and --tls-key FILE');
  expect(() => checkExposure({ host: '192.168.1.20' })).toThrow(/unencrypted/);
  expect(() => checkExposure({ host: '192.168.1.20', insecureBehindProxy: true })).not.toThrow();
  expect(['127.0.0.1', '127.0.0.2', '::1', '[::1]', 'localhost'].every(isLoopback)).toBe(true);
  expect(['0.0.0.0', '::', '10.0.0.1', 'team.example.com', '::ffff:10.0.0.1'].some(isLoopback)).toBe(false);
});
