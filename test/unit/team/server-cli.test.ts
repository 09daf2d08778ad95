// `switchboard team init|invite|revoke|serve` as an administrator runs them: the built command,
// a real PostgreSQL database, and the lines they print.
import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BIN, ensureBuilt } from '../../support/built-cli';
import { createTestDatabase } from '../../support/postgres';
import { teamCall } from '../../support/team-server';
import { openPool } from '../../../db/pg/pool';
import { migrateWorkspace, workspaceSchemaVersion } from '../../../db/pg/migrate';
import { PG_SCHEMA_VERSION, pgMigrations } from '../../../db/pg/migrations';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  ensureBuilt();
  database = await createTestDatabase('cli');
}, 120_000);
afterAll(async () => database?.drop());

function team(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, 'team', ...args], { encoding: 'utf8', env: { ...process.env, SWITCHBOARD_PG: database.url } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Starts `team serve`, resolves with its first line of output and a way to stop it. */
function serve(...args: string[]): Promise<{ line: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'team', 'serve', '--pg', database.url, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ line: out.trim(), stop: async () => void (child.kill('SIGTERM'), await exited) });
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`team serve exited (${code}) before printing its address: ${err}`)));
  });
}

test('init makes the workspace and its owner, invite prints a join command that works once, revoke cuts off', async () => {
  const init = team('init', '--name', 'Acme support', '--owner', 'Dana');
  expect(init.stderr).toBe('');
  expect(init.stdout).toMatch(/Workspace "Acme support" is ready \(schema version \d+\)/);
  expect(init.stdout).toMatch(/Invited Dana \(owner\)/);

  const server = await serve('--port', '0');
  try {
    expect(server.line).toMatch(/^Team server for "Acme support" at http:\/\/127\.0\.0\.1:\d+$/);
    const url = server.line.split(' at ')[1]!;
    const invite = team('invite', 'Sam');
    expect(invite.stdout).toContain(`switchboard team join ${url} --token sbi_`);
    const token = /--token (sbi_\S+)/.exec(invite.stdout)![1]!;
    const joined = await teamCall<{ token: string; moderator: { name: string; role: string } }>(url, null, 'POST', '/join', { invite: token });
    expect(joined.body.moderator).toMatchObject({ name: 'Sam', role: 'moderator' });
    expect((await teamCall(url, null, 'POST', '/join', { invite: token })).status).toBe(401);
    expect((await teamCall(url, joined.body.token, 'GET', '/hello')).status).toBe(200);

    const revoked = team('revoke', 'Sam');
    expect(revoked.stdout).toMatch(/^Revoked Sam/);
    expect((await teamCall(url, joined.body.token, 'GET', '/hello')).status).toBe(401);
    expect(team('revoke', 'Nobody').stderr).toBe('switchboard: There is no moderator named "Nobody" in this workspace.\n');
  } finally {
    await server.stop();
  }
});

test('serve refuses to listen beyond this machine without TLS, and says how to put a proxy in front', () => {
  const open = team('serve', '--host', '0.0.0.0', '--port', '0');
  expect(open.code).toBe(1);
  expect(open.stderr).toMatch(/unencrypted/);
  expect(open.stderr).toMatch(/--tls-cert FILE --tls-key FILE/);
  expect(open.stderr).toMatch(/127\.0\.0\.1 and put a TLS proxy in front/);
  expect(open.stderr).toMatch(/--insecure-behind-proxy/);
});

test('without --pg or SWITCHBOARD_PG, the commands say what to give', () => {
  const run = spawnSync(process.execPath, [BIN, 'team', 'invite', 'Sam'], { encoding: 'utf8', env: { ...process.env, SWITCHBOARD_PG: '' } });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/--pg postgresql:\/\/USER@HOST\/DATABASE \(or set SWITCHBOARD_PG\)/);
});

test('init refuses a workspace whose schema is newer than this Switchboard', async () => {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from_the_future', 0)");
    const init = team('init');
    expect(init.code).toBe(1);
    expect(init.stderr).toMatch(/this workspace's schema is version 99, newer than this Switchboard \(\d+\): update Switchboard/i);
    expect(team('serve', '--port', '0').stderr).toMatch(/version 99, newer than this Switchboard/);
  } finally {
    await client.query('DELETE FROM schema_migrations WHERE version = 99');
    await client.end();
  }
});

test('serve refuses a workspace an older Switchboard made until init upgrades it', async () => {
  const older = await createTestDatabase('cli_older');
  const pool = openPool(older.url);
  try {
    await migrateWorkspace(pool, pgMigrations.slice(0, 1));
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'team', ...args, '--pg', older.url], { encoding: 'utf8' });
    const refused = run('serve', '--port', '0');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/schema is version 1, older than this Switchboard \(\d+\): run switchboard team init/);
    expect(run('init').status).toBe(0);
    expect(await workspaceSchemaVersion(pool)).toBe(PG_SCHEMA_VERSION);
  } finally {
    await pool.end();
    await older.drop();
  }
});

test('a PostgreSQL out of reach is said in plain words, with what to check, by every kind of team command', () => {
  // A socket folder with no server in it: what a stopped PostgreSQL or a mistyped --pg looks like.
  const nowhere = 'postgresql://postgres@/switchboard?host=/tmp/switchboard-no-postgres-here&port=5999';
  for (const args of [['invite', 'Sam'], ['serve'], ['feeds', 'list']]) {
    const run = spawnSync(process.execPath, [BIN, 'team', ...args, '--pg', nowhere], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^switchboard: Cannot reach the workspace's PostgreSQL \(connect ENOENT .*\): check that it is running and that --pg \(or \$SWITCHBOARD_PG\) names it\.\n$/);
  }
});
